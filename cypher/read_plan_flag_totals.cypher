// Per-plan flag counts kept at write time (flag_counts, see refresh_plan_totals): a page of plans with
// tasks by id ($skip/$limit, plan_id constraint order) as [id, file, jurisdiction, counts...], and the
// whole store's sums kept on the (:Totals {id: "all"}) node: plans with tasks, summed flag_counts.
CALL () {
  MATCH (p:Plan) WHERE p.id IS NOT NULL AND p.flag_counts[0] > 0
  WITH p ORDER BY p.id SKIP $skip LIMIT $limit
  RETURN collect([p.id, p.file, p.jurisdiction] + p.flag_counts) AS rows
}
OPTIONAL MATCH (s:Totals {id: "all"})
RETURN rows, coalesce(s.plans, 0) AS plans, coalesce(s.flag_counts, [i IN range(1, $width) | 0]) AS totals
