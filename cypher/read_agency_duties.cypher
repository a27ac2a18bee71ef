// Leads and supports per agency over every plan, with the agency's name, jurisdiction and function (degree counts: no edge scan), by agency id. Rows come back in lists of up to 5,000.
MATCH (a:Agency)
WITH a, COUNT { (a)-[:LEADS]->() } AS leads, COUNT { (a)-[:SUPPORTS]->() } AS supports
WHERE leads + supports > 0
WITH {plan_id: null, agency_id: a.id, name: a.name, jurisdiction_id: a.jurisdiction_id, function: a.function,
      leads: leads, supports: supports} AS row
ORDER BY row.agency_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
