"""The `onemedi-db` command line: a thin Typer layer over plan, engine and registry.

Every command resolves its project (the checkout around the current folder, else the copy
bundled in the package) and its target (--target, DATABASE_URL, sqitch.conf, local `onemedi`).
Errors are one line on stderr and an exit code from `errors.py`, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .config import Project, Target, find_project, resolve_target
from .errors import Aborted, OnemediError, TargetUnreachable, VerifyFailed
from .plan import Plan, parse_plan

app = typer.Typer(
    name="onemedi-db",
    help="Deploy, revert and verify the ONE MEDI schema (sqitch-compatible).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

TargetOpt = Annotated[
    str | None,
    typer.Option("--target", "-t", help="postgresql:// URL, db:pg: URI or a target name from "
                 "sqitch.conf (default: $DATABASE_URL, then sqitch.conf, then local `onemedi`)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
ToOpt = Annotated[
    str | None,
    typer.Option("--to", help="Change spec: @HEAD, @ROOT, name, @tag, name@tag, name^, name~N."),
]
LockOpt = Annotated[
    float, typer.Option("--lock-timeout", help="Seconds to wait for another run's lock.")
]
F = TypeVar("F", bound=Callable[..., Any])


def _say(message: str) -> None:
    typer.echo(message, err=False)


def _note(message: str) -> None:
    typer.echo(message, err=True)


def _fail(exc: OnemediError) -> None:
    typer.echo(f"onemedi-db: error: {exc}", err=True)
    if exc.hint:
        typer.echo(f"onemedi-db: hint: {exc.hint}", err=True)
    raise typer.Exit(exc.exit_code)


def handled(func: F) -> F:
    """Turn every expected failure into one clear line and its documented exit code."""
    import functools

    import psycopg

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OnemediError as exc:
            _fail(exc)
        except psycopg.OperationalError as exc:
            _fail(TargetUnreachable(f"lost the database connection: {str(exc).strip()}"))
        except psycopg.Error as exc:
            _fail(OnemediError(f"database error: {exc.diag.message_primary or exc}"))
        except KeyboardInterrupt:
            typer.echo("onemedi-db: interrupted; the change in flight was rolled back", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug of ours: still one line, the traceback on request
            if os.environ.get("ONEMEDI_DEBUG"):
                raise
            _fail(OnemediError(
                f"internal error: {type(exc).__name__}: {exc}",
                hint="set ONEMEDI_DEBUG=1 for the traceback and report it; "
                "the change in flight was rolled back",
            ))

    return wrapper  # type: ignore[return-value]


def _load(target_opt: str | None) -> tuple[Project, Plan, Target]:
    project = find_project()
    plan = parse_plan(project.plan_file, project.top_dir)
    return project, plan, resolve_target(project, target_opt)


def _engine(project: Project, plan: Plan, target: Target, create: bool = False) -> Any:
    from .engine import Engine, connect

    conn = connect(target, create=create, report=_note)
    return Engine(project, plan, conn, report=_say)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"onemedi-db {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback,
                                          is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Deploy, revert and verify the ONE MEDI schema (sqitch-compatible)."""


@app.command()
@handled
def deploy(
    target: TargetOpt = None,
    to: ToOpt = None,
    mode: Annotated[str, typer.Option(help="On failure revert: all (this run), tag (to the "
                                      "last tag), change (nothing more).")] = "all",
    verify: Annotated[bool, typer.Option("--verify", help="Run each change's verify script "
                                         "before committing it; a failure undoes it.")] = False,
    lock_timeout: LockOpt = 60.0,
) -> None:
    """Deploy the plan's pending changes (installs the Supabase stand-in where needed)."""
    from . import standin

    if mode not in ("all", "change", "tag"):
        raise OnemediError(f"unknown --mode {mode!r}", hint="use all, change or tag")
    project, plan, tgt = _load(target)
    engine = _engine(project, plan, tgt, create=True)
    _say(f"Deploying {plan.project} to {tgt.display()} ({project.source} plan {project.plan_file})")
    with engine.locked(lock_timeout):
        if standin.is_needed(engine.conn):
            _say("Installing the Supabase stand-in (auth, storage, roles, extensions schema): "
                 "this database has no Supabase objects")
            standin.install(engine.conn)
        outcome = engine.deploy(to=to, mode=mode, verify=verify)
    _say(outcome.message or f"Deployed {len(outcome.deployed)} change(s)")


