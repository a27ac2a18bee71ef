// Totals kept at write time: the distinct tasks each given agency leads / supports (one LEADS or
// SUPPORTS per agency and task, so degree counts), on the Agency node for the whole-store ranking; and
// a.search, the lower-case name, simplified name and distinct mentions (LEADS/SUPPORTS, in string
// order) one a line, which the agency search reads through the agency_search text index (a 10k-plan
// load took 101.6 s with it, 99.8 s without: docs/web.md). Ids that are not agencies match nothing.
UNWIND $ids AS id
MATCH (a:Agency {id: id})
WITH a, COUNT { (a)-[:LEADS]->() } AS leads, COUNT { (a)-[:SUPPORTS]->() } AS supports,
     COLLECT { MATCH (a)-[r:LEADS|SUPPORTS]->() WITH DISTINCT toLower(r.mention) AS m ORDER BY m RETURN m } AS mentions
SET a.duty_leads = leads, a.duty_supports = supports, a.duty_total = leads + supports,
    a.search = reduce(s = toLower(a.name) + "\n" + toLower(coalesce(a.name_simplified, "")), m IN mentions | s + "\n" + m)
