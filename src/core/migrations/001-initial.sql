-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1: the whole domain model of DESIGN.md.
-- Records that travel in bundles carry id (UUID), created_at, updated_at,
-- revision and origin. Reference data is keyed by stable codes.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Reference tables ---------------------------------------------------------

CREATE TABLE region (
  code     TEXT PRIMARY KEY,
  kind     TEXT NOT NULL CHECK (kind IN ('region', 'section')),
  name     TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE sdg (
  goal   INTEGER PRIMARY KEY CHECK (goal BETWEEN 1 AND 17),
  name   TEXT NOT NULL,
  colour TEXT NOT NULL CHECK (colour GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]')
) STRICT;

CREATE TABLE policy_council (
  code     TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE pact_axis (
  code     TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;

-- ISO 3166-1 alpha-2 codes, filled from Debian's iso-codes.
CREATE TABLE country (
  code TEXT PRIMARY KEY CHECK (length (code) = 2 AND code = upper (code)),
  name TEXT NOT NULL
) STRICT;

-- Governments and calls -----------------------------------------------------

CREATE TABLE government (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('city', 'region', 'association')),
  country    TEXT NOT NULL REFERENCES country (code),
  region     TEXT NOT NULL REFERENCES region (code),
  sample     INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin     TEXT NOT NULL
) STRICT;

CREATE TABLE call (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  opens_on    TEXT NOT NULL,
  closes_on   TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'decided')),
  disagreement_threshold REAL NOT NULL DEFAULT 1.5,
  sample      INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin      TEXT NOT NULL,
  CHECK (closes_on >= opens_on)
) STRICT;

CREATE TABLE criterion (
  id         TEXT PRIMARY KEY,
  call_id    TEXT NOT NULL REFERENCES call (id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  label      TEXT NOT NULL,
  guidance   TEXT NOT NULL DEFAULT '',
  weight     REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  scale_min  INTEGER NOT NULL DEFAULT 0,
  scale_max  INTEGER NOT NULL DEFAULT 5,
  required   INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  origin     TEXT NOT NULL,
  UNIQUE (call_id, key),
  CHECK (scale_max > scale_min)
) STRICT;

-- Proposals -------------------------------------------------------------------

CREATE TABLE proposal (
  num              INTEGER PRIMARY KEY,  -- stable rowid for the FTS index
  id               TEXT NOT NULL UNIQUE,
  call_id          TEXT NOT NULL REFERENCES call (id),
  government_id    TEXT NOT NULL REFERENCES government (id),
  title            TEXT NOT NULL DEFAULT '',
  summary          TEXT NOT NULL DEFAULT '',
  topic            TEXT NOT NULL DEFAULT '',
  pact_axis        TEXT REFERENCES pact_axis (code),
  format           TEXT NOT NULL DEFAULT 'in-person' CHECK (format IN ('in-person', 'virtual', 'hybrid')),
  start_on         TEXT,
  end_on           TEXT,
  communication    TEXT NOT NULL DEFAULT '',
  brand_commitment TEXT NOT NULL DEFAULT '',
  monitoring_plan  TEXT NOT NULL DEFAULT '',
  version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  state            TEXT NOT NULL DEFAULT 'draft'
                   CHECK (state IN ('draft', 'submitted', 'withdrawn', 'under-review', 'decided', 'released')),
  submitted_at     TEXT,
  sample           INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin           TEXT NOT NULL
) STRICT;
CREATE INDEX proposal_call ON proposal (call_id);
CREATE INDEX proposal_government ON proposal (government_id);

-- Earlier versions of a resubmitted proposal, kept readable as JSON snapshots.
CREATE TABLE proposal_version (
  proposal_id TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  snapshot    TEXT NOT NULL CHECK (json_valid (snapshot)),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (proposal_id, version)
) STRICT;

CREATE TABLE proposal_sdg (
  proposal_id TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  goal        INTEGER NOT NULL REFERENCES sdg (goal),
  PRIMARY KEY (proposal_id, goal)
) STRICT;

-- Hubs ------------------------------------------------------------------------

CREATE TABLE hub (
  num              INTEGER PRIMARY KEY,  -- stable rowid for the FTS index
  id               TEXT NOT NULL UNIQUE,
  proposal_id      TEXT UNIQUE REFERENCES proposal (id) ON DELETE SET NULL,
  government_id    TEXT NOT NULL REFERENCES government (id),
  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),
  summary          TEXT NOT NULL DEFAULT '',
  topic            TEXT NOT NULL DEFAULT '',
  pact_axis        TEXT REFERENCES pact_axis (code),
  format           TEXT NOT NULL DEFAULT 'in-person' CHECK (format IN ('in-person', 'virtual', 'hybrid')),
  start_on         TEXT NOT NULL,
  end_on           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'withdrawn')),
  label_date       TEXT,
  communication    TEXT NOT NULL DEFAULT '',
  brand_commitment TEXT NOT NULL DEFAULT '',
  sample           INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin           TEXT NOT NULL,
  CHECK (end_on > start_on)
) STRICT;
CREATE INDEX hub_government ON hub (government_id);

