"""The catalogue part of `seed --scale`: masters (medicines with versions, tests, scans,
doctors, home services), service_catalog, prices, inventory, alternatives, coupons and the
bookable offerings whose slots the order pass fills.
"""

from __future__ import annotations

from typing import Any

import psycopg

from . import data as D
from .copy import NULL, copy_into, write_rows
from .orders import Offering, World


def load_catalogue(conn: psycopg.Connection[Any], w: World, add: Any,
                   counts: dict[str, int]) -> None:
    rng, s, t0 = w.rng, w.sizes, w.clock.ts(0)
    cat_rows: list[str] = []

    def listed(kind: str, table: str, ref: str) -> str:
        cid = D.uuid_of(rng)
        cat_rows.append(f"{cid}\t{kind}\t{table}\t{ref}\tt\t{t0}\t{t0}\n")
        return cid

    with copy_into(conn, "public.medicine_master", "id, version, parent_id, name, "
                   "generic_name, hsn_code, prescription_required, drug_schedule, manufacturer, "
                   "dosage_form, strength, pack_size, created_at, updated_at",
                   add, counts) as out:
        for c in range(s.medicines):
            generic = D.GENERICS[c % len(D.GENERICS)]
            brand = "".join(rng.choice(D.SYLLABLES) for _ in range(rng.randrange(2, 4)))
            strength = rng.choice(D.STRENGTHS)
            form, pack = rng.choice(D.FORMS)
            schedule = rng.choices(("OTC", "H", "H1", "X"), (60, 30, 8, 2))[0]
            rx = "t" if schedule != "OTC" or rng.random() < 0.1 else "f"
            hsn = rng.choice(D.MEDICINE_HSN)
            maker = rng.choice(D.MAKERS)
            versions = rng.choices((1, 2, 3), (93, 6, 1))[0]
            name = f"{brand.capitalize()} {strength}"
            parent = NULL
            for v in range(1, versions + 1):
                mid = D.uuid_of(rng)
                pack_v = pack if v == 1 else f"{pack} (pack {v})"
                out.row(f"{mid}\t{v}\t{parent}\t{name}\t{generic}\t{hsn}\t{rx}\t{schedule}\t"
                        f"{maker}\t{form}\t{strength}\t{pack_v}\t{t0}\t{t0}\n")
                parent = mid
            w.med_cur.append(parent)
            w.med_name.append(name)
            w.med_version.append(versions)
            w.med_hsn.append(hsn)
            w.med_rx.append(rx == "t")
            w.mrp.append(rng.randrange(20, 1500) * 100 + rng.choice((0, 50)))
            w.med_cat.append(listed("MEDICINE", "medicine_master", parent))
    with copy_into(conn, "public.medicine_alternatives", "medicine_id, alternative_id, rank, "
                   "approved, created_at, updated_at", add, counts) as out:
        g = len(D.GENERICS)
        for c in range(s.medicines):
            if rng.random() < 0.2:
                for rank, other in enumerate((c + g, c + 2 * g), start=1):
                    if other < s.medicines:
                        out.row(f"{w.med_cur[c]}\t{w.med_cur[other]}\t{rank}\t"
                                f"{'t' if rank == 1 else 'f'}\t{t0}\t{t0}\n")
    _services(conn, w, add, counts, listed)
    with copy_into(conn, "public.service_catalog", "id, service_type, ref_table, ref_id, "
                   "is_active, created_at, updated_at", add, counts) as out:
        for line in cat_rows:
            out.row(line)
    _inventory(conn, w, add, counts)
    _coupons(conn, w, add, counts)


