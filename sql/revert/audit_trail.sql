-- Revert onemedi:audit_trail from pg
-- Restores the v1.0.0 writers (actor auth.uid()) in schema public, and log_access (any
-- context).

BEGIN;

CREATE OR REPLACE FUNCTION private.audit_log_inserted_rows()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    INSERT INTO public.audit_logs (actor_id, entity_type, entity_id, action, after_state)
    SELECT
        (SELECT auth.uid()),
        TG_TABLE_NAME,
        s.state ->> 'id',
        'INSERT',
        s.state
    FROM (
        SELECT pg_catalog.to_jsonb(n) - coalesce(TG_ARGV, '{}') AS state
        FROM new_rows AS n
    ) AS s;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.audit_log_inserted_rows() IS
'AFTER INSERT statement trigger (transition table new_rows): writes one audit_logs row '
'per inserted row (action INSERT, after_state = the row as jsonb without the columns named '
'in the trigger arguments, actor = auth.uid()). Raises nothing itself; fails with the '
'audit_logs CHECK errors (23514) or "no partition" (23514) if audit_logs cannot take it.';

CREATE OR REPLACE FUNCTION private.audit_log_deleted_rows()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    INSERT INTO public.audit_logs (actor_id, entity_type, entity_id, action, before_state)
    SELECT
        (SELECT auth.uid()),
        TG_TABLE_NAME,
        s.state ->> 'id',
        'DELETE',
        s.state
    FROM (
        SELECT pg_catalog.to_jsonb(o) - coalesce(TG_ARGV, '{}') AS state
        FROM old_rows AS o
    ) AS s;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.audit_log_deleted_rows() IS
'AFTER DELETE statement trigger (transition table old_rows): writes one audit_logs row per '
'deleted row (action DELETE, before_state = the row without the columns named in the '
'trigger arguments, actor = auth.uid()). Raises nothing itself.';

CREATE OR REPLACE FUNCTION private.audit_log_updated_row()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_omit text[] := coalesce(TG_ARGV, '{}');
    v_after jsonb := pg_catalog.to_jsonb(NEW) - v_omit;
BEGIN
    INSERT INTO public.audit_logs (
        actor_id, entity_type, entity_id, action, before_state, after_state
    ) VALUES (
        (SELECT auth.uid()),
        TG_TABLE_NAME,
        v_after ->> 'id',
        'UPDATE',
        pg_catalog.to_jsonb(OLD) - v_omit,
        v_after
    );
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.audit_log_updated_row() IS
'AFTER UPDATE row trigger: writes one audit_logs row (action UPDATE, before and after '
'state without the columns named in the trigger arguments, entity_id = the new id, actor = '
'auth.uid()). A row trigger, not a statement trigger, so that old and new states pair '
'exactly even when a key changes. Raises nothing itself.';

ALTER FUNCTION private.audit_log_inserted_rows() SET SCHEMA public;
ALTER FUNCTION private.audit_log_deleted_rows() SET SCHEMA public;
ALTER FUNCTION private.audit_log_updated_row() SET SCHEMA public;
SELECT private.requalify(
    ARRAY['audit_log_inserted_rows', 'audit_log_deleted_rows', 'audit_log_updated_row'],
    'private',
    'public'
);

CREATE OR REPLACE FUNCTION public.log_access(
    p_entity_type text, p_entity_id text, p_context jsonb DEFAULT NULL
)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_id uuid;
BEGIN
    IF p_entity_type IS NULL OR p_entity_id IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'log_access: entity type and entity id are required',
            HINT = 'Name the table and the key of the record that was read.';
    END IF;
    INSERT INTO public.audit_logs (actor_id, entity_type, entity_id, action, after_state)
    VALUES ((SELECT auth.uid()), p_entity_type, p_entity_id, 'ACCESS', p_context)
    RETURNING id INTO v_id;
    RETURN v_id;
END;
$$;

COMMENT ON FUNCTION public.log_access(text, text, jsonb) IS
'Records that the caller (auth.uid()) read sensitive data: an audit_logs row with action '
'ACCESS and p_context (what and why; no personal data) as after_state; returns its id. '
'Errors: 22004 a NULL entity type or id; 23514 from audit_logs'' CHECKs (entity type not a '
'lower-case table name, blank entity id).';

DROP FUNCTION private.audit_access_context_problem(text, jsonb);

COMMIT;
