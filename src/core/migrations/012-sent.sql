-- What this workstation has sent: a government's proposal is "submitted,
-- not yet sent" until a submission bundle carrying that revision is
-- written. Bookkeeping of this workstation only: it never travels.
CREATE TABLE sent_proposal (
  proposal_id TEXT PRIMARY KEY REFERENCES proposal (id) ON DELETE CASCADE,
  revision    INTEGER NOT NULL,
  sent_at     TEXT NOT NULL
) STRICT;
