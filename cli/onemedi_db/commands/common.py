"""What every command shares: its options, its output, its one error handler, its project.

`handled` turns every `OnemediError` (and psycopg's errors, Ctrl-C and our own bugs) into one
line on stderr and the documented exit code, never a traceback.

Output never stops a command: when the reader of stdout or stderr goes away (`| head`), the
rest of that stream is dropped and the command carries on to its end and its exit code, so
a deploy piped into `head` deploys exactly what it would have deployed otherwise.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

import typer

from ..engine.config import Project, Target, find_project, resolve_target
from ..engine.plan import Plan, parse_plan
from ..errors import (
    Aborted,
    Interrupted,
    OnemediError,
    PlanError,
    TargetUnreachable,
    UsageError,
)

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
DdlLockOpt = Annotated[
    float | None,
    typer.Option("--ddl-lock-timeout", min=0,
                 help="Seconds each statement may wait for a table lock (PostgreSQL's "
                 "lock_timeout; 0 waits forever). Default: [deploy] lock_timeout, else 5."),
]
StatementTimeoutOpt = Annotated[
    float | None,
    typer.Option("--statement-timeout", min=0,
                 help="Seconds each statement may run (statement_timeout; 0 is off). "
                 "Default: [deploy] statement_timeout, else off."),
]
RetriesOpt = Annotated[
    int | None,
    typer.Option("--lock-retries", min=0,
                 help="Retries of a change that timed out waiting for a lock, pausing 1, 2, "
                 "4... s. Default: [deploy] lock_retries, else 3."),
]
LogOnlyOpt = Annotated[
    bool,
    typer.Option("--log-only",
                 help="Record the changes in the registry without running their scripts "
                 "(sqitch's --log-only: adopt a database built another way)."),
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


_closed: set[int] = set()


def _write(message: str, err: bool) -> None:
    stream = sys.stderr if err else sys.stdout
    fd = 2 if err else 1
    if fd in _closed:
        return
    try:
        typer.echo(message, err=err)
    except OSError as exc:
        if exc.errno not in (errno.EPIPE, errno.EINVAL) and not isinstance(exc, BrokenPipeError):
            raise
        # The reader went away: drop the rest of this stream (and what is buffered for it),
        # so neither later output nor the interpreter's final flush fails.
        _closed.add(fd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)


def say(message: str) -> None:
    _write(message, err=False)


def say_err(message: str) -> None:
    _write(message, err=True)


def fail(exc: OnemediError) -> None:
    say_err(f"onemedi-db: error: {exc}")
    if exc.hint:
        say_err(f"onemedi-db: hint: {exc.hint}")
    raise typer.Exit(exc.exit_code)


def confirm(question: str) -> None:
    """Ask on the terminal; anything but y/yes is Aborted (exit 11), Ctrl-C is exit 130."""
    if not sys.stdin.isatty():
        raise Aborted(f"{question} needs an answer, and stdin is not a terminal; "
                      "nothing was changed", hint="pass -y to go ahead without asking")
    try:
        sys.stderr.write(f"{question} [y/N]: ")
        sys.stderr.flush()
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise Interrupted("interrupted at the prompt; nothing was changed") from None
    if answer.strip().lower() not in ("y", "yes"):
        raise Aborted("not confirmed; nothing was changed",
                      hint="pass -y to go ahead without asking")


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
        except UnicodeDecodeError as exc:
            fail(PlanError(f"a file is not valid UTF-8 ({exc.reason} at byte {exc.start})",
                           hint="plan and scripts must be UTF-8 text"))
        except psycopg.OperationalError as exc:
            fail(TargetUnreachable(f"lost the database connection: {str(exc).strip()}"))
        except psycopg.Error as exc:
            fail(OnemediError(f"database error: {exc.diag.message_primary or exc}"))
        except KeyboardInterrupt:
            say_err("onemedi-db: interrupted; the change in flight, if any, was rolled back")
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
        raise UsageError(f"unknown --mode {mode!r}", hint="use all, change or tag")
    if verify is None:
        verify = bool(project.flag(command, "verify"))
    return mode, verify


def set_variables(pairs: list[str] | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs or []:
        name, eq, value = pair.partition("=")
        if not eq or not name:
            raise UsageError(f"--set {pair!r}: expected NAME=VALUE", hint="pass --set NAME=VALUE")
        found[name] = value
    return found


def project_here() -> Project:
    """The project of this command, announced in one line on stderr."""
    project = find_project()
    where = ("bundled in the onemedi-db package" if project.source == "bundled"
             else f"project {project.config_file}")
    say_err(f"onemedi-db: plan {project.plan_file} ({where})")
    return project


def load(target_opt: str | None) -> tuple[Project, Plan, Target]:
    project = project_here()
    plan = parse_plan(project.plan_file, project.top_dir)
    return project, plan, resolve_target(project, target_opt)


def open_engine(
    project: Project, plan: Plan, target: Target, create: bool = False, safety: Any = None
) -> Any:
    from ..engine.runner import Engine, connect

    conn = connect(target, create=create, report=say_err)
    engine = Engine(project, plan, conn, report=say, safety=safety)
    engine.target_name = target.name
    return engine


def json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)

