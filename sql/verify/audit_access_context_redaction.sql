-- Verify onemedi:audit_access_context_redaction on pg

BEGIN;

SELECT 1 / (NOT EXISTS (
    SELECT 1
    FROM public.audit_logs AS l
    WHERE
        l.action = 'ACCESS'
        AND l.after_state IS NOT NULL
        AND l.after_state <> '{"context_redacted": true}'
        AND private.audit_access_context_problem(l.entity_type, l.after_state) IS NOT NULL
))::integer;

ROLLBACK;
