// The next $batch loaded plan ids after $after (plan_id index, in id order): filling the kept agency pair
// counts of a database written before they were kept (store/neo4j_pairs.py ensure).
MATCH (p:Plan) WHERE p.id > $after AND p.source_hash IS NOT NULL
WITH p ORDER BY p.id LIMIT $batch
RETURN collect(p.id) AS ids
