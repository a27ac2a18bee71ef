// read_plans_matching when jurisdictions are given (no plan named): the plans of each
// jurisdiction id or name found by index, then the other conditions as there.
CALL () {
  UNWIND $jurisdictions AS x MATCH (p:Plan {jurisdiction_id: x}) RETURN p
  UNION
  UNWIND $jurisdictions AS x MATCH (p:Plan {jurisdiction: x}) RETURN p
}
WITH p WHERE p.source_hash IS NOT NULL
  AND ($levels IS NULL OR p.level IN $levels)
  AND ($years IS NULL OR p.year IN $years)
WITH p {.id, .file, .jurisdiction_id, .jurisdiction, .level, .year, .task_count} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
