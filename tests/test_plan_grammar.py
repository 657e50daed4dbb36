"""The plan parser accepts exactly the plans sqitch 1.3.1 accepts, with the same ids.

Every plan of `plan_cases.CASES` is given to the real sqitch (`sqitch plan`, and `sqitch show
tag` for each tag) and to our parser: both must accept it or both refuse it, and when they
accept, the change ids, names and tags, and each tag's info text (what its id hashes), must
be the same.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from onemedi_db.engine.plan import Plan, parse_plan
from onemedi_db.errors import PlanError
from plan_cases import CASES
from sqitch_oracle import Result, isolated_env, run_sqitch

CONF = "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n"
PLAN_ARGS = ("plan", "--no-headers", "--format", "format:%H %n%{ }t")


def _write(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "sqitch.conf").write_text(CONF)
    (folder / "sqitch.plan").write_bytes(text.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Result, dict[str, str]]]:
    """sqitch's answer for every case: its `plan` output, and `show tag` for each tag."""
    root = tmp_path_factory.mktemp("plans")
    folders = {name: _write(root, name, text) for name, _, text in CASES}
    plans = run_sqitch([(folders[name], PLAN_ARGS) for name, _, _ in CASES])
    tag_jobs = []
    for (name, _, _), result in zip(CASES, plans, strict=True):
        if result.rc == 0:
            for line in result.out.splitlines():
                tag_jobs += [(name, tag) for tag in line.split()[2:]]
    shown = run_sqitch([(folders[name], ("show", "tag", tag)) for name, tag in tag_jobs])
    tags: dict[str, dict[str, str]] = {name: {} for name, _, _ in CASES}
    for (name, tag), result in zip(tag_jobs, shown, strict=True):
        assert result.rc == 0, result.err
        tags[name][tag] = result.out.removesuffix("\n")
    return {name: (result, tags[name]) for (name, _, _), result in zip(CASES, plans, strict=True)}


def _ours(tmp_path: Path, name: str, text: str) -> Plan | PlanError:
    folder = _write(tmp_path, name, text)
    try:
        return parse_plan(folder / "sqitch.plan", folder / "sql")
    except PlanError as exc:
        return exc


@pytest.mark.parametrize(("name", "verdict", "text"), CASES, ids=[c[0] for c in CASES])
def test_same_verdict_and_ids_as_sqitch(
    verdicts: dict[str, tuple[Result, dict[str, str]]], tmp_path: Path, name: str,
    verdict: str, text: str,
) -> None:
    theirs, tag_infos = verdicts[name]
    # An empty plan is accepted; `sqitch plan` says so with exit code 1.
    accepted = theirs.rc == 0 or (theirs.rc == 1 and theirs.out.startswith("No changes in"))
    assert accepted == (verdict == "accept"), (
        f"sqitch no longer {verdict}s this plan: {theirs.err}")
    ours = _ours(tmp_path, name, text)
    if verdict == "refuse":
        assert isinstance(ours, PlanError), f"we accept what sqitch refuses: {theirs.err}"
        assert str(ours).startswith(str(tmp_path)), ours  # the message names the file ...
        assert ":" in str(ours)[len(str(tmp_path)):], ours  # ... and the line
        return
    assert not isinstance(ours, PlanError), f"we refuse what sqitch accepts: {ours}"
    listed = [f"{c.id} {c.format_name_with_tags()}" for c in ours.changes]
    assert listed == (theirs.out.splitlines() if theirs.rc == 0 else [])
    for tag in ours.tags:
        info = tag.info(ours.project, ours.canonical_uri)
        assert info == tag_infos[f"@{tag.name}"]
        data = info.encode()
        assert tag.id == hashlib.sha1(b"tag %d\0" % len(data) + data).hexdigest()


def test_oracle_matches_the_sqitch_script(tmp_path: Path) -> None:
    """The one-process oracle prints what the `sqitch` executable prints."""
    chosen = [c for c in CASES if c[0] in ("tutorial-no-blank-before-hash", "tag-slash",
                                           "uri-upper-scheme-host-default-port")]
    folders = [_write(tmp_path, name, text) for name, _, text in chosen]
    batch = run_sqitch([(folder, PLAN_ARGS) for folder in folders])
    for folder, result in zip(folders, batch, strict=True):
        real = subprocess.run(["sqitch", "--chdir", str(folder), *PLAN_ARGS], env=isolated_env(),
                              capture_output=True, text=True, timeout=120, check=False)
        assert (real.returncode, real.stdout) == (result.rc, result.out)
        assert real.stderr.strip() == result.err.strip()


def test_a_bare_change_id_dependency_is_refused_with_a_reason(tmp_path: Path) -> None:
    """sqitch 1.3.1 recurses until it runs out of stack on `[<40 hex>]`: we refuse it."""
    text = "%project=p\n\na 2024-01-01T00:00:00Z N <e@x>\nb [" + "ab" * 20 + \
        "] 2024-01-01T00:00:01Z N <e@x>\n"
    ours = _ours(tmp_path, "bare-id", text)
    assert isinstance(ours, PlanError)
    assert "bare change id" in str(ours) and ":4:" in str(ours)
