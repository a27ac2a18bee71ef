"""Turning a library's exception into a short reason a person can read."""

from __future__ import annotations

MAX_DETAIL = 120


def describe(exc: BaseException) -> str:
    """``Type: message``, on one line and cut to ``MAX_DETAIL`` characters.

    Examples
    --------
    >>> describe(ValueError("bad\\nvalue"))
    'ValueError: bad value'
    """
    detail = " ".join(str(exc).split())
    if len(detail) > MAX_DETAIL:
        detail = detail[: MAX_DETAIL - 1] + "…"
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
