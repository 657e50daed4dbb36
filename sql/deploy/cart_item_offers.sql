-- Deploy onemedi:cart_item_offers to pg
-- requires: cart_items
-- requires: vendor_locations
-- requires: availability_slots
-- A cart line names the offer it was put in the cart from: the vendor, the branch (for
-- stock and per-branch prices) and, for services, the slot. place_order prices it then.

BEGIN;

ALTER TABLE public.cart_items
ADD COLUMN vendor_id uuid REFERENCES public.vendors (id) ON DELETE CASCADE,
ADD COLUMN branch_id uuid,
ADD COLUMN slot_id uuid REFERENCES public.availability_slots (id) ON DELETE SET NULL,
ADD CONSTRAINT cart_items_branch_of_vendor
FOREIGN KEY (vendor_id, branch_id)
REFERENCES public.vendor_locations (vendor_id, id) ON DELETE CASCADE,
ADD CONSTRAINT cart_items_branch_or_slot_needs_vendor CHECK (
    vendor_id IS NOT NULL OR (branch_id IS NULL AND slot_id IS NULL)
);

CREATE INDEX cart_items_vendor_id_branch_id_idx ON public.cart_items (vendor_id, branch_id);
CREATE INDEX cart_items_slot_id_idx ON public.cart_items (slot_id);

COMMENT ON COLUMN public.cart_items.vendor_id IS
'The vendor whose offer was added to the cart; place_order takes its current price. NULL '
'only while the patient has not chosen a vendor (checkout refuses such a line).';
COMMENT ON COLUMN public.cart_items.branch_id IS
'The vendor''s branch: required for medicines, lab tests and scans (stock and prices are '
'per branch); optional for home services. Its state is the supplier''s state for GST.';
COMMENT ON COLUMN public.cart_items.slot_id IS
'The slot chosen for a consultation, test, scan or home service; checkout books qty seats '
'in it. NULL for medicines.';
COMMENT ON CONSTRAINT cart_items_branch_of_vendor ON public.cart_items IS
'Refuses a branch that does not exist or belongs to another vendor.';
COMMENT ON CONSTRAINT cart_items_branch_or_slot_needs_vendor ON public.cart_items IS
'Refuses a branch or slot on a line that names no vendor.';

COMMIT;
