// First statement of a load: find or create each Plan node and take its write lock (SET),
// so a concurrent load of the same plan waits here, then reads the committed source hash.
UNWIND $ids AS id
MERGE (p:Plan {id: id})
SET p.loading = true
REMOVE p.loading
RETURN id, p.source_hash AS hash
