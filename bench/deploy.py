#!/usr/bin/env python3
"""Deploy and revert of a plan of 100 generated changes: onemedi-db against sqitch and the floor.

The floor is one `psql -1` of every deploy (or revert) script concatenated, with the scripts'
own BEGIN/COMMIT lines removed so that psql's single transaction is the only one. Each tool
runs on a fresh database that already has the Supabase stand-in, written out to disk first
(CHECKPOINT and sync) so that no run pays for the previous one's writes; five rounds,
interleaved so that drift on the machine hits all three alike; medians are reported.

    .venv/bin/python bench/deploy.py [--changes 100] [--rounds 5] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADMIN = {"PGHOST": "127.0.0.1", "PGPORT": "5432", "PGUSER": "postgres"}
MARK_BEGIN = "<!-- bench/deploy.py:begin -->"
MARK_END = "<!-- bench/deploy.py:end -->"


def generate(folder: Path, changes: int) -> None:
    """A plan of `changes` changes, each a realistic small table with its trimmings."""
    (folder / "sqitch.conf").write_text(
        "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n"
    )
    for kind in ("deploy", "revert", "verify"):
        (folder / "sql" / kind).mkdir(parents=True)
    lines = ["%syntax-version=1.0.0", "%project=bench", ""]
    for i in range(changes):
        name = f"t{i:03d}"
        dep = f" [t{i - 1:03d}]" if i else ""
        fk = (
            f",\n    parent_id uuid REFERENCES public.t{i - 1:03d} (id) ON DELETE CASCADE"
            if i
            else ""
        )
        lines.append(
            f"{name}{dep} 2026-11-25T10:{i // 60:02d}:{i % 60:02d}Z "
            f"Bench <bench@onemedi.in> # Add table {name}"
        )
        (folder / "sql/deploy" / f"{name}.sql").write_text(f"""BEGIN;
CREATE TABLE public.{name} (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    label text NOT NULL CONSTRAINT {name}_label_not_blank CHECK (label <> ''),
    amount numeric(12, 2) NOT NULL DEFAULT 0 CONSTRAINT {name}_amount_non_negative
        CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(){fk}
);
CREATE INDEX {name}_created_at_idx ON public.{name} (created_at);
{f"CREATE INDEX {name}_parent_id_idx ON public.{name} (parent_id);" if i else ""}
ALTER TABLE public.{name} ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON public.{name} TO anon;
GRANT ALL ON public.{name} TO service_role;
COMMENT ON TABLE public.{name} IS 'Generated benchmark table {i}.';
COMMIT;
""")
        (folder / "sql/revert" / f"{name}.sql").write_text(
            f"BEGIN;\nDROP TABLE public.{name};\nCOMMIT;\n"
        )
        (folder / "sql/verify" / f"{name}.sql").write_text(
            f"BEGIN;\nSELECT id, label FROM public.{name} WHERE false;\nROLLBACK;\n"
        )
    (folder / "sqitch.plan").write_text("\n".join(lines) + "\n")


def concatenated(folder: Path, kind: str, changes: int) -> Path:
    order = range(changes) if kind == "deploy" else reversed(range(changes))
    body = []
    for i in order:
        text = (folder / "sql" / kind / f"t{i:03d}.sql").read_text()
        body += [ln for ln in text.splitlines() if ln.strip() not in ("BEGIN;", "COMMIT;")]
    out = folder / f"all-{kind}.sql"
    out.write_text("\n".join(body) + "\n")
    return out


def psql_argv(db: str, *args: str) -> list[str]:
    """psql, quiet, no psqlrc, stopping at the first error."""
    return ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", db, *args]


def psql(db: str, *args: str) -> None:
    subprocess.run(
        psql_argv(db, *args),
        check=True,
        env={**os.environ, **ADMIN},
        stdout=subprocess.DEVNULL,
    )


def fresh_db(name: str) -> None:
    env = {**os.environ, **ADMIN}
    subprocess.run(
        ["dropdb", "--if-exists", "--force", name], check=True, env=env, stderr=subprocess.DEVNULL
    )
    subprocess.run(["createdb", name], check=True, env=env)
    subprocess.run(  # the Supabase stand-in, as `make deploy` installs it
        [sys.executable, "-m", "onemedi_db", "standin", "install", "--target",
         f"postgresql://{ADMIN['PGUSER']}@{ADMIN['PGHOST']}:{ADMIN['PGPORT']}/{name}"],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )


def compile_package() -> None:
    """As pip does when it installs the wheel: the package's bytecode exists before the first
    run (an editable checkout under PYTHONDONTWRITEBYTECODE would compile on every run)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "cli" / "onemedi_db")], check=True
    )


