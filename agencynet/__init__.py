"""agencynet: agency responsibility networks from Chinese local-government plans.

Data flows one way: document bytes -> ``loaders`` (decode, parse, resolve agencies;
pure functions) -> a store (``store``: Neo4j or the embedded SQLite default) ->
``queries`` (DataFrames, networkx graphs, analytics) -> ``app`` (API, pages, views).
This package holds the glue: settings, the project's error types and the CLI.
"""

__version__ = "0.1.0"
