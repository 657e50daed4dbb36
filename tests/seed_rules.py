"""SQL re-checks of every rule that `seed --scale` skips by loading with
session_replication_role = replica: foreign keys (all of them, from the catalogue) and the
trigger-enforced rules. Each check returns the number of violating rows (0 = holds).
"""

from __future__ import annotations

from typing import Any

import psycopg

# Row-level INSERT triggers on the seeded tables whose rule is checked below (or that only
# fill in columns); a new one makes test_seed fail until its rule is checked here too.
KNOWN_INSERT_TRIGGERS = {
    "service_catalog_check_ref", "medicine_master_move_to_new_version",
    "order_items_gst_rate_matches_slab", "coupon_redemptions_within_limits",
    "service_bookings_patient_and_slot_match", "refunds_within_item_total",
    "taxonomy_terms_check_tree", "ui_menu_items_check_tree", "service_taxonomy_map_check_fit",
    "refunds_mark_order_refunded", "orders_audit_insert", "order_items_audit_insert",
    "order_artifacts_in_patient_folder",
    "gst_registrations_same_pan", "order_invoices_kept_as_issued", "order_invoices_have_lines",
    # Audit rows of these inserts are not generated (the history starts after them):
    "refunds_audit_insert", "vendor_payouts_audit_insert", "vendor_kyc_audit_insert",
    "medicine_master_audit_insert", "roles_audit_insert",
    "medicine_inventory_audit_insert", "lab_pricing_audit_insert", "scan_pricing_audit_insert",
    "service_pricing_audit_insert", "consult_pricing_audit_insert", "coupons_audit_insert",
    "tax_slabs_audit_insert", "order_invoices_audit_insert", "coupon_redemptions_audit_insert",
    "gst_registrations_audit_insert",
    # Enabled ALWAYS, so they fire during the load too: checked below (audit rows queued,
    # every medicine's search words filed).
    "audit_logs_chain", "medicine_master_search_terms",
}

