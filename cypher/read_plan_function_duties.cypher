// Distinct tasks led, supported and named per agency function over the given plans (task_plan index), mapped through $successors, pooled or per plan ($by_plan). Rows come back in lists of up to 5,000.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t)
WITH CASE WHEN $by_plan THEN t.plan_id END AS plan_id,
     CASE WHEN a.function IS NULL THEN null ELSE coalesce($successors[a.function], a.function) END AS function,
     a, r, t
WITH plan_id, function, count(DISTINCT a) AS agencies,
     count(DISTINCT CASE WHEN type(r) = "LEADS" THEN t END) AS leads,
     count(DISTINCT CASE WHEN type(r) = "SUPPORTS" THEN t END) AS supports,
     count(DISTINCT t) AS total
WITH {plan_id: plan_id, function: function, agencies: agencies, leads: leads, supports: supports, total: total} AS row
ORDER BY row.plan_id, row.function
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
