// The whole store's sums on (:Totals {id: "all"}) recounted from every plan's flag_counts ($width columns;
// once, for a database whose plans have flag_counts but no Totals node).
OPTIONAL MATCH (p:Plan) WHERE p.flag_counts[0] > 0
WITH collect(p.flag_counts) AS counts
MERGE (s:Totals {id: "all"})
SET s.plans = size(counts), s.flag_counts = [i IN range(0, $width - 1) | reduce(t = 0, c IN counts | t + c[i])]
