// Whether the whole store's sums node (:Totals {id: "all"}) exists, and whether any plan is loaded.
RETURN COUNT { MATCH (s:Totals {id: "all"}) } > 0 AS kept, EXISTS { MATCH (p:Plan) WHERE p.flag_counts IS NOT NULL } AS plans
