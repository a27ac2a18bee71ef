// Task nodes of the plans being written, with (:Plan)-[:HAS_TASK]->(:Task).
// The plans' old tasks were removed first and each Plan node is locked by load_begin, so the
// tasks are CREATEd (the unique constraint on Task.id still refuses a duplicate id).
// Rows carry exactly the documented task keys; SET t = row skips null values.
UNWIND $rows AS row
MATCH (p:Plan {id: row.plan_id})
CREATE (p)-[:HAS_TASK]->(t:Task)
SET t = row
