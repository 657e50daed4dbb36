"""The engine's commands: deploy, revert, verify, status, log, plan, doctor."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from ..engine.plan import parse_plan
from ..errors import Aborted, OnemediError, VerifyFailed
from .common import (
    DdlLockOpt,
    JsonOpt,
    LockOpt,
    LogOnlyOpt,
    ModeOpt,
    RetriesOpt,
    SetOpt,
    StatementTimeoutOpt,
    TargetOpt,
    ToOpt,
    VerifyOpt,
    YesOpt,
    confirm,
    handled,
    json_default,
    load,
    open_engine,
    project_here,
    run_options,
    say,
    say_err,
    set_variables,
)


def _safety(project: Any, ddl: float | None, statement: float | None,
            retries: int | None) -> Any:
    from ..engine.safety import safety_from

    return safety_from(project.config, ddl, statement, retries)


@handled
def deploy(
    target: TargetOpt = None,
    to: ToOpt = None,
    mode: ModeOpt = None,
    verify: VerifyOpt = None,
    variables: SetOpt = None,
    lock_timeout: LockOpt = 60.0,
    ddl_lock_timeout: DdlLockOpt = None,
    statement_timeout: StatementTimeoutOpt = None,
    lock_retries: RetriesOpt = None,
    log_only: LogOnlyOpt = False,
    over_existing: Annotated[
        bool,
        typer.Option("--deploy-over-existing",
                     help="Run the scripts even where nothing of the project was ever deployed "
                     "but its first changes' verify scripts already pass."),
    ] = False,
) -> None:
    """Deploy the plan's pending changes (the stand-in only where sqitch.conf asks for it)."""
    from .standin import before_deploy

    project, plan, tgt = load(target)
    mode, verify = run_options(project, "deploy", mode, verify)
    safety = _safety(project, ddl_lock_timeout, statement_timeout, lock_retries)
    engine = open_engine(project, plan, tgt, create=True, safety=safety)
    engine.variables = set_variables(variables)
    say(f"Deploying {plan.project} to {tgt.display()} ({project.source} plan {project.plan_file})")
    with engine.locked(lock_timeout):
        before_deploy(project, plan, tgt, engine.conn)
        outcome = engine.deploy(to=to, mode=mode, verify=verify, log_only=log_only,
                                check_existing=not over_existing)
    say(outcome.message or f"Deployed {len(outcome.deployed)} change(s)"
        + (" (log only: no script was run)" if log_only else ""))


@handled
def revert(
    target: TargetOpt = None,
    to: ToOpt = None,
    yes: YesOpt = False,
    variables: SetOpt = None,
    lock_timeout: LockOpt = 60.0,
    ddl_lock_timeout: DdlLockOpt = None,
    statement_timeout: StatementTimeoutOpt = None,
    lock_retries: RetriesOpt = None,
    log_only: LogOnlyOpt = False,
) -> None:
    """Revert deployed changes, newest first (all of them unless --to), from the registry's
    record: a change deployed from another branch is reverted with its script as well."""
    project, plan, tgt = load(target)
    safety = _safety(project, ddl_lock_timeout, statement_timeout, lock_retries)
    engine = open_engine(project, plan, tgt, safety=safety)
    engine.variables = set_variables(variables)
    yes = yes or bool(project.flag("revert", "no_prompt"))
    # The question is asked without the lock (a prompt may wait for hours); what was asked
    # about is checked again under the lock.
    changes = engine.revert_plan(to)
    if changes and not yes:
        names = ", ".join(c.name for c in changes[:5]) + (" ..." if len(changes) > 5 else "")
        confirm(f"Revert {len(changes)} change(s) from {tgt.display()} ({names})?")
    with engine.locked(lock_timeout):
        now = engine.revert_plan(to)
        if [c.id for c in now] != [c.id for c in changes]:
            raise Aborted(
                "the deployed changes changed while you were asked; nothing was reverted",
                hint="run the revert again",
            )
        say(f"Reverting {plan.project} on {tgt.display()}")
        outcome = engine.revert(changes, log_only=log_only)
    say(outcome.message or f"Reverted {len(outcome.reverted)} change(s)"
        + (" (log only: no script was run)" if log_only else ""))


