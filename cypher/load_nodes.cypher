// Every node row of one load transaction, in one statement; each CALL runs to completion
// before the next, so relationships are drawn once all nodes exist.
// A shared node (jurisdiction, function, agency, collective) is written only when it is new
// or its row changed: row.v is a digest of the row's values, kept in n.v. Unchanged nodes are
// only read, so concurrent loads of plans naming the same bureaus do not queue on their locks.
// Changed nodes get their outgoing PART_OF / SUCCEEDED_BY / IN / OF_FUNCTION redrawn.
CALL () {
  UNWIND $jurisdictions AS row
  MERGE (j:Jurisdiction {id: row.id})
  WITH j, row WHERE j.v IS NULL OR j.v <> row.v
  SET j.name = row.name, j.level = row.level, j.parent_id = row.parent_id, j.v = row.v, j.relink = true
}
CALL () {
  UNWIND $functions AS row
  MERGE (f:Function {code: row.code})
  WITH f, row WHERE f.v IS NULL OR f.v <> row.v
  SET f.zh = row.zh, f.en = row.en, f.successor = row.successor,
      f.taxonomy_version = row.taxonomy_version, f.v = row.v, f.relink = true
}
CALL () {
  UNWIND $agencies AS row
  MERGE (a:Agency {id: row.id})
  WITH a, row WHERE a.v IS NULL OR a.v <> row.v
  SET a.name = row.name, a.name_simplified = row.name_simplified, a.jurisdiction_id = row.jurisdiction_id,
      a.function = row.function, a.kind = row.kind, a.v = row.v, a.relink = true
}
CALL () {
  UNWIND $collectives AS row
  MERGE (c:Collective {id: row.id})
  WITH c, row WHERE c.v IS NULL OR c.v <> row.v
  SET c.name = row.name, c.jurisdiction_id = row.jurisdiction_id, c.kind = row.kind, c.v = row.v,
      c.relink = true
}
CALL () {
  UNWIND $jurisdictions AS row
  MATCH (j:Jurisdiction {id: row.id}) WHERE j.relink
  REMOVE j.relink
  WITH j OPTIONAL MATCH (j)-[old:PART_OF]->() DELETE old
  WITH DISTINCT j MATCH (target:Jurisdiction {id: j.parent_id})
  MERGE (j)-[:PART_OF]->(target)
}
CALL () {
  UNWIND $functions AS row
  MATCH (f:Function {code: row.code}) WHERE f.relink
  REMOVE f.relink
  WITH f OPTIONAL MATCH (f)-[old:SUCCEEDED_BY]->() DELETE old
  WITH DISTINCT f MATCH (target:Function {code: f.successor})
  MERGE (f)-[:SUCCEEDED_BY]->(target)
}
CALL () {
  UNWIND $agencies AS row
  MATCH (a:Agency {id: row.id}) WHERE a.relink
  REMOVE a.relink
  WITH a OPTIONAL MATCH (a)-[old:IN|OF_FUNCTION]->() DELETE old
  WITH DISTINCT a
  CALL (a) { MATCH (target:Jurisdiction {id: a.jurisdiction_id}) MERGE (a)-[:IN]->(target) }
  CALL (a) { MATCH (target:Function {code: a.function}) MERGE (a)-[:OF_FUNCTION]->(target) }
}
CALL () {
  UNWIND $collectives AS row
  MATCH (c:Collective {id: row.id}) WHERE c.relink
  REMOVE c.relink
  WITH c OPTIONAL MATCH (c)-[old:IN]->() DELETE old
  WITH DISTINCT c MATCH (target:Jurisdiction {id: c.jurisdiction_id})
  MERGE (c)-[:IN]->(target)
}
CALL () {
  UNWIND $plans AS row
  MATCH (p:Plan {id: row.id})
  SET p.file = row.file, p.title = row.title, p.jurisdiction_id = row.jurisdiction_id,
      p.jurisdiction = row.jurisdiction, p.level = row.level,
      p.parent_jurisdiction = row.parent_jurisdiction, p.issuer = row.issuer,
      p.doc_number = row.doc_number, p.date = row.date, p.year = row.year, p.script = row.script,
      p.lead_convention = row.lead_convention, p.source_hash = row.source_hash,
      p.task_count = row.task_count, p.format = row.format, p.encoding = row.encoding,
      p.warnings = row.warnings, p.text = row.text
  WITH p, row
  MATCH (j:Jurisdiction {id: row.jurisdiction_id})
  MERGE (p)-[:ISSUED_IN]->(j)
}
