-- What each level of a criterion's scale means, as the World Secretariat
-- words it for a call: one line per level, from the lowest; empty when the
-- call gives no such guidance (reviewers then see the plain words Poor to
-- Excellent).
ALTER TABLE criterion ADD COLUMN levels TEXT NOT NULL DEFAULT '';
