// Task nodes of the plans being written, each with (:Plan)-[:HAS_TASK]->(:Task) and its
// LEADS / SUPPORTS / NAMED_ON edges, in one statement: a task's edges are drawn from the task
// just created, so no Task is looked up by id again. $plans: [{id, tasks: [row]}], where row
// holds the documented task keys plus leads, supports, named: lists of
// [source_id, mention, position] (de-duplicated, so edges are CREATEd).
// The plans' old tasks were removed first and each Plan node is locked by load_begin, so the
// tasks are CREATEd (the unique constraint on Task.id still refuses a duplicate id). Listing
// the keys in CREATE (not SET t = row) keeps the plan free of an Eager; null values are not
// stored. Agencies and collectives are found by their unique-constraint index.
UNWIND $plans AS plan
MATCH (p:Plan {id: plan.id})
UNWIND plan.tasks AS row
CREATE (p)-[:HAS_TASK]->(t:Task {
  id: row.id, plan_id: row.plan_id, seq: row.seq, path: row.path, heading: row.heading, text: row.text,
  clause: row.clause, lead_basis: row.lead_basis, open_list: row.open_list, orphan: row.orphan,
  span_start: row.span_start, span_end: row.span_end, clause_start: row.clause_start,
  clause_end: row.clause_end, section: row.section})
WITH t, row
CALL (t, row) {
  UNWIND row.leads AS e
  MATCH (a:Agency {id: e[0]})
  CREATE (a)-[:LEADS {mention: e[1], position: e[2]}]->(t)
}
CALL (t, row) {
  UNWIND row.supports AS e
  MATCH (a:Agency {id: e[0]})
  CREATE (a)-[:SUPPORTS {mention: e[1], position: e[2]}]->(t)
}
CALL (t, row) {
  UNWIND row.named AS e
  MATCH (c:Collective {id: e[0]})
  CREATE (c)-[:NAMED_ON {mention: e[1], position: e[2]}]->(t)
}
