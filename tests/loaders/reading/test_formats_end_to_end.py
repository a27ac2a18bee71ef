"""The same plan in every format and encoding gives the same tasks; bad files fail cleanly through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from agencynet.cli import cli
from loaders.extract import extract_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reading"
AGENCYNET = Path(sys.executable).with_name("agencynet")
FIELDS = ("path", "heading", "clause", "units", "lead", "support", "collective", "open_list", "lead_basis")
TABLE = [
    ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
    ["1", "建立质量工作考核制度", "市市场监管局", "市人社局、市财政局", "2018年底"],
    ["2", "开展质量提升示范活动", "市质监局", "各县（市、区）人民政府", "2019年6月"],
]


def _tasks(data: bytes, name: str) -> list[tuple]:
    doc = extract_document(data, name)
    for task in doc.tasks:  # provenance: every span points at the task's text in the decoded source
        assert doc.text[task.span[0]:task.span[1]] == task.text
        if task.clause_span:
            assert doc.text[task.clause_span[0]:task.clause_span[1]] == task.clause
    return [tuple(json.dumps(getattr(t, f), ensure_ascii=False) for f in FIELDS) for t in doc.tasks]


@pytest.fixture(scope="module")
def reference() -> list[tuple]:
    tasks = _tasks((FIXTURES / "plan.txt").read_bytes(), "plan.txt")
    assert len(tasks) == 4  # (一)…(四) under 主要任务; the 保障措施 item has no clause
    return tasks


@pytest.mark.parametrize("stored", ["plan_gb18030.txt", "plan_utf16le_nobom.txt", "plan_utf16be_bom.txt"])
def test_encodings_give_the_same_tasks(reference, stored):
    assert _tasks((FIXTURES / stored).read_bytes(), stored) == reference


@pytest.mark.parametrize("fmt", ["html", "docx", "numbered_docx", "pdf"])
def test_formats_give_the_same_tasks(reference, builders, plan_lines, fmt):
    suffix = "docx" if fmt == "numbered_docx" else fmt
    assert _tasks(builders[fmt](plan_lines), f"plan.{suffix}") == reference


def test_gb2312_html_page_with_furniture_gives_the_same_tasks(reference):
    tasks = _tasks((FIXTURES / "gov_page_gb2312.html").read_bytes(), "gov_page_gb2312.html")
    assert tasks[: len(reference)] == reference


def test_plan_facts_survive_every_format(builders, plan_lines):
    facts = set()
    for name, data in [("plan.txt", (FIXTURES / "plan.txt").read_bytes()),
                       ("plan.html", builders["html"](plan_lines)),
                       ("plan.docx", builders["docx"](plan_lines)),
                       ("plan.pdf", builders["pdf"](plan_lines))]:
        plan = extract_document(data, name).plan
        facts.add((plan.title, plan.doc_number, plan.date, plan.issuer))
    assert len(facts) == 1, facts
    assert next(iter(facts))[1] == "临政办发〔2018〕12号"


def test_task_division_table_reads_the_same_in_html_docx_and_pdf(builders, plan_lines):
    lines = plan_lines + ["附件", "任务分工表"]
    from_html = _tasks(builders["html"](lines, TABLE), "t.html")
    from_docx = _tasks(builders["docx"](lines, TABLE), "t.docx")
    from_pdf = _tasks(builders["pdf"](lines, TABLE, ruled=True), "t.pdf")
    assert from_html == from_docx == from_pdf
    assert len(from_html) == 6  # 4 in the text, 2 table rows


@pytest.fixture()
def mixed_dir(tmp_path, builders, plan_lines) -> Path:
    (tmp_path / "good.txt").write_bytes((FIXTURES / "plan_gb18030.txt").read_bytes())
    (tmp_path / "good.docx").write_bytes(builders["docx"](plan_lines))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4000)))
    (tmp_path / "scanned.pdf").write_bytes(builders["scanned_pdf"]())
    (tmp_path / "broken.docx").write_bytes(builders["docx"](plan_lines)[:700])
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    return tmp_path


BAD = {"empty.txt": "empty file", "binary.txt": "binary", "scanned.pdf": "no text layer",
       "broken.docx": "corrupt", "old.doc": "not a supported format"}


def test_cli_reports_each_bad_file_and_extracts_the_others(mixed_dir):
    files = sorted(str(p) for p in mixed_dir.iterdir())
    result = CliRunner().invoke(cli, ["extract", "--quiet", *files])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD)
    for name, reason in BAD.items():
        assert any(name in line and reason in line for line in errors), (name, errors)
    plans = {json.loads(line)["plan"] for line in result.stdout.splitlines()}
    assert plans == {"good.txt", "good.docx"}
    assert "Traceback" not in result.output


def test_installed_cli_shows_no_traceback(mixed_dir):
    proc = subprocess.run([str(AGENCYNET), "extract", "--quiet", *sorted(map(str, mixed_dir.iterdir()))],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert proc.stderr.count("error: ") == len(BAD)
    assert len(proc.stdout.splitlines()) == 8  # 4 tasks from each good file


def test_cli_unsupported_suffix_alone_fails(tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(cli, ["extract", str(target)])
    assert result.exit_code == 1
    assert "plan.xlsx" in result.stderr and "Traceback" not in result.output


def test_big5_traditional_plan_keeps_its_script_and_structure(reference):
    doc = extract_document((FIXTURES / "plan_big5_traditional.txt").read_bytes(), "plan_big5_traditional.txt")
    assert doc.plan.script == "traditional"
    assert [t.lead_basis for t in doc.tasks] == [json.loads(r[FIELDS.index("lead_basis")]) for r in reference]
    assert doc.tasks[1].units == ["市經信委", "市商務局"]  # source script kept
    simplified_units = [t.units_simplified for t in doc.tasks]
    assert simplified_units == [json.loads(r[FIELDS.index("units")]) for r in reference]


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_sample_plans_give_the_same_tasks_in_every_format(sample_paths, builders, fmt):
    """Each sample plan's lines rendered as a web page, a Word file and a PDF extract like the .txt."""
    for path in sample_paths:
        data = path.read_bytes()
        reference = _tasks(data, path.name)
        lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
        assert _tasks(builders[fmt](lines), f"{path.stem}.{fmt}") == reference, path.name
