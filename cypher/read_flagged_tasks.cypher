// Tasks with an orphan category or an open list (task_orphan / task_open_list indexes), only those naming an agency of one of $functions unless it is null, each with its named units as [position, type, source id, mention]; by plan id then seq. Rows come back in lists of up to 5,000.
CALL () {
  MATCH (t:Task) WHERE t.orphan IS NOT NULL RETURN t
  UNION
  MATCH (t:Task) WHERE t.open_list = true RETURN t
}
WITH t WHERE $functions IS NULL OR EXISTS { MATCH (fa:Agency)-[:LEADS|SUPPORTS]->(t) WHERE fa.function IN $functions }
WITH t {.id, .plan_id, .seq, .path, .heading, .text, .clause, .lead_basis, .open_list, .orphan, .span_start, .span_end, .clause_start, .clause_end, .section,
        named: [(n)-[r:LEADS|SUPPORTS|NAMED_ON]->(t) | [r.position, type(r), n.id, r.mention]]} AS row
ORDER BY row.plan_id, row.seq
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
