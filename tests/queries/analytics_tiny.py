"""Small hand-made graphs for the analytics tests (answers computed by hand in each test)."""

from queries.testing import TinyStore


def two_plans() -> TinyStore:
    """Two plans in two jurisdictions, one with a pre-reform function (zj -> sc).

    甲市 (city, 2017), plan a.txt, 4 tasks:
      1 质监局 leads, 发改委 supports      2 质监局 leads, 财政局 supports
      3 质监局 leads                       4 发改委 leads, 质监局 supports
    乙区 (district, 2019), plan b.txt, 3 tasks:
      1 市场局 leads, 财政局 supports      2 joint: 发改局, 财政局 (leaderless)
      3 no clause (unassigned)
    """
    return TinyStore({
        "plans": [{"file": "a.txt", "jurisdiction": "甲市", "level": "city", "year": 2017},
                  {"file": "b.txt", "jurisdiction": "乙区", "level": "district", "year": 2019, "parent": "甲市"}],
        "agencies": {"市质监局": ("甲市", "zj"), "市发改委": ("甲市", "fg"), "市财政局": ("甲市", "cz"),
                     "区市场局": ("乙区", "sc"), "区发改局": ("乙区", "fg"), "区财政局": ("乙区", "cz")},
        "functions": [("zj", "质量技术监督", "quality supervision", "sc"),
                      ("sc", "市场监督管理", "market regulation", None),
                      ("fg", "发展改革", "development and reform", None),
                      ("cz", "财政", "finance", None)],
        "tasks": [
            {"plan": "a.txt", "lead": "市质监局", "support": ["市发改委"]},
            {"plan": "a.txt", "lead": "市质监局", "support": ["市财政局"]},
            {"plan": "a.txt", "lead": "市质监局"},
            {"plan": "a.txt", "lead": "市发改委", "support": ["市质监局"]},
            {"plan": "b.txt", "lead": "区市场局", "support": ["区财政局"]},
            {"plan": "b.txt", "support": ["区发改局", "区财政局"], "open_list": True},
            {"plan": "b.txt"},
        ],
    })
