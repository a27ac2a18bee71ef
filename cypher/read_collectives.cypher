// Every collective entry with how many tasks name it, by id.
MATCH (c:Collective)
RETURN c {.id, .name, .jurisdiction_id, .kind, mentions: COUNT { (c)-[:NAMED_ON]->(:Task) }} AS row
ORDER BY c.id
