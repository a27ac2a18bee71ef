// A page of the whole store's flagged tasks: orphan category in $categories, or (when $soft) an open list
// and no category; by plan id (task_plan index order) then seq, $skip/$limit; each with its named units
// as [position, type, source id, mention] and its plan's file and jurisdiction name.
MATCH (t:Task) USING INDEX t:Task(plan_id)
WHERE t.plan_id IS NOT NULL AND (t.orphan IN $categories OR ($soft AND t.orphan IS NULL AND t.open_list = true))
WITH t ORDER BY t.plan_id, t.seq SKIP $skip LIMIT $limit
OPTIONAL MATCH (p:Plan {id: t.plan_id})
WITH t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section,
        named: [(n)-[r:LEADS|SUPPORTS|NAMED_ON]->(t) | [r.position, type(r), n.id, r.mention]],
        plan: p.file, jurisdiction: p.jurisdiction} AS row
RETURN collect(row) AS rows
