"""Deploy, revert and verify plan changes, recording them in sqitch's registry.

yoyo-migrations runs each change: the plan becomes yoyo `Migration`s whose steps are the
change's statements followed by its registry rows, applied by yoyo's psycopg 3 backend in one
transaction. yoyo's own bookkeeping (its migration, log, version and lock tables) is never
created: the sqitch registry is the only record, and sqitch's advisory lock the only lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql
from yoyo.backends.core.postgresql import PostgresqlPsycopgBackend
from yoyo.connections import parse_uri
from yoyo.migrations import Migration, MigrationStep

from ..errors import (
    LockTimeout,
    PlanError,
    ScriptFailed,
    TargetUnreachable,
    VerifyFailed,
)
from . import psqlchange, recorded
from .config import Project, Target
from .plan import Change, Plan
from .registry import ADVISORY_LOCK_KEY, Deployed, Person, Registry, committer
from .scripts import Script, Statement, read_script

Reporter = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


# -- connections ------------------------------------------------------------------------------
class _Backend(PostgresqlPsycopgBackend):  # type: ignore[misc]
    """yoyo's psycopg 3 backend on an already-open connection, with no yoyo tables.

    A transactional change carries its own BEGIN and COMMIT inside the one string that holds
    its statements and registry rows (see `_Body`), so yoyo's begin and commit send nothing
    and each change costs one round trip. yoyo's rollback after a failure still sends
    ROLLBACK, which ends the transaction the failed string left open.
    """

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._given = conn
        super().__init__(parse_uri("postgresql+psycopg://localhost/unused"), "unused")

    def connect(self, dburi: Any) -> psycopg.Connection[Any]:
        return self._given

    def begin(self) -> None:
        self._in_transaction = True

    def commit(self) -> None:
        self._in_transaction = False


def connect(
    target: Target, create: bool = False, report: Reporter = _quiet
) -> psycopg.Connection[Any]:
    """Open an autocommit connection; with `create`, create a missing default database."""
    try:
        return psycopg.connect(target.conninfo, autocommit=True, application_name="onemedi-db")
    except psycopg.OperationalError as exc:
        message = str(exc).strip().splitlines()[-1] if str(exc).strip() else repr(exc)
        if create and "does not exist" in message and target.creatable:
            _create_database(target)
            report(f"Created database {target.dbname} (it did not exist)")
            return psycopg.connect(target.conninfo, autocommit=True, application_name="onemedi-db")
        raise TargetUnreachable(
            f"cannot connect to {target.display()} ({target.origin}): {message}",
            hint="check that PostgreSQL is running and the URL is right; "
            "`make deploy` creates the local default database",
        ) from None


def _create_database(target: Target) -> None:
    admin_info = psycopg.conninfo.make_conninfo(target.conninfo, dbname="postgres")
    with psycopg.connect(admin_info, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.dbname)))


# -- the run ------------------------------------------------------------------------------------
@dataclass
class Outcome:
    applied: list[Change] = field(default_factory=list)
    reverted: list[Change] = field(default_factory=list)
    message: str = ""

    @property
    def deployed(self) -> list[str]:
        """Names of the changes this run deployed (and kept), in plan order."""
        return [c.name for c in self.applied]


class Engine:
    """One command's session against one target: connection, lock, registry, plan."""

    def __init__(
        self,
        project: Project,
        plan: Plan,
        conn: psycopg.Connection[Any],
        report: Reporter = _quiet,
    ) -> None:
        self.project = project
        self.plan = plan
        self.conn = conn
        self.report = report
        self.registry = Registry(conn, project.registry, plan.project)
        self.who: Person = committer(project.root, project.config)
        self.backend = _Backend(conn)
        self._async_commits = False
        self.variables: dict[str, str] = {}  # --set: psql variables on top of sqitch.conf's
        self.target_name: str | None = None

    # -- lock ----------------------------------------------------------------------------------
    @contextmanager
    def locked(self, timeout: float) -> Iterator[None]:
        """Hold sqitch's advisory lock for the whole run (session level; a dead client frees it)."""
        deadline = time.monotonic() + timeout
        waited = False
        while not self.conn.execute(
            "SELECT pg_try_advisory_lock(%s)", (ADVISORY_LOCK_KEY,)
        ).fetchone()[0]:  # type: ignore[index]
            if not waited:
                self.report(
                    "Waiting for another deploy or revert to finish (advisory lock "
                    f"{ADVISORY_LOCK_KEY})"
                )
                waited = True
            if time.monotonic() >= deadline:
                holder = self.conn.execute(
                    "SELECT pid, coalesce(application_name, ''), backend_start FROM pg_locks"
                    " JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory'"
                    " AND objid = %s AND granted LIMIT 1",
                    (ADVISORY_LOCK_KEY,),
                ).fetchone()
                who = f" (held by pid {holder[0]} {holder[1]!r})" if holder else ""
                raise LockTimeout(
                    f"another deploy or revert holds the lock{who}; gave up after {timeout:g} s",
                    hint="wait for it to finish, or raise --lock-timeout; a killed client's lock "
                    "is released when its connection ends",
                )
            time.sleep(0.1)
        try:
            yield
        finally:
            self._sync()
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (ADVISORY_LOCK_KEY,))

    def _sync(self) -> None:
        """Make every change committed with synchronous_commit = off durable before returning."""
        if self._async_commits and not self.conn.closed:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_catalog.txid_current()")
            self._async_commits = False

    # -- state ---------------------------------------------------------------------------------
    def deployed(self) -> list[Deployed]:
        """Deployed changes, checked to be exactly a prefix of the plan."""
        self.registry.check_version()
        rows = self.registry.deployed()
        problem = recorded.divergence(self.plan, rows)
        if problem is not None:
            raise problem
        return rows

    def prepare(self) -> None:
        """Registry schema and project row (created on first deploy, in one transaction)."""
        with self.conn.transaction():
            if not self.registry.exists():
                self.registry.create(self.who)
                self.report(f"Created registry {self.project.registry} (sqitch 1.1)")
            self.registry.check_version()
            self.registry.ensure_project(self.plan, self.who)

    # -- scripts -------------------------------------------------------------------------------
    def script(self, kind: str, change: Change) -> Script:
        return read_script(self.plan.script_path(self.project.top_dir, kind, change))

    def _run(
        self, change: Change, script: Script, record: str, verify: Script | None = None
    ) -> None:
        """Apply one change and its registry rows atomically, through a yoyo migration.

        A transactional change travels as one multi-statement string, BEGIN to COMMIT, as the
        step of yoyo's transaction: its statements, its verify (in a savepoint, when asked) and
        its registry rows, so a client killed at any moment leaves all of it committed or none
        of it, in one round trip.
        A failure is then replayed statement by statement (and rolled back) to name the
        statement, its line and PostgreSQL's message.
        """
        if script.psql or (verify is not None and verify.psql):
            return psqlchange.run(self, change, script, record, verify)
        if not script.transactional:
            # No transaction possible: statement by statement, then the registry rows.
            steps = [_statement_step(change, script, s) for s in script.statements]
            _ChangeMigration(change, script, steps).process_steps(self.backend, "apply")
            with self.conn.transaction():
                self.registry.lock_changes()
                self.conn.execute(record)
            return
        body = _Body(self.conn)
        body.add_sql("BEGIN")
        body.add_sql("SET LOCAL synchronous_commit = off")
        body.add_sql(self.registry.lock_changes_sql())
        for statement in script.statements:
            body.add(script, statement)
        if verify is not None:
            body.add_sql("SAVEPOINT onemedi_verify")
            for statement in verify.statements:
                body.add(verify, statement)
            body.add_sql("ROLLBACK TO SAVEPOINT onemedi_verify")
        body.add_sql(record)
        body.add_sql("COMMIT")
        migration = _ChangeMigration(change, script, [lambda c: body.execute(change)])
        try:
            migration.process_steps(self.backend, "apply")
        except _Unplaced as failure:
            raise self._diagnose(change, script, verify) or ScriptFailed(
                f"{change.name}: {failure}", hint="the change was rolled back"
            ) from None
        self._async_commits = True

    def _diagnose(
        self, change: Change, script: Script, verify: Script | None
    ) -> ScriptFailed | VerifyFailed | None:
        """Replay a failed change statement by statement in a rolled-back transaction."""
        try:
            with self.conn.transaction(force_rollback=True):
                for statement in script.statements:
                    _execute(self.conn, change, script, statement)
                if verify is not None:
                    self._run_verify(change, verify)
        except (ScriptFailed, VerifyFailed) as failure:
            return failure
        return None

    # -- deploy --------------------------------------------------------------------------------
    def deploy(self, to: str | None = None, mode: str = "all", verify: bool = False) -> Outcome:
        self.prepare()
        done = self.deployed()
        self._log_new_tags(done)
        target = self.plan.index_of(to) if to else len(self.plan.changes) - 1
        if target < len(done) - 1:
            raise PlanError(
                f"{self.plan.changes[target].name} is already deployed, and so are later changes",
                hint="use `onemedi-db revert --to` to go back",
            )
        pending = self.plan.changes[len(done) : target + 1]
        if not pending:
            return Outcome(message="Nothing to deploy (up-to-date)")
        scripts = {c.id: self.script("deploy", c) for c in pending}
        # Revert scripts are read only when a rollback needs them: a broken revert of a
        # change that is never rolled back does not stop a deploy.
        reverts: dict[str, Script] = {}
        verifies = {c.id: self.script("verify", c) for c in pending} if verify else {}
        self._check_dependencies(pending, done)
        outcome = Outcome()
        for change in pending:
            script = scripts[change.id]
            self.report(f"  + {change.format_name_with_tags()}")
            record = self.registry.deploy_sql(self.plan, change, script.sha1, self.who)
            try:
                self._run(change, script, record, verifies.get(change.id))
            except (ScriptFailed, VerifyFailed) as failure:
                self._record_fail(change)
                self._roll_back_run(outcome, mode, reverts)
                raise failure from None
            outcome.applied.append(change)
        return outcome

    def _record_fail(self, change: Change) -> None:
        try:
            with self.conn.transaction():
                self.registry.record_fail(self.plan, change, self.who)
        except psycopg.Error:
            pass  # the failure itself is what the user must see

    def _roll_back_run(self, outcome: Outcome, mode: str, reverts: dict[str, Script]) -> None:
        """After a failure: `all` reverts this run, `tag` back to its last tag, `change` nothing."""
        if mode == "change" or not outcome.applied:
            return
        changes = list(outcome.applied)
        if mode == "tag":
            tagged = [i for i, c in enumerate(changes) if c.tags]
            keep = tagged[-1] + 1 if tagged else 0
            changes = changes[keep:]
        rolled_back = Outcome()
        try:
            self.revert(changes[::-1], reverts, why=" (rolling back this run)",
                        outcome=rolled_back)
        except PlanError as broken:  # a revert script that cannot be read or parsed
            kept = [c.name for c in changes if c not in rolled_back.reverted]
            self.report(
                f"Rolling back stopped: {broken}; still deployed from this run: "
                f"{', '.join(kept)}. Fix that revert script, then `onemedi-db revert"
                f"{self._before(changes[0])}` finishes the rollback")
        outcome.applied = [c for c in outcome.applied if c not in rolled_back.reverted]
        outcome.reverted += rolled_back.reverted

    # -- revert --------------------------------------------------------------------------------
    def revert_plan(self, to: str | None) -> list[Change]:
        """The deployed changes a revert --to would remove, newest first.

        As sqitch: `to` is looked up among the deployed changes (the registry's record), and
        each change is the plan's, or rebuilt from its registry row when the plan lacks it
        (deployed from another branch); its revert script is where the plan would keep it.
        """
        self.registry.check_version()
        rows = self.registry.deployed()
        keep = 0
        if to:
            found = recorded.find(rows, self.registry.tag_times(), to)
            if found is None:
                try:
                    self.plan.index_of(to)
                except PlanError as unknown:
                    raise PlanError(f"{unknown}, nor deployed", hint=unknown.hint) from None
                raise PlanError(f"{to} is not deployed; nothing to revert to")
            keep = found + 1
        return [recorded.rebuilt(self.plan, row) for row in reversed(rows[keep:])]

    def revert(
        self, changes: list[Change], scripts: dict[str, Script] | None = None, why: str = "",
        outcome: Outcome | None = None,
    ) -> Outcome:
        """Revert `changes` in the order given, each with its registry rows in one transaction.

        Without `scripts`, every revert script is read first (nothing runs if one is broken);
        a rollback passes what it has and the others are read as each change's turn comes.
        """
        if scripts is None:
            scripts = {c.id: self.script("revert", c) for c in changes}
        outcome = Outcome() if outcome is None else outcome
        for change in changes:
            script = scripts.get(change.id) or self.script("revert", change)
            self.report(f"  - {change.format_name_with_tags()}{why}")
            self._run(change, script, self.registry.revert_sql(self.plan, change, self.who))
            outcome.reverted.append(change)
        if not changes:
            outcome.message = "Nothing to revert"
        return outcome

    # -- sqitch's rules ---------------------------------------------------------------------------
    def _log_new_tags(self, done: list[Deployed]) -> None:
        """Tags planned on the last deployed change after it was deployed are recorded now,
        as sqitch records them at the start of every deploy (`revert --to @tag` needs them)."""
        if not done:
            return
        change = self.plan.by_id(done[-1].change_id)
        if change is None or not change.tags:
            return
        added = self.registry.log_new_tags(self.plan, change, self.who)
        if added:
            self.report(f"Recorded tag(s) {', '.join(added)} on {change.name} (tagged after it "
                        "was deployed)")

    def _check_dependencies(self, pending: list[Change], done: list[Deployed]) -> None:
        """Before anything runs, as sqitch: no pending change may conflict with a change that
        is deployed or deployed earlier in this run, and each requirement must be one."""
        deployed_ids = {row.change_id for row in done}
        seen: set[str] = set()
        conflicts: list[str] = []
        missing: list[str] = []
        for change in pending:
            conflicts += [f"{change.name} conflicts with {dep.key(self.plan.project)}"
                          for dep in change.conflicts
                          if self._present(change, dep, seen | deployed_ids)]
            missing += [f"{change.name} requires {dep.key(self.plan.project)}"
                        for dep in change.requires
                        if not self._present(change, dep, seen | deployed_ids)]
            seen.add(change.id)
        if conflicts or missing:
            raise PlanError(
                "; ".join(
                    ([f"conflicts with deployed changes: {', '.join(conflicts)}"] if conflicts
                     else [])
                    + ([f"missing required changes: {', '.join(missing)}"] if missing else [])
                ) + "; nothing was deployed",
                hint="revert the conflicting change first, or deploy the required project first",
            )

    def _present(self, change: Change, dep: Any, ids: set[str]) -> bool:
        """Whether a dependency is deployed: same project, the plan's change (a bare name's
        first instance); another project, found in the registry by name, tag or id."""
        if dep.is_foreign(self.plan.project):
            return self.registry.change_id_for(dep.project, dep.change, dep.tag,
                                               dep.id) is not None
        target = self.plan.find(dep.key_name)
        if target is None:
            raise PlanError(f"change {change.name}: {dep.key(self.plan.project)} is not in "
                            f"{self.plan.path}")
        return target.id in ids

    def _before(self, change: Change) -> str:
        """The `--to` that reverts `change` and what came after it."""
        return f" --to {self.plan.changes[change.index - 1].name}" if change.index > 0 else ""

    # -- verify --------------------------------------------------------------------------------
    def verify(self) -> list[tuple[Change, str | None]]:
        """Run every deployed change's verify script; return (change, error or None)."""
        deployed = self.deployed()
        return [(c, self.verify_change(c)) for c in self.plan.changes[: len(deployed)]]

    def verify_change(self, change: Change) -> str | None:
        """Run one change's verify script in a rolled-back transaction; the error, or None."""
        try:
            script = self.script("verify", change)
            with self.conn.transaction(force_rollback=True):
                self._run_verify(change, script)
        except (ScriptFailed, VerifyFailed, PlanError) as exc:
            return str(exc)
        return None

    def _run_verify(self, change: Change, script: Script) -> None:
        if script.psql:
            return psqlchange.verify(self, change, script)
        for statement in script.statements:
            _execute(self.conn, change, script, statement)


