// Agency nodes with (:Agency)-[:IN]->(:Jurisdiction) and (:Agency)-[:OF_FUNCTION]->(:Function).
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
SET a.name = row.name, a.name_simplified = row.name_simplified, a.jurisdiction_id = row.jurisdiction_id,
    a.function = row.function, a.kind = row.kind
WITH a, row
OPTIONAL MATCH (a)-[old:IN|OF_FUNCTION]->(x)
WHERE (x:Jurisdiction AND x.id <> row.jurisdiction_id) OR (x:Function AND x.code <> row.function)
DELETE old
WITH DISTINCT a, row
CALL (a, row) {
  MATCH (j:Jurisdiction {id: row.jurisdiction_id})
  MERGE (a)-[:IN]->(j)
}
CALL (a, row) {
  MATCH (f:Function {code: row.function})
  MERGE (a)-[:OF_FUNCTION]->(f)
}
