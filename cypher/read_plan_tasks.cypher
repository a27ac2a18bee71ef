// The tasks of one plan, by seq (uses the task_plan index).
MATCH (t:Task) WHERE t.plan_id = $plan_id
RETURN t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section} AS row
ORDER BY t.seq
