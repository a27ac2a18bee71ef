// The version of the kept agency pair counts (null: never filled in this database).
OPTIONAL MATCH (m:PairCounts {id: "all"})
RETURN m.version AS version
