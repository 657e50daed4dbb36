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
from .engine.config import Project, Target, find_project, resolve_target
from .engine.plan import Plan, parse_plan
from .errors import Aborted, OnemediError, TargetUnreachable, VerifyFailed

app = typer.Typer(
    name="onemedi-db",
    help="Deploy, revert and verify the ONE MEDI schema (sqitch-compatible).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

TargetOpt = Annotated[
    str | None,
    typer.Option(
        "--target",
        "-t",
        help="postgresql:// URL, db:pg: URI or a target name from "
        "sqitch.conf (default: $DATABASE_URL, then sqitch.conf, then local `onemedi`).",
    ),
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
            _fail(
                OnemediError(
                    f"internal error: {type(exc).__name__}: {exc}",
                    hint="set ONEMEDI_DEBUG=1 for the traceback and report it; "
                    "the change in flight was rolled back",
                )
            )

    return wrapper  # type: ignore[return-value]


def _load(target_opt: str | None) -> tuple[Project, Plan, Target]:
    project = find_project()
    plan = parse_plan(project.plan_file, project.top_dir)
    return project, plan, resolve_target(project, target_opt)


def _engine(project: Project, plan: Plan, target: Target, create: bool = False) -> Any:
    from .engine.runner import Engine, connect

    conn = connect(target, create=create, report=_note)
    return Engine(project, plan, conn, report=_say)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"onemedi-db {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Deploy, revert and verify the ONE MEDI schema (sqitch-compatible)."""


@app.command()
@handled
def deploy(
    target: TargetOpt = None,
    to: ToOpt = None,
    mode: Annotated[
        str,
        typer.Option(
            help="On failure revert: all (this run), tag (to the last tag), change (nothing more)."
        ),
    ] = "all",
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Run each change's verify script before committing it; a failure undoes it.",
        ),
    ] = False,
    lock_timeout: LockOpt = 60.0,
) -> None:
    """Deploy the plan's pending changes (installs the Supabase stand-in where needed)."""
    from .supabase import standin

    if mode not in ("all", "change", "tag"):
        raise OnemediError(f"unknown --mode {mode!r}", hint="use all, change or tag")
    project, plan, tgt = _load(target)
    engine = _engine(project, plan, tgt, create=True)
    _say(f"Deploying {plan.project} to {tgt.display()} ({project.source} plan {project.plan_file})")
    with engine.locked(lock_timeout):
        if standin.is_needed(engine.conn):
            _say(
                "Installing the Supabase stand-in (auth, storage, roles, extensions schema): "
                "this database has no Supabase objects"
            )
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
                raise Aborted(
                    "revert not confirmed; nothing was changed",
                    hint="pass -y to revert without asking",
                )
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
        _say(
            json.dumps(
                {
                    "target": tgt.display(),
                    "changes": [
                        {"change": c.name, "change_id": c.id, "ok": e is None, "error": e}
                        for c, e in results
                    ],
                },
                indent=2,
            )
        )
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
    pending = plan.changes[len(done) :]
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
    _say(
        f"# Project:  {plan.project}\n# Target:   {tgt.display()}\n"
        f"# Plan:     {project.plan_file} ({project.source} files)"
    )
    if last:
        _say(
            f"# Change:   {last.change_id}\n# Name:     {last.change}"
            + (f"\n# Tags:     {', '.join(tags)}" if tags else "")
            + f"\n# Deployed: {last.committed_at:%Y-%m-%d %H:%M:%S %z}"
        )
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
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="Newest N events only.")
    ] = None,
) -> None:
    """Show the registry's event history, newest first."""
    project, plan, tgt = _load(target)
    events = _engine(project, plan, tgt).registry.events(limit)
    if json_out:
        _say(json.dumps(events, indent=2, default=_json_default))
        return
    for e in events:
        _say(
            f"{e['event'].capitalize():7} {e['change_id'][:12]} {e['change']}"
            f"{' ' + ' '.join(e['tags']) if e['tags'] else ''}  "
            f"{e['committed_at']:%Y-%m-%d %H:%M:%S %z} {e['committer_name']}"
        )
    if not events:
        _say("No events recorded")


@app.command("plan")
@handled
def plan_cmd(json_out: JsonOpt = False) -> None:
    """List the plan's changes and tags with their sqitch ids (no database needed)."""
    project = find_project()
    plan = parse_plan(project.plan_file, project.top_dir)
    if json_out:
        _say(
            json.dumps(
                {
                    "project": plan.project,
                    "changes": [
                        {
                            "name": c.name,
                            "change_id": c.id,
                            "requires": [d.key(plan.project) for d in c.requires],
                            "conflicts": [d.key(plan.project) for d in c.conflicts],
                            "tags": [t.name for t in c.tags],
                            "tag_ids": [t.id for t in c.tags],
                            "planned_at": c.planned_at,
                            "planner": f"{c.planner_name} <{c.planner_email}>",
                            "note": c.note,
                        }
                        for c in plan.changes
                    ],
                },
                indent=2,
            )
        )
        return
    _say(f"# Project: {plan.project}\n# File:    {plan.path}\n")
    for change in plan.changes:
        deps = (
            f" [{' '.join(d.as_written(plan.project) for d in change.dependencies)}]"
            if change.dependencies
            else ""
        )
        _say(f"{change.id} {change.format_name_with_tags()}{deps}")


