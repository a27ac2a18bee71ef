// Fill the totals of up to $batch agencies that have none yet (a database written before totals
// were kept); run until it returns 0.
MATCH (a:Agency) WHERE a.duty_total IS NULL
WITH a LIMIT $batch
WITH a, COUNT { (a)-[:LEADS]->() } AS leads, COUNT { (a)-[:SUPPORTS]->() } AS supports
SET a.duty_leads = leads, a.duty_supports = supports, a.duty_total = leads + supports
RETURN count(a) AS done
