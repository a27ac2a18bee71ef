// Every agency with its aliases (distinct mentions) and edge counts, by id. Rows come back in lists of up to 5,000 (few records: fast to fetch).
MATCH (a:Agency)
OPTIONAL MATCH (a)-[r:LEADS|SUPPORTS]->(:Task)
WITH a, collect(DISTINCT r.mention) AS aliases, count(r) AS mentions,
     count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
     count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
WITH a {.id, .name, .name_simplified, .jurisdiction_id, .function, .kind,
          aliases: aliases, mentions: mentions, leads: leads, supports: supports} AS row
ORDER BY row.id
WITH collect(row) AS found
UNWIND range(0, size(found) - 1, 5000) AS i
RETURN found[i..i + 5000] AS rows