@app.command()
@handled
def revert(
    target: TargetOpt = None,
    to: ToOpt = None,
    yes: Annotated[bool, typer.Option("-y", "--yes", help="Do not ask for confirmation.")] = False,
    lock_timeout: LockOpt = 60.0,
) -> None:
    """Revert deployed changes, newest first (all of them unless --to)."""
    project, plan, tgt = _load(target)
    engine = _engine(project, plan, tgt)
    with engine.locked(lock_timeout):
        changes = engine.revert_plan(to)
        if changes and not yes:
            names = ", ".join(c.name for c in changes[:5]) + (" ..." if len(changes) > 5 else "")
            if not sys.stdin.isatty() or not typer.confirm(
                f"Revert {len(changes)} change(s) from {tgt.display()} ({names})?"
            ):
                raise Aborted("revert not confirmed; nothing was changed",
                              hint="pass -y to revert without asking")
        _say(f"Reverting {plan.project} on {tgt.display()}")
        outcome = engine.revert(changes)
    _say(outcome.message or f"Reverted {len(outcome.reverted)} change(s)")


@app.command()
@handled
def verify(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Run the verify script of every deployed change (each in a rolled-back transaction)."""
    project, plan, tgt = _load(target)
    results = _engine(project, plan, tgt).verify()
    failed = [(c, e) for c, e in results if e]
    if json_out:
        _say(json.dumps({"target": tgt.display(), "changes": [
            {"change": c.name, "change_id": c.id, "ok": e is None, "error": e} for c, e in results
        ]}, indent=2))
    else:
        for change, error in results:
            _say(f"  * {change.name} .. {'ok' if error is None else 'NOT OK'}")
            if error:
                _note(f"    {error}")
    if failed:
        raise VerifyFailed(f"{len(failed)} of {len(results)} change(s) failed verification")
    if not json_out:
        _say(f"Verified {len(results)} change(s): all ok")


@app.command()
@handled
def status(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Show what is deployed and what is pending, and which plan files are used."""
    project, plan, tgt = _load(target)
    engine = _engine(project, plan, tgt)
    done = engine.deployed()
    pending = plan.changes[len(done):]
    last = done[-1] if done else None
    tags = [t for d in done for t in d.tags]
    data = {
        "project": plan.project,
        "target": tgt.display(),
        "plan_source": project.source,
        "plan_file": str(project.plan_file),
        "deployed": len(done),
        "pending": [c.name for c in pending],
        "last_change": last.change if last else None,
        "last_change_id": last.change_id if last else None,
        "deployed_at": last.committed_at.isoformat() if last else None,
        "tags": tags,
    }
    if json_out:
        _say(json.dumps(data, indent=2))
        return
    _say(f"# Project:  {plan.project}\n# Target:   {tgt.display()}\n"
         f"# Plan:     {project.plan_file} ({project.source} files)")
    if last:
        _say(f"# Change:   {last.change_id}\n# Name:     {last.change}"
             + (f"\n# Tags:     {', '.join(tags)}" if tags else "")
             + f"\n# Deployed: {last.committed_at:%Y-%m-%d %H:%M:%S %z}")
    else:
        _say("# No changes deployed")
    if pending:
        _say(f"Undeployed changes ({len(pending)}):")
        for change in pending:
            _say(f"  * {change.format_name_with_tags()}")
    else:
        _say("Nothing to deploy (up-to-date)")


@app.command()
@handled
def log(
    target: TargetOpt = None,
    json_out: JsonOpt = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Newest N events only.")] = None,
) -> None:
    """Show the registry's event history, newest first."""
    project, plan, tgt = _load(target)
    events = _engine(project, plan, tgt).registry.events(limit)
    if json_out:
        _say(json.dumps(events, indent=2, default=_json_default))
        return
    for e in events:
        _say(f"{e['event'].capitalize():7} {e['change_id'][:12]} {e['change']}"
             f"{' ' + ' '.join(e['tags']) if e['tags'] else ''}  "
             f"{e['committed_at']:%Y-%m-%d %H:%M:%S %z} {e['committer_name']}")
    if not events:
        _say("No events recorded")


@app.command("plan")
@handled
def plan_cmd(json_out: JsonOpt = False) -> None:
    """List the plan's changes and tags with their sqitch ids (no database needed)."""
    project = find_project()
    plan = parse_plan(project.plan_file, project.top_dir)
    if json_out:
        _say(json.dumps({"project": plan.project, "changes": [
            {"name": c.name, "change_id": c.id, "requires": [d.key(plan.project) for d in c.requires],
             "conflicts": [d.key(plan.project) for d in c.conflicts], "tags": [t.name for t in c.tags],
             "tag_ids": [t.id for t in c.tags], "planned_at": c.planned_at,
             "planner": f"{c.planner_name} <{c.planner_email}>", "note": c.note}
            for c in plan.changes]}, indent=2))
        return
    _say(f"# Project: {plan.project}\n# File:    {plan.path}\n")
    for change in plan.changes:
        deps = f" [{' '.join(d.key(plan.project) for d in change.dependencies)}]" \
            if change.dependencies else ""
        _say(f"{change.id} {change.format_name_with_tags()}{deps}")


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def run() -> None:
    """Console-script entry point."""
    app()
