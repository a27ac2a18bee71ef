// The decoded source text of one plan.
MATCH (p:Plan {id: $id})
RETURN p.text AS text
