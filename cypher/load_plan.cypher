// Plan nodes' facts and source text, and (:Plan)-[:ISSUED_IN]->(:Jurisdiction).
UNWIND $rows AS row
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
