// Fill the totals and search text of up to $batch agencies that have none yet (a database written
// before they were kept), as refresh_agency_totals does; run until it returns 0.
MATCH (a:Agency) WHERE a.duty_total IS NULL OR a.search IS NULL
WITH a LIMIT $batch
WITH a, COUNT { (a)-[:LEADS]->() } AS leads, COUNT { (a)-[:SUPPORTS]->() } AS supports,
     COLLECT { MATCH (a)-[r:LEADS|SUPPORTS]->() WITH DISTINCT toLower(r.mention) AS m ORDER BY m RETURN m } AS mentions
SET a.duty_leads = leads, a.duty_supports = supports, a.duty_total = leads + supports,
    a.search = reduce(s = toLower(a.name) + "\n" + toLower(coalesce(a.name_simplified, "")), m IN mentions | s + "\n" + m)
RETURN count(a) AS done
