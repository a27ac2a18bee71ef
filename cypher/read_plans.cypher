// Every plan's facts (no source text), by id.
MATCH (p:Plan) WHERE p.source_hash IS NOT NULL
RETURN p {.id, .file, .title, .jurisdiction_id, .jurisdiction, .level, .parent_jurisdiction, .issuer, .doc_number, .date, .year, .script, .lead_convention, .source_hash, .task_count, .format, .encoding, .warnings} AS row
ORDER BY p.id
