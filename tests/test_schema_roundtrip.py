"""The real plan: every revert restores exactly the schema its deploy started from.

The plan is deployed one change at a time, dumping the schema (`pg_dump --schema-only`,
registry excluded) before each change; then reverted one change at a time, each dump
compared with the one taken before that change was deployed. Finally the whole plan is
deployed again and must dump identically to the first full deploy.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from onemedi_db.engine.config import find_project, resolve_target
from onemedi_db.engine.plan import parse_plan
from onemedi_db.engine.runner import Engine, connect
from onemedi_db.supabase import standin

ROOT = Path(__file__).resolve().parent.parent


def _dump(url: str) -> str:
    out = subprocess.run(
        ["pg_dump", "--schema-only", "--no-owner", "--exclude-schema=sqitch", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # pg_dump prints a random \restrict key on recent minor releases: not schema.
    return "\n".join(
        ln for ln in out.splitlines() if not ln.startswith(("\\restrict", "\\unrestrict"))
    )


def test_every_revert_restores_the_schema_before_its_deploy(make_db: Callable[[str], str]) -> None:
    url = make_db("roundtrip")
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    conn = connect(resolve_target(project, url))
    engine = Engine(project, plan, conn)
    before: list[str] = []
    with engine.locked(60):
        standin.install(conn)
        for change in plan.changes:
            before.append(_dump(url))
            engine.deploy(to=f"@ROOT~{change.index}" if change.index else "@ROOT")
        full = _dump(url)
        for change in reversed(plan.changes):
            to = f"@ROOT~{change.index - 1}" if change.index else None
            engine.revert(engine.revert_plan(to))
            assert _dump(url) == before[change.index], (
                f"reverting {change.name} did not restore the schema it was deployed on"
            )
        engine.deploy()
    assert _dump(url) == full
    conn.close()
