// (:Function)-[:SUCCEEDED_BY]->(successor) from the reform lineage; replaced when it changes.
UNWIND $rows AS row
MATCH (f:Function {code: row.code})
OPTIONAL MATCH (f)-[old:SUCCEEDED_BY]->(x:Function)
WHERE row.successor IS NULL OR x.code <> row.successor
DELETE old
WITH DISTINCT f, row
MATCH (s:Function {code: row.successor})
MERGE (f)-[:SUCCEEDED_BY]->(s)
