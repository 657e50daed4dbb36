"""sqitch's registry 1.1 as sqitch 1.3.1 creates it: its tables, keys, constraints and comments.

Written from the column list sqitch documents (same names, types, keys and constraint
names), with sqitch's own descriptions of each table and column word for word: a registry
created here and one sqitch created are the same (`pg_dump --schema-only -n sqitch`).
"""

from __future__ import annotations

from psycopg import sql

_DDL = """
CREATE SCHEMA IF NOT EXISTS {s};
COMMENT ON SCHEMA {s} IS 'Sqitch database deployment metadata v1.1.';
CREATE TABLE {s}.releases (
    version REAL PRIMARY KEY,
    installed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    installer_name TEXT NOT NULL,
    installer_email TEXT NOT NULL
);
CREATE TABLE {s}.projects (
    project TEXT PRIMARY KEY,
    uri TEXT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    creator_name TEXT NOT NULL,
    creator_email TEXT NOT NULL
);
CREATE TABLE {s}.changes (
    change_id TEXT PRIMARY KEY,
    script_hash TEXT NULL,
    change TEXT NOT NULL,
    project TEXT NOT NULL REFERENCES {s}.projects (project) ON UPDATE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    committed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    committer_name TEXT NOT NULL,
    committer_email TEXT NOT NULL,
    planned_at TIMESTAMPTZ NOT NULL,
    planner_name TEXT NOT NULL,
    planner_email TEXT NOT NULL,
    UNIQUE (project, script_hash)
);
CREATE TABLE {s}.tags (
    tag_id TEXT PRIMARY KEY,
    tag TEXT NOT NULL,
    project TEXT NOT NULL REFERENCES {s}.projects (project) ON UPDATE CASCADE,
    change_id TEXT NOT NULL REFERENCES {s}.changes (change_id) ON UPDATE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    committed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    committer_name TEXT NOT NULL,
    committer_email TEXT NOT NULL,
    planned_at TIMESTAMPTZ NOT NULL,
    planner_name TEXT NOT NULL,
    planner_email TEXT NOT NULL,
    UNIQUE (project, tag)
);
CREATE TABLE {s}.dependencies (
    change_id TEXT NOT NULL
        REFERENCES {s}.changes (change_id) ON UPDATE CASCADE ON DELETE CASCADE,
    type TEXT NOT NULL,
    dependency TEXT NOT NULL,
    dependency_id TEXT NULL REFERENCES {s}.changes (change_id) ON UPDATE CASCADE
        CONSTRAINT dependencies_check CHECK (
            (type = 'require' AND dependency_id IS NOT NULL)
            OR (type = 'conflict' AND dependency_id IS NULL)
        ),
    PRIMARY KEY (change_id, dependency)
);
CREATE TABLE {s}.events (
    event TEXT NOT NULL
        CONSTRAINT events_event_check CHECK (event IN ('deploy', 'revert', 'fail', 'merge')),
    change_id TEXT NOT NULL,
    change TEXT NOT NULL,
    project TEXT NOT NULL REFERENCES {s}.projects (project) ON UPDATE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    requires TEXT[] NOT NULL DEFAULT '{{}}',
    conflicts TEXT[] NOT NULL DEFAULT '{{}}',
    tags TEXT[] NOT NULL DEFAULT '{{}}',
    committed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    committer_name TEXT NOT NULL,
    committer_email TEXT NOT NULL,
    planned_at TIMESTAMPTZ NOT NULL,
    planner_name TEXT NOT NULL,
    planner_email TEXT NOT NULL,
    PRIMARY KEY (change_id, committed_at)
);
"""

# sqitch 1.3.1's own descriptions of its registry (Engine/pg.sql), word for word: a registry
# created here must be the one sqitch creates (`pg_dump -n sqitch` of both is the same).
_COMMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "releases": ("Sqitch registry releases.", {
        "version": "Version of the Sqitch registry.",
        "installed_at": "Date the registry release was installed.",
        "installer_name": "Name of the user who installed the registry release.",
        "installer_email": "Email address of the user who installed the registry release.",
    }),
    "projects": ("Sqitch projects deployed to this database.", {
        "project": "Unique Name of a project.",
        "uri": "Optional project URI",
        "created_at": "Date the project was added to the database.",
        "creator_name": "Name of the user who added the project.",
        "creator_email": "Email address of the user who added the project.",
    }),
    "changes": ("Tracks the changes currently deployed to the database.", {
        "change_id": "Change primary key.",
        "script_hash": "Deploy script SHA-1 hash.",
        "change": "Name of a deployed change.",
        "project": "Name of the Sqitch project to which the change belongs.",
        "note": "Description of the change.",
        "committed_at": "Date the change was deployed.",
        "committer_name": "Name of the user who deployed the change.",
        "committer_email": "Email address of the user who deployed the change.",
        "planned_at": "Date the change was added to the plan.",
        "planner_name": "Name of the user who planed the change.",
        "planner_email": "Email address of the user who planned the change.",
    }),
    "tags": ("Tracks the tags currently applied to the database.", {
        "tag_id": "Tag primary key.",
        "tag": "Project-unique tag name.",
        "project": "Name of the Sqitch project to which the tag belongs.",
        "change_id": "ID of last change deployed before the tag was applied.",
        "note": "Description of the tag.",
        "committed_at": "Date the tag was applied to the database.",
        "committer_name": "Name of the user who applied the tag.",
        "committer_email": "Email address of the user who applied the tag.",
        "planned_at": "Date the tag was added to the plan.",
        "planner_name": "Name of the user who planed the tag.",
        "planner_email": "Email address of the user who planned the tag.",
    }),
    "dependencies": ("Tracks the currently satisfied dependencies.", {
        "change_id": "ID of the depending change.",
        "type": "Type of dependency.",
        "dependency": "Dependency name.",
        "dependency_id": "Change ID the dependency resolves to.",
    }),
    "events": ("Contains full history of all deployment events.", {
        "event": "Type of event.",
        "change_id": "Change ID.",
        "change": "Change name.",
        "project": "Name of the Sqitch project to which the change belongs.",
        "note": "Description of the change.",
        "requires": "Array of the names of required changes.",
        "conflicts": "Array of the names of conflicting changes.",
        "tags": "Tags associated with the change.",
        "committed_at": "Date the event was committed.",
        "committer_name": "Name of the user who committed the event.",
        "committer_email": "Email address of the user who committed the event.",
        "planned_at": "Date the event was added to the plan.",
        "planner_name": "Name of the user who planed the change.",
        "planner_email": "Email address of the user who plan planned the change.",
    }),
}


def comments_sql(schema: sql.Identifier) -> sql.Composed:
    """sqitch's COMMENT ON statements for the registry in `schema`."""
    statements = []
    for table, (about, columns) in _COMMENTS.items():
        name = sql.SQL("{}.{}").format(schema, sql.Identifier(table))
        statements.append(sql.SQL("COMMENT ON TABLE {} IS {}").format(name, sql.Literal(about)))
        statements += [
            sql.SQL("COMMENT ON COLUMN {}.{} IS {}").format(
                name, sql.Identifier(column), sql.Literal(text))
            for column, text in columns.items()
        ]
    return sql.SQL(";\n").join(statements)


def ddl_sql(schema: sql.Identifier) -> sql.Composed:
    """The registry's schema and tables in `schema`."""
    return sql.SQL(_DDL).format(s=schema)
