#!/usr/bin/env python3
"""Questions 2 to 4: catalogue search, nearest pharmacies, open slots and orders by date,
each with its index against the same query with index scans turned off (sequential scan).

    .venv/bin/python bench/search.py postgresql://postgres@127.0.0.1:5432/h8_bench
"""

from __future__ import annotations

import sys

import psycopg

from common import Conn, Figure, latency_figure, one

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
    return search(conn, runs) + nearby(conn, runs) + slots_and_dates(conn, runs)


if __name__ == "__main__":
    with psycopg.connect(sys.argv[1], autocommit=True) as c:
        for fig in run(c, 10):
            print(f"{fig.question} / {fig.name}: {fig.median:.2f} ms (p95 {fig.p95:.2f}) vs "
                  f"{fig.floor_median:.2f} ms -> {fig.ratio:.3f}x met={fig.met}")
