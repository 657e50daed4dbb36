"""Deploy, revert and verify plan changes, recording them in sqitch's registry.

yoyo-migrations runs each change: the plan becomes yoyo `Migration`s whose steps are the
change's statements followed by its registry rows, applied by yoyo's psycopg 3 backend in one
transaction. yoyo's own bookkeeping (its migration, log, version and lock tables) is never
created: the sqitch registry is the only record, and sqitch's advisory lock the only lock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import psycopg
from psycopg import sql
from yoyo.backends.core.postgresql import PostgresqlPsycopgBackend
from yoyo.connections import parse_uri
from yoyo.migrations import Migration, MigrationStep

from ..errors import (
    DdlLockTimeout,
    Interrupted,
    LockTimeout,
    OnemediError,
    PlanError,
    RegistryError,
    ScriptFailed,
    TargetUnreachable,
    VerifyFailed,
)
from . import psqlchange, recorded
from .config import Project, Target
from .plan import Change, Plan
from .registry import Deployed, Person, Registry, committer
from .safety import ADVISORY_LOCK_KEY, Safety, lock_holder
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

    def rollback(self) -> None:
        # yoyo also rolls back before a no-transaction change runs; with nothing open that
        # would only earn a WARNING ("there is no transaction in progress") per such change.
        if self._given.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            super().rollback()
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
        safety: Safety | None = None,
    ) -> None:
        self.project = project
        self.plan = plan
        self.conn = conn
        self.report = report
        self.safety = safety or Safety()
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
                holder = lock_holder(self.conn)
                who = f" (held by {holder.describe()})" if holder else ""
                raise LockTimeout(
                    f"another deploy or revert holds the lock{who}; gave up after {timeout:g} s",
                    hint="wait for it to finish, or raise --lock-timeout; a killed client's lock "
                    "is released when its connection ends; `onemedi-db doctor` names the holder",
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

    def apply_session_settings(self) -> None:
        """The run's lock_timeout and statement_timeout, for everything it sends."""
        self.conn.execute(self.safety.settings_sql(local=False))

    def _apply(
        self, change: Change, script: Script, record: str, verify: Script | None = None,
        log_only: bool = False,
    ) -> None:
        """Apply one change (or, `log_only`, only its registry rows), retrying lock timeouts.

        The first attempt is one round trip (`_run`); a retry runs the same transaction
        statement by statement (`_run_stepwise`), so that a last failure names its statement.
        A no-transaction change is retried only when its first statement timed out (nothing
        of it ran).
        """
        attempt = 0
        while True:
            try:
                if attempt == 0 or not script.transactional:
                    self._run(change, script, record, verify, log_only)
                else:
                    self._run_stepwise(change, script, record, verify, log_only)
                return
            except DdlLockTimeout as exc:
                attempt += 1
                if attempt > self.safety.lock_retries or not exc.retryable:
                    tries = f" ({attempt} attempts)" if attempt > 1 else ""
                    raise DdlLockTimeout(f"{exc}{tries}", hint=exc.hint) from None
                pause = self.safety.pause(attempt)
                self.report(f"    {change.name}: lock timeout after "
                            f"{self.safety.lock_timeout:g} s; retry {attempt} of "
                            f"{self.safety.lock_retries} in {pause:g} s")
                time.sleep(pause)

    def _run(
        self, change: Change, script: Script, record: str, verify: Script | None = None,
        log_only: bool = False,
    ) -> None:
        """Apply one change and its registry rows atomically, through a yoyo migration.

        A transactional change travels as one multi-statement string, BEGIN to COMMIT, as the
        step of yoyo's transaction: its statements, its verify (in a savepoint, when asked) and
        its registry rows, so a client killed at any moment leaves all of it committed or none
        of it, in one round trip.
        A failure is then replayed statement by statement (and rolled back) to name the
        statement, its line and PostgreSQL's message.
        """
        if not log_only and (script.psql or (verify is not None and verify.psql)):
            return psqlchange.run(self, change, script, record, verify)
        statements = () if log_only else script.statements
        if not script.transactional and not log_only:
            # No transaction possible: statement by statement, then the registry rows.
            self.conn.execute(self.safety.settings_sql(local=False))
            steps = [_statement_step(change, script, s, i == 0) for i, s in enumerate(statements)]
            _ChangeMigration(change, script, steps).process_steps(self.backend, "apply")
            with self.conn.transaction():
                self.registry.lock_changes()
                self.conn.execute(record)
            return
        body = _Body(self.conn)
        body.add_sql("BEGIN")
        body.add_sql("SET LOCAL synchronous_commit = off")
        body.add_sql(self.safety.settings_sql(local=True))
        body.add_sql(self.registry.lock_changes_sql())
        for statement in statements:
            body.add(script, statement)
        if verify is not None:
            body.add_sql("SAVEPOINT onemedi_verify")
            for statement in verify.statements:
                body.add(verify, statement)
            body.add_sql("ROLLBACK TO SAVEPOINT onemedi_verify")
        body.add_sql(record)
        body.add_sql("COMMIT")
        migration = _ChangeMigration(change, script, [lambda c: body.execute(change, script)])
        try:
            migration.process_steps(self.backend, "apply")
        except _Unplaced as failure:
            raise self._diagnose(change, script, verify, log_only) or ScriptFailed(
                f"{change.name}: {failure}", hint="the change was rolled back"
            ) from None
        self._async_commits = True

    def _run_stepwise(
        self, change: Change, script: Script, record: str, verify: Script | None,
        log_only: bool,
    ) -> None:
        """The same transaction as `_run`, one statement per round trip."""
        with self.conn.transaction():
            self.conn.execute(self.safety.settings_sql(local=True))
            self.registry.lock_changes()
            for statement in () if log_only else script.statements:
                _execute(self.conn, change, script, statement)
            if verify is not None:
                with self.conn.transaction(force_rollback=True):
                    self._run_verify(change, verify)
            self.conn.execute(record)

    def _diagnose(
        self, change: Change, script: Script, verify: Script | None, log_only: bool = False
    ) -> ScriptFailed | VerifyFailed | None:
        """Replay a failed change statement by statement in a rolled-back transaction."""
        try:
            with self.conn.transaction(force_rollback=True):
                for statement in () if log_only else script.statements:
                    _execute(self.conn, change, script, statement)
                if verify is not None:
                    self._run_verify(change, verify)
        except (ScriptFailed, VerifyFailed) as failure:
            return failure
        return None

    # -- deploy --------------------------------------------------------------------------------
    def deploy(
        self, to: str | None = None, mode: str = "all", verify: bool = False,
        log_only: bool = False, check_existing: bool = True,
    ) -> Outcome:
        self.apply_session_settings()
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
        if not done and not log_only and check_existing and not self.registry.events(1):
            self._refuse_existing_schema(pending)
        self.prepare()
        outcome = Outcome()
        for change in pending:
            script = scripts[change.id]
            self.report(f"  + {change.format_name_with_tags()}" + (" (log only)" * log_only))
            record = self.registry.deploy_sql(self.plan, change, script.sha1, self.who)
            try:
                self._apply(change, script, record, verifies.get(change.id), log_only)
            except (ScriptFailed, VerifyFailed) as failure:
                self._record_fail(change)
                raise self._roll_back_run(outcome, mode, reverts, failure, log_only) from None
            except KeyboardInterrupt:
                raise self._interrupted(change, outcome, mode, reverts, log_only) from None
            outcome.applied.append(change)
        return outcome

    def _refuse_existing_schema(self, pending: list[Change]) -> None:
        """Refuse to deploy over a schema built another way (`supabase db push`, a restore).

        Nothing of this project was ever recorded here (no event), yet the verify script of
        the first pending change passes: its objects are already there. The pending changes'
        verify scripts are run in order, each rolled back, until one fails (on a new
        database: the first); a verify script that checks nothing (no statement, as sqitch's
        template, or only constant SELECTs such as `SELECT 1`) ends the probe.
        """
        present: list[str] = []
        for change in pending:
            try:
                script = self.script("verify", change)
            except PlanError:
                break  # no verify script to ask
            if not _checks_something(script) or self.verify_change(change, script) is not None:
                break
            present.append(change.name)
        if not present:
            return
        names = ", ".join(present[:5]) + (f" and {len(present) - 5} more" if len(present) > 5
                                          else "")
        raise RegistryError(
            f"the target already has the objects of {len(present)} change(s) ({names}: their "
            f"verify scripts pass) but its registry records no change of project "
            f"{self.plan.project}: it was built another way (supabase db push, a restore?); "
            "nothing was changed",
            hint=f"to adopt it as it is: `onemedi-db deploy --log-only --verify --to "
            f"{present[-1]}` records those changes without running their scripts, then "
            "`onemedi-db deploy` runs the rest; if those verify scripts pass on any database "
            "(they check nothing), `--deploy-over-existing` runs the scripts anyway",
        )

    def _record_fail(self, change: Change) -> None:
        try:
            with self.conn.transaction():
                self.registry.record_fail(self.plan, change, self.who)
        except psycopg.Error:
            pass  # the failure itself is what the user must see

    def _to_roll_back(self, outcome: Outcome, mode: str) -> list[Change]:
        """`all` reverts this run, `tag` back to its last tag, `change` nothing (newest first)."""
        if mode == "change":
            return []
        changes = list(outcome.applied)
        if mode == "tag":
            tagged = [i for i, c in enumerate(changes) if c.tags]
            changes = changes[tagged[-1] + 1 if tagged else 0 :]
        return changes[::-1]

    def _roll_back_run(
        self, outcome: Outcome, mode: str, reverts: dict[str, Script], failure: OnemediError,
        log_only: bool,
    ) -> OnemediError:
        """Roll back after `failure`; return the error to raise: always `failure` itself, with
        what the rollback did (or where it stopped) in its hint."""
        changes = self._to_roll_back(outcome, mode)
        if not changes:
            return failure
        try:
            self.revert(changes, reverts, why=" (rolling back this run)", log_only=log_only,
                        outcome=outcome)
        except (OnemediError, psycopg.Error, KeyboardInterrupt) as second:
            if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                self.conn.execute("ROLLBACK")
            kept = [c.name for c in outcome.applied if c not in outcome.reverted]
            reason = (second.diag.message_primary if isinstance(second, psycopg.Error)
                      else "interrupted" if isinstance(second, KeyboardInterrupt)
                      else str(second))
            return type(failure)(
                str(failure),
                hint=f"rolling back this run then stopped: {reason}; still deployed from this "
                f"run: {', '.join(kept) or 'nothing'} (see `onemedi-db status`); fix what "
                f"stopped it, then `onemedi-db revert{self._before(changes[-1])}` finishes "
                "the rollback",
            )
        finally:
            outcome.applied = [c for c in outcome.applied if c not in outcome.reverted]
        done = f"this run's {len(changes)} other change(s) were reverted"
        return type(failure)(str(failure),
                             hint=f"{failure.hint}; {done}" if failure.hint else done)

    def _interrupted(
        self, change: Change, outcome: Outcome, mode: str, reverts: dict[str, Script],
        log_only: bool,
    ) -> Interrupted:
        """Ctrl-C: `change` was rolled back by its transaction; undo the run as `mode` says."""
        if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            self.conn.execute("ROLLBACK")
        self.report(f"Interrupted during {change.name}: it was rolled back")
        failure = Interrupted(f"interrupted during {change.name}, which was rolled back")
        if mode == "change" or not outcome.applied:
            kept = ", ".join(c.name for c in outcome.applied)
            return Interrupted(str(failure), hint=f"deployed by this run and kept: {kept}"
                               if kept else "nothing of this run was deployed")
        result = self._roll_back_run(outcome, mode, reverts, failure, log_only)
        return Interrupted(str(result), hint=result.hint)

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
        log_only: bool = False, outcome: Outcome | None = None,
    ) -> Outcome:
        """Revert `changes` in the order given, each with its registry rows in one transaction.

        Without `scripts`, every revert script is read first (nothing runs if one is broken);
        a rollback passes what it has and the others are read as each change's turn comes.
        Each reverted change is added to `outcome` as soon as it is reverted (a new one by
        default).
        """
        if scripts is None:
            scripts = {c.id: self.script("revert", c) for c in changes}
        self.apply_session_settings()
        outcome = Outcome() if outcome is None else outcome
        run_safety, self.safety = self.safety, replace(self.safety, storage_deletes=True)
        try:
            for change in changes:
                self.report(f"  - {change.format_name_with_tags()}{why}"
                            + (" (log only)" * log_only))
                script = scripts.get(change.id) or self.script("revert", change)
                self._apply(change, script, self.registry.revert_sql(self.plan, change, self.who),
                            log_only=log_only)
                outcome.reverted.append(change)
        finally:
            self.safety = run_safety
            if self.conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                self.conn.execute("RESET storage.allow_delete_query")  # a no-transaction revert
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
        """Run every deployed change's verify script; return (change, error or None).

        As sqitch: an earlier instance of a reworked change is not verified (it counts as
        passing), since its `name@TAG.sql` checks the object as it was before the rework;
        the latest instance's verify speaks for the change.
        """
        deployed = self.deployed()
        return [(c, None if c.script_tag else self.verify_change(c))
                for c in self.plan.changes[: len(deployed)]]

    def verify_change(self, change: Change, script: Script | None = None) -> str | None:
        """Run one change's verify script in a rolled-back transaction; the error, or None."""
        try:
            script = script or self.script("verify", change)
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


