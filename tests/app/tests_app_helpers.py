"""What the web tests share besides fixtures (kept out of conftest so tests can import it):
hostile text, the write token, hand-made plans and test settings."""

from __future__ import annotations

from agencynet.settings import Settings
from support.graphs import make_graph

HOSTILE = '<script>alert("x")</script>推进<b>质量</b>'
TOKEN = "test-token-0123456789abcdef"


def web_graphs():
    """Two plans in two cities; plan a's task 2 heading and text carry markup."""
    a = make_graph("a", n_tasks=6, city="c1", text="全文开始。任务一。任务二正文在此。" * 4)
    a.tasks[1]["heading"] = HOSTILE
    a.tasks[1]["text"] = HOSTILE + " 正文"
    a.tasks[1]["span_start"], a.tasks[1]["span_end"] = 5, 12
    b = make_graph("b", n_tasks=5, city="c2", source_hash="h2")
    return [a, b]


def make_settings(tmp_path, **over) -> Settings:
    """Settings for a test app: embedded data dir under tmp_path, no .env, no Neo4j."""
    base = {"agencynet_data_dir": tmp_path / "unused", "agencynet_view_max_nodes": 300, "neo4j_uri": None}
    base.update(over)
    return Settings(_env_file=None, **base)
