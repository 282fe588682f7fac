-- Files of an activity (a programme, a publication, photographs): PDF, PNG
-- or JPEG, stored once by their hash as a proposal's are.

CREATE TABLE activity_attachment (
  id          TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL REFERENCES attachment (sha256),
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL,
  UNIQUE (activity_id, sha256)
) STRICT;
