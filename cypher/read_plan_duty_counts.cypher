// Leads and supports per agency over the given plans (uses the task_plan index), by agency id. Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t)
WITH a, count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
     count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
WITH {agency_id: a.id, leads: leads, supports: supports} AS row
ORDER BY row.agency_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
