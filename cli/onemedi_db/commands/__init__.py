"""The CLI's commands, one module per area, each a thin Typer function over a part.

`common` (the shared options, output, the error handler `handled`, loading the project and
opening an `Engine`), `engine` (deploy, revert, verify, status, log, plan, doctor),
`branches` (rebase, checkout), `authoring` (add, tag, rework, check, lint, test),
`generate` (export supabase, docs, types, seed), `standin` (install, remove).
`onemedi_db.cli` registers them on the app, in the order `--help` lists them.

Typer lives here and in `cli.py` only. A command module imports a part's heavy modules
(the runner, lint, seed, ...) inside the command, never at module level: the CLI's start-up
imports these modules for every command, and none of their parts' code.
"""
