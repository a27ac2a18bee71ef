// Every jurisdiction, by id.
MATCH (j:Jurisdiction)
RETURN j {.id, .name, .level, .parent_id} AS row
ORDER BY j.id
