"""The authoring commands: add, tag, rework (plan and scripts), check, lint, test."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from ..engine.config import Project, resolve_target
from .common import (
    ConflictsOpt,
    JsonOpt,
    NoteOpt,
    RequiresOpt,
    TargetOpt,
    handled,
    load,
    open_engine,
    project_here,
    say,
    say_err,
)


def _rel(project: Project, path: Any) -> str:
    from ..authoring.changes import _rel as rel

    return rel(project, path)


@handled
def add(
    name: Annotated[str, typer.Argument(help="Name of the new change (sqitch's naming rules).")],
    requires: RequiresOpt = None,
    conflicts: ConflictsOpt = None,
    note: NoteOpt = "",
) -> None:
    """Add a change: three scripts from the house-style templates (docs/style.md), one plan line."""
    from ..authoring.changes import add_change

    project = project_here()
    result = add_change(project, name, requires or [], conflicts or [], note)
    for path in result.created:
        say(f"Created {_rel(project, path)}")
    for path in result.skipped:
        say(f"Skipped {_rel(project, path)}: already exists")
    say(f'Added "{result.summary}" to {project.plan_file.name}')


@handled
def tag(
    name: Annotated[str, typer.Argument(help="Tag name, with or without the leading @.")],
    note: NoteOpt = "",
) -> None:
    """Tag the last change of the plan."""
    from ..authoring.changes import add_tag

    project = project_here()
    result = add_tag(project, name, note)
    say(f'Tagged "{result.change}" with @{name.removeprefix("@")} in {project.plan_file.name}')


@handled
def rework(
    name: Annotated[str, typer.Argument(help="The planned change to rework.")],
    requires: RequiresOpt = None,
    conflicts: ConflictsOpt = None,
    note: NoteOpt = "",
) -> None:
    """Rework a change after a tag: keep its scripts as NAME@TAG.sql and plan it again."""
    from ..authoring.changes import rework_change

    project = project_here()
    result = rework_change(project, name, requires or [], conflicts or [], note)
    for src, dst in result.copied:
        say(f"Copied {_rel(project, src)} to {_rel(project, dst)}")
    say(f'Added "{result.summary}" to {project.plan_file.name}')
    say("Modify these files as appropriate:")
    for path in result.created:
        say(f"  * {_rel(project, path)}")


@handled
def check_cmd(target: TargetOpt = None, json_out: JsonOpt = False) -> None:
    """Find drift without changing anything: edited scripts, unknown or misordered changes,
    failing verifies."""
    from ..authoring.check import check as find_drift
    from ..errors import DriftFound

    project, plan, tgt = load(target)
    deployed, findings = find_drift(open_engine(project, plan, tgt))
    if json_out:
        say(
            json.dumps(
                {
                    "target": tgt.display(),
                    "deployed": deployed,
                    "clean": not findings,
                    "findings": [f.as_dict() for f in findings],
                },
                indent=2,
            )
        )
    else:
        for finding in findings:
            say(finding.line())
    if findings:
        raise DriftFound(
            f"{len(findings)} drift finding(s) on {tgt.display()}",
            hint="each finding says what to do; docs/cli.md (`check`) explains them",
        )
    if not json_out:
        say(f"No drift: {deployed} deployed change(s) match the plan, scripts and verifies")


@handled
def lint_cmd(
    json_out: JsonOpt = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Worker processes for sqlfluff (default: one per CPU)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ignore sqlfluff results cached by file content.")
    ] = False,
) -> None:
    """sqlfluff (the project's .sqlfluff) on every SQL file, plus layout and plain-SQL checks."""
    from ..authoring.lint import as_json, lint_project
    from ..errors import LintFailed

    project = project_here()
    result = lint_project(project, jobs=jobs, use_cache=not no_cache,
                          progress=lambda line: say_err(f"onemedi-db: {line}"))
    if json_out:
        say(json.dumps(as_json(result), indent=2))
    else:
        for problem in result.problems:
            say(problem.text())
    if result.problems:
        files = len({p.file for p in result.problems})
        raise LintFailed(f"{len(result.problems)} problem(s) in {files} file(s)")
    if not json_out:
        say(f"Linted {len(result.files)} SQL file(s): no problems")


@handled
def test_cmd(
    target: TargetOpt = None,
    junit: Annotated[str | None, typer.Option("--junit", help="Also write JUnit XML here.")] = None,
    tap: Annotated[bool, typer.Option("--tap", help="Print the TAP output of every file.")] = False,
    directory: Annotated[
        str | None,
        typer.Option(
            "--dir", help="Folder of test*.sql files (default: the project's tests/pgtap)."
        ),
    ] = None,
) -> None:
    """Run the pgTAP suites against a deployed database, each file rolled back."""
    from pathlib import Path

    from ..authoring import testrun
    from ..engine.runner import connect
    from ..errors import TestsFailed

    project = project_here()
    folder = Path(directory) if directory else project.root / "tests" / "pgtap"
    files = testrun.suite_files(folder)
    with connect(resolve_target(project, target)) as conn:
        testrun.ensure_pgtap(conn, say_err)
        prelude = testrun.helper_prelude(conn, folder)
        if prelude:
            say_err(f"Loading the test helpers ({testrun.HELPERS}) inside each file's "
                    "rolled-back transaction: nothing of them stays")
        results = testrun.run_suite(conn, files, prelude)
    for r in results:
        if tap:
            say(f"# {r.path.name}\n" + "\n".join(r.tap))
        say(
            f"{r.path.name} .. "
            + ("ok" if r.ok else "NOT OK: " + "; ".join(r.problems))
            + f" ({len(r.assertions)} tests)"
        )
        if not tap:  # why each failed, as pg_prove shows it (--tap shows all of it anyway)
            for failed in r.failed:
                say(f"    not ok {failed.number} - {failed.description}".rstrip(" -"))
                for line in failed.diagnostics:
                    say(f"    {line}")
            if r.error:
                say(f"    # {r.error}")
    if junit:
        Path(junit).write_text(testrun.junit_xml(results), encoding="utf-8")
    total = sum(len(r.assertions) for r in results)
    bad = [r for r in results if not r.ok]
    if bad:
        raise TestsFailed(
            f"{len(bad)} of {len(results)} pgTAP file(s) failed: "
            + ", ".join(r.path.name for r in bad)
        )
    say(f"All tests successful. Files={len(results)}, Tests={total}")

