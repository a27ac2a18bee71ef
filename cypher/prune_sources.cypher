// Delete the given agencies/collectives that no longer name any task; return their jurisdictions.
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Agency {id: id}) WHERE NOT (a)-[:LEADS|SUPPORTS]->() RETURN a AS s
  UNION
  MATCH (c:Collective {id: id}) WHERE NOT (c)-[:NAMED_ON]->() RETURN c AS s
}
WITH s, s.jurisdiction_id AS place
DETACH DELETE s
RETURN collect(DISTINCT place) AS places
