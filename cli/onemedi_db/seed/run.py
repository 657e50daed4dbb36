"""What `onemedi-db seed` does, without Typer: pick the generator, run it, report, and
record the proportions of a scale run in docs/benchmarks.md."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..errors import OnemediError

MARK_BEGIN = "<!-- seed --scale:begin -->"
MARK_END = "<!-- seed --scale:end -->"


def write_section(doc: Path, begin: str, end: str, title: str, body: str) -> None:
    """Replace (or append) the section between two markers of a Markdown file."""
    text = doc.read_text() if doc.exists() else "# Benchmarks\n"
    section = f"{begin}\n{body}\n{end}"
    if begin in text:
        head, _, rest = text.partition(begin)
        text = head + section + rest.partition(end)[2]
    else:
        text = text.rstrip("\n") + f"\n\n## {title}\n\n{section}\n"
    doc.write_text(text)


def run_seed(conninfo: str, say: Callable[[str], None], *, scale: int | None, demo: bool,
             seed: int, force: bool, anchor: date | None, docs: Path | None,
             progress: bool) -> None:
    if (scale is None) == (not demo):
        raise OnemediError("give exactly one of --scale N and --demo",
                           hint="onemedi-db seed --scale 1000, or onemedi-db seed --demo")
    if demo:
        from .demo import seed_demo

        logins = seed_demo(conninfo, seed=seed, force=force, anchor=anchor)
        say(logins.text())
        return
    from .scale import proportions_markdown, seed_scale

    assert scale is not None
    report = seed_scale(conninfo, scale, seed=seed, force=force, anchor=anchor,
                        progress=progress)
    say(f"Seeded {report.rows:,} rows for {scale:,} orders in {report.seconds:.1f} s "
        f"({report.rows / max(report.seconds, 1e-9):,.0f} rows/s)")
    if docs is not None:
        body = proportions_markdown(report, f"onemedi-db seed --scale {scale} --seed {seed}")
        write_section(docs, MARK_BEGIN, MARK_END, "Seed proportions (`seed --scale`)", body)
        say(f"Proportions written to {docs}")