def settle(db: str) -> None:
    """Write out what creating the database dirtied, so no tool pays for another's writes."""
    psql(db, "-c", "CHECKPOINT")
    os.sync()


def timed(cmd: list[str], cwd: Path, db: str) -> float:
    settle(db)
    env = {**os.environ, **ADMIN, "SQITCH_FULLNAME": "Bench", "SQITCH_EMAIL": "bench@onemedi.in"}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _psql_version() -> str:
    run = subprocess.run(["psql", "--version"], capture_output=True, text=True, check=False)
    return run.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", type=Path, help="update this Markdown file's deploy section")
    opts = parser.parse_args()
    if not shutil.which("sqitch"):
        print("sqitch is not installed (Debian package sqitch)", file=sys.stderr)
        return 2
    onemedi = [sys.executable, "-m", "onemedi_db"]
    compile_package()
    db = "om_bench_deploy"
    url = f"postgresql://postgres@127.0.0.1:5432/{db}"
    sqitch_uri = f"db:pg://postgres@127.0.0.1:5432/{db}"
    times: dict[str, list[float]] = {
        k: []
        for k in (
            "floor deploy",
            "onemedi-db deploy",
            "sqitch deploy",
            "floor revert",
            "onemedi-db revert",
            "sqitch revert",
        )
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, opts.changes)
        all_deploy = concatenated(folder, "deploy", opts.changes)
        all_revert = concatenated(folder, "revert", opts.changes)
        commands = {  # tool: (deploy, revert)
            "floor": (
                psql_argv(db, "-1", "-f", str(all_deploy)),
                psql_argv(db, "-1", "-f", str(all_revert)),
            ),
            "onemedi-db": (
                [*onemedi, "deploy", "-t", url],
                [*onemedi, "revert", "-y", "-t", url],
            ),
            "sqitch": (
                ["sqitch", "deploy", sqitch_uri],
                ["sqitch", "revert", "-y", sqitch_uri],
            ),
        }
        for _ in range(opts.rounds):
            for tool, (deploy, revert) in commands.items():
                fresh_db(db)
                times[f"{tool} deploy"].append(timed(deploy, folder, db))
                times[f"{tool} revert"].append(timed(revert, folder, db))
        subprocess.run(
            ["dropdb", "--if-exists", "--force", db], env={**os.environ, **ADMIN}, check=True
        )
    med = {k: statistics.median(v) for k, v in times.items()}
    rows = []
    for op in ("deploy", "revert"):
        floor, ours, theirs = med[f"floor {op}"], med[f"onemedi-db {op}"], med[f"sqitch {op}"]
        rows.append(
            f"| {op} | {ours:.3f} s | {theirs:.3f} s | {floor:.3f} s "
            f"| {theirs / ours:.1f}x | {ours / floor:.2f}x |"
        )
    table = "\n".join(
        [
            f"Plan of {opts.changes} generated changes (a table with a CHECK, a FK to the previous "
            "table, two indexes, RLS, grants and a comment each); fresh database with the Supabase "
            f"stand-in; median of {opts.rounds} rounds, whole command wall time including process "
            "start-up.",
            "",
            "| operation | onemedi-db | sqitch 1.3.1 | floor (`psql -1`) | onemedi-db faster than "
            "sqitch | onemedi-db / floor |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            "Raw seconds per round: "
            + "; ".join(f"{k}: {', '.join(f'{x:.3f}' for x in v)}" for k, v in times.items()),
            "",
            f"Machine: {platform.node()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {_psql_version()}.",
            "Command: `.venv/bin/python bench/deploy.py --write docs/benchmarks.md`",
        ]
    )
    print(table)
    if opts.write:
        text = opts.write.read_text() if opts.write.exists() else "# Benchmarks\n"
        section = f"{MARK_BEGIN}\n{table}\n{MARK_END}"
        if MARK_BEGIN in text:
            head, _, rest = text.partition(MARK_BEGIN)
            text = head + section + rest.partition(MARK_END)[2]
        else:
            text += f"\n## Deploy and revert: onemedi-db, sqitch, psql\n\n{section}\n"
        opts.write.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
