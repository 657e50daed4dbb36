"""A first user's stumbles (issue 16): Ctrl-C, closed pipes, prompts, usage errors, bad input.

Each is what a DBA did on first contact; each must end in the documented exit code, one
line of error, and a database in the state the README promises.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import engine_support
from engine_support import (
    LineReader,
    Project,
    cli,
    cli_popen,
    deployed,
    env,
    events,
    registry,
    scalar,
    table_exists,
    wait_for_no_clients,
    without_plan_line,
)

db, new_db = engine_support.db, engine_support.new_db
ROOT = Path(__file__).resolve().parent.parent
LOCK = 75474063
BOX = set("│╭╮╰╯─")
HELD = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
        " (SELECT oid FROM pg_database WHERE datname = current_database())")


def slow(root: Path, n: int = 6) -> Project:
    p = Project(root)
    p.add("c0")
    p.tag("t0")
    for i in range(1, n):
        p.add(f"c{i}", deploy=f"BEGIN;\nCREATE TABLE c{i} (id int);\nSELECT pg_sleep(0.3);\n"
              "COMMIT;\n")
    return p


# -- Ctrl-C ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("mode", "first", "kept"), [
    ("all", "c0", ["c0"]),  # the run (c1, c2) is undone
    ("change", "c0", ["c0", "c1"]),  # only c2, in flight, is undone
    ("tag", None, ["c0"]),  # back to the run's last tag, @t0 on c0
])
def test_ctrl_c_during_a_deploy_undoes_what_mode_says(
    tmp_path: Path, db: str, mode: str, first: str | None, kept: list[str]
) -> None:
    p = slow(tmp_path / "p")
    if first:
        cli(p, "deploy", "--to", first, url=db)
    reader = LineReader(cli_popen(p, "deploy", "--mode", mode, url=db))
    reader.wait_for("+ c2")
    time.sleep(0.1)  # c2's pg_sleep is running
    reader.proc.send_signal(signal.SIGINT)
    out = reader.rest()
    assert reader.proc.returncode == 130, out
    assert "interrupted during c2, which was rolled back" in out
    assert deployed(db) == kept, out
    assert not table_exists(db, "c2")
    if mode == "all":
        assert "other change(s) were reverted" in out and not table_exists(db, "c1")
    wait_for_no_clients(db)
    assert not scalar(db, HELD)


def _pty_revert(p: Project, url: str) -> tuple[int, int, str]:
    """Start `revert` on a terminal; return (pid, terminal fd, output up to the prompt)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: onemedi-db revert on the terminal
        os.chdir(p.root)
        os.execve(sys.executable, [sys.executable, "-m", "onemedi_db", "revert", "--target",
                                   url], env())
    seen = b""
    deadline = time.monotonic() + 60
    while b"[y/N]" not in seen:
        assert time.monotonic() < deadline, seen
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            seen += os.read(fd, 4096)
    return pid, fd, seen.decode()


def _finish(pid: int, fd: int) -> tuple[int, str]:
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode()


def test_ctrl_c_at_the_revert_prompt_exits_130_and_holds_no_lock(tmp_path: Path, db: str) -> None:
    p = slow(tmp_path / "p", 2)
    cli(p, "deploy", url=db)
    wait_for_no_clients(db)
    before = registry(db)
    pid, fd, prompt = _pty_revert(p, db)
    assert "Revert 2 change(s)" in prompt
    # While the question waits, another deploy or revert is not kept out.
    assert not scalar(db, HELD)
    os.write(fd, b"\x03")  # Ctrl-C on the terminal
    code, out = _finish(pid, fd)
    assert code == 130, out
    assert "interrupted at the prompt; nothing was changed" in out
    assert "Traceback" not in out
    assert registry(db) == before


def test_yes_at_the_revert_prompt_reverts(tmp_path: Path, db: str) -> None:
    p = slow(tmp_path / "p", 2)
    cli(p, "deploy", url=db)
    pid, fd, _ = _pty_revert(p, db)
    os.write(fd, b"y\n")
    code, out = _finish(pid, fd)
    assert code == 0, out
    assert deployed(db) == []


