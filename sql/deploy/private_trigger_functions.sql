-- Deploy onemedi:private_trigger_functions to pg
-- requires: private_schema
-- requires: prescription_gate
-- requires: money_domains
-- The trigger functions of 1.0.0's changes move to schema private with the other internals:
-- triggers follow them by oid, and no client can see them in the API's schema. (Those whose
-- 1.0.0 verify names them move in a rework of their change instead: set_updated_at,
-- privileged_column_guards, refund_rules; the audit log's with audit_trail and audit_logs.)

BEGIN;

ALTER FUNCTION public.availability_slots_bump_version() SET SCHEMA private;
ALTER FUNCTION public.coupon_redemptions_within_limits() SET SCHEMA private;
ALTER FUNCTION public.medicine_master_move_to_new_version() SET SCHEMA private;
ALTER FUNCTION public.medicine_master_refuse_superseded_edit() SET SCHEMA private;
ALTER FUNCTION public.order_items_gst_rate_matches_slab() SET SCHEMA private;
ALTER FUNCTION public.orders_check_transition() SET SCHEMA private;
ALTER FUNCTION public.orders_release_on_cancel() SET SCHEMA private;
ALTER FUNCTION public.service_bookings_patient_and_slot_match() SET SCHEMA private;
ALTER FUNCTION public.service_catalog_check_ref() SET SCHEMA private;
ALTER FUNCTION public.service_catalog_guard_master() SET SCHEMA private;
ALTER FUNCTION public.service_taxonomy_map_check_fit() SET SCHEMA private;
ALTER FUNCTION public.taxonomies_check_tagged_types() SET SCHEMA private;
ALTER FUNCTION public.taxonomy_terms_check_tree() SET SCHEMA private;
ALTER FUNCTION public.ui_menu_items_check_tree() SET SCHEMA private;

SELECT private.requalify(
    ARRAY[
        'availability_slots_bump_version',
        'coupon_redemptions_within_limits',
        'medicine_master_move_to_new_version',
        'medicine_master_refuse_superseded_edit',
        'order_items_gst_rate_matches_slab',
        'orders_check_transition',
        'orders_release_on_cancel',
        'service_bookings_patient_and_slot_match',
        'service_catalog_check_ref',
        'service_catalog_guard_master',
        'service_taxonomy_map_check_fit',
        'taxonomies_check_tagged_types',
        'taxonomy_terms_check_tree',
        'ui_menu_items_check_tree'
    ],
    'public',
    'private'
);

COMMIT;
