// Plans matching every given condition (a null parameter is no condition): id or file in $plans, jurisdiction name or id in $jurisdictions, level in $levels, year in $years; the facts filters and denominators need, by id. Rows come back in lists of up to 5,000.
MATCH (p:Plan) WHERE p.source_hash IS NOT NULL
  AND ($plans IS NULL OR p.id IN $plans OR p.file IN $plans)
  AND ($jurisdictions IS NULL OR p.jurisdiction IN $jurisdictions OR p.jurisdiction_id IN $jurisdictions)
  AND ($levels IS NULL OR p.level IN $levels)
  AND ($years IS NULL OR p.year IN $years)
WITH p {.id, .file, .jurisdiction_id, .jurisdiction, .level, .year, .task_count} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