@handled
def verify(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Run the verify script of every deployed change (each in a rolled-back transaction)."""
    project, plan, tgt = load(target)
    results = open_engine(project, plan, tgt).verify()
    failed = [(c, e) for c, e in results if e]
    if json_out:
        say(
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
            say(f"  * {change.name} .. {'ok' if error is None else 'NOT OK'}")
            if error:
                say_err(f"    {error}")
    if failed:
        raise VerifyFailed(f"{len(failed)} of {len(results)} change(s) failed verification")
    if not json_out:
        say(f"Verified {len(results)} change(s): all ok")


@handled
def status(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Show what is deployed and what is pending, and which plan files are used.

    When the registry holds changes this plan lacks (another branch's), the state is shown
    first, then the problem (exit 7) and how to get back.
    """
    from ..engine import recorded

    project, plan, tgt = load(target)
    engine = open_engine(project, plan, tgt)
    engine.registry.check_version()
    done = engine.registry.deployed()
    problem = recorded.divergence(plan, done)
    pending = [] if problem else plan.changes[len(done) :]
    last = done[-1] if done else None
    tags = [t for d in done for t in d.tags]
    last_tags = list(last.tags) if last else []
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
        "last_change_tags": last_tags,
        "problem": str(problem) if problem else None,
    }
    if json_out:
        say(json.dumps(data, indent=2))
    else:
        _print_status(project, plan, tgt, last, last_tags, pending, problem is None)
    if problem:
        raise problem


def _print_status(project: Any, plan: Any, tgt: Any, last: Any, last_tags: list[str],
                  pending: list[Any], agrees: bool) -> None:
    say(
        f"# Project:  {plan.project}\n# Target:   {tgt.display()}\n"
        f"# Plan:     {project.plan_file} ({project.source} files)"
    )
    if last:
        say(
            f"# Change:   {last.change_id}\n# Name:     {last.change}"
            + (f"\n# Tag{'s:' if len(last_tags) > 1 else ': '}     {', '.join(last_tags)}"
               if last_tags else "")
            + f"\n# Deployed: {last.committed_at:%Y-%m-%d %H:%M:%S %z}"
        )
    else:
        say("# No changes deployed")
    if not agrees:
        return
    if pending:
        say(f"Undeployed changes ({len(pending)}):")
        for change in pending:
            say(f"  * {change.format_name_with_tags()}")
    else:
        say("Nothing to deploy (up-to-date)")


@handled
def log(
    target: TargetOpt = None,
    json_out: JsonOpt = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="Newest N events only.")
    ] = None,
) -> None:
    """Show the registry's event history, newest first."""
    project, plan, tgt = load(target)
    events = open_engine(project, plan, tgt).registry.events(limit)
    if json_out:
        say(json.dumps(events, indent=2, default=json_default))
        return
    for e in events:
        say(
            f"{e['event'].capitalize():7} {e['change_id'][:12]} {e['change']}"
            f"{' ' + ' '.join(e['tags']) if e['tags'] else ''}  "
            f"{e['committed_at']:%Y-%m-%d %H:%M:%S %z} {e['committer_name']}"
        )
    if not events:
        say("No events recorded")


@handled
def plan_cmd(json_out: JsonOpt = False) -> None:
    """List the plan's changes and tags with their sqitch ids (no database needed)."""
    project = project_here()
    plan = parse_plan(project.plan_file, project.top_dir)
    if json_out:
        say(
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
    say(f"# Project: {plan.project}\n# File:    {plan.path}\n")
    for change in plan.changes:
        deps = (
            f" [{' '.join(d.as_written(plan.project) for d in change.dependencies)}]"
            if change.dependencies
            else ""
        )
        say(f"{change.id} {change.format_name_with_tags()}{deps}")


@handled
def doctor(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Check the target database and this machine: OK, WARN or FAIL, each with a fix."""
    from ..engine import doctor as checks

    project, plan, tgt = load(target)
    found = checks.run_checks(project, plan, tgt)
    if json_out:
        say(json.dumps(checks.as_json(found), indent=2))
    else:
        for check in found:
            for line in checks.format_check(check):
                say(line)
    failed = [c for c in found if c.status == "FAIL"]
    if failed:
        raise OnemediError(
            f"doctor found {len(failed)} failing check(s): " + ", ".join(c.name for c in failed)
        )

