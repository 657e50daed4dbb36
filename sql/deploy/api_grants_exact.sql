-- Deploy onemedi:api_grants_exact to pg
-- requires: private_trigger_functions
-- requires: audit_trail_gst_registrations
-- Every table, view, sequence and function of public and private ends with exactly the
-- privileges its changes grant, whatever the platform granted by default. Supabase gives
-- anon, authenticated and service_role ALL on every table and sequence and EXECUTE on every
-- function that postgres creates in public (projects made before 30 May 2026, every
-- self-hosted and `supabase start` project); the 1.0.0 changes granted explicitly but never
-- revoked that, so there anon read vendors.commission_rate, wrote ACCESS rows through
-- log_access() and executed SECURITY DEFINER functions. Below is the intended list: the
-- privileges of the API roles (and PUBLIC) as the plan grants them where no default
-- privileges exist. Each object whose privileges differ from it has all of theirs revoked
-- (its columns' too) and the list's granted; what it had is kept in
-- private.api_grants_exact_before, so that the revert restores exactly that. Objects the
-- list does not name (the audit log's monthly partitions) get nothing. Later changes revoke
-- before they grant (`onemedi-db lint`, rule api-privileges).

BEGIN;

CREATE FUNCTION private.api_privileges()
RETURNS TABLE (
    kind text,
    object text,
    column_name name,
    grantee name,
    privilege text,
    item bigint
)
LANGUAGE sql
STABLE
SET search_path = ''
AS $$
    WITH api (oid, name) AS (
        SELECT 0::oid, 'public'::name
        UNION ALL
        SELECT r.oid, r.rolname FROM pg_catalog.pg_roles AS r
        WHERE r.rolname IN ('anon', 'authenticated', 'service_role')
    ),
    relations AS (
        SELECT c.oid, c.relacl, CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END AS kind
        FROM pg_catalog.pg_class AS c
        WHERE
            c.relnamespace IN ('public'::regnamespace, 'private'::regnamespace)
            AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_depend AS d
                WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                    AND d.deptype = 'e'
            )
    )
    SELECT r.kind, r.oid::regclass::text, NULL::name, api.name, a.privilege_type, u.item
    FROM relations AS r
    CROSS JOIN LATERAL pg_catalog.unnest(r.relacl) WITH ORDINALITY AS u (acl, item)
    CROSS JOIN LATERAL pg_catalog.aclexplode(ARRAY[u.acl]) AS a
    INNER JOIN api ON a.grantee = api.oid
    UNION ALL
    SELECT r.kind, r.oid::regclass::text, t.attname, api.name, a.privilege_type,
        1000 * t.attnum + u.item
    FROM relations AS r
    INNER JOIN pg_catalog.pg_attribute AS t
        ON t.attrelid = r.oid AND t.attnum > 0 AND NOT t.attisdropped
    CROSS JOIN LATERAL pg_catalog.unnest(t.attacl) WITH ORDINALITY AS u (acl, item)
    CROSS JOIN LATERAL pg_catalog.aclexplode(ARRAY[u.acl]) AS a
    INNER JOIN api ON a.grantee = api.oid
    UNION ALL
    SELECT 'function', p.oid::regprocedure::text, NULL, api.name, a.privilege_type, u.item
    FROM pg_catalog.pg_proc AS p
    CROSS JOIN LATERAL pg_catalog.unnest(
        coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))
    ) WITH ORDINALITY AS u (acl, item)
    CROSS JOIN LATERAL pg_catalog.aclexplode(ARRAY[u.acl]) AS a
    INNER JOIN api ON a.grantee = api.oid
    WHERE
        p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace)
        AND NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_depend AS d
            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                AND d.deptype = 'e'
        )
$$;

COMMENT ON FUNCTION private.api_privileges() IS
'Every privilege anon, authenticated, service_role and PUBLIC hold on a table, view, '
'sequence, column or function of public and private (extension members aside), one row '
'per privilege, item giving its place in the object''s ACL. What the security lint and '
'the access-matrix tests compare.';

REVOKE ALL ON FUNCTION private.api_privileges() FROM public, anon, authenticated, service_role;

