// Pairs of agencies named on the same task of the given plans (task_plan index) with the number of distinct tasks they share; source_id < target_id, by source then target. Rows come back in lists of up to 5,000.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(t)<-[:LEADS|SUPPORTS]-(b:Agency)
WHERE a.id < b.id
WITH a.id AS source_id, b.id AS target_id, count(DISTINCT t) AS tasks
WITH {source_id: source_id, target_id: target_id, tasks: tasks} AS row
ORDER BY row.source_id, row.target_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
