-- Advisory Board review: who may not see what, and the board's discussion.

-- Every (member, proposal) pair that must never meet: the member's own
-- government, any government of the member's country, and every declared
-- conflict, for the lead government and for partner governments alike.
CREATE VIEW member_conflict AS
SELECT m.id AS member_id, p.id AS proposal_id
FROM member m JOIN proposal p
JOIN government g ON g.id = p.government_id
WHERE m.government_id = g.id OR m.country = g.country
UNION
SELECT c.member_id, p.id
FROM conflict c JOIN proposal p ON p.government_id = c.government_id
UNION
SELECT m.id, pa.proposal_id
FROM partner pa JOIN government g ON g.id = pa.government_id
JOIN member m ON m.government_id = g.id OR m.country = g.country
WHERE pa.proposal_id IS NOT NULL
UNION
SELECT c.member_id, pa.proposal_id
FROM partner pa JOIN conflict c ON c.government_id = pa.government_id
WHERE pa.proposal_id IS NOT NULL;

CREATE INDEX assignment_member ON assignment (member_id);
CREATE INDEX review_proposal ON review (proposal_id);
CREATE INDEX conflict_government ON conflict (government_id);

CREATE TABLE discussion_note (
  id          TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
  author      TEXT NOT NULL,           -- a member id, or 'secretariat'
  body        TEXT NOT NULL CHECK (length (trim (body)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL
) STRICT;
CREATE INDEX discussion_note_proposal ON discussion_note (proposal_id, created_at);
