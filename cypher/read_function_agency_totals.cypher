// Ranking page as read_agency_totals ($limit null: every row), only agencies of one of $functions (agency_function index).
CALL () {
  MATCH (a:Agency) WHERE a.function IN $functions AND a.duty_total > 0
  WITH a ORDER BY a.duty_leads DESC, a.duty_total DESC, a.name, a.id
  RETURN collect({agency_id: a.id, name: a.name, jurisdiction_id: a.jurisdiction_id, function: a.function,
                  leads: a.duty_leads, supports: a.duty_supports}) AS ranked
}
RETURN CASE WHEN $limit IS NULL THEN ranked[$skip..] ELSE ranked[$skip..$skip + $limit] END AS rows, size(ranked) AS count, COUNT { (:Task) } AS tasks
