"""The plan file's grammar, as sqitch 1.3.1 reads it: what a line may hold and what it means.

Written from sqitch's documented and observed behaviour (`sqitch plan` on a table of plans
sqitch accepts and refuses, tests/test_plan_grammar.py), not from its code:

- a line is split on "\\n" only (a trailing "\\r" is dropped); "blank" means a horizontal
  space (tab, space and Unicode's horizontal spaces such as U+00A0), not a form feed;
- the note starts at the first `#` of a line, with or without a blank before it (so `#`
  cannot appear in an email); a line holding only `#` is not a comment and is refused;
- the header holds pragmas up to the first blank line; a `%` line after it is refused;
- a name may not begin or end with punctuation (`_` is not punctuation), may not contain
  blanks, `:`, `@`, `#` or `\\`, may not end with `~N`, `^N`, `/N`, `=N` or `%N`, may not
  be `HEAD` or `ROOT`, and may not begin with 40 hex digits; a tag name may not contain `/`;
- the planner's name keeps the blanks before `<` except the last one (they change the id);
- the timestamp must be a real UTC time; `23:59:60` only on a day that had a leap second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

BLANKS = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
B = f"[{BLANKS}]"
# Perl's \s, used to trim notes (Python's str.strip() also strips \x1c-\x1f).
PERL_SPACE = "\t\n\x0b\x0c\r \x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# ASCII punctuation except "_" (and except "\\", which names cannot contain anyway).
_P = r"""\-!"#$%&'()*+,./:;<=>?@\[\]^`{|}~"""
NAME = (
    rf"(?![{_P}])"
    rf"(?:(?![~/=%^]\d+(?:$|{B}))[^{BLANKS}:@#\\])+"
    rf"(?<![{_P}])\b"
)


class _Lazy:
    """A pattern compiled on first use: the CLI imports this module at start-up, and the
    bigger patterns take milliseconds to compile."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.source = (pattern, flags)
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = re.compile(*self.source)
        return getattr(self.compiled, name)


NAME_RE = _Lazy(rf"{NAME}\Z")
_SHA1_PREFIX = _Lazy(r"[0-9a-f]{40}")
RESERVED = frozenset({"HEAD", "ROOT"})

BLANK_LINE = _Lazy(rf"{B}*(?:#{B}*(?P<note>.+)|$)")
_NOTE = _Lazy(rf"{B}*(?:#{B}*(?P<note>.*))?$")
_PRAGMA = _Lazy(
    rf"{B}*%{B}*(?P<name>[^{_P}](?:[^{BLANKS}=]*?[^{_P}{BLANKS}])?)"
    rf"(?:{B}*=(?P<eq>){B}*(?P<value>.+))?\Z"
)
_TS = (r"(?P<yr>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<dy>[0-9]{2})"
       r"T(?P<hr>[0-9]{2}):(?P<mi>[0-9]{2}):(?P<sc>[0-9]{2})Z")
_TS_ANYWHERE = _Lazy(_TS)
_LINE = _Lazy(
    rf"""{B}*
    (?:@|{B}*(?P<operator>[+-]){B}*)?
    (?P<name>{NAME})
    {B}*
    (?:\[(?P<deps>[^\]]+)\]{B}*)?
    (?:{_TS}{B}*)?
    (?:(?P<planner>[^<]+){B}+<(?P<email>[^>]+)>)?
    $""",
    re.VERBOSE,
)
_DEPENDENCY = _Lazy(
    rf"""(?P<conflict>!?)
    (?:(?P<project>{NAME}):)?
    (?:(?P<id>[0-9a-f]{{40}})|(?P<change>{NAME})(?:@(?P<tag>{NAME}))?|(?:@(?P<tag_only>{NAME}))?)
    \Z""",
    re.VERBOSE,
)
NAME_RULE = (
    'names must not begin with punctuation, contain "@", ":", "#", "\\", or blanks, '
    "or end in punctuation or digits following punctuation"
)
# The UTC days whose last minute had 61 seconds (IERS Bulletin C; none since 2016).
LEAP_SECOND_DAYS = frozenset((
    "1972-06-30", "1972-12-31", "1973-12-31", "1974-12-31", "1975-12-31", "1976-12-31",
    "1977-12-31", "1978-12-31", "1979-12-31", "1981-06-30", "1982-06-30", "1983-06-30",
    "1985-06-30", "1987-12-31", "1989-12-31", "1990-12-31", "1992-06-30", "1993-06-30",
    "1994-06-30", "1995-12-31", "1997-06-30", "1998-12-31", "2005-12-31", "2008-12-31",
    "2012-06-30", "2015-06-30", "2016-12-31",
))


class SyntaxProblem(ValueError):
    """A line sqitch refuses; the message says why (the caller adds file and line)."""


@dataclass(frozen=True)
class Line:
    """One change or tag line, split into its parts."""

    kind: str  # "change" or "tag"
    name: str
    dependencies: tuple[str, ...]
    deps_written: bool  # a `[...]` was present (a tag may not have one)
    planned_at: str
    planner_name: str
    planner_email: str
    note: str


def split_lines(text: str) -> list[str]:
    """The lines as sqitch's reader sees them: split on newlines, a trailing CR dropped."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def blank_note(line: str) -> str | None:
    """For a blank or comment line, its (trimmed) note, else None: not a blank line."""
    m = BLANK_LINE.match(line)
    if m is None:
        return None
    return clean_note(m["note"] or "")


