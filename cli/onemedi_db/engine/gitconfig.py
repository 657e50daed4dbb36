"""sqitch.conf, read the way sqitch 1.3.1 reads it (its git-config dialect, Config::GitLike).

`git config` itself cannot be used: it refuses sqitch's own keys (`plan_file`, `top_dir`:
git allows no `_` in a key) and differs in corners (`\\"` inside quotes, runs of blanks).
The rules below are sqitch's, tested against it and against `git config --list` where the
two agree (tests/test_gitconfig.py):

- `[section]`, `[section "Sub"]` (subsection case kept, `\\\\` and `\\"` escapes) and the
  old `[section.sub]` (all lower-cased); a key may follow on the header's line;
- `key = value`, or a bare `key` (true); keys are case-insensitive; `#` and `;` start
  comments; outside quotes each run of blanks becomes one space (a trailing blank too) and
  `\\\\`, `\\"`, `\\'`, `\\n`, `\\t`, `\\b` and `\\` + newline are escapes; inside quotes
  blanks are kept and `\\\\`, `\\n`, `\\t`, `\\b` and `\\` + newline are escapes;
- `include.path` loads another file at that point (relative to the including file, `~` is
  the home folder, a missing file is skipped, at most 10 levels deep);
- a key set twice in one file has two values (and reading it is an error); a later file
  overrides an earlier one. Files are read system, user, then local (see `config.py`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import PlanError

MAX_INCLUDE_DEPTH = 10
_SECTION = re.compile(r'\[([^\s\[\]"]+)(?:[\t ]*"([^\n]*?)")?\]')
_KEY_ONLY = re.compile(r"([^\[=\n][^=\n]*?)[\t ]*(?:[#;][^\n]*)?(?=\n|\Z)")
_KEY_VALUE = re.compile(r"([^\[=\n][^=\n]*?)[\t ]*=[\t ]*")
_QUOTED = re.compile(r'"([^"\\]*(?:(?:\\\n|\\[tbn"\\])[^"\\]*)*)"')
_VALUE_STEPS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"[ \t]+"), " "),
    (re.compile(r"\\\r?\n"), ""),
    (re.compile(r"\\\\"), "\\"),
    (re.compile(r"\\(['\"])"), None),  # the quote itself
    (re.compile(r"\\n"), "\n"),
    (re.compile(r"\\t"), "\t"),
    (re.compile(r"\\b"), "\b"),
]
_VALUE_END = re.compile(r"(?:[ \t]*[#;][^\n]*)?(?=\n|\Z)")
_LITERAL = re.compile(r'[^\t \\\n"]+')


class ConfigError(PlanError):
    """A configuration file sqitch could not read either."""


def parse(text: str, path: Path) -> list[tuple[str, str, str | None]]:
    """The `(section, key, value)` definitions of one file, in order (value None: bare key).

    The section is lower-cased except its subsection; the key is as written.
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    elif "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    text = re.sub(r"\n*\Z", "\n", text)
    found: list[tuple[str, str, str | None]] = []
    section: str | None = None
    pos = 0
    while True:
        pos = re.compile(r"\s*").match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return found
        if text[pos] in "#;":
            pos = text.find("\n", pos)
            continue
        m = _SECTION.match(text, pos)
        if m:
            section = _section_name(m, text, path)
            pos = m.end()
            continue
        m = _KEY_ONLY.match(text, pos)
        if m:
            found.append((_section(section, text, pos, path), m[1], None))
            pos = m.end()
            continue
        m = _KEY_VALUE.match(text, pos)
        if not m:
            raise _error(text, pos, path)
        where = _section(section, text, pos, path)
        value, pos = _value(text, m.end(), path, pos)
        found.append((where, m[1], value))


def _section_name(m: re.Match[str], text: str, path: Path) -> str:
    name = m[1].lower()
    sub = m[2]
    if sub:  # an empty (or "0") subsection is no subsection, as in sqitch
        bare = sub.replace("\\\\", "").replace('\\"', "")
        if "\\" in bare or '"' in bare:
            raise _error(text, m.start(), path)
        name += "." + sub.replace("\\\\", "\\").replace('\\"', '"')
    return name


def _section(section: str | None, text: str, pos: int, path: Path) -> str:
    if section is None:  # a key before any [section]
        raise _error(text, pos, path)
    return section


def _value(text: str, pos: int, path: Path, start: int) -> tuple[str, int]:
    value: list[str] = []
    while True:
        m = _VALUE_END.match(text, pos)
        if m:
            return "".join(value), m.end()
        for pattern, replacement in _VALUE_STEPS:
            m = pattern.match(text, pos)
            if m:
                value.append(m[1] if replacement is None else replacement)
                break
        else:
            m = _QUOTED.match(text, pos)
            if m:
                value.append(_unquote(m[1]))
            else:
                m = _LITERAL.match(text, pos)
                if not m:
                    raise _error(text, start, path)
                value.append(m[0])
        pos = m.end()


