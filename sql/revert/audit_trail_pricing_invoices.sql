-- Revert onemedi:audit_trail_pricing_invoices from pg

BEGIN;

DROP TRIGGER vendors_audit_commission_change ON public.vendors;
DROP TRIGGER coupon_redemptions_audit_delete ON public.coupon_redemptions;
DROP TRIGGER coupon_redemptions_audit_update ON public.coupon_redemptions;
DROP TRIGGER coupon_redemptions_audit_insert ON public.coupon_redemptions;
DROP TRIGGER order_invoices_audit_delete ON public.order_invoices;
DROP TRIGGER order_invoices_audit_update ON public.order_invoices;
DROP TRIGGER order_invoices_audit_insert ON public.order_invoices;
DROP TRIGGER tax_slabs_audit_delete ON public.tax_slabs;
DROP TRIGGER tax_slabs_audit_update ON public.tax_slabs;
DROP TRIGGER tax_slabs_audit_insert ON public.tax_slabs;
DROP TRIGGER coupons_audit_delete ON public.coupons;
DROP TRIGGER coupons_audit_update ON public.coupons;
DROP TRIGGER coupons_audit_insert ON public.coupons;
DROP TRIGGER consult_pricing_audit_delete ON public.consult_pricing;
DROP TRIGGER consult_pricing_audit_update ON public.consult_pricing;
DROP TRIGGER consult_pricing_audit_insert ON public.consult_pricing;
DROP TRIGGER service_pricing_audit_delete ON public.service_pricing;
DROP TRIGGER service_pricing_audit_update ON public.service_pricing;
DROP TRIGGER service_pricing_audit_insert ON public.service_pricing;
DROP TRIGGER scan_pricing_audit_delete ON public.scan_pricing;
DROP TRIGGER scan_pricing_audit_update ON public.scan_pricing;
DROP TRIGGER scan_pricing_audit_insert ON public.scan_pricing;
DROP TRIGGER lab_pricing_audit_delete ON public.lab_pricing;
DROP TRIGGER lab_pricing_audit_update ON public.lab_pricing;
DROP TRIGGER lab_pricing_audit_insert ON public.lab_pricing;
DROP TRIGGER medicine_inventory_audit_delete ON public.medicine_inventory;
DROP TRIGGER medicine_inventory_audit_update ON public.medicine_inventory;
DROP TRIGGER medicine_inventory_audit_insert ON public.medicine_inventory;

COMMIT;
