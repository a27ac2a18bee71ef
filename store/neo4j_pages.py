"""Paged list reads of the Neo4j store (mixed into ``Neo4jStore``).

A page of plans or agencies is read in id order through the unique-id index with
``SKIP``/``LIMIT`` inside Neo4j, so a JSON page costs what the page costs; aliases and
edge counts are computed for the page's agencies only. Row shapes are those of
``plans()``/``agencies()`` (``store.base.GraphStore``).
"""

from __future__ import annotations

from store.aggregates import page_limit


def sorted_aliases(row: dict) -> dict:
    row["aliases"] = sorted(row["aliases"])
    return row


class Neo4jPages:
    """The paged list reads of ``Neo4jStore``; needs ``_read(name, **params)``."""

    def plans_page(self, limit: int | None = None, offset: int = 0) -> dict:
        record = self._read("read_plans_page", skip=int(offset), limit=page_limit(limit))[0]
        return {"count": record["count"], "rows": [dict(r) for r in record["rows"]]}

    def agencies_page(self, jurisdiction_id: str | None = None, function: str | None = None, q: str | None = None,
                      limit: int | None = None, offset: int = 0) -> dict:
        page = {"skip": int(offset), "limit": page_limit(limit)}
        if jurisdiction_id is None and function is None and q is None:
            record = self._read("read_agencies_page", **page)[0]
        else:  # start from the jurisdiction's or the function's index when there is one
            name = ("read_agencies_page_in_jurisdiction" if jurisdiction_id is not None
                    else "read_agencies_page_of_function" if function is not None else "read_agencies_page_matching")
            record = self._read(name, jurisdiction_id=jurisdiction_id, function=function,
                                q=None if q is None else q.lower(), **page)[0]
        return {"count": record["count"], "rows": [sorted_aliases(dict(r)) for r in record["rows"]]}
