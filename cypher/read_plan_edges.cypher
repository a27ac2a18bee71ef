// The edges of the given plans, by task id, position, type, source id (uses the task_plan index).
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (s)-[r:LEADS|SUPPORTS|NAMED_ON]->(t)
RETURN {source_id: s.id, task_id: t.id, plan_id: t.plan_id, type: type(r), mention: r.mention,
        position: r.position} AS row
ORDER BY row.task_id, row.position, row.type, row.source_id
