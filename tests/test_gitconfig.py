"""sqitch.conf is read as sqitch 1.3.1 reads it: compared with sqitch's own reading of each
file (its App::Sqitch::Config, loaded by Perl) and, where git can read the file and agrees,
with `git config --list`.

Each case says how git relates: "same" (git reads the same values), "differs" (git reads the
file but some value differs: sqitch's dialect wins), "refuses" (git cannot read it, like
every sqitch.conf with `plan_file`).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from onemedi_db.engine.config import read_git_config
from onemedi_db.engine.gitconfig import Config, ConfigError

# (case, git's relation, main file, {other file: text})
CASES: list[tuple[str, str, str, dict[str, str]]] = [
    ("sqitch-init", "refuses",
     "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = sql\n"
     '[engine "pg"]\n\ttarget = db:pg:onemedi\n\tregistry = sqitch\n', {}),
    ("comments-and-blanks", "same",
     "# a comment\n; another\n\n[core] # after a header\n\tengine = pg ; a comment\n"
     "\tregistry = reg # and another\n\n\n", {}),
    ("hash-inside-a-word", "differs", "[core]\n\tregistry=reg#not-a-comment\n", {}),
    ("blank-runs", "differs", '[core]\n\tx = "a  b" c   d\n', {}),
    ("trailing-blank", "differs", "[core]\n\tengine = pg   \n", {}),
    ("escapes", "same", "[core]\n\tx = a\\tb\\nc\\\\d \\\"q\\\"\n", {}),
    ("quoted-escapes", "same", '[core]\n\tx = "tab\\there\\nline\\\\ end"\n', {}),
    # sqitch unescapes \\ last, so the \b of "\\back" becomes a backspace; git reads \back.
    ("quoted-backslash-then-b", "differs", '[core]\n\tx = "line\\\\back"\n', {}),
    ("escaped-quote-inside-quotes", "differs", '[core]\n\tx = "say \\"hi\\""\n', {}),
    ("single-quote-escape", "refuses", "[core]\n\tx = it\\'s\n", {}),
    ("continuation", "differs", "[core]\n\tx = one \\\n    two\n", {}),
    ("subsections", "same",
     '[target "Prod DB"]\n\turi = db:pg:x\n[target "prod db"]\n\turi = db:pg:y\n'
     "[Target.Dev]\n\turi = db:pg:z\n", {}),
    ("subsection-escapes", "same", '[target "a\\"b\\\\c"]\n\turi = db:pg:q\n', {}),
    ("key-on-header-line", "same", "[core] engine = pg\n[deploy]verify = true\n", {}),
    ("bare-key-and-empty-value", "same", "[deploy]\n\tverify\n\tmode =\n", {}),
    ("case-of-sections-and-keys", "same", "[CORE]\n\tEngine = PG\n[Engine \"Pg\"]\n\tTarget = x\n",
     {}),
    ("unicode-value", "same", "[user]\n\tname = Anaïs Kumar — DBA\n\temail = a@onemedi.in\n", {}),
    ("crlf", "same", "[core]\r\n\tengine = pg\r\n[user]\r\n\tname = N\r\n", {}),
    ("duplicate-key-in-one-file", "same", "[core]\n\tx = 1\n\tx = 2\n", {}),
    ("include-overrides-then-overridden", "same",
     "[core]\n\tx = main-first\n\ty = main\n[include]\n\tpath = inc.conf\n"
     "[core]\n\tx = main-last\n",
     {"inc.conf": "[core]\n\tx = included\n\ty = included\n\tz = included\n"}),
    ("include-relative-to-the-including-file", "same",
     "[include]\n\tpath = sub/one.conf\n",
     {"sub/one.conf": "[include]\n\tpath = two.conf\n[core]\n\tone = 1\n",
      "sub/two.conf": "[core]\n\ttwo = 2\n"}),
    ("include-missing-file", "same", "[include]\n\tpath = nowhere.conf\n[core]\n\tengine = pg\n",
     {}),
    ("include-from-home", "same", "[include]\n\tpath = ~/shared.conf\n",
     {"home/shared.conf": "[user]\n\tname = From Home\n"}),
    ("variables", "same",
     '[core "variables"]\n\tSchema = app\n[deploy.variables]\n\tlevel = 2\n'
     '[target "prod"]\n\turi = db:pg:prod\n[target "prod.variables"]\n\tx = 1\n', {}),
]


def _write(root: Path, main: str, others: dict[str, str]) -> Path:
    for name, text in others.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode())
    path = root / "main.conf"
    path.write_bytes(main.encode())
    return path


def _env(root: Path) -> dict[str, str]:
    return dict(os.environ, HOME=str(root / "home"))


def _sqitch_reads(path: Path, env: dict[str, str]) -> dict[str, list[str | None]]:
    """The values sqitch's own configuration class reads from one file."""
    code = ("use App::Sqitch::Config; use JSON::PP; my $c = App::Sqitch::Config->new;"
            " $c->load_file($ARGV[0]); print JSON::PP->new->canonical->encode($c->data)")
    out = subprocess.run(["perl", "-CAS", "-e", code, str(path)], capture_output=True,
                         text=True, check=True, env=env, timeout=60).stdout
    return {k: v if isinstance(v, list) else [v] for k, v in json.loads(out).items()}


def _git_reads(path: Path, env: dict[str, str]) -> dict[str, list[str | None]] | None:
    """What `git config --list --includes` reads (every value of a key), None if it refuses."""
    proc = subprocess.run(["git", "config", "-f", str(path), "--includes", "--list", "-z"],
                          capture_output=True, env=env, timeout=60, check=False)
    if proc.returncode != 0:
        return None
    found: dict[str, list[str | None]] = {}
    for entry in proc.stdout.decode().split("\0")[:-1]:
        key, newline, value = entry.partition("\n")
        found.setdefault(key, []).append(value if newline else None)
    return found


