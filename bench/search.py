#!/usr/bin/env python3
"""Questions 2 to 4: catalogue search, nearest pharmacies, open slots and orders by date,
each with its index against the same query with index scans turned off (sequential scan).

    .venv/bin/python bench/search.py postgresql://postgres@127.0.0.1:5432/h8_bench
"""

from __future__ import annotations

import sys

import psycopg

import typos
from common import (
    Conn,
    Figure,
    as_user,
    explain,
    latency_figure,
    one,
    set_local,
    summary,
    time_query,
)

SEQ = {"enable_indexscan": "off", "enable_bitmapscan": "off", "enable_indexonlyscan": "off"}


def _under(ms: float) -> object:
    return lambda m, m95, f: m95 < ms


def _faster(m: float, m95: float, f: float) -> bool:
    return m < f


def typo(word: str) -> str:
    """One letter dropped from the middle: 'Paracetamol' -> 'Paracetmol'."""
    i = len(word) // 2
    return word[:i] + word[i + 1:]


def search(conn: Conn, runs: int) -> list[Figure]:
    name = one(conn, "SELECT name FROM public.medicine_master ORDER BY id LIMIT 1")
    brand = name.split()[0]
    prefix = brand[:4]
    generic = "Paracetamol"
    cols = "id, name, generic_name, strength"
    cases = [
        ("name prefix", f"SELECT {cols} FROM public.medicine_master WHERE name ILIKE "
         f"'{prefix}%' ORDER BY name LIMIT 20"),
        ("generic name prefix (full text)", f"SELECT {cols} FROM public.medicine_master "
         "WHERE to_tsvector('simple'::regconfig, name || ' ' || coalesce(generic_name, '')) "
         f"@@ to_tsquery('simple', '{generic[:5].lower()}:*') LIMIT 20"),
        ("name with a one-letter typo", f"SELECT {cols} FROM public.medicine_master WHERE "
         f"'{typo(brand)}' <% name ORDER BY word_similarity('{typo(brand)}', name) DESC "
         "LIMIT 20"),
        ("generic name with a one-letter typo", f"SELECT {cols} FROM public.medicine_master "
         f"WHERE '{typo(generic)}' <% generic_name ORDER BY "
         f"word_similarity('{typo(generic)}', generic_name) DESC, name LIMIT 20"),
    ]
    return [latency_figure(conn, "2. Medicine search", label, q, None, q, "sequential scan",
                           "p95 < 10 ms", _under(10), runs, floor_settings=SEQ,
                           note=f"searched '{prefix}', '{typo(brand)}', '{typo(generic)}'")
            for label, q in cases]


def nearby(conn: Conn, runs: int) -> list[Figure]:
    point = ("extensions.st_setsrid(extensions.st_makepoint(72.8777, 19.0760), 4326)"
             "::extensions.geography")
    q = ("SELECT l.id, l.name, extensions.st_distance(l.coords, p.g) AS metres "
         f"FROM (SELECT {point} AS g) AS p, public.vendor_locations AS l "
         "JOIN public.vendors AS v ON v.id = l.vendor_id "
         "WHERE v.type = 'PHARMACY' AND v.is_active "
         "AND extensions.st_dwithin(l.coords, p.g, 5000) "
         "ORDER BY l.coords OPERATOR(extensions.<->) p.g LIMIT 10")
    return [latency_figure(conn, "3. Nearest pharmacies", "10 nearest open pharmacies within "
                           "5 km (Mumbai centre)", q, None, q, "sequential scan",
                           "p95 < 5 ms", _under(5), runs, floor_settings=SEQ,
                           note="open = the vendor is active (no opening hours in the schema)")]


def add_real_brands(conn: Conn) -> None:
    """The real brands of bench/typos.py, as current medicines (once; the seed's brands are
    invented syllables, so a misspelt real name has thousands of invented neighbours)."""
    for brand, generic, strength in typos.BRANDS:
        conn.execute(
            "INSERT INTO public.medicine_master (id, version, name, generic_name, hsn_code, "
            "prescription_required, drug_schedule, strength) SELECT gen_random_uuid(), 1, "
            "%s, %s, '3004', false, 'OTC', %s WHERE NOT EXISTS (SELECT 1 FROM "
            "public.medicine_master WHERE name = %s)",
            (f"{brand} {strength}", generic, strength, f"{brand} {strength}"))


def a_patient(conn: Conn) -> str:
    """A patient of the seeded data (the first order's), as whom the RPCs are called."""
    return str(one(conn, "SELECT profile_id::text FROM public.orders ORDER BY id LIMIT 1"))


def _found(rows: list[tuple[str, str | None]], meant: str) -> bool:
    brands = {b for b, _, _ in typos.BRANDS}
    if meant in brands:
        return any(name.split()[0] == meant for name, _ in rows)
    return any(generic == meant for _, generic in rows)


