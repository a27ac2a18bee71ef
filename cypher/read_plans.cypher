// Every plan's facts (no source text), by id. Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (p:Plan) WHERE p.source_hash IS NOT NULL
WITH p {.id, .file, .title, .jurisdiction_id, .jurisdiction, .level, .parent_jurisdiction, .issuer, .doc_number, .date, .year, .script, .lead_convention, .source_hash, .task_count, .format, .encoding, .warnings} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
