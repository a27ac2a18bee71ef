// Record that every agency of this database has its search text (version $version), after it was
// filled or the database emptied.
MERGE (m:AgencySearch {id: "all"})
SET m.version = $version
