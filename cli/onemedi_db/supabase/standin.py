"""The Supabase stand-in: what a Supabase project already has, for a plain PostgreSQL.

Installed only when asked (`onemedi-db standin install`, or `[onemedi] standin` in a
project's sqitch.conf for local targets), never as part of the plan, never on Supabase
itself or on a database holding another project's registry; removable (`standin remove`).

Modes (`MODES`): `plain` (the smallest auth and storage the plan needs), `supabase-2024`
(auth and storage as hosted projects have them, storage's delete protection, the API
roles' timeouts and Supabase's default privileges in `public`) and `supabase-2026` (the
same without the default privileges). Every mode also does the platform steps hosted
Supabase does for `postgres` through supautils (standin_base.sql). The installer needs a
superuser, as the platform's own set-up does.

What an installation did is kept in two database settings, `onemedi.standin` (the mode,
readable by any session) and `onemedi.standin_state` (JSON: the search_path it replaced,
the extensions and grants it added), so that `remove` undoes exactly that.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import psycopg
from psycopg import sql

from ..errors import OnemediError

MODES = ("plain", "supabase-2024", "supabase-2026")
DEFAULT_MODE = "plain"
_FILES = {
    "plain": ("standin_roles.sql", "standin_base.sql", "standin_plain.sql"),
    "supabase-2024": ("standin_roles.sql", "standin_base.sql", "standin_supabase.sql",
                      "standin_defaults_2024.sql"),
    "supabase-2026": ("standin_roles.sql", "standin_base.sql", "standin_supabase.sql"),
}
_EXTENSIONS = {"plain": ("postgis", "pgcrypto"),
               "supabase-2024": ("postgis", "pgcrypto", "uuid-ossp"),
               "supabase-2026": ("postgis", "pgcrypto", "uuid-ossp")}
# (object, grantee, privilege) the installer grants when `postgres` is not a superuser, or
# to every API role; `remove` revokes those that were not there before.
_GRANTS = (("DATABASE", "postgres", "CREATE"), ("SCHEMA public", "postgres", "CREATE"),
           ("SCHEMA public", "anon", "USAGE"), ("SCHEMA public", "authenticated", "USAGE"),
           ("SCHEMA public", "service_role", "USAGE"))


class StandinError(OnemediError):
    """The stand-in cannot be installed or removed here; nothing was changed."""

    exit_code = 1


@dataclass
class State:
    """What one installation did, as recorded in the database."""

    mode: str
    search_path: str | None = None  # the database setting it replaced; None: there was none
    extensions: list[str] = field(default_factory=list)  # extensions (and schema) it created
    grants: list[list[str]] = field(default_factory=list)  # _GRANTS entries it added


def sql_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


def is_needed(conn: psycopg.Connection[Any]) -> bool:
    """True where Supabase's auth.users or storage.objects is missing."""
    row = conn.execute(
        "SELECT to_regclass('auth.users') IS NULL OR to_regclass('storage.objects') IS NULL"
    ).fetchone()
    return bool(row and row[0])


def installed(conn: psycopg.Connection[Any]) -> State | None:
    """The stand-in's record in this database, or None where it was never installed."""
    row = conn.execute(
        "SELECT s.setting FROM pg_db_role_setting AS r, unnest(r.setconfig) AS s (setting) "
        "WHERE r.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())"
        " AND r.setrole = 0 AND s.setting LIKE 'onemedi.standin_state=%'"
    ).fetchone()
    if row is None:
        return None
    data = json.loads(row[0].split("=", 1)[1])
    return State(**data)


def foreign_project(conn: psycopg.Connection[Any], registry: str, project: str) -> str | None:
    """The name of another sqitch project recorded in this database's registry, if any."""
    if conn.execute("SELECT to_regclass(%s)", (f"{registry}.projects",)).fetchone() == (None,):
        return None
    row = conn.execute(
        sql.SQL("SELECT project FROM {}.projects WHERE project <> %s ORDER BY 1 LIMIT 1")
        .format(sql.Identifier(registry)), (project,)).fetchone()
    return str(row[0]) if row else None


