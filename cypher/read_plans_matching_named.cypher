// read_plans_matching when plans are named: each id or file found by index (never a scan of
// every Plan), then the other conditions as there (a null parameter is no condition).
CALL () {
  UNWIND $plans AS x MATCH (p:Plan {id: x}) RETURN p
  UNION
  UNWIND $plans AS x MATCH (p:Plan {file: x}) RETURN p
}
WITH p WHERE p.source_hash IS NOT NULL
  AND ($jurisdictions IS NULL OR p.jurisdiction IN $jurisdictions OR p.jurisdiction_id IN $jurisdictions)
  AND ($levels IS NULL OR p.level IN $levels)
  AND ($years IS NULL OR p.year IN $years)
WITH p {.id, .file, .jurisdiction_id, .jurisdiction, .level, .year, .task_count} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
