// Totals kept at write time: per given plan, flag_counts = [tasks, one count per orphan category in
// $categories order, tasks with an open list, tasks with an open list and no category] (task_plan index);
// the change is added to the whole store's sums on (:Totals {id: "all"}) (plans with tasks, flag_counts).
// A plan whose tasks are gone (cleared for deletion or replacement) gets zeros.
UNWIND $ids AS id
MATCH (p:Plan {id: id})
CALL (p) {
  OPTIONAL MATCH (t:Task) WHERE t.plan_id = p.id
  RETURN count(t) AS tasks, collect(t.orphan) AS orphans,
         count(CASE WHEN t.open_list = true THEN 1 END) AS open_list,
         count(CASE WHEN t.open_list = true AND t.orphan IS NULL THEN 1 END) AS open_only
}
WITH p, [tasks] + [c IN $categories | size([o IN orphans WHERE o = c])] + [open_list, open_only] AS counts
WITH p, counts, coalesce(p.flag_counts, [c IN counts | 0]) AS before
SET p.flag_counts = counts
WITH collect([counts, before]) AS changes
WITH changes, [i IN range(0, size($categories) + 2) | reduce(d = 0, c IN changes | d + c[0][i] - c[1][i])] AS delta,
     reduce(d = 0, c IN changes | d + CASE WHEN c[0][0] > 0 THEN 1 ELSE 0 END - CASE WHEN c[1][0] > 0 THEN 1 ELSE 0 END) AS plans
WHERE size(changes) > 0
MERGE (s:Totals {id: "all"})
SET s.plans = coalesce(s.plans, 0) + plans,
    s.flag_counts = [i IN range(0, size(delta) - 1) | coalesce(s.flag_counts[i], 0) + delta[i]]
