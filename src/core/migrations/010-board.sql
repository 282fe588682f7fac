-- The Advisory Board's deeper work: what each member can review, the
-- language a proposal is written in, assignments a member declined, how
-- sure a reviewer is, and how a call calibrates its reviewers.

-- What a member declared they can review: goals, Pact axes, UCLG regions
-- and the languages they read. No language declared means no language
-- is ruled out.
CREATE TABLE member_sdg (
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  goal      INTEGER NOT NULL REFERENCES sdg (goal),
  PRIMARY KEY (member_id, goal)
) STRICT;

CREATE TABLE member_axis (
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  axis      TEXT NOT NULL REFERENCES pact_axis (code),
  PRIMARY KEY (member_id, axis)
) STRICT;

CREATE TABLE member_region (
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  region    TEXT NOT NULL REFERENCES region (code),
  PRIMARY KEY (member_id, region)
) STRICT;

CREATE TABLE member_language (
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  language  TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
  PRIMARY KEY (member_id, language)
) STRICT;

-- NULL: the language of the government's country (l4a_letter_language_for).
ALTER TABLE proposal ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'fr', 'es'));

-- A member may decline an assignment, with a reason; the slot is free
-- again and the solver never offers that pair a second time.
ALTER TABLE assignment ADD COLUMN declined_at TEXT;
ALTER TABLE assignment ADD COLUMN decline_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE review ADD COLUMN confidence TEXT
  CHECK (confidence IS NULL OR confidence IN ('expert', 'knowledgeable', 'outsider'));

-- Calibration needs this many submitted reviews of a reviewer in the
-- call; confidence weights the means only when the secretariat says so.
ALTER TABLE call ADD COLUMN calibration_minimum INTEGER NOT NULL DEFAULT 3
  CHECK (calibration_minimum BETWEEN 2 AND 100);
ALTER TABLE call ADD COLUMN confidence_weighting INTEGER NOT NULL DEFAULT 0
  CHECK (confidence_weighting IN (0, 1));
