"""The schema reference: `docs/schema/` (Markdown and Mermaid ERDs) generated from a live
database by `onemedi-db docs`, and `docs --check` against the committed pages.

`schemadoc` reads the catalogue and renders the pages. It imports only
`onemedi_db.errors` from the package (and psycopg): no Typer or CLI, and not the engine,
the plan or the project's files.
"""
