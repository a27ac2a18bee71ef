// Tasks of the given plans with an orphan category, by plan id then seq.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids AND t.orphan IS NOT NULL
RETURN t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section} AS row
ORDER BY t.plan_id, t.seq
