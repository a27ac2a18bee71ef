// (:Collective)-[:NAMED_ON {mention, position}]->(:Task) for vague entries in a clause.
// Tasks are new in this transaction and rows are de-duplicated, so the edge is CREATEd.
UNWIND $rows AS row
MATCH (c:Collective {id: row.source_id})
MATCH (t:Task {id: row.task_id})
CREATE (c)-[:NAMED_ON {mention: row.mention, position: row.position}]->(t)
