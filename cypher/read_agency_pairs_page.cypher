// One page of the kept agency pair counts: the next $batch agencies after id $after (agency_id index, in id
// order), each that starts a CO_RESPONSIBLE relationship as [id, partner ids, tasks]; last: the last id read
// (null when no agency is left). One record per page: the driver's cost is per record, not per pair.
MATCH (a:Agency) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $batch
CALL (a) {
  OPTIONAL MATCH (a)-[r:CO_RESPONSIBLE]->(b:Agency)
  RETURN collect(b.id) AS partners, collect(r.tasks) AS tasks
}
WITH collect(CASE WHEN size(partners) > 0 THEN [a.id, partners, tasks] END) AS rows, max(a.id) AS last
RETURN rows, last
