"""Analytics over a store: pure functions returning DataFrames (or networkx graphs).

Every function takes a *source* first: a store (``store.base.GraphStore``) or a
``Snapshot`` from :func:`snapshot` (read once, reuse), then keyword filters
``plan`` (id or source file name), ``jurisdiction`` (the plan's, id or name), ``level``,
``function`` (code), ``year`` and ``harmonise`` (map functions to today's successors).
Bad filters raise ``agencynet.errors.BadFilter``. Use :func:`rows` for JSON-ready dicts.

Ranking      rank_agencies, rank_functions
Centrality   centrality(graph="two_mode"|"co_responsibility"|"directed"), graph_centrality
Overload     overload(rule=OverloadRule(...)), concentration, gini, hhi
Orphans      orphans, orphan_summary
Compare      compare, function_matrix, matrix_wide, plan_metrics, similarity, function_differences
Graphs       build_graph, ego_graph, two_mode_graph, co_responsibility_graph, lead_support_graph,
             co_responsibility_from_counts
Frames       snapshot, assignments_frame, tasks_frame, agencies_frame, rows
"""

from queries.centrality import CENTRALITY_COLS, MEASURES, centrality, graph_centrality
from queries.compare import (
    compare,
    degree_centralisation,
    function_differences,
    function_matrix,
    matrix_wide,
    plan_metrics,
    similarity,
)
from queries.frames import Snapshot, agencies_frame, assignments_frame, rows, snapshot, tasks_frame
from queries.graphs import (
    GRAPHS,
    LEAD_WEIGHT,
    SUPPORT_WEIGHT,
    build_graph,
    co_responsibility_from_counts,
    co_responsibility_graph,
    ego_graph,
    graph_from_frame,
    lead_support_graph,
    two_mode_graph,
)
from queries.orphans import CATEGORIES, orphan_summary, orphans
from queries.overload import OverloadRule, concentration, gini, hhi, overload
from queries.ranking import rank_agencies, rank_functions

__all__ = [
    "CATEGORIES", "CENTRALITY_COLS", "GRAPHS", "LEAD_WEIGHT", "MEASURES", "SUPPORT_WEIGHT", "OverloadRule",
    "Snapshot", "agencies_frame", "assignments_frame", "build_graph", "centrality", "co_responsibility_from_counts",
    "co_responsibility_graph",
    "compare", "concentration", "degree_centralisation", "ego_graph", "function_differences", "function_matrix",
    "gini", "graph_centrality", "graph_from_frame", "hhi", "lead_support_graph", "matrix_wide", "orphan_summary",
    "orphans", "overload", "plan_metrics", "rank_agencies", "rank_functions", "rows", "similarity", "snapshot",
    "tasks_frame", "two_mode_graph",
]
