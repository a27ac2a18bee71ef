// (:Agency)-[:SUPPORTS {mention, position}]->(:Task): mention as written, 0-based position in the clause.
UNWIND $rows AS row
MATCH (a:Agency {id: row.source_id})
MATCH (t:Task {id: row.task_id})
MERGE (a)-[r:SUPPORTS]->(t)
SET r.mention = row.mention, r.position = row.position