export_app = typer.Typer(help="Export the plan for other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("supabase")
@handled
def export_supabase(
    directory: Annotated[
        str,
        typer.Argument(
            help="Folder to write supabase/migrations and supabase/tests into (created if missing)."
        ),
    ],
    since: Annotated[
        str | None, typer.Option("--since", help="Export only the changes planned after this tag.")
    ] = None,
) -> None:
    """Write the plan as Supabase CLI migrations (one file per change) plus the pgTAP tests."""
    from pathlib import Path

    from .supabase.export import export_supabase as write_export

    project = find_project()
    plan = parse_plan(project.plan_file, project.top_dir)
    result = write_export(project, plan, Path(directory), since)
    _say(
        f"Exported {len(result.migrations)} migration(s) to "
        f"{Path(directory) / 'supabase' / 'migrations'} and {len(result.tests)} test file(s) "
        f"to {Path(directory) / 'supabase' / 'tests'} ({project.source} plan)"
    )


@app.command()
@handled
def docs(
    target: TargetOpt = None,
    out: Annotated[str, typer.Option("--out", help="Folder of the generated pages.")] = (
        "docs/schema"
    ),
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 9 when the pages differ from the database."
        ),
    ] = False,
) -> None:
    """Generate the schema reference (Markdown and Mermaid ERDs) from a deployed database."""
    from pathlib import Path

    from .engine.runner import connect
    from .reference import schemadoc

    project = find_project()
    with connect(resolve_target(project, target)) as conn:
        pages = schemadoc.render(conn)
    if check:
        schemadoc.check(pages, Path(out))
        _say(f"{out} is up to date ({len(pages)} pages)")
        return
    changed = schemadoc.write(pages, Path(out))
    _say(f"Wrote {len(pages)} pages to {out} ({len(changed)} changed)")


@app.command("test")
@handled
def test_cmd(
    target: TargetOpt = None,
    junit: Annotated[str | None, typer.Option("--junit", help="Also write JUnit XML here.")] = None,
    tap: Annotated[bool, typer.Option("--tap", help="Print the TAP output of every file.")] = False,
    directory: Annotated[
        str | None,
        typer.Option(
            "--dir", help="Folder of test*.sql files (default: the project's tests/pgtap)."
        ),
    ] = None,
) -> None:
    """Run the pgTAP suites against a deployed database, each file rolled back."""
    from pathlib import Path

    from .authoring import testrun
    from .engine.runner import connect
    from .errors import TestsFailed

    project = find_project()
    files = testrun.suite_files(Path(directory) if directory else project.root / "tests" / "pgtap")
    with connect(resolve_target(project, target)) as conn:
        testrun.ensure_pgtap(conn, _note)
        results = testrun.run_suite(conn, files)
    for r in results:
        if tap:
            _say(f"# {r.path.name}\n" + "\n".join(r.tap))
        _say(
            f"{r.path.name} .. "
            + ("ok" if r.ok else "NOT OK: " + "; ".join(r.problems))
            + f" ({len(r.assertions)} tests)"
        )
    if junit:
        Path(junit).write_text(testrun.junit_xml(results), encoding="utf-8")
    total = sum(len(r.assertions) for r in results)
    bad = [r for r in results if not r.ok]
    if bad:
        raise TestsFailed(
            f"{len(bad)} of {len(results)} pgTAP file(s) failed: "
            + ", ".join(r.path.name for r in bad)
        )
    _say(f"All tests successful. Files={len(results)}, Tests={total}")


