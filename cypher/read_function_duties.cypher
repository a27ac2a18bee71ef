// Distinct tasks led, supported and named per agency function (mapped through $successors, a code -> code map), pooled or per plan ($by_plan), with the number of agencies. Rows come back in lists of up to 5,000.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
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
