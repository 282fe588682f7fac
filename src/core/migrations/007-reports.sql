-- Progress reports (docs/architecture.md, "Monitoring"): every hub reports
-- on a schedule the World Secretariat sets, half-yearly unless a row here
-- says otherwise, from its label date. A report gathers a narrative with
-- what the hub's records said when it was submitted; the secretariat
-- acknowledges it or asks for changes with a comment.

CREATE TABLE reporting_schedule (
  hub_id       TEXT PRIMARY KEY REFERENCES hub (id) ON DELETE CASCADE,
  every_months INTEGER NOT NULL CHECK (every_months IN (0, 3, 6, 12)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  revision     INTEGER NOT NULL DEFAULT 1,
  origin       TEXT NOT NULL
) STRICT;

CREATE TABLE progress_report (
  id           TEXT PRIMARY KEY,
  hub_id       TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL CHECK (period_end > period_start),
  due_on       TEXT NOT NULL CHECK (due_on >= period_end),
  narrative    TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'submitted', 'acknowledged', 'changes-requested')),
  gathered     TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  reviewed_at  TEXT,
  comment      TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  revision     INTEGER NOT NULL DEFAULT 1,
  origin       TEXT NOT NULL,
  UNIQUE (hub_id, period_start)
) STRICT;
CREATE INDEX progress_report_due ON progress_report (status, due_on);