class _Unplaced(Exception):
    """A failure in a multi-statement body whose statement PostgreSQL did not locate."""


class _Body:
    """Statements joined into one string, remembering where each script statement starts."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self.parts: list[str] = []
        self.size = 0
        self.origins: list[tuple[int, int, Script, Statement]] = []

    def add_sql(self, statement: str) -> None:
        self._append(statement)

    def add(self, script: Script, statement: Statement) -> None:
        start = self.size
        self._append(statement.sql)
        self.origins.append((start, self.size, script, statement))

    def _append(self, text: str) -> None:
        # A newline before the semicolon ends any trailing line comment of the statement.
        piece = text + "\n;\n"
        self.parts.append(piece)
        self.size += len(piece)

    def execute(self, change: Change) -> None:
        text = "".join(self.parts)
        try:
            self.conn.execute(text.encode("utf-8"), prepare=False)
        except psycopg.Error as exc:
            position = int(exc.diag.statement_position or 0)
            located = [o for o in self.origins if o[0] < position <= o[1]]
            if not located:
                raise _Unplaced(exc.diag.message_primary or str(exc)) from None
            start, _, script, statement = located[0]
            raise _failure(change, script, statement, exc, position - start) from None


class _ChangeMigration(Migration):  # type: ignore[misc]
    """A yoyo migration built from a plan change instead of a migrations folder."""

    def __init__(
        self, change: Change, script: Script, steps: list[Callable[[psycopg.Connection[Any]], None]]
    ) -> None:
        super().__init__(change.id, str(script.path), str(script.path.parent))
        self._steps = steps
        self.use_transactions = script.transactional

    def load(self) -> None:
        if self.steps is None:
            self._depends: set[Migration] = set()
            self.steps: list[MigrationStep] = [
                MigrationStep(i, step, None) for i, step in enumerate(self._steps)
            ]


def _statement_step(
    change: Change, script: Script, statement: Statement
) -> Callable[[psycopg.Connection[Any]], None]:
    return lambda conn: _execute(conn, change, script, statement)


def _execute(
    conn: psycopg.Connection[Any], change: Change, script: Script, statement: Statement
) -> None:
    try:
        conn.execute(statement.sql.encode("utf-8"), prepare=False)
    except psycopg.Error as exc:
        position = int(exc.diag.statement_position) if exc.diag.statement_position else None
        raise _failure(change, script, statement, exc, position) from None


def _failure(
    change: Change, script: Script, statement: Statement, exc: psycopg.Error, position: int | None
) -> ScriptFailed | VerifyFailed:
    """The error for a failed statement: VerifyFailed (exit 8) from a verify script."""
    diag = exc.diag
    line = script.line_of(statement, position)
    first = statement.sql.splitlines()[0][:80]
    detail = f" ({diag.message_detail})" if diag.message_detail else ""
    kind = script.path.parent.name
    message = (
        f"{change.name}: {kind} {script.path.name}:{line}: {diag.message_primary or exc}{detail}"
        f" [SQLSTATE {diag.sqlstate}] in statement: {first}"
    )
    if kind == "verify":
        return VerifyFailed(
            message,
            hint=diag.message_hint
            or "the change was not deployed; fix the change or its verify script and deploy again",
        )
    return ScriptFailed(
        message,
        hint=diag.message_hint or "the change was rolled back; fix the script and deploy again",
    )

