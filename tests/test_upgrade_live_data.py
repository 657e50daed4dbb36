"""Upgrading a live 1.0.0 database: the changes after the tag meet rows the old rules let in.

A database is deployed to the last change before issue 13's (1.0.0 and two changes), given
the data a live project would have (an order placed by the 1.0.0 checkout, its invoice, a
KYC GSTIN) and the data the new rules refuse (a NaN price, 5,000 units on a cart line);
then the rest of the plan is deployed. The validating changes must refuse, name what is
wrong and leave database and registry as before the run; once the rows are corrected the
upgrade goes through and keeps the old order as it was sold.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from onemedi_db.engine.config import find_project, resolve_target
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.runner import Engine, connect
from onemedi_db.errors import ScriptFailed
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent
LAST_OF_1_0 = "booking_fulfillment_moves"

PATIENT, OWNER = uuid.uuid4(), uuid.uuid4()
VENDOR, BRANCH, CITY, ADDRESS = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
GOOD, BAD = uuid.uuid4(), uuid.uuid4()  # medicines: one fine, one priced NaN
CART, BIG_CART = uuid.uuid4(), uuid.uuid4()


def _engine(url: str) -> tuple[Engine, psycopg.Connection[Any]]:
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    conn = connect(resolve_target(project, url))
    return Engine(project, plan, conn), conn


def _live_1_0_data(url: str) -> uuid.UUID:
    """What a 1.0.0 project holds, good and bad; returns the order its checkout placed."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO auth.users (id, email) VALUES (%s, 'live-p@t.in'), (%s, 'live-o@t.in')",
            (PATIENT, OWNER),
        )
        conn.execute(
            "INSERT INTO public.profiles (id, full_name, role_id) SELECT u, 'Live', r.id"
            " FROM unnest(%s::uuid[]) AS u, public.roles AS r WHERE r.name = 'PATIENT'",
            ([PATIENT, OWNER],),
        )
        conn.execute(
            "INSERT INTO public.cities (id, state_code, name) VALUES (%s, '29', 'Live city')",
            (CITY,),
        )
        conn.execute(
            "INSERT INTO public.addresses (id, profile_id, line_1, city_id, pincode)"
            " VALUES (%s, %s, '1 MG Road', %s, '560001')",
            (ADDRESS, PATIENT, CITY),
        )
        conn.execute(
            "INSERT INTO public.vendors (id, name, type, owner_id, is_active) VALUES"
            " (%s, 'Live pharmacy', 'PHARMACY', %s, true)",
            (VENDOR, OWNER),
        )
        conn.execute(
            "INSERT INTO public.vendor_locations (id, vendor_id, city_id, coords)"
            " VALUES (%s, %s, %s, 'SRID=4326;POINT(77.59 12.97)')",
            (BRANCH, VENDOR, CITY),
        )
        # A regular GSTIN, and one with X at position 14 that 1.0.0 accepted (any letter):
        # check characters from an independent implementation of GSTN's algorithm.
        conn.execute(
            "INSERT INTO public.vendor_kyc (vendor_id, gstin) VALUES"
            " (%s, '29AAACT7777B1Z3'), (%s, '29AAACT7777B1X7')",
            (VENDOR, VENDOR),
        )
        for medicine, price in ((GOOD, "33.33"), (BAD, "NaN")):
            catalog = uuid.uuid4()
            conn.execute(
                "INSERT INTO public.medicine_master (id, name, hsn_code)"
                " VALUES (%s, %s, '3004')",
                (medicine, f"Live medicine {medicine.hex[:6]}"),
            )
            conn.execute(
                "INSERT INTO public.service_catalog (id, service_type, ref_table, ref_id)"
                " VALUES (%s, 'MEDICINE', 'medicine_master', %s)",
                (catalog, medicine),
            )
            conn.execute(
                "INSERT INTO public.medicine_inventory"
                " (medicine_id, vendor_id, branch_id, stock_qty, price, mrp)"
                " VALUES (%s, %s, %s, 100, %s::numeric, %s::numeric)",
                (medicine, VENDOR, BRANCH, price, "40" if price != "NaN" else "NaN"),
            )
            if medicine == GOOD:
                good_catalog = catalog
        conn.execute(
            "INSERT INTO public.carts (id, profile_id) VALUES (%s, %s)", (CART, PATIENT)
        )
        conn.execute(
            "INSERT INTO public.cart_items"
            " (cart_id, service_catalog_id, qty, vendor_id, branch_id)"
            " VALUES (%s, %s, 3, %s, %s)",
            (CART, good_catalog, VENDOR, BRANCH),
        )
        # The 1.0.0 checkout, as the patient: tax added on top, the invoice at checkout.
        with conn.transaction():
            conn.execute("SET LOCAL ROLE authenticated")
            conn.execute(
                "SELECT set_config('request.jwt.claims', %s, true)",
                (json.dumps({"sub": str(PATIENT), "role": "authenticated"}),),
            )
            row = conn.execute(
                "SELECT (public.place_order(%s, %s)).id", (CART, ADDRESS)
            ).fetchone()
        assert row is not None
        # A cart a patient filled while there was no ceiling.
        conn.execute(
            "INSERT INTO public.carts (id, profile_id) VALUES (%s, %s)", (BIG_CART, PATIENT)
        )
        conn.execute(
            "INSERT INTO public.cart_items (cart_id, service_catalog_id, qty)"
            " VALUES (%s, %s, 5000)",
            (BIG_CART, good_catalog),
        )
        return uuid.UUID(str(row[0]))


