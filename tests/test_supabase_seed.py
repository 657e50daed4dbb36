"""`export supabase` writes `supabase/seed.sql`: the demo data of `seed --demo`, the same
text every time, with demo users whose rows are what GoTrue (Supabase Auth) needs to let
them sign in with the email and password the README documents.

The exported migrations and seed.sql are applied with psql, as `supabase start` applies
them, to a database holding the stand-in plus GoTrue's own auth columns and identities
(tests/gotrue_auth.sql). What GoTrue needs of a row comes from its user and identity models:
the columns it reads as plain Go strings must hold '' (NULL fails every sign-in), `aud` and
`role` are 'authenticated', `instance_id` the zero uuid, the email confirmed, the password a
bcrypt hash, `raw_app_meta_data` names the email provider, and an `auth.identities` row of
provider email has the user id as `provider_id`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from onemedi_db.engine.scripts import NO_TRANSACTION_MARKER
from onemedi_db.seed.demo import seed_demo
from test_seed import DEMO_CONTENT

ROOT = Path(__file__).resolve().parent.parent
GOTRUE = ROOT / "tests" / "gotrue_auth.sql"
# auth.users columns GoTrue's User model declares as `string` (not *string or NullString).
GO_STRINGS = ["aud", "role", "confirmation_token", "recovery_token",
              "email_change_token_current", "email_change_token_new", "email_change",
              "phone_change_token", "phone_change", "reauthentication_token"]
ZERO_UUID = "00000000-0000-0000-0000-000000000000"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "onemedi_db", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def _psql(url: str, path: Path, single_transaction: bool = True) -> None:
    run = subprocess.run(["psql", "-X", "-q", *(["-1"] if single_transaction else []),
                          "-v", "ON_ERROR_STOP=1", "-d", url, "-f", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, f"{path.name}: {run.stderr}"


def documented_logins() -> dict[str, str]:
    """The README's demo logins: email -> password."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w.]+@demo\.onemedi\.in)` \| `([^`]+)` \|", readme, re.M)
    assert len(rows) >= 3, "the README documents the demo logins in a table"
    return dict(rows)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    run = _cli("export", "supabase", str(out))
    assert run.returncode == 0, run.stderr
    assert "supabase/seed.sql" in run.stdout
    return out / "supabase"


@pytest.fixture(scope="module")
def seeded(exported: Path, make_db: Callable[[str], str]) -> str:
    """A database built as `supabase start` builds one, then seeded with seed.sql."""
    url = make_db("seedsql")
    run = _cli("standin", "install", "--mode", "supabase-2026", "--target", url)
    assert run.returncode == 0, run.stderr
    _psql(url, GOTRUE)
    for path in sorted((exported / "migrations").glob("*.sql")):
        _psql(url, path, NO_TRANSACTION_MARKER not in path.read_text())
    _psql(url, exported / "seed.sql", single_transaction=False)  # it has BEGIN/COMMIT
    return url


def test_seed_sql_is_the_same_text_every_time(exported: Path, tmp_path: Path) -> None:
    again = _cli("export", "supabase", str(tmp_path))
    assert again.returncode == 0, again.stderr
    first = (exported / "seed.sql").read_text()
    assert (tmp_path / "supabase" / "seed.sql").read_text() == first
    assert "BEGIN;" in first and first.rstrip().endswith("COMMIT;")


def test_export_never_overwrites_a_seed_it_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "supabase" / "seed.sql"
    mine.parent.mkdir(parents=True)
    mine.write_text("INSERT INTO my_table VALUES (1);\n")
    refused = _cli("export", "supabase", str(tmp_path))
    assert refused.returncode == 1 and "was not written by onemedi-db" in refused.stderr
    assert mine.read_text() == "INSERT INTO my_table VALUES (1);\n"
    without = _cli("export", "supabase", str(tmp_path), "--no-seed")
    assert without.returncode == 0, without.stderr
    assert mine.read_text() == "INSERT INTO my_table VALUES (1);\n"


