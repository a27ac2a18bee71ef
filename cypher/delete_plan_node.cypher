// The Plan node itself (after clear_plan).
MATCH (p:Plan {id: $id})
DETACH DELETE p
RETURN count(*) AS deleted
