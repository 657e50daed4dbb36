-- Revert onemedi:audit_access_context_redaction from pg
-- Nothing to undo in the schema: the deploy changed data only, and an erasure is not
-- reversible (the redacted text is gone, by design; its ERASE row stays in the log).

BEGIN;

SELECT 1;

COMMIT;