def check_installable(conn: psycopg.Connection[Any], mode: str, registry: str,
                      project: str) -> State | None:
    """Refuse a target the stand-in must not touch; the existing installation, if any."""
    if mode not in MODES:
        raise StandinError(f"unknown stand-in mode {mode!r}", hint="use " + ", ".join(MODES))
    other = foreign_project(conn, registry, project)
    if other:
        raise StandinError(
            f"this database holds the registry of another project ({other!r}): "
            "the stand-in is not installed there",
            hint="install it only into a database of your own, before its first deploy")
    state = installed(conn)
    if state is None and not is_needed(conn):
        raise StandinError(
            "this database already has auth.users and storage.objects (Supabase's own, or "
            "something else's): the stand-in is not installed over them")
    if state is not None and state.mode != mode:
        raise StandinError(
            f"the stand-in is installed here in mode {state.mode!r}, not {mode!r}",
            hint="`onemedi-db standin remove` first (after reverting the plan)")
    return state


def install(conn: psycopg.Connection[Any], mode: str = DEFAULT_MODE, *,
            registry: str = "sqitch", project: str = "onemedi") -> list[str]:
    """Install (or converge) the stand-in in one transaction; what it did, line by line."""
    previous = check_installable(conn, mode, registry, project)
    superuser = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if superuser.fetchone() != (True,):
        raise StandinError(
            "the stand-in needs a superuser to install (it creates roles, PostGIS and the "
            "platform's event triggers), as Supabase's own set-up does",
            hint="run it as a superuser of this server; on Supabase it is never needed")
    try:
        with conn.transaction():
            state = previous or _new_state(conn, mode)
            for name in _FILES[mode]:
                conn.execute(sql_text(name).encode("utf-8"), prepare=False)
            _extend_search_path(conn)
            _record(conn, state)
    except psycopg.Error as exc:
        raise StandinError(
            f"could not install the Supabase stand-in: {exc.diag.message_primary or exc}",
            hint="nothing was changed (the installation is one transaction)",
        ) from None
    return _summary(conn, mode, state, converged=previous is not None)


def _new_state(conn: psycopg.Connection[Any], mode: str) -> State:
    """What this installation is about to add, measured before it adds anything."""
    path = _database_setting(conn, "search_path")
    created = [e for e in _EXTENSIONS[mode]
               if conn.execute("SELECT 1 FROM pg_extension WHERE extname = %s", (e,))
               .fetchone() is None]
    if conn.execute("SELECT to_regnamespace('extensions')").fetchone() == (None,):
        created.insert(0, "schema extensions")
    super_postgres = conn.execute(
        "SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'").fetchone() == (True,)
    grants = [list(g) for g in _GRANTS
              if not (g[1] == "postgres" and super_postgres) and not _has_grant(conn, *g)]
    return State(mode, path, created, grants)


def _has_grant(conn: psycopg.Connection[Any], on: str, grantee: str, privilege: str) -> bool:
    query = ("SELECT EXISTS (SELECT FROM pg_database AS d, aclexplode(d.datacl) AS a "
             "WHERE d.datname = current_database() AND a.grantee = %s::regrole "
             "AND a.privilege_type = %s)" if on == "DATABASE" else
             "SELECT EXISTS (SELECT FROM pg_namespace AS n, aclexplode(n.nspacl) AS a "
             "WHERE n.nspname = 'public' AND a.grantee = %s::regrole AND a.privilege_type = %s)")
    if conn.execute("SELECT to_regrole(%s)", (grantee,)).fetchone() == (None,):
        return False
    row = conn.execute(query, (grantee, privilege)).fetchone()
    return bool(row and row[0])