def _services(conn: psycopg.Connection[Any], w: World, add: Any, counts: dict[str, int],
              listed: Any) -> None:
    rng, s, t0 = w.rng, w.sizes, w.clock.ts(0)
    tests: list[tuple[str, int, str]] = []
    with copy_into(conn, "public.lab_tests", "id, name, code, sample_type, fasting_needed, "
                   "category, created_at, updated_at", add, counts) as out:
        for i in range(s.lab_tests):
            name, code, sample = D.LAB_TESTS[i % len(D.LAB_TESTS)]
            if i >= len(D.LAB_TESTS):
                name, code = f"{name} panel {i}", f"{code}-P{i}"
            tid = D.uuid_of(rng)
            out.row(f"{tid}\t{name}\t{code}\t{sample}\t{'t' if 'Fasting' in name else 'f'}\t"
                    f"General\t{t0}\t{t0}\n")
            tests.append((listed("LAB_TEST", "lab_tests", tid), rng.randrange(2, 30) * 5000, tid))
    scans: list[tuple[str, int, str]] = []
    with copy_into(conn, "public.scans_master", "id, name, body_part, modality, "
                   "contrast_required, created_at, updated_at", add, counts) as out:
        for i in range(s.scans):
            name, part, modality = D.SCANS[i % len(D.SCANS)]
            name = name if i < len(D.SCANS) else f"{name} protocol {i}"
            sid = D.uuid_of(rng)
            out.row(f"{sid}\t{name}\t{part}\t{modality}\t{'t' if i % 5 == 0 else 'f'}\t"
                    f"{t0}\t{t0}\n")
            scans.append((listed("SCAN", "scans_master", sid), rng.randrange(10, 150) * 10000, sid))
    homes: list[tuple[str, str]] = []
    with copy_into(conn, "public.services_master", "id, name, unit, created_at, updated_at",
                   add, counts) as out:
        for name, unit in D.HOME_SERVICES:
            hid = D.uuid_of(rng)
            out.row(f"{hid}\t{name}\t{unit}\t{t0}\t{t0}\n")
            homes.append((listed("HOME_SERVICE", "services_master", hid), hid))
    hospitals = [v for v, t in enumerate(w.vendor_type) if t == "HOSPITAL"]
    doctors: list[tuple[str, int, int, str]] = []
    with copy_into(conn, "public.doctors", "id, profile_id, specialty, reg_number, "
                   "experience_years, created_at, updated_at", add, counts) as out:
        for i, pid in enumerate(w.doctor_profiles):
            did = D.uuid_of(rng)
            out.row(f"{did}\t{pid}\t{rng.choice(D.SPECIALTIES)}\tNMC/{100000 + i}\t"
                    f"{rng.randrange(1, 40)}\t{t0}\t{t0}\n")
            doctors.append((listed("DOCTOR_CONSULT", "doctors", did), hospitals[i % len(hospitals)],
                            rng.randrange(3, 16) * 10000, did))
    win0 = w.span - w.slot_past
    win = w.slot_past + w.slot_ahead
    offers: list[tuple[str, int, int | None, int, str, int]] = []
    lab_rows: list[str] = []
    scan_rows: list[str] = []
    for loc in w.by_type.get("DIAGNOSTIC_LAB", []):
        v = w.loc_vendor[loc]
        first = rng.randrange(len(tests))
        for k in range(min(8, len(tests))):
            cat, price, ref = tests[(first + k) % len(tests)]
            lab_rows.append(f"{D.uuid_of(rng)}\t{ref}\t{w.vendors[v]}\t{w.loc_ids[loc]}"
                    f"\t{D.rupees(price)}\t{D.rupees(price * 12 // 10)}\tt\t{t0}\t{t0}\n")
            if k < 5:
                offers.append((cat, v, loc, 10, "LAB_TEST", price))
    for loc in w.by_type.get("SCAN_CENTER", []):
        v = w.loc_vendor[loc]
        first = rng.randrange(len(scans))
        for k in range(min(3, len(scans))):
            cat, price, ref = scans[(first + k) % len(scans)]
            scan_rows.append(f"{D.uuid_of(rng)}\t{ref}\t{w.vendors[v]}\t{w.loc_ids[loc]}"
                     f"\t{D.rupees(price)}\t{D.rupees(price * 11 // 10)}\t{t0}\t{t0}\n")
            offers.append((cat, v, loc, 4, "SCAN", price))
    write_rows(conn, "public.lab_pricing", "id, test_id, vendor_id, branch_id, price, mrp, "
               "nabl_accredited, created_at, updated_at", lab_rows, add, counts)
    write_rows(conn, "public.scan_pricing", "id, scan_id, vendor_id, branch_id, price, mrp, "
               "created_at, updated_at", scan_rows, add, counts)
    consult_rows = []
    for cat, v, fee, did in doctors:
        offers.append((cat, v, w.vendor_locs[v][0], 1, "DOCTOR_CONSULT", fee))
        consult_rows.append(f"{D.uuid_of(rng)}\t{did}\t{w.vendors[v]}\t"
                            f"{w.loc_ids[w.vendor_locs[v][0]]}\t{D.rupees(fee)}\t"
                            f"{D.rupees(fee * 6 // 5)}\t{t0}\t{t0}\n")
    if conn.execute("SELECT to_regclass('public.consult_pricing')").fetchone() != (None,):
        write_rows(conn, "public.consult_pricing", "id, doctor_id, vendor_id, branch_id, price, "
                   "mrp, created_at, updated_at", consult_rows, add, counts)
    with copy_into(conn, "public.service_pricing", "id, service_id, vendor_id, base_price, "
                   "variable_price, created_at, updated_at", add, counts) as out:
        for v, kind in enumerate(w.vendor_type):
            if kind == "PHYSIO_AGENCY":
                for home_cat, hid in homes[:3]:
                    home_price = rng.randrange(5, 20) * 10000
                    out.row(f"{D.uuid_of(rng)}\t{hid}\t{w.vendors[v]}\t"
                            f"{D.rupees(home_price)}\t0.00\t{t0}\t{t0}\n")
                    offers.append((home_cat, v, None, 2, "HOME_SERVICE", home_price))
    per = max(3, w.sizes.slots // max(1, len(offers)))
    period = win // per
    for o_cat, o_v, o_loc, cap, kind, o_price in offers:
        o = Offering(o_cat, o_v, o_loc, cap, kind, o_price, win0, period, per)
        w.offers.append(o)
        key = o_loc if o_loc is not None else -1 - o_v
        w.loc_offers.setdefault(key, []).append(len(w.offers) - 1)
        if kind == "DOCTOR_CONSULT":
            w.doctor_offers.append(len(w.offers) - 1)
        if kind == "HOME_SERVICE":
            w.home_vendors.setdefault(o_v, []).append(len(w.offers) - 1)


def _inventory(conn: psycopg.Connection[Any], w: World, add: Any, counts: dict[str, int]) -> None:
    rng, s, t0 = w.rng, w.sizes, w.clock.ts(0)
    pharmacies = w.by_type.get("PHARMACY", [])
    per = max(10, min(s.medicines, s.inventory // max(1, len(pharmacies))))
    with copy_into(conn, "public.medicine_inventory", "id, medicine_id, vendor_id, branch_id, "
                   "stock_qty, price, mrp, created_at, updated_at", add, counts) as out:
        for loc in pharmacies:
            start, disc = rng.randrange(s.medicines), rng.randrange(0, 21)
            w.inv[loc] = (start, per, disc)
            vid, lid = w.vendors[w.loc_vendor[loc]], w.loc_ids[loc]
            for j in range(per):
                c = (start + j) % s.medicines
                mrp = w.mrp[c]
                out.row(f"{D.uuid_of(rng)}\t{w.med_cur[c]}\t{vid}\t{lid}\t{rng.randrange(500)}\t"
                        f"{D.rupees(mrp * (100 - disc) // 100)}\t{D.rupees(mrp)}\t{t0}\t{t0}\n")


def _coupons(conn: psycopg.Connection[Any], w: World, add: Any, counts: dict[str, int]) -> None:
    rng, ck = w.rng, w.clock
    specs = [("HEALTH10", "PERCENT", 10, None, True), ("FLAT50", "FLAT", 50, None, True),
             ("CARE15", "PERCENT", 15, None, True), ("FIRST100", "FLAT", 100, 100, True),
             ("OLDPROMO", "PERCENT", 20, None, False)]
    with copy_into(conn, "public.coupons", "id, code, description, discount_type, value, "
                   "max_uses, valid_from, valid_to, is_active, created_at, updated_at",
                   add, counts) as out:
        for code, kind, value, limit, active in specs:
            cid = D.uuid_of(rng)
            out.row(f"{cid}\t{code}\t{code.title()} offer\t{kind}\t{value}.00\t"
                    f"{NULL if limit is None else limit}\t{ck.ts(0)}\t"
                    f"{ck.ts(w.span + 30 * 86400)}\t{'t' if active else 'f'}\t{ck.ts(0)}\t"
                    f"{ck.ts(0)}\n")
            if active:
                w.coupons.append([cid, kind, value, limit, 0])
    with copy_into(conn, "public.cart_items", "id, cart_id, service_catalog_id, qty, "
                   "created_at, updated_at", add, counts) as out:
        t = ck.ts(w.span - 3600)
        for cart in w.carts:
            first = rng.randrange(len(w.med_cat))
            for k in range(rng.randrange(1, 4)):
                out.row(f"{D.uuid_of(rng)}\t{cart}\t{w.med_cat[(first + k) % len(w.med_cat)]}\t"
                        f"{rng.randrange(1, 3)}\t{t}\t{t}\n")
