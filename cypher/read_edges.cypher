// Every LEADS/SUPPORTS/NAMED_ON edge, by task id, position, type, source id.
MATCH (s)-[r:LEADS|SUPPORTS|NAMED_ON]->(t:Task)
RETURN {source_id: s.id, task_id: t.id, plan_id: t.plan_id, type: type(r), mention: r.mention,
        position: r.position} AS row
ORDER BY row.task_id, row.position, row.type, row.source_id
