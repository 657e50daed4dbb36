"""Authoring: writing changes and proving them before and after they are deployed.

`changes` (`add`, `tag`, `rework`, from the house-style `templates/`), `lint` (sqlfluff,
layout and plain-SQL rules, append-only after a tag; sqlfluff is the optional `lint`
extra), `check` (drift between a target and the checkout), `testrun` (`test`: the pgTAP
suites, each file rolled back).

It builds on `onemedi_db.engine` and `onemedi_db.errors` only: no Typer or CLI, and nothing
of `seed`, `supabase` or `reference`.
"""