CREATE TABLE hub_sdg (
  hub_id TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  goal   INTEGER NOT NULL REFERENCES sdg (goal),
  PRIMARY KEY (hub_id, goal)
) STRICT;

CREATE TABLE hub_council (
  hub_id  TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  council TEXT NOT NULL REFERENCES policy_council (code),
  PRIMARY KEY (hub_id, council)
) STRICT;

CREATE TABLE hub_relation (
  hub_id     TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  related_id TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  PRIMARY KEY (hub_id, related_id),
  CHECK (hub_id <> related_id)
) STRICT;

CREATE TABLE activity (
  id          TEXT PRIMARY KEY,
  hub_id      TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'publication', 'joint-product')),
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  happened_on TEXT NOT NULL,
  url         TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL
) STRICT;
CREATE INDEX activity_hub ON activity (hub_id);

-- Parts shared by proposals and hubs: exactly one owner each ----------------

CREATE TABLE partner (
  id            TEXT PRIMARY KEY,
  proposal_id   TEXT REFERENCES proposal (id) ON DELETE CASCADE,
  hub_id        TEXT REFERENCES hub (id) ON DELETE CASCADE,
  government_id TEXT REFERENCES government (id),
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  role          TEXT NOT NULL DEFAULT '',
  position      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1,
  origin        TEXT NOT NULL,
  CHECK ((proposal_id IS NULL) <> (hub_id IS NULL))
) STRICT;
CREATE INDEX partner_proposal ON partner (proposal_id);
CREATE INDEX partner_hub ON partner (hub_id);