@app.command()
@handled
def doctor(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Check the target database and this machine: OK, WARN or FAIL, each with a fix."""
    from .engine import doctor as checks

    project, plan, tgt = _load(target)
    found = checks.run_checks(project, plan, tgt)
    if json_out:
        _say(json.dumps(checks.as_json(found), indent=2))
    else:
        for check in found:
            for line in checks.format_check(check):
                _say(line)
    failed = [c for c in found if c.status == "FAIL"]
    if failed:
        raise OnemediError(
            f"doctor found {len(failed)} failing check(s): " + ", ".join(c.name for c in failed)
        )


NoteOpt = Annotated[
    str,
    typer.Option(
        "--note",
        "-n",
        "-m",
        help="Note for the plan line (one line of why; part of the change id).",
    ),
]
RequiresOpt = Annotated[
    list[str] | None,
    typer.Option("--requires", "-r", help="A change this one requires (repeatable)."),
]
ConflictsOpt = Annotated[
    list[str] | None,
    typer.Option("--conflicts", "-c", "-x", help="A change this one conflicts with (repeatable)."),
]


def _rel(project: Project, path: Any) -> str:
    from .authoring.changes import _rel as rel

    return rel(project, path)


@app.command()
@handled
def add(
    name: Annotated[str, typer.Argument(help="Name of the new change (sqitch's naming rules).")],
    requires: RequiresOpt = None,
    conflicts: ConflictsOpt = None,
    note: NoteOpt = "",
) -> None:
    """Add a change: its three scripts from the house-style templates and its plan line."""
    from .authoring.changes import add_change

    project = find_project()
    result = add_change(project, name, requires or [], conflicts or [], note)
    for path in result.created:
        _say(f"Created {_rel(project, path)}")
    for path in result.skipped:
        _say(f"Skipped {_rel(project, path)}: already exists")
    _say(f'Added "{result.summary}" to {project.plan_file.name}')


@app.command()
@handled
def tag(
    name: Annotated[str, typer.Argument(help="Tag name, with or without the leading @.")],
    note: NoteOpt = "",
) -> None:
    """Tag the last change of the plan."""
    from .authoring.changes import add_tag

    project = find_project()
    result = add_tag(project, name, note)
    _say(f'Tagged "{result.change}" with @{name.removeprefix("@")} in {project.plan_file.name}')


@app.command()
@handled
def rework(
    name: Annotated[str, typer.Argument(help="The planned change to rework.")],
    requires: RequiresOpt = None,
    conflicts: ConflictsOpt = None,
    note: NoteOpt = "",
) -> None:
    """Rework a change after a tag: keep its scripts as NAME@TAG.sql and plan it again."""
    from .authoring.changes import rework_change

    project = find_project()
    result = rework_change(project, name, requires or [], conflicts or [], note)
    for src, dst in result.copied:
        _say(f"Copied {_rel(project, src)} to {_rel(project, dst)}")
    _say(f'Added "{result.summary}" to {project.plan_file.name}')
    _say("Modify these files as appropriate:")
    for path in result.created:
        _say(f"  * {_rel(project, path)}")


@app.command("check")
@handled
def check_cmd(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Find drift without changing anything: edited scripts, unknown or misordered changes,
    failing verifies."""
    from .authoring.check import check as find_drift
    from .errors import DriftFound

    project, plan, tgt = _load(target)
    deployed, findings = find_drift(_engine(project, plan, tgt))
    if json_out:
        _say(
            json.dumps(
                {
                    "target": tgt.display(),
                    "deployed": deployed,
                    "clean": not findings,
                    "findings": [f.as_dict() for f in findings],
                },
                indent=2,
            )
        )
    else:
        for finding in findings:
            _say(finding.line())
    if findings:
        raise DriftFound(
            f"{len(findings)} drift finding(s) on {tgt.display()}",
            hint="a changed deployed script needs `rework`; see docs/cli.md",
        )
    if not json_out:
        _say(f"No drift: {deployed} deployed change(s) match the plan, scripts and verifies")


@app.command("lint")
@handled
def lint_cmd(
    json_out: JsonOpt = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Worker processes for sqlfluff (default: one per CPU)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ignore sqlfluff results cached by file content.")
    ] = False,
) -> None:
    """sqlfluff (the project's .sqlfluff) on every SQL file, plus layout and plain-SQL checks."""
    from .authoring.lint import as_json, lint_project
    from .errors import LintFailed

    project = find_project()
    result = lint_project(project, jobs=jobs, use_cache=not no_cache)
    if json_out:
        _say(json.dumps(as_json(result), indent=2))
    else:
        for problem in result.problems:
            _say(problem.text())
    if result.problems:
        files = len({p.file for p in result.problems})
        raise LintFailed(f"{len(result.problems)} problem(s) in {files} file(s)")
    if not json_out:
        _say(f"Linted {len(result.files)} SQL file(s): no problems")


@app.command()
@handled
def seed(
    target: TargetOpt = None,
    scale: Annotated[
        int | None,
        typer.Option("--scale", help="Generate N orders and the data around them, by COPY (fast)."),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Load the small, realistic demo data set through the database's own functions.",
        ),
    ] = False,
    seed_value: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same data.")
    ] = 1,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Seed even though the database already has profiles or orders."
        ),
    ] = False,
    anchor: Annotated[
        str | None,
        typer.Option("--anchor", help="Day the data ends on (YYYY-MM-DD; default today, UTC)."),
    ] = None,
    no_docs: Annotated[
        bool, typer.Option("--no-docs", help="Do not record the proportions in docs/benchmarks.md.")
    ] = False,
) -> None:
    """Fill a deployed database with generated (--scale N) or demo (--demo) data."""
    from datetime import date

    from .seed.run import run_seed

    project, _, tgt = _load(target)
    docs = (
        None if no_docs or project.source != "checkout" else project.root / "docs" / "benchmarks.md"
    )
    run_seed(
        tgt.conninfo,
        _say,
        scale=scale,
        demo=demo,
        seed=seed_value,
        force=force,
        anchor=date.fromisoformat(anchor) if anchor else None,
        docs=docs,
        progress=sys.stderr.isatty(),
    )


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def run() -> None:
    """Console-script entry point."""
    app()
