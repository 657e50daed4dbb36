"""Seed data: `seed --scale N` (generated, loaded with COPY) and `seed --demo` (a small
realistic set written through the database's own functions).

`run` (what the command does: pick a generator, report, record the proportions), `scale`,
`catalogue` and `orders` (the generator for `--scale`), `demo` (with `statements`, where its
statements go: a connection or the script `supabase/seed.sql`, and `gotrue`, its users as
Supabase Auth stores them), `data` (reference data and pure helpers both share), `copy`
(COPY plumbing, progress, clocks).

It talks to a deployed database through psycopg and imports only `onemedi_db.errors` from
the package: no Typer or CLI, and not the engine (it never deploys or reads the plan).
"""
