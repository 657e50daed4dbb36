-- Deploy onemedi:privileged_column_guards to pg
-- requires: security_helpers
-- requires: profiles
-- requires: vendors
-- requires: orders
-- Columns an API user may never change on a row they may otherwise update: their own role,
-- a vendor's commission, ownership and activation, an order's money and payment. Admins
-- (through policies), service_role and SECURITY DEFINER functions still can.

BEGIN;

CREATE FUNCTION public.guard_privileged_columns()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SET search_path = ''
AS $$
DECLARE
    v_col text;
    v_changed text[] := ARRAY[]::text[];
    v_old jsonb := pg_catalog.to_jsonb(OLD);
    v_new jsonb := pg_catalog.to_jsonb(NEW);
BEGIN
    -- Only the API roles are guarded: service_role, the owner and definer functions pass.
    IF CURRENT_USER NOT IN ('anon', 'authenticated') THEN
        RETURN NEW;
    END IF;
    IF CURRENT_USER = 'authenticated' AND public.is_admin() THEN
        RETURN NEW;
    END IF;
    FOREACH v_col IN ARRAY TG_ARGV LOOP
        IF v_old -> v_col IS DISTINCT FROM v_new -> v_col THEN
            v_changed := v_changed || v_col;
        END IF;
    END LOOP;
    IF pg_catalog.cardinality(v_changed) > 0 THEN
        RAISE EXCEPTION USING
            ERRCODE = '42501',
            MESSAGE = pg_catalog.format(
                'only an admin may change %s of %s',
                pg_catalog.array_to_string(v_changed, ', '),
                TG_TABLE_NAME
            ),
            DETAIL = pg_catalog.format('Row %s.', OLD.id),
            HINT = 'Ask an administrator, or use the function meant for this change.';
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.guard_privileged_columns() IS
'BEFORE UPDATE row trigger; its arguments name the guarded columns. When the caller is '
'anon or authenticated and not an admin, raises 42501 naming the guarded columns the '
'update would change. Lets service_role, the owner and SECURITY DEFINER functions through.';

REVOKE EXECUTE ON FUNCTION public.guard_privileged_columns() FROM public;

CREATE TRIGGER profiles_guard_privileged_columns
BEFORE UPDATE ON public.profiles
FOR EACH ROW EXECUTE FUNCTION public.guard_privileged_columns('role_id');

CREATE TRIGGER vendors_guard_privileged_columns
BEFORE UPDATE ON public.vendors
FOR EACH ROW EXECUTE FUNCTION public.guard_privileged_columns(
    'commission_rate', 'owner_id', 'is_active', 'type'
);

CREATE TRIGGER orders_guard_privileged_columns
BEFORE UPDATE ON public.orders
FOR EACH ROW EXECUTE FUNCTION public.guard_privileged_columns(
    'profile_id', 'payment_status', 'payment_ref', 'address_id', 'delivery_address',
    'delivery_state_code', 'coupon_id', 'gross_amount', 'discount_amount', 'tax_amount',
    'net_amount', 'created_at'
);

COMMIT;
