// Node counts by label and relationship counts by type.
RETURN COUNT { MATCH (p:Plan) WHERE p.source_hash IS NOT NULL } AS Plan,
       COUNT { (:Task) } AS Task, COUNT { (:Agency) } AS Agency,
       COUNT { (:Collective) } AS Collective, COUNT { (:Jurisdiction) } AS Jurisdiction,
       COUNT { (:Function) } AS Function,
       COUNT { ()-[:LEADS]->() } AS LEADS, COUNT { ()-[:SUPPORTS]->() } AS SUPPORTS,
       COUNT { ()-[:NAMED_ON]->() } AS NAMED_ON, COUNT { ()-[:HAS_TASK]->() } AS HAS_TASK,
       COUNT { ()-[:ISSUED_IN]->() } AS ISSUED_IN, COUNT { ()-[:IN]->() } AS `IN`,
       COUNT { ()-[:OF_FUNCTION]->() } AS OF_FUNCTION, COUNT { ()-[:PART_OF]->() } AS PART_OF,
       COUNT { ()-[:SUCCEEDED_BY]->() } AS SUCCEEDED_BY
