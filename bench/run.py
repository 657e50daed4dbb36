#!/usr/bin/env python3
"""All benchmarks in one run (`make bench`): deploys a fresh database, seeds it with
`seed --scale` (1M orders by default), runs every question and rewrites its section of
docs/benchmarks.md plus the plots in docs/bench/*.png.

    .venv/bin/python bench/run.py [--scale 1000000] [--reuse] [--runs 50] [--seconds 8]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from common import Figure

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "cli"))
from onemedi_db.seed.run import MARK_BEGIN, MARK_END, write_section  # noqa: E402
from onemedi_db.seed.scale import SeedReport, proportions_markdown, seed_scale  # noqa: E402

BEGIN, END = "<!-- bench/run.py:begin -->", "<!-- bench/run.py:end -->"
ADMIN = {"PGHOST": "127.0.0.1", "PGPORT": "5432", "PGUSER": "postgres"}


def sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, env={**os.environ, **ADMIN}, stdout=subprocess.DEVNULL)


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def seed_figure(url: str, scale: int,
                conn: psycopg.Connection[object]) -> tuple[Figure, SeedReport]:
    report = seed_scale(url, scale, seed=1, progress=sys.stderr.isatty())
    rate = report.rows / report.seconds
    start = time.perf_counter()
    with conn.transaction():
        conn.execute("CREATE TEMP TABLE h8_floor AS SELECT * FROM public.order_items")
        rows = conn.execute("SELECT count(*) FROM h8_floor").fetchone()[0]  # type: ignore[index]
        conn.execute("DROP TABLE h8_floor")
    floor = rows / (time.perf_counter() - start)
    fig = Figure("8. Seed", f"seed --scale {scale:,}: {report.rows:,} rows in "
                 f"{report.seconds:.0f} s", "rows/s", rate, rate, floor, floor,
                 "server-side copy of order_items into a temp table (no index, no WAL)",
                 "whole make bench < 20 min", None, 1,
                 note=f"wall time {report.seconds:.1f} s")
    return fig, report


def markdown(figs: list[Figure], header: list[str]) -> str:
    out = [*header, "", "| question | measurement | median | p95 | floor | floor p95 | ratio "
           "| target | met |", "|---|---|---:|---:|---:|---:|---:|---|---|"]
    for f in figs:
        met = {True: "yes", False: "**no**", None: "-"}[f.met]
        out.append(f"| {f.question} | {f.name} | {f.median:,.2f} {f.unit} | {f.p95:,.2f} | "
                   f"{f.floor_median:,.2f} | {f.floor_p95:,.2f} | {f.ratio:.3f}x | "
                   f"{f.target} | {met} |")
    out += ["", "Floors: " + "; ".join(sorted({f"{f.question}: {f.floor_label}" for f in figs})),
            "", "Notes: " + "; ".join(f"{f.name}: {f.note}" for f in figs if f.note), "",
            "Plans (EXPLAIN ANALYZE of one run, measured then floor):", ""]
    for f in figs:
        if f.plan:
            out += [f"<details><summary>{f.question}: {f.name}</summary>", "", "```",
                    f.plan, "```", "", "Floor:", "", "```", f.floor_plan, "```", "",
                    "</details>", ""]
    return "\n".join(out)


def plots(figs: list[Figure], folder: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for question in sorted({f.question for f in figs}):
        group = [f for f in figs if f.question == question]
        fig, ax = plt.subplots(figsize=(9, 1.1 + 0.8 * len(group)))
        ys = range(len(group))
        med = [f.median for f in group]
        flo = [f.floor_median for f in group]
        ax.barh([y + 0.2 for y in ys], med, 0.4, label="measured (median, p95 whisker)",
                xerr=[[0] * len(group), [max(0, f.p95 - f.median) for f in group]])
        ax.barh([y - 0.2 for y in ys], flo, 0.4, label="floor (median)", color="#bbbbbb")
        ax.set_yticks(list(ys), [f.name[:60] for f in group], fontsize=8)
        ax.set_xlabel(group[0].unit)
        if group[0].unit == "ms":
            ax.set_xscale("log")
        ax.set_title(question)
        ax.legend(fontsize=7, loc="lower right")
        fig.tight_layout()
        name = question.split(".")[0].strip() + "_" + question.split(". ")[-1].lower().replace(
            " ", "_").replace("/", "") + ".png"
        fig.savefig(folder / name, dpi=110)
        plt.close(fig)
        written.append(name)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=1_000_000)
    ap.add_argument("--db", default="h8_bench")
    ap.add_argument("--reuse", action="store_true", help="keep an already seeded --db")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=8.0, help="per throughput round")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    opts = ap.parse_args()
    import concurrency
    import deploy_plan
    import rls
    import search

    began, load_before = time.perf_counter(), load()
    url = f"postgresql://postgres@127.0.0.1:5432/{opts.db}"
    figs: list[Figure] = []
    report = None
    if not opts.reuse:
        sh("dropdb", "--if-exists", "--force", opts.db)
        sh("createdb", opts.db)
        sh(sys.executable, "-m", "onemedi_db", "deploy", "-t", url)
    with psycopg.connect(url, autocommit=True) as conn:
        if not opts.reuse:
            fig, report = seed_figure(url, opts.scale, conn)
            figs.append(fig)
            print(f"seeded in {report.seconds:.0f} s", flush=True)
        figs += rls.run(conn, opts.runs)
        print("rls done", flush=True)
        figs += search.run(conn, opts.runs)
        print("search done", flush=True)
        sizes = conn.execute(
            "SELECT (SELECT count(*) FROM public.orders), (SELECT count(*) FROM "
            "public.order_items), (SELECT count(*) FROM public.medicine_master), (SELECT "
            "count(*) FROM public.vendor_locations), (SELECT count(*) FROM public.audit_logs)"
        ).fetchone()
        version = conn.execute("SHOW server_version").fetchone()
    figs += concurrency.run(url, opts.seconds)
    print("concurrency done", flush=True)
    figs += deploy_plan.run(3)
    total = time.perf_counter() - began
    assert sizes is not None and version is not None
    header = [
        f"Machine: {platform.node()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"PostgreSQL {version[0]}, Python {platform.python_version()}; load average "
        f"(1/5/15 min) {load_before} at the start, {load()} at the end (the machine was "
        "shared with other engineers' test runs unless these read below 1).",
        f"Data: {sizes[0]:,} orders, {sizes[1]:,} order lines, {sizes[2]:,} medicine rows, "
        f"{sizes[3]:,} vendor locations, {sizes[4]:,} audit rows (`seed --scale "
        f"{opts.scale}`, seed 1).",
        f"Command: `make bench` (`.venv/bin/python bench/run.py --scale {opts.scale}`); whole "
        f"run {total / 60:.1f} min. Latencies: median and p95 of up to {opts.runs} runs per "
        "query (fewer for slow queries, at least 10), interleaved with the floor's runs in 5 "
        "rounds; each run its own transaction, client wall time including the fetch. "
        f"Throughputs: {opts.seconds:.0f} s rounds, 2 rounds each, interleaved.",
        "Plots: " + ", ".join(f"![{n}](bench/{n})" for n in plots(figs, opts.out.parent / "bench")),
    ]
    write_section(opts.out, BEGIN, END, "Benchmarks (`make bench`)", markdown(figs, header))
    if report is not None:
        write_section(opts.out, MARK_BEGIN, MARK_END, "Seed proportions (`seed --scale`)",
                      proportions_markdown(report, f"onemedi-db seed --scale {opts.scale} "
                                           "--seed 1"))
    print(f"wrote {opts.out} in {total / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
