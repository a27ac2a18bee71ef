// Agencies and collectives with the given $ids (agency_id / collective_id constraints): id, name, jurisdiction_id, function (none for a collective), kind, by id.
CALL () {
  MATCH (a:Agency) WHERE a.id IN $ids RETURN a {.id, .name, .jurisdiction_id, .function, .kind} AS row
  UNION
  MATCH (c:Collective) WHERE c.id IN $ids RETURN c {.id, .name, .jurisdiction_id, function: null, .kind} AS row
}
RETURN row ORDER BY row.id
