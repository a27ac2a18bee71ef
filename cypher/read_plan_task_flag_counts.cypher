// Tasks of the given plans (task_plan index) per plan, orphan category and open-list flag, only tasks naming an agency of one of $functions unless it is null. Rows come back in lists of up to 5,000.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
WITH t WHERE $functions IS NULL OR EXISTS { MATCH (fa:Agency)-[:LEADS|SUPPORTS]->(t) WHERE fa.function IN $functions }
WITH t.plan_id AS plan_id, t.orphan AS orphan, t.open_list AS open_list, count(*) AS tasks
WITH {plan_id: plan_id, orphan: orphan, open_list: open_list, tasks: tasks} AS row
ORDER BY row.plan_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
