// Totals kept at write time: per given plan, flag_counts = [tasks, one count per orphan category in
// $categories order, tasks with an open list, tasks with an open list and no category] (task_plan index).
UNWIND $ids AS id
MATCH (p:Plan {id: id})
CALL (p) {
  OPTIONAL MATCH (t:Task) WHERE t.plan_id = p.id
  RETURN count(t) AS tasks, collect(t.orphan) AS orphans,
         count(CASE WHEN t.open_list = true THEN 1 END) AS open_list,
         count(CASE WHEN t.open_list = true AND t.orphan IS NULL THEN 1 END) AS open_only
}
SET p.flag_counts = [tasks] + [c IN $categories | size([o IN orphans WHERE o = c])] + [open_list, open_only]