RULES: dict[str, str] = {
    "medicine_master_search_terms: every medicine's search words are filed": """
        SELECT count(*) FROM public.medicine_master AS m
        CROSS JOIN LATERAL private.medicine_search_words(m.name, m.generic_name) AS w (w)
        WHERE NOT EXISTS (
            SELECT 1 FROM private.medicine_search_terms AS t
            WHERE t.variant = w.w AND t.term = w.w
        )""",
    "gst_registrations_same_pan: a vendor's PAN-based GSTINs share one PAN": """
        SELECT count(*) FROM (
            SELECT r.vendor_id FROM public.gst_registrations AS r
            WHERE r.registration_type NOT IN ('NON_RESIDENT', 'UIN', 'TDS')
            GROUP BY r.vendor_id HAVING count(DISTINCT substr(r.gstin, 3, 10)) > 1
        ) AS v""",
    "order_invoices_kept_as_issued: no 1.0.0 invoice is written any more": """
        SELECT count(*) FROM public.order_invoices WHERE document_kind = 'LEGACY_INVOICE'""",
    "order_invoices_have_lines: every document covers lines of its order and vendor": """
        SELECT count(*) FROM public.order_invoices AS d
        WHERE d.document_kind <> 'LEGACY_INVOICE' AND NOT EXISTS (
            SELECT 1 FROM public.order_items AS i
            WHERE i.invoice_id = d.id AND i.order_id = d.order_id AND i.vendor_id = d.vendor_id)""",
    "issue_order_documents: dispatched lines have a document of their kind, others none": """
        SELECT count(*) FROM public.order_items AS i
        JOIN public.orders AS o ON o.id = i.order_id
        LEFT JOIN public.order_invoices AS d ON d.id = i.invoice_id
        WHERE CASE
            WHEN o.status IN ('OUT_FOR_DELIVERY', 'COMPLETED') THEN d.id IS NULL
                OR d.document_kind <> CASE WHEN i.gst_rate > 0 THEN 'TAX_INVOICE'
                                           ELSE 'BILL_OF_SUPPLY' END::public.tax_document_kind
                OR d.supplier_state_code IS DISTINCT FROM i.supplier_state_code
            ELSE i.invoice_id IS NOT NULL END""",
    "audit_logs_chain: every audit row is queued for the hash chain or linked": """
        SELECT count(*) FROM public.audit_logs AS a
        WHERE NOT EXISTS (
            SELECT 1 FROM private.audit_log_chain_queue AS q
            WHERE q.audit_id = a.id AND q.audit_created_at = a.created_at)
        AND NOT EXISTS (
            SELECT 1 FROM private.audit_log_chain AS l
            WHERE l.audit_id = a.id AND l.audit_created_at = a.created_at)""",
    "service_catalog_check_ref: the listed row exists": """
        SELECT count(*) FROM public.service_catalog AS c
        WHERE NOT CASE c.ref_table
            WHEN 'medicine_master' THEN EXISTS (
                SELECT 1 FROM public.medicine_master AS m WHERE m.id = c.ref_id)
            WHEN 'lab_tests' THEN EXISTS (
                SELECT 1 FROM public.lab_tests AS m WHERE m.id = c.ref_id)
            WHEN 'scans_master' THEN EXISTS (
                SELECT 1 FROM public.scans_master AS m WHERE m.id = c.ref_id)
            WHEN 'doctors' THEN EXISTS (
                SELECT 1 FROM public.doctors AS m WHERE m.id = c.ref_id)
            WHEN 'services_master' THEN EXISTS (
                SELECT 1 FROM public.services_master AS m WHERE m.id = c.ref_id)
            WHEN 'content_master' THEN EXISTS (
                SELECT 1 FROM public.content_master AS m WHERE m.id = c.ref_id)
            ELSE false END""",
    "service_catalog_check_ref / move_to_new_version: catalogue lists current versions": """
        SELECT count(*) FROM public.service_catalog AS c
        JOIN public.medicine_master AS m ON m.parent_id = c.ref_id
        WHERE c.ref_table = 'medicine_master'""",
    "move_to_new_version: inventory holds current versions": """
        SELECT count(*) FROM public.medicine_inventory AS i
        JOIN public.medicine_master AS m ON m.parent_id = i.medicine_id""",
    "move_to_new_version: alternatives name current versions": """
        SELECT count(*) FROM public.medicine_alternatives AS a
        JOIN public.medicine_master AS m ON m.parent_id IN (a.medicine_id, a.alternative_id)""",
    "order_items_gst_rate_matches_slab": """
        SELECT count(*) FROM public.order_items AS i
        JOIN public.orders AS o ON o.id = i.order_id
        WHERE i.gst_rate <> (public.tax_slab_for(
            i.hsn_code, (o.created_at AT TIME ZONE 'Asia/Kolkata')::date)).igst""",
    "coupon_redemptions_within_limits: active and inside the window": """
        SELECT count(*) FROM public.coupon_redemptions AS r
        JOIN public.coupons AS c ON c.id = r.coupon_id
        WHERE NOT c.is_active OR r.redeemed_at < c.valid_from OR r.redeemed_at >= c.valid_to""",
    "coupon_redemptions_within_limits: max_uses": """
        SELECT count(*) FROM public.coupons AS c
        WHERE c.max_uses < (SELECT count(*) FROM public.coupon_redemptions AS r
                            WHERE r.coupon_id = c.id)""",
    "service_bookings_patient_and_slot_match: patient placed the order": """
        SELECT count(*) FROM public.service_bookings AS b
        JOIN public.order_items AS i ON i.id = b.order_item_id
        JOIN public.orders AS o ON o.id = i.order_id
        WHERE b.patient_id <> o.profile_id""",
    "service_bookings_patient_and_slot_match: family member is the patient's": """
        SELECT count(*) FROM public.service_bookings AS b
        JOIN public.family_members AS f ON f.id = b.family_member_id
        WHERE f.owner_id <> b.patient_id""",
    "service_bookings_patient_and_slot_match: slot of the item's service and vendor": """
        SELECT count(*) FROM public.service_bookings AS b
        JOIN public.order_items AS i ON i.id = b.order_item_id
        JOIN public.availability_slots AS s ON s.id = b.slot_id
        WHERE s.service_catalog_id <> i.service_catalog_id OR s.vendor_id <> i.vendor_id""",
    "refunds_within_item_total": """
        SELECT count(*) FROM (
            SELECT i.id FROM public.order_items AS i
            JOIN public.refunds AS r ON r.order_item_id = i.id
            WHERE r.status NOT IN ('REJECTED', 'FAILED')
            GROUP BY i.id, i.taxable_value, i.cgst, i.sgst, i.utgst, i.igst
            HAVING sum(r.amount) > i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst) AS x""",
    "taxonomy_terms_check_tree: no cycles": """
        WITH RECURSIVE up (id, parent_id, depth) AS (
            SELECT id, parent_id, 0 FROM public.taxonomy_terms
            UNION ALL
            SELECT u.id, t.parent_id, u.depth + 1 FROM up AS u
            JOIN public.taxonomy_terms AS t ON t.id = u.parent_id WHERE u.depth < 50)
        SELECT count(*) FROM up WHERE depth >= 50 OR parent_id = id""",
    "service_taxonomy_map_check_fit": """
        SELECT count(*) FROM public.service_taxonomy_map AS m
        JOIN public.service_catalog AS c ON c.id = m.service_catalog_id
        JOIN public.taxonomy_terms AS t ON t.id = m.taxonomy_term_id
        JOIN public.taxonomies AS x ON x.id = t.taxonomy_id
        WHERE NOT c.service_type = ANY (x.applicable_service_types)""",
    "refunds_mark_order_refunded: fully refunded paid orders are REFUNDED": """
        SELECT count(*) FROM public.orders AS o
        WHERE o.payment_status = 'PAID' AND NOT EXISTS (
            SELECT 1 FROM public.order_items AS i
            WHERE i.order_id = o.id AND i.taxable_value + i.cgst + i.sgst + i.utgst + i.igst > (
                SELECT coalesce(sum(r.amount), 0) FROM public.refunds AS r
                WHERE r.order_item_id = i.id AND r.status = 'PROCESSED'))""",
    "orders_check_transition: prescription items past PENDING have a PRESC": """
        SELECT count(*) FROM public.orders AS o
        WHERE o.status NOT IN ('PENDING', 'CANCELLED')
          AND EXISTS (SELECT 1 FROM public.order_items AS i WHERE i.order_id = o.id
                      AND (i.service_snapshot ->> 'prescription_required')::boolean)
          AND NOT EXISTS (SELECT 1 FROM public.order_artifacts AS a
                          WHERE a.order_id = o.id AND a.type = 'PRESC')""",
    "order_artifacts_in_patient_folder: files are in the order's patient's folders": """
        SELECT count(*) FROM public.order_artifacts AS a
        JOIN public.orders AS o ON o.id = a.order_id
        WHERE (a.type = 'PRESC' AND a.file_url NOT LIKE 'prescriptions/' || o.profile_id || '/%')
           OR (a.type = 'REPORT'
               AND a.file_url NOT LIKE 'lab-reports/' || o.profile_id || '/' || o.id || '/%')""",
    "audit_trail: every order and line has its INSERT audit row": """
        SELECT (SELECT count(*) FROM public.orders AS o WHERE NOT EXISTS (
                    SELECT 1 FROM public.audit_logs AS a WHERE a.entity_type = 'orders'
                    AND a.entity_id = o.id::text AND a.action = 'INSERT'))
             + (SELECT count(*) FROM public.order_items AS i WHERE NOT EXISTS (
                    SELECT 1 FROM public.audit_logs AS a WHERE a.entity_type = 'order_items'
                    AND a.entity_id = i.id::text AND a.action = 'INSERT'))""",
    "slots: booked_count is the number of active bookings": """
        SELECT count(*) FROM public.availability_slots AS s
        WHERE s.booked_count <> (SELECT count(*) FROM public.service_bookings AS b
                                 WHERE b.slot_id = s.id AND b.fulfillment_status <> 'CANCELLED')""",
}

