// One plan's facts by id.
MATCH (p:Plan {id: $id}) WHERE p.source_hash IS NOT NULL
RETURN p {.id, .file, .title, .jurisdiction_id, .jurisdiction, .level, .parent_jurisdiction, .issuer, .doc_number, .date, .year, .script, .lead_convention, .source_hash, .task_count, .format, .encoding, .warnings} AS row
