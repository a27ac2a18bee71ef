// First statement of a plan's load: find or create the Plan node and take its write lock
// (SET), so a concurrent load of the same plan waits here, then reads the committed hash.
MERGE (p:Plan {id: $id})
SET p.loading = true
REMOVE p.loading
RETURN p.source_hash AS hash
