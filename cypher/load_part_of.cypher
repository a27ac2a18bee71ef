// (:Jurisdiction)-[:PART_OF]->(parent): one parent, replaced when parent_id changes.
UNWIND $rows AS row
MATCH (j:Jurisdiction {id: row.id})
OPTIONAL MATCH (j)-[old:PART_OF]->(x:Jurisdiction)
WHERE row.parent_id IS NULL OR x.id <> row.parent_id
DELETE old
WITH DISTINCT j, row
MATCH (parent:Jurisdiction {id: row.parent_id})
MERGE (j)-[:PART_OF]->(parent)
