"""The audit log's hash chain on committed data (issue 13): recomputed outside the database
from its documented canonical form, written by concurrent writers that never wait for each
other, built on live rows by the migration (which also redacts free-text ACCESS contexts),
and deployable by a role that may not create event triggers."""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from conftest import ADMIN_URL, db_url, deployed_db
from onemedi_db.engine.config import find_project, resolve_target
from onemedi_db.engine.doctor import audit_checks
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.runner import Engine, connect
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent
FIRST_AUDIT_CHANGE = "audit_actor"
ANSWER_ROWS = "SELECT * FROM public.verify_audit_log_chain()"


def _json(value: str | None) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def canonical(row: tuple[Any, ...]) -> str:
    """The canonical text the docs promise: a JSON array printed as PostgreSQL prints jsonb
    (", " between elements), the states as PostgreSQL prints them, created_at in UTC."""
    rid, actor, kind, etype, eid, action, before, after, created = row
    return "[" + ", ".join([
        _json(rid), _json(actor), _json(kind), _json(etype), _json(eid), _json(action),
        before if before is not None else "null", after if after is not None else "null",
        _json(created)]) + "]"


def _commit_rows(url: str) -> None:
    """Audit rows from several writers: triggers (roles), log_access, a raw owner insert."""
    pid = str(uuid.uuid4())
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO auth.users (id, email) VALUES (%s, 'x@chain.example.in')",
                     (pid,))
        conn.execute("INSERT INTO public.profiles (id, full_name, role_id) SELECT %s, 'Chain', "
                     "id FROM public.roles WHERE name = 'PATIENT'", (pid,))
        conn.execute("INSERT INTO public.roles (name) VALUES ('CHAIN_T1'), ('CHAIN_T2')")
        conn.execute("UPDATE public.roles SET permissions = '{\"x\": \"ä €\"}' "
                     "WHERE name = 'CHAIN_T1'")
        conn.execute("INSERT INTO public.audit_logs (entity_type, entity_id, action, "
                     "before_state, after_state, created_at) VALUES ('orders', 'o-é', 'UPDATE',"
                     " '{\"b\": [1, 2.50, null], \"a\": {\"z\": true}}', '{\"q\": \"x\\\"y\"}',"
                     " '2025-04-30 23:59:59.5+00')")
        with conn.transaction():
            conn.execute("SELECT set_config('request.jwt.claims', '{\"role\": "
                         "\"service_role\"}', true)")
            conn.execute("SELECT set_config('onemedi.actor_id', %s, true)", (pid,))
            conn.execute("SELECT public.log_access('profiles', %s, '{\"purpose\": \"audit\"}')",
                         (pid,))


def test_the_chain_is_recomputed_outside_the_database(make_db: Callable[[str], str]) -> None:
    url = deployed_db(make_db, "chainx")
    _commit_rows(url)
    with psycopg.connect(url, autocommit=True) as conn:
        heads = conn.execute("SELECT month::text, seq, chain_hash "
                             "FROM public.audit_log_chain_heads()").fetchall()
        rows = conn.execute(
            "SELECT l.month::text, l.seq, l.row_hash, l.chain_hash, a.id::text, a.actor_id::text,"
            " a.actor_kind::text, a.entity_type, a.entity_id, a.action::text, "
            "a.before_state::text, a.after_state::text, to_char(a.created_at AT TIME ZONE "
            "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM private.audit_log_chain AS l "
            "JOIN public.audit_logs AS a ON a.id = l.audit_id AND a.created_at = "
            "l.audit_created_at ORDER BY l.month, l.seq").fetchall()
    assert len(rows) >= 4
    previous: dict[str, bytes] = {}
    for month, seq, row_hash, chain_hash, *audit in rows:
        mine = hashlib.sha256(canonical(tuple(audit)).encode("utf-8")).digest()
        assert mine == bytes(row_hash), (month, seq, canonical(tuple(audit)))
        link = hashlib.sha256(previous.get(month, b"") + mine).digest()
        assert link == bytes(chain_hash), (month, seq)
        previous[month] = link
    assert {(m, s, h) for m, s, h in heads} == {
        (m, max(s for mm, s, *_ in rows if mm == m), previous[m].hex()) for m in previous}


