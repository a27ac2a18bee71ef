// A page of plans (as read_plans: facts, no source text) in id order through the plan_id unique index,
// $skip/$limit, with the number of loaded plans.
CALL () {
  MATCH (p:Plan) WHERE p.id IS NOT NULL AND p.source_hash IS NOT NULL
  WITH p ORDER BY p.id SKIP $skip LIMIT $limit
  RETURN collect(p {.id, .file, .title, .jurisdiction_id, .jurisdiction, .level, .parent_jurisdiction, .issuer, .doc_number, .date, .year, .script, .lead_convention, .source_hash, .task_count, .format, .encoding, .warnings}) AS rows
}
RETURN rows, COUNT { MATCH (z:Plan) WHERE z.source_hash IS NOT NULL } AS count
