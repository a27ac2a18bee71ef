// Whole-store ranking page from the totals on Agency nodes: agencies by duty_leads desc, duty_total desc,
// name, id (agency_duty_rank index gives the first two), $skip/$limit, with their jurisdiction's name;
// with the number of ranked agencies and of tasks (count store).
CALL () {
  MATCH (a:Agency) WHERE a.duty_leads >= 0 AND a.duty_total > 0
  WITH a ORDER BY a.duty_leads DESC, a.duty_total DESC, a.name, a.id SKIP $skip LIMIT $limit
  OPTIONAL MATCH (j:Jurisdiction {id: a.jurisdiction_id})
  RETURN collect({agency_id: a.id, name: a.name, jurisdiction_id: a.jurisdiction_id, jurisdiction: j.name,
                  function: a.function, leads: a.duty_leads, supports: a.duty_supports}) AS rows
}
RETURN rows, COUNT { (:Agency) } - COUNT { MATCH (z:Agency) WHERE z.duty_total = 0 } AS count,
       COUNT { (:Task) } AS tasks
