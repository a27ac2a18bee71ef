// Agencies and collectives with the given $ids (agency_id / collective_id constraints): id, name, kind, by id.
CALL () {
  MATCH (a:Agency) WHERE a.id IN $ids RETURN a {.id, .name, .kind} AS row
  UNION
  MATCH (c:Collective) WHERE c.id IN $ids RETURN c {.id, .name, .kind} AS row
}
RETURN row ORDER BY row.id
