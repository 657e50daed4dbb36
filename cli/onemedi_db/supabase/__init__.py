"""Supabase: what a Supabase project has that plain PostgreSQL lacks, and the way there.

`standin` (with `standin.sql`: the auth, storage and role objects a Supabase project already
has, installed on a plain PostgreSQL before the plan), `export` (`export supabase`: the plan
as Supabase CLI migrations and tests, and the `seed.sql` text the caller gives it).

It imports `onemedi_db.engine` (plan, scripts, config) and `onemedi_db.errors` only: no
Typer or CLI. The engine never imports it: installing the stand-in is the CLI's decision.
"""
