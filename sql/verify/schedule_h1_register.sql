-- Verify onemedi:schedule_h1_register on pg

BEGIN;

SELECT
    id,
    order_item_id,
    vendor_id,
    prescription_check_id,
    prescriber_name,
    prescriber_address,
    patient_name,
    drug_name,
    quantity,
    pack_size,
    pharmacist_id,
    pharmacist_name,
    supplied_at
FROM public.schedule_h1_register
WHERE FALSE;

SELECT 1 / (count(*) = 2)::integer
FROM pg_catalog.pg_trigger
WHERE
    tgrelid = 'public.schedule_h1_register'::regclass
    AND tgname IN ('schedule_h1_register_retained', 'schedule_h1_register_not_truncated');

ROLLBACK;
