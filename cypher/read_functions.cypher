// The function taxonomy, by code.
MATCH (f:Function)
RETURN f {.code, .zh, .en, .successor, .taxonomy_version} AS row
ORDER BY f.code
