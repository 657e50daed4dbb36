"""The engine: sqitch's project, plan and registry, and the runner that deploys, reverts and
verifies changes on yoyo-migrations and psycopg 3.

`config` (sqitch.conf, targets) over `gitconfig` (sqitch's git-config dialect), `plan`
(sqitch.plan, change and tag ids) over `plansyntax` (sqitch's plan grammar) and `uri`
(canonical `%uri`), `scripts` (read and split a change script), `psql` and `psqlchange`
(scripts in psql's own language, and a change run through psql), `cache`
(content-addressed caches), `registry` and `registry_schema` (sqitch's registry: its rows,
its tables, the advisory lock), `recorded` (the registry's record read as sqitch reads it:
revert specs, changes another branch deployed), `runner` (the `Engine` of one command),
`doctor` (can this machine and target run it).

It imports only `onemedi_db.errors` and `onemedi_db.__version__` from the rest of the
package: it knows nothing of Typer, the CLI, authoring, seeding, the Supabase stand-in or
the schema reference. This file imports nothing, so importing `engine.config` and
`engine.plan` at the CLI's start-up does not load psycopg's or yoyo's runner code.
"""
