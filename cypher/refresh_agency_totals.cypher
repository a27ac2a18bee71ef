// Totals kept at write time: the distinct tasks each given agency leads / supports (one LEADS or
// SUPPORTS per agency and task, so degree counts), on the Agency node for the whole-store ranking.
// Ids that are not agencies (collectives, pruned agencies) match nothing.
UNWIND $ids AS id
MATCH (a:Agency {id: id})
WITH a, COUNT { (a)-[:LEADS]->() } AS leads, COUNT { (a)-[:SUPPORTS]->() } AS supports
SET a.duty_leads = leads, a.duty_supports = supports, a.duty_total = leads + supports
