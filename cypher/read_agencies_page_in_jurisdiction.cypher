// A page of the agencies in jurisdiction $jurisdiction_id, of function $function and whose name, simplified
// name or an alias (a LEADS/SUPPORTS mention) contains $q (already lower-case; a.search, kept by
// refresh_agency_totals); a null parameter is no
// condition. As read_agencies_page: id order, $skip/$limit, aliases and counts for the page only; with
// the number of agencies that pass the filters.
// Starts from the agency_jurisdiction index ($jurisdiction_id given).
CALL () {
  MATCH (a:Agency {jurisdiction_id: $jurisdiction_id})
  WHERE ($jurisdiction_id IS NULL OR a.jurisdiction_id = $jurisdiction_id)
    AND ($function IS NULL OR a.function = $function)
    AND ($q IS NULL OR a.search CONTAINS $q)
  WITH a ORDER BY a.id
  RETURN collect(a) AS found
}
CALL (found) {
  UNWIND found[$skip..$skip + $limit] AS a
  CALL (a) {
    OPTIONAL MATCH (a)-[r:LEADS|SUPPORTS]->(:Task)
    RETURN collect(DISTINCT r.mention) AS aliases, count(r) AS mentions,
           count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
           count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
  }
  RETURN collect(a {.id, .name, .name_simplified, .jurisdiction_id, .function, .kind,
                    aliases: aliases, mentions: mentions, leads: leads, supports: supports}) AS rows
}
RETURN rows, size(found) AS count
