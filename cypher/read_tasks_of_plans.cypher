// The tasks of the given $plan_ids, by plan id and seq (uses the task_plan index). Rows come back in lists of up to 5,000.
MATCH (t:Task) WHERE t.plan_id IN $plan_ids
WITH t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section} AS row
ORDER BY row.plan_id, row.seq
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
