// The Plan node's facts and source text, and (:Plan)-[:ISSUED_IN]->(:Jurisdiction).
MATCH (p:Plan {id: $plan.id})
SET p.file = $plan.file, p.title = $plan.title, p.jurisdiction_id = $plan.jurisdiction_id,
    p.jurisdiction = $plan.jurisdiction, p.level = $plan.level,
    p.parent_jurisdiction = $plan.parent_jurisdiction, p.issuer = $plan.issuer,
    p.doc_number = $plan.doc_number, p.date = $plan.date, p.year = $plan.year, p.script = $plan.script,
    p.lead_convention = $plan.lead_convention, p.source_hash = $plan.source_hash,
    p.task_count = $plan.task_count, p.format = $plan.format, p.encoding = $plan.encoding,
    p.warnings = $plan.warnings, p.text = $plan.text
WITH p
MATCH (j:Jurisdiction {id: $plan.jurisdiction_id})
MERGE (p)-[:ISSUED_IN]->(j)
