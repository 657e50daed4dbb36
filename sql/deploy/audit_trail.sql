-- Deploy onemedi:audit_trail to pg
-- requires: audit_trail@v1.0.0
-- requires: private_schema
-- requires: audit_actor
-- requires: security_helpers
-- requires: service_bookings
-- requires: family_members
-- requires: order_artifacts
-- The audit writers take actor and channel from the audit_logs defaults (audit_actor), so a
-- service_role change names the person the backend acts for; log_access records a read only
-- of a record the caller may see, with a small structured context that cannot carry a name
-- or a phone number (DPDP: the append-only log could never be erased). The writers are
-- trigger functions and audit_access_context_problem a helper: none of them is an RPC, so
-- they live in schema private, which the Data API does not expose (issue 14); log_access,
-- which clients call, stays in public.

BEGIN;

-- The triggers that call the v1.0.0 writers follow them by oid.
ALTER FUNCTION public.audit_log_inserted_rows() SET SCHEMA private;
ALTER FUNCTION public.audit_log_deleted_rows() SET SCHEMA private;
ALTER FUNCTION public.audit_log_updated_row() SET SCHEMA private;
SELECT private.requalify(
    ARRAY['audit_log_inserted_rows', 'audit_log_deleted_rows', 'audit_log_updated_row'],
    'public',
    'private'
);

CREATE OR REPLACE FUNCTION private.audit_log_inserted_rows()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    -- Once per statement, not per row (they are the column defaults too).
    v_actor uuid := private.current_audit_actor_id();
    v_kind public.audit_actor_kind := private.current_audit_actor_kind();
BEGIN
    INSERT INTO public.audit_logs (
        actor_id, actor_kind, entity_type, entity_id, action, after_state
    )
    SELECT
        v_actor,
        v_kind,
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
'in the trigger arguments; actor_id and actor_kind from current_audit_actor_id() and '
'current_audit_actor_kind(), once per statement). Raises nothing itself; fails with the '
'audit_logs CHECK errors (23514) if audit_logs cannot take it.';

CREATE OR REPLACE FUNCTION private.audit_log_deleted_rows()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_actor uuid := private.current_audit_actor_id();
    v_kind public.audit_actor_kind := private.current_audit_actor_kind();
