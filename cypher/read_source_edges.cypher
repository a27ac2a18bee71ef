// The LEADS/SUPPORTS/NAMED_ON edges of one agency or collective ($id, agency_id / collective_id constraints), by task id, position, type, source id. Rows come back in lists of up to 5,000.
CALL () {
  MATCH (s:Agency {id: $id}) RETURN s
  UNION
  MATCH (s:Collective {id: $id}) RETURN s
}
MATCH (s)-[r:LEADS|SUPPORTS|NAMED_ON]->(t:Task)
WITH {source_id: s.id, task_id: t.id, plan_id: t.plan_id, type: type(r), mention: r.mention,
        position: r.position} AS row
ORDER BY row.task_id, row.position, row.type, row.source_id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
