"""The Supabase stand-in's commands (`standin install`, `standin remove`) and the one step
`deploy` takes for it: installing it where the project's sqitch.conf asks for local targets.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from ..engine.config import Project, Target
from ..errors import Aborted
from .common import TargetOpt, handled, load, say, say_err

MODES_HELP = "plain, supabase-2024 or supabase-2026 (docs/security.md, Platform steps)"
ModeOpt = Annotated[str, typer.Option("--mode", "-m", help=f"The stand-in's mode: {MODES_HELP}.")]
CONFIG_KEY = "onemedi.standin"
_LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


@handled
def install(
    target: TargetOpt = None,
    mode: ModeOpt = "plain",
    if_missing: Annotated[bool, typer.Option(
        "--if-missing",
        help="Do nothing (and say so) where auth.users and storage.objects exist already.",
    )] = False,
) -> None:
    """Install the Supabase stand-in (roles, auth, storage, extensions) on a plain PostgreSQL."""
    from ..engine.runner import connect
    from ..supabase import standin

    project, plan, tgt = load(target)
    with connect(tgt, create=True, report=say_err) as conn:
        if if_missing and not standin.is_needed(conn):
            state = standin.installed(conn)
            found = f"the stand-in (mode {state.mode})" if state else "Supabase's objects"
            say(f"{tgt.display()} already has {found}: nothing to install")
            return
        for line in standin.install(conn, mode, registry=project.registry, project=plan.project):
            say(line)


@handled
def remove(
    target: TargetOpt = None,
    yes: Annotated[bool, typer.Option("-y", "--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove the stand-in again (after `revert`): its schemas, rows and settings go."""
    from ..engine.runner import connect
    from ..supabase import standin

    project, _plan, tgt = load(target)
    with connect(tgt) as conn:
        if not yes and standin.installed(conn) is not None and (
            not sys.stdin.isatty() or not typer.confirm(
                f"Remove the Supabase stand-in from {tgt.display()} (schemas auth and storage "
                "with their rows, its extensions and settings)?")):
            raise Aborted("removal not confirmed; nothing was changed",
                          hint="pass -y to remove without asking")
        for line in standin.remove(conn, registry=project.registry):
            say(line)


def is_local(target: Target) -> bool:
    """Whether a target is on this machine (a socket, localhost or a loopback address)."""
    import psycopg

    info = psycopg.conninfo.conninfo_to_dict(target.conninfo)
    hosts = str(info.get("host") or os.environ.get("PGHOST", "")).split(",")
    return all(h in _LOCAL_HOSTS or h.startswith("/") for h in hosts)


def before_deploy(project: Project, plan: Any, target: Target, conn: Any) -> None:
    """Install the stand-in where `[onemedi] standin` asks for it; say so. Else nothing."""
    from ..supabase import standin

    mode = project.config.get(CONFIG_KEY)
    if not standin.is_needed(conn) or standin.installed(conn) is not None:
        return
    if mode is None:
        if plan.project == "onemedi":
            say("Note: this database has no Supabase objects (auth.users, storage.objects); "
                "the plan needs them: `onemedi-db standin install` puts a stand-in here")
        return
    if not is_local(target):
        raise standin.StandinError(
            f"sqitch.conf sets [onemedi] standin = {mode}, which applies to local targets "
            f"only; {target.display()} is not one",
            hint="install it there explicitly (`onemedi-db standin install --target ...`) "
            "if that database is yours to change")
    say(f"Installing the Supabase stand-in, mode {mode} (sqitch.conf [onemedi] standin; "
        "`onemedi-db standin remove` takes it out)")
    for line in standin.install(conn, mode, registry=project.registry, project=plan.project):
        say("  " + line)
