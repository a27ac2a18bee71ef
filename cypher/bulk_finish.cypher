// After a bulk import (store/neo4j_bulk.py): a CSV field cannot hold an empty list, so plans imported
// without warnings get [] here, as load_many writes them. Run in an auto-commit transaction.
MATCH (p:Plan) WHERE p.warnings IS NULL
CALL (p) { SET p.warnings = [] } IN TRANSACTIONS OF 10000 ROWS
