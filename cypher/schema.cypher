// Constraints and indexes of the agencynet graph. Re-runnable (IF NOT EXISTS).
// Unique ids: MERGE on these takes the constraint's lock, so concurrent loads never duplicate nodes.
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (p:Plan) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (a:Agency) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT collective_id IF NOT EXISTS FOR (c:Collective) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (j:Jurisdiction) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT function_code IF NOT EXISTS FOR (f:Function) REQUIRE f.code IS UNIQUE;
// Lookups by property that reads, deletes and analytics filter on.
CREATE INDEX task_plan IF NOT EXISTS FOR (t:Task) ON (t.plan_id);
CREATE INDEX task_orphan IF NOT EXISTS FOR (t:Task) ON (t.orphan);
CREATE INDEX task_open_list IF NOT EXISTS FOR (t:Task) ON (t.open_list);
CREATE INDEX plan_jurisdiction IF NOT EXISTS FOR (p:Plan) ON (p.jurisdiction_id);
CREATE INDEX plan_year IF NOT EXISTS FOR (p:Plan) ON (p.year);
CREATE INDEX plan_file IF NOT EXISTS FOR (p:Plan) ON (p.file);
CREATE INDEX plan_jurisdiction_name IF NOT EXISTS FOR (p:Plan) ON (p.jurisdiction);
CREATE INDEX agency_jurisdiction IF NOT EXISTS FOR (a:Agency) ON (a.jurisdiction_id);
CREATE INDEX agency_function IF NOT EXISTS FOR (a:Agency) ON (a.function);
CREATE INDEX collective_jurisdiction IF NOT EXISTS FOR (c:Collective) ON (c.jurisdiction_id);
CREATE INDEX jurisdiction_parent IF NOT EXISTS FOR (j:Jurisdiction) ON (j.parent_id);
// Totals kept at write time (refresh_agency_totals): the whole-store ranking reads agencies in this order.
CREATE INDEX agency_duty_rank IF NOT EXISTS FOR (a:Agency) ON (a.duty_leads, a.duty_total);
CREATE INDEX agency_duty_total IF NOT EXISTS FOR (a:Agency) ON (a.duty_total);
// The agency search: a.search CONTAINS $q (lower-case name, simplified name and mentions, kept by refresh_agency_totals).
CREATE TEXT INDEX agency_search IF NOT EXISTS FOR (a:Agency) ON (a.search);
// The one node holding the whole store's flag sums (refresh_plan_totals MERGEs it: unique under concurrent loads).
CREATE CONSTRAINT totals_id IF NOT EXISTS FOR (s:Totals) REQUIRE s.id IS UNIQUE
