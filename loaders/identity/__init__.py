"""Agency identity: who a unit mention is.

- ``names``: cleaning a mention (NFKC, script, prefixes, branches, body kind).
- ``taxonomy``: the function taxonomy in ``loaders/data/functions.json`` (codes, names,
  patterns, 2018 reform lineage) and matching a name to a function.
- ``jurisdictions``: jurisdiction ids, levels and parents (gazetteer in ``loaders/data/divisions.csv``).
- ``collectives``: generic names that stand for every body of a kind (村委会, 街道办事处).
- ``shapes``: name shapes that move a body (国网X供电公司, 市X局Y分局, 高新区管委会, field units).
- ``resolve``: ``resolve_mention(mention, PlanContext) -> AgencyRef``.
"""
