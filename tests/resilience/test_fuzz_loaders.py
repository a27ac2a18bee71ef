"""Fuzzing the loaders: whatever bytes come in, the only exceptions are agencynet's own
(``ExtractionError`` naming the file), and nothing hangs.

Example counts are modest (the suite shares 2 cores) and derandomised, so a failure
reproduces; each test also has a wall-clock ``timeout`` and each example a deadline.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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

def _seconds(fn, data: bytes) -> float:
    import time

    t = time.perf_counter()
    try:
        fn(data, "growth.txt")
    except ExtractionError:
        pass
    return time.perf_counter() - t


GROWTH = {
    "unclosed_brackets": lambda k: (HEAD + "1.任务。" + "加强(" * k).encode(),
    "clause_storm": lambda k: (HEAD + "1.任务。" + "(责任单位:市财政局、市发改委,列第一位的为牵头单位,下同)" * k).encode(),
}


def _growth(case: str) -> tuple[float, float]:
    extract, make = _extract(), GROWTH[case]
    _seconds(extract, make(50))  # warm-up
    return _seconds(extract, make(1_000)), _seconds(extract, make(4_000))


@pytest.mark.timeout(120)
def test_extract_time_grows_linearly_with_unclosed_brackets():
    """Four times the text may take at most ~8x the time (linear is 4x, quadratic 16x)."""
    small, large = _growth("unclosed_brackets")
    assert large < 8 * small + 0.5, f"{small:.2f}s for 1k, {large:.2f}s for 4k"


@pytest.mark.xfail(strict=False, reason="found by this fuzzing: one line holding thousands of clauses takes "
                                        "about 9x the time for 4x the text (was worse for unclosed brackets, "
                                        "now linear); the clause scan over a long line still grows faster "
                                        "than linearly")
@pytest.mark.timeout(120)
def test_extract_time_grows_linearly_with_clause_storms():
    small, large = _growth("clause_storm")
    assert large < 6 * small + 0.2, f"{small:.2f}s for 1k, {large:.2f}s for 4k"
