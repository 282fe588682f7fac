-- The audit log is read newest first, filtered by a prefix of the record's
-- type or id, its actor or its action: no query looks rows up by
-- (record_type, record_id), and the index cost every write, an import of
-- many records above all, an insert of its own.

DROP INDEX audit_record;