def test_concurrent_writers_are_each_linked_once(make_db: Callable[[str], str]) -> None:
    url = deployed_db(make_db, "chaincc")
    errors: list[BaseException] = []
    start = threading.Barrier(9)

    def writer(k: int) -> None:
        try:
            with psycopg.connect(url) as conn:
                start.wait()
                for i in range(40):
                    with conn.transaction():
                        conn.execute("INSERT INTO public.roles (name) VALUES (%s)",
                                     (f"CC_{k}_{i}",))
                        conn.execute("UPDATE public.roles SET permissions = '{\"n\": 1}' "
                                     "WHERE name = %s", (f"CC_{k}_{i}",))
        except BaseException as exc:  # reported below
            errors.append(exc)

    def sealer() -> None:
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                start.wait()
                for _ in range(30):
                    conn.execute("SELECT private.seal_audit_log_chain()")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    threads.append(threading.Thread(target=sealer))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(ANSWER_ROWS).fetchall() == []
        counts = conn.execute(
            "SELECT count(*), count(DISTINCT (l.audit_id, l.audit_created_at)), "
            "bool_and(l.seq BETWEEN 1 AND (SELECT count(*) FROM private.audit_log_chain AS m "
            "WHERE m.month = l.month)) FROM private.audit_log_chain AS l").fetchone()
        audited = conn.execute("SELECT count(*) FROM public.audit_logs "
                               "WHERE entity_type = 'roles'").fetchone()
        queued = conn.execute("SELECT count(*) FROM private.audit_log_chain_queue").fetchone()
    assert audited == (8 * 40 * 2,)
    assert counts is not None and counts[0] == counts[1] >= 8 * 40 * 2 and counts[2]
    assert queued == (0,)


def test_a_stale_repeatable_read_seal_fails_with_40001(make_db: Callable[[str], str]) -> None:
    url = deployed_db(make_db, "chainrr")
    with psycopg.connect(url) as stale, psycopg.connect(url, autocommit=True) as other:
        other.execute("INSERT INTO public.audit_logs (entity_type, entity_id, action, "
                      "after_state) VALUES ('orders', 'rr', 'INSERT', '{}')")
        stale.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        stale.execute("SELECT count(*) FROM private.audit_log_chain")  # takes the snapshot
        assert other.execute("SELECT private.seal_audit_log_chain()").fetchone() == (1,)
        with pytest.raises(psycopg.errors.SerializationFailure):
            stale.execute("SELECT private.seal_audit_log_chain()")
        stale.rollback()
        assert other.execute(ANSWER_ROWS).fetchall() == []
        assert other.execute("SELECT count(*) FROM private.audit_log_chain").fetchone() == (1,)


# -- the migration on live data ------------------------------------------------------------
def _engine(url: str) -> tuple[Engine, psycopg.Connection[Any]]:
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    conn = connect(resolve_target(project, url))
    return Engine(project, plan, conn), conn


def _before_audit_work(engine: Engine) -> str:
    first = next(c for c in engine.plan.changes if c.name == FIRST_AUDIT_CHANGE)
    return f"@ROOT~{first.index - 1}"


