"""sqitch's registry (schema `sqitch`, version 1.1): create it, read it, write to it.

The tables are written from the column list sqitch documents, so `sqitch status`, `log`,
`verify`, `deploy` and `revert` work on a database deployed by onemedi-db and vice versa.
Every write here runs on the caller's connection and inside the caller's transaction.
"""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from ..errors import RegistryError
from .config import read_git_config
from .gitconfig import Config
from .plan import Change, Plan, _unescape_note
from .registry_schema import comments_sql, ddl_sql

REGISTRY_VERSION = 1.1
ADVISORY_LOCK_KEY = 75474063

@dataclass(frozen=True)
class Person:
    name: str
    email: str


def committer(project_root: Path | None = None, config: Config | None = None) -> Person:
    """SQITCH_FULLNAME/SQITCH_EMAIL, then user.name/email from the sqitch configuration
    (system, user, project), then SQITCH_ORIG_FULLNAME/EMAIL, then the OS user."""
    if config is None:
        config = read_git_config((project_root or Path.cwd()) / "sqitch.conf")
    user = os.environ.get("SQITCH_ORIG_SYSUSER") or getpass.getuser()
    name = (os.environ.get("SQITCH_FULLNAME") or config.get("user.name")
            or os.environ.get("SQITCH_ORIG_FULLNAME") or user)
    email = (os.environ.get("SQITCH_EMAIL") or config.get("user.email")
             or os.environ.get("SQITCH_ORIG_EMAIL") or f"{user}@{socket.gethostname()}")
    return Person(name, email)


@dataclass(frozen=True)
class Deployed:
    change_id: str
    change: str
    script_hash: str | None
    committed_at: datetime
    tags: tuple[str, ...]
    note: str = ""
    planned_at: str = ""  # YYYY-MM-DDTHH:MM:SSZ, as a plan writes it
    planner_name: str = ""
    planner_email: str = ""


