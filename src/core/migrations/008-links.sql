-- Links between hubs (synchronization, docs/architecture.md "Monitoring"):
-- the World Secretariat or a hub's lead government proposes a link to
-- another hub with a reason; the other hub's lead government (or the
-- secretariat) accepts or declines it. A link the secretariat makes is
-- accepted as it is made. Both hubs' pages and the map show accepted
-- links.

CREATE TABLE hub_link (
  id          TEXT PRIMARY KEY,
  hub_id      TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  other_id    TEXT NOT NULL REFERENCES hub (id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('shared-topic', 'joint-product', 'peer-learning')),
  note        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
  proposed_by TEXT NOT NULL CHECK (proposed_by IN ('secretariat', 'government')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL,
  CHECK (hub_id <> other_id),
  UNIQUE (hub_id, other_id)
) STRICT;
CREATE INDEX hub_link_other ON hub_link (other_id);