def _database_setting(conn: psycopg.Connection[Any], name: str) -> str | None:
    row = conn.execute(
        "SELECT substr(s.setting, length(%s) + 2) FROM pg_db_role_setting AS r, "
        "unnest(r.setconfig) AS s (setting) WHERE r.setrole = 0 AND r.setdatabase = "
        "(SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND s.setting LIKE %s || '=%%'", (name, name)).fetchone()
    return str(row[0]) if row else None


_PATH_ITEM = re.compile(r'^(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)$')


def _path_items(path: str) -> list[str]:
    """A search_path setting as PostgreSQL stores it, split into its (quoted) names."""
    items = [p.strip() for p in re.findall(r'(?:"(?:[^"]|"")*"|[^,])+', path) if p.strip()]
    bad = [p for p in items if not _PATH_ITEM.match(p)]
    if bad:
        raise StandinError(f"cannot read the database's search_path {path!r}",
                           hint="set it to a list of schema names first")
    return items


def _extend_search_path(conn: psycopg.Connection[Any]) -> None:
    """Add `extensions` to the database's search_path, keeping whatever was there."""
    items = _path_items(_database_setting(conn, "search_path") or '"$user", public')
    if "extensions" not in items:
        _alter_database(conn, "search_path", ", ".join([*items, "extensions"]), raw=True)


def _alter_database(conn: psycopg.Connection[Any], name: str, value: str | None,
                    raw: bool = False) -> None:
    db = sql.Identifier(conn.info.dbname)
    if value is None:
        conn.execute(sql.SQL("ALTER DATABASE {} RESET {}").format(db, sql.SQL(name)))
    else:  # a search_path is a list of names, written as the setting shows it
        conn.execute(sql.SQL("ALTER DATABASE {} SET {} = {}").format(
            db, sql.SQL(name), sql.SQL(value) if raw else sql.Literal(value)))


def _record(conn: psycopg.Connection[Any], state: State) -> None:
    _alter_database(conn, "onemedi.standin", state.mode)
    _alter_database(conn, "onemedi.standin_state", json.dumps(state.__dict__))


def _summary(conn: psycopg.Connection[Any], mode: str, state: State,
             converged: bool) -> list[str]:
    deployer = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'")
    lines = [f"{'Converged' if converged else 'Installed'} the Supabase stand-in, mode {mode}: "
             "roles, schemas auth, storage and extensions, "
             + ", ".join(_EXTENSIONS[mode]) + "; the platform's steps for postgres"]
    if mode == "supabase-2024":
        lines.append("  default privileges: postgres's new objects in public are granted to "
                     "anon, authenticated and service_role (as on Supabase until 2026)")
    if deployer.fetchone() == (True,) and mode != "plain":
        lines.append("  note: role postgres is a superuser on this server; on Supabase it is "
                     "not (deploy as a NOSUPERUSER role to see the platform's behaviour)")
    path = _database_setting(conn, "search_path")
    lines.append(f"  database search_path is now {path} (`onemedi-db standin remove` undoes "
                 "all of it)")
    return lines


