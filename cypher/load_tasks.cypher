// Task nodes of one plan with (:Plan)-[:HAS_TASK]->(:Task).
UNWIND $rows AS row
MATCH (p:Plan {id: row.plan_id})
MERGE (t:Task {id: row.id})
SET t.plan_id = row.plan_id, t.seq = row.seq, t.path = row.path, t.heading = row.heading,
    t.text = row.text, t.clause = row.clause, t.lead_basis = row.lead_basis,
    t.open_list = row.open_list, t.orphan = row.orphan, t.span_start = row.span_start,
    t.span_end = row.span_end, t.clause_start = row.clause_start, t.clause_end = row.clause_end,
    t.section = row.section
MERGE (p)-[:HAS_TASK]->(t)
