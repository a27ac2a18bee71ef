// The version of the kept agency search text (a.search; null: never filled in this database).
OPTIONAL MATCH (m:AgencySearch {id: "all"})
RETURN m.version AS version
