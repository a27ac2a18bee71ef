"""The CSV layout of a Neo4j bulk import: files, columns, typed fields (``store.neo4j_bulk`` fills them).

Every node label and relationship type ``load_many`` writes has a file; a column's type is in its
header (``seq:long``, ``warnings:string[]``), strings are always quoted so an empty string stays
one, and ``None`` is an empty field (no property, as Neo4j stores null). A value of the wrong
type is refused with the field named, never written as something else.

Examples
--------
>>> cell("引号\\"与,逗号", "string"), cell(None, "string"), cell(True, "boolean"), cell(["a", "b"], "string[]")
('"引号""与,逗号"', '', 'true', '"a\\x1fb"')
>>> header(columns("LEADS"))
':START_ID(Agency),:END_ID(Task),mention,position:long\\n'
"""

from __future__ import annotations

from agencynet.errors import StoreError
from store.rows import AGENCY_KEYS, COLLECTIVE_KEYS, FUNCTION_KEYS, JURISDICTION_KEYS, PLAN_KEYS, TASK_KEYS

#: Separates the elements of a list value (``--array-delimiter``); refused inside a value.
ARRAY_DELIMITER = "\x1f"
_INT = "long"

#: CSV type of every property that is not a plain string.
TYPES = {
    "year": _INT, "task_count": _INT, "seq": _INT, "span_start": _INT, "span_end": _INT,
    "clause_start": _INT, "clause_end": _INT, "position": _INT, "duty_leads": _INT,
    "duty_supports": _INT, "duty_total": _INT, "plans": _INT, "tasks": _INT, "version": _INT,
    "open_list": "boolean", "imported": "boolean", "warnings": "string[]", "flag_counts": "long[]",
}

#: Node files: label, id column (the property the unique constraint is on), property columns.
NODE_FILES = {
    "Plan": ("id", PLAN_KEYS[1:] + ("text", "flag_counts")),
    "Task": ("id", TASK_KEYS[1:]),
    "Agency": ("id", AGENCY_KEYS[1:] + ("v", "duty_leads", "duty_supports", "duty_total", "search")),
    "Collective": ("id", COLLECTIVE_KEYS[1:] + ("v",)),
    "Jurisdiction": ("id", JURISDICTION_KEYS[1:] + ("v",)),
    "Function": ("code", FUNCTION_KEYS[1:] + ("v",)),
    "Totals": ("id", ("plans", "flag_counts", "imported")),
    "PairCounts": ("id", ("version",)),
    "AgencySearch": ("id", ("version",)),
}
#: Relationship files: file name, then relationship type, start label, end label, property columns.
REL_FILES = {
    "HAS_TASK": ("HAS_TASK", "Plan", "Task", ()),
    "ISSUED_IN": ("ISSUED_IN", "Plan", "Jurisdiction", ()),
    "LEADS": ("LEADS", "Agency", "Task", ("mention", "position")),
    "SUPPORTS": ("SUPPORTS", "Agency", "Task", ("mention", "position")),
    "NAMED_ON": ("NAMED_ON", "Collective", "Task", ("mention", "position")),
    "PART_OF": ("PART_OF", "Jurisdiction", "Jurisdiction", ()),
    "IN_AGENCY": ("IN", "Agency", "Jurisdiction", ()),
    "IN_COLLECTIVE": ("IN", "Collective", "Jurisdiction", ()),
    "OF_FUNCTION": ("OF_FUNCTION", "Agency", "Function", ()),
    "SUCCEEDED_BY": ("SUCCEEDED_BY", "Function", "Function", ()),
    "CO_RESPONSIBLE": ("CO_RESPONSIBLE", "Agency", "Agency", ("tasks",)),
}


def cell(value, kind: str = "string") -> str:
    """One CSV field: strings always quoted (so ``""`` stays an empty string), ``None`` empty
    (no property), lists joined by :data:`ARRAY_DELIMITER`; raises ``TypeError`` for a value
    that is not of ``kind`` (a string[] element holding the delimiter included)."""
    if value is None:
        return ""
    return _FORMAT[kind](value)


def quoted(value) -> str:
    if type(value) is not str:
        raise TypeError
    return '"' + value.replace('"', '""') + '"'


def _long(value) -> str:
    if type(value) is not int:
        raise TypeError
    return str(value)


def _boolean(value) -> str:
    if type(value) is not bool:
        raise TypeError
    return "true" if value else "false"


def _strings(value) -> str:
    if type(value) is not list or any(type(v) is not str or ARRAY_DELIMITER in v for v in value):
        raise TypeError
    return quoted(ARRAY_DELIMITER.join(value))


def quoted_longs(value) -> str:
    if type(value) is not list or any(type(v) is not int for v in value):
        raise TypeError
    return quoted(ARRAY_DELIMITER.join(map(str, value)))


_FORMAT = {"string": quoted, _INT: _long, "boolean": _boolean, "string[]": _strings, "long[]": quoted_longs}


def spec_of(columns: tuple[str, ...]) -> tuple[tuple[str, object], ...]:
    """(key, formatter) of each column: ``None`` gives an empty field, other values their formatter's."""
    return tuple((c.split(":")[0], _FORMAT[TYPES.get(c.split(":")[0], "string")]) for c in columns)


def line(row: dict, spec, where: str) -> str:
    """A CSV line of ``row`` (``spec``: ``spec_of(columns)``); raises ``StoreError`` naming ``where``
    and the field whose value is not of its column's type."""
    try:
        return ",".join(["" if row[k] is None else f(row[k]) for k, f in spec]) + "\n"
    except TypeError:
        for key, _ in spec:
            value = row[key]
            kind = TYPES.get(key, "string")
            try:
                cell(value, kind)
            except TypeError:
                raise StoreError(f"{where}: field {key}: expected {kind}, got {type(value).__name__} "
                                 f"{str(value)[:40]!r}") from None
        raise


def header(columns: tuple[str, ...]) -> str:
    """The CSV header line: ``name:type`` for the typed columns."""
    return ",".join(c if ":" in c or c not in TYPES else f"{c}:{TYPES[c]}" for c in columns) + "\n"


def columns(name: str) -> tuple[str, ...]:
    """Columns of the file ``name`` (a label of NODE_FILES or a file of REL_FILES)."""
    if name in NODE_FILES:
        key, props = NODE_FILES[name]
        return (f"{key}:ID({name})",) + props
    _, start, end, props = REL_FILES[name]
    return (f":START_ID({start})", f":END_ID({end})") + props


SPECS = {name: spec_of(columns(name)) for name in (*NODE_FILES, *REL_FILES)}
