"""The order pass of `seed --scale`: orders, their lines, bookings, coupons, GST documents,
refunds, artifacts, audit rows and payouts, generated in time order and streamed by COPY on
three connections at once (orders, lines, audit), so the server loads while Python generates.

Prices are tax-inclusive, as checkout sells them: the GST is taken out of each line
(`D.tax_inside_paise`, the arithmetic of line_tax_inclusive). Orders that reached dispatch
carry their documents (a tax invoice under the vendor's registration in the supplying state,
a bill of supply for exempt lines), numbered per vendor, state, kind and financial year, with
the counters that continue the series.

Every trigger-enforced rule is satisfied by construction: gst_rate is the slab's rate on the
order's date in India, a booking's patient is the ordering profile and its slot belongs to the
line's catalogue item and vendor, a slot never holds more active bookings than its capacity,
refunds never exceed the line, coupons are redeemed inside their window and limit, every
document covers lines of its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import psycopg

from . import data as D
from .copy import NULL, Clock, Progress, copy_into, write_rows

DAY = 86400
STATUSES = ("PENDING", "CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY", "COMPLETED", "CANCELLED")
PATH = {"PENDING": [], "CONFIRMED": ["CONFIRMED"], "PROCESSING": ["CONFIRMED", "PROCESSING"],
        "OUT_FOR_DELIVERY": ["CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY"],
        "COMPLETED": ["CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY", "COMPLETED"],
        "CANCELLED": ["CANCELLED"]}
BOOKING = {"PENDING": "PENDING", "CONFIRMED": "SCHEDULED", "PROCESSING": "SCHEDULED",
           "OUT_FOR_DELIVERY": "IN_PROGRESS", "COMPLETED": "COMPLETED", "CANCELLED": "CANCELLED"}
ORDER_COLS = ("id, profile_id, status, payment_status, payment_ref, address_id, "
              "delivery_address, delivery_state_code, coupon_id, gross_amount, discount_amount, "
              "tax_amount, net_amount, tax_basis, created_at, updated_at")
ITEM_COLS = ("id, order_id, service_catalog_id, vendor_id, qty, unit_price, discount_amount, "
             "taxable_value, hsn_code, gst_rate, cgst, sgst, utgst, igst, service_snapshot, "
             "tax_basis, supplier_state_code, invoice_id, created_at, updated_at")
DISPATCHED = ("OUT_FOR_DELIVERY", "COMPLETED")
AUDIT_COLS = "id, actor_id, entity_type, entity_id, action, before_state, after_state, created_at"


@dataclass
class Offering:
    """A bookable (catalogue item, vendor, branch) with evenly spaced slots."""

    catalog_id: str
    vendor: int
    loc: int | None
    capacity: int
    kind: str
    price: int
    first: int
    period: int
    count: int
    ids: list[str] = field(default_factory=list)
    booked: list[int] = field(default_factory=list)


@dataclass
class World:
    """What the masters stage produced and the order pass reads (indices, not rows)."""

    rng: random.Random
    sizes: Any
    clock: Clock
    span: int
    slot_past: int = 120 * DAY
    slot_ahead: int = 14 * DAY
    city_ids: list[str] = field(default_factory=list)
    utgst: set[str] = field(default_factory=set)
    slabs: list[tuple[str, date, date | None, int]] = field(default_factory=list)
    admin: str = ""
    patients: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    staff: list[list[str]] = field(default_factory=list)
    doctor_profiles: list[str] = field(default_factory=list)
    patient_city: list[int] = field(default_factory=list)
    address: list[tuple[str, str, str]] = field(default_factory=list)
    family: list[list[str]] = field(default_factory=list)
    carts: list[str] = field(default_factory=list)
    vendors: list[str] = field(default_factory=list)
    vendor_type: list[str] = field(default_factory=list)
    registration: dict[tuple[int, str], tuple[str, str]] = field(default_factory=dict)
    commission: list[int] = field(default_factory=list)
    vendor_locs: list[list[int]] = field(default_factory=list)
    loc_vendor: list[int] = field(default_factory=list)
    loc_city: list[int] = field(default_factory=list)
    loc_ids: list[str] = field(default_factory=list)
    by_type_city: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    by_type: dict[str, list[int]] = field(default_factory=dict)
    med_cur: list[str] = field(default_factory=list)
    med_cat: list[str] = field(default_factory=list)
    med_name: list[str] = field(default_factory=list)
    med_version: list[int] = field(default_factory=list)
    med_hsn: list[str] = field(default_factory=list)
    med_rx: list[bool] = field(default_factory=list)
    mrp: list[int] = field(default_factory=list)
    inv: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    offers: list[Offering] = field(default_factory=list)
    loc_offers: dict[int, list[int]] = field(default_factory=dict)
    doctor_offers: list[int] = field(default_factory=list)
    home_vendors: dict[int, list[int]] = field(default_factory=dict)
    coupons: list[list[Any]] = field(default_factory=list)


class OrderPass:
    def __init__(self, world: World, bar: Progress, counts: dict[str, int]) -> None:
        self.w, self.bar, self.counts = world, bar, counts
        self._rates: dict[tuple[str, int], int] = {}
        self.bookings: list[str] = []
        self.redemptions: list[str] = []
        self.invoices: list[str] = []
        self.refunds: list[str] = []
        self.artifacts: list[str] = []
        self.revenue: dict[tuple[int, int, int], int] = {}
        self.document_no: dict[tuple[int, str, str, int], int] = {}

    def rate(self, hsn: str, ist_day: int) -> int:
        """The IGST rate (hundredths of a percent) of tax_slab_for(hsn, that day)."""
        key = (hsn, ist_day)
        if key not in self._rates:
            on = self.w.clock.date_of(ist_day)
            best = [(len(code), r) for code, f, t, r in self.w.slabs
                    if code in (hsn[:4], hsn[:6], hsn) and f <= on and (t is None or t >= on)]
            if not best:
                raise ValueError(f"no GST slab for {hsn} on {on}")
            self._rates[key] = max(best)[1]
        return self._rates[key]

    def run(self, main: psycopg.Connection[Any], items_conn: psycopg.Connection[Any],
            audit_conn: psycopg.Connection[Any]) -> None:
        w, add = self.w, self.bar.advance
        for o in w.offers:
            o.ids = [D.uuid_of(w.rng) for _ in range(o.count)]
            o.booked = [0] * o.count
        self.bar.stage("orders, lines, audit")
        with copy_into(main, "public.orders", ORDER_COLS, add, self.counts) as orders, \
                copy_into(items_conn, "public.order_items", ITEM_COLS, add, self.counts) as items, \
                copy_into(audit_conn, "public.audit_logs", AUDIT_COLS, add, self.counts) as audit:
            step = w.span / w.sizes.orders
            for i in range(w.sizes.orders):
                self.order(int((i + w.rng.random()) * step), orders, items, audit)
        self.bar.stage("slots, bookings, money")
        self._after(main)

    def _lines(self, p: int) -> tuple[int, int, str, list[tuple[str, int, int, str, str, str]]]:
        """Pick a vendor branch and lines: (vendor, loc, kind, [(catalog, qty, unit, hsn,
        name, version-or-offer)])."""
        w, rng = self.w, self.w.rng
        city = w.patient_city[p]
        if rng.random() < 0.85:
            pool = w.by_type_city.get(("PHARMACY", city)) or w.by_type["PHARMACY"]
            if rng.random() < 0.1:
                pool = w.by_type["PHARMACY"]
            loc = rng.choice(pool)
            start, per, disc = w.inv[loc]
            k = min(per, rng.choices((1, 2, 3, 4, 5, 6), (12, 18, 25, 20, 15, 10))[0])
            j0 = rng.randrange(per)
            lines = []
            for q in range(k):
                c = (start + (j0 + q) % per) % w.sizes.medicines
                lines.append((w.med_cat[c], rng.choice((1, 1, 1, 2, 2, 3)),
                              w.mrp[c] * (100 - disc) // 100, w.med_hsn[c], w.med_name[c],
                              str(w.med_version[c]) if not w.med_rx[c] else f"{w.med_version[c]}"
                              "!"))
            return w.loc_vendor[loc], loc, "PHARMACY", lines
        kind = rng.choices(("DIAGNOSTIC_LAB", "SCAN_CENTER", "DOC", "HOME"), (50, 15, 30, 5))[0]
        if kind == "DOC":
            offers = [rng.choice(w.doctor_offers)]
        elif kind == "HOME":
            v = rng.choice(sorted(w.home_vendors))
            offers = [rng.choice(w.home_vendors[v])]
        else:
            pool = w.by_type_city.get((kind, city)) or w.by_type[kind]
            mine = w.loc_offers[rng.choice(pool)]
            first, k = rng.randrange(len(mine)), 1 if kind == "SCAN_CENTER" else rng.randint(1, 3)
            offers = [mine[(first + q) % len(mine)] for q in range(min(k, len(mine)))]
        o = w.offers[offers[0]]
        loc = o.loc if o.loc is not None else -1
        return o.vendor, loc, o.kind, [(w.offers[x].catalog_id, 1, w.offers[x].price, "9993",
                                        w.offers[x].kind.replace("_", " ").title(), f"#{x}")
                                       for x in offers]

    def order(self, t: int, orders: Any, items: Any, audit: Any) -> None:
        w, rng, ck = self.w, self.w.rng, self.w.clock
        p = rng.randrange(len(w.patients))
        pid = w.patients[p]
        aid, state, snap = w.address[p]
        v, loc, kind, lines = self._lines(p)
        vid = w.vendors[v]
        # The supplying state: the branch's, or (a home service) the vendor's first branch's,
        # as checkout_supplier_state decides.
        vstate = D.CITIES[w.loc_city[loc if loc >= 0 else w.vendor_locs[v][0]]][0]
        age = w.span - t
        status = (("COMPLETED" if rng.random() < 0.9 else "CANCELLED") if age > 3 * DAY
                  else rng.choice(STATUSES))
        pay = ("AWAITING" if status == "PENDING" else
               ("FAILED" if rng.random() < 0.6 else "REFUNDED") if status == "CANCELLED"
               else "PAID")
        ref = NULL if pay in ("AWAITING", "FAILED") else f"pay_{rng.getrandbits(48):012x}"
        gross = sum(q * u for _, q, u, _, _, _ in lines)
        coupon = None
        if w.coupons and rng.random() < 0.08:
            c = rng.choice(w.coupons)
            if c[3] is None or c[4] < c[3]:
                coupon, c[4] = c, c[4] + 1
        disc = 0
        if coupon is not None:
            disc = gross * coupon[2] // 100 if coupon[1] == "PERCENT" else min(coupon[2] * 100,
                                                                               gross // 2)
        oid, ts, day = D.uuid_of(rng), ck.ts(t), ck.ist_day_index(t)
        intra, ut = vstate == state, state in w.utgst
        gap = max(60, min(6 * 3600, age // 6))
        path = PATH[status]
        dispatch = t + gap * (path.index("OUT_FOR_DELIVERY") + 1) if status in DISPATCHED else -1
        documents: dict[str, str] = {}
        tax, left, item_ids, totals = 0, disc, [], []
        for n, (cat, qty, unit, hsn, name, tag) in enumerate(lines):
            value = qty * unit
            ld = left if n == len(lines) - 1 else disc * value // gross if gross else 0
            left -= ld
            inclusive, r = value - ld, self.rate(hsn, day)
            cg = D.tax_inside_paise(inclusive, r, True) if intra else 0
            ig = 0 if intra else D.tax_inside_paise(inclusive, r, False)
            sg, ugst = (0, cg) if ut else (cg, 0)
            line_tax = cg + sg + ugst + ig
            taxable = inclusive - line_tax
            tax += line_tax
            iid = D.uuid_of(rng)
            item_ids.append((iid, tag))
            totals.append(inclusive)
            doc = NULL
            if dispatch >= 0:
                kind_of = "TAX_INVOICE" if r > 0 else "BILL_OF_SUPPLY"
                if kind_of not in documents:
                    documents[kind_of] = self._document(v, vstate, kind_of, oid, dispatch)
                doc = documents[kind_of]
            version = tag.rstrip("!") if tag[0] != "#" else "1"
            stype = kind if kind != "PHARMACY" else "MEDICINE"
            rx = "" if tag[0] == "#" else (', "prescription_required": true' if tag[-1] == "!"
                                           else ', "prescription_required": false')
            items.row(
                f"{iid}\t{oid}\t{cat}\t{vid}\t{qty}\t{D.rupees(unit)}\t{D.rupees(ld)}\t"
                f"{D.rupees(taxable)}\t{hsn}\t{D.rupees(r)}\t{D.rupees(cg)}\t{D.rupees(sg)}\t"
                f"{D.rupees(ugst)}\t{D.rupees(ig)}\t"
                f'{{"name": "{name}", "price": "{D.rupees(unit)}", "version": {version}, '
                f'"vendor_id": "{vid}", "service_type": "{stype}", '
                f'"price_includes_tax": true{rx}}}\tINCLUSIVE\t{vstate}\t{doc}\t{ts}\t{ts}\n')
            audit.row(f"{D.uuid_of(rng)}\t{pid}\torder_items\t{iid}\tINSERT\t{NULL}\t"
                      f'{{"id": "{iid}", "qty": {qty}, "order_id": "{oid}", '
                      f'"vendor_id": "{vid}"}}\t{ts}\n')
        orders.row(f"{oid}\t{pid}\t{status}\t{pay}\t{ref}\t{aid}\t{snap}\t{state}\t"
                   f"{coupon[0] if coupon else NULL}\t{D.rupees(gross)}\t{D.rupees(disc)}\t"
                   f"{D.rupees(tax)}\t{D.rupees(gross - disc)}\tINCLUSIVE\t{ts}\t"
                   f"{ck.ts(t + gap * len(path))}\n")
        audit.row(f"{D.uuid_of(rng)}\t{pid}\torders\t{oid}\tINSERT\t{NULL}\t"
                  f'{{"status": "PENDING", "net_amount": "{D.rupees(gross - disc)}"}}'
                  f"\t{ts}\n")
        if path:
            audit.row(f"{D.uuid_of(rng)}\t{w.owners[v]}\torders\t{oid}\tUPDATE\t"
                      f'{{"status": "{path[-2] if len(path) > 1 else "PENDING"}"}}\t'
                      f'{{"status": "{path[-1]}"}}\t{ck.ts(t + gap * len(path))}\n')
        self._extras(t, p, v, oid, status, pay, coupon, kind, item_ids, totals, lines)

    def _document(self, v: int, state: str, kind: str, oid: str, at: int) -> str:
        """Issue the order's document of that kind from vendor v in `state`, dated the day of
        dispatch in India, numbered in the series of vendor, state, kind and financial year;
        returns its id."""
        w, ck = self.w, self.w.clock
        on = ck.date_of(ck.ist_day_index(at))
        fy = on.year - (1 if on.month < 4 else 0)
        key = (v, state, kind, fy)
        n = self.document_no[key] = self.document_no.get(key, 0) + 1
        reg_id, gstin = w.registration.get((v, state), (NULL, NULL))
        if kind == "TAX_INVOICE" and reg_id == NULL:
            raise ValueError(f"vendor {v} sells taxable goods from {state} unregistered")
        did = D.uuid_of(w.rng)
        prefix = "TI" if kind == "TAX_INVOICE" else "BS"
        self.invoices.append(f"{did}\t{oid}\t{w.vendors[v]}\t"
                             f"{prefix}/{fy % 100:02d}{(fy + 1) % 100:02d}/{n:06d}\t{on}\t"
                             f"{kind}\t{state}\t{reg_id}\t{gstin}\t{ck.ts(at)}\t{ck.ts(at)}\n")
        return did

    def _extras(self, t: int, p: int, v: int, oid: str, status: str, pay: str,
                coupon: list[Any] | None, kind: str, item_ids: list[tuple[str, str]],
                totals: list[int], lines: list[Any]) -> None:
        w, rng, ck = self.w, self.w.rng, self.w.clock
        pid, ts = w.patients[p], ck.ts(t)
        if coupon is not None:
            self.redemptions.append(f"{D.uuid_of(rng)}\t{coupon[0]}\t{oid}\t{pid}\t{ts}\t{ts}\t{ts}\n")
        if pay == "REFUNDED":
            done = ck.ts(t + DAY)
            for (iid, _), total in zip(item_ids, totals, strict=True):
                if total > 0:
                    self.refunds.append(f"{D.uuid_of(rng)}\t{iid}\t{D.rupees(total)}\tOrder "
                                        f"cancelled\tPROCESSED\trfnd_{rng.getrandbits(40):010x}\t"
                                        f"{done}\t{ts}\t{done}\n")
        elif status == "COMPLETED" and totals[0] > 1 and rng.random() < 0.005:
            self.refunds.append(f"{D.uuid_of(rng)}\t{item_ids[0][0]}\t{D.rupees(totals[0] // 2)}"
                                "\tDamaged pack\t"
                                f"{rng.choice(('REQUESTED', 'APPROVED', 'REJECTED'))}"
                                f"\t{NULL}\t{NULL}\t{ts}\t{ts}\n")
        if status == "COMPLETED":
            day = ck.date_of(t // DAY)
            key = (v, day.year, day.month)
            self.revenue[key] = self.revenue.get(key, 0) + sum(totals)
        if kind == "PHARMACY":
            if any(tag.endswith("!") for _, tag in item_ids):
                self.artifacts.append(f"{D.uuid_of(rng)}\t{oid}\tPRESC\tprescriptions/{pid}/{oid}"
                                      f".pdf\t{pid}\t{ts}\t{ts}\n")
            return
        if kind == "LAB_TEST" and status == "COMPLETED":
            self.artifacts.append(f"{D.uuid_of(rng)}\t{oid}\tREPORT\tlab-reports/{pid}/{oid}/"
                                  f"report.pdf\t{w.owners[v]}\t{ts}\t{ts}\n")
        family = w.family[p]
        for iid, tag in item_ids:
            o = w.offers[int(tag[1:])]
            slot = NULL
            j = -(-(t + 2 * 3600 - o.first) // o.period)
            if j >= 0:
                while j < o.count and o.booked[j] >= o.capacity:
                    j += 1
                if j < o.count:
                    slot = o.ids[j]
                    if status != "CANCELLED":
                        o.booked[j] += 1
            member = rng.choice(family) if family and rng.random() < 0.2 else NULL
            note = "Reviewed; follow up in 2 weeks" if (
                o.kind == "DOCTOR_CONSULT" and status == "COMPLETED") else NULL
            self.bookings.append(f"{D.uuid_of(rng)}\t{iid}\t{pid}\t{member}\t{slot}\t"
                                 f"{BOOKING[status]}\t{note}\t{ts}\t{ts}\n")

    def _after(self, main: psycopg.Connection[Any]) -> None:
        w, ck, add, counts = self.w, self.w.clock, self.bar.advance, self.counts
        t0 = ck.ts(0)
        with copy_into(main, "public.availability_slots", "id, service_catalog_id, vendor_id, "
                       "branch_id, start_time, end_time, capacity, booked_count, version, "
                       "created_at, updated_at", add, counts) as out:
            for o in w.offers:
                branch = w.loc_ids[o.loc] if o.loc is not None else NULL
                length = 1800 if o.kind == "DOCTOR_CONSULT" else 3600
                for j, sid in enumerate(o.ids):
                    start = o.first + j * o.period
                    out.row(f"{sid}\t{o.catalog_id}\t{w.vendors[o.vendor]}\t{branch}\t"
                            f"{ck.ts(start)}\t{ck.ts(start + length)}\t{o.capacity}\t"
                            f"{o.booked[j]}\t{o.booked[j]}\t{t0}\t{t0}\n")
        write_rows(main, "public.service_bookings", "id, order_item_id, patient_id, "
                   "family_member_id, slot_id, fulfillment_status, clinical_notes, created_at, "
                   "updated_at", self.bookings, add, counts)
        write_rows(main, "public.coupon_redemptions", "id, coupon_id, order_id, profile_id, "
                   "redeemed_at, created_at, updated_at", self.redemptions, add, counts)
        write_rows(main, "public.order_invoices", "id, order_id, vendor_id, invoice_number, "
                   "invoice_date, document_kind, supplier_state_code, registration_id, gstin, "
                   "created_at, updated_at", self.invoices, add, counts)
        t0s = ck.ts(0)
        write_rows(main, "private.document_counters", "vendor_id, state_code, document_kind, "
                   "financial_year, last_number, created_at, updated_at",
                   [f"{w.vendors[v]}\t{state}\t{kind}\t{fy}\t{n}\t{t0s}\t{t0s}\n"
                    for (v, state, kind, fy), n in sorted(self.document_no.items())],
                   add, counts)
        write_rows(main, "public.refunds", "id, order_item_id, amount, reason, status, "
                   "gateway_ref, processed_at, created_at, updated_at", self.refunds, add, counts)
        write_rows(main, "public.order_artifacts", "id, order_id, type, file_url, uploaded_by, "
                   "created_at, updated_at", self.artifacts, add, counts)
        end = ck.date_of(w.span // DAY)
        payouts = []
        for (v, year, month), gross in sorted(self.revenue.items()):
            first = date(year, month, 1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            commission, tcs = gross * w.commission[v] // 100, gross // 200
            paid = last < end
            payouts.append(
                f"{D.uuid_of(w.rng)}\t{w.vendors[v]}\t{first}\t{last}\t{D.rupees(gross)}\t"
                f"{D.rupees(commission)}\t{D.rupees(tcs)}\t{D.rupees(gross - commission - tcs)}\t"
                f"{'PAID' if paid else 'PENDING'}\t"
                f"{f'NEFT{w.rng.getrandbits(40):012d}' if paid else NULL}\t"
                f"{f'{last + timedelta(days=5)} 10:00:00+00' if paid else NULL}\t{t0}\t{t0}\n")
        write_rows(main, "public.vendor_payouts", "id, vendor_id, period_start, period_end, "
                   "gross, commission, tcs, net, status, bank_ref, paid_at, created_at, "
                   "updated_at", payouts, add, counts)
