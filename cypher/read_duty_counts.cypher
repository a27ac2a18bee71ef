// Leads and supports per agency over every plan (degree counts: no edge scan), by agency id.
MATCH (a:Agency)
WITH a, COUNT { (a)-[:LEADS]->() } AS leads, COUNT { (a)-[:SUPPORTS]->() } AS supports
WHERE leads + supports > 0
RETURN {agency_id: a.id, leads: leads, supports: supports} AS row
ORDER BY a.id
