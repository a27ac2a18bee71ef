"""Local Neo4j fixture for the tests (filled in by the Neo4j launcher work)."""