def remove(conn: psycopg.Connection[Any], *, registry: str = "sqitch") -> list[str]:
    """Take the stand-in out again, in one transaction: what `install` added, nothing else.

    Roles stay (they belong to the whole cluster and other databases may use them), and so
    does the parameter privilege on session_replication_role.
    """
    state = installed(conn)
    if state is None:
        raise StandinError("the Supabase stand-in is not installed in this database",
                           hint="`onemedi-db standin install` records itself; nothing to do")
    deployed = _deployed_changes(conn, registry)
    if deployed:
        raise StandinError(
            f"{deployed} change(s) are still deployed here and depend on the stand-in",
            hint="revert them first (`onemedi-db revert -y`), then remove the stand-in")
    try:
        with conn.transaction():
            conn.execute(sql_text("standin_remove.sql").encode("utf-8"), prepare=False)
            for statement in _mode_undo(state.mode, conn.info.dbname):
                conn.execute(statement)
            kept = _drop_extensions(conn, state.extensions)
            for on, grantee, privilege in state.grants:
                target = (sql.SQL("DATABASE {}").format(sql.Identifier(conn.info.dbname))
                          if on == "DATABASE" else sql.SQL(on))
                conn.execute(sql.SQL("REVOKE {} ON {} FROM {}").format(
                    sql.SQL("ALL" if grantee == "postgres" else privilege), target,
                    sql.Identifier(grantee)))
            _alter_database(conn, "search_path", state.search_path and ", ".join(
                _path_items(state.search_path)), raw=True)
            _alter_database(conn, "onemedi.standin", None)
            _alter_database(conn, "onemedi.standin_state", None)
    except psycopg.Error as exc:
        raise StandinError(
            f"could not remove the Supabase stand-in: {exc.diag.message_primary or exc}",
            hint="nothing was changed (the removal is one transaction)") from None
    restored = state.search_path or "the server's default"
    lines = [f"Removed the Supabase stand-in (mode {state.mode}); search_path is {restored} "
             "again; the cluster's roles stay"]
    if kept:
        lines.append(f"  schema extensions stays: it holds {kept} it did not install")
    return lines


_SCHEMA_CONTENTS = """
SELECT string_agg(x, ', ' ORDER BY x) FROM (
    SELECT 'extension ' || extname AS x FROM pg_extension
    WHERE extnamespace = 'extensions'::regnamespace
    UNION ALL
    SELECT count(*) || ' other object(s)' FROM (
        SELECT c.oid, 'pg_class'::regclass AS cls FROM pg_class AS c
        WHERE c.relnamespace = 'extensions'::regnamespace
        UNION ALL
        SELECT p.oid, 'pg_proc'::regclass FROM pg_proc AS p
        WHERE p.pronamespace = 'extensions'::regnamespace
    ) AS o
    WHERE NOT EXISTS (SELECT FROM pg_depend AS d
                      WHERE d.classid = o.cls AND d.objid = o.oid AND d.deptype = 'e')
    HAVING count(*) > 0
) AS found
"""


def _drop_extensions(conn: psycopg.Connection[Any], created: list[str]) -> str:
    """Drop the extensions the stand-in created, and schema `extensions` if it created it
    and nothing else lives there now; what keeps the schema, else ''."""
    for item in reversed(created):
        if item != "schema extensions":
            conn.execute(sql.SQL("DROP EXTENSION IF EXISTS {}").format(sql.Identifier(item)))
    if "schema extensions" not in created:
        return ""
    row = conn.execute(_SCHEMA_CONTENTS).fetchone()
    if row and row[0]:
        return str(row[0])
    conn.execute("DROP SCHEMA extensions")
    return ""


def _deployed_changes(conn: psycopg.Connection[Any], registry: str) -> int:
    if conn.execute("SELECT to_regclass(%s)", (f"{registry}.changes",)).fetchone() == (None,):
        return 0
    row = conn.execute(sql.SQL("SELECT count(*) FROM {}.changes")
                       .format(sql.Identifier(registry))).fetchone()
    return int(row[0]) if row else 0


def _mode_undo(mode: str, dbname: str) -> list[sql.Composed]:
    """The per-database settings and default privileges a mode set, undone."""
    db = sql.Identifier(dbname)
    out: list[sql.Composed] = []
    if mode == "plain":
        return out
    for role, name in (("anon", "statement_timeout"), ("authenticated", "statement_timeout"),
                       ("authenticator", "statement_timeout"), ("authenticator", "lock_timeout")):
        out.append(sql.SQL("ALTER ROLE {} IN DATABASE {} RESET {}").format(
            sql.Identifier(role), db, sql.SQL(name)))
    if mode == "supabase-2024":
        for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
            out.append(sql.SQL(
                "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public "
                "REVOKE ALL ON {} FROM anon, authenticated, service_role").format(sql.SQL(kind)))
    return out