def _deployed(engine: Engine) -> list[str]:
    return [d.change for d in engine.deployed()]


def test_upgrade_refuses_bad_rows_then_keeps_the_old_order_as_sold(
    make_db: Callable[[str], str],
) -> None:
    url = make_db("upgrade")
    engine, conn = _engine(url)
    with engine.locked(60):
        standin.install(conn)
        engine.deploy(to=LAST_OF_1_0)
    order_id = _live_1_0_data(url)

    # 1. The NaN price stops the upgrade at money_domains_validate, naming both columns.
    with engine.locked(60), pytest.raises(ScriptFailed) as failed:
        engine.deploy()
    assert "money_domains_validate" in str(failed.value)
    assert "medicine_inventory.mrp (1), medicine_inventory.price (1)" in str(failed.value)
    assert _deployed(engine)[-1] == LAST_OF_1_0, "the run was not rolled back"
    assert conn.execute("SELECT to_regtype('public.inr')").fetchone() == (None,)

    # 2. With the price corrected, the 5,000-unit cart line stops it at checkout_validate.
    conn.execute("UPDATE public.medicine_inventory SET price = 10, mrp = 12 WHERE medicine_id = %s",
                 (BAD,))
    with engine.locked(60), pytest.raises(ScriptFailed) as failed:
        engine.deploy()
    assert "checkout_validate" in str(failed.value)
    assert "cart_items_qty_at_most_1000 (1 rows)" in str(failed.value)
    assert _deployed(engine)[-1] == LAST_OF_1_0

    # 3. Corrected, the upgrade goes through.
    conn.execute("UPDATE public.cart_items SET qty = 1000 WHERE cart_id = %s", (BIG_CART,))
    with engine.locked(60):
        engine.deploy()
    assert _deployed(engine)[-1] == engine.plan.changes[-1].name

    # The regular KYC GSTIN became the vendor's Karnataka registration; the other did not.
    assert conn.execute(
        "SELECT gstin, registration_type::text, state_code FROM public.gst_registrations"
        " WHERE vendor_id = %s", (VENDOR,),
    ).fetchall() == [("29AAACT7777B1Z3", "REGULAR", "29")]

    # The 1.0.0 order is kept as it was sold: tax on top, its invoice a LEGACY_INVOICE.
    # 3 x 33.33 = 99.99 at 5%: 99.99 * 5 / 200 = 2.49975, so 2.50 + 2.50 on top.
    row = conn.execute(
        "SELECT tax_basis::text, gross_amount::text, tax_amount::text, net_amount::text"
        " FROM public.orders WHERE id = %s", (order_id,),
    ).fetchone()
    assert row == ("EXCLUSIVE", "99.99", "5.00", "104.99")
    assert conn.execute(
        "SELECT document_kind::text FROM public.order_invoices WHERE order_id = %s", (order_id,)
    ).fetchall() == [("LEGACY_INVOICE",)]

    # Dispatched after the upgrade, it gets no second document.
    for status in ("CONFIRMED", "PROCESSING", "OUT_FOR_DELIVERY"):
        conn.execute("UPDATE public.orders SET status = %s WHERE id = %s", (status, order_id))
    assert conn.execute(
        "SELECT count(*) FROM public.order_invoices WHERE order_id = %s", (order_id,)
    ).fetchone() == (1,)
    conn.close()
