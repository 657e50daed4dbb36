"""What is generated from a live database for the people who read or call the schema:
`docs/schema/` (`onemedi-db docs`) and `types/database.ts` (`onemedi-db types`), each with
a `--check` against the committed files.

`schemadoc` reads the catalogue and renders the pages, `functions` the client API reference
(`functions.md`: the RPCs, linked to the errors page it is given as text), `types` runs
@supabase/postgres-meta on Node from the tool folder it is given. It imports only
`onemedi_db.errors` from the package (and psycopg): no Typer or CLI, and not the engine,
the plan or the project's files.
"""
