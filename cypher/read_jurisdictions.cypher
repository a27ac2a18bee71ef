// Every jurisdiction, by id. Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (j:Jurisdiction)
WITH j {.id, .name, .level, .parent_id} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
