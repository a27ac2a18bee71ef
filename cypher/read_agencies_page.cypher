// A page of agencies (as read_agencies: aliases and edge counts, computed for the page's agencies only)
// in id order through the agency_id unique index, $skip/$limit, with the number of agencies (count store).
CALL () {
  MATCH (a:Agency) WHERE a.id IS NOT NULL
  WITH a ORDER BY a.id SKIP $skip LIMIT $limit
  CALL (a) {
    OPTIONAL MATCH (a)-[r:LEADS|SUPPORTS]->(:Task)
    RETURN collect(DISTINCT r.mention) AS aliases, count(r) AS mentions,
           count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
           count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
  }
  RETURN collect(a {.id, .name, .name_simplified, .jurisdiction_id, .function, .kind,
                    aliases: aliases, mentions: mentions, leads: leads, supports: supports}) AS rows
}
RETURN rows, COUNT { (:Agency) } AS count
