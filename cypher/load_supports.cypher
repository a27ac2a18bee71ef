// (:Agency)-[:SUPPORTS {mention, position}]->(:Task): mention as written, 0-based position in the clause.
// Tasks are new in this transaction and rows are de-duplicated, so the edge is CREATEd.
UNWIND $rows AS row
MATCH (a:Agency {id: row.source_id})
MATCH (t:Task {id: row.task_id})
CREATE (a)-[:SUPPORTS {mention: row.mention, position: row.position}]->(t)
