-- What this workstation last agreed with the others, record by record: the
-- hash of the record as the last import carried it, and this record's own
-- revision right after that import. An incoming copy with another hash has
-- changed there since; a record here at another revision has changed here
-- since (every edit raises the revision). Both changed is a conflict.

CREATE TABLE sync_state (
  record_type   TEXT NOT NULL,
  record_key    TEXT NOT NULL,
  theirs_hash   TEXT NOT NULL CHECK (length (theirs_hash) = 64),
  ours_revision INTEGER NOT NULL,
  agreed_at     TEXT NOT NULL,
  PRIMARY KEY (record_type, record_key)
) STRICT, WITHOUT ROWID;
