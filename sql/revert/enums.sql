-- Revert onemedi:enums from pg

BEGIN;

DROP TYPE public.payment_status;
DROP TYPE public.order_status;
DROP TYPE public.vendor_type;
DROP TYPE public.service_type;

COMMIT;