class Registry:
    """The registry of one project in one schema, used over one connection."""

    def __init__(self, conn: psycopg.Connection[Any], schema: str, project: str) -> None:
        self.conn = conn
        self.schema = schema
        self.project = project
        self.s = sql.Identifier(schema)
        self._escaping = psycopg.pq.Escaping(conn.pgconn)

    def _t(self, table: str) -> sql.Composed:
        return sql.SQL("{}.{}").format(self.s, sql.Identifier(table))

    # -- presence and version -------------------------------------------------------------
    def exists(self) -> bool:
        row = self.conn.execute(
            "SELECT to_regclass(quote_ident(%s) || '.releases') IS NOT NULL", (self.schema,)
        ).fetchone()
        return bool(row and row[0])

    def version(self) -> float | None:
        if not self.exists():
            return None
        row = self.conn.execute(
            sql.SQL("SELECT max(version) FROM {}").format(self._t("releases"))
        ).fetchone()
        return float(row[0]) if row and row[0] is not None else None

    def check_version(self) -> None:
        version = self.version()
        if version is None:
            return
        if round(version, 3) > REGISTRY_VERSION:
            raise RegistryError(
                f"registry {self.schema} is version {version:g}, newer than the {REGISTRY_VERSION}"
                " this onemedi-db understands",
                hint="upgrade onemedi-db, or use the sqitch that upgraded the registry",
            )
        if round(version, 3) < REGISTRY_VERSION:
            raise RegistryError(
                f"registry {self.schema} is version {version:g}, older than {REGISTRY_VERSION}",
                hint="run `sqitch upgrade` once to bring it to 1.1",
            )

    def create(self, installer: Person) -> None:
        """Create the registry schema and tables (caller's transaction)."""
        self.conn.execute(ddl_sql(self.s))
        self.conn.execute(comments_sql(self.s))
        self.conn.execute(
            sql.SQL(
                "INSERT INTO {} (version, installer_name, installer_email) VALUES (%s, %s, %s)"
            ).format(self._t("releases")),
            (REGISTRY_VERSION, installer.name, installer.email),
        )

    def ensure_project(self, plan: Plan, creator: Person) -> None:
        row = self.conn.execute(
            sql.SQL("SELECT uri FROM {} WHERE project = %s").format(self._t("projects")),
            (plan.project,),
        ).fetchone()
        if row is None:
            self.conn.execute(
                sql.SQL(
                    "INSERT INTO {} (project, uri, creator_name, creator_email) "
                    "VALUES (%s, %s, %s, %s)"
                ).format(self._t("projects")),
                (plan.project, plan.uri, creator.name, creator.email),
            )
        elif row[0] != plan.uri:
            raise RegistryError(
                f"project {plan.project!r} is registered with URI {row[0]!r}, "
                f"but the plan says {plan.uri!r}"
            )

    # -- reading ----------------------------------------------------------------------------
    def deployed(self) -> list[Deployed]:
        """This project's deployed changes, oldest first (empty when there is no registry)."""
        if not self.exists():
            return []
        rows = self.conn.execute(
            sql.SQL(
                "SELECT c.change_id, c.change, c.script_hash, c.committed_at,"
                " coalesce(array_agg(t.tag ORDER BY t.committed_at)"
                "   FILTER (WHERE t.tag IS NOT NULL), '{{}}'), c.note,"
                " to_char(c.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                " c.planner_name, c.planner_email"
                " FROM {changes} c LEFT JOIN {tags} t ON t.change_id = c.change_id"
                " WHERE c.project = %s GROUP BY c.change_id"
                " ORDER BY c.committed_at, c.change_id"
            ).format(changes=self._t("changes"), tags=self._t("tags")),
            (self.project,),
        ).fetchall()
        return [Deployed(r[0], r[1], r[2], r[3], tuple(r[4]), *r[5:]) for r in rows]

    def tag_times(self) -> dict[str, tuple[str, datetime]]:
        """This project's tags: `@name` -> (change id, when the tag was applied)."""
        if not self.exists():
            return {}
        rows = self.conn.execute(
            sql.SQL("SELECT tag, change_id, committed_at FROM {} WHERE project = %s").format(
                self._t("tags")),
            (self.project,),
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def dependencies_of(self, change_id: str) -> list[tuple[str, str]]:
        """(type, dependency) rows of a deployed change, as recorded."""
        return [(r[0], r[1]) for r in self.conn.execute(
            sql.SQL("SELECT type, dependency FROM {} WHERE change_id = %s").format(
                self._t("dependencies")), (change_id,)).fetchall()]

    def change_id_for(self, project: str, change: str | None, tag: str | None,
                      change_id: str | None = None) -> str | None:
        """Another project's deployed change, found as sqitch finds it: by id; `name@tag` as
        the latest of that name applied before the tag; a bare name as the earliest."""
        if not self.exists():
            return None
        changes, tags = self._t("changes"), self._t("tags")
        if change_id:
            query = sql.SQL("SELECT change_id FROM {} WHERE change_id = %s").format(changes)
            args: tuple[Any, ...] = (change_id,)
        elif change and tag:
            query = sql.SQL(
                "SELECT c.change_id FROM {} c JOIN {} t ON c.committed_at <= t.committed_at"
                " AND c.project = t.project WHERE c.project = %s AND c.change = %s"
                " AND t.tag = %s ORDER BY c.committed_at DESC LIMIT 1").format(changes, tags)
            args = (project, change, f"@{tag}")
        elif change:
            query = sql.SQL("SELECT change_id FROM {} WHERE project = %s AND change = %s"
                            " ORDER BY committed_at LIMIT 1").format(changes)
            args = (project, change)
        else:
            query = sql.SQL("SELECT change_id FROM {} WHERE project = %s AND tag = %s").format(
                tags)
            args = (project, f"@{tag}")
        row = self.conn.execute(query, args).fetchone()
        return row[0] if row else None

    def events(self, limit: int | None = None) -> list[dict[str, Any]]:
        if not self.exists():
            return []
        query = sql.SQL(
            "SELECT event, change_id, change, note, requires, conflicts, tags, committed_at,"
            " committer_name, committer_email, planned_at, planner_name, planner_email"
            " FROM {} WHERE project = %s ORDER BY committed_at DESC, change_id"
            + (" LIMIT %s" if limit else "")
        ).format(self._t("events"))
        cur = self.conn.execute(query, (self.project, limit) if limit else (self.project,))
        names = [d.name for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def deployed_elsewhere(self, project: str, change: str) -> bool:
        """Whether another project's change is deployed (for cross-project requirements)."""
        if not self.exists():
            return False
        row = self.conn.execute(
            sql.SQL("SELECT 1 FROM {} WHERE project = %s AND change = %s").format(
                self._t("changes")
            ),
            (project, change),
        ).fetchone()
        return row is not None

    # -- writing ------------------------------------------------------------------------------
    # The rows a change writes travel in the same string, and so the same round trip, as the
    # change's own statements: values are inlined as literals quoted by libpq
    # (PQescapeLiteral, for this connection's encoding and settings).
    def _name(self, table: str) -> str:
        encoding = self.conn.info.encoding
        schema, name = (
            self._escaping.escape_identifier(part.encode(encoding)).decode(encoding)
            for part in (self.schema, table)
        )
        return f"{schema}.{name}"

    def _literal(self, value: str | list[str] | None) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, list):
            items = ", ".join(map(self._literal, value))
            return f"ARRAY[{items}]::text[]" if value else "'{}'::text[]"
        encoding = self.conn.info.encoding
        return self._escaping.escape_literal(value.encode(encoding)).decode(encoding)

    def _stamp(self, planned_at: str) -> str:
        """A plan's `YYYY-MM-DDTHH:MM:SSZ` (checked when the plan was read) as timestamptz."""
        return f"{self._literal(planned_at)}::timestamptz"

    def lock_changes_sql(self) -> str:
        """sqitch's per-change lock, taken in the transaction that records the change."""
        return f"LOCK TABLE {self._name('changes')} IN EXCLUSIVE MODE"

    def lock_changes(self) -> None:
        self.conn.execute(self.lock_changes_sql())

    def deploy_sql(self, plan: Plan, change: Change, script_hash: str | None, who: Person) -> str:
        """The registry rows of a deployed change, as SQL with inlined literals."""
        q = self._literal
        stmts = [
            f"INSERT INTO {self._name('changes')} (change_id, script_hash, change, project, note,"
            " committer_name, committer_email, planned_at, planner_name, planner_email) VALUES ("
            + ", ".join(
                (
                    q(change.id),
                    q(script_hash),
                    q(change.name),
                    q(plan.project),
                    q(change.note),
                    q(who.name),
                    q(who.email),
                    self._stamp(change.planned_at),
                    q(change.planner_name),
                    q(change.planner_email),
                )
            )
            + ")"
        ]
        deps = [
            (dep.key(plan.project), "require", self._dependency_id(plan, change, dep))
            for dep in change.requires
        ]
        deps += [(dep.key(plan.project), "conflict", "NULL") for dep in change.conflicts]
        for name, kind, dep_id in deps:
            stmts.append(
                f"INSERT INTO {self._name('dependencies')} (change_id, type, dependency,"
                f" dependency_id) VALUES ({q(change.id)}, {q(kind)}, {q(name)}, {dep_id})"
            )
        for tag in change.tags:
            stmts.append(
                f"INSERT INTO {self._name('tags')} (tag_id, tag, project, change_id, note,"
                " committer_name, committer_email, planned_at, planner_name, planner_email)"
                " VALUES ("
                + ", ".join(
                    (
                        q(tag.id),
                        q(f"@{tag.name}"),
                        q(plan.project),
                        q(change.id),
                        q(tag.note),
                        q(who.name),
                        q(who.email),
                        self._stamp(tag.planned_at),
                        q(tag.planner_name),
                        q(tag.planner_email),
                    )
                )
                + ")"
            )
        stmts.append(
            self._event_sql("deploy", plan, change, who, q([f"@{t.name}" for t in change.tags]))
        )
        return ";\n".join(stmts)

    def _dependency_id(self, plan: Plan, change: Change, dep: Any) -> str:
        """A requirement's dependency_id; another project's change is looked up as sqitch
        does: the earliest deployed change of that name (with a tag: the latest before it)."""
        q = self._literal
        if not dep.project or dep.project == plan.project:
            return q(_dependency_id(plan, change, dep))
        if dep.id:
            return f"(SELECT change_id FROM {self._name('changes')} WHERE change_id = {q(dep.id)})"
        if dep.tag and not dep.change:
            return (f"(SELECT change_id FROM {self._name('tags')} WHERE project ="
                    f" {q(dep.project)} AND tag = {q('@' + dep.tag)})")
        if dep.tag:
            return (
                f"(SELECT c.change_id FROM {self._name('changes')} c JOIN {self._name('tags')} t"
                " ON c.committed_at <= t.committed_at AND c.project = t.project"
                f" WHERE c.project = {q(dep.project)} AND c.change = {q(dep.change)}"
                f" AND t.tag = {q('@' + dep.tag)} ORDER BY c.committed_at DESC LIMIT 1)"
            )
        return (
            f"(SELECT change_id FROM {self._name('changes')} WHERE project = {q(dep.project)}"
            f" AND change = {q(dep.change)} ORDER BY committed_at LIMIT 1)"
        )

    def revert_sql(self, plan: Plan, change: Change, who: Person) -> str:
        """Delete a change (its tags and dependencies go with it) and log a revert event.

        One statement: the tags' and the change's deletions and the event see one snapshot,
        and the foreign key from tags to changes is checked at its end, when both are gone.
        """
        # sqitch 1.3.1 rebuilds a reverted change from its registry row, which unescapes the
        # stored note a second time (`\\n` in the plan ends up as a newline in the event).
        event = self._event_sql(
            "revert",
            plan,
            change,
            who,
            "(SELECT coalesce(array_agg(tag ORDER BY tag), '{}') FROM gone_tags)",
            note=_unescape_note(change.note),
            recorded=True,
        )
        change_id = self._literal(change.id)
        return (
            f"WITH gone_tags AS (DELETE FROM {self._name('tags')} WHERE change_id = {change_id}"
            " RETURNING tag),"
            f" gone_change AS (DELETE FROM {self._name('changes')} WHERE change_id = {change_id}"
            f" RETURNING change_id) {event}"
        )

    def log_new_tags(self, plan: Plan, change: Change, who: Person) -> list[str]:
        """Record the plan's tags of a deployed change that the registry lacks (sqitch does
        this on every deploy for the last deployed change); return the tags added."""
        if not change.tags:
            return []
        q = self._literal
        rows = ", ".join(
            "(" + ", ".join((q(t.id), q(f"@{t.name}"), q(plan.project), q(change.id), q(t.note),
                             q(who.name), q(who.email), self._stamp(t.planned_at),
                             q(t.planner_name), q(t.planner_email))) + ")"
            for t in change.tags
        )
        added = self.conn.execute(
            f"INSERT INTO {self._name('tags')} (tag_id, tag, project, change_id, note,"
            " committer_name, committer_email, planned_at, planner_name, planner_email)"
            " SELECT i.* FROM (VALUES " + rows + ") AS i (tag_id, tag, project, change_id,"
            " note, committer_name, committer_email, planned_at, planner_name, planner_email)"
            f" WHERE NOT EXISTS (SELECT FROM {self._name('tags')} t WHERE t.tag_id = i.tag_id)"
            " RETURNING tag"
        ).fetchall()
        return [r[0] for r in added]

    def record_fail(self, plan: Plan, change: Change, who: Person) -> None:
        tags = self._literal([f"@{t.name}" for t in change.tags])
        self.conn.execute(self._event_sql("fail", plan, change, who, tags))

    def _event_sql(
        self,
        event: str,
        plan: Plan,
        change: Change,
        who: Person,
        tags: str,
        note: str | None = None,
        recorded: bool = False,
    ) -> str:
        """An events row; `tags` is SQL (a literal, or the revert's subquery). A revert event
        (`recorded`) lists the dependencies the registry recorded, as sqitch's does."""
        q = self._literal
        if recorded:
            requires, conflicts = (
                f"ARRAY(SELECT dependency FROM {self._name('dependencies')}"
                f" WHERE change_id = {q(change.id)} AND type = {q(kind)})"
                for kind in ("require", "conflict")
            )
        else:
            requires = q([d.key(plan.project) for d in change.requires])
            conflicts = q([d.key(plan.project) for d in change.conflicts])
        values = (
            q(event),
            q(change.id),
            q(change.name),
            q(plan.project),
            q(change.note if note is None else note),
            requires,
            conflicts,
            tags,
            q(who.name),
            q(who.email),
            self._stamp(change.planned_at),
            q(change.planner_name),
            q(change.planner_email),
        )
        return (
            f"INSERT INTO {self._name('events')} (event, change_id, change, project, note,"
            " requires, conflicts, tags, committer_name, committer_email, planned_at,"
            " planner_name, planner_email) SELECT " + ", ".join(values)
        )


def _dependency_id(plan: Plan, change: Change, dep: Any) -> str | None:
    """The change id sqitch 1.3.1 records for a same-project requirement.

    `name@tag` is the latest instance at or before the tag; a bare `name` is the *first*
    instance in the plan (sqitch's `first_index_of`), even when the name was reworked later.
    """
    if dep.tag and not dep.change:  # `@tag`: the change the tag is on
        return plan.changes[plan.index_of("@" + dep.tag)].id
    if dep.tag:
        limit = plan.index_of("@" + dep.tag) + 1
        for candidate in reversed(plan.changes[:limit]):
            if candidate.name == dep.change:
                return candidate.id
        return None
    return next((c.id for c in plan.changes[: change.index] if c.name == dep.change), None)
