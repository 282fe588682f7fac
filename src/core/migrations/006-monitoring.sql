-- Hubs report their work (docs/architecture.md, "Monitoring"): activities
-- of every kind the concept note names, with a date range, a place or
-- online, the SDGs, the partner governments involved and, for a joint
-- product, the other hubs that made it; deliverables whose status changes
-- are kept, each with its date and evidence; the network's own meeting
-- points with the hubs presenting.
--
-- SQLite cannot change a CHECK constraint in place: the activity and
-- deliverable tables are copied into new ones. Nothing refers to either
-- table yet, so the copy keeps every row and id.

CREATE TABLE activity_new (
  id          TEXT PRIMARY KEY,
  hub_id      TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'publication', 'joint-product', 'training', 'peer-visit')),
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  happened_on TEXT NOT NULL,
  ends_on     TEXT CHECK (ends_on IS NULL OR ends_on >= happened_on),
  place       TEXT NOT NULL DEFAULT '',
  online      INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
  url         TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin      TEXT NOT NULL
) STRICT;
INSERT INTO activity_new (id, hub_id, kind, title, happened_on, url, description, created_at, updated_at,
                          revision, origin)
  SELECT id, hub_id, kind, title, happened_on, url, description, created_at, updated_at, max (revision, 1), origin
  FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;
CREATE INDEX activity_by_hub ON activity (hub_id, happened_on);

CREATE TABLE activity_sdg (
  activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  goal        INTEGER NOT NULL REFERENCES sdg (goal),
  PRIMARY KEY (activity_id, goal)
) STRICT, WITHOUT ROWID;

-- partner governments involved
CREATE TABLE activity_government (
  activity_id   TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  government_id TEXT NOT NULL REFERENCES government (id),
  PRIMARY KEY (activity_id, government_id)
) STRICT, WITHOUT ROWID;

-- the other hubs a joint product was made with
CREATE TABLE activity_hub (
  activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  hub_id      TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, hub_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_hub_hub ON activity_hub (hub_id);

CREATE TABLE deliverable_new (
  id          TEXT PRIMARY KEY,
  proposal_id TEXT REFERENCES proposal (id) ON DELETE CASCADE,
  hub_id      TEXT REFERENCES hub (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  due_on      TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'planned'
              CHECK (status IN ('planned', 'in-progress', 'done', 'late', 'dropped')),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL,
  CHECK ((proposal_id IS NULL) <> (hub_id IS NULL))
) STRICT;
INSERT INTO deliverable_new SELECT * FROM deliverable;
DROP TABLE deliverable;
ALTER TABLE deliverable_new RENAME TO deliverable;
CREATE INDEX deliverable_proposal ON deliverable (proposal_id);
CREATE INDEX deliverable_hub ON deliverable (hub_id);

-- Each change of a hub's deliverable: the status it took, on which day,
-- and the evidence (a link, or an attachment stored by its hash).
CREATE TABLE deliverable_change (
  id              TEXT PRIMARY KEY,
  deliverable_id  TEXT NOT NULL REFERENCES deliverable (id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'late', 'dropped')),
  changed_on      TEXT NOT NULL,
  evidence_url    TEXT NOT NULL DEFAULT '',
  evidence_sha256 TEXT REFERENCES attachment (sha256),
  evidence_name   TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  revision        INTEGER NOT NULL DEFAULT 1,
  origin          TEXT NOT NULL
) STRICT;
CREATE INDEX deliverable_change_deliverable ON deliverable_change (deliverable_id, changed_on);

-- The network's meeting points, kept by the World Secretariat.
CREATE TABLE network_event (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('forum', 'world-council', 'policy-council', 'other')),
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL CHECK (ends_on >= starts_on),
  place       TEXT NOT NULL DEFAULT '',
  url         TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL
) STRICT;
CREATE INDEX network_event_starts ON network_event (starts_on);

-- the hubs presenting at a meeting point
CREATE TABLE network_event_hub (
  network_event_id TEXT NOT NULL REFERENCES network_event (id) ON DELETE CASCADE,
  hub_id           TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  PRIMARY KEY (network_event_id, hub_id)
) STRICT, WITHOUT ROWID;
