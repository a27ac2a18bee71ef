// Tasks with an orphan category (uses the task_orphan index), by plan id then seq.
MATCH (t:Task) WHERE t.orphan IS NOT NULL
RETURN t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section} AS row
ORDER BY t.plan_id, t.seq
