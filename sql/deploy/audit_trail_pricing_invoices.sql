-- Deploy onemedi:audit_trail_pricing_invoices to pg
-- requires: audit_trail
-- requires: medicine_inventory
-- requires: lab_pricing
-- requires: scan_pricing
-- requires: service_pricing
-- requires: consult_pricing
-- requires: vendors
-- requires: coupons
-- requires: tax_slabs
-- requires: order_invoices
-- requires: coupon_redemptions
-- Changes that decide what a patient pays or a vendor earns leave an audit row: prices
-- (inventory, lab, scan, service, consultation), a vendor's commission rate, coupons, GST
-- slabs, invoices and coupon redemptions, including DELETE. The writers are audit_trail's.

BEGIN;

-- medicine_inventory: every checkout lowers stock_qty; only what sets the price (price,
-- mrp, and which medicine at which branch) is audited on UPDATE, with the whole row.
CREATE TRIGGER medicine_inventory_audit_insert
AFTER INSERT ON public.medicine_inventory
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER medicine_inventory_audit_update
AFTER UPDATE OF price, mrp, medicine_id, vendor_id, branch_id ON public.medicine_inventory
FOR EACH ROW
WHEN (
    old.price IS DISTINCT FROM new.price
    OR old.mrp IS DISTINCT FROM new.mrp
    OR old.medicine_id IS DISTINCT FROM new.medicine_id
    OR old.vendor_id IS DISTINCT FROM new.vendor_id
    OR old.branch_id IS DISTINCT FROM new.branch_id
)
EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER medicine_inventory_audit_delete
AFTER DELETE ON public.medicine_inventory
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER lab_pricing_audit_insert
AFTER INSERT ON public.lab_pricing
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER lab_pricing_audit_update
AFTER UPDATE ON public.lab_pricing
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER lab_pricing_audit_delete
AFTER DELETE ON public.lab_pricing
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER scan_pricing_audit_insert
AFTER INSERT ON public.scan_pricing
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER scan_pricing_audit_update
AFTER UPDATE ON public.scan_pricing
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER scan_pricing_audit_delete
AFTER DELETE ON public.scan_pricing
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER service_pricing_audit_insert
AFTER INSERT ON public.service_pricing
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER service_pricing_audit_update
AFTER UPDATE ON public.service_pricing
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER service_pricing_audit_delete
AFTER DELETE ON public.service_pricing
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER consult_pricing_audit_insert
AFTER INSERT ON public.consult_pricing
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER consult_pricing_audit_update
AFTER UPDATE ON public.consult_pricing
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER consult_pricing_audit_delete
AFTER DELETE ON public.consult_pricing
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER coupons_audit_insert
AFTER INSERT ON public.coupons
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER coupons_audit_update
AFTER UPDATE ON public.coupons
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER coupons_audit_delete
AFTER DELETE ON public.coupons
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER tax_slabs_audit_insert
AFTER INSERT ON public.tax_slabs
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER tax_slabs_audit_update
AFTER UPDATE ON public.tax_slabs
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER tax_slabs_audit_delete
AFTER DELETE ON public.tax_slabs
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER order_invoices_audit_insert
AFTER INSERT ON public.order_invoices
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER order_invoices_audit_update
AFTER UPDATE ON public.order_invoices
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER order_invoices_audit_delete
AFTER DELETE ON public.order_invoices
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

CREATE TRIGGER coupon_redemptions_audit_insert
AFTER INSERT ON public.coupon_redemptions
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_inserted_rows();
CREATE TRIGGER coupon_redemptions_audit_update
AFTER UPDATE ON public.coupon_redemptions
FOR EACH ROW EXECUTE FUNCTION private.audit_log_updated_row();
CREATE TRIGGER coupon_redemptions_audit_delete
AFTER DELETE ON public.coupon_redemptions
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION private.audit_log_deleted_rows();

-- vendors: the commission rate only (the name may be a proprietor's own name).
CREATE TRIGGER vendors_audit_commission_change
AFTER UPDATE OF commission_rate ON public.vendors
FOR EACH ROW WHEN (old.commission_rate IS DISTINCT FROM new.commission_rate)
EXECUTE FUNCTION private.audit_log_updated_row('name');

COMMIT;
