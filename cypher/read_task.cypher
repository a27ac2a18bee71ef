// One task by id.
MATCH (t:Task {id: $id})
RETURN t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section} AS row
