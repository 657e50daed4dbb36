"""The `onemedi-db` command line: a thin Typer layer over the package's parts.

This module is the app and its table of commands; each command is a short function in
`commands/` over a part (`engine`, `authoring`, `seed`, `supabase`, `reference`).
Every command resolves its project (the checkout around the current folder, else the copy
bundled in the package) and its target (--target, DATABASE_URL, sqitch.conf, local `onemedi`).
Errors are one line on stderr and an exit code from `errors.py`, never a traceback.
"""

from __future__ import annotations

from typing import Annotated

import typer

from . import __version__
from .commands import authoring, branches, engine, generate, standin

app = typer.Typer(
    name="onemedi-db",
    help="Deploy, revert and verify the ONE MEDI schema (sqitch-compatible).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


# The commands, in the order `onemedi-db --help` lists them (sub-apps come last).
app.command()(engine.deploy)
app.command()(engine.revert)
app.command()(branches.rebase)
app.command()(branches.checkout)
app.command()(engine.verify)
app.command()(engine.status)
app.command()(engine.log)
app.command("plan")(engine.plan_cmd)
app.command()(generate.docs)
app.command()(generate.types)
app.command("test")(authoring.test_cmd)
app.command()(engine.doctor)
app.command()(authoring.add)
app.command()(authoring.tag)
app.command()(authoring.rework)
app.command("check")(authoring.check_cmd)
app.command("lint")(authoring.lint_cmd)
app.command()(generate.seed)

export_app = typer.Typer(help="Export the plan for other tools.", no_args_is_help=True)
app.add_typer(export_app, name="export")
export_app.command("supabase")(generate.export_supabase)

standin_app = typer.Typer(
    help="The Supabase stand-in for a plain PostgreSQL: install it, remove it.",
    no_args_is_help=True,
)
app.add_typer(standin_app, name="standin")
standin_app.command("install")(standin.install)
standin_app.command("remove")(standin.remove)


def run(args: list[str] | None = None) -> None:
    """Console-script entry point: usage errors are one line and exit 2, as every error is one
    line (Typer's own handling would draw a box around them)."""
    import importlib
    import sys

    # click's exceptions, wherever this Typer keeps click (0.28 vendors it as typer._click).
    click = importlib.import_module(typer.BadParameter.__module__)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="onemedi-db", standalone_mode=False)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "onemedi-db"
        sys.stderr.write(f"onemedi-db: error: {exc.format_message()}\n"
                         f"onemedi-db: hint: see `{where} --help`\n")
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        sys.stderr.write(f"onemedi-db: error: {exc.format_message()}\n")
        sys.exit(exc.exit_code)
    except typer.Abort:  # Typer's own (typer._click has no Abort of its own to catch)
        sys.stderr.write("onemedi-db: interrupted\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
