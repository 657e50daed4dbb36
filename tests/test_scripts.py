"""Splitting scripts into statements, and the content-addressed cache of those splits.

No database: these read scripts the way `deploy` does and compare with pglast's own parse.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from onemedi_db.engine import scripts
from onemedi_db.errors import PlanError

SCRIPT = """-- Deploy onemedi:example to pg
BEGIN;

CREATE TABLE public.example (
    id integer PRIMARY KEY,
    note text NOT NULL DEFAULT 'it''s; not a split' -- a comment; with a semicolon
);

/* a block comment; also with a semicolon */
CREATE FUNCTION public.example_total() RETURNS bigint
LANGUAGE sql STABLE BEGIN ATOMIC
    SELECT count(*) FROM public.example;
END;

COMMENT ON TABLE public.example IS 'Why it exists; for the test.';

COMMIT;
"""

EXPECTED_STARTS = ["CREATE TABLE", "CREATE FUNCTION", "COMMENT ON"]


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> scripts._SplitCache:
    """An empty split cache under a private XDG_CACHE_HOME, used by read_script."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = scripts._SplitCache()
    monkeypatch.setattr(scripts, "_SPLITS", cache)
    return cache


def _write(tmp_path: Path, text: str = SCRIPT) -> Path:
    path = tmp_path / "example.sql"
    path.write_text(text, encoding="utf-8")
    return path


def _shape(script: scripts.Script) -> list[tuple[str, int]]:
    return [(s.sql.split("(")[0].split(" IS ")[0], s.line) for s in script.statements]


def test_split_drops_the_wrapper_and_keeps_statements_whole(
    tmp_path: Path, fresh_cache: scripts._SplitCache
) -> None:
    script = scripts.read_script(_write(tmp_path))
    starts = [" ".join(s.sql.split()[:2]) for s in script.statements]
    assert starts == EXPECTED_STARTS
    assert [s.line for s in script.statements] == [4, 10, 15]
    assert script.statements[1].sql.endswith("END")  # BEGIN ATOMIC body not split
    assert "it''s; not a split" in script.statements[0].sql
    assert script.transactional


def test_cached_split_is_reused_and_equals_a_fresh_parse(
    tmp_path: Path, fresh_cache: scripts._SplitCache
) -> None:
    path = _write(tmp_path)
    parsed = scripts.read_script(path)
    fresh_cache.save()
    cache_files = list((tmp_path / "xdg" / "onemedi-db").glob("splits-*.json"))
    assert len(cache_files) == 1
    entries = json.loads(cache_files[0].read_text())
    assert list(entries) == [parsed.sha1]

    reloaded = scripts._SplitCache()  # what the next process sees
    spans = reloaded.get(parsed.sha1, path.read_text())
    assert spans == [(s.offset, s.offset + len(s.sql)) for s in parsed.statements]


def test_a_warm_cache_needs_no_parser(tmp_path: Path) -> None:
    """The point of the cache: a second process splits the script without importing pglast."""
    path = _write(tmp_path)
    code = (
        "import sys; from pathlib import Path; from onemedi_db.engine import scripts; "
        f"s = scripts.read_script(Path({str(path)!r})); "
        "print(len(s.statements), 'pglast' in sys.modules)"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["3", "True"], ["3", "False"]]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda spans: spans[:1] + spans[2:], id="a statement left out"),
        pytest.param(lambda spans: [[a + 7, b] for a, b in spans], id="starts shifted"),
        pytest.param(lambda spans: [[a, b - 1] for a, b in spans], id="ends cut short"),
        pytest.param(lambda spans: [[a, b + 10_000] for a, b in spans], id="past the end"),
        pytest.param(lambda spans: "not a list", id="not a list"),
        pytest.param(lambda spans: [[0], *spans], id="not pairs"),
        pytest.param(lambda spans: [["x", "y"], *spans], id="not numbers"),
    ],
)
def test_a_damaged_cache_entry_is_not_trusted(
    tmp_path: Path, fresh_cache: scripts._SplitCache, damage: object
) -> None:
    path = _write(tmp_path)
    good = scripts.read_script(path)
    entries = fresh_cache._load()
    entries[good.sha1] = damage(entries[good.sha1])  # type: ignore[operator]
    again = scripts.read_script(path)
    assert _shape(again) == _shape(good)
    assert [s.sql for s in again.statements] == [s.sql for s in good.statements]


def test_errors_are_reported_and_never_cached(
    tmp_path: Path, fresh_cache: scripts._SplitCache
) -> None:
    path = _write(tmp_path, "BEGIN;\nCREATE TABLE broken (;\nCOMMIT;\n")
    with pytest.raises(PlanError, match=r"example\.sql:2: syntax error"):
        scripts.read_script(path)
    path.write_text("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);\n")
    with pytest.raises(PlanError, match=r"example\.sql:3: transaction control \(COMMIT\)"):
        scripts.read_script(path)
    assert fresh_cache._load() == {}