def recall(conn: Conn, runs: int) -> list[Figure]:
    """search_medicines as a signed-in patient on every misspelling of bench/typos.py:
    latency over all of them, and how many found what was meant in the top 5. Beside it,
    what 1.0.0's documented search (pg_trgm's <% on the GIN indexes, ranked by word
    similarity) finds for the same text."""
    add_real_brands(conn)
    patient = a_patient(conn)
    rpc = "SELECT name, generic_name FROM public.search_medicines('{q}', 5)"
    old = ("SELECT name, generic_name FROM public.medicine_master WHERE '{q}' <% name OR "
           "'{q}' <% generic_name ORDER BY greatest(word_similarity('{q}', name), "
           "word_similarity('{q}', coalesce(generic_name, ''))) DESC, name LIMIT 5")
    times: list[float] = []
    old_times: list[float] = []
    hits = old_hits = 0
    missed: list[str] = []
    for typed, meant, _ in typos.TYPOS:
        q = typed.replace("'", "''")
        times += time_query(conn, rpc.format(q=q), patient, max(1, runs // 10))
        old_times += time_query(conn, old.format(q=q), patient, 1, warmup=1)
        with conn.transaction():
            as_user(conn, patient)
            if _found(conn.execute(rpc.format(q=q)).fetchall(), meant):
                hits += 1
            else:
                missed.append(f"{typed} ({meant})")
            if _found(conn.execute(old.format(q=q)).fetchall(), meant):
                old_hits += 1
    n = len(typos.TYPOS)
    m, m95 = summary(times)
    f, f95 = summary(old_times)
    fig = Figure("2. Medicine search", f"search_medicines, {n} misspellings, top 5 "
                 f"(recall {hits}/{n} = {100 * hits / n:.1f}%)", "ms", m, m95, f, f95,
                 f"1.0.0's <% search: recall {old_hits}/{n} = {100 * old_hits / n:.1f}%",
                 "p95 < 5 ms and recall >= 95%", m95 < 5 and hits >= 0.95 * n, len(times),
                 plan=explain(conn, rpc.format(q=typos.TYPOS[0][0]), patient),
                 note="as authenticated; missed: " + (", ".join(missed) or "none"))
    fig.extra["recall"] = hits / n
    fig.extra["old_recall"] = old_hits / n
    return [fig]


def nearest(conn: Conn, runs: int) -> list[Figure]:
    """nearest_pharmacies as a signed-in patient, from 20 points where branches are (the
    seed's cities), against the same ten branches found with index scans off."""
    patient = a_patient(conn)
    points = conn.execute(
        "SELECT extensions.st_y(coords::extensions.geometry), "
        "extensions.st_x(coords::extensions.geometry) FROM public.vendor_locations "
        "ORDER BY id LIMIT 20").fetchall()
    times: list[float] = []
    floor: list[float] = []
    same = 0
    for lat, lng in points:
        q = f"SELECT * FROM public.nearest_pharmacies({lat}, {lng}, 10, 10000)"
        times += time_query(conn, q, patient, max(1, runs // 10))
        floor += time_query(conn, q, None, 1, SEQ, warmup=1)
        with conn.transaction():
            got = conn.execute(q).fetchall()
        with conn.transaction():
            set_local(conn, SEQ)
            want = conn.execute(q).fetchall()
        same += [r[0] for r in got] == [r[0] for r in want]
    m, m95 = summary(times)
    f, f95 = summary(floor)
    return [Figure("3. Nearest pharmacies", f"nearest_pharmacies, 10 within 10 km, "
                   f"{len(points)} points", "ms", m, m95, f, f95, "the same RPC, sequential "
                   "scan", "p95 < 2 ms", m95 < 2, len(times),
                   note=f"as authenticated; {same}/{len(points)} points returned the "
                   "sequential scan's branches in its order")]


def slots_and_dates(conn: Conn, runs: int) -> list[Figure]:
    service = one(conn, """
        SELECT service_catalog_id::text FROM public.availability_slots
        WHERE start_time > now() GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""")
    day = one(conn, "SELECT (max(created_at) - interval '30 days')::date::text "
              "FROM public.orders")
    cases = [
        ("open slots of one service, next 7 days",
         "SELECT id, vendor_id, start_time, capacity - booked_count AS seats "
         "FROM public.availability_slots WHERE service_catalog_id = "
         f"'{service}' AND start_time >= now() AND start_time < now() + interval '7 days' "
         "AND booked_count < capacity ORDER BY start_time LIMIT 50"),
        ("open slots of every service, next 7 days (partial index)",
         "SELECT id, service_catalog_id, start_time FROM public.availability_slots "
         "WHERE start_time >= now() AND start_time < now() + interval '7 days' "
         "AND booked_count < capacity ORDER BY start_time LIMIT 200"),
        ("orders of one day (BRIN)",
         "SELECT count(*), sum(net_amount) FROM public.orders "
         f"WHERE created_at >= '{day}' AND created_at < date '{day}' + 1"),
    ]
    return [latency_figure(conn, "4. Slots and dates", label, q, None, q,
                           "without indexes (sequential scan)", "faster than the floor",
                           _faster, runs, floor_settings=SEQ) for label, q in cases]


def run(conn: Conn, runs: int = 50) -> list[Figure]:
    return (search(conn, runs) + recall(conn, runs) + nearby(conn, runs) + nearest(conn, runs)
            + slots_and_dates(conn, runs))


if __name__ == "__main__":
    for url in sys.argv[1:]:
        with psycopg.connect(url, autocommit=True) as c:
            for fig in run(c, 10):
                print(f"{url} | {fig.question} / {fig.name}: {fig.median:.2f} ms "
                      f"(p95 {fig.p95:.2f}) vs {fig.floor_median:.2f} ms -> {fig.ratio:.3f}x "
                      f"met={fig.met}; {fig.note}")
