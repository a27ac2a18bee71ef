"""Agency identity: who a unit mention is.

- ``names``: cleaning a mention (NFKC, script, prefixes, branches, body kind).
- ``taxonomy``: the function taxonomy in ``loaders/data/functions.json`` (codes, names,
  patterns, 2018 reform lineage) and matching a name to a function.
- ``jurisdictions``: jurisdiction ids, levels and parents (gazetteer in ``loaders/data/divisions.csv``).
- ``resolve``: ``resolve_mention(mention, PlanContext) -> AgencyRef``.
"""
