"""Measuring parts of ``benchmarks/run_scale.py``: machine facts, the extract+load pipeline,
query latency, Neo4j plan evidence and a bounded loopback API load. Each part returns
plain dicts of figures; nothing here asserts a target."""
