// Empty the database in chunks (run in an implicit transaction).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
