"""Scripts that need psql: meta-commands (`\\set`, `\\gexec`, `\\i`) or `:variables`.

sqitch runs every script with `psql -f`; we run plain SQL ourselves (faster, one round trip
per change) and hand a script to psql only when it uses psql's own language. To keep such a
change crash-safe, psql gets one transaction holding the script and the change's registry
rows: `BEGIN` and sqitch's registry lock, the script with its own `BEGIN`/`COMMIT` wrapper
blanked out (its line numbers kept), the registry rows, `COMMIT`. psql reads it from a pipe,
so if onemedi-db dies the pipe closes and psql stops before `COMMIT`: the server rolls the
whole change back. psql runs with sqitch's options and variables (`registry`, the `[deploy]`
and `[core]` variables, `--set`).

This module only scans the text (quotes, comments, dollar quotes, meta-commands, statement
ends); PostgreSQL parses the SQL when psql sends it.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanError

# Fast test: without a backslash or a lone colon a script cannot use psql's language.
_MAYBE = re.compile(r"\\|(?<!:):(?![:=])")
_TOKEN = re.compile(
    r"""(?P<comment>--[^\n]*)
    |(?P<block>/\*)
    |(?P<estring>(?<![\w$])[eE]'(?:[^'\\]|\\.|'')*'?)
    |(?P<string>'(?:[^']|'')*'?)
    |(?P<quoted>"(?:[^"]|"")*"?)
    |(?P<dollar>(?<![\w$])\$(?:[^\W\d]\w*)?\$)
    |(?P<meta>\\[^\n]*)
    |(?P<variable>(?<!:):(?:'[^'\n]*'|"[^"\n]*"|[^\W\d]\w*))
    |(?P<cast>::)
    |(?P<semi>;)
    |(?P<open>\()
    |(?P<close>\))
    |(?P<word>[^\W\d]\w*)
    """,
    re.VERBOSE | re.DOTALL,
)
_TERMINATING_META = re.compile(r"\\(?:g|gexec|gset|gx|gdesc)\b")
_CONNECT_META = re.compile(r"\\(?:c|connect)\b")
_RELATIVE_INCLUDE = re.compile(r"\\(?:ir|include_relative)\s+(?P<path>'(?:[^']|'')*'|\S+)")


@dataclass(frozen=True)
class Piece:
    """One SQL statement of a script (`start`..`end`, its `;` excluded) and its first words."""

    start: int
    end: int
    words: tuple[str, ...]


@dataclass(frozen=True)
class Scan:
    pieces: tuple[Piece, ...]
    uses_psql: bool
    connects: bool  # a \c or \connect: it would leave the change's transaction


def maybe_psql(text: str) -> bool:
    return _MAYBE.search(text) is not None


def scan(text: str) -> Scan:
    """Split a script as psql does, noting meta-commands and variable references."""
    pieces: list[Piece] = []
    words: list[str] = []
    start: int | None = None
    depth = atomic = 0
    uses = connects = False
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() < pos:
            continue
        kind = m.lastgroup
        pos = m.end()
        if kind == "comment":
            continue
        if kind == "block":
            pos = _end_of_block(text, m.start())
            continue
        if kind == "dollar":
            close = text.find(m[0], m.end())
            pos = len(text) if close < 0 else close + len(m[0])
        elif kind in ("meta", "variable"):
            uses = True
            if kind == "meta":
                connects = connects or bool(_CONNECT_META.match(m[0]))
                if _TERMINATING_META.match(m[0]) and start is not None:
                    pieces.append(Piece(start, m.start(), tuple(words)))
                    start, words = None, []
                continue
        if start is None:
            start = m.start()
        if kind == "word":
            if len(words) < 4:
                words.append(m[0].upper())
            if depth == 0 and _routine(words):
                # psql's rule for BEGIN ATOMIC ... END bodies: their semicolons do not count.
                upper = m[0].upper()
                atomic += upper == "BEGIN" or (upper == "CASE" and atomic > 0)
                atomic -= upper == "END" and atomic > 0
        depth += (kind == "open") - (kind == "close")
        if kind == "semi" and depth <= 0 and atomic <= 0:
            pieces.append(Piece(start, m.start(), tuple(words)))
            start, words, depth, atomic = None, [], 0, 0
    if start is not None and text[start:].strip():
        pieces.append(Piece(start, len(text), tuple(words)))
    return Scan(tuple(pieces), uses, connects)


def _routine(words: list[str]) -> bool:
    """CREATE [OR REPLACE] FUNCTION|PROCEDURE (psql's test, on the first words)."""
    kinds = ("FUNCTION", "PROCEDURE")
    if words[:1] != ["CREATE"]:
        return False
    if words[1:2] and words[1] in kinds:
        return True
    return words[1:3] == ["OR", "REPLACE"] and len(words) > 3 and words[3] in kinds


def _end_of_block(text: str, pos: int) -> int:
    """The end of a (nested) /* comment */ starting at `pos`."""
    depth, i = 0, pos
    while i < len(text):
        if text.startswith("/*", i):
            depth, i = depth + 1, i + 2
        elif text.startswith("*/", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        else:
            i += 1
    return len(text)


def _control(words: tuple[str, ...]) -> str | None:
    """'begin', 'end' (COMMIT/END), 'rollback', 'other' transaction control, or None."""
    first, second = (*words, "", "")[:2]
    if first in ("BEGIN", "START"):
        return "begin"
    if first in ("COMMIT", "END"):
        return "other" if second == "PREPARED" else "end"
    if first in ("ROLLBACK", "ABORT"):
        return None if second == "TO" else "other" if second == "PREPARED" else "rollback"
    if (first, second) == ("PREPARE", "TRANSACTION"):
        return "other"
    return None


def unwrapped(path: Path, text: str, closer: str) -> str:
    """The script with its own BEGIN (first statement) and COMMIT or ROLLBACK (`closer`, last
    statement) blanked out, newlines kept; any other transaction control is refused."""
    found = scan(text)
    if found.connects:
        raise PlanError(f"{path}: \\connect inside a change script would leave the change's "
                        "transaction", hint="connect to the database the target names instead")
    out = list(text)
    last = len(found.pieces) - 1
    for index, piece in enumerate(found.pieces):
        control = _control(piece.words)
        if control is None:
            continue
        if (index == 0 and control == "begin") or (index == last and control == closer):
            end = piece.end + 1 if text[piece.end : piece.end + 1] == ";" else piece.end
            for i in range(piece.start, end):
                if out[i] != "\n":
                    out[i] = " "
            continue
        line = text.count("\n", 0, piece.start) + 1
        raise PlanError(f"{path}:{line}: transaction control ({piece.words[0]}) is not "
                        "allowed inside a change script")
    return _absolute_includes("".join(out), path.parent)


def _absolute_includes(text: str, folder: Path) -> str:
    """`\\ir FILE` is relative to the script's folder; psql reads us from a pipe, so name it."""
    def absolute(m: re.Match[str]) -> str:
        raw = m["path"]
        name = raw[1:-1].replace("''", "'") if raw.startswith("'") else raw
        target = name if os.path.isabs(name) else str(folder / name)
        return "\\i '" + target.replace("'", "''") + "'"

    return _RELATIVE_INCLUDE.sub(absolute, text)


@dataclass(frozen=True)
class Failure:
    """What psql said when it stopped: the first error, and the input line it was at."""

    line: int | None
    message: str


_ERROR_LINE = re.compile(r"^psql:<stdin>:(?P<line>\d+): (?P<level>ERROR|FATAL):\s+(?P<msg>.*)$",
                         re.MULTILINE)


def run(client: str, dsn: str, password: str | None, variables: dict[str, str],
        text: str) -> tuple[Failure | None, str]:
    """Run `text` through psql on stdin as sqitch runs scripts; (failure or None, output)."""
    command = [client, "--no-psqlrc", "--quiet", "--no-align", "--tuples-only",
               "--set", "ON_ERROR_STOP=1", "--file", "-"]
    for name, value in variables.items():
        command += ["--set", f"{name}={value}"]
    command += ["--dbname", dsn]
    env = dict(os.environ, PGAPPNAME="onemedi-db")
    if password:
        env["PGPASSWORD"] = password
    try:
        proc = subprocess.run(command, input=text.encode("utf-8"), capture_output=True,
                              env=env, check=False, preexec_fn=_die_with_parent)
    except FileNotFoundError:
        raise PlanError(f"this script needs psql ({client}), which is not installed",
                        hint="install the PostgreSQL client, or set engine.pg.client") from None
    output = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    if proc.returncode == 0:
        return None, output
    m = _ERROR_LINE.search(output)
    if m:
        return Failure(int(m["line"]), m["msg"].strip()), output
    lines = [line for line in output.splitlines() if line.strip()]
    return Failure(None, lines[-1] if lines else f"psql exited with {proc.returncode}"), output


def _die_with_parent() -> None:
    """psql must not outlive us (Linux): it would go on and commit a change we no longer own."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
