// Complete a database built by the import tool from store/neo4j_bulk.py files (its Totals node is
// marked imported): a CSV field cannot hold an empty list, so plans imported without warnings get []
// here, as load_many writes them. Neo4jStore.setup runs it; once done (marker removed) it is one
// index look-up.
MATCH (s:Totals {id: "all"}) WHERE s.imported
REMOVE s.imported
WITH s
MATCH (p:Plan) WHERE p.warnings IS NULL
SET p.warnings = []
