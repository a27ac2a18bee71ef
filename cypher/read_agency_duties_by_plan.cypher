// Leads and supports per plan and agency over every plan, with the agency's name, jurisdiction and function, by plan id then agency id. Rows come back in lists of up to 5,000.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
WITH t.plan_id AS plan_id, a, count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
     count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
WITH {plan_id: plan_id, agency_id: a.id, name: a.name, jurisdiction_id: a.jurisdiction_id, function: a.function,
      leads: leads, supports: supports} AS row
ORDER BY row.plan_id, row.agency_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
