#!/usr/bin/env python3
"""Question 7: deploy of the whole real plan: onemedi-db against sqitch 1.3.1 and against the
floor, one `psql -1` of every deploy script concatenated (their BEGIN/COMMIT removed). Each
tool starts from a fresh database holding only the Supabase stand-in; rounds interleave the
three tools. (bench/deploy.py measures a generated 100-change plan; this is the real one.)

    .venv/bin/python bench/deploy_plan.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Figure, summary
from deploy import ADMIN, ROOT, compile_package, fresh_db, psql_argv, timed

sys.path.insert(0, str(ROOT / "cli"))
from onemedi_db.engine.config import find_project
from onemedi_db.engine.plan import parse_plan

DB = "h8_bench_deploy"


def concatenated(out: Path) -> int:
    project = find_project(ROOT)
    plan = parse_plan(project.plan_file, project.top_dir)
    body: list[str] = []
    for change in plan.changes:
        text = (project.top_dir / "deploy" / f"{change.name}.sql").read_text()
        body += [ln for ln in text.splitlines() if ln.strip().upper() not in ("BEGIN;", "COMMIT;")]
    out.write_text("\n".join(body) + "\n")
    return len(plan.changes)


def run(rounds: int = 3) -> list[Figure]:
    if not shutil.which("sqitch"):
        return []
    url = f"postgresql://postgres@127.0.0.1:5432/{DB}"
    times: dict[str, list[float]] = {"floor": [], "onemedi-db": [], "sqitch": []}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "all-deploy.sql"
        changes = concatenated(script)
        commands = {
            "floor": psql_argv(DB, "-1", "-f", str(script)),
            "onemedi-db": [sys.executable, "-m", "onemedi_db", "deploy", "-t", url],
            "sqitch": ["sqitch", "deploy", f"db:pg://postgres@127.0.0.1:5432/{DB}"],
        }
        compile_package()
        for _ in range(rounds):
            for tool, command in commands.items():
                fresh_db(DB)
                times[tool].append(timed(command, ROOT, DB))
    subprocess.run(["dropdb", "--if-exists", "--force", DB], env={**os.environ, **ADMIN},
                   check=True)
    f, f95 = summary(times["floor"])
    out = []
    for tool in ("onemedi-db", "sqitch"):
        m, m95 = summary(times[tool])
        out.append(Figure("7. Deploy of the whole plan", f"{tool} deploy ({changes} changes)",
                          "s", m, m95, f, f95, "one psql -1 of all deploy scripts",
                          "onemedi-db faster than sqitch", None, rounds,
                          note="raw s: " + ", ".join(f"{x:.2f}" for x in times[tool])))
    out[0].met = out[0].median < out[1].median
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    for fig in run(parser.parse_args().rounds):
        print(f"{fig.name}: {fig.median:.2f} s vs floor {fig.floor_median:.2f} s "
              f"-> {fig.ratio:.2f}x")
