// Delete the given jurisdictions nothing refers to (no plan, agency, collective or child);
// return their parents' ids, which the caller checks next.
UNWIND $ids AS id
MATCH (j:Jurisdiction {id: id})
WHERE NOT EXISTS { MATCH (p:Plan) WHERE p.jurisdiction_id = id }
  AND NOT EXISTS { MATCH (a:Agency) WHERE a.jurisdiction_id = id }
  AND NOT EXISTS { MATCH (c:Collective) WHERE c.jurisdiction_id = id }
  AND NOT EXISTS { MATCH (k:Jurisdiction) WHERE k.parent_id = id }
WITH j, j.parent_id AS parent
DETACH DELETE j
RETURN collect(DISTINCT parent) AS parents
