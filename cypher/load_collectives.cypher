// Collective nodes (vague entries such as 各有关单位) with (:Collective)-[:IN]->(:Jurisdiction).
UNWIND $rows AS row
MERGE (c:Collective {id: row.id})
SET c.name = row.name, c.jurisdiction_id = row.jurisdiction_id, c.kind = row.kind
WITH c, row
OPTIONAL MATCH (c)-[old:IN]->(x:Jurisdiction)
WHERE x.id <> row.jurisdiction_id
DELETE old
WITH DISTINCT c, row
MATCH (j:Jurisdiction {id: row.jurisdiction_id})
MERGE (c)-[:IN]->(j)
