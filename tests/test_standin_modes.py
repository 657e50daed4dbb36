"""The stand-in's modes behave as the platform does (docs/security.md, "Platform steps").

Each test runs in every mode ONEMEDI_STANDIN_MODES selects, on the harness's own cluster,
as the NOSUPERUSER `postgres` that deployed the plan there. Expected values are Supabase's
documented behaviour (roles, default privileges, GoTrue's auth.users, the storage service's
delete protection, API role timeouts), never read back from the stand-in's own SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest

from standin_support import (
    HOSTED_ATTRIBUTES,
    ScratchDatabases,
    deploy_as_postgres,
    selected_modes,
    url_as,
)

MODES = selected_modes()
PLATFORM = ("supabase-2024", "supabase-2026")
DENIED = "42501"


@pytest.fixture(scope="module")
def scratch() -> Iterator[Callable[[str], str]]:
    dbs = ScratchDatabases()
    yield dbs
    dbs.drop_all()


def _rows(url: str, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(query, params).fetchall()


def _one(url: str, query: str, *params: Any) -> Any:
    rows = _rows(url, query, *params)
    return rows[0][0] if rows else None


def test_the_deploying_role_is_postgres_as_supabase_hosts_it(
    standin_db: Callable[[str], str]
) -> None:
    url = standin_db(MODES[0])
    cols = ", ".join(HOSTED_ATTRIBUTES)
    row = _rows(url, f"SELECT {cols} FROM pg_roles WHERE rolname = 'postgres'")[0]
    assert dict(zip(HOSTED_ATTRIBUTES, row, strict=True)) == HOSTED_ATTRIBUTES
    member = {r[0] for r in _rows(url, "SELECT b.rolname FROM pg_auth_members AS m "
                                       "JOIN pg_roles AS b ON b.oid = m.roleid "
                                       "WHERE m.member = 'postgres'::regrole")}
    # The platform's memberships, and om_admin: change admin_role lets the deployer act as
    # an admin's requests do, as it may act as the API roles.
    assert member == {"anon", "authenticated", "service_role", "pg_read_all_data", "pg_monitor",
                      "pg_signal_backend", "om_admin"}
    assert _one(url, "SELECT count(*) FROM pg_class WHERE relowner = 'postgres'::regrole "
                     "AND relnamespace IN ('auth'::regnamespace, 'storage'::regnamespace)") == 0
    with psycopg.connect(url) as conn:
        conn.execute("SET LOCAL session_replication_role = replica")  # supautils' grant
        with pytest.raises(psycopg.errors.InsufficientPrivilege,
                           match='permission denied to create extension "pageinspect"'):
            conn.execute("CREATE EXTENSION pageinspect")  # not trusted: the platform's


def test_only_a_superuser_installs_it(scratch: Callable[[str], str]) -> None:
    from onemedi_db.supabase import standin

    url = url_as("postgres", scratch(MODES[0]))
    with psycopg.connect(url, autocommit=True) as conn, pytest.raises(
        standin.StandinError, match="needs a superuser"
    ):
        standin.install(conn, MODES[0])


@pytest.mark.parametrize("mode", MODES)
def test_default_privileges_are_the_modes(standin_db: Callable[[str], str], mode: str) -> None:
    url = standin_db(mode)
    with psycopg.connect(url) as conn:  # objects made as the deployer, rolled back
        conn.execute("CREATE TABLE public.probe (id int); CREATE SEQUENCE public.probe_seq; "
                     "CREATE FUNCTION public.probe_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'")
        table, seq, fn = conn.execute(
            "SELECT has_table_privilege('anon', 'public.probe', 'SELECT, INSERT, DELETE'), "
            "has_sequence_privilege('authenticated', 'public.probe_seq', 'USAGE'), "
            "has_function_privilege('anon', 'public.probe_fn()', 'EXECUTE')").fetchone()
        explicit = conn.execute(
            "SELECT count(*) FROM pg_proc, aclexplode(proacl) AS a "
            "WHERE proname = 'probe_fn' AND a.grantee = 'anon'::regrole").fetchone()[0]
        conn.rollback()
    assert (table, seq) == ((True, True) if mode == "supabase-2024" else (False, False))
    assert fn is True, "PostgreSQL itself grants EXECUTE on a new function to PUBLIC"
    assert explicit == (1 if mode == "supabase-2024" else 0)


@pytest.mark.parametrize("mode", MODES)
def test_direct_deletes_from_storage_need_the_storage_apis_setting(
    standin_db: Callable[[str], str], mode: str
) -> None:
    with psycopg.connect(standin_db(mode)) as conn:
        for table in ("storage.objects", "storage.buckets"):
            if mode not in PLATFORM:  # the kinder plain mode lets anyone with DELETE delete
                conn.execute(f"DELETE FROM {table} WHERE false")
                conn.rollback()
                continue
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                conn.execute(f"DELETE FROM {table} WHERE false")  # even when no row matches
            assert refused.value.diag.message_primary == (
                "Direct deletion from storage tables is not allowed. Use the Storage API instead.")
            conn.rollback()
            conn.execute("SET LOCAL storage.allow_delete_query = 'true'")
            conn.execute(f"DELETE FROM {table} WHERE false")
            conn.commit()  # the setting was the transaction's only
            assert conn.execute("SELECT current_setting('storage.allow_delete_query', true)"
                                ).fetchone()[0] in (None, "")


@pytest.mark.parametrize("mode", MODES)
def test_auth_users_is_gotrues_table(standin_db: Callable[[str], str], mode: str) -> None:
    url = standin_db(mode)
    columns = _one(url, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'auth.users'::regclass"
                        " AND attnum > 0 AND NOT attisdropped")
    id_default = _one(url, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef "
                           "WHERE adrelid = 'auth.users'::regclass AND adnum = 1")
    service = _one(url, "SELECT has_table_privilege('service_role', 'auth.users', "
                        "'SELECT, INSERT, UPDATE, DELETE')")
    rls = _one(url, "SELECT relrowsecurity FROM pg_class WHERE oid = 'auth.users'::regclass")
    if mode in PLATFORM:
        assert (columns, id_default, service, rls) == (35, None, False, True)
        assert _one(url, "SELECT indexdef FROM pg_indexes WHERE indexname = "
                         "'users_email_partial_key'") == (
            "CREATE UNIQUE INDEX users_email_partial_key ON auth.users USING btree (email) "
            "WHERE (is_sso_user = false)")
        assert _one(url, "SELECT contype FROM pg_constraint WHERE conname = 'users_phone_key' "
                         "AND conrelid = 'auth.users'::regclass") == "u"
        assert _one(url, "SELECT to_regclass('auth.identities') IS NOT NULL") is True
    else:  # the kinder short table the project used before the platform modes
        assert (columns, id_default, service) == (7, "gen_random_uuid()", True)


@pytest.mark.parametrize("mode", MODES)
def test_the_api_roles_have_the_hosted_timeouts(
    standin_db: Callable[[str], str], mode: str
) -> None:
    url = standin_db(mode)
    name = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    with psycopg.connect(url_as("authenticator", str(name))) as conn:  # logs in as PostgREST
        seen = conn.execute("SELECT current_setting('statement_timeout'), "
                            "current_setting('lock_timeout')").fetchone()
    settings = {r[0]: sorted(r[1]) for r in _rows(
        url, "SELECT r.rolname, s.setconfig FROM pg_db_role_setting AS s "
             "JOIN pg_roles AS r ON r.oid = s.setrole WHERE s.setdatabase = "
             "(SELECT oid FROM pg_database WHERE datname = current_database())")}
    # The plan's own setting (change api_roles_no_jit), beside the platform's.
    ours = {role: "jit=off" in values for role, values in settings.items()}
    assert ours == {"anon": True, "authenticated": True, "om_admin": True,
                    **({"authenticator": False} if mode in PLATFORM else {})}
    platform = {role: [v for v in values if v != "jit=off"] for role, values in settings.items()}
    platform = {role: values for role, values in platform.items() if values}
    if mode in PLATFORM:
        assert seen == ("8s", "8s")
        assert platform == {"anon": ["statement_timeout=3s"],
                            "authenticated": ["statement_timeout=8s"],
                            "authenticator": ["lock_timeout=8s", "statement_timeout=8s"]}
    else:
        assert seen == ("0", "0") and platform == {}


@pytest.mark.parametrize("mode", MODES)
def test_storage_path_helpers(standin_db: Callable[[str], str], mode: str) -> None:
    url = standin_db(mode)
    got = _rows(url, "SELECT storage.foldername(n), storage.filename(n), storage.extension(n) "
                     "FROM unnest(ARRAY['a1/d2/cbc.pdf', 'banners/diwali.png', 'logo.png']) AS n")
    assert got == [(["a1", "d2"], "cbc.pdf", "pdf"), (["banners"], "diwali.png", "png"),
                   ([], "logo.png", "png")]
    languages = {r[0] for r in _rows(url, "SELECT l.lanname FROM pg_proc AS p JOIN pg_language "
                                          "AS l ON l.oid = p.prolang WHERE p.pronamespace = "
                                          "'storage'::regnamespace AND p.proname IN "
                                          "('foldername', 'filename', 'extension')")}
    assert languages == ({"plpgsql"} if mode in PLATFORM else {"sql"})


@pytest.mark.parametrize("mode", MODES)
def test_postgres_manages_storage_policies_but_not_the_table(
    standin_db: Callable[[str], str], mode: str
) -> None:
    with psycopg.connect(standin_db(mode)) as conn:
        conn.execute("CREATE POLICY probe ON storage.objects FOR SELECT TO authenticated "
                     "USING (false)")
        conn.execute("DROP POLICY probe ON storage.objects")
        assert conn.execute("SELECT pg_has_role('postgres', 'supabase_storage_admin', 'MEMBER')"
                            ).fetchone() == (False,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
            conn.execute("ALTER TABLE storage.objects DISABLE ROW LEVEL SECURITY")
        conn.rollback()


@pytest.mark.parametrize("mode", MODES)
def test_the_whole_plan_reverts_and_the_standin_comes_out(
    scratch: Callable[[str], str], mode: str
) -> None:
    """With storage's delete protection on (the platform modes), as the platform's postgres."""
    from onemedi_db.engine.config import find_project, resolve_target
    from onemedi_db.engine.plan import parse_plan
    from onemedi_db.engine.runner import Engine, connect
    from onemedi_db.supabase import standin

    name = scratch(mode)
    url = url_as("postgres", name)
    deploy_as_postgres(url)
    project = find_project()
    conn = connect(resolve_target(project, url))
    try:
        engine = Engine(project, parse_plan(project.plan_file, project.top_dir), conn)
        with engine.locked(60):
            engine.revert(engine.revert_plan(None))
        assert engine.deployed() == []
    finally:
        conn.close()
    with psycopg.connect(url_as("supabase_admin", name), autocommit=True) as admin:
        standin.remove(admin)
        assert admin.execute("SELECT to_regnamespace('auth'), to_regnamespace('storage'), "
                             "to_regnamespace('extensions')").fetchone() == (None, None, None)


@pytest.mark.parametrize("mode", MODES)
def test_exact_privileges_revert_to_what_the_platform_gave(
    scratch: Callable[[str], str], mode: str
) -> None:
    """api_grants_exact replaces the default privileges' grants and its revert puts back
    exactly those (pg_dump, grants included, is the same before and after)."""
    import subprocess

    from onemedi_db.engine.config import find_project, resolve_target
    from onemedi_db.engine.plan import parse_plan
    from onemedi_db.engine.runner import Engine, connect

    url = url_as("postgres", scratch(mode))
    project = find_project()
    conn = connect(resolve_target(project, url))

    def dump() -> str:
        out = subprocess.run(["pg_dump", "--schema-only", "--no-owner", "--exclude-schema=sqitch",
                              url], check=True, capture_output=True, text=True).stdout
        return "\n".join(ln for ln in out.splitlines() if not ln.startswith("\\"))

    try:
        engine = Engine(project, parse_plan(project.plan_file, project.top_dir), conn)
        with engine.locked(60):
            engine.deploy(to="api_grants_exact^")
            before = dump()
            engine.deploy(to="api_grants_exact")
            anon_reads = _one(url, "SELECT has_column_privilege('anon', 'public.vendors', "
                              "'commission_rate', 'SELECT')")
            engine.revert(engine.revert_plan("api_grants_exact^"))
            after = dump()
    finally:
        conn.close()
    assert anon_reads is False
    assert after == before
