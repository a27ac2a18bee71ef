// Jurisdiction nodes of one plan (its own and its parents). Last writer wins on properties.
UNWIND $rows AS row
MERGE (j:Jurisdiction {id: row.id})
SET j.name = row.name, j.level = row.level, j.parent_id = row.parent_id
