-- Trust between workstations (docs/bundle-format.md, "Signatures"): the
-- roster of keys this workstation knows, each bound to one role and one
-- member or government. A key is pending (an enrolment request waiting for
-- the secretariat), approved or revoked. The secretariat's own keys are
-- rows of the role "secretariat"; on other workstations such a row is the
-- root of trust, confirmed by the user on first contact or reached from a
-- confirmed one by a rotation statement.

CREATE TABLE roster_key (
  public_key   TEXT PRIMARY KEY NOT NULL CHECK (length (public_key) = 44),
  role         TEXT NOT NULL CHECK (role IN ('secretariat', 'member', 'government')),
  actor_id     TEXT CHECK ((role = 'secretariat') = (actor_id IS NULL)),
  name         TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
  requested_at TEXT,
  approved_at  TEXT,
  revoked_at   TEXT CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
  replaces     TEXT,
  statement    TEXT,
  sample       INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
) STRICT;

CREATE INDEX roster_key_actor ON roster_key (role, actor_id);
