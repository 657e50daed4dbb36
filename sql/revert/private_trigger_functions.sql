-- Revert onemedi:private_trigger_functions from pg

BEGIN;

ALTER FUNCTION private.availability_slots_bump_version() SET SCHEMA public;
ALTER FUNCTION private.coupon_redemptions_within_limits() SET SCHEMA public;
ALTER FUNCTION private.medicine_master_move_to_new_version() SET SCHEMA public;
ALTER FUNCTION private.medicine_master_refuse_superseded_edit() SET SCHEMA public;
ALTER FUNCTION private.order_items_gst_rate_matches_slab() SET SCHEMA public;
ALTER FUNCTION private.orders_check_transition() SET SCHEMA public;
ALTER FUNCTION private.orders_release_on_cancel() SET SCHEMA public;
ALTER FUNCTION private.service_bookings_patient_and_slot_match() SET SCHEMA public;
ALTER FUNCTION private.service_catalog_check_ref() SET SCHEMA public;
ALTER FUNCTION private.service_catalog_guard_master() SET SCHEMA public;
ALTER FUNCTION private.service_taxonomy_map_check_fit() SET SCHEMA public;
ALTER FUNCTION private.taxonomies_check_tagged_types() SET SCHEMA public;
ALTER FUNCTION private.taxonomy_terms_check_tree() SET SCHEMA public;
ALTER FUNCTION private.ui_menu_items_check_tree() SET SCHEMA public;

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
    'private',
    'public'
);

COMMIT;
