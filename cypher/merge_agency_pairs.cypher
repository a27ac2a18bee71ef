// Add to the kept agency pair counts: $pairs = [[lower agency id, higher agency id, tasks added]] (sorted, so
// concurrent writers lock agencies in one order). The pair is held as
// (:Agency)-[:CO_RESPONSIBLE {tasks}]->(:Agency), the lower id at the start. Agencies are found by their
// unique-constraint index; the read of r.tasks inside SET locks r first. No DELETE here: it would make the
// plan Eager (subtract_agency_pairs takes counts away).
UNWIND $pairs AS pair
MATCH (a:Agency {id: pair[0]})
MATCH (b:Agency {id: pair[1]})
MERGE (a)-[r:CO_RESPONSIBLE]->(b)
SET r.tasks = coalesce(r.tasks, 0) + pair[2]
