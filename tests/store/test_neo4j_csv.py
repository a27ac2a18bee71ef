"""store.neo4j_csv: the bulk import's file layout and typed fields."""

from __future__ import annotations

import pytest

from agencynet.errors import StoreError
from store.neo4j_bulk import plan_part
from store.neo4j_csv import ARRAY_DELIMITER, cell, columns, header, line, spec_of
from support.graphs import make_graph


def test_fields_quote_strings_leave_none_empty_and_join_lists():
    assert cell('他说"好",然后\n换行') == '"他说""好"",然后\n换行"'
    assert cell("") == '""'  # an empty string stays a string; only None is "no property"
    assert cell(None) == ""
    assert cell(False, "boolean") == "false"
    assert cell(7, "long") == "7"
    assert cell(["甲", "乙"], "string[]") == f'"甲{ARRAY_DELIMITER}乙"'
    assert cell([1, 0, 2], "long[]") == f'"1{ARRAY_DELIMITER}0{ARRAY_DELIMITER}2"'


def test_headers_type_the_typed_columns():
    assert header(columns("Task")).startswith("id:ID(Task),plan_id,seq:long,path,")
    assert "open_list:boolean" in header(columns("Task"))
    assert header(columns("LEADS")) == ":START_ID(Agency),:END_ID(Task),mention,position:long\n"
    assert "warnings:string[]" in header(columns("Plan")) and "flag_counts:long[]" in header(columns("Plan"))


@pytest.mark.parametrize("field, value, expected", [
    ("seq", "3", "field seq: expected long, got str '3'"),
    ("open_list", 1, "field open_list: expected boolean, got int"),
    ("text", 12, "field text: expected string, got int"),
])
def test_a_value_of_the_wrong_type_names_the_field(field, value, expected):
    graph = make_graph("a")
    graph.tasks[1][field] = value
    with pytest.raises(StoreError, match="task p-a-t2"):
        line(graph.tasks[1], spec_of(columns("Task"))[1:], "task p-a-t2")
    part = plan_part(graph)
    assert part.error.startswith("plan p-a, task p-a-t2: ") and expected in part.error
