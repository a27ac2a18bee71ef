// Take a cleared plan's counts away from the kept agency pair counts: $pairs = [[lower agency id, higher
// agency id, tasks removed]] (sorted); a pair whose count reaches 0 is deleted.
UNWIND $pairs AS pair
MATCH (a:Agency {id: pair[0]})-[r:CO_RESPONSIBLE]->(b:Agency {id: pair[1]})
SET r.tasks = r.tasks - pair[2]
WITH r WHERE r.tasks <= 0
DELETE r
