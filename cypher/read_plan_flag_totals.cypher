// Per-plan flag counts kept at write time (flag_counts, see refresh_plan_totals): a page of plans with
// tasks by id ($skip/$limit, plan_id constraint order), their number and the column sums ($width columns).
CALL () {
  MATCH (p:Plan) WHERE p.id IS NOT NULL AND p.flag_counts[0] > 0
  WITH p ORDER BY p.id SKIP $skip LIMIT $limit
  RETURN collect([p.id] + p.flag_counts) AS rows
}
CALL () {
  MATCH (p:Plan) WHERE p.flag_counts[0] > 0
  WITH collect(p.flag_counts) AS counts
  RETURN size(counts) AS plans, [i IN range(0, $width - 1) | reduce(s = 0, c IN counts | s + c[i])] AS totals
}
RETURN rows, plans, totals
