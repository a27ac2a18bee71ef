// Every collective entry with how many tasks name it, by id. Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (c:Collective)
WITH c {.id, .name, .jurisdiction_id, .kind, mentions: COUNT { (c)-[:NAMED_ON]->(:Task) }} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
