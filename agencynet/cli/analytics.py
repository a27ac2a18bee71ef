"""``agencynet rank|centrality|overload|orphans|compare``: analytics on the configured store.

Each command reads the store chosen by the settings, calls one ``queries`` function and
prints its rows as a readable table (default), CSV, or JSON (a list of row objects).
Filters shared by all: ``--plan`` (id or source file name), ``--jurisdiction`` (the plan's),
``--level``, ``--function`` (code), ``--year``, and ``--harmonise`` (today's functions).
A table shows the main columns; CSV and JSON carry every column.
"""

from __future__ import annotations

import functools

import click

from agencynet.cli.common import FORMATS, echo_rows, fail
from agencynet.errors import AgencynetError
from agencynet.settings import get_settings


def _filter_options(fn):
    """The filter and format options every analytics command takes."""
    options = [
        click.option("--plan", "plan", multiple=True, help="Plan id or source file name (repeatable)."),
        click.option("--jurisdiction", multiple=True, help="Jurisdiction the plan was issued in, name or id (repeatable)."),
        click.option("--level", help="Plan level: province, city, district, county, development_zone."),
        click.option("--function", "function", multiple=True, help="Agency function code (repeatable)."),
        click.option("--year", type=int, help="Plan year."),
        click.option("--harmonise/--as-named", default=False, show_default=True,
                     help="Map functions to today's successors through the 2018 reform lineage."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                     help="Output: readable table, CSV, or JSON (a list of row objects)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(kw: dict) -> dict:
    out = {"harmonise": kw.pop("harmonise")}
    for key in ("plan", "jurisdiction", "function"):
        values = kw.pop(key)
        if values:
            out[key] = list(values)
    for key in ("level", "year"):
        value = kw.pop(key)
        if value is not None:
            out[key] = value
    return out


def _run(query, fmt: str, table_columns: list[str]):
    """Open the store, run ``query(store) -> DataFrame``, print it, close the store."""
    from queries import rows
    from store import open_store

    store = None
    try:
        store = open_store(get_settings())
        df = query(store)
    except AgencynetError as exc:
        fail(str(exc))
    finally:
        if store is not None:
            store.close()
            driver = getattr(store, "driver", None)
            if driver is not None:
                driver.close()
    data = rows(df)
    if fmt == "table":
        cols = [c for c in table_columns if c in df.columns]
        data = [{k: (f"{v:.3f}" if isinstance(v, float) else v) for k, v in r.items()} for r in data]
        echo_rows(data, fmt, cols)
    else:
        echo_rows(data, fmt, list(df.columns))


def _top(df, top):
    return df.head(top) if top else df


def _command(fn):
    @functools.wraps(fn)
    def wrapper(**kw):
        fmt = kw.pop("fmt")
        filters = _filters(kw)
        fn(fmt=fmt, filters=filters, **kw)
    return wrapper


@click.command()
@_filter_options
@click.option("--by", type=click.Choice(["agency", "function"]), default="agency", show_default=True)
@click.option("--per-plan", is_flag=True, help="One row per plan and agency (lead share of that plan's tasks).")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N rows.")
@_command
def rank(fmt, filters, by, per_plan, top):
    """Lead-duty ranking: tasks led, supported, lead share, lead/support ratio."""
    from queries import rank_agencies, rank_functions

    if by == "agency":
        cols = ["plan", "agency", "jurisdiction", "function", "function_en", "leads", "supports", "total",
                "lead_share", "lead_support_ratio"]
        _run(lambda s: _top(rank_agencies(s, by_plan=per_plan, **filters), top), fmt, cols)
    else:
        cols = ["plan", "function", "function_en", "agencies", "leads", "supports", "total", "lead_share"]
        _run(lambda s: _top(rank_functions(s, by_plan=per_plan, **filters), top), fmt, cols)


@click.command()
@_filter_options
@click.option("--graph", type=click.Choice(["two_mode", "co_responsibility", "directed"]), default="two_mode",
              show_default=True, help="Agency-task graph, agency co-responsibility graph, or lead->support arcs.")
@click.option("--per-plan", is_flag=True, help="One graph per plan instead of one pooled graph.")
@click.option("--k", type=click.IntRange(min=1), help="Sample size for betweenness (default: exact on small graphs).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the betweenness sample.")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N rows.")
@_command
def centrality(fmt, filters, graph, per_plan, k, seed, top):
    """Degree, weighted degree, betweenness, eigenvector, PageRank, closeness of agencies."""
    from queries import centrality as measure

    cols = ["plan", "agency", "jurisdiction", "function", "leads", "degree", "weighted_degree", "betweenness",
            "eigenvector", "pagerank", "closeness", "betweenness_k"]
    _run(lambda s: _top(measure(s, graph=graph, per_plan=per_plan, k=k, seed=seed, **filters), top), fmt, cols)


@click.command()
@_filter_options
@click.option("--view", type=click.Choice(["agencies", "concentration"]), default="agencies", show_default=True)
@click.option("--flagged", is_flag=True, help="Only agencies the rule flags.")
@click.option("--min-leads", type=click.IntRange(min=1), default=3, show_default=True)
@click.option("--share", "share", type=float, default=0.25, show_default=True, help="Lead share threshold.")
@click.option("--ratio", type=float, default=3.0, show_default=True, help="Ratio-to-median threshold.")
@click.option("--z", "z", type=float, default=2.0, show_default=True, help="z-score threshold.")
@click.option("--require", type=click.IntRange(1, 3), default=2, show_default=True,
              help="How many of the three thresholds must be crossed.")
@_command
def overload(fmt, filters, view, flagged, min_leads, share, ratio, z, require):
    """Overloaded lead agencies per plan (with the thresholds crossed) or plan concentration."""
    from queries import OverloadRule, concentration
    from queries import overload as measure

    if view == "concentration":
        cols = ["plan", "tasks", "led_tasks", "leading_agencies", "hhi", "gini", "top1_share", "top3_share",
                "top_agency", "top_agency_leads"]
        _run(lambda s: concentration(s, **filters), fmt, cols)
        return
    try:
        rule = OverloadRule(min_leads=min_leads, share=share, ratio=ratio, z=z, require=require)
    except AgencynetError as exc:
        fail(str(exc))
    cols = ["plan", "agency", "function", "leads", "tasks", "share", "ratio_to_median", "z", "overloaded",
            "reasons"]
    if fmt == "table":
        click.echo(f"rule: {rule.describe()}")
    _run(lambda s: measure(s, rule=rule, only_flagged=flagged, **filters), fmt, cols)


@click.command()
@_filter_options
@click.option("--summary", is_flag=True, help="Per-plan counts and rates instead of the task list.")
@click.option("--category", multiple=True,
              type=click.Choice(["unassigned", "collective_only", "leaderless", "lead_is_collective", "open_list"]),
              help="Only these categories (repeatable).")
@click.option("--open-list/--no-open-list", default=True, show_default=True,
              help="List led tasks whose unit list ends in 等 (a softer flag).")
@_command
def orphans(fmt, filters, summary, category, open_list):
    """Orphaned tasks: unassigned, collective-only, leaderless, lead is collective (and open lists)."""
    from queries import orphan_summary
    from queries import orphans as listing

    filters.pop("harmonise", None)
    if summary:
        cols = ["plan", "jurisdiction", "tasks", "unassigned", "collective_only", "leaderless",
                "lead_is_collective", "orphans", "orphan_rate", "open_list"]
        _run(lambda s: orphan_summary(s, **filters), fmt, cols)
        return
    cols = ["plan", "seq", "path", "heading", "category", "open_list", "clause"]
    _run(lambda s: listing(s, category=list(category) or None, include_open_list=open_list, **filters), fmt, cols)


@click.command()
@_filter_options
@click.option("--by", type=click.Choice(["jurisdiction", "plan"]), default="jurisdiction", show_default=True)
@click.option("--view", type=click.Choice(["matrix", "metrics", "similarity", "differences"]), default="matrix",
              show_default=True, help="Function lead matrix, plan metrics, cosine similarity, or the functions "
                                      "whose lead share differs most (needs exactly two jurisdictions/plans).")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N rows.")
@_command
def compare(fmt, filters, by, view, top):
    """Compare jurisdictions (or plans): who leads what, side by side."""
    from queries import function_differences, function_matrix, plan_metrics, similarity

    def differences(s):
        cols = sorted(set(function_matrix(s, by=by, **filters)["column"]))
        asked = filters.get("jurisdiction", []) if by == "jurisdiction" else []
        if sorted(asked) == cols:
            cols = list(asked)          # keep the order the user gave: a = first, b = second
        if len(cols) != 2:
            found = ", ".join(cols) or "none"
            raise _usage(f"--view differences compares exactly two {by}s; the filters leave {len(cols)} ({found})")
        return function_differences(s, cols[0], cols[1], by=by, top=top, **filters)

    views = {
        "matrix": (lambda s: _top(function_matrix(s, by=by, **filters), top),
                   ["column", "function", "function_en", "leads", "share"]),
        "metrics": (lambda s: plan_metrics(s, **filters),
                    ["plan", "jurisdiction", "tasks", "agencies", "edges", "density", "centralisation", "hhi", "gini",
                     "orphan_rate", "top_function", "top_function_share"]),
        "similarity": (lambda s: similarity(s, by=by, **filters), ["a", "b", "cosine"]),
        "differences": (differences, ["a", "b", "function", "function_en", "leads_a", "leads_b", "share_a", "share_b",
                                      "difference"]),
    }
    query, cols = views[view]
    _run(query, fmt, cols)


def _usage(message: str) -> AgencynetError:
    from agencynet.errors import BadFilter

    return BadFilter(message)


COMMANDS = [rank, centrality, overload, orphans, compare]
