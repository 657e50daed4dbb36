"""rebase and checkout: revert to a point, then deploy, as sqitch's commands of those names.

`rebase [--onto CHANGE] [--upto CHANGE]` reverts from the registry's record down to CHANGE
(everything without --onto; with --modified, down to the last change whose deploy script is
unchanged), then deploys the plan (up to --upto). `checkout BRANCH` reverts to the last
change this plan and BRANCH's plan share, runs `git checkout BRANCH`, and deploys the
branch's plan.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Annotated, Any

import typer

from ..engine.plan import Change, Plan, parse_plan, parse_plan_text
from ..errors import Aborted, OnemediError, PlanError
from .common import (
    LockOpt,
    ModeOpt,
    SetOpt,
    TargetOpt,
    VerifyOpt,
    YesOpt,
    handled,
    load,
    open_engine,
    run_options,
    say,
    set_variables,
)


@handled
def rebase(
    target: TargetOpt = None,
    onto: Annotated[
        str | None,
        typer.Option("--onto", help="Revert down to this change (default: revert everything)."),
    ] = None,
    upto: Annotated[
        str | None, typer.Option("--upto", help="Then deploy up to this change (default: all).")
    ] = None,
    modified: Annotated[
        bool,
        typer.Option("--modified", "-m",
                     help="Revert down to the last change whose deploy script is unchanged."),
    ] = False,
    yes: YesOpt = False,
    mode: ModeOpt = None,
    verify: VerifyOpt = None,
    variables: SetOpt = None,
    lock_timeout: LockOpt = 60.0,
) -> None:
    """Revert (from the registry's record) down to --onto, then deploy the plan."""
    project, plan, tgt = load(target)
    mode, verify = run_options(project, "rebase", mode, verify)
    engine = open_engine(project, plan, tgt)
    engine.variables = set_variables(variables)
    yes = yes or bool(project.flag("rebase", "no_prompt") or project.flag("revert", "no_prompt"))
    with engine.locked(lock_timeout):
        if modified:
            onto = _last_unmodified(engine, project, plan)
        _revert_to(engine, onto, yes, tgt.display())
        outcome = engine.deploy(to=upto, mode=mode, verify=verify)
    say(outcome.message or f"Deployed {len(outcome.deployed)} change(s)")


@handled
def checkout(
    branch: Annotated[str, typer.Argument(help="The git branch to switch to.")],
    target: TargetOpt = None,
    yes: YesOpt = False,
    mode: ModeOpt = None,
    verify: VerifyOpt = None,
    variables: SetOpt = None,
    lock_timeout: LockOpt = 60.0,
) -> None:
    """Revert to the last change shared with BRANCH's plan, `git checkout BRANCH`, deploy."""
    project, plan, tgt = load(target)
    mode, verify = run_options(project, "checkout", mode, verify)
    git = project.config.get("core.vcs.client") or "git"
    current = _git(git, project.root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    if current == branch:
        raise OnemediError(f"already on branch {branch}")
    relative = Path(".") / project.plan_file.relative_to(project.root)
    theirs = parse_plan_text(_git(git, project.root, "show", f"{branch}:./{relative}"),
                             project.plan_file, project.top_dir)
    common = _last_common(plan, theirs)
    if common is None:
        raise OnemediError(f"branch {branch} has no changes in common with branch {current}")
    say(f"Last change before the branches diverged: {common.format_name_with_tags()}")
    engine = open_engine(project, plan, tgt)
    engine.variables = set_variables(variables)
    yes = yes or bool(project.flag("checkout", "no_prompt") or project.flag("revert", "no_prompt"))
    with engine.locked(lock_timeout):
        if common.id not in {row.change_id for row in engine.registry.deployed()}:
            raise OnemediError(
                f"the last change the branches share, {common.name}, is not deployed on "
                f"{tgt.display()}, so there is nothing to revert to (sqitch refuses too)",
                hint=f"deploy it first (`onemedi-db deploy --to {common.name}`), or switch "
                "with `git checkout` alone")
        _revert_to(engine, common.id, yes, tgt.display())
        _git(git, project.root, "checkout", branch)
        engine.plan = parse_plan(project.plan_file, project.top_dir)
        outcome = engine.deploy(mode=mode, verify=verify)
    say(outcome.message or f"Deployed {len(outcome.deployed)} change(s)")


def _revert_to(engine: Any, onto: str | None, yes: bool, where: str) -> None:
    changes = engine.revert_plan(onto)
    if not changes:
        say("Nothing to revert" + (f" (no changes deployed after {onto})" if onto else ""))
        return
    if not yes:
        names = ", ".join(c.name for c in changes[:5]) + (" ..." if len(changes) > 5 else "")
        import sys

        if not sys.stdin.isatty() or not typer.confirm(
            f"Revert {len(changes)} change(s) from {where} ({names})?"
        ):
            raise Aborted("not confirmed; nothing was changed",
                          hint="pass -y to go ahead without asking")
    outcome = engine.revert(changes)
    say(f"Reverted {len(outcome.reverted)} change(s)")


def _last_unmodified(engine: Any, project: Any, plan: Plan) -> str | None:
    """--modified: the last deployed change whose deploy script still has the hash the
    registry recorded, before the first one that differs (sqitch's common ancestor)."""
    from ..engine.scripts import script_hash

    rows = engine.registry.deployed()
    for i, row in enumerate(rows):
        planned = plan.changes[i] if i < len(plan.changes) else None
        current = (script_hash(plan.script_path(project.top_dir, "deploy", planned))
                   if planned else None)
        if planned is None or row.script_hash != current:
            return rows[i - 1].change_id if i else None
    return rows[-1].change_id if rows else None


def _last_common(ours: Plan, theirs: Plan) -> Change | None:
    common = None
    for change in theirs.changes:
        if ours.by_id(change.id) is None:
            break
        common = change
    return common


def _git(git: str, root: Path, *args: str) -> str:
    try:
        proc = subprocess.run([git, *args], cwd=root, capture_output=True, text=True,
                              check=False)
    except FileNotFoundError:
        raise OnemediError(f"checkout needs git ({git}), which is not installed") from None
    if proc.returncode != 0:
        raise PlanError(f"git {' '.join(args)} failed: "
                        f"{proc.stderr.strip() or proc.stdout.strip()}")
    return proc.stdout
