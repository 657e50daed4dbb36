-- Deploy onemedi:audit_access_context_redaction to pg
-- requires: audit_trail
-- ACCESS rows written before log_access took only structured context may hold free text
-- (a name, a phone number, a diagnosis) that DPDP erasure could never remove from an
-- append-only log. Before the hash chain seals the log (change audit_log_chain), this
-- migration removes every such context, keeping the row (who read which record, when), and
-- writes one ERASE row naming the rows it redacted. Nothing else in the log is changed.

BEGIN;

DO $redact$
DECLARE
    c_marker constant jsonb := '{"context_redacted": true}';
    v_ids uuid[];
BEGIN
    SELECT array_agg(l.id ORDER BY l.created_at, l.id)
    INTO v_ids
    FROM public.audit_logs AS l
    WHERE
        l.action = 'ACCESS'
        AND l.after_state IS NOT NULL
        AND l.after_state <> c_marker
        AND private.audit_access_context_problem(l.entity_type, l.after_state) IS NOT NULL;
    IF v_ids IS NULL THEN
        RAISE NOTICE 'audit_access_context_redaction: no ACCESS row holds a free-text context';
        RETURN;
    END IF;
    -- The append-only trigger is off only inside this transaction, which holds the table's
    -- ACCESS EXCLUSIVE lock until it commits: no other session writes or sees it off.
    ALTER TABLE public.audit_logs DISABLE TRIGGER audit_logs_refuse_change;
    UPDATE public.audit_logs AS l
    SET after_state = c_marker
    WHERE l.action = 'ACCESS' AND l.id = ANY(v_ids);
    ALTER TABLE public.audit_logs ENABLE ALWAYS TRIGGER audit_logs_refuse_change;
    INSERT INTO public.audit_logs (entity_type, entity_id, action, after_state)
    VALUES (
        'audit_logs',
        'access_contexts',
        'ERASE',
        pg_catalog.jsonb_build_object(
            'change', 'audit_access_context_redaction',
            'reason', 'free-text ACCESS contexts may hold personal data (DPDP erasure)',
            'rows', pg_catalog.cardinality(v_ids),
            'audit_ids', pg_catalog.to_jsonb(v_ids)
        )
    );
    RAISE NOTICE 'audit_access_context_redaction: redacted the context of % ACCESS row(s)',
    pg_catalog.cardinality(v_ids);
END
$redact$;

COMMIT;
