-- Deploy onemedi:audit_trail to pg
-- requires: audit_logs
-- requires: orders
-- requires: order_items
-- requires: refunds
-- requires: vendor_payouts
-- requires: vendor_kyc
-- requires: medicine_master
-- requires: roles
-- requires: profiles
-- Every insert, update and delete of the money, compliance and access tables leaves an
-- audit row written by trigger functions that are the only writers of audit_logs.

BEGIN;

CREATE FUNCTION public.audit_log_inserted_rows()
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

COMMENT ON FUNCTION public.audit_log_inserted_rows() IS
'AFTER INSERT statement trigger (transition table new_rows): writes one audit_logs row '
'per inserted row (action INSERT, after_state = the row as jsonb without the columns named '
'in the trigger arguments, actor = auth.uid()). Raises nothing itself; fails with the '
'audit_logs CHECK errors (23514) or "no partition" (23514) if audit_logs cannot take it.';

CREATE FUNCTION public.audit_log_deleted_rows()
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

COMMENT ON FUNCTION public.audit_log_deleted_rows() IS
'AFTER DELETE statement trigger (transition table old_rows): writes one audit_logs row per '
'deleted row (action DELETE, before_state = the row without the columns named in the '
'trigger arguments, actor = auth.uid()). Raises nothing itself.';

CREATE FUNCTION public.audit_log_updated_row()
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

COMMENT ON FUNCTION public.audit_log_updated_row() IS
'AFTER UPDATE row trigger: writes one audit_logs row (action UPDATE, before and after '
'state without the columns named in the trigger arguments, entity_id = the new id, actor = '
'auth.uid()). A row trigger, not a statement trigger, so that old and new states pair '
'exactly even when a key changes. Raises nothing itself.';

REVOKE EXECUTE ON FUNCTION public.audit_log_inserted_rows() FROM public;
REVOKE EXECUTE ON FUNCTION public.audit_log_deleted_rows() FROM public;
REVOKE EXECUTE ON FUNCTION public.audit_log_updated_row() FROM public;

-- Personal data stays out of the append-only log (it could never be erased from it):
-- orders lose delivery_address, refunds their free-text reason, profiles keep only their
-- key, role and timestamps.
CREATE TRIGGER orders_audit_insert
AFTER INSERT ON public.orders
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows('delivery_address');
CREATE TRIGGER orders_audit_update
AFTER UPDATE ON public.orders
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row('delivery_address');
CREATE TRIGGER orders_audit_delete
AFTER DELETE ON public.orders
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows('delivery_address');

CREATE TRIGGER order_items_audit_insert
AFTER INSERT ON public.order_items
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows();
CREATE TRIGGER order_items_audit_update
AFTER UPDATE ON public.order_items
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row();
CREATE TRIGGER order_items_audit_delete
AFTER DELETE ON public.order_items
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows();

CREATE TRIGGER refunds_audit_insert
AFTER INSERT ON public.refunds
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows('reason');
CREATE TRIGGER refunds_audit_update
AFTER UPDATE ON public.refunds
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row('reason');
CREATE TRIGGER refunds_audit_delete
AFTER DELETE ON public.refunds
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows('reason');

CREATE TRIGGER vendor_payouts_audit_insert
AFTER INSERT ON public.vendor_payouts
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows();
CREATE TRIGGER vendor_payouts_audit_update
AFTER UPDATE ON public.vendor_payouts
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row();
CREATE TRIGGER vendor_payouts_audit_delete
AFTER DELETE ON public.vendor_payouts
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows();

CREATE TRIGGER vendor_kyc_audit_insert
AFTER INSERT ON public.vendor_kyc
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows();
CREATE TRIGGER vendor_kyc_audit_update
AFTER UPDATE ON public.vendor_kyc
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row();
CREATE TRIGGER vendor_kyc_audit_delete
AFTER DELETE ON public.vendor_kyc
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows();

CREATE TRIGGER medicine_master_audit_insert
AFTER INSERT ON public.medicine_master
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows();
CREATE TRIGGER medicine_master_audit_update
AFTER UPDATE ON public.medicine_master
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row();
CREATE TRIGGER medicine_master_audit_delete
AFTER DELETE ON public.medicine_master
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows();

CREATE TRIGGER roles_audit_insert
AFTER INSERT ON public.roles
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_inserted_rows();
CREATE TRIGGER roles_audit_update
AFTER UPDATE ON public.roles
FOR EACH ROW EXECUTE FUNCTION public.audit_log_updated_row();
CREATE TRIGGER roles_audit_delete
AFTER DELETE ON public.roles
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_deleted_rows();

CREATE TRIGGER profiles_audit_role_change
AFTER UPDATE OF role_id ON public.profiles
FOR EACH ROW WHEN (old.role_id IS DISTINCT FROM new.role_id)
EXECUTE FUNCTION public.audit_log_updated_row('full_name', 'phone');

-- Reads cannot fire triggers: ACCESS rows are written through this function.
CREATE FUNCTION public.log_access(
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

REVOKE EXECUTE ON FUNCTION public.log_access(text, text, jsonb) FROM public;
GRANT EXECUTE ON FUNCTION public.log_access(text, text, jsonb) TO authenticated, service_role;

-- The trigger functions (owned by the table owner) and log_access are the only writers.
REVOKE INSERT ON public.audit_logs FROM service_role;

COMMIT;
