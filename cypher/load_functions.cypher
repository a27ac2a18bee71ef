// Function nodes (the taxonomy travels with every plan graph).
UNWIND $rows AS row
MERGE (f:Function {code: row.code})
SET f.zh = row.zh, f.en = row.en, f.successor = row.successor, f.taxonomy_version = row.taxonomy_version
