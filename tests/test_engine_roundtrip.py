"""Deploy, revert to @ROOT, revert everything, deploy again: the same schema, byte for byte."""

from __future__ import annotations

from pathlib import Path

import engine_support
from engine_support import Project, cli, deployed, scalar, schema_dump

# The fixtures from engine_support (a fresh database with the stand-in already installed).
db, new_db = engine_support.db, engine_support.new_db

SCRIPTS: dict[str, tuple[str, str]] = {
    "app_schema": (
        "CREATE SCHEMA app;\nCOMMENT ON SCHEMA app IS 'round trip';\n",
        "DROP SCHEMA app;\n",
    ),
    "types": (
        "CREATE TYPE app.status AS ENUM ('new', 'active', 'gone');\n"
        "CREATE DOMAIN app.email AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');\n",
        "DROP DOMAIN app.email;\nDROP TYPE app.status;\n",
    ),
    "owners": (
        "CREATE TABLE app.owners (\n"
        "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
        "    email app.email NOT NULL UNIQUE,\n"
        "    status app.status NOT NULL DEFAULT 'new',\n"
        "    created_at timestamptz NOT NULL DEFAULT now()\n);\n"
        "COMMENT ON COLUMN app.owners.email IS 'login; unique';\n"
        "INSERT INTO app.owners (email) VALUES ('a@example.com'), ('b@example.com');\n",
        "DROP TABLE app.owners;\n",
    ),
    "pets": (
        "CREATE TABLE app.pets (\n"
        "    id serial PRIMARY KEY,\n"
        "    owner_id bigint NOT NULL REFERENCES app.owners ON DELETE CASCADE,\n"
        "    name text NOT NULL CHECK (length(name) > 0),\n"
        "    tags text[] NOT NULL DEFAULT '{}'\n);\n"
        "CREATE INDEX pets_owner_idx ON app.pets (owner_id) WHERE name <> '';\n"
        "ALTER TABLE app.pets ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY pets_read ON app.pets FOR SELECT USING (true);\n",
        "DROP TABLE app.pets;\n",
    ),
    "touch_fn": (
        "CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
        "BEGIN\n    NEW.name := btrim(NEW.name);  -- a ; inside dollar quotes\n"
        "    RETURN NEW;\nEND;\n$body$;\n"
        "CREATE TRIGGER pets_touch BEFORE INSERT OR UPDATE ON app.pets\n"
        "    FOR EACH ROW EXECUTE FUNCTION app.touch();\n",
        "DROP TRIGGER pets_touch ON app.pets;\nDROP FUNCTION app.touch();\n",
    ),
    "views": (
        "CREATE VIEW app.pet_counts AS\n"
        "    SELECT o.id, count(p.id) AS pets FROM app.owners o\n"
        "    LEFT JOIN app.pets p ON p.owner_id = o.id GROUP BY o.id;\n"
        "CREATE MATERIALIZED VIEW app.owner_emails AS SELECT email FROM app.owners;\n"
        "CREATE SEQUENCE app.ticket_seq START 100 INCREMENT 5;\n"
        "GRANT SELECT ON app.pet_counts TO PUBLIC;\n",
        "DROP SEQUENCE app.ticket_seq;\nDROP MATERIALIZED VIEW app.owner_emails;\n"
        "DROP VIEW app.pet_counts;\n",
    ),
}


def roundtrip_project(root: Path) -> Project:
    p = Project(root)
    previous: list[str] = []
    for name, (deploy, revert) in SCRIPTS.items():
        p.add(name, deploy=f"BEGIN;\n{deploy}COMMIT;\n", revert=f"BEGIN;\n{revert}COMMIT;\n",
              verify="BEGIN;\nSELECT 1;\nROLLBACK;\n", deps=previous[-1:])
        previous.append(name)
        if name == "owners":
            p.tag("v1")
    return p


def test_revert_and_redeploy_gives_the_same_schema(tmp_path: Path, db: str) -> None:
    project = roundtrip_project(tmp_path / "rt")
    cli(project, "deploy", url=db)
    first = schema_dump(db)
    assert "CREATE MATERIALIZED VIEW app.owner_emails" in first
    assert "CREATE POLICY pets_read" in first

    out = cli(project, "revert", "-y", "--to", "@ROOT", url=db).stdout
    assert "  - views" in out and "  - app_schema" not in out
    assert deployed(db) == ["app_schema"]
    assert scalar(db, "SELECT count(*) FROM pg_class"
                  " WHERE relnamespace = 'app'::regnamespace") == 0

    cli(project, "revert", "-y", url=db)
    assert deployed(db) == []
    assert scalar(db, "SELECT to_regnamespace('app') IS NULL")
    assert "app." not in schema_dump(db)
    assert "Nothing to revert" in cli(project, "revert", "-y", url=db).stdout

    cli(project, "deploy", url=db)
    assert schema_dump(db) == first
    # Partway and back again is the same too.
    cli(project, "revert", "-y", "--to", "@v1", url=db)
    assert deployed(db) == ["app_schema", "types", "owners"]
    cli(project, "deploy", url=db)
    assert schema_dump(db) == first
