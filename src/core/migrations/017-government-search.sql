-- A government is found by the words of its name or of its country among
-- all of them (UCLG counts some 250 000 members), without reading them:
-- an FTS5 index like the hubs', keyed by a stable number per government
-- (government_num; the table's own rowid may change when another program
-- vacuums the file). Its triggers are named *_fts_* so that a large import
-- sets them aside and makes the index again once (l4a-records.c).

CREATE TABLE government_num (
  num INTEGER PRIMARY KEY,
  id  TEXT NOT NULL UNIQUE
) STRICT;

CREATE VIEW government_search_source AS
SELECT n.num AS num, g.name AS name, coalesce (c.name, '') || ' ' || g.country AS country
FROM government_num n
JOIN government g ON g.id = n.id
LEFT JOIN country c ON c.code = g.country;

CREATE VIRTUAL TABLE government_fts USING fts5 (
  name, country,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO government_num (id) SELECT id FROM government ORDER BY rowid;
INSERT INTO government_fts (rowid, name, country) SELECT * FROM government_search_source;

CREATE TRIGGER government_fts_index_insert AFTER INSERT ON government
BEGIN
  INSERT INTO government_num (id) VALUES (new.id);
  INSERT INTO government_fts (rowid, name, country)
  SELECT * FROM government_search_source WHERE num = (SELECT num FROM government_num WHERE id = new.id);
END;

CREATE TRIGGER government_fts_index_update AFTER UPDATE OF name, country ON government
BEGIN
  DELETE FROM government_fts WHERE rowid = (SELECT num FROM government_num WHERE id = old.id);
  INSERT INTO government_fts (rowid, name, country)
  SELECT * FROM government_search_source WHERE num = (SELECT num FROM government_num WHERE id = new.id);
END;

CREATE TRIGGER government_fts_index_delete AFTER DELETE ON government
BEGIN
  DELETE FROM government_fts WHERE rowid = (SELECT num FROM government_num WHERE id = old.id);
  DELETE FROM government_num WHERE id = old.id;
END;

-- the list without words, in name order, a page at a time
CREATE INDEX government_by_name ON government (name COLLATE NOCASE, id);