def test_every_documented_login_verifies_and_a_wrong_password_does_not(seeded: str) -> None:
    logins = documented_logins()
    with psycopg.connect(seeded) as conn:
        emails = {r[0] for r in conn.execute("SELECT email FROM auth.users")}
        assert emails == set(logins), "the README lists exactly the demo users"
        for email, password in logins.items():
            ok, wrong = conn.execute(
                "SELECT encrypted_password = extensions.crypt(%s, encrypted_password), "
                "encrypted_password = extensions.crypt(%s, encrypted_password) "
                "FROM auth.users WHERE email = %s", (password, password + "x", email)
            ).fetchone()  # type: ignore[misc]
            assert ok and not wrong, email


def test_the_user_rows_have_what_gotrue_reads(seeded: str) -> None:
    with psycopg.connect(seeded) as conn:
        rows = conn.execute(
            "SELECT id::text, email, instance_id::text, encrypted_password, email_confirmed_at,"
            " raw_app_meta_data, deleted_at, banned_until, "
            + ", ".join(GO_STRINGS) + " FROM auth.users").fetchall()
        identities = {r[0]: r[1:] for r in conn.execute(
            "SELECT user_id::text, provider, provider_id, identity_data, email "
            "FROM auth.identities")}
        profiles = {r[0] for r in conn.execute("SELECT id::text FROM public.profiles")}
    assert len(rows) == 13
    for uid, email, instance, hashed, confirmed, app_meta, deleted, banned, *strings in rows:
        assert instance == ZERO_UUID and confirmed is not None, email
        assert deleted is None and banned is None, email
        assert re.fullmatch(r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}", hashed), email
        assert app_meta == {"provider": "email", "providers": ["email"]}, email
        values = dict(zip(GO_STRINGS, strings, strict=True))
        assert values.pop("aud") == values.pop("role") == "authenticated", email
        assert values == dict.fromkeys(values, ""), email  # '' and never NULL
        provider, provider_id, data, identity_email = identities[uid]
        assert (provider, provider_id, identity_email) == ("email", uid, email)
        assert data["sub"] == uid and data["email"] == email and data["email_verified"]
        assert uid in profiles, email


def _counts(conn: psycopg.Connection[Any]) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
        "AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY 1")]
    return {t: conn.execute(sql.SQL("SELECT count(*) FROM public.{}").format(
        sql.Identifier(t))).fetchone()[0] for t in tables}  # type: ignore[index]


def test_seed_sql_makes_the_rows_seed_demo_makes(
    seeded: str, make_db: Callable[[str], str]
) -> None:
    from onemedi_db.engine.config import find_project, resolve_target
    from onemedi_db.engine.plan import parse_plan
    from onemedi_db.engine.runner import Engine, connect

    live = make_db("seedlive")
    run = _cli("standin", "install", "--mode", "supabase-2026", "--target", live)
    assert run.returncode == 0, run.stderr
    _psql(live, GOTRUE)
    project = find_project(ROOT)
    conn = connect(resolve_target(project, live))
    engine = Engine(project, parse_plan(project.plan_file, project.top_dir), conn)
    with engine.locked(60):
        engine.deploy()
    conn.close()
    logins = seed_demo(live, seed=1)  # on GoTrue's auth.users, its users get passwords too
    assert logins.password == documented_logins()[logins.emails[logins.patients[0][0]]]

    contents = []
    for url in (seeded, live):
        with psycopg.connect(url) as c:
            found: dict[str, Any] = {k: c.execute(q.encode()).fetchone()
                                     for k, q in DEMO_CONTENT.items()}
            found["users"] = c.execute(
                "SELECT string_agg(concat_ws(',', id, email, aud, raw_user_meta_data::text), '|'"
                " ORDER BY id) FROM auth.users").fetchone()
            found["counts"] = _counts(c)
            contents.append(found)
    assert contents[0] == contents[1]
    assert contents[0]["counts"]["orders"] == 8 and contents[0]["counts"]["refunds"] == 2
