-- Verify onemedi:vendor_payout_rules on pg

BEGIN;

SELECT has_function_privilege(
    'service_role', 'public.compute_vendor_payout(uuid, date, date)', 'execute'
);

ROLLBACK;
