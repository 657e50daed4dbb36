-- Verify onemedi:private_trigger_functions on pg

BEGIN;

SELECT 'private.availability_slots_bump_version()'::regprocedure;
SELECT 'private.coupon_redemptions_within_limits()'::regprocedure;
SELECT 'private.medicine_master_move_to_new_version()'::regprocedure;
SELECT 'private.medicine_master_refuse_superseded_edit()'::regprocedure;
SELECT 'private.order_items_gst_rate_matches_slab()'::regprocedure;
SELECT 'private.orders_check_transition()'::regprocedure;
SELECT 'private.orders_release_on_cancel()'::regprocedure;
SELECT 'private.service_bookings_patient_and_slot_match()'::regprocedure;
SELECT 'private.service_catalog_check_ref()'::regprocedure;
SELECT 'private.service_catalog_guard_master()'::regprocedure;
SELECT 'private.service_taxonomy_map_check_fit()'::regprocedure;
SELECT 'private.taxonomies_check_tagged_types()'::regprocedure;
SELECT 'private.taxonomy_terms_check_tree()'::regprocedure;
SELECT 'private.ui_menu_items_check_tree()'::regprocedure;
SELECT 1 / (count(*) = 0)::integer
FROM pg_catalog.pg_proc AS p
WHERE
    p.pronamespace = 'public'::regnamespace
    AND p.proname IN (
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
    );

ROLLBACK;