BEGIN
    INSERT INTO public.audit_logs (
        actor_id, actor_kind, entity_type, entity_id, action, before_state
    )
    SELECT
        v_actor,
        v_kind,
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
'trigger arguments; actor from current_audit_actor_id() and current_audit_actor_kind()). '
'Raises nothing itself.';

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
        actor_id, actor_kind, entity_type, entity_id, action, before_state, after_state
    ) VALUES (
        private.current_audit_actor_id(),
        private.current_audit_actor_kind(),
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
'state without the columns named in the trigger arguments, entity_id = the new id; actor '
'from current_audit_actor_id() and current_audit_actor_kind()). A row trigger, not a '
'statement trigger, so that old and new states pair exactly even when a key changes. '
'Raises nothing itself.';

-- Trigger functions: nobody calls them, PUBLIC included (v1.0.0 revoked PUBLIC only).
REVOKE ALL ON FUNCTION private.audit_log_inserted_rows()
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.audit_log_deleted_rows()
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.audit_log_updated_row()
FROM public, anon, authenticated, service_role;

-- What an ACCESS row's context may say: why the record was read, which of its columns, and
-- the request it belonged to. Nothing free-form, so no name, phone or diagnosis gets in.
CREATE FUNCTION private.audit_access_context_problem(p_entity_type text, p_context jsonb)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = ''
AS $$
DECLARE
    c_purposes constant text[] := ARRAY[
        'fulfilment', 'prescription_review', 'clinical_care', 'patient_request', 'support',
        'dispute', 'legal_obligation', 'audit', 'security'
    ];
    v_key text;
    v_value jsonb;
    v_field text;
BEGIN
    IF p_context IS NULL THEN
        RETURN NULL;
    END IF;
    IF pg_catalog.jsonb_typeof(p_context) <> 'object' THEN
        RETURN 'the context must be a JSON object or null';
    END IF;
    FOR v_key, v_value IN SELECT e.key, e.value FROM pg_catalog.jsonb_each(p_context) AS e LOOP
        CASE v_key
            WHEN 'purpose' THEN
                IF pg_catalog.jsonb_typeof(v_value) <> 'string'
                    OR NOT (v_value #>> '{}') = ANY (c_purposes) THEN
                    RETURN 'purpose must be one of ' || pg_catalog.array_to_string(c_purposes, ', ');
                END IF;
            WHEN 'fields' THEN
                IF pg_catalog.jsonb_typeof(v_value) <> 'array'
                    OR pg_catalog.jsonb_array_length(v_value) NOT BETWEEN 1 AND 20 THEN
                    RETURN 'fields must be an array of 1 to 20 column names';
                END IF;
                FOR v_field IN SELECT f.value #>> '{}' FROM pg_catalog.jsonb_array_elements(v_value) AS f
                LOOP
                    IF v_field IS NULL OR NOT EXISTS (
                        SELECT 1
                        FROM pg_catalog.pg_attribute AS a
                        WHERE
                            a.attrelid = pg_catalog.to_regclass('public.' || p_entity_type)
                            AND a.attname = v_field
                            AND a.attnum > 0
                            AND NOT a.attisdropped
                    ) THEN
                        RETURN pg_catalog.format(
                            'fields must name columns of %s', p_entity_type
                        );
                    END IF;
                END LOOP;
            WHEN 'request_id' THEN
                IF pg_catalog.jsonb_typeof(v_value) <> 'string'
                    OR (v_value #>> '{}')
                    !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                    RETURN 'request_id must be a uuid';
                END IF;
            ELSE
                RETURN pg_catalog.format(
                    'key %s is not allowed (allowed: purpose, fields, request_id)',
                    pg_catalog.quote_literal(pg_catalog.left(v_key, 40))
                );
        END CASE;
    END LOOP;
    RETURN NULL;
END;
$$;

COMMENT ON FUNCTION private.audit_access_context_problem(text, jsonb) IS
'NULL when p_context may be stored as an ACCESS row''s context, else what is wrong with it. '
'Allowed: NULL, or an object with only purpose (one of fulfilment, prescription_review, '
'clinical_care, patient_request, support, dispute, legal_obligation, audit, security), '
'fields (1 to 20 column names of the entity''s table) and request_id (a uuid): no free '
'text, so no name or phone number can enter the append-only log. Raises nothing.';

REVOKE ALL ON FUNCTION private.audit_access_context_problem(text, jsonb)
FROM public, anon, authenticated, service_role;

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
    c_loggable constant text[] := ARRAY[
        'orders', 'order_items', 'order_invoices', 'order_artifacts', 'service_bookings',
        'refunds', 'profiles', 'family_members'
    ];
    v_uid uuid := auth.uid();
    v_id uuid;
    v_admin boolean;
    v_visible boolean;
    v_problem text;
    v_row_id uuid;
    v_kind public.audit_actor_kind := private.current_audit_actor_kind();
BEGIN
    IF p_entity_type IS NULL OR p_entity_id IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = '22004',
            MESSAGE = 'log_access: entity type and entity id are required',
            HINT = 'Name the table and the key of the record that was read.';
    END IF;
    IF NOT p_entity_type = ANY (c_loggable) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM110',
            MESSAGE = pg_catalog.format(
                'log_access: reads of %s are not recorded here',
                pg_catalog.quote_literal(pg_catalog.left(p_entity_type, 63))
            ),
            HINT = 'Record reads of one of: ' || pg_catalog.array_to_string(c_loggable, ', ');
    END IF;
    IF p_entity_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM111',
            MESSAGE = pg_catalog.format(
                'log_access: %s has no record with that id (an id is a uuid)', p_entity_type
            ),
            HINT = 'Pass the id of the record that was read.';
    END IF;
    v_id := p_entity_id::uuid;
    IF pg_catalog.octet_length(p_context::text) > 512 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM112',
            MESSAGE = pg_catalog.format(
                'log_access: the context is %s bytes, at most 512 are kept',
                pg_catalog.octet_length(p_context::text)
            ),
            HINT = 'Send only purpose, fields and request_id.';
    END IF;
    v_problem := private.audit_access_context_problem(p_entity_type, p_context);
    IF v_problem IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM113',
            MESSAGE = 'log_access: ' || v_problem,
            HINT = 'The context holds no free text (it could carry a name or a phone '
            'number into a log that can never be erased).';
    END IF;

    IF v_kind = 'user' THEN
        IF v_uid IS NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = '42501',
                MESSAGE = 'log_access: nobody is signed in',
                HINT = 'Record reads with a user session or from the backend.';
        END IF;
        v_admin := public.is_admin();
        v_visible := CASE p_entity_type
            WHEN 'orders' THEN EXISTS (
                SELECT 1
                FROM public.orders AS o
                WHERE
                    o.id = v_id
                    AND (
                        o.profile_id = v_uid
                        OR v_admin
                        OR o.id IN (SELECT public.current_vendor_order_ids())
                    )
            )
            WHEN 'order_items' THEN EXISTS (
                SELECT 1
                FROM public.order_items AS i
                INNER JOIN public.orders AS o ON i.order_id = o.id
                WHERE
                    i.id = v_id
                    AND (
                        o.profile_id = v_uid
                        OR v_admin
                        OR i.vendor_id IN (SELECT public.current_vendor_ids())
                    )
            )
            WHEN 'order_invoices' THEN EXISTS (
                SELECT 1
                FROM public.order_invoices AS v
                INNER JOIN public.orders AS o ON v.order_id = o.id
                WHERE
                    v.id = v_id
                    AND (
                        o.profile_id = v_uid
                        OR v_admin
                        OR v.vendor_id IN (SELECT public.current_vendor_ids())
                    )
            )
            WHEN 'order_artifacts' THEN EXISTS (
                SELECT 1
                FROM public.order_artifacts AS a
                INNER JOIN public.orders AS o ON a.order_id = o.id
                WHERE
                    a.id = v_id
                    AND (
                        o.profile_id = v_uid
                        OR v_admin
                        OR a.order_id IN (SELECT public.current_vendor_order_ids())
                    )
            )
            WHEN 'service_bookings' THEN EXISTS (
                SELECT 1
                FROM public.service_bookings AS b
                INNER JOIN public.order_items AS i ON b.order_item_id = i.id
                WHERE
                    b.id = v_id
                    AND (
                        b.patient_id = v_uid
                        OR v_admin
                        OR i.vendor_id IN (SELECT public.current_vendor_ids())
                    )
            )
            WHEN 'refunds' THEN EXISTS (
                SELECT 1
                FROM public.refunds AS r
                INNER JOIN public.order_items AS i ON r.order_item_id = i.id
                INNER JOIN public.orders AS o ON i.order_id = o.id
                WHERE
                    r.id = v_id
                    AND (
                        o.profile_id = v_uid
                        OR v_admin
                        OR i.vendor_id IN (SELECT public.current_vendor_ids())
                    )
            )
            WHEN 'profiles' THEN EXISTS (
                SELECT 1
                FROM public.profiles AS p
                WHERE p.id = v_id AND (p.id = v_uid OR v_admin)
            )
            WHEN 'family_members' THEN EXISTS (
                SELECT 1
                FROM public.family_members AS f
                WHERE f.id = v_id AND (f.owner_id = v_uid OR v_admin)
            )
        END;
    ELSE
        -- The backend and the system may record a read of any record that exists.
        EXECUTE pg_catalog.format(
            'SELECT EXISTS (SELECT 1 FROM public.%I WHERE id = $1)', p_entity_type
        )
        INTO v_visible
        USING v_id;
    END IF;
    IF NOT v_visible THEN
        RAISE EXCEPTION USING
            ERRCODE = 'OM111',
            MESSAGE = pg_catalog.format(
                'log_access: %s has no record %s that you may see', p_entity_type, v_id
            ),
            HINT = 'Record only reads of records you may read (yours, your vendor''s, or '
            'any as an admin).';
    END IF;
    INSERT INTO public.audit_logs (
        actor_id, actor_kind, entity_type, entity_id, action, after_state
    ) VALUES (
        private.current_audit_actor_id(), v_kind, p_entity_type, v_id::text, 'ACCESS', p_context
    )
    RETURNING id INTO v_row_id;
    RETURN v_row_id;
END;
$$;

COMMENT ON FUNCTION public.log_access(text, text, jsonb) IS
'Records that the caller read a sensitive record: an audit_logs row with action ACCESS and '
'p_context as after_state; returns its id. Only orders, order_items, order_invoices, '
'order_artifacts, service_bookings, refunds, profiles and family_members; a signed-in user '
'only for a record they may see (their own, their vendor''s, any as an admin), the backend '
'for any record that exists. p_context: NULL or at most 512 bytes of purpose, fields and '
'request_id (audit_access_context_problem). Errors: 22004 a NULL entity type or id; OM110 '
'an entity type not in the list; OM111 no such record, or not one the caller may see (not '
'told apart); OM112 context over 512 bytes; OM113 context with another key or a bad value; '
'42501 nobody signed in.';

REVOKE ALL ON FUNCTION public.log_access(text, text, jsonb)
FROM public, anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION public.log_access(text, text, jsonb) TO authenticated, service_role;

COMMIT;
