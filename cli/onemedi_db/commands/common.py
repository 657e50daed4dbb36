"""What every command shares: its options, its output, its one error handler, its project.

`handled` turns every `OnemediError` (and psycopg's errors, Ctrl-C and our own bugs) into one
line on stderr and the documented exit code, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

import typer

from ..engine.config import Project, Target, find_project, resolve_target
from ..engine.plan import Plan, parse_plan
from ..errors import OnemediError, TargetUnreachable

TargetOpt = Annotated[
    str | None,
    typer.Option(
        "--target",
        "-t",
        help="postgresql:// URL, db:pg: URI or a target name from "
        "sqitch.conf (default: $SQITCH_TARGET, $DATABASE_URL, core.target or "
        "engine.pg.target, then local `onemedi`).",
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
ModeOpt = Annotated[
    str | None,
    typer.Option(help="On failure revert: all (this run), tag (to the last tag), change "
                 "(nothing more). Default: deploy.mode in sqitch.conf, else all."),
]
VerifyOpt = Annotated[
    bool | None,
    typer.Option("--verify/--no-verify",
                 help="Run each change's verify script before committing it; a failure undoes "
                 "it. Default: deploy.verify in sqitch.conf, else off."),
]
SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", "-s", metavar="NAME=VALUE",
                 help="A psql variable for scripts run through psql (repeatable), on top of "
                 "sqitch.conf's deploy.variables and the like."),
]
YesOpt = Annotated[bool, typer.Option("-y", "--yes", help="Do not ask for confirmation.")]
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


F = TypeVar("F", bound=Callable[..., Any])


def say(message: str) -> None:
    typer.echo(message, err=False)


def say_err(message: str) -> None:
    typer.echo(message, err=True)


def fail(exc: OnemediError) -> None:
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
            fail(exc)
        except psycopg.OperationalError as exc:
            fail(TargetUnreachable(f"lost the database connection: {str(exc).strip()}"))
        except psycopg.Error as exc:
            fail(OnemediError(f"database error: {exc.diag.message_primary or exc}"))
        except KeyboardInterrupt:
            typer.echo("onemedi-db: interrupted; the change in flight was rolled back", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug of ours: still one line, the traceback on request
            if os.environ.get("ONEMEDI_DEBUG"):
                raise
            fail(
                OnemediError(
                    f"internal error: {type(exc).__name__}: {exc}",
                    hint="set ONEMEDI_DEBUG=1 for the traceback and report it; "
                    "the change in flight was rolled back",
                )
            )

    return wrapper  # type: ignore[return-value]


def run_options(project: Project, command: str, mode: str | None,
                verify: bool | None) -> tuple[str, bool]:
    """--mode and --verify, else `<command>.mode`/`verify`, else `deploy.*` (as sqitch)."""
    mode = mode or project.option(command, "mode") or "all"
    if mode not in ("all", "change", "tag"):
        raise OnemediError(f"unknown --mode {mode!r}", hint="use all, change or tag")
    if verify is None:
        verify = bool(project.flag(command, "verify"))
    return mode, verify


def set_variables(pairs: list[str] | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs or []:
        name, eq, value = pair.partition("=")
        if not eq or not name:
            raise OnemediError(f"--set {pair!r}: expected NAME=VALUE")
        found[name] = value
    return found


def load(target_opt: str | None) -> tuple[Project, Plan, Target]:
    project = find_project()
    plan = parse_plan(project.plan_file, project.top_dir)
    return project, plan, resolve_target(project, target_opt)


def open_engine(project: Project, plan: Plan, target: Target, create: bool = False) -> Any:
    from ..engine.runner import Engine, connect

    conn = connect(target, create=create, report=say_err)
    engine = Engine(project, plan, conn, report=say)
    engine.target_name = target.name
    return engine


def json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)