def strip_note(line: str) -> tuple[str, str]:
    """Split a line at its first `#`: the content without trailing blanks, and the note."""
    m = _NOTE.search(line)
    assert m is not None  # `$` always matches somewhere
    return line[: m.start()], m["note"] or ""


def clean_note(note: str) -> str:
    r"""Trim a note and unescape `\\`, `\n` and `\r` (any other backslash stays)."""
    if not note or note == "0":
        return note
    note = note.strip(PERL_SPACE)
    return re.sub(r"\\([\\nr])", lambda m: {"n": "\n", "r": "\r"}.get(m[1], m[1]), note)


def parse_pragma(content: str) -> tuple[str, str | None]:
    """`%name=value` (note already stripped) -> (name, value or None)."""
    m = _PRAGMA.match(content)
    if m is None:
        raise SyntaxProblem("Invalid pragma; a blank line must come between pragmas and changes")
    return m["name"], m["value"] if m["eq"] is not None else None


def valid_name(name: str) -> bool:
    return NAME_RE.match(name) is not None


def parse_line(content: str) -> Line:
    """A change or tag line (note already stripped), checked as sqitch checks it."""
    kind = "tag" if re.match(rf"{B}*@", content) else "change"
    m = _LINE.match(content)
    if m is None or (not m["yr"] and _TS_ANYWHERE.search(content)):
        raise SyntaxProblem(f"Invalid name; {NAME_RULE}")
    if not m["yr"] and not m["planner"]:
        raise SyntaxProblem("Missing timestamp and planner name and email")
    if not m["yr"]:
        raise SyntaxProblem("Missing timestamp")
    if not m["planner"]:
        raise SyntaxProblem("Missing planner name and email")
    name = m["name"]
    if name in RESERVED:
        raise SyntaxProblem(f'"{"@" if kind == "tag" else ""}{name}" is a reserved name')
    if _SHA1_PREFIX.match(name):
        raise SyntaxProblem(f'"{name}" is invalid because it could be confused with a SHA1 ID')
    check_timestamp(*(int(m[k]) for k in ("yr", "mo", "dy", "hr", "mi", "sc")))
    stamp = f"{m['yr']}-{m['mo']}-{m['dy']}T{m['hr']}:{m['mi']}:{m['sc']}Z"
    deps = split_dependencies(m["deps"]) if m["deps"] else ()
    return Line(kind, name, deps, m["deps"] is not None, stamp, m["planner"], m["email"], "")


def split_dependencies(text: str) -> tuple[str, ...]:
    """Split `[...]` on blanks; a leading blank gives an empty (invalid) entry, as in Perl."""
    parts = re.split(f"{B}+", text)
    while parts and parts[-1] == "":
        parts.pop()
    return tuple(parts)


def parse_dependency(text: str) -> dict[str, str | None] | None:
    """The parts of one dependency (conflict, project, id, change, tag), or None if invalid."""
    m = _DEPENDENCY.match(text)
    if m is None:
        return None
    return {
        "conflict": m["conflict"] or None,
        "project": m["project"],
        "id": m["id"],
        "change": m["change"],
        "tag": m["tag"] or m["tag_only"],
    }


def check_timestamp(year: int, month: int, day: int, hour: int, minute: int, second: int) -> None:
    """Refuse a date or time that does not exist in UTC (sqitch's DateTime refuses them)."""
    if not 1 <= month <= 12:
        raise SyntaxProblem(f"Invalid month ({month:02d})")
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if not 1 <= day <= days:
        raise SyntaxProblem(f"Invalid day of month ({year:04d}-{month:02d}-{day:02d})")
    if hour > 23:
        raise SyntaxProblem(f"Invalid hour ({hour:02d})")
    if minute > 59:
        raise SyntaxProblem(f"Invalid minute ({minute:02d})")
    leap_day = f"{year:04d}-{month:02d}-{day:02d}" in LEAP_SECOND_DAYS
    if second == 60 and hour == 23 and minute == 59 and leap_day:
        return
    if second > 59:
        raise SyntaxProblem(f"Invalid second value ({second}): not a leap second")
