// Task nodes of the plans being written, with (:Plan)-[:HAS_TASK]->(:Task).
// The plans' old tasks were removed first (and the Plan is locked), so the edge is CREATEd.
UNWIND $rows AS row
MATCH (p:Plan {id: row.plan_id})
MERGE (t:Task {id: row.id})
SET t.plan_id = row.plan_id, t.seq = row.seq, t.path = row.path, t.heading = row.heading,
    t.text = row.text, t.clause = row.clause, t.lead_basis = row.lead_basis,
    t.open_list = row.open_list, t.orphan = row.orphan, t.span_start = row.span_start,
    t.span_end = row.span_end, t.clause_start = row.clause_start, t.clause_end = row.clause_end,
    t.section = row.section
CREATE (p)-[:HAS_TASK]->(t)