def test_the_migration_chains_live_rows_and_redacts_free_text(
        make_db: Callable[[str], str]) -> None:
    url = make_db("chainmig")
    engine, conn = _engine(url)
    with engine.locked(60):
        standin.install(conn)
        engine.deploy(to=_before_audit_work(engine))
    pid = str(uuid.uuid4())
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("INSERT INTO auth.users (id, email) VALUES (%s, 'mig@example.in')", (pid,))
        db.execute("INSERT INTO public.profiles (id, full_name, phone, role_id) SELECT %s, "
                   "'Asha Rao', '+919800000777', id FROM public.roles WHERE name = 'PATIENT'",
                   (pid,))
        with db.transaction():  # v1.0.0's log_access took any context
            db.execute("SELECT set_config('request.jwt.claims', %s, true)",
                       (json.dumps({"sub": pid, "role": "authenticated"}),))
            db.execute("SET LOCAL ROLE authenticated")
            free = [db.execute("SELECT public.log_access('profiles', %s, %s)",
                               (pid, json.dumps(c))).fetchone()[0]  # type: ignore[index]
                    for c in ({"why": "Asha Rao called from +919800000777"},
                              {"note": "diabetic, insulin"})]
            bare = db.execute("SELECT public.log_access('profiles', %s)", (pid,)).fetchone()
        before = db.execute("SELECT count(*) FROM public.audit_logs").fetchone()
    with engine.locked(60):
        engine.deploy()
    conn.close()
    with psycopg.connect(url, autocommit=True) as db:
        redacted = db.execute("SELECT id::text, after_state FROM public.audit_logs "
                              "WHERE action = 'ACCESS' ORDER BY created_at, id").fetchall()
        erase = db.execute("SELECT after_state, actor_kind::text FROM public.audit_logs "
                           "WHERE action = 'ERASE' AND entity_type = 'audit_logs'").fetchall()
        kinds = db.execute("SELECT count(*) FILTER (WHERE actor_kind IS NULL) "
                           "FROM public.audit_logs").fetchone()
        queued = db.execute("SELECT count(*) FROM private.audit_log_chain_queue").fetchone()
        problems = db.execute(ANSWER_ROWS).fetchall()
        linked = db.execute("SELECT count(*) FROM private.audit_log_chain").fetchone()
        text = db.execute("SELECT string_agg(coalesce(after_state::text, ''), ' ') "
                          "FROM public.audit_logs").fetchone()
    assert bare is not None
    by_id = dict(redacted)
    assert {by_id[str(i)] == {"context_redacted": True} for i in free} == {True}
    assert by_id[str(bare[0])] is None, "a read without context keeps it"
    assert len(erase) == 1 and erase[0][1] == "system"
    assert erase[0][0]["rows"] == 2 and sorted(erase[0][0]["audit_ids"]) == sorted(map(str, free))
    assert before is not None and kinds == (before[0],), "rows of v1.0.0 keep actor_kind NULL"
    assert queued is not None and queued[0] == before[0] + 1, "every live row was queued"
    assert problems == []
    assert linked == (before[0] + 1,)
    assert text is not None and "+919800000777" not in text[0] and "insulin" not in text[0]


# -- a deploying role that may not create event triggers ------------------------------------
@contextmanager
def _role(name: str, url: str) -> Iterator[None]:
    """A login role of this test's own, dropped afterwards with what it owns in `url`."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER").format(sql.Identifier(name)))
    try:
        yield
    finally:
        with psycopg.connect(url, autocommit=True) as db:
            db.execute(sql.SQL("REASSIGN OWNED BY {0} TO CURRENT_USER; DROP OWNED BY {0}")
                       .format(sql.Identifier(name)))
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def test_a_role_without_event_triggers_deploys_and_doctor_reports_it(
        make_db: Callable[[str], str]) -> None:
    url = make_db("chainnosu")
    engine, conn = _engine(url)
    guard = next(c for c in engine.plan.changes if c.name == "audit_ddl_guard")
    with engine.locked(60):
        standin.install(conn)
        engine.deploy(to=f"@ROOT~{guard.index - 1}")
    conn.close()
    role = f"om_deployer_{uuid.uuid4().hex[:8]}"
    dbname = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    with _role(role, url):
        with psycopg.connect(url, autocommit=True) as db:
            db.execute(sql.SQL("GRANT CREATE ON SCHEMA public TO {0}; GRANT USAGE, CREATE ON "
                               "SCHEMA private TO {0}; GRANT USAGE, CREATE ON SCHEMA sqitch TO "
                               "{0}; GRANT ALL ON ALL TABLES IN SCHEMA sqitch TO {0}")
                       .format(sql.Identifier(role)))
        parts = urlsplit(db_url(str(dbname)))
        host = parts.netloc.rpartition("@")[2]  # the admin URL's host and port, if any
        engine, conn = _engine(urlunsplit(parts._replace(netloc=f"{role}@{host}")))
        with engine.locked(60):  # the guard and the schedule, as a role that owns no table
            outcome = engine.deploy(to="audit_log_partition_schedule")
        with psycopg.connect(url, autocommit=True) as db:
            found = db.execute("SELECT count(*) FROM pg_event_trigger "
                               "WHERE evtname LIKE 'audit\\_guard\\_%'").fetchone()
            checks = {c.name: c for c in audit_checks(db)}
            db.execute("SELECT private.install_audit_ddl_guard()")
            after = {c.name: c for c in audit_checks(db)}
        conn.close()
    assert "audit_ddl_guard" in outcome.deployed
    assert found == (0,)
    assert checks["audit guard"].status == "WARN"
    assert "install_audit_ddl_guard" in (checks["audit guard"].fix or "")
    assert after["audit guard"].status == "OK"
