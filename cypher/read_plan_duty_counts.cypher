// Leads and supports per agency over the given plans (uses the task_plan index), by agency id.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t)
WITH a, count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
     count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
RETURN {agency_id: a.id, leads: leads, supports: supports} AS row
ORDER BY a.id
