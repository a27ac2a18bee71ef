// Ranking page as read_agency_totals, only agencies of one of $functions (agency_function index: the
// planner would otherwise scan agency_duty_total, every agency).
CALL () {
  MATCH (a:Agency) USING INDEX a:Agency(function) WHERE a.function IN $functions AND a.duty_total > 0
  WITH a ORDER BY a.duty_leads DESC, a.duty_total DESC, a.name, a.id SKIP $skip LIMIT $limit
  OPTIONAL MATCH (j:Jurisdiction {id: a.jurisdiction_id})
  RETURN collect({agency_id: a.id, name: a.name, jurisdiction_id: a.jurisdiction_id, jurisdiction: j.name,
                  function: a.function, leads: a.duty_leads, supports: a.duty_supports}) AS rows
}
CALL () {
  MATCH (a:Agency) USING INDEX a:Agency(function) WHERE a.function IN $functions AND a.duty_total > 0
  RETURN count(a) AS count
}
RETURN rows, count, COUNT { (:Task) } AS tasks
