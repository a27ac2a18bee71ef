// Leads and supports per agency over the given plans (task_plan index), pooled or per plan ($by_plan), with the agency's name, jurisdiction and function. Rows come back in lists of up to 5,000.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t)
WITH CASE WHEN $by_plan THEN t.plan_id END AS plan_id, a,
     count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
     count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
WITH {plan_id: plan_id, agency_id: a.id, name: a.name, jurisdiction_id: a.jurisdiction_id, function: a.function,
      leads: leads, supports: supports} AS row
ORDER BY row.plan_id, row.agency_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
