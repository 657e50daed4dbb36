"""`onemedi-db seed --scale N`: N orders and everything around them, loaded with COPY.

Deterministic from (N, seed, anchor): ids come from a seeded generator and every timestamp
is an offset from the anchor day (default: today, UTC). The load runs with
`session_replication_role = replica`, which skips triggers (foreign-key checks included)
for speed; CHECK, NOT NULL, UNIQUE and EXCLUDE constraints are still enforced by COPY, and the
data is generated to satisfy every trigger-enforced rule (tests/test_seed.py re-checks them,
and every foreign key, by SQL). See docs/decisions/seed-and-benchmarks.md.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
from psycopg import sql

from ..errors import OnemediError
from . import data as D
from .copy import NULL, Clock, Progress, copy_into, write_rows
from .orders import OrderPass, World

HISTORY_DAYS = 365
SLOT_PAST_DAYS = 120
SLOT_AHEAD_DAYS = 14


@dataclass(frozen=True)
class Sizes:
    orders: int
    patients: int
    vendors: int
    locations: int
    medicines: int
    lab_tests: int
    scans: int
    doctors: int
    slots: int
    inventory: int

    @classmethod
    def for_orders(cls, n: int) -> Sizes:
        k = n / 1_000_000
        return cls(
            orders=n, patients=max(40, round(10_000 * k)), vendors=max(12, round(500 * k)),
            locations=max(40, round(50_000 * k)), medicines=max(400, round(200_000 * k)),
            lab_tests=max(12, round(800 * k)), scans=max(8, round(150 * k)),
            doctors=max(6, round(1_000 * k)), slots=max(300, round(600_000 * k)),
            inventory=max(2_000, round(1_000_000 * k)))


@dataclass
class SeedReport:
    sizes: Sizes
    seed: int
    anchor: date
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


class SeedRefused(OnemediError):
    exit_code = 1


def has_data(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM public.profiles) "
                       "OR EXISTS (SELECT 1 FROM public.orders)").fetchone()
    return bool(row and row[0])


def check_target(conn: psycopg.Connection[Any], force: bool) -> None:
    row = conn.execute("SELECT to_regclass('public.orders') IS NOT NULL "
                       "AND to_regclass('public.audit_logs') IS NOT NULL").fetchone()
    if not row or not row[0]:
        raise SeedRefused("the schema is not deployed on this database",
                          hint="run `onemedi-db deploy` on it first")
    if has_data(conn) and not force:
        raise SeedRefused("this database already has profiles or orders; seeding it would mix "
                          "generated rows with real ones",
                          hint="seed a fresh database, or pass --force if that is what you want")


def _replica(conn: psycopg.Connection[Any]) -> None:
    try:
        conn.execute("SET session_replication_role = replica")
    except psycopg.errors.InsufficientPrivilege as exc:
        raise SeedRefused("seed --scale needs a role that may set session_replication_role "
                          "(a superuser, or Supabase's postgres)",
                          hint="connect as such a role; seed --demo needs no such right") from exc


def seed_scale(conninfo: str, n: int, seed: int = 1, force: bool = False,
               anchor: date | None = None, progress: bool = True) -> SeedReport:
    """Load N orders' worth of data; returns counts per table and the wall time."""
    if n < 1:
        raise SeedRefused("--scale must be at least 1")
    anchor = anchor or datetime.now(UTC).date()
    sizes = Sizes.for_orders(n)
    report = SeedReport(sizes, seed, anchor)
    started = time.perf_counter()
    conns = [psycopg.connect(conninfo, application_name="onemedi-db seed") for _ in range(3)]
    try:
        main, items_conn, audit_conn = conns
        main.autocommit = True
        check_target(main, force)
        start = anchor - timedelta(days=HISTORY_DAYS)
        _make_partitions(main, start, anchor + timedelta(days=SLOT_AHEAD_DAYS + 3))
        main.autocommit = False
        for c in conns:
            _replica(c)
            c.execute("SET synchronous_commit = off")
        clock = Clock(start, HISTORY_DAYS + 60)
        total = _expected_rows(sizes)
        with Progress(total, progress) as bar:
            world = World(D_rng(seed), sizes, clock, HISTORY_DAYS * 86400)
            _masters(main, world, bar, report.counts)
            OrderPass(world, bar, report.counts).run(main, items_conn, audit_conn)
            for c in (items_conn, audit_conn, main):
                c.commit()
            bar.stage("vacuum analyze")
            main.autocommit = True
            for table in sorted(report.counts):
                # VACUUM sets the visibility map (index-only scans) and hint bits, as
                # autovacuum would have on a live system; the append-only log only needs
                # its statistics.
                verb = "ANALYZE" if table == "public.audit_logs" else "VACUUM (ANALYZE)"
                main.execute(f"{verb} {table}")
    finally:
        for c in conns:
            c.close()
    report.seconds = time.perf_counter() - started
    return report