CREATE FUNCTION private.api_privileges_revoke(p_kind text, p_object text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    -- Revoking a table's privileges revokes its columns' too.
    EXECUTE pg_catalog.format(
        'REVOKE ALL ON %s %s FROM PUBLIC, anon, authenticated, service_role',
        CASE p_kind WHEN 'function' THEN 'FUNCTION' WHEN 'sequence' THEN 'SEQUENCE'
            ELSE 'TABLE' END,
        p_object
    );
END
$$;

COMMENT ON FUNCTION private.api_privileges_revoke(text, text) IS
'Revokes every privilege of anon, authenticated, service_role and PUBLIC on one table, view, '
'sequence or function (p_kind table, sequence or function; p_object its qualified name), '
'column privileges included.';

CREATE FUNCTION private.api_privileges_grant(
    p_kind text, p_object text, p_grantee name, p_privileges text, p_columns text
)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
BEGIN
    EXECUTE pg_catalog.format(
        'GRANT %s%s ON %s %s TO %s',
        p_privileges,
        CASE WHEN p_columns IS NULL THEN '' ELSE ' (' || (
            SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ')
            FROM pg_catalog.unnest(pg_catalog.string_to_array(p_columns, ', ')) AS c
        ) || ')' END,
        CASE p_kind WHEN 'function' THEN 'FUNCTION' WHEN 'sequence' THEN 'SEQUENCE'
            ELSE 'TABLE' END,
        p_object,
        CASE p_grantee WHEN 'public' THEN 'PUBLIC' ELSE pg_catalog.quote_ident(p_grantee) END
    );
END
$$;

COMMENT ON FUNCTION private.api_privileges_grant(text, text, name, text, text) IS
'Grants p_privileges (a comma list, or ALL) on one object to p_grantee (public meaning '
'PUBLIC), on p_columns only when they are given (a comma list).';

REVOKE ALL ON FUNCTION private.api_privileges_revoke(text, text)
FROM public, anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.api_privileges_grant(text, text, name, text, text)
FROM public, anon, authenticated, service_role;

CREATE TABLE private.api_grants_exact_before (
    position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    object text NOT NULL,
    column_name name,
    grantee name,
    privileges text
);

COMMENT ON TABLE private.api_grants_exact_before IS
'What change api_grants_exact replaced, object by object: the privileges each object gave '
'the API roles before (one row per ACL entry, in order; a row without grantee for an '
'object that gave them nothing). Its revert grants them again.';

ALTER TABLE private.api_grants_exact_before ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON private.api_grants_exact_before FROM public, anon, authenticated, service_role;

CREATE TEMPORARY TABLE intended_grants (
    kind text NOT NULL,
    object text NOT NULL,
    grantee name NOT NULL,
    privileges text NOT NULL,
    columns text
) ON COMMIT DROP;

INSERT INTO intended_grants (kind, object, grantee, privileges, columns) VALUES
(
    'column',
    'public.vendors',
    'anon',
    'SELECT',
    'created_at, id, is_active, name, type, updated_at'
),
('function', 'private.audit_chain_step(bytea,bytea)', 'service_role', 'EXECUTE', NULL),
('function', 'private.audit_log_retained_until(date)', 'service_role', 'EXECUTE', NULL),
(
    'function',
    'private.audit_log_row_hash(uuid,uuid,public.audit_actor_kind,text,text,'
    || 'public.audit_action,jsonb,jsonb,timestamp with time zone)',
    'service_role',
    'EXECUTE',
    NULL
),
('function', 'private.book_slot_seats(uuid,integer,integer)', 'service_role', 'EXECUTE', NULL),
('function', 'private.current_vendor_ids()', 'authenticated', 'EXECUTE', NULL),
('function', 'private.current_vendor_ids()', 'service_role', 'EXECUTE', NULL),
('function', 'private.current_vendor_order_ids()', 'authenticated', 'EXECUTE', NULL),
('function', 'private.current_vendor_order_ids()', 'service_role', 'EXECUTE', NULL),
('function', 'private.date_in_india(timestamp with time zone)', 'anon', 'EXECUTE', NULL),
(
    'function',
    'private.date_in_india(timestamp with time zone)',
    'authenticated',
    'EXECUTE',
    NULL
),
('function', 'private.date_in_india(timestamp with time zone)', 'service_role', 'EXECUTE', NULL),
('function', 'private.gstin_check_character(text)', 'anon', 'EXECUTE', NULL),
('function', 'private.gstin_check_character(text)', 'authenticated', 'EXECUTE', NULL),
('function', 'private.gstin_check_character(text)', 'service_role', 'EXECUTE', NULL),
('function', 'private.is_admin()', 'authenticated', 'EXECUTE', NULL),
('function', 'private.is_admin()', 'service_role', 'EXECUTE', NULL),
(
    'function',
    'private.is_valid_gst_registration(text,public.gst_registration_type)',
    'anon',
    'EXECUTE',
    NULL
),
(
    'function',
    'private.is_valid_gst_registration(text,public.gst_registration_type)',
    'authenticated',
    'EXECUTE',
    NULL
),
(
    'function',
    'private.is_valid_gst_registration(text,public.gst_registration_type)',
    'service_role',
    'EXECUTE',
    NULL
),
('function', 'private.issue_order_documents(uuid)', 'service_role', 'EXECUTE', NULL),
('function', 'private.line_tax_inclusive(numeric,text,date,text,text)', 'anon', 'EXECUTE', NULL),
(
    'function',
    'private.line_tax_inclusive(numeric,text,date,text,text)',
    'authenticated',
    'EXECUTE',
    NULL
),
(
    'function',
    'private.line_tax_inclusive(numeric,text,date,text,text)',
    'service_role',
    'EXECUTE',
    NULL
),
('function', 'private.managed_vendor_ids()', 'authenticated', 'EXECUTE', NULL),
('function', 'private.managed_vendor_ids()', 'service_role', 'EXECUTE', NULL),
('function', 'private.next_invoice_number(uuid,date)', 'service_role', 'EXECUTE', NULL),
('function', 'private.order_line_drug_schedule(jsonb)', 'authenticated', 'EXECUTE', NULL),
('function', 'private.order_line_drug_schedule(jsonb)', 'service_role', 'EXECUTE', NULL),
('function', 'private.order_rules_acts_for_vendor(uuid)', 'service_role', 'EXECUTE', NULL),
(
    'function',
    'private.prescription_upload_in_own_folder(text,text)',
    'authenticated',
    'EXECUTE',
    NULL
),
('function', 'private.set_updated_at()', 'service_role', 'EXECUTE', NULL),
('function', 'private.writable_branch_ids()', 'authenticated', 'EXECUTE', NULL),
('function', 'private.writable_branch_ids()', 'service_role', 'EXECUTE', NULL),
('function', 'private.writable_vendor_ids()', 'authenticated', 'EXECUTE', NULL),
('function', 'private.writable_vendor_ids()', 'service_role', 'EXECUTE', NULL),
('function', 'public.audit_log_chain_heads()', 'service_role', 'EXECUTE', NULL),
('function', 'public.audit_log_partition_status()', 'service_role', 'EXECUTE', NULL),
('function', 'public.book_slot(uuid,integer)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.book_slot(uuid,integer)', 'service_role', 'EXECUTE', NULL),
('function', 'public.cancel_booking(uuid)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.cancel_booking(uuid)', 'service_role', 'EXECUTE', NULL),
('function', 'public.cancel_order(uuid)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.cancel_order(uuid)', 'service_role', 'EXECUTE', NULL),
(
    'function',
    'public.check_prescription(uuid,public.prescription_check_outcome,text,text,text)',
    'authenticated',
    'EXECUTE',
    NULL
),
('function', 'public.compute_vendor_payout(uuid,date,date)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.compute_vendor_payout(uuid,date,date)', 'service_role', 'EXECUTE', NULL),
('function', 'public.erase_profile(uuid)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.erase_profile(uuid)', 'service_role', 'EXECUTE', NULL),
('function', 'public.feature_enabled(text,uuid)', 'anon', 'EXECUTE', NULL),
('function', 'public.feature_enabled(text,uuid)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.feature_enabled(text,uuid)', 'service_role', 'EXECUTE', NULL),
('function', 'public.has_vendor_access(uuid)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.has_vendor_access(uuid)', 'service_role', 'EXECUTE', NULL),
('function', 'public.is_valid_gstin(text)', 'anon', 'EXECUTE', NULL),
('function', 'public.is_valid_gstin(text)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.is_valid_gstin(text)', 'service_role', 'EXECUTE', NULL),
('function', 'public.log_access(text,text,jsonb)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.log_access(text,text,jsonb)', 'service_role', 'EXECUTE', NULL),
('function', 'public.order_line_tax(numeric,text,date,text,text)', 'anon', 'EXECUTE', NULL),
(
    'function',
    'public.order_line_tax(numeric,text,date,text,text)',
    'authenticated',
    'EXECUTE',
    NULL
),
(
    'function',
    'public.order_line_tax(numeric,text,date,text,text)',
    'service_role',
    'EXECUTE',
    NULL
),
('function', 'public.place_order(uuid,uuid,numeric,text)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.place_order(uuid,uuid,numeric,text)', 'service_role', 'EXECUTE', NULL),
('function', 'public.place_order(uuid,uuid,text)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.place_order(uuid,uuid,text)', 'service_role', 'EXECUTE', NULL),
('function', 'public.publish_medicine_version(uuid,jsonb)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.publish_medicine_version(uuid,jsonb)', 'service_role', 'EXECUTE', NULL),
('function', 'public.quote_cart(uuid,uuid,text)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.quote_cart(uuid,uuid,text)', 'service_role', 'EXECUTE', NULL),
(
    'function',
    'public.record_payment(uuid,public.payment_status,text,numeric)',
    'service_role',
    'EXECUTE',
    NULL
),
('function', 'public.request_refund(uuid,numeric,text)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.request_refund(uuid,numeric,text)', 'service_role', 'EXECUTE', NULL),
('function', 'public.tax_slab_for(text,date)', 'anon', 'EXECUTE', NULL),
('function', 'public.tax_slab_for(text,date)', 'authenticated', 'EXECUTE', NULL),
('function', 'public.tax_slab_for(text,date)', 'service_role', 'EXECUTE', NULL),
('function', 'public.verify_audit_log_chain(date,jsonb)', 'service_role', 'EXECUTE', NULL),
('table', 'private.document_counters', 'service_role', 'ALL', NULL),
('table', 'private.invoice_counters', 'service_role', 'ALL', NULL),
('table', 'private.payment_ref_conflicts', 'service_role', 'SELECT', NULL),
('table', 'public.addresses', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.addresses', 'service_role', 'ALL', NULL),
('table', 'public.audit_logs', 'authenticated', 'SELECT', NULL),
('table', 'public.audit_logs', 'service_role', 'SELECT', NULL),
('table', 'public.availability_slots', 'anon', 'SELECT', NULL),
('table', 'public.availability_slots', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.availability_slots', 'service_role', 'ALL', NULL),
('table', 'public.cart_items', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.cart_items', 'service_role', 'ALL', NULL),
('table', 'public.carts', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.carts', 'service_role', 'ALL', NULL),
('table', 'public.cities', 'anon', 'SELECT', NULL),
('table', 'public.cities', 'authenticated', 'SELECT', NULL),
('table', 'public.cities', 'service_role', 'ALL', NULL),
('table', 'public.consult_pricing', 'anon', 'SELECT', NULL),
('table', 'public.consult_pricing', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.consult_pricing', 'service_role', 'ALL', NULL),
('table', 'public.content_master', 'anon', 'SELECT', NULL),
('table', 'public.content_master', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.content_master', 'service_role', 'ALL', NULL),
('table', 'public.coupon_redemptions', 'authenticated', 'SELECT', NULL),
('table', 'public.coupon_redemptions', 'service_role', 'ALL', NULL),
('table', 'public.coupons', 'authenticated', 'SELECT', NULL),
('table', 'public.coupons', 'service_role', 'ALL', NULL),
('table', 'public.doctor_slots', 'anon', 'SELECT', NULL),
('table', 'public.doctor_slots', 'authenticated', 'SELECT', NULL),
('table', 'public.doctor_slots', 'service_role', 'SELECT', NULL),
('table', 'public.doctors', 'anon', 'SELECT', NULL),
('table', 'public.doctors', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.doctors', 'service_role', 'ALL', NULL),
('table', 'public.family_members', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.family_members', 'service_role', 'ALL', NULL),
('table', 'public.feature_flags', 'anon', 'SELECT', NULL),
('table', 'public.feature_flags', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.feature_flags', 'service_role', 'ALL', NULL),
('table', 'public.gst_registrations', 'authenticated', 'INSERT, SELECT, UPDATE', NULL),
('table', 'public.gst_registrations', 'service_role', 'ALL', NULL),
('table', 'public.lab_pricing', 'anon', 'SELECT', NULL),
('table', 'public.lab_pricing', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.lab_pricing', 'service_role', 'ALL', NULL),
('table', 'public.lab_tests', 'anon', 'SELECT', NULL),
('table', 'public.lab_tests', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.lab_tests', 'service_role', 'ALL', NULL),
('table', 'public.marketing_assets', 'anon', 'SELECT', NULL),
('table', 'public.marketing_assets', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.marketing_assets', 'service_role', 'ALL', NULL),
('table', 'public.medicine_alternatives', 'anon', 'SELECT', NULL),
(
    'table',
    'public.medicine_alternatives',
    'authenticated',
    'DELETE, INSERT, SELECT, UPDATE',
    NULL
),
('table', 'public.medicine_alternatives', 'service_role', 'ALL', NULL),
('table', 'public.medicine_inventory', 'anon', 'SELECT', NULL),
('table', 'public.medicine_inventory', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.medicine_inventory', 'service_role', 'ALL', NULL),
('table', 'public.medicine_master', 'anon', 'SELECT', NULL),
('table', 'public.medicine_master', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.medicine_master', 'service_role', 'ALL', NULL),
('table', 'public.order_artifacts', 'authenticated', 'INSERT, SELECT', NULL),
('table', 'public.order_artifacts', 'service_role', 'ALL', NULL),
('table', 'public.order_invoices', 'authenticated', 'SELECT', NULL),
('table', 'public.order_invoices', 'service_role', 'ALL', NULL),
('table', 'public.order_items', 'authenticated', 'SELECT', NULL),
('table', 'public.order_items', 'service_role', 'ALL', NULL),
('table', 'public.orders', 'authenticated', 'SELECT, UPDATE', NULL),
('table', 'public.orders', 'service_role', 'ALL', NULL),
('table', 'public.prescription_checks', 'authenticated', 'SELECT', NULL),
('table', 'public.prescription_checks', 'service_role', 'SELECT', NULL),
('table', 'public.profiles', 'authenticated', 'INSERT, SELECT, UPDATE', NULL),
('table', 'public.profiles', 'service_role', 'ALL', NULL),
('table', 'public.refunds', 'authenticated', 'INSERT, SELECT', NULL),
('table', 'public.refunds', 'service_role', 'ALL', NULL),
('table', 'public.roles', 'authenticated', 'SELECT', NULL),
('table', 'public.roles', 'service_role', 'ALL', NULL),
('table', 'public.scan_pricing', 'anon', 'SELECT', NULL),
('table', 'public.scan_pricing', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.scan_pricing', 'service_role', 'ALL', NULL),
('table', 'public.scans_master', 'anon', 'SELECT', NULL),
('table', 'public.scans_master', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.scans_master', 'service_role', 'ALL', NULL),
('table', 'public.schedule_h1_register', 'authenticated', 'SELECT', NULL),
('table', 'public.schedule_h1_register', 'service_role', 'DELETE, SELECT', NULL),
('table', 'public.service_bookings', 'authenticated', 'SELECT, UPDATE', NULL),
('table', 'public.service_bookings', 'service_role', 'ALL', NULL),
('table', 'public.service_catalog', 'anon', 'SELECT', NULL),
('table', 'public.service_catalog', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.service_catalog', 'service_role', 'ALL', NULL),
('table', 'public.service_pricing', 'anon', 'SELECT', NULL),
('table', 'public.service_pricing', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.service_pricing', 'service_role', 'ALL', NULL),
('table', 'public.service_taxonomy_map', 'anon', 'SELECT', NULL),
(
    'table',
    'public.service_taxonomy_map',
    'authenticated',
    'DELETE, INSERT, SELECT, UPDATE',
    NULL
),
('table', 'public.service_taxonomy_map', 'service_role', 'ALL', NULL),
('table', 'public.services_master', 'anon', 'SELECT', NULL),
('table', 'public.services_master', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.services_master', 'service_role', 'ALL', NULL),
('table', 'public.states', 'anon', 'SELECT', NULL),
('table', 'public.states', 'authenticated', 'SELECT', NULL),
('table', 'public.states', 'service_role', 'ALL', NULL),
('table', 'public.tax_slabs', 'anon', 'SELECT', NULL),
('table', 'public.tax_slabs', 'authenticated', 'SELECT', NULL),
('table', 'public.tax_slabs', 'service_role', 'ALL', NULL),
('table', 'public.taxonomies', 'anon', 'SELECT', NULL),
('table', 'public.taxonomies', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.taxonomies', 'service_role', 'ALL', NULL),
('table', 'public.taxonomy_terms', 'anon', 'SELECT', NULL),
('table', 'public.taxonomy_terms', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.taxonomy_terms', 'service_role', 'ALL', NULL),
('table', 'public.ui_carousel_items', 'anon', 'SELECT', NULL),
('table', 'public.ui_carousel_items', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.ui_carousel_items', 'service_role', 'ALL', NULL),
('table', 'public.ui_carousels', 'anon', 'SELECT', NULL),
('table', 'public.ui_carousels', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.ui_carousels', 'service_role', 'ALL', NULL),
('table', 'public.ui_menu_items', 'anon', 'SELECT', NULL),
('table', 'public.ui_menu_items', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.ui_menu_items', 'service_role', 'ALL', NULL),
('table', 'public.ui_menus', 'anon', 'SELECT', NULL),
('table', 'public.ui_menus', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.ui_menus', 'service_role', 'ALL', NULL),
('table', 'public.vendor_kyc', 'authenticated', 'INSERT, SELECT, UPDATE', NULL),
('table', 'public.vendor_kyc', 'service_role', 'ALL', NULL),
('table', 'public.vendor_locations', 'anon', 'SELECT', NULL),
('table', 'public.vendor_locations', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.vendor_locations', 'service_role', 'ALL', NULL),
('table', 'public.vendor_payouts', 'authenticated', 'SELECT', NULL),
('table', 'public.vendor_payouts', 'service_role', 'ALL', NULL),
('table', 'public.vendor_staff', 'authenticated', 'DELETE, INSERT, SELECT, UPDATE', NULL),
('table', 'public.vendor_staff', 'service_role', 'ALL', NULL),
('table', 'public.vendors', 'authenticated', 'INSERT, SELECT, UPDATE', NULL),
('table', 'public.vendors', 'service_role', 'ALL', NULL);

DO $$
DECLARE
    v_object record;
    v_grant record;
BEGIN
    CREATE TEMPORARY TABLE grants_now ON COMMIT DROP AS
    SELECT * FROM private.api_privileges();
    CREATE TEMPORARY TABLE grants_wanted ON COMMIT DROP AS
    SELECT g.object, c.column_name::name AS column_name, g.grantee, p.privilege
    FROM intended_grants AS g
    CROSS JOIN LATERAL pg_catalog.unnest(
        CASE
            WHEN g.privileges <> 'ALL' THEN pg_catalog.string_to_array(g.privileges, ', ')
            WHEN g.kind = 'sequence' THEN ARRAY['SELECT', 'UPDATE', 'USAGE']
            ELSE ARRAY['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE']
        END
    ) AS p (privilege)
    CROSS JOIN LATERAL pg_catalog.unnest(
        coalesce(pg_catalog.string_to_array(g.columns, ', '), ARRAY[NULL])
    ) AS c (column_name);
    FOR v_object IN
        SELECT o.kind, o.object FROM (
            SELECT DISTINCT n.kind, n.object FROM grants_now AS n
            UNION
            SELECT g.kind, g.object FROM intended_grants AS g WHERE g.kind <> 'column'
            UNION
            SELECT 'table', g.object FROM intended_grants AS g WHERE g.kind = 'column'
        ) AS o
        WHERE EXISTS (
            (
                SELECT n.column_name, n.grantee, n.privilege FROM grants_now AS n
                WHERE n.object = o.object
                EXCEPT
                SELECT w.column_name, w.grantee, w.privilege FROM grants_wanted AS w
                WHERE w.object = o.object
            )
            UNION ALL
            (
                SELECT w.column_name, w.grantee, w.privilege FROM grants_wanted AS w
                WHERE w.object = o.object
                EXCEPT
                SELECT n.column_name, n.grantee, n.privilege FROM grants_now AS n
                WHERE n.object = o.object
            )
        )
        ORDER BY o.object
    LOOP
        INSERT INTO private.api_grants_exact_before (
            kind, object, column_name, grantee, privileges
        )
        SELECT v_object.kind, v_object.object, NULL, NULL, NULL
        UNION ALL
        (
            SELECT v_object.kind, v_object.object, n.column_name, n.grantee,
                pg_catalog.string_agg(n.privilege, ', ' ORDER BY n.privilege)
            FROM grants_now AS n
            WHERE n.object = v_object.object
            GROUP BY n.item, n.column_name, n.grantee
            ORDER BY n.item
        );
        PERFORM private.api_privileges_revoke(v_object.kind, v_object.object);
        FOR v_grant IN
            SELECT g.grantee, g.privileges, g.columns FROM intended_grants AS g
            WHERE g.object = v_object.object
            ORDER BY g.kind, g.grantee
        LOOP
            PERFORM private.api_privileges_grant(
                v_object.kind, v_object.object, v_grant.grantee, v_grant.privileges,
                v_grant.columns
            );
        END LOOP;
    END LOOP;
END
$$;

COMMIT;
