// The edges of the given plans, by task id, position, type, source id (uses the task_plan index). Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (s)-[r:LEADS|SUPPORTS|NAMED_ON]->(t)
WITH {source_id: s.id, task_id: t.id, plan_id: t.plan_id, type: type(r), mention: r.mention,
        position: r.position} AS row
ORDER BY row.task_id, row.position, row.type, row.source_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
