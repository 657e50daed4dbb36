"""`onemedi-db seed --demo`: a small, realistic data set written through the database's own
functions (publish_medicine_version, quote_cart and place_order, record_payment,
check_prescription, cancel_order, request_refund, compute_vendor_payout) and ordinary INSERTs
as service_role, so every rule applies.

Ids of what this module inserts come from a seeded generator; rows made by the functions
(orders, lines, bookings, invoices) get the database's ids and today's timestamps. The
statements never depend on a value read back (see `statements`), so the same statements
also make `supabase/seed.sql` (`demo_script`) for `export supabase`.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import psycopg

from . import data as D
from . import gotrue
from .scale import check_target
from .statements import SETTING_PREFIX, LiveSink, ScriptSink, Sink, Sql, inline, literal, ref

CITIES = [("27", "Mumbai", 19.0760, 72.8777), ("29", "Bengaluru", 12.9716, 77.5946),
          ("04", "Chandigarh", 30.7333, 76.7794), ("07", "New Delhi", 28.6139, 77.2090)]
MEDICINES = [  # name, generic, hsn, schedule, form, strength, pack
    ("Dolomed 650", "Paracetamol", "3004", "OTC", "Tablet", "650 mg", "15 tablets"),
    ("Amoxiclav 625", "Amoxicillin", "3004", "H", "Tablet", "625 mg", "10 tablets"),
    ("Glucofine 500", "Metformin", "3004", "H", "Tablet", "500 mg", "20 tablets"),
    ("Atorlip 10", "Atorvastatin", "3004", "H", "Tablet", "10 mg", "15 tablets"),
    ("Cetrizet 10", "Cetirizine", "3004", "OTC", "Tablet", "10 mg", "10 tablets"),
    ("Pantocid 40", "Pantoprazole", "3004", "H", "Tablet", "40 mg", "15 tablets"),
    ("Crepe Bandage 10 cm", "Bandage", "3005", "OTC", "Roll", "10 cm", "1 roll"),
    ("Dolomed Syrup", "Paracetamol", "3003", "OTC", "Syrup", "125 mg/5 ml", "60 ml"),
]


def email_of(key: str) -> str:
    return f"{key}@demo.onemedi.in"


@dataclass
class Logins:
    patients: list[tuple[str, str, str]] = field(default_factory=list)  # id, name, city
    vendors: list[tuple[str, str, str]] = field(default_factory=list)  # user id, name, vendor
    admin: str = ""
    emails: dict[str, str] = field(default_factory=dict)  # user id -> email
    password: str | None = None  # set when the users can sign in (GoTrue's auth.users)

    def text(self) -> str:
        sign_in = (f"sign in with the email and password {self.password!r}, or"
                   if self.password else "this auth.users has no passwords:")
        lines = [f"Demo data loaded. Logins to try ({sign_in} set the user id as the JWT sub "
                 "claim):", f"  admin     {self.admin}  {self.emails.get(self.admin, '')}"]
        lines += [f"  patient   {u}  {self.emails.get(u, '')}  {n} ({c})"
                  for u, n, c in self.patients]
        lines += [f"  vendor    {u}  {self.emails.get(u, '')}  {n} ({v})"
                  for u, n, v in self.vendors]
        p, v = self.patients[0][0], self.vendors[0][0]
        claim = '{"sub": "%s", "role": "authenticated"}'
        lines += ["", "Queries to run as them (psql as postgres):", "",
                  "  BEGIN; SET LOCAL ROLE authenticated;",
                  f"  SELECT set_config('request.jwt.claims', '{claim % p}', true);",
                  "  SELECT id, status, payment_status, net_amount FROM public.orders "
                  "ORDER BY created_at DESC LIMIT 20;  -- only this patient's orders",
                  "  SELECT b.fulfillment_status, s.start_time FROM public.service_bookings b "
                  "LEFT JOIN public.availability_slots s ON s.id = b.slot_id;",
                  "  ROLLBACK;", "",
                  "  BEGIN; SET LOCAL ROLE authenticated;",
                  f"  SELECT set_config('request.jwt.claims', '{claim % v}', true);",
                  "  SELECT o.id, o.status FROM public.orders o ORDER BY o.created_at DESC "
                  "LIMIT 50;  -- orders holding this vendor's items",
                  "  ROLLBACK;"]
        return "\n".join(lines)


@dataclass(frozen=True)
class Order:
    key: str
    patient: str

    @property
    def id(self) -> Sql:
        return ref(f"order_{self.key}")


class Demo:
    def __init__(self, sink: Sink, seed: int) -> None:
        self.sink = sink
        self.rng = random.Random(f"onemedi-demo-{seed}")
        self.logins = Logins()
        self.ids: dict[str, str] = {}
        self.city = {name: Sql("(SELECT id FROM public.cities WHERE state_code = "
                               f"{literal(st)} AND name = {literal(name)})")
                     for st, name, _, _ in CITIES}

    def id(self, key: str) -> str:
        if key not in self.ids:
            self.ids[key] = D.uuid_of(self.rng)
        return self.ids[key]

    def x(self, query: str, *params: Any) -> None:
        self.sink.execute(*inline(query, params))

    def keep(self, key: str, query: str, *params: Any) -> None:
        """Run a query of one uuid and keep it, for this transaction, as `ref(key)`."""
        self.x(f"SELECT set_config('{SETTING_PREFIX}.{key}', ({query})::text, true)", *params)

    def has(self, table: str) -> bool:
        return self.sink.has(table)

    def as_(self, user: str | None) -> None:
        """Act inside the current transaction as `user` (authenticated) or the backend."""
        role, claims = ("service_role", {"role": "service_role"}) if user is None else \
            ("authenticated", {"sub": user, "role": "authenticated"})
        self.x("SELECT set_config('role', %s, true), set_config('request.jwt.claims', %s, true)",
               role, json.dumps(claims))

    @staticmethod
    def role(name: str) -> Sql:
        return Sql(f"(SELECT id FROM public.roles WHERE name = {literal(name)})")

    # -- people and places ---------------------------------------------------------------
    def people(self) -> None:
        for st, name, lat, lon in CITIES:
            self.x("INSERT INTO public.cities (state_code, name, centre) VALUES (%s, %s, "
                   "extensions.st_makepoint(%s, %s)::extensions.geography) "
                   "ON CONFLICT (state_code, name) DO NOTHING", st, name, lon, lat)
        signs_in = (self.sink.has_column("auth.users", "encrypted_password")
                    and self.sink.has("auth.identities"))
        if signs_in:  # GoTrue's auth.users (Supabase): users sign in with a password
            self.x("CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions")
            self.logins.password = gotrue.DEMO_PASSWORD
        people = [("admin", "Neha Kapoor", "+916000000001", "ADMIN"),
                  ("asha", "Asha Iyer", "+916000000011", "PATIENT"),
                  ("rohan", "Rohan Gill", "+916000000012", "PATIENT"),
                  ("meera", "Meera Nair", "+916000000013", "PATIENT"),
                  ("own_pharmacy", "Vikram Shah", "+916000000021", "VENDOR_ADMIN"),
                  ("own_lab", "Divya Rao", "+916000000022", "VENDOR_ADMIN"),
                  ("own_scan", "Farhan Khan", "+916000000023", "VENDOR_ADMIN"),
                  ("own_hospital", "Harpreet Singh", "+916000000024", "VENDOR_ADMIN"),
                  ("own_physio", "Karthik Menon", "+916000000025", "VENDOR_ADMIN"),
                  ("staff_pharmacy", "Pooja Verma", "+916000000031", "STAFF"),
                  ("staff_lab", "Anil Das", "+916000000032", "STAFF"),
                  ("doc_1", "Dr. Sunita Sharma", "+916000000041", "STAFF"),
                  ("doc_2", "Dr. Arjun Pillai", "+916000000042", "STAFF")]
        for key, name, phone, role in people:
            uid, identity = self.id(key), self.id(f"ident_{key}")  # both drawn either way
            self.logins.emails[uid] = email_of(key)
            if signs_in:
                for query, params in gotrue.user_rows(uid, email_of(key), identity):
                    self.x(query, *params)
            else:
                self.x("INSERT INTO auth.users (id, email) VALUES (%s, %s)", uid, email_of(key))
            self.x("INSERT INTO public.profiles (id, full_name, phone, role_id) VALUES "
                   "(%s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET full_name = "
                   "excluded.full_name, phone = excluded.phone, role_id = excluded.role_id",
                   uid, name, phone, self.role(role))
        self.logins.admin = self.id("admin")
        homes = {"asha": "Mumbai", "rohan": "Chandigarh", "meera": "Bengaluru"}
        for key, city in homes.items():
            st, _, lat, lon = next(c for c in CITIES if c[1] == city)
            self.x("INSERT INTO public.addresses (id, profile_id, tag, line_1, city_id, pincode, "
                   "coords, is_default) VALUES (%s, %s, 'Home', %s, %s, %s, "
                   "extensions.st_makepoint(%s, %s)::extensions.geography, true)",
                   self.id(f"addr_{key}"), self.id(key), f"12, {city} Residency", self.city[city],
                   {"Mumbai": "400050", "Chandigarh": "160017", "Bengaluru": "560034"}[city],
                   lon + 0.01, lat + 0.01)
            name = dict((p[0], p[1]) for p in people)[key]
            self.logins.patients.append((self.id(key), name, city))
        for key, owner, name, relation, dob in [
                ("fm_asha_1", "asha", "Ravi Iyer", "SPOUSE", "1984-03-02"),
                ("fm_asha_2", "asha", "Diya Iyer", "CHILD", "2015-07-19"),
                ("fm_rohan_1", "rohan", "Gurpreet Gill", "PARENT", "1956-11-30")]:
            self.x("INSERT INTO public.family_members (id, owner_id, name, relation, dob, "
                   "medical_history) VALUES (%s, %s, %s, %s, %s, %s)", self.id(key),
                   self.id(owner), name, relation, dob, json.dumps({"allergies": ["penicillin"]}
                                                                   if relation == "PARENT" else {}))

    def vendors(self) -> None:
        spec = [("pharmacy", "Sanjeevani Pharmacy", "PHARMACY",
                 ["Mumbai", "Chandigarh", "Bengaluru"]),
                ("lab", "Prakriti Diagnostics", "DIAGNOSTIC_LAB", ["Bengaluru", "Mumbai"]),
                ("scan", "ClearView Scan Centre", "SCAN_CENTER", ["Mumbai"]),
                ("hospital", "City Care Hospital", "HOSPITAL", ["Chandigarh"]),
                ("physio", "HomeHeal Physio", "PHYSIO_AGENCY", ["Chandigarh"])]
        for key, name, kind, cities in spec:
            vid = self.id(f"v_{key}")
            self.x("INSERT INTO public.vendors (id, name, type, owner_id, commission_rate, "
                   "is_active) VALUES (%s, %s, %s, %s, 10, true)", vid, name, kind,
                   self.id(f"own_{key}"))
            for k, city in enumerate(cities):
                _, _, lat, lon = next(c for c in CITIES if c[1] == city)
                self.x("INSERT INTO public.vendor_locations (id, vendor_id, city_id, name, "
                       "address_line, pincode, coords, is_open_24x7) VALUES (%s, %s, %s, %s, %s,"
                       " %s, extensions.st_makepoint(%s, %s)::extensions.geography, %s)",
                       self.id(f"l_{key}_{city}"), vid, self.city[city], f"{name}, {city}",
                       f"{k + 3} Station Road", {"Mumbai": "400001", "Chandigarh": "160022",
                                                 "Bengaluru": "560001"}[city],
                       lon - 0.01 * (k + 1), lat + 0.005, k == 0)
            # A seller of taxable goods registers for GST in every state of its branches, under
            # one PAN; labs, scan centres and physiotherapists supply exempt services only.
            pan = D.pan(self.rng)
            states = sorted({next(c[0] for c in CITIES if c[1] == city) for city in cities})
            if kind in ("PHARMACY", "HOSPITAL") and self.has("public.gst_registrations"):
                for state in states:
                    self.x("INSERT INTO public.gst_registrations (vendor_id, gstin, valid_from) "
                           "VALUES (%s, %s, '2017-07-01')", vid, D.gstin(state, self.rng, pan))
            self.x("INSERT INTO public.vendor_kyc (vendor_id, gstin, dl_number, license_url, "
                   "verified_at, verified_by) VALUES (%s, %s, %s, %s, now(), %s)", vid,
                   D.gstin(next(c[0] for c in CITIES if c[1] == cities[0]), self.rng, pan),
                   "MH-MZ1-123456" if kind == "PHARMACY" else None, f"{vid}/licence.pdf",
                   self.id("admin"))
            self.logins.vendors.append((self.id(f"own_{key}"), f"owner of {name}", name))
        for key, vendor, level in [("staff_pharmacy", "pharmacy", "STAFF"),
                                   ("staff_lab", "lab", "MANAGER"),
                                   ("doc_1", "hospital", "STAFF"), ("doc_2", "hospital", "STAFF")]:
            self.x("INSERT INTO public.vendor_staff (vendor_id, user_id, access_level) VALUES "
                   "(%s, %s, %s)", self.id(f"v_{vendor}"), self.id(key), level)
        self.logins.vendors.append((self.id("staff_pharmacy"), "staff of Sanjeevani Pharmacy",
                                    "Sanjeevani Pharmacy"))

    # -- catalogue ---------------------------------------------------------------------------
    def catalogue(self) -> None:
        for k, (name, generic, hsn, sched, form, strength, pack) in enumerate(MEDICINES):
            self.x("INSERT INTO public.medicine_master (id, name, generic_name, hsn_code, "
                   "prescription_required, drug_schedule, manufacturer, dosage_form, strength, "
                   "pack_size) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                   self.id(f"m{k}"), name, generic, hsn, sched != "OTC", sched,
                   D.MAKERS[k % len(D.MAKERS)], form, strength, pack)
            self.x("INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) "
                   "VALUES (%s, 'MEDICINE', 'medicine_master', %s)", self.id(f"c_m{k}"),
                   self.id(f"m{k}"))
        self.x("INSERT INTO public.medicine_alternatives (medicine_id, alternative_id, rank, "
               "approved) VALUES (%s, %s, 1, true), (%s, %s, 1, true)", self.id("m0"),
               self.id("m7"), self.id("m7"), self.id("m0"))
        for branch in ("Mumbai", "Chandigarh", "Bengaluru"):
            for k in range(len(MEDICINES)):
                mrp = 40 + 35 * k
                self.x("INSERT INTO public.medicine_inventory (medicine_id, vendor_id, branch_id, "
                       "stock_qty, price, mrp) VALUES (%s, %s, %s, 200, %s, %s)", self.id(f"m{k}"),
                       self.id("v_pharmacy"), self.id(f"l_pharmacy_{branch}"),
                       (Decimal(mrp) * Decimal("0.9")).quantize(Decimal("0.01")), mrp)
        # A new version of Glucofine (pack size change): catalogue and stock follow it.
        self.x("SELECT public.publish_medicine_version(%s, %s)", self.id("m2"),
               json.dumps({"pack_size": "30 tablets"}))
        for k, (name, code, sample) in enumerate(D.LAB_TESTS[:4]):
            self.x("INSERT INTO public.lab_tests (id, name, code, sample_type, fasting_needed, "
                   "category) VALUES (%s, %s, %s, %s, %s, 'Routine')", self.id(f"t{k}"), name,
                   code, sample, code == "LIPID")
            self.x("INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) "
                   "VALUES (%s, 'LAB_TEST', 'lab_tests', %s)", self.id(f"c_t{k}"), self.id(f"t{k}"))
            for city in ("Bengaluru", "Mumbai"):
                self.x("INSERT INTO public.lab_pricing (test_id, vendor_id, branch_id, price, mrp, "
                       "nabl_accredited) VALUES (%s, %s, %s, %s, %s, true)", self.id(f"t{k}"),
                       self.id("v_lab"), self.id(f"l_lab_{city}"), 300 + 150 * k, 400 + 150 * k)
        for k, (name, part, modality) in enumerate(D.SCANS[:3]):
            self.x("INSERT INTO public.scans_master (id, name, body_part, modality) VALUES "
                   "(%s, %s, %s, %s)", self.id(f"s{k}"), name, part, modality)
            self.x("INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) "
                   "VALUES (%s, 'SCAN', 'scans_master', %s)", self.id(f"c_s{k}"), self.id(f"s{k}"))
            self.x("INSERT INTO public.scan_pricing (scan_id, vendor_id, branch_id, price, mrp) "
                   "VALUES (%s, %s, %s, %s, %s)", self.id(f"s{k}"), self.id("v_scan"),
                   self.id("l_scan_Mumbai"), 2500 + 1000 * k, 3000 + 1000 * k)
        for k, (name, unit) in enumerate(D.HOME_SERVICES[:2]):
            self.x("INSERT INTO public.services_master (id, name, unit) VALUES (%s, %s, %s)",
                   self.id(f"h{k}"), name, unit)
            self.x("INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) "
                   "VALUES (%s, 'HOME_SERVICE', 'services_master', %s)", self.id(f"c_h{k}"),
                   self.id(f"h{k}"))
            self.x("INSERT INTO public.service_pricing (service_id, vendor_id, base_price, "
                   "variable_price) VALUES (%s, %s, %s, 0)", self.id(f"h{k}"),
                   self.id("v_physio"), 800 + 400 * k)
        doctors = [("Cardiology", "PMC/12345"), ("Paediatrics", "PMC/23456")]
        for k, (spec, reg) in enumerate(doctors):
            self.x("INSERT INTO public.doctors (id, profile_id, specialty, reg_number, "
                   "experience_years) VALUES (%s, %s, %s, %s, %s)", self.id(f"d{k}"),
                   self.id(f"doc_{k + 1}"), spec, reg, 12 + 6 * k)
            self.x("INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id) "
                   "VALUES (%s, 'DOCTOR_CONSULT', 'doctors', %s)", self.id(f"c_d{k}"),
                   self.id(f"d{k}"))
            if self.has("public.consult_pricing"):
                self.x("INSERT INTO public.consult_pricing (doctor_id, vendor_id, branch_id, "
                       "price, mrp) VALUES (%s, %s, %s, %s, %s)", self.id(f"d{k}"),
                       self.id("v_hospital"), self.id("l_hospital_Chandigarh"), 700 + 200 * k,
                       900 + 200 * k)
        slots: list[tuple[str, str, str | None, int]] = [
                 ("c_t0", "lab", "l_lab_Bengaluru", 4), ("c_t1", "lab", "l_lab_Bengaluru", 4),
                 ("c_s0", "scan", "l_scan_Mumbai", 2),
                 ("c_d0", "hospital", "l_hospital_Chandigarh", 1),
                 ("c_d1", "hospital", "l_hospital_Chandigarh", 1), ("c_h0", "physio", None, 2)]
        for cat, vendor, home, cap in slots:
            for day in range(1, 8):
                for hour in (9, 11, 16):
                    key = f"slot_{cat}_{day}_{hour}"
                    self.x("INSERT INTO public.availability_slots (id, service_catalog_id, "
                           "vendor_id, branch_id, start_time, end_time, capacity) VALUES (%s, %s,"
                           " %s, %s, date_trunc('day', now()) + %s * interval '1 day' + %s * "
                           "interval '1 hour', date_trunc('day', now()) + %s * interval '1 day' "
                           "+ %s * interval '1 hour' + interval '45 minutes', %s)",
                           self.id(key), self.id(cat), self.id(f"v_{vendor}"),
                           self.id(home) if home else None, day, hour, day, hour, cap)

    def config(self) -> None:
        self.x("INSERT INTO public.taxonomies (id, name, slug, applicable_service_types) VALUES "
               "(%s, 'Specialties', 'specialties', '{DOCTOR_CONSULT}'), (%s, 'Body systems', "
               "'body-systems', '{LAB_TEST,SCAN,MEDICINE}')", self.id("tx_spec"),
               self.id("tx_body"))
        for key, tax, name, slug, parent in [
                ("tt_cardio", "tx_spec", "Cardiology", "cardiology", None),
                ("tt_interv", "tx_spec", "Interventional cardiology", "interventional",
                 "tt_cardio"),
                ("tt_paed", "tx_spec", "Paediatrics", "paediatrics", None),
                ("tt_heart", "tx_body", "Heart and vessels", "heart", None),
                ("tt_metab", "tx_body", "Metabolism", "metabolism", None)]:
            self.x("INSERT INTO public.taxonomy_terms (id, taxonomy_id, name, slug, parent_id) "
                   "VALUES (%s, %s, %s, %s, %s)", self.id(key), self.id(tax), name, slug,
                   self.id(parent) if parent else None)
        for cat, term in [("c_d0", "tt_cardio"), ("c_d1", "tt_paed"), ("c_t1", "tt_heart"),
                          ("c_m3", "tt_heart"), ("c_m2", "tt_metab"), ("c_t0", "tt_metab")]:
            self.x("INSERT INTO public.service_taxonomy_map (service_catalog_id, "
                   "taxonomy_term_id) VALUES (%s, %s)", self.id(cat), self.id(term))
        self.x("INSERT INTO public.ui_menus (id, menu_type, title, route, sort_order) VALUES "
               "(%s, 'MOBILE', 'Home', '/', 1), (%s, 'DESKTOP', 'Services', '/services', 2)",
               self.id("menu_m"), self.id("menu_d"))
        self.x("INSERT INTO public.ui_menu_items (id, menu_id, label, taxonomy_term_id, "
               "sort_order) VALUES (%s, %s, 'Heart care', %s, 1)", self.id("mi_1"),
               self.id("menu_d"), self.id("tt_heart"))
        self.x("INSERT INTO public.ui_menu_items (id, menu_id, parent_item_id, "
               "service_catalog_id, sort_order) VALUES (%s, %s, %s, %s, 1)", self.id("mi_2"),
               self.id("menu_d"), self.id("mi_1"), self.id("c_t1"))
        self.x("INSERT INTO public.ui_menu_items (id, menu_id, label, external_link, sort_order) "
               "VALUES (%s, %s, 'Help', 'https://help.onemedi.in', 9)", self.id("mi_3"),
               self.id("menu_m"))
        self.x("INSERT INTO public.ui_carousels (id, title, position, city_id) VALUES "
               "(%s, 'Monsoon health', 'HOME_TOP', %s)", self.id("car_1"), self.city["Mumbai"])
        self.x("INSERT INTO public.ui_carousel_items (carousel_id, service_catalog_id, image_url, "
               "sort_order) VALUES (%s, %s, 'https://cdn.onemedi.in/c/1.jpg', 1), (%s, NULL, "
               "'https://cdn.onemedi.in/c/2.jpg', 2)", self.id("car_1"), self.id("c_t0"),
               self.id("car_1"))
        self.x("INSERT INTO public.marketing_assets (type, image_url, link_url, city_id, "
               "sort_order) VALUES ('BANNER', 'https://cdn.onemedi.in/b/1.jpg', '/lab-tests', "
               "%s, 1), ('CAROUSEL', 'https://cdn.onemedi.in/b/2.jpg', NULL, NULL, 2)",
               self.city["Chandigarh"])
        self.x("INSERT INTO public.feature_flags (feature_key, city_id, enabled, description) "
               "VALUES ('home_services', NULL, false, 'Home services everywhere'), "
               "('home_services', %s, true, 'Piloted in Chandigarh'), ('lab.home_collection', "
               "NULL, true, NULL)", self.city["Chandigarh"])
        self.x("INSERT INTO public.coupons (code, description, discount_type, value, max_uses, "
               "valid_from, valid_to) VALUES ('WELCOME10', 'Ten percent off a first order', "
               "'PERCENT', 10, 1000, now() - interval '30 days', now() + interval '90 days')")

    # -- orders, through place_order and the state machine ---------------------------------------
    def order(self, key: str, patient: str,
              lines: list[tuple[str, str, str | None, str | None, int]],
              coupon: str | None = None) -> Order:
        self.as_(self.id(patient))
        cart = self.id(f"cart_{key}")
        self.x("INSERT INTO public.carts (id, profile_id) VALUES (%s, %s)", cart, self.id(patient))
        for cat, vendor, branch, slot, qty in lines:
            self.x("INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, "
                   "branch_id, slot_id) VALUES (%s, %s, %s, %s, %s, %s)", cart, self.id(cat), qty,
                   self.id(f"v_{vendor}"), self.id(branch) if branch else None,
                   self.id(slot) if slot else None)
        # The patient is shown the total (quote_cart) and checks out with it.
        self.keep(f"order_{key}", "SELECT (public.place_order(%s, %s, (SELECT q.net_amount FROM "
                  "public.quote_cart(%s, %s, %s) AS q), %s)).id", cart,
                  self.id(f"addr_{patient}"), cart, self.id(f"addr_{patient}"), coupon, coupon)
        self.as_(None)
        return Order(key, patient)

    def move(self, order: Order, *steps: str) -> None:
        self.as_(None)
        for step in steps:
            if step == "PAID":  # the gateway's webhook, through the payment path
                self.x("SELECT public.record_payment(o.id, 'PAID', %s, o.net_amount) "
                       "FROM public.orders AS o WHERE o.id = %s",
                       f"pay_demo_{self.rng.getrandbits(32):08x}", order.id)
            elif step == "PRESC":  # the patient uploads and attaches it, the pharmacist checks
                patient, rx = self.id(order.patient), self.id(f"rx_{order.key}")
                self.as_(patient)
                self.x("INSERT INTO storage.objects (bucket_id, name, owner) VALUES "
                       "('prescriptions', %s, %s)", f"{patient}/rx-{order.key}.pdf", patient)
                self.x("INSERT INTO public.order_artifacts (id, order_id, type, file_url, "
                       "uploaded_by) VALUES (%s, %s, 'PRESC', %s, %s)", rx, order.id,
                       f"prescriptions/{patient}/rx-{order.key}.pdf", patient)
                self.as_(self.id("staff_pharmacy"))
                self.x("SELECT public.check_prescription(%s, 'VERIFIED')", rx)
                self.as_(None)
            elif step == "REPORT":  # the lab uploads it into the patient's folder of the order
                name = Sql(f"{literal(self.id(order.patient))} || '/' || {order.id.text} || "
                           "'/report.pdf'")
                self.x("INSERT INTO storage.objects (bucket_id, name, owner) VALUES "
                       "('lab-reports', %s, %s)", name, self.id("staff_lab"))
                self.x("INSERT INTO public.order_artifacts (order_id, type, file_url, uploaded_by)"
                       " VALUES (%s, 'REPORT', 'lab-reports/' || %s, %s)", order.id, name,
                       self.id("staff_lab"))
            else:
                self.x("UPDATE public.orders SET status = %s WHERE id = %s", step, order.id)

    def orders(self) -> None:
        full = ("PAID", "CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY", "COMPLETED")
        o1 = self.order("o1", "asha", [("c_m0", "pharmacy", "l_pharmacy_Mumbai", None, 2),
                                       ("c_m1", "pharmacy", "l_pharmacy_Mumbai", None, 1)],
                        "WELCOME10")
        self.move(o1, "PRESC", *full)
        o2 = self.order("o2", "rohan", [("c_m4", "pharmacy", "l_pharmacy_Chandigarh", None, 1),
                                        ("c_m6", "pharmacy", "l_pharmacy_Chandigarh", None, 2)])
        self.move(o2, "PAID", "CONFIRMED", "PROCESSING")
        o3 = self.order("o3", "meera", [("c_t0", "lab", "l_lab_Bengaluru", "slot_c_t0_1_9", 1)])
        self.move(o3, "PAID", "CONFIRMED")
        o4 = self.order("o4", "asha", [("c_s0", "scan", "l_scan_Mumbai", "slot_c_s0_2_11", 1)])
        self.move(o4, "PAID", "CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY")
        self.order("o5", "rohan", [("c_h0", "physio", None, "slot_c_h0_2_11", 1)])
        o6 = self.order("o6", "meera", [("c_m3", "pharmacy", "l_pharmacy_Mumbai", None, 1)])
        self.move(o6, "PAID")
        o7 = self.order("o7", "meera", [("c_t1", "lab", "l_lab_Bengaluru", "slot_c_t1_1_11", 1)])
        self.move(o7, "PAID", "CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY", "REPORT",
                  "COMPLETED")
        if self.has("public.consult_pricing"):  # consultations are sold once priced
            o8 = self.order("o8", "rohan", [("c_d0", "hospital", "l_hospital_Chandigarh",
                                             "slot_c_d0_3_16", 1)])
            self.move(o8, "PAID", "CONFIRMED")
        # Meera cancels o6 (paid) and is refunded in full; Asha asks back part of a line.
        self.as_(self.id("meera"))
        self.x("SELECT public.cancel_order(%s)", o6.id)
        line = f"(SELECT id FROM public.order_items WHERE order_id = {o6.id.text})"
        paid = ("(SELECT taxable_value + cgst + sgst + utgst + igst FROM public.order_items "
                f"WHERE order_id = {o6.id.text})")
        self.keep("refund_o6", "SELECT (public.request_refund(%s, %s, "
                  "'Cancelled before dispatch')).id", Sql(line), Sql(paid))
        self.as_(None)
        self.x("UPDATE public.refunds SET status = 'APPROVED' WHERE id = %s", ref("refund_o6"))
        self.x("UPDATE public.refunds SET status = 'PROCESSED', gateway_ref = 'rfnd_demo_1', "
               "processed_at = now() WHERE id = %s", ref("refund_o6"))
        self.as_(self.id("asha"))
        cheapest = ("(SELECT id FROM public.order_items WHERE order_id = "
                    f"{o1.id.text} ORDER BY unit_price LIMIT 1)")
        self.x("SELECT public.request_refund(%s, 20, 'One strip was damaged')", Sql(cheapest))
        self.as_(None)
        # An open cart left for later, and last month's payout of the pharmacy.
        self.as_(self.id("asha"))
        cart = self.id("cart_open")
        self.x("INSERT INTO public.carts (id, profile_id) VALUES (%s, %s)", cart, self.id("asha"))
        self.x("INSERT INTO public.cart_items (cart_id, service_catalog_id, qty, vendor_id, "
               "branch_id) VALUES (%s, %s, 1, %s, %s)", cart, self.id("c_m5"),
               self.id("v_pharmacy"), self.id("l_pharmacy_Mumbai"))
        self.as_(None)
        self.x("SELECT public.compute_vendor_payout(%s, (date_trunc('month', now()) - interval "
               "'1 month')::date, (date_trunc('month', now()) - interval '1 day')::date)",
               self.id("v_pharmacy"))

    def run(self) -> Logins:
        self.people()
        self.vendors()
        self.catalogue()
        self.config()
        self.orders()
        return self.logins


def seed_demo(conninfo: str, seed: int = 1, force: bool = False,
              anchor: date | None = None) -> Logins:
    """Load the demo set in one transaction; returns the logins to print."""
    del anchor  # the demo lives around today: its slots are the next seven days
    with psycopg.connect(conninfo, application_name="onemedi-db seed --demo") as conn:
        conn.autocommit = True
        check_target(conn, force)
        conn.autocommit = False
        with conn.transaction():
            return Demo(LiveSink(conn), seed).run()


def demo_script(seed: int = 1) -> str:
    """`supabase/seed.sql`: the statements of `seed --demo --seed SEED` as one transaction,
    for a Supabase project with the whole plan applied (`supabase start`, `db reset`)."""
    sink = ScriptSink()
    logins = Demo(sink, seed).run()
    users = [(logins.admin, "admin", "")] + [(u, "patient", f"{n} ({c})")
                                            for u, n, c in logins.patients]
    users += [(u, "vendor", n) for u, n, _ in logins.vendors]
    head = [
        "-- ONE MEDI demo data for a local Supabase: `supabase start` and `supabase db reset`",
        "-- load this file after supabase/migrations. Written by `onemedi-db export supabase`",
        f"-- from the statements of `onemedi-db seed --demo --seed {seed}`: the same rows, made",
        "-- through the same functions (place_order, cancel_order, request_refund, ...), with",
        "-- today's dates when it runs. Every demo user signs in with its email and the",
        f"-- password {gotrue.DEMO_PASSWORD!r} (supabase.auth.signInWithPassword):",
    ]
    head += [f"--   {logins.emails[u]:<34} {kind:<8} {what}".rstrip() for u, kind, what in users]
    return "\n".join([*head, "", "BEGIN;", "", *sink.statements, "", "COMMIT;", ""])
