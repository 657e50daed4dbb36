-- Revert onemedi:privileged_column_guards from pg

BEGIN;

DROP TRIGGER orders_guard_privileged_columns ON public.orders;
DROP TRIGGER vendors_guard_privileged_columns ON public.vendors;
DROP TRIGGER profiles_guard_privileged_columns ON public.profiles;
DROP FUNCTION public.guard_privileged_columns();

COMMIT;