# -- closed pipes -------------------------------------------------------------------------------
def test_a_closed_pipe_never_stops_a_deploy(tmp_path: Path, db: str) -> None:
    p = slow(tmp_path / "p", 5)
    proc = subprocess.Popen([sys.executable, "-m", "onemedi_db", "deploy", "--target", db],
                            cwd=p.root, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "error" not in without_plan_line(err) and "Traceback" not in err, err
    assert deployed(db) == [f"c{i}" for i in range(5)]


def test_a_closed_pipe_on_status_is_quiet(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    for i in range(400):
        p.add(f"c{i}", scripts=False)
    done = subprocess.run(f"{sys.executable} -m onemedi_db status --target {db} | head -2",
                          shell=True, cwd=p.root, env=env(), capture_output=True, text=True,
                          timeout=120)
    assert len(done.stdout.splitlines()) == 2
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("args", [["--help"], ["deploy", "--help"]])
def test_a_closed_pipe_on_help_is_quiet(tmp_path: Path, args: list[str]) -> None:
    p = Project(tmp_path / "p")
    done = subprocess.run(f"{sys.executable} -m onemedi_db {' '.join(args)} | head -1",
                          shell=True, cwd=p.root, env=env(), capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr


# -- usage errors --------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["deploy", "--bogus"], ["deploy", "--mode", "bogus"],
                                  ["nosuch"], ["revert", "--lock-retries", "-1"],
                                  ["deploy", "--ddl-lock-timeout", "soon"]])
def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    p = Project(tmp_path / "p")
    proc = cli(p, *args, check=2)
    lines = without_plan_line(proc.stderr).splitlines()
    assert lines[0].startswith("onemedi-db: error: ") and len(lines) <= 2, proc.stderr
    assert not BOX & set(proc.stderr), proc.stderr
    assert proc.stdout == ""


# -- bad input -----------------------------------------------------------------------------------
def test_an_impossible_date_is_a_plan_error_with_its_line(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    p.lines.append("second 2024-02-30T10:00:00Z Test Planner <planner@example.com>")
    p.write_plan()
    p.scripts("second")
    for command in (["deploy"], ["status"], ["plan"]):
        proc = cli(p, *command, url=None if command == ["plan"] else db, check=4)
        error = without_plan_line(proc.stderr)
        # sqitch's own words for it: "Invalid day of month (day = 30 - month = 2 - ...)".
        assert error.startswith(f"onemedi-db: error: {p.plan_path}:5: Invalid day of month")
        assert "2024-02-30T10:00:00Z" in error
    assert deployed(db) == []


def test_a_script_that_is_not_utf8_is_a_plan_error(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    path = p.root / "sql" / "deploy" / "first.sql"
    path.write_bytes(b"BEGIN;\n-- caf\xe9\nCREATE TABLE first (id int);\nCOMMIT;\n")
    proc = cli(p, "deploy", url=db, check=4)
    assert without_plan_line(proc.stderr).startswith(f"onemedi-db: error: {path}:2: not UTF-8")
    assert deployed(db) == []


# -- status --------------------------------------------------------------------------------------
def test_status_shows_the_tags_of_the_last_change_only(tmp_path: Path, db: str) -> None:
    p = Project(tmp_path / "p")
    p.add("first")
    p.tag("t1")
    p.add("second")
    p.tag("t2")
    p.tag("t3")
    p.add("third")
    cli(p, "deploy", "--to", "second", url=db)
    out = cli(p, "status", url=db).stdout
    assert "# Tags:     @t2, @t3" in out and "@t1" not in out
    cli(p, "deploy", url=db)
    assert "# Tag" not in cli(p, "status", url=db).stdout
    assert events(db)[-1] == ("deploy", "third")


# -- make deploy ---------------------------------------------------------------------------------
def test_make_deploy_says_what_it_installs_and_where_the_command_is(tmp_path: Path) -> None:
    """`make -n` prints the recipe without running it: a fresh clone's `make deploy` says
    that it builds the environment (a silent minute otherwise), then where onemedi-db is."""
    venv = tmp_path / "venv"
    done = subprocess.run(["make", "-n", "deploy", f"VENV={venv}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    recipe = done.stdout
    assert f'echo "Creating the Python environment {venv}"' in recipe
    assert f"Installing onemedi-db and its tools into {venv}" in recipe
    assert f"onemedi-db is installed in {venv}/bin/, not on your PATH" in recipe
    assert f"'source {venv}/bin/activate'" in recipe
    assert recipe.index(f"{venv}/bin/onemedi-db deploy") < recipe.index("not on your PATH")
