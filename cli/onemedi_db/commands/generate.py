"""The commands that generate from the plan or a database: export supabase, docs, seed."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..engine.config import find_project, resolve_target
from ..engine.plan import parse_plan
from .common import TargetOpt, handled, load, project_here, say


@handled
def export_supabase(
    directory: Annotated[
        str,
        typer.Argument(
            help="Folder to write supabase/migrations and supabase/tests into (created if missing)."
        ),
    ],
    since: Annotated[
        str | None, typer.Option("--since", help="Export only the changes planned after this tag.")
    ] = None,
    no_seed: Annotated[
        bool, typer.Option("--no-seed", help="Do not write supabase/seed.sql (the demo data).")
    ] = False,
) -> None:
    """Write the plan as Supabase CLI migrations (one file per change), the pgTAP tests and
    supabase/seed.sql: the demo data of `seed --demo`, with users who sign in by password."""
    from pathlib import Path

    from ..seed.demo import demo_script
    from ..seed.gotrue import DEMO_PASSWORD
    from ..supabase.export import export_supabase as write_export

    project = project_here()
    plan = parse_plan(project.plan_file, project.top_dir)
    seed_sql = None if no_seed else demo_script()
    result = write_export(project, plan, Path(directory), since, seed_sql)
    say(
        f"Exported {len(result.migrations)} migration(s) to "
        f"{Path(directory) / 'supabase' / 'migrations'} and {len(result.tests)} test file(s) "
        f"to {Path(directory) / 'supabase' / 'tests'} ({project.source} plan)"
    )
    if result.seed is not None:
        say(f"Wrote the demo data to {result.seed}: its users sign in with their email "
            f"(asha@demo.onemedi.in, ... listed at its top) and the password {DEMO_PASSWORD!r}")


@handled
def docs(
    target: TargetOpt = None,
    out: Annotated[str, typer.Option("--out", help="Folder of the generated pages.")] = (
        "docs/schema"
    ),
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 9 when the pages differ from the database."
        ),
    ] = False,
    errors: Annotated[
        str | None,
        typer.Option(
            "--errors",
            help="The errors page the function entries link their codes to, as ../errors.md "
            "(default: the checkout's docs/errors.md).",
        ),
    ] = None,
) -> None:
    """Generate the schema reference (Markdown, Mermaid ERDs, the client functions) from a
    deployed database."""
    from pathlib import Path

    from ..engine.runner import connect
    from ..errors import OnemediError
    from ..reference import schemadoc

    project = project_here()
    errors_file = Path(errors) if errors else project.root / "docs" / "errors.md"
    if not errors_file.is_file():
        raise OnemediError(f"no errors page at {errors_file}",
                           hint="pass --errors PATH (the functions page links to it)")
    with connect(resolve_target(project, target)) as conn:
        pages = schemadoc.render(conn, errors_file.read_text(encoding="utf-8"))
    if check:
        schemadoc.check(pages, Path(out))
        say(f"{out} is up to date ({len(pages)} pages)")
        return
    changed = schemadoc.write(pages, Path(out))
    say(f"Wrote {len(pages)} pages to {out} ({len(changed)} changed)")


@handled
def types(
    target: TargetOpt = None,
    out: Annotated[str | None, typer.Option(
        "--out", help="File to write (default: types/database.ts of the checkout).")] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 9 when the file differs from the "
                     "database's types."),
    ] = False,
) -> None:
    """Generate the TypeScript types of the Data API (types/database.ts) from a deployed
    database, with @supabase/postgres-meta on Node (what `supabase gen types` runs)."""
    from pathlib import Path

    from ..engine.runner import connect
    from ..errors import OnemediError
    from ..reference import types as typegen

    project = find_project()
    if project.source != "checkout" or not (project.root / "types" / "package.json").is_file():
        raise OnemediError("`types` needs the onemedi-db checkout (its types/ folder pins the "
                           "generator)", hint="run it inside a clone, after `make deps`")
    tool_dir = project.root / "types"
    path = Path(out) if out else tool_dir / "database.ts"
    with connect(resolve_target(project, target)) as conn:
        text = typegen.generate(conn, tool_dir)
    if check:
        typegen.check(text, path)
        say(f"{path} is up to date ({text.count(chr(10))} lines)")
        return
    changed = typegen.write(text, path)
    say(f"Wrote {path} ({text.count(chr(10))} lines, {'changed' if changed else 'unchanged'})")


@handled
def seed(
    target: TargetOpt = None,
    scale: Annotated[
        int | None,
        typer.Option("--scale", help="Generate N orders and the data around them, by COPY (fast)."),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Load the small, realistic demo data set through the database's own functions.",
        ),
    ] = False,
    seed_value: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same data.")
    ] = 1,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Seed even though the database already has profiles or orders."
        ),
    ] = False,
    anchor: Annotated[
        str | None,
        typer.Option("--anchor", help="Day the data ends on (YYYY-MM-DD; default today, UTC)."),
    ] = None,
    write_docs: Annotated[
        bool,
        typer.Option("--docs", help="Also record the proportions in the checkout's "
                     "docs/benchmarks.md (`make bench` does)."),
    ] = False,
) -> None:
    """Fill a deployed database with generated (--scale N) or demo (--demo) data."""
    from datetime import date

    from ..seed.run import run_seed

    project, _, tgt = load(target)
    docs = (
        project.root / "docs" / "benchmarks.md"
        if write_docs and project.source == "checkout" else None
    )
    run_seed(
        tgt.conninfo,
        say,
        scale=scale,
        demo=demo,
        seed=seed_value,
        force=force,
        anchor=date.fromisoformat(anchor) if anchor else None,
        docs=docs,
        progress=sys.stderr.isatty(),
    )

