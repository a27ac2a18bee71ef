// The agencies (ids, distinct) leading or supporting each task of the given plans (task_plan index), for tasks naming at least two: the co-responsibility pairs are counted from these lists by the caller (store/neo4j_aggregates.py). Lists come back in records of up to 5,000.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(t)
WITH t, collect(DISTINCT a.id) AS ids
WHERE size(ids) > 1
WITH collect(ids) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
