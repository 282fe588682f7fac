-- Before deciding: questions to the government and its answers, and the
-- lead reviewer's consolidated recommendation (the meta-review).

-- A question about a proposal. The secretariat asks it ('sent'), or a
-- member suggests it ('suggested') and the secretariat sends it on in the
-- Board's name: once sent, asked_by is 'secretariat' or 'board' and never
-- a member, so that no one learns who asked. The government answers it.
CREATE TABLE clarification (
  id          TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  asked_by    TEXT NOT NULL,
  question    TEXT NOT NULL CHECK (length (trim (question)) > 0),
  status      TEXT NOT NULL CHECK (status IN ('suggested', 'sent', 'answered')),
  sent_at     TEXT,
  answer      TEXT NOT NULL DEFAULT '',
  answered_at TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin      TEXT NOT NULL,
  CHECK (status = 'suggested' OR asked_by IN ('secretariat', 'board')),
  CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
  CHECK (status <> 'answered' OR length (trim (answer)) > 0)
) STRICT;
CREATE INDEX clarification_proposal ON clarification (proposal_id, created_at);

-- The lead reviewer's recommendation for the Board. The secretariat asks
-- for it once the reviews are in, with a digest of them (JSON: reviewers
-- numbered, never named); the lead writes and submits it.
CREATE TABLE meta_review (
  id             TEXT PRIMARY KEY,
  proposal_id    TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  member_id      TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  proposal_version INTEGER NOT NULL CHECK (proposal_version >= 1),
  digest         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (digest)),
  recommendation TEXT CHECK (recommendation IN ('grant', 'revise', 'decline')),
  body           TEXT NOT NULL DEFAULT '',
  submitted_at   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin         TEXT NOT NULL,
  UNIQUE (proposal_id, proposal_version),
  CHECK (submitted_at IS NULL OR (recommendation IS NOT NULL AND length (trim (body)) > 0))
) STRICT;
CREATE INDEX meta_review_member ON meta_review (member_id);

-- Where a government reads its mail: decision letters go there.
ALTER TABLE government ADD COLUMN contact TEXT NOT NULL DEFAULT '' CHECK (length (contact) <= 300);
