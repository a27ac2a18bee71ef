// Every agency with its aliases (distinct mentions) and edge counts, by id.
MATCH (a:Agency)
OPTIONAL MATCH (a)-[r:LEADS|SUPPORTS]->(:Task)
WITH a, collect(DISTINCT r.mention) AS aliases, count(r) AS mentions,
     count(CASE WHEN type(r) = "LEADS" THEN 1 END) AS leads,
     count(CASE WHEN type(r) = "SUPPORTS" THEN 1 END) AS supports
RETURN a {.id, .name, .name_simplified, .jurisdiction_id, .function, .kind,
          aliases: aliases, mentions: mentions, leads: leads, supports: supports} AS row
ORDER BY a.id