_CONSTANT_SELECT = re.compile(
    r"(?is)\s*SELECT\s+(?:[\d\s.,+\-*/()]|true\b|false\b|null\b|'[^']*')*")


def _checks_something(script: Script) -> bool:
    """Whether a verify script could fail on an empty database (not just `SELECT 1`)."""
    return any(not _CONSTANT_SELECT.fullmatch(s.sql) for s in script.statements)


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

    def execute(self, change: Change, script: Script) -> None:
        text = "".join(self.parts)
        try:
            self.conn.execute(text.encode("utf-8"), prepare=False)
        except psycopg.Error as exc:
            position = int(exc.diag.statement_position or 0)
            located = [o for o in self.origins if o[0] < position <= o[1]]
            if not located and exc.diag.sqlstate in _TIMEOUTS:
                # Replaying would only wait as long again: report it as it is.
                raise _timeout(change, script, None, exc, first=True) from None
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
    change: Change, script: Script, statement: Statement, first: bool
) -> Callable[[psycopg.Connection[Any]], None]:
    return lambda conn: _execute(conn, change, script, statement, first)


def _execute(
    conn: psycopg.Connection[Any], change: Change, script: Script, statement: Statement,
    first: bool = True,
) -> None:
    try:
        conn.execute(statement.sql.encode("utf-8"), prepare=False)
    except psycopg.Error as exc:
        if exc.diag.sqlstate in _TIMEOUTS:
            raise _timeout(change, script, statement, exc, first) from None
        position = int(exc.diag.statement_position) if exc.diag.statement_position else None
        raise _failure(change, script, statement, exc, position) from None


_LOCK_NOT_AVAILABLE, _QUERY_CANCELED = "55P03", "57014"
_TIMEOUTS = (_LOCK_NOT_AVAILABLE, _QUERY_CANCELED)


def _timeout(
    change: Change, script: Script, statement: Statement | None, exc: psycopg.Error, first: bool
) -> ScriptFailed:
    """lock_timeout (DdlLockTimeout, retried) or statement_timeout (ScriptFailed, not)."""
    where = f"{script.path.parent.name} {script.path.name}"
    if statement is not None:
        where += f":{statement.line}: {statement.sql.splitlines()[0][:80]}"
    message = f"{change.name}: {where}: {exc.diag.message_primary or exc}"
    if exc.diag.sqlstate == _LOCK_NOT_AVAILABLE:
        failure = DdlLockTimeout(
            message,
            hint="another session holds a lock this change needs (an open transaction on the "
            "table?); the change was rolled back. Find the session with the query in the "
            "README's troubleshooting, or raise --ddl-lock-timeout / --lock-retries",
        )
        failure.retryable = first
        return failure
    return ScriptFailed(
        message,
        hint="a statement ran longer than statement_timeout; the change was rolled back. "
        "Raise --statement-timeout (0 is off) or make the change cheaper",
    )


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