CREATE TABLE deliverable (
  id          TEXT PRIMARY KEY,
  proposal_id TEXT REFERENCES proposal (id) ON DELETE CASCADE,
  hub_id      TEXT REFERENCES hub (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  due_on      TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done')),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL,
  CHECK ((proposal_id IS NULL) <> (hub_id IS NULL))
) STRICT;
CREATE INDEX deliverable_proposal ON deliverable (proposal_id);
CREATE INDEX deliverable_hub ON deliverable (hub_id);

CREATE TABLE indicator (
  id             TEXT PRIMARY KEY,
  proposal_id    TEXT REFERENCES proposal (id) ON DELETE CASCADE,
  hub_id         TEXT REFERENCES hub (id) ON DELETE CASCADE,
  code           TEXT NOT NULL CHECK (length (trim (code)) > 0),
  framework      TEXT NOT NULL DEFAULT '',
  name           TEXT NOT NULL CHECK (length (trim (name)) > 0),
  unit           TEXT NOT NULL DEFAULT '',
  direction      TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
  baseline_value REAL,
  baseline_on    TEXT,
  target_value   REAL,
  target_on      TEXT,
  position       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1,
  origin         TEXT NOT NULL,
  CHECK ((proposal_id IS NULL) <> (hub_id IS NULL))
) STRICT;
CREATE INDEX indicator_proposal ON indicator (proposal_id);
CREATE INDEX indicator_hub ON indicator (hub_id);

CREATE TABLE measurement (
  id           TEXT PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  measured_on  TEXT NOT NULL,
  value        REAL NOT NULL,
  source       TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  revision     INTEGER NOT NULL DEFAULT 1,
  origin       TEXT NOT NULL
) STRICT;
CREATE INDEX measurement_indicator ON measurement (indicator_id, measured_on);

-- Attachments, content-addressed -----------------------------------------------

CREATE TABLE attachment (
  sha256     TEXT PRIMARY KEY CHECK (length (sha256) = 64),
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL CHECK (size >= 0),
  data       BLOB NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (length (data) = size)
) STRICT;

CREATE TABLE proposal_attachment (
  id          TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL REFERENCES attachment (sha256),
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL,
  UNIQUE (proposal_id, sha256)
) STRICT;

-- Advisory Board ------------------------------------------------------------------

CREATE TABLE member (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  government_id TEXT REFERENCES government (id),
  country       TEXT NOT NULL REFERENCES country (code),
  region        TEXT NOT NULL REFERENCES region (code),
  contact       TEXT NOT NULL DEFAULT '',
  sample        INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin        TEXT NOT NULL
) STRICT;

CREATE TABLE conflict (
  id            TEXT PRIMARY KEY,
  member_id     TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  government_id TEXT NOT NULL REFERENCES government (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('automatic', 'declared')),
  reason        TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1,
  origin        TEXT NOT NULL,
  UNIQUE (member_id, government_id)
) STRICT;

CREATE TABLE assignment (
  id          TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  member_id   TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  round       INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  due_on      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL,
  UNIQUE (proposal_id, member_id, round)
) STRICT;

CREATE TABLE review (
  id                    TEXT PRIMARY KEY,
  proposal_id           TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  member_id             TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  round                 INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  proposal_version      INTEGER NOT NULL CHECK (proposal_version >= 1),
  recommendation        TEXT CHECK (recommendation IN ('grant', 'revise', 'decline')),
  comments_authors      TEXT NOT NULL DEFAULT '',
  comments_confidential TEXT NOT NULL DEFAULT '',
  submitted_at          TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  revision              INTEGER NOT NULL DEFAULT 1,
  origin                TEXT NOT NULL,
  UNIQUE (proposal_id, member_id, round, proposal_version)
) STRICT;

CREATE TABLE review_score (
  review_id    TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL REFERENCES criterion (id),
  score        REAL NOT NULL,
  PRIMARY KEY (review_id, criterion_id)
) STRICT;

CREATE TABLE decision (
  id               TEXT PRIMARY KEY,
  proposal_id      TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  proposal_version INTEGER NOT NULL CHECK (proposal_version >= 1),
  outcome          TEXT NOT NULL CHECK (outcome IN ('label-granted', 'revise-resubmit', 'declined')),
  rationale        TEXT NOT NULL DEFAULT '',
  internal_notes   TEXT NOT NULL DEFAULT '',
  decided_at       TEXT NOT NULL,
  released_at      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 1,
  origin           TEXT NOT NULL,
  UNIQUE (proposal_id, proposal_version)
) STRICT;

-- Brand kit -----------------------------------------------------------------------

CREATE TABLE brand_asset (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('logo', 'label', 'icon', 'template', 'font')),
  variant     TEXT NOT NULL DEFAULT 'primary'
              CHECK (variant IN ('primary', 'horizontal', 'stacked', 'mono', 'reversed')),
  media_type  TEXT NOT NULL,
  sha256      TEXT NOT NULL REFERENCES attachment (sha256),
  min_size_px INTEGER NOT NULL DEFAULT 0 CHECK (min_size_px >= 0),
  clear_space REAL NOT NULL DEFAULT 0 CHECK (clear_space >= 0),
  sample      INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL
) STRICT;

