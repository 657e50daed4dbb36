"""Export the plan as Supabase CLI migrations and tests (`onemedi-db export supabase`).

One migration file per plan change, in plan order: `supabase/migrations/<UTC timestamp>_
<change>.sql`, the timestamp taken from the change's planned time and bumped by a second
where two changes share one, so file-name order is plan order. Each body is the deploy
script's statements without its own BEGIN/COMMIT, because `supabase db push` runs every
file in a transaction of its own. The Supabase stand-in is never exported: Supabase has the
real objects. The pgTAP suites are copied to `supabase/tests/`, each creating pgTAP in
schema `extensions` inside its own transaction, as `supabase test db` expects. The demo data
(`supabase/seed.sql`, which `supabase start` and `db reset` load after the migrations) is
given as text by the caller (the seed part writes it); a seed.sql this export did not write
is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from pglast import ast, parser
from pglast.enums.parsenodes import TransactionStmtKind

from .. import __version__
from ..engine.config import Project
from ..engine.plan import Change, Plan
from ..engine.scripts import NO_TRANSACTION_MARKER, read_script
from ..errors import OnemediError, PlanError

PGTAP_LINE = "CREATE EXTENSION IF NOT EXISTS pgtap WITH SCHEMA extensions;"
SEED_MARK = "-- ONE MEDI demo data"


@dataclass
class ExportResult:
    migrations: list[Path] = field(default_factory=list)
    tests: list[Path] = field(default_factory=list)
    seed: Path | None = None


def migration_stamps(plan: Plan) -> dict[str, str]:
    """Change id -> 14-digit UTC timestamp, strictly increasing in plan order."""
    stamps: dict[str, str] = {}
    previous: datetime | None = None
    for change in plan.changes:
        when = change.planned_datetime
        if previous is not None and when <= previous:
            when = previous + timedelta(seconds=1)
        stamps[change.id] = when.strftime("%Y%m%d%H%M%S")
        previous = when
    return stamps


def changes_since(plan: Plan, since: str | None) -> list[Change]:
    if not since:
        return list(plan.changes)
    tag = plan.tag_named(since)
    assert tag.change is not None
    return plan.changes[tag.change.index + 1 :]


def migration_body(project: Project, plan: Plan, change: Change) -> str:
    script = read_script(plan.script_path(project.top_dir, "deploy", change))
    if script.psql:
        raise OnemediError(
            f"{script.path} uses psql meta-commands or variables; a Supabase migration is plain "
            "SQL", hint="write the change in plain SQL to export it")
    header = [
        f"-- {plan.project}:{change.name}, sqitch change {change.id}",
        f"-- Exported by onemedi-db {__version__} from {script.path.relative_to(project.root)}"
        " (its BEGIN/COMMIT removed: supabase db push runs this file in one transaction).",
    ]
    header += [f"-- {line}".rstrip() for line in change.note.splitlines() if change.note != "0"]
    if not script.transactional:
        header += [
            NO_TRANSACTION_MARKER,
            "-- This change cannot run inside a transaction: it stays alone in this file. "
            "Apply it with `psql -f` (no -1), not in a transaction.",
        ]
    parts = []
    for statement in script.statements:
        last_line = statement.sql.rsplit("\n", 1)[-1]
        # A newline before the semicolon ends a trailing line comment of the statement.
        parts.append(statement.sql + ("\n;" if "--" in last_line else ";"))
    return "\n".join(header) + "\n\n" + "\n\n".join(parts) + "\n"


def test_body(text: str, path: Path) -> str:
    """A pgTAP file that creates pgTAP itself, inside its transaction when it has one."""
    try:
        parsed = parser.parse_sql(text)
    except parser.ParseError as exc:
        raise PlanError(f"{path}: cannot parse: {exc.args[0]}") from None
    first = parsed[0].stmt if parsed else None
    opening = (TransactionStmtKind.TRANS_STMT_BEGIN, TransactionStmtKind.TRANS_STMT_START)
    if isinstance(first, ast.TransactionStmt) and first.kind in opening:
        start = parsed[0].stmt_location or 0
        end = text.index(";", start + (parsed[0].stmt_len or 0)) + 1
        return text[:end] + "\n" + PGTAP_LINE + text[end:]
    return PGTAP_LINE + "\n" + text


def write_seed(out_dir: Path, text: str) -> Path:
    """Write `out_dir/supabase/seed.sql`, unless a seed.sql of someone else's is there."""
    target = out_dir / "supabase" / "seed.sql"
    if target.exists() and not target.read_text(encoding="utf-8").startswith(SEED_MARK):
        raise OnemediError(f"{target} exists and was not written by onemedi-db",
                           hint="move it (and list it in config.toml's [db.seed] sql_paths), "
                           "or export with --no-seed")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def export_supabase(
    project: Project, plan: Plan, out_dir: Path, since: str | None = None,
    seed_sql: str | None = None,
) -> ExportResult:
    """Write `out_dir/supabase/migrations`, `out_dir/supabase/tests` and, given its text,
    `out_dir/supabase/seed.sql`."""
    if seed_sql is not None and not seed_sql.startswith(SEED_MARK):
        raise ValueError("the seed's text must start with " + SEED_MARK)
    changes = changes_since(plan, since)
    stamps = migration_stamps(plan)
    bodies = [(change, migration_body(project, plan, change)) for change in changes]
    result = ExportResult()
    migrations = out_dir / "supabase" / "migrations"
    migrations.mkdir(parents=True, exist_ok=True)
    for change, body in bodies:
        target = migrations / f"{stamps[change.id]}_{change.name}.sql"
        target.write_text(body, encoding="utf-8")
        result.migrations.append(target)
    source = project.root / "tests" / "pgtap"
    tests = out_dir / "supabase" / "tests"
    tests.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.sql")):
        target = tests / path.name
        target.write_text(test_body(path.read_text(encoding="utf-8"), path), encoding="utf-8")
        result.tests.append(target)
    if seed_sql is not None:
        result.seed = write_seed(out_dir, seed_sql)
    return result
