// Record that this database keeps agency pair counts (version $version), after they were filled or the
// database emptied.
MERGE (m:PairCounts {id: "all"})
SET m.version = $version