def _unquote(inner: str) -> str:
    # The same substitutions, in the same order, as sqitch: `\"` stays as written.
    inner = inner.replace("\\\n", "").replace("\\n", "\n").replace("\\t", "\t")
    return inner.replace("\\b", "\b").replace("\\\\", "\\")


def _error(text: str, pos: int, path: Path) -> ConfigError:
    line = text.count("\n", 0, pos) + 1
    bad = text[text.rfind("\n", 0, pos) + 1 :].split("\n", 1)[0]
    return ConfigError(f"{path}:{line}: cannot parse the configuration line {bad!r}")


def canonical_key(key: str) -> str:
    """Section and name lower-cased, a subsection (between them) kept as written."""
    section, _, rest = key.partition(".")
    sub, dot, name = rest.rpartition(".")
    return f"{section.lower()}." + (f"{sub}." if dot else "") + name.lower()


class Config:
    """The merged configuration of several files, with sqitch's override rules."""

    def __init__(self) -> None:
        self.values: dict[str, list[str | None]] = {}
        self.origin: dict[str, Path] = {}
        self.names: dict[str, str] = {}  # canonical key -> the key as first written
        self.files: list[Path] = []

    def load(self, path: Path | str, relative_to: Path | None = None, depth: int = 0,
             force: bool = False) -> None:
        """Load a file if it exists (its includes too); a file is loaded once unless forced."""
        text_path = str(path)
        if text_path.startswith("~"):
            text_path = os.environ.get("HOME", "") + text_path[1:]
        resolved = Path(os.path.abspath(Path(relative_to or Path.cwd()) / text_path))
        if resolved.exists():
            resolved = resolved.resolve()
        if (resolved in self.files and not force) or not resolved.is_file():
            return
        try:
            text = resolved.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read {resolved}: {exc}") from None
        self.files.append(resolved)
        for section, name, value in parse(text, resolved):
            self._define(section, name, value, resolved)
            if f"{section}.{name.lower()}" == "include.path" and value is not None:
                if depth > MAX_INCLUDE_DEPTH:
                    raise ConfigError(
                        f"{resolved}: includes nest deeper than {MAX_INCLUDE_DEPTH} levels "
                        f"(including {value})")
                self.load(value, resolved.parent, depth + 1, force=True)

    def _define(self, section: str, name: str, value: str | None, origin: Path) -> None:
        key, canon = f"{section}.{name}", f"{section}.{name.lower()}"
        if canon not in self.origin or self.origin[canon] == origin:
            if canon == "include.path" or canon in self.values:
                self.values.setdefault(canon, []).append(value)
            else:
                self.values[canon] = [value]
                self.names[canon] = key
        else:  # a later file overrides every value of an earlier one
            self.values[canon] = [value]
            self.names[canon] = key
        self.origin[canon] = origin

    # -- reading --------------------------------------------------------------------------
    def __contains__(self, key: str) -> bool:
        return canonical_key(key) in self.values

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def keys(self) -> list[str]:
        return sorted(self.values)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def _one(self, key: str) -> tuple[bool, str | None]:
        values = self.values.get(canonical_key(key))
        if not values:
            return False, None
        if len(values) > 1:
            raise ConfigError(
                f"configuration key {key} is set {len(values)} times in "
                f"{self.origin[canonical_key(key)]}",
                hint="keep one of them",
            )
        return True, values[0]

    def get(self, key: str, default: str | None = None) -> str | None:
        """The one value of a key (None for a bare `key` line); an error if it has several."""
        _, value = self._one(key)
        return default if value is None else value

    def get_bool(self, key: str) -> bool | None:
        """sqitch's booleans: true/yes/on/1, a bare key, and false/no/off/0/empty; None if unset."""
        present, value = self._one(key)
        if not present:
            return None
        if value is None:
            return True
        if re.fullmatch(r"true|yes|on|-?0*1", value, re.IGNORECASE):
            return True
        if re.fullmatch(r"false|no|off|0*", value, re.IGNORECASE):
            return False
        raise ConfigError(f"configuration key {key}: {value!r} is not a boolean")

    def section(self, name: str) -> dict[str, str]:
        """The keys directly under a section (`core.variables`), names as first written."""
        prefix = canonical_key(f"{name}.x")[:-1]
        found = {}
        for canon in self.values:
            rest = canon[len(prefix) :]
            if canon.startswith(prefix) and rest and "." not in rest:
                found[self.names[canon].rsplit(".", 1)[-1]] = self.get(canon) or ""
        return found
