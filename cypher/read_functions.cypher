// The function taxonomy, by code. Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (f:Function)
WITH f {.code, .zh, .en, .successor, .taxonomy_version} AS row
ORDER BY row.code
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
