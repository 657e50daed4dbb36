"""The committed schema reference (docs/schema) is what `onemedi-db docs` generates now.

Regenerate with `make docs` after changing the schema; this test is CI's guard against a
stale reference.
"""

from __future__ import annotations

from pathlib import Path

import psycopg

from onemedi_db.reference import schemadoc

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_reference_is_current(schema_db: str) -> None:
    with psycopg.connect(schema_db) as conn:
        pages = schemadoc.render(conn)
    schemadoc.check(pages, ROOT / "docs" / "schema")  # raises DriftFound naming the files