def D_rng(seed: int) -> random.Random:
    return random.Random(f"onemedi-seed-{seed}")


# The partition maker is in schema private since change audit_logs was reworked; a database
# deployed only as far as v1.0.0 (bench/audit_chain.py seeds one) has it in public.
_MAKER_SCHEMA = """
    SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.proname = 'create_audit_log_partition' AND n.nspname IN ('private', 'public')
    ORDER BY n.nspname = 'private' DESC LIMIT 1"""


def _make_partitions(conn: psycopg.Connection[Any], first: date, last: date) -> None:
    row = conn.execute(_MAKER_SCHEMA).fetchone()
    if row is None:
        raise SeedRefused("this database has no create_audit_log_partition(date)",
                          hint="deploy the whole plan (`onemedi-db deploy`) first")
    call = sql.SQL("SELECT {}(%s)").format(sql.Identifier(row[0], "create_audit_log_partition"))
    month = first.replace(day=1)
    while month <= last:
        conn.execute(call, (month,))
        month = (month + timedelta(days=32)).replace(day=1)


def _expected_rows(s: Sizes) -> int:
    return (s.orders * 10 + s.inventory + s.slots + s.medicines + s.patients * 6
            + s.locations * 2)


def _masters(conn: psycopg.Connection[Any], w: World, bar: Progress,
             counts: dict[str, int]) -> None:
    """Cities, people, vendors, branches, masters, catalogue, prices and inventory."""
    rng, s, ck = w.rng, w.sizes, w.clock
    t0 = ck.ts(0)
    bar.stage("cities and people")
    roles = dict(conn.execute("SELECT name, id::text FROM public.roles").fetchall())
    for st, name, lat, lon, _ in D.CITIES:
        conn.execute("INSERT INTO public.cities (id, state_code, name, centre, created_at, "
                     "updated_at) VALUES (%s, %s, %s, extensions.st_makepoint(%s, %s)::"
                     "extensions.geography, %s, %s) ON CONFLICT (state_code, name) DO NOTHING",
                     (D.uuid_of(rng), st, name, lon, lat, t0, t0))
    ids = dict(((r[0], r[1]), r[2]) for r in conn.execute(
        "SELECT state_code, name, id::text FROM public.cities"))
    w.city_ids = [ids[(c[0], c[1])] for c in D.CITIES]
    w.utgst = {r[0] for r in conn.execute(
        "SELECT code FROM public.states WHERE uses_utgst")}
    w.slabs = [(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT hsn_code, effective_from, effective_to, (igst * 100)::int FROM public.tax_slabs")]
    weights = [c[4] for c in D.CITIES]
    add = bar.advance
    users: list[str] = []
    profiles: list[str] = []

    def person(kind: str, i: int, phone: str, role: str) -> str:
        pid = D.uuid_of(rng)
        users.append(f"{pid}\t{kind}{i}@seed.onemedi.in\t{t0}\t{t0}\n")
        profiles.append(f"{pid}\t{D.person(rng)}\t{phone}\t{roles[role]}\t{t0}\t{t0}\n")
        return pid

    w.admin = person("admin", 0, "+917700000000", "ADMIN")
    w.patients = [person("patient", i, f"+919{i:09d}", "PATIENT") for i in range(s.patients)]
    w.owners = [person("owner", i, f"+91790{i:07d}", "VENDOR_ADMIN") for i in range(s.vendors)]
    w.staff = [[person("staff", 2 * v + j, f"+918{2 * v + j:09d}", "STAFF") for j in range(2)]
               for v in range(s.vendors)]
    w.doctor_profiles = [person("doctor", i, f"+91780{i:07d}", "STAFF") for i in range(s.doctors)]
    write_rows(conn, "auth.users", "id, email, created_at, updated_at", users, add, counts)
    write_rows(conn, "public.profiles", "id, full_name, phone, role_id, created_at, updated_at",
               profiles, add, counts)
    w.patient_city = rng.choices(range(len(D.CITIES)), weights, k=s.patients)
    _patients(conn, w, add, counts)
    bar.stage("vendors and branches")
    _vendors(conn, w, add, counts)
    bar.stage("medicines and catalogue")
    _catalogue(conn, w, add, counts)


def _pin(city: int, rng: random.Random) -> str:
    return f"{110 + city * 29}{rng.randrange(1000):03d}"


def _point(city: int, rng: random.Random, km: float) -> tuple[float, float]:
    _, _, lat, lon, _ = D.CITIES[city]
    r, a = km * math.sqrt(rng.random()), rng.random() * 2 * math.pi
    return (round(lat + r * math.cos(a) / 111.0, 6),
            round(lon + r * math.sin(a) / (111.0 * math.cos(math.radians(lat))), 6))


def _patients(conn: psycopg.Connection[Any], w: World, add: Any, counts: dict[str, int]) -> None:
    rng, t0 = w.rng, w.clock.ts(0)
    with copy_into(conn, "public.addresses", "id, profile_id, tag, line_1, city_id, pincode, "
                   "coords, is_default, created_at, updated_at", add, counts) as out:
        for i, pid in enumerate(w.patients):
            city = w.patient_city[i]
            aid, pin = D.uuid_of(rng), _pin(city, rng)
            lat, lon = _point(city, rng, 12)
            line = f"{rng.randrange(1, 400)}, {rng.choice(D.LAST)} Nagar"
            out.row(f"{aid}\t{pid}\tHome\t{line}\t{w.city_ids[city]}\t{pin}\t"
                    f"SRID=4326;POINT({lon} {lat})\tt\t{t0}\t{t0}\n")
            st, cname = D.CITIES[city][0], D.CITIES[city][1]
            w.address.append((aid, st, f'{{"city": "{cname}", "line_1": "{line}", '
                              f'"pincode": "{pin}", "state_code": "{st}"}}'))
            if rng.random() < 0.4:
                out.row(f"{D.uuid_of(rng)}\t{pid}\tWork\t{rng.randrange(1, 90)}, Tech Park"
                        f"\t{w.city_ids[city]}\t{_pin(city, rng)}\t{NULL}\tf\t{t0}\t{t0}\n")
    with copy_into(conn, "public.family_members", "id, owner_id, name, relation, dob, "
                   "medical_history, created_at, updated_at", add, counts) as out:
        for pid in w.patients:
            members = []
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                fid = D.uuid_of(rng)
                dob = date(1940, 1, 1) + timedelta(days=rng.randrange(80 * 365))
                out.row(f"{fid}\t{pid}\t{D.person(rng)}\t{rng.choice(D.RELATIONS)}\t{dob}\t"
                        f'{{"allergies": []}}\t{t0}\t{t0}\n')
                members.append(fid)
            w.family.append(members)
    with copy_into(conn, "public.carts", "id, profile_id, status, created_at, updated_at",
                   add, counts) as out:
        for pid in w.patients:
            if rng.random() < 0.3:
                cid = D.uuid_of(rng)
                out.row(f"{cid}\t{pid}\tOPEN\t{t0}\t{t0}\n")
                w.carts.append(cid)


def _vendors(conn: psycopg.Connection[Any], w: World, add: Any, counts: dict[str, int]) -> None:
    rng, s, t0 = w.rng, w.sizes, w.clock.ts(0)
    kinds = ["PHARMACY", "DIAGNOSTIC_LAB", "SCAN_CENTER", "HOSPITAL", "PHYSIO_AGENCY"]
    w.vendor_type = kinds + rng.choices(kinds, [60, 20, 8, 8, 4], k=s.vendors - len(kinds))
    non_pharmacy = {"DIAGNOSTIC_LAB": 5, "SCAN_CENTER": 2, "HOSPITAL": 2, "PHYSIO_AGENCY": 1}
    counts_per = [non_pharmacy.get(t, 0) for t in w.vendor_type]
    pharmacies = [v for v, t in enumerate(w.vendor_type) if t == "PHARMACY"]
    left = max(len(pharmacies), s.locations - sum(counts_per))
    for j, v in enumerate(pharmacies):
        counts_per[v] = left // len(pharmacies) + (1 if j < left % len(pharmacies) else 0)
    weights = [c[4] for c in D.CITIES]
    with copy_into(conn, "public.vendors", "id, name, type, owner_id, commission_rate, "
                   "is_active, created_at, updated_at", add, counts) as out:
        for v, kind in enumerate(w.vendor_type):
            vid = D.uuid_of(rng)
            w.vendors.append(vid)
            w.commission.append(rng.choice((5, 8, 10, 12, 15)))
            name = f"{rng.choice(D.LAST)} {kind.replace('_', ' ').title()} {v}"
            out.row(f"{vid}\t{name}\t{kind}\t{w.owners[v]}\t{w.commission[v]}.00\tt\t{t0}\t{t0}\n")
    with copy_into(conn, "public.vendor_locations", "id, vendor_id, city_id, name, "
                   "address_line, pincode, coords, is_open_24x7, created_at, updated_at",
                   add, counts) as out:
        for v, n_loc in enumerate(counts_per):
            home = rng.choices(range(len(D.CITIES)), weights)[0]
            w.vendor_locs.append([])
            for k in range(n_loc):
                city = home if k == 0 or rng.random() < 0.3 else \
                    rng.choices(range(len(D.CITIES)), weights)[0]
                lid = D.uuid_of(rng)
                lat, lon = _point(city, rng, 15)
                out.row(f"{lid}\t{w.vendors[v]}\t{w.city_ids[city]}\tBranch {k + 1}\t"
                        f"{rng.randrange(1, 300)} Main Road\t{_pin(city, rng)}\t"
                        f"SRID=4326;POINT({lon} {lat})\t{'t' if rng.random() < 0.15 else 'f'}"
                        f"\t{t0}\t{t0}\n")
                w.loc_vendor.append(v)
                w.loc_city.append(city)
                w.loc_ids.append(lid)
                w.vendor_locs[v].append(len(w.loc_ids) - 1)
                w.by_type_city.setdefault((w.vendor_type[v], city), []).append(len(w.loc_ids) - 1)
                w.by_type.setdefault(w.vendor_type[v], []).append(len(w.loc_ids) - 1)
    with copy_into(conn, "public.vendor_staff", "id, vendor_id, user_id, branch_id, "
                   "access_level, created_at, updated_at", add, counts) as out:
        for v, members in enumerate(w.staff):
            first = w.loc_ids[w.vendor_locs[v][0]]
            out.row(f"{D.uuid_of(rng)}\t{w.vendors[v]}\t{members[0]}\t{NULL}\tADMIN\t{t0}\t{t0}\n")
            out.row(f"{D.uuid_of(rng)}\t{w.vendors[v]}\t{members[1]}\t{first}\tSTAFF\t{t0}\t{t0}\n")
    # Sellers of taxable goods (pharmacies, hospitals) register in every state they have a
    # branch in, under one PAN; labs, scan centres and the rest supply exempt services only.
    pans = [D.pan(rng) for _ in w.vendors]
    with copy_into(conn, "public.gst_registrations", "id, vendor_id, gstin, registration_type, "
                   "valid_from, created_at, updated_at", add, counts) as out:
        for v, vid in enumerate(w.vendors):
            if w.vendor_type[v] not in ("PHARMACY", "HOSPITAL"):
                continue
            for state in sorted({D.CITIES[w.loc_city[loc]][0] for loc in w.vendor_locs[v]}):
                rid, number = D.uuid_of(rng), D.gstin(state, rng, pans[v])
                w.registration[(v, state)] = (rid, number)
                out.row(f"{rid}\t{vid}\t{number}\tREGULAR\t2017-07-01\t{t0}\t{t0}\n")
    with copy_into(conn, "public.vendor_kyc", "id, vendor_id, branch_id, gstin, dl_number, "
                   "license_url, verified_at, verified_by, created_at, updated_at",
                   add, counts) as out:
        for v, vid in enumerate(w.vendors):
            state = D.CITIES[w.loc_city[w.vendor_locs[v][0]]][0]
            dl = f"DL-{state}-{20 + v}/{21 + v}" if w.vendor_type[v] == "PHARMACY" else NULL
            number = w.registration.get((v, state), (None, D.gstin(state, rng, pans[v])))[1]
            out.row(f"{D.uuid_of(rng)}\t{vid}\t{NULL}\t{number}\t{dl}\t"
                    f"{vid}/kyc.pdf\t{t0}\t{w.admin}\t{t0}\t{t0}\n")


def _catalogue(conn: psycopg.Connection[Any], w: World, add: Any, counts: dict[str, int]) -> None:
    from .catalogue import load_catalogue

    load_catalogue(conn, w, add, counts)


def proportions_markdown(report: SeedReport, command: str) -> str:
    """The proportions section of docs/benchmarks.md for one run."""
    n = report.sizes.orders
    lines = [f"`{command}` (seed {report.seed}, anchor {report.anchor}): "
             f"{report.rows:,} rows in {report.seconds:.1f} s "
             f"({report.rows / max(report.seconds, 1e-9):,.0f} rows/s).", "",
             "| table | rows | per order |", "|---|---:|---:|"]
    for table, rows in sorted(report.counts.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {table} | {rows:,} | {rows / n:.3f} |")
    lines += ["", "Sizes asked for: " + ", ".join(f"{k} {v:,}" for k, v in
                                                   asdict(report.sizes).items()) + "."]
    return "\n".join(lines)
