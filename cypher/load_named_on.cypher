// (:Collective)-[:NAMED_ON {mention, position}]->(:Task) for vague entries in a clause.
UNWIND $rows AS row
MATCH (c:Collective {id: row.source_id})
MATCH (t:Task {id: row.task_id})
MERGE (c)-[r:NAMED_ON]->(t)
SET r.mention = row.mention, r.position = row.position
