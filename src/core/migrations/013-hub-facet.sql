-- What the registry's lists filter, sort and count by, one narrow row per
-- hub, so that 100 000 hubs are searched, sorted and counted in SQLite
-- without reading the wide hub rows (issue 19). Derived, never exported:
-- triggers keep it in line with hub, government, hub_sdg and hub_council
-- whoever writes them, in plain SQL.
--
-- The sort keys (name_key: the hub's name, government_key: its lead
-- government's name, both accents and case folded) need a function in C
-- (l4a_fold), which only this application's connections have: a write
-- from anywhere else leaves them NULL; this application's connections
-- fill the keys of what they write (temporary triggers on each
-- connection) and compute the missing ones as they read.
CREATE TABLE hub_facet (
  num            INTEGER PRIMARY KEY,   -- hub.num
  government_id  TEXT NOT NULL,
  name           TEXT NOT NULL,
  name_key       TEXT,
  government_key TEXT,
  region         TEXT,
  country        TEXT,
  pact_axis      TEXT,
  status         TEXT NOT NULL,
  format         TEXT NOT NULL,
  start_on       TEXT NOT NULL,
  end_on         TEXT NOT NULL,
  sdgs           INTEGER NOT NULL DEFAULT 0,  -- bit n: goal n
  councils       INTEGER NOT NULL DEFAULT 0   -- bit n: the council at position n
) STRICT;

INSERT INTO hub_facet (num, government_id, name, name_key, government_key, region, country, pact_axis, status,
                       format, start_on, end_on, sdgs, councils)
SELECT h.num, h.government_id, h.name, l4a_fold (h.name), l4a_fold (g.name), g.region, g.country, h.pact_axis,
       h.status, h.format, h.start_on, h.end_on,
       coalesce ((SELECT sum (1 << s.goal) FROM hub_sdg s WHERE s.hub_id = h.id), 0),
       coalesce ((SELECT sum (1 << p.position) FROM hub_council c JOIN policy_council p ON p.code = c.council
                  WHERE c.hub_id = h.id), 0)
FROM hub h JOIN government g ON g.id = h.government_id;

-- One covering index per sort key, so that the whole registry is listed
-- in any order by reading one index (by region, country or axis: one
-- range of the index per code, in the order of their names, see
-- l4a-hub-query.c); filtered lists are read whole and sorted.
CREATE INDEX hub_facet_by_name ON hub_facet (name_key, num);
CREATE INDEX hub_facet_by_government_key ON hub_facet (government_key, name_key, num);
CREATE INDEX hub_facet_by_country ON hub_facet (country, name_key, num);
CREATE INDEX hub_facet_by_region ON hub_facet (region, name_key, num);
CREATE INDEX hub_facet_by_axis ON hub_facet (pact_axis, name_key, num);
CREATE INDEX hub_facet_by_status ON hub_facet (status, name_key, num);
CREATE INDEX hub_facet_by_time ON hub_facet (start_on, end_on, name_key, num);
CREATE INDEX hub_facet_by_goal ON hub_facet ((CASE sdgs WHEN 0 THEN 1 << 40 ELSE sdgs & -sdgs END), name_key, num);
CREATE INDEX hub_facet_by_goals ON hub_facet (sdgs);  -- hubs per goal: one count per set of goals
CREATE INDEX hub_facet_by_end ON hub_facet (end_on);
CREATE INDEX hub_facet_by_government ON hub_facet (government_id);

CREATE TRIGGER hub_facet_insert AFTER INSERT ON hub
BEGIN
  -- goals, councils and the government may come first when foreign keys
  -- are deferred
  INSERT INTO hub_facet (num, government_id, name, region, country, pact_axis, status, format, start_on, end_on,
                         sdgs, councils)
  VALUES (new.num, new.government_id, new.name,
          (SELECT region FROM government WHERE id = new.government_id),
          (SELECT country FROM government WHERE id = new.government_id),
          new.pact_axis, new.status, new.format, new.start_on, new.end_on,
          coalesce ((SELECT sum (1 << goal) FROM hub_sdg WHERE hub_id = new.id), 0),
          coalesce ((SELECT sum (1 << p.position) FROM hub_council c JOIN policy_council p ON p.code = c.council
                     WHERE c.hub_id = new.id), 0));
END;

CREATE TRIGGER hub_facet_update AFTER UPDATE OF government_id, name, pact_axis, status, format, start_on, end_on ON hub
BEGIN
  UPDATE hub_facet
  SET government_id = new.government_id,
      name = new.name,
      name_key = CASE WHEN new.name IS old.name THEN name_key END,
      government_key = CASE WHEN new.government_id IS old.government_id THEN government_key END,
      region = (SELECT region FROM government WHERE id = new.government_id),
      country = (SELECT country FROM government WHERE id = new.government_id),
      pact_axis = new.pact_axis, status = new.status, format = new.format,
      start_on = new.start_on, end_on = new.end_on
  WHERE num = new.num;
END;

CREATE TRIGGER hub_facet_delete AFTER DELETE ON hub
BEGIN
  DELETE FROM hub_facet WHERE num = old.num;
END;

CREATE TRIGGER hub_facet_government_insert AFTER INSERT ON government
BEGIN
  UPDATE hub_facet SET region = new.region, country = new.country, government_key = NULL
  WHERE government_id = new.id;
END;

CREATE TRIGGER hub_facet_government AFTER UPDATE OF name, country, region ON government
BEGIN
  UPDATE hub_facet
  SET region = new.region, country = new.country,
      government_key = CASE WHEN new.name IS old.name THEN government_key END
  WHERE government_id = new.id;
END;

CREATE TRIGGER hub_facet_sdg_insert AFTER INSERT ON hub_sdg
BEGIN
  UPDATE hub_facet SET sdgs = sdgs | (1 << new.goal)
  WHERE num = (SELECT num FROM hub WHERE id = new.hub_id);
END;

CREATE TRIGGER hub_facet_sdg_delete AFTER DELETE ON hub_sdg
BEGIN
  UPDATE hub_facet SET sdgs = sdgs & ~(1 << old.goal)
  WHERE num = (SELECT num FROM hub WHERE id = old.hub_id);
END;

CREATE TRIGGER hub_facet_council_insert AFTER INSERT ON hub_council
BEGIN
  UPDATE hub_facet SET councils = councils | (1 << (SELECT position FROM policy_council WHERE code = new.council))
  WHERE num = (SELECT num FROM hub WHERE id = new.hub_id);
END;

CREATE TRIGGER hub_facet_council_delete AFTER DELETE ON hub_council
BEGIN
  UPDATE hub_facet SET councils = councils & ~(1 << (SELECT position FROM policy_council WHERE code = old.council))
  WHERE num = (SELECT num FROM hub WHERE id = old.hub_id);
END;