def _ours(path: Path, home: Path) -> Config:
    config = Config()
    old = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    try:
        config.load(path)
    finally:
        if old is not None:
            os.environ["HOME"] = old
    return config


@pytest.mark.parametrize(("name", "git", "main", "others"), CASES, ids=[c[0] for c in CASES])
def test_reads_what_sqitch_reads(tmp_path: Path, name: str, git: str, main: str,
                                 others: dict[str, str]) -> None:
    path = _write(tmp_path, main, others)
    env = _env(tmp_path)
    ours = _ours(path, tmp_path / "home")
    theirs = _sqitch_reads(path, env)
    # sqitch keeps every value of a key set twice in one file (reading it is then an error);
    # a key set again in a later file keeps only the later value.
    assert {k: v for k, v in ours.values.items()} == theirs

    by_git = _git_reads(path, env)
    if git == "refuses":
        assert by_git is None
        return
    assert by_git is not None
    # git lists every definition in order; what `git config --get` returns is the last one.
    last_ours = {k: v[-1] for k, v in ours.values.items() if k != "include.path"}
    last_git = {k: v[-1] for k, v in by_git.items() if k != "include.path"}
    if git == "same":
        assert last_ours == last_git
    else:
        assert last_ours != last_git
        assert last_ours.keys() == last_git.keys()


def test_a_key_set_twice_in_one_file_cannot_be_read(tmp_path: Path) -> None:
    config = _ours(_write(tmp_path, "[core]\n\tx = 1\n\tx = 2\n", {}), tmp_path)
    with pytest.raises(ConfigError, match=r"core\.x is set 2 times"):
        config.get("core.x")


def test_an_unreadable_line_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "[core]\n\tengine = pg\n\tx = \"unterminated\n", {})
    with pytest.raises(ConfigError, match=r"main\.conf:3"):
        _ours(path, tmp_path)
    assert subprocess.run(["perl", "-e", "use App::Sqitch::Config;"
                           " App::Sqitch::Config->new->load_file($ARGV[0])", str(path)],
                          capture_output=True, timeout=60, check=False).returncode != 0


def test_booleans_as_sqitch_casts_them(tmp_path: Path) -> None:
    values = {"a": "true", "b": "Yes", "c": "on", "d": "1", "e": "false", "f": "no",
              "g": "off", "h": "0", "i": ""}
    text = "[deploy]\n" + "".join(f"\t{k} = {v}\n" for k, v in values.items()) + "\tbare\n"
    config = _ours(_write(tmp_path, text, {}), tmp_path)
    code = ("use App::Sqitch::Config; use JSON::PP; my $c = App::Sqitch::Config->new;"
            " $c->load_file($ARGV[0]); print encode_json({map { $_ => $c->get(key => \"deploy.$_\","
            " as => 'bool') ? JSON::PP::true : JSON::PP::false } @ARGV[1..$#ARGV]})")
    keys = [*values, "bare"]
    out = subprocess.run(["perl", "-e", code, str(tmp_path / "main.conf"), *keys],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    assert {k: config.get_bool(f"deploy.{k}") for k in keys} == json.loads(out)
    assert config.get_bool("deploy.unset") is None


# -- the files sqitch reads, and their order ---------------------------------------------------
def _sqitch_loads(cwd: Path, env: dict[str, str]) -> dict[str, list[str | None]]:
    code = ("use App::Sqitch::Config; use JSON::PP; my $c = App::Sqitch::Config->new; $c->load;"
            " print JSON::PP->new->canonical->encode($c->data)")
    out = subprocess.run(["perl", "-CAS", "-e", code], capture_output=True, text=True,
                         check=True, env=env, cwd=cwd, timeout=60).stdout
    return {k: v if isinstance(v, list) else [v] for k, v in json.loads(out).items()}


@pytest.mark.parametrize("variant", ["defaults", "user-and-system-variables", "sqitch-config"])
def test_system_user_and_project_files_in_sqitchs_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: str
) -> None:
    home, project = tmp_path / "home", tmp_path / "project"
    (home / ".sqitch").mkdir(parents=True)
    project.mkdir()
    files = {
        home / ".sqitch" / "sqitch.conf": "[core]\n\tx = home-user\n\tuser = home-user\n",
        tmp_path / "system.conf": "[core]\n\tx = system\n\tsystem = system\n\tuser = system\n",
        tmp_path / "user.conf": "[core]\n\tx = env-user\n\tuser = env-user\n",
        project / "sqitch.conf": "[core]\n\tx = project\n\tproject = project\n",
        tmp_path / "alt.conf": "[core]\n\tx = alt\n\talt = alt\n",
    }
    for path, text in files.items():
        path.write_text(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SQITCH_")}
    env["HOME"] = str(home)
    if variant != "defaults":
        env.update(SQITCH_SYSTEM_CONFIG=str(tmp_path / "system.conf"),
                   SQITCH_USER_CONFIG=str(tmp_path / "user.conf"))
    if variant == "sqitch-config":
        env["SQITCH_CONFIG"] = str(tmp_path / "alt.conf")
    theirs = _sqitch_loads(project, env)
    for key in list(os.environ):
        if key.startswith("SQITCH_"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(project)
    if variant == "defaults" and not Path("/etc/sqitch/sqitch.conf").exists():
        assert "core.system" not in theirs
    ours = read_git_config(project / "sqitch.conf")
    assert ours.values == theirs
    expected_last = {"defaults": "project", "user-and-system-variables": "project",
                     "sqitch-config": "alt"}[variant]
    assert ours.get("core.x") == expected_last
