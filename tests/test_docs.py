"""The hand-written documentation stands alone: its links resolve inside the repository, it
names no file a user of the repository lacks, and the decisions' table of contents lists
every entry of every decisions file."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECISIONS = ROOT / "docs" / "decisions"
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$", re.M)
ENTRY = re.compile(r"^- \*\*(.+?)\*\*", re.M)
DOC_PATH = re.compile(r"(?<![\w/.-])(docs/[\w/.-]*\w\.md)")
# Files outside the repository that earlier documents named; a user's clone has none of them.
OUTSIDE = re.compile(
    r"\.\./shared|architecture-v[2]|notes/\w|\b(india|supabase|sqitch-compat|citus)\.md|STYLE\.md"
)


def _markdown_files() -> list[Path]:
    return sorted([ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").rglob("*.md")])


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: links and code marks dropped, lower case, punctuation
    removed, spaces turned into hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_anchor(h) for h in HEADING.findall(page.read_text(encoding="utf-8"))}


def _broken_links(page: Path, root: Path = ROOT) -> list[str]:
    """Relative links of a page whose file (inside root) or heading does not exist."""
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # https: and the like point outside on purpose
        path_part, _, fragment = target.partition("#")
        dest = (page.parent / path_part).resolve() if path_part else page
        if root not in (dest, *dest.parents):
            broken.append(f"{page.relative_to(root)}: {target} (outside the repository)")
        elif not dest.exists():
            broken.append(f"{page.relative_to(root)}: {target} (no such file)")
        elif fragment and dest.suffix == ".md" and fragment not in _anchors(dest):
            broken.append(f"{page.relative_to(root)}: {target} (no such heading)")
    return broken


def test_every_relative_link_resolves_inside_the_repository() -> None:
    pages = _markdown_files()
    assert len(pages) > 10, pages  # README, CHANGELOG, docs/*.md, decisions, schema
    assert [b for page in pages for b in _broken_links(page)] == []


def test_the_link_checker_sees_missing_files_headings_and_escapes(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (tmp_path / "outside.md").write_text("# Outside\n")
    (root / "docs" / "design.md").write_text('# The design\n## 8. What "frozen" means\n')
    page = root / "docs" / "probe.md"
    page.write_text(
        "# Probe `x`\n[ok](design.md#8-what-frozen-means) [ok](#probe-x) [ok](https://x.org)\n"
        "[a](missing.md) [b](design.md#no-such) [c](../../outside.md)\n"
    )
    assert _broken_links(page.resolve(), root.resolve()) == [
        "docs/probe.md: missing.md (no such file)",
        "docs/probe.md: design.md#no-such (no such heading)",
        "docs/probe.md: ../../outside.md (outside the repository)",
    ]


def _texts() -> list[Path]:
    """Documents, help texts, templates and benchmarks. sql/ is left out: its tagged scripts
    are frozen (and none names such a file today)."""
    return [*_markdown_files(), *(ROOT / "cli").rglob("*.py"), *(ROOT / "cli").rglob("*.sql"),
            *(ROOT / "bench").rglob("*.py"), ROOT / "Makefile", ROOT / "pyproject.toml"]


def _lines(paths: list[Path]) -> list[tuple[str, str]]:
    return [
        (f"{path.relative_to(ROOT)}:{n}", line)
        for path in paths
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
    ]


def test_no_document_or_help_text_names_a_file_outside_the_repository() -> None:
    assert [f"{where}: {line.strip()}" for where, line in _lines(_texts())
            if OUTSIDE.search(line)] == []


def test_every_document_named_in_plain_text_exists() -> None:
    named = [(where, m) for where, line in _lines(_texts())
             for m in DOC_PATH.findall(line)]
    assert len(named) > 5, named  # the README, the decisions and the docstrings name some
    assert [f"{where}: {doc}" for where, doc in named if not (ROOT / doc).exists()] == []


def test_decisions_contents_list_every_file_and_every_entry() -> None:
    contents = (DECISIONS / "README.md").read_text(encoding="utf-8")
    files = sorted(p for p in DECISIONS.glob("*.md") if p.name != "README.md")
    assert len(files) >= 5, files
    listed = set(re.findall(r"\]\(([\w-]+\.md)\)", contents))
    assert {p.name for p in files} == listed
    for page in files:
        text = page.read_text(encoding="utf-8")
        section = contents.split(f"]({page.name})", 2)[-1].split("\n### ", 1)[0]
        titles = ENTRY.findall(text)
        assert titles, page.name
        assert [t for t in titles if f"**{t}**" not in section] == [], page.name
