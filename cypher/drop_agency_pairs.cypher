// Remove every kept agency pair count, in chunks (an implicit transaction), before they are counted afresh.
MATCH (:Agency)-[r:CO_RESPONSIBLE]->(:Agency)
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