FK_SQL = """
SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
       array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o)
             JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
       array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o)
             JOIN pg_attribute AS a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
FROM pg_constraint AS c
JOIN pg_class AS r ON r.oid = c.conrelid
WHERE c.contype = 'f' AND c.conparentid = 0
  AND r.relnamespace IN ('public'::regnamespace, 'auth'::regnamespace)
ORDER BY 1
"""


def fk_violations(conn: psycopg.Connection[Any]) -> dict[str, int]:
    """Every foreign key of public and auth, re-checked row by row (MATCH SIMPLE)."""
    out: dict[str, int] = {}
    for name, child, parent, cols, pcols in conn.execute(FK_SQL).fetchall():
        not_null = " AND ".join(f"c.{col} IS NOT NULL" for col in cols)
        match = " AND ".join(f"p.{pc} = c.{col}" for col, pc in zip(cols, pcols, strict=True))
        row = conn.execute(f"SELECT count(*) FROM {child} AS c WHERE {not_null} AND NOT EXISTS "
                           f"(SELECT 1 FROM {parent} AS p WHERE {match})").fetchone()
        out[f"{child}.{name}"] = int(row[0]) if row else -1
    return out


def rule_violations(conn: psycopg.Connection[Any]) -> dict[str, int]:
    out = {}
    for name, query in RULES.items():
        row = conn.execute(query).fetchone()
        out[name] = int(row[0]) if row else -1
    return out


def unknown_insert_triggers(conn: psycopg.Connection[Any]) -> list[str]:
    """User triggers firing on INSERT in public that KNOWN_INSERT_TRIGGERS lacks."""
    rows = conn.execute("""
        SELECT DISTINCT t.tgname FROM pg_trigger AS t
        JOIN pg_class AS r ON r.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND r.relnamespace = 'public'::regnamespace
          AND t.tgparentid = 0 AND (t.tgtype & 4) <> 0
        ORDER BY 1""").fetchall()
    return [r[0] for r in rows if r[0] not in KNOWN_INSERT_TRIGGERS]