CREATE TABLE brand_colour (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL DEFAULT '',
  hex        TEXT NOT NULL CHECK (hex GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  rgb        TEXT NOT NULL DEFAULT '',
  cmyk       TEXT NOT NULL DEFAULT '',
  pantone    TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL DEFAULT 0,
  sample     INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  origin     TEXT NOT NULL
) STRICT;

-- Audit and sync --------------------------------------------------------------

CREATE TABLE audit (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id   TEXT,
  details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (details))
) STRICT;
CREATE INDEX audit_record ON audit (record_type, record_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TABLE imported_bundle (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  origin      TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

-- Full-text search ------------------------------------------------------------
-- One FTS5 row per hub and per proposal, keyed by the record's stable num
-- and kept in step by triggers, so that every writer (app, command line,
-- importer) keeps the index right. Accents and case are folded.

CREATE VIEW hub_search_source AS
SELECT h.num AS num, h.name AS name, h.summary AS summary, h.topic AS topic,
       g.name AS government,
       coalesce (c.name, '') || ' ' || g.country AS country,
       coalesce ((SELECT group_concat (p.name, ' ') FROM partner p WHERE p.hub_id = h.id), '') AS partners
FROM hub h
JOIN government g ON g.id = h.government_id
LEFT JOIN country c ON c.code = g.country;

CREATE VIEW proposal_search_source AS
SELECT r.num AS num, r.title AS title, r.summary AS summary, r.topic AS topic,
       g.name AS government,
       coalesce (c.name, '') || ' ' || g.country AS country,
       coalesce ((SELECT group_concat (p.name, ' ') FROM partner p WHERE p.proposal_id = r.id), '') AS partners
FROM proposal r
JOIN government g ON g.id = r.government_id
LEFT JOIN country c ON c.code = g.country;

CREATE VIRTUAL TABLE hub_fts USING fts5 (
  name, summary, topic, government, country, partners,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE VIRTUAL TABLE proposal_fts USING fts5 (
  title, summary, topic, government, country, partners,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER hub_fts_insert AFTER INSERT ON hub
BEGIN
  INSERT INTO hub_fts (rowid, name, summary, topic, government, country, partners)
  SELECT * FROM hub_search_source WHERE num = new.num;
END;
CREATE TRIGGER hub_fts_update AFTER UPDATE ON hub
BEGIN
  DELETE FROM hub_fts WHERE rowid = old.num;
  INSERT INTO hub_fts (rowid, name, summary, topic, government, country, partners)
  SELECT * FROM hub_search_source WHERE num = new.num;
END;
CREATE TRIGGER hub_fts_delete AFTER DELETE ON hub
BEGIN
  DELETE FROM hub_fts WHERE rowid = old.num;
END;

CREATE TRIGGER proposal_fts_insert AFTER INSERT ON proposal
BEGIN
  INSERT INTO proposal_fts (rowid, title, summary, topic, government, country, partners)
  SELECT * FROM proposal_search_source WHERE num = new.num;
END;
CREATE TRIGGER proposal_fts_update AFTER UPDATE ON proposal
BEGIN
  DELETE FROM proposal_fts WHERE rowid = old.num;
  INSERT INTO proposal_fts (rowid, title, summary, topic, government, country, partners)
  SELECT * FROM proposal_search_source WHERE num = new.num;
END;
CREATE TRIGGER proposal_fts_delete AFTER DELETE ON proposal
BEGIN
  DELETE FROM proposal_fts WHERE rowid = old.num;
END;

-- Partners and governments feed the index of their hubs and proposals.
CREATE TRIGGER partner_fts_insert AFTER INSERT ON partner
BEGIN
  UPDATE hub SET num = num WHERE id = new.hub_id;
  UPDATE proposal SET num = num WHERE id = new.proposal_id;
END;
CREATE TRIGGER partner_fts_update AFTER UPDATE ON partner
BEGIN
  UPDATE hub SET num = num WHERE id IN (old.hub_id, new.hub_id);
  UPDATE proposal SET num = num WHERE id IN (old.proposal_id, new.proposal_id);
END;
CREATE TRIGGER partner_fts_delete AFTER DELETE ON partner
BEGIN
  UPDATE hub SET num = num WHERE id = old.hub_id;
  UPDATE proposal SET num = num WHERE id = old.proposal_id;
END;
CREATE TRIGGER government_fts_update AFTER UPDATE OF name, country ON government
BEGIN
  UPDATE hub SET num = num WHERE government_id = new.id;
  UPDATE proposal SET num = num WHERE government_id = new.id;
END;
