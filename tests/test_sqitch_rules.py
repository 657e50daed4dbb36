"""sqitch's rules, each checked against the real sqitch 1.3.1 on the same kind of database:
tags added after their change was deployed, conflicts, `[deploy] verify`, the configuration
files and SQITCH_* variables, canonical `%uri`, change ids as `--to`, a registry sqitch
would create, lazy revert scripts.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import engine_support
from engine_support import (
    SQITCH_CONF,
    Project,
    cli,
    deployed,
    events,
    query,
    registry,
    sqitch,
    sqitch_uri,
    table_exists,
)

db, new_db = engine_support.db, engine_support.new_db


def two(root: Path) -> Project:
    p = Project(root)
    p.add("a")
    p.add("b", deps=["a"])
    return p


# -- tags planned after their change was deployed ----------------------------------------------
def test_a_late_tag_is_recorded_on_the_next_deploy(tmp_path: Path,
                                                   new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = two(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    p.tag("v1", note="tagged after deploying b")
    # Nothing to deploy, yet the tag is recorded (sqitch does it at the start of every deploy).
    assert "Recorded tag(s) @v1 on b" in cli(p, "deploy", url=ours).stdout
    sqitch(p, "deploy", url=theirs)
    assert registry(ours) == registry(theirs)
    assert query(ours, "SELECT tag FROM sqitch.tags") == [("@v1",)]
    p.add("c", deps=["b"])
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    assert registry(ours) == registry(theirs)
    # sqitch can now revert to the tag on the database we deployed, and we on its.
    sqitch(p, "revert", "-y", "--to", "@v1", url=ours)
    cli(p, "revert", "-y", "--to", "@v1", url=theirs)
    assert deployed(ours) == deployed(theirs) == ["a", "b"]
    assert registry(ours) == registry(theirs)


def test_tags_of_earlier_changes_are_left_alone_as_sqitch_does(
    tmp_path: Path, new_db: Callable[[str], str]
) -> None:
    """sqitch records late tags of the last deployed change only; so do we."""
    ours, theirs = new_db("ours"), new_db("theirs")
    p = two(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    p.lines.insert(1, f"@t0 {engine_support.stamp(9)} {engine_support.PLANNER}")
    p.write_plan()  # a tag on `a`, which is not the last deployed change
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)
    assert registry(ours) == registry(theirs)
    assert query(ours, "SELECT count(*) FROM sqitch.tags") == [(0,)]


# -- conflicts ------------------------------------------------------------------------------------
def test_conflicts_as_sqitch_honours_them(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = Project(tmp_path / "p")
    p.add("a")
    p.add("b", deps=["!c"])  # c is not deployed when b is: fine
    p.add("c")
    p.add("d", deps=["!a"])  # a is deployed: refused
    proc = cli(p, "deploy", url=ours, check=4)
    assert "d conflicts with a" in proc.stderr and "nothing was deployed" in proc.stderr
    assert "Conflicts with previously deployed change: a" in sqitch(p, "deploy", url=theirs,
                                                                   check=2).stderr
    assert deployed(ours) == deployed(theirs) == []
    cli(p, "deploy", "--to", "c", url=ours)
    sqitch(p, "deploy", "--to", "c", url=theirs)
    assert registry(ours) == registry(theirs)
    cli(p, "deploy", url=ours, check=4)
    sqitch(p, "deploy", url=theirs, check=2)
    assert registry(ours) == registry(theirs)
    assert deployed(ours) == ["a", "b", "c"]


def test_a_conflict_with_a_change_the_plan_lacks_is_refused(tmp_path: Path,
                                                             new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = Project(tmp_path / "p")
    p.add("a", deps=["!ghost"])
    assert "ghost is not in" in cli(p, "deploy", url=ours, check=4).stderr
    assert 'Unable to find change "ghost"' in sqitch(p, "deploy", url=theirs, check=2).stderr
    assert deployed(ours) == deployed(theirs) == []


# -- [deploy] verify -------------------------------------------------------------------------------
def test_deploy_verify_from_sqitch_conf(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = Project(tmp_path / "p")
    p.add("a", verify="BEGIN;\nSELECT 1 / 0;\nROLLBACK;\n")
    (p.root / "sqitch.conf").write_text(SQITCH_CONF + "[deploy]\n\tverify = true\n")
    cli(p, "deploy", url=ours, check=8)
    sqitch(p, "deploy", url=theirs, check=2)
    assert deployed(ours) == deployed(theirs) == []
    assert not table_exists(ours, "a")
    assert registry(ours) == registry(theirs)  # a `fail` event each
    # --no-verify overrides the file, as sqitch's does.
    cli(p, "deploy", "--no-verify", url=ours)
    sqitch(p, "deploy", "--no-verify", url=theirs)
    assert deployed(ours) == deployed(theirs) == ["a"]


# -- configuration files and SQITCH_* ----------------------------------------------------------
def test_targets_from_user_system_and_included_files(tmp_path: Path,
                                                     new_db: Callable[[str], str]) -> None:
    """A target sqitch finds in the user's file, the system file, an included file, or through
    SQITCH_TARGET, onemedi-db finds too."""
    urls = {name: new_db(name) for name in ("usr", "sys", "inc", "env")}
    p = two(tmp_path / "p")
    user, system = tmp_path / "user.conf", tmp_path / "system.conf"
    user.write_text(f'[target "from_user"]\n\turi = {sqitch_uri(urls["usr"])}\n'
                    f'[target "for_env"]\n\turi = {sqitch_uri(urls["env"])}\n'
                    "[user]\n\tname = User From Config\n\temail = user@config.example\n")
    system.write_text(f'[target "from_system"]\n\turi = {sqitch_uri(urls["sys"])}\n')
    (p.root / "targets.conf").write_text(
        f'[target "from_include"]\n\turi = {sqitch_uri(urls["inc"])}\n')
    (p.root / "sqitch.conf").write_text(SQITCH_CONF + "[include]\n\tpath = targets.conf\n")
    env = {"SQITCH_USER_CONFIG": str(user), "SQITCH_SYSTEM_CONFIG": str(system),
           "SQITCH_FULLNAME": "", "SQITCH_EMAIL": ""}
    for name in ("from_user", "from_system", "from_include"):
        cli(p, "deploy", "--target", name, extra_env=env)
    cli(p, "deploy", extra_env={**env, "SQITCH_TARGET": "for_env"})
    for name, url in urls.items():
        assert deployed(url) == ["a", "b"], name
        # user.name and user.email from the user's file, as sqitch takes them
        assert query(url, "SELECT DISTINCT committer_name, committer_email FROM sqitch.changes"
                     ) == [("User From Config", "user@config.example")]
    for name in ("from_user", "from_system", "from_include"):
        assert "Nothing to deploy" in sqitch(p, "deploy", name, extra_env=env).stdout
    assert "Nothing to deploy" in sqitch(p, "deploy", extra_env={**env,
                                                                 "SQITCH_TARGET": "for_env"}).stdout


def test_sqitch_config_replaces_the_project_file(tmp_path: Path, db: str) -> None:
    p = two(tmp_path / "p")
    alt = tmp_path / "alt.conf"
    alt.write_text(SQITCH_CONF + f'[target "alt"]\n\turi = {sqitch_uri(db)}\n')
    cli(p, "deploy", "--target", "alt", check=1, url=None)  # not in the project's own file
    cli(p, "deploy", "--target", "alt", extra_env={"SQITCH_CONFIG": str(alt)})
    assert deployed(db) == ["a", "b"]
    assert "Nothing to deploy" in sqitch(p, "deploy", "alt",
                                         extra_env={"SQITCH_CONFIG": str(alt)}).stdout


# -- %uri and ids ------------------------------------------------------------------------------
def test_canonical_uri_ids_and_registry(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = two(tmp_path / "p")
    text = p.plan_path.read_text().replace("%project=demo\n",
                                           "%project=demo\n%uri=HTTPS://Example.COM:443/Demo\n")
    p.plan_path.write_text(text)
    sqitch(p, "deploy", url=theirs)
    assert "Nothing to deploy (up-to-date)" in cli(p, "status", url=theirs).stdout
    cli(p, "deploy", url=ours)
    assert registry(ours) == registry(theirs)
    assert query(ours, "SELECT uri FROM sqitch.projects") == [("HTTPS://Example.COM:443/Demo",)]


def test_change_and_tag_ids_as_to(tmp_path: Path, db: str) -> None:
    p = two(tmp_path / "p")
    p.tag("v1")
    p.add("c")
    ids = dict(line.split(" ", 1) for line in sqitch(
        p, "plan", "--no-headers", "--format", "format:%n %H").stdout.splitlines())
    cli(p, "deploy", "--to", ids["b"], url=db)
    assert deployed(db) == ["a", "b"]
    cli(p, "deploy", url=db)
    cli(p, "revert", "-y", "--to", ids["a"], url=db)
    assert deployed(db) == ["a"]
    cli(p, "deploy", "--to", "@v1", url=db)
    cli(p, "revert", "-y", "--to", "b^", url=db)
    assert deployed(db) == ["a"]


# -- the registry sqitch would create -------------------------------------------------------------
def test_registry_schema_is_sqitchs(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    ours, theirs = new_db("ours"), new_db("theirs")
    p = two(tmp_path / "p")
    cli(p, "deploy", url=ours)
    sqitch(p, "deploy", url=theirs)

    def dump(url: str) -> str:
        out = subprocess.run(["pg_dump", "--schema-only", "-n", "sqitch", "-d", url],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return "\n".join(line for line in out.splitlines()
                         if not line.startswith(("-- Dumped", "\\restrict", "\\unrestrict")))

    mine = dump(ours)
    assert "COMMENT ON COLUMN sqitch.events.planner_email IS 'Email address of the user who " \
           "plan planned the change.';" in mine
    assert mine == dump(theirs)


# -- revert scripts are read when a rollback needs them ----------------------------------------
def test_a_broken_revert_of_a_pending_change_does_not_block_a_deploy(tmp_path: Path,
                                                                     db: str) -> None:
    p = two(tmp_path / "p")
    p.write("revert", "b", "BEGIN;\nDROP TABLE b;\nTHIS IS NOT SQL;\nCOMMIT;\n")
    cli(p, "deploy", url=db)
    assert deployed(db) == ["a", "b"]


def test_a_rollback_stopped_by_a_broken_revert_says_what_to_do(tmp_path: Path, db: str) -> None:
    p = two(tmp_path / "p")
    p.add("c", deploy="BEGIN;\nSELECT 1 / 0;\nCOMMIT;\n")
    p.write("revert", "b", "BEGIN;\nDROP TABLE b;\nTHIS IS NOT SQL;\nCOMMIT;\n")
    proc = cli(p, "deploy", url=db, check=5)
    out = proc.stdout + proc.stderr
    assert "division by zero" in proc.stderr  # the failing change's own error
    assert "revert/b.sql:3" in out and "still deployed from this run: a, b" in out
    assert deployed(db) == ["a", "b"] and table_exists(db, "b")
    assert [e for e, _ in events(db)] == ["deploy", "deploy", "fail"]
    p.write("revert", "b", "BEGIN;\nDROP TABLE b;\nCOMMIT;\n")
    cli(p, "revert", "-y", url=db)
    assert deployed(db) == []


# -- verify of a reworked change ----------------------------------------------------------------
def test_an_earlier_instance_of_a_reworked_change_is_not_verified(
        tmp_path: Path, new_db: Callable[[str], str]) -> None:
    """sqitch verifies a reworked change by its latest instance only: `f@v1.sql` checks
    the object as it was, so after the rework moved it that script would fail."""
    ours, theirs = new_db("ours"), new_db("theirs")
    p = Project(tmp_path / "p")
    p.add("f", "BEGIN;\nCREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
          "COMMIT;\n", "BEGIN;\nDROP FUNCTION public.f();\nCOMMIT;\n",
          "BEGIN;\nSELECT 'public.f()'::regprocedure;\nROLLBACK;\n")
    p.tag("v1")
    for kind in ("deploy", "revert", "verify"):  # what `rework` does: keep them as f@v1
        (p.root / "sql" / kind / "f@v1.sql").write_text(
            (p.root / "sql" / kind / "f.sql").read_text())
    p.add("f", "BEGIN;\nCREATE SCHEMA om_moved;\nALTER FUNCTION public.f() SET SCHEMA om_moved;"
          "\nCOMMIT;\n", "BEGIN;\nALTER FUNCTION om_moved.f() SET SCHEMA public;\n"
          "DROP SCHEMA om_moved;\nCOMMIT;\n",
          "BEGIN;\nSELECT 'om_moved.f()'::regprocedure;\nROLLBACK;\n", deps=["f@v1"])
    for url in (ours, theirs):
        cli(p, "deploy", url=url)
    assert "Verify successful" in sqitch(p, "verify", url=theirs).stdout
    done = cli(p, "verify", url=ours)
    assert done.stdout.count(".. ok") == 2, done.stdout
    # The earlier instance's script really would fail: the latest one is what is run.
    p.write("verify", "f", "BEGIN;\nSELECT 'om_moved.nothing()'::regprocedure;\nROLLBACK;\n")
    sqitch(p, "verify", url=theirs, check=2)
    failed = cli(p, "verify", url=ours, check=8)
    assert "f: verify f.sql" in failed.stdout + failed.stderr


def test_a_target_with_a_plan_of_its_own_is_refused_not_ignored(tmp_path: Path) -> None:
    """sqitch lets `[target "x"] plan_file` name another plan; onemedi-db would deploy the
    project's plan there, so it says it does not support it instead."""
    p = two(tmp_path / "p")
    (p.root / "sqitch.conf").write_text(
        SQITCH_CONF + '[target "other"]\n\turi = db:pg:om_nowhere\n\tplan_file = other.plan\n')
    done = cli(p, "status", "--target", "other", check=1)
    assert "target 'other' sets plan_file of its own" in done.stderr
    assert "Traceback" not in done.stderr
