"""Fuzzing the loaders: whatever bytes come in, the only exceptions are agencynet's own
(``ExtractionError`` naming the file), and nothing hangs.

Example counts are modest (the suite shares 2 cores) and derandomised, so a failure
reproduces; each test also has a wall-clock ``timeout`` and each example a deadline.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import loaders
from agencynet.errors import AgencynetError, ExtractionError
from loaders.reading import read_document

from .fuzzing import NAMES, SAMPLE_BYTES, mutated_sample, mutated_text, reencoded, token_soup

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=5), derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _extract():
    return pytest.importorskip("loaders.extract", reason="extractor not landed yet").extract_document


def _graph():
    return pytest.importorskip("loaders.graph", reason="plan graph builder not landed yet").build_plan_graph


def _only_own_errors(fn, data: bytes, name: str):
    """Run ``fn(data, name)``; an error must be ExtractionError naming the file with a reason."""
    try:
        return fn(data, name)
    except ExtractionError as exc:
        assert exc.source == name, exc
        assert exc.reason and exc.reason.strip(), exc
        assert name in str(exc)
        return None
    except AgencynetError as exc:  # pragma: no cover - a wrong error type is a failure with a clear note
        pytest.fail(f"{type(exc).__name__} for input read as {name!r}; expected ExtractionError: {exc}")


# --- reading -----------------------------------------------------------------------------


@pytest.mark.timeout(120)
@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
def test_read_random_bytes(data, name):
    doc = _only_own_errors(read_document, data, name)
    if doc is not None:
        assert isinstance(doc.text, str)


@pytest.mark.timeout(120)
@FUZZ
@given(data=mutated_sample(), name=st.sampled_from(NAMES))
def test_read_mutated_samples(data, name):
    _only_own_errors(read_document, data, name)


@pytest.mark.timeout(120)
@FUZZ
@given(pair=reencoded())
def test_read_random_encodings(pair):
    data, enc = pair
    doc = _only_own_errors(read_document, data, f"plan-{enc}.txt")
    if doc is not None and enc in ("utf-8", "gb18030", "utf-16") and len(data) > 2000:
        assert "、" in doc.text or "，" in doc.text or "," in doc.text  # text, not mojibake


# --- extraction (text -> records) and graph rows -----------------------------------------


@pytest.mark.timeout(300)
@FUZZ
@given(data=mutated_sample())
def test_extract_mutated_samples(data):
    extract, graph = _extract(), _graph()
    doc = _only_own_errors(extract, data, "mutated.txt")
    if doc is not None:
        for t in doc.tasks:
            assert 0 <= t.span[0] <= t.span[1] <= len(doc.text)
            assert set(t.lead) <= set(t.units)
        graph(doc)


@pytest.mark.timeout(300)
@FUZZ
@given(text=mutated_text())
def test_extract_mutated_text(text):
    extract = _extract()
    doc = _only_own_errors(extract, text.encode("utf-8"), "mutated.txt")
    if doc is not None:
        for t in doc.tasks:
            if t.clause_span:
                a, b = t.clause_span
                assert doc.text[a:b] == t.clause


@pytest.mark.timeout(300)
@FUZZ
@given(pair=reencoded())
def test_extract_random_encodings(pair):
    data, enc = pair
    _only_own_errors(_extract(), data, f"plan-{enc}.txt")


@pytest.mark.timeout(300)
@FUZZ
@given(soup=token_soup, name=st.sampled_from(["soup.txt", "soup.html"]))
def test_extract_token_soup(soup, name):
    _only_own_errors(_extract(), soup.encode("utf-8"), name)


@pytest.mark.timeout(120)
@FUZZ
@given(data=st.binary(min_size=1, max_size=4096))
def test_extract_random_bytes(data):
    _only_own_errors(_extract(), data, "random.txt")


# --- pathological shapes: each must finish quickly with records or ExtractionError ---------

HEAD = "某市某某行动计划\n一、主要任务\n"
PATHOLOGICAL = {
    "empty": b"",
    "nul_bytes": b"\x00" * 10_000,
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
    "huge_line": (HEAD + "1.加强质量建设" + "推进标准化工作," * 200_000 + "(责任单位:市财政局)").encode(),
    "huge_line_no_breaks": ("加强(" * 3_000).encode(),
    "deep_round": (HEAD + "1.任务。" + "(" * 50_000 + "市财政局" + ")" * 50_000).encode(),
    "deep_mixed": (HEAD + "1.任务。" + "〔（(" * 20_000 + "责任单位:市财政局" + ")）〕" * 20_000).encode(),
    "unclosed": (HEAD + "".join(f"{i}.任务。(责任单位:市财政局、" for i in range(1, 2000))).encode(),
    "clause_storm": (HEAD + "1.任务。" + "(责任单位:市财政局、市发改委,列第一位的为牵头单位,下同)" * 2_000).encode(),
    "many_items": (HEAD + "".join(f"{i}.任务{i}。(责任单位:市财政局、市发改委)\n" for i in range(1, 20_001))).encode(),
    "separator_storm": (HEAD + "1.任务。(责任单位:" + "、" * 100_000 + ")").encode(),
    "numbering_storm": ("\n".join(["一、", "(一)", "1.", "(1)", "①"] * 20_000)).encode(),
    "mixed_encodings": "一、主要任务\n1.加强建设。".encode() + "(责任单位:市财政局)".encode("gb18030") * 500,
    "utf16_odd": "一、主要任务".encode("utf-16")[:-1],
    "repeated_sample": SAMPLE_BYTES[0] * 50,
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_read_pathological(case):
    _only_own_errors(read_document, PATHOLOGICAL[case], f"{case}.txt")


@pytest.mark.timeout(90)
@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_extract_pathological(case):
    data = PATHOLOGICAL[case]
    doc = _only_own_errors(_extract(), data, f"{case}.txt")
    if case == "empty":
        assert doc is None  # an empty file is always an error
    if doc is not None:
        _graph()(doc)


# --- growth: work on one long line should grow about linearly with its length -------------
# Counted, not timed: the number of Python steps (calls and lines executed) inside the
# ``loaders`` package while one document is extracted. Four times the text must take
# at most ~6x the steps (linear is 4x, quadratic 16x). This is deterministic on a busy
# machine; it sees loops written in Python (the clause-storm finding was a scan of every
# clause for every declaration), not repeated scans inside one C call (a regex or
# ``str.find`` over the whole text each time): ``benchmarks/bench_clauses.py`` times those.

LOADERS_DIR = str(Path(loaders.__file__).resolve().parent)


def _steps(fn, data: bytes, under: str = LOADERS_DIR) -> int:
    """Python calls and lines executed in files under ``under`` while ``fn(data, name)`` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    def calls(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename.startswith(under):
            count += 1
            return local
        return None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        fn(data, "growth.txt")
    except ExtractionError:
        pass
    finally:
        sys.settrace(previous)
    return count


GROWTH = {
    "unclosed_brackets": lambda k: (HEAD + "1.任务。" + "加强(" * k).encode(),
    "clause_storm": lambda k: (HEAD + "1.任务。" + "(责任单位:市财政局、市发改委,列第一位的为牵头单位,下同)" * k).encode(),
    "item_storm": lambda k: (HEAD + "".join(f"({i})任务{i}。(责任单位:市财政局、市发改委)" for i in range(1, k + 1))).encode(),
}


def _growth(case: str, small: int) -> tuple[int, int]:
    extract, make = _extract(), GROWTH[case]
    extract(make(20), "warm.txt")  # imports and caches filled before counting
    return _steps(extract, make(small)), _steps(extract, make(4 * small))


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("case", "small"), [("unclosed_brackets", 1_000), ("clause_storm", 250),
                                             ("item_storm", 250)])
def test_extract_steps_grow_linearly_on_one_line(case, small):
    """Four times the text may take at most 6x the steps (linear is 4x, quadratic 16x)."""
    few, many = _growth(case, small)
    assert few > 0
    assert many < 6 * few, f"{case}: {few} steps for {small}, {many} for {4 * small} ({many / few:.1f}x)"


def test_step_counter_sees_a_quadratic_loop():
    """The counter itself: a scan of every item for every item is seen growing ~16x for 4x the input."""
    here = str(Path(__file__).resolve())

    def pairs(data: bytes, name: str) -> None:
        for a in data:
            if any(b > a for b in data):  # every item scanned for every item: the clause-storm shape
                raise AssertionError(name)

    small, large = _steps(pairs, b"x" * 30, here), _steps(pairs, b"x" * 120, here)
    assert large > 12 * small, (small, large)
