// Remove a plan's tasks and their edges; detach the Plan from its jurisdiction.
// Returns the ids of the agencies/collectives that were named and the plan's jurisdiction id,
// which the caller prunes when nothing else uses them.
MATCH (p:Plan {id: $id})
OPTIONAL MATCH (p)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)<-[:LEADS|SUPPORTS|NAMED_ON]-(s)
WITH p, collect(DISTINCT s.id) AS sources, collect(DISTINCT t) AS tasks
FOREACH (t IN tasks | DETACH DELETE t)
WITH p, sources, p.jurisdiction_id AS place
OPTIONAL MATCH (p)-[issued:ISSUED_IN]->()
DELETE issued
REMOVE p.jurisdiction_id
RETURN sources, place
