"""The sqitch plan: parse it, compute sqitch's change and tag ids, resolve change specs, append.

The grammar (what a line may hold) is `plansyntax`; this module builds the plan from the
lines and checks what sqitch 1.3.1 checks across lines: one header of pragmas with
`%project`, unique tags, no change twice between two tags, each same-project requirement
planned earlier (a `name@tag` as of that tag, a `@tag` on its own).
Ids follow sqitch 1.3.1 exactly (see docs/decisions/engine-and-tooling.md): a
git-object-style SHA-1 over a small text describing the change, chained through the previous
change's id, with the canonical `%uri` (see `uri`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..errors import PlanError
from . import plansyntax as syn

SYNTAX_VERSION = "1.0.0"
_NAME_RE = syn.NAME_RE
_OFFSET = syn._Lazy(r"(?<![" + syn._P + r"])([~^])(?:(\1)|(\d+))?\Z")


def _unescape_note(note: str) -> str:
    r"""Trim a note and unescape `\\`, `\n` and `\r`, as sqitch does on every read of it."""
    return syn.clean_note(note)


def _escape_note(note: str) -> str:
    return note.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _git_sha1(kind: str, info: str) -> str:
    data = info.encode("utf-8")
    return hashlib.sha1(f"{kind} {len(data)}\0".encode() + data).hexdigest()


def _shown(note: str) -> bool:
    """sqitch leaves an empty note, and the note `0` (false in Perl), out of ids."""
    return note not in ("", "0")


@dataclass(frozen=True)
class Dependency:
    """One entry of a change's `[...]`: a requirement or (with `!`) a conflict."""

    project: str | None
    change: str | None
    tag: str | None
    conflict: bool = False
    id: str | None = None

    @classmethod
    def parse(cls, text: str) -> Dependency:
        parts = syn.parse_dependency(text)
        if parts is None or not (parts["change"] or parts["tag"] or parts["id"]):
            raise PlanError(f'"{text}" is not a valid dependency specification')
        if parts["id"] and not parts["project"]:
            raise PlanError(
                f"dependency {text!r}: a bare change id is not allowed (sqitch 1.3.1 recurses "
                "forever on it)",
                hint="name the change, or prefix another project's change id with its project",
            )
        return cls(parts["project"], parts["change"], parts["tag"], bool(parts["conflict"]),
                   parts["id"])

    def as_written(self, own_project: str) -> str:
        """The dependency as a plan line writes it: a conflict keeps its `!`."""
        return ("!" if self.conflict else "") + self.key(own_project)

    @property
    def key_name(self) -> str:
        """`change`, `change@tag`, `@tag` or the change id, without the project."""
        name = (self.change or "") + (f"@{self.tag}" if self.tag else "")
        return name or (self.id or "")

    def key(self, own_project: str) -> str:
        """The dependency as sqitch renders it: same-project prefixes dropped."""
        if self.project and self.project != own_project:
            return f"{self.project}:{self.key_name}"
        return self.key_name

    def is_foreign(self, own_project: str) -> bool:
        return bool(self.project) and self.project != own_project


@dataclass
class Tag:
    name: str
    planned_at: str
    planner_name: str
    planner_email: str
    note: str
    line: int
    id: str = ""
    change: Change | None = None

    def info(self, project: str, uri: str | None) -> str:
        assert self.change is not None
        lines = [f"project {project}"]
        if uri:
            lines.append(f"uri {uri}")
        lines += [
            f"tag @{self.name}",
            f"change {self.change.id}",
            f"planner {self.planner_name} <{self.planner_email}>",
            f"date {self.planned_at}",
        ]
        if _shown(self.note):
            lines += ["", self.note]
        return "\n".join(lines)


@dataclass
class Change:
    name: str
    dependencies: list[Dependency]
    planned_at: str
    planner_name: str
    planner_email: str
    note: str
    line: int
    index: int = 0
    id: str = ""
    parent_id: str | None = None
    tags: list[Tag] = field(default_factory=list)
    # Set for an earlier instance of a reworked change: the tag naming its scripts.
    script_tag: str | None = None

    @property
    def requires(self) -> list[Dependency]:
        return [d for d in self.dependencies if not d.conflict]

    @property
    def conflicts(self) -> list[Dependency]:
        return [d for d in self.dependencies if d.conflict]

    @property
    def planned_datetime(self) -> datetime:
        """The planned time; a leap second `23:59:60` is the next day's first second."""
        stamp = self.planned_at.replace(":60Z", ":59Z")
        when = datetime.fromisoformat(stamp)
        return when + timedelta(seconds=1) if stamp != self.planned_at else when

    def info(self, project: str, uri: str | None) -> str:
        lines = [f"project {project}"]
        if uri:
            lines.append(f"uri {uri}")
        lines.append(f"change {self.name}")
        if self.parent_id:
            lines.append(f"parent {self.parent_id}")
        lines += [f"planner {self.planner_name} <{self.planner_email}>", f"date {self.planned_at}"]
        if self.requires:
            lines += ["requires"] + [f"  + {d.key(project)}" for d in self.requires]
        if self.conflicts:
            lines += ["conflicts"] + [f"  - {d.key(project)}" for d in self.conflicts]
        if _shown(self.note):
            lines += ["", self.note]
        return "\n".join(lines)

    def format_name_with_tags(self) -> str:
        return self.name + "".join(f" @{t.name}" for t in self.tags)


@dataclass
class Plan:
    path: Path
    project: str
    uri: str | None  # as sqitch stores it in projects.uri
    changes: list[Change]
    tags: list[Tag]
    syntax_version: str = SYNTAX_VERSION
    _lookup: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)

    @property
    def canonical_uri(self) -> str | None:
        from . import uri

        return uri.canonical(self.uri) if self.uri else None

    # -- lookup -------------------------------------------------------------------------
    def by_id(self, change_id: str) -> Change | None:
        return next((c for c in self.changes if c.id == change_id), None)

    def tag_named(self, name: str) -> Tag:
        name = name.lstrip("@")
        for tag in self.tags:
            if tag.name == name:
                return tag
        raise PlanError(f"unknown tag @{name} in {self.path}")

    def _keys(self) -> dict[str, list[int]]:
        """sqitch's lookup: names, change ids, `@tag`s and tag ids, HEAD and ROOT."""
        if self._lookup is None:
            lookup: dict[str, list[int]] = {}
            for change in self.changes:
                lookup.setdefault(change.name, []).append(change.index)
                lookup[change.id] = [change.index]
                for tag in change.tags:
                    lookup[f"@{tag.name}"] = lookup[tag.id] = [change.index]
            if self.changes:
                lookup["HEAD"] = lookup["@HEAD"] = [len(self.changes) - 1]
                lookup["ROOT"] = lookup["@ROOT"] = [0]
            self._lookup = lookup
        return self._lookup

    def index_of(self, spec: str) -> int:
        """Resolve a change spec to a plan index, as sqitch does; PlanError if unknown.

        A spec is a change name, `name@tag`, `@tag`, a change or tag id, `@HEAD`/`HEAD`,
        `@ROOT`/`ROOT`, each optionally followed by `^`, `^^`, `^N` (earlier) or `~`, `~~`,
        `~N` (later). A name planned twice (reworked) must be qualified by a tag.
        """
        if not self.changes:
            raise PlanError(f"the plan {self.path} has no changes")
        base, offset = spec, 0
        m = _OFFSET.search(spec)
        if m:
            base = spec[: m.start()]
            step = int(m[3]) if m[3] else (2 if m[2] else 1)
            offset = -step if m[1] == "^" else step
        index = self._base_index(base, spec) + offset
        if not 0 <= index < len(self.changes):
            raise PlanError(f"change spec {spec!r} points outside the plan")
        return index

    def _base_index(self, base: str, spec: str) -> int:
        lookup = self._keys()
        change, at, tag = base.partition("@")
        if not change and at:
            found = lookup.get(f"@{tag}")
            if not found:
                raise PlanError(f"unknown tag @{tag} in change spec {spec!r}: it is not in "
                                f"{self.path}")
        elif at:
            if f"@{tag}" not in lookup:
                raise PlanError(f"unknown tag @{tag} in change spec {spec!r}: it is not in "
                                f"{self.path}")
            limit = lookup[f"@{tag}"][0]
            found = [max(i for i in lookup.get(change, []) if i <= limit)] if any(
                i <= limit for i in lookup.get(change, [])) else None
        else:
            found = lookup.get(change)
            if found and len(found) > 1:
                choices = ", ".join(self._qualified(i) for i in reversed(found))
                raise PlanError(
                    f'change "{change}" is ambiguous (it is planned {len(found)} times)',
                    hint=f"qualify it with a tag: {choices}",
                )
        if not found:
            raise PlanError(f"unknown change {spec!r}: it is not in {self.path}")
        return found[0]

    def _qualified(self, index: int) -> str:
        change = self.changes[index]
        tags = change.tags or [t for t in self.tags if t.change and t.change.index > index][:1]
        return change.name + (f"@{tags[0].name}" if tags else "@HEAD")

    def find(self, key: str) -> Change | None:
        """sqitch's `find`: `name@tag` as of the tag, a bare name's *first* instance."""
        lookup = self._keys()
        if "@" in key:
            try:
                return self.changes[self._base_index(key, key)]
            except PlanError:
                return None
        found = lookup.get(key)
        return self.changes[found[0]] if found else None

    # -- scripts ------------------------------------------------------------------------
    def script_path(self, top_dir: Path, kind: str, change: Change) -> Path:
        suffix = f"@{change.script_tag}" if change.script_tag else ""
        return top_dir / kind / f"{change.name}{suffix}.sql"


def parse_plan(path: Path, top_dir: Path | None = None) -> Plan:
    """Read and validate a plan file; raise PlanError naming the file and line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(
            f"plan file {path} not found", hint="run from the project folder or pass --plan-file"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(f"{path}:{line}: the plan is not valid UTF-8") from None
    return parse_plan_text(text, path, top_dir)


class _Builder:
    """The state of one parse: what sqitch remembers from line to line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.changes: list[Change] = []
        self.tags: list[Tag] = []
        self.seen: dict[str, int] = {}  # names and @tags before the last tag -> line
        self.section: dict[str, int] = {}  # change names since the last tag -> line
        self.pending: list[Change] = []  # changes since the last tag, checked at each tag
        self.project = ""

    def fail(self, lineno: int, message: str) -> PlanError:
        return PlanError(f"{self.path}:{lineno}: {message}")

    def add_tag(self, line: syn.Line, lineno: int) -> None:
        if "/" in line.name:
            raise self.fail(lineno, f'tag "{line.name}" contains illegal character /')
        if not self.changes:
            raise self.fail(lineno, f'tag "{line.name}" declared without a preceding change')
        if f"@{line.name}" in self.seen:
            earlier = self.seen[f"@{line.name}"]
            raise self.fail(lineno, f'tag "{line.name}" duplicates earlier declaration on '
                                    f"line {earlier}")
        if line.deps_written:
            raise self.fail(lineno, "tags may not specify dependencies")
        self.check_section()
        tag = Tag(line.name, line.planned_at, line.planner_name, line.planner_email,
                  line.note, lineno, change=self.changes[-1])
        self.changes[-1].tags.append(tag)
        self.tags.append(tag)
        self.seen.update(self.section)
        self.seen[f"@{line.name}"] = lineno
        self.section = {}

    def add_change(self, line: syn.Line, lineno: int) -> None:
        if line.name in self.section:
            raise self.fail(lineno, f'change "{line.name}" duplicates earlier declaration on '
                                    f"line {self.section[line.name]}")
        deps: list[Dependency] = []
        for text in line.dependencies:
            try:
                deps.append(Dependency.parse(text))
            except PlanError as exc:
                raise PlanError(f"{self.path}:{lineno}: {exc}", hint=exc.hint) from None
            if text in line.dependencies[: len(deps) - 1]:
                raise self.fail(lineno, f'duplicate dependency "{text}"')
        # sqitch lists requirements before conflicts, whatever order the line has.
        deps = [d for d in deps if not d.conflict] + [d for d in deps if d.conflict]
        change = Change(line.name, deps, line.planned_at, line.planner_name,
                        line.planner_email, line.note, lineno, index=len(self.changes))
        self.section[line.name] = lineno
        self.changes.append(change)
        self.pending.append(change)

    def check_section(self) -> None:
        """Each requirement of the changes since the last tag is planned before it."""
        project = self.project
        before: set[str] = set()
        for change in self.pending:
            for dep in change.requires:
                if dep.is_foreign(project) or self._planned(dep, before):
                    continue
                later = any(c.name == dep.change for c in self.changes[change.index + 1:])
                anywhere = later or any(c.name == dep.change for c in self.changes)
                why = ("itself" if dep.change == change.name and not dep.tag and not later
                       else f"{dep.key(project)!r}, which is later in the plan" if later
                       else f"{dep.key(project)!r}, which is not in the plan before it"
                       if anywhere else f"{dep.key(project)!r}, which is not in the plan")
                raise PlanError(
                    f"{self.path}:{change.line}: change {change.name!r} requires {why}",
                    hint="dependencies must be planned before the changes that need them",
                )
            before.add(change.name)
        self.pending = []

    def _planned(self, dep: Dependency, before: set[str]) -> bool:
        if dep.id:
            return False  # an own-project change id: sqitch does not look ids up here
        if dep.change and dep.tag:
            tag_at, change_at = self.seen.get(f"@{dep.tag}"), self.seen.get(dep.change)
            return tag_at is not None and change_at is not None and change_at < tag_at
        return dep.key_name in self.seen or dep.key_name in before


def parse_plan_text(text: str, path: Path, top_dir: Path | None = None) -> Plan:
    """Parse a plan's text as sqitch 1.3.1 does; PlanError names the file and line."""
    build = _Builder(path)
    pragmas: dict[str, str] = {}
    lines = syn.split_lines(text)
    body = _read_header(lines, pragmas, build)
    project = pragmas.get("project")
    if not project:
        raise PlanError(f"{path}: missing %project pragma")
    build.project = project
    for lineno in range(body + 1, len(lines) + 1):
        raw = lines[lineno - 1]
        if syn.blank_note(raw) is not None:
            continue
        content, note = syn.strip_note(raw)
        try:
            line = syn.parse_line(content)
        except syn.SyntaxProblem as exc:
            raise PlanError(f"{path}:{lineno}: {exc}: {raw.strip()!r}",
                            hint="expected: name [deps] YYYY-MM-DDTHH:MM:SSZ Planner <email> "
                            "# note") from None
        line = dataclasses.replace(line, note=syn.clean_note(note))
        (build.add_tag if line.kind == "tag" else build.add_change)(line, lineno)
    build.check_section()
    uri_text = pragmas.get("uri")
    from . import uri

    plan = Plan(path, project, uri.parse(uri_text) if uri_text and uri_text != "0" else None,
                build.changes, build.tags)
    _assign_ids(plan)
    _assign_rework_tags(plan, top_dir)
    return plan


def _read_header(lines: list[str], pragmas: dict[str, str], build: _Builder) -> int:
    """Read the pragmas up to the first blank line; return how many lines the header took."""
    for lineno, raw in enumerate(lines, start=1):
        note = syn.blank_note(raw)
        if note is not None:
            if not note or note == "0":  # a blank line (or an empty or `0` comment) ends it
                return lineno
            continue
        content, _ = syn.strip_note(raw)
        try:
            name, value = syn.parse_pragma(content)
        except syn.SyntaxProblem as exc:
            raise build.fail(lineno, str(exc)) from None
        if name == "project" and (value is None or not syn.valid_name(value)):
            raise build.fail(lineno, f'invalid project name "{value}": project {syn.NAME_RULE}')
        pragmas[name] = SYNTAX_VERSION if name == "syntax-version" else (value or "1")
    return len(lines)


def _assign_ids(plan: Plan) -> None:
    parent: str | None = None
    canonical = plan.canonical_uri
    for change in plan.changes:
        change.parent_id = parent
        change.id = _git_sha1("change", change.info(plan.project, canonical))
        parent = change.id
        for tag in change.tags:
            tag.id = _git_sha1("tag", tag.info(plan.project, canonical))


def _assign_rework_tags(plan: Plan, top_dir: Path | None) -> None:
    """Earlier instances of a reworked change use the scripts named `name@TAG.sql`."""
    last: dict[str, Change] = {}
    for change in plan.changes:
        previous = last.get(change.name)
        if previous is not None:
            between = [t for t in plan.tags if previous.index <= t.change.index < change.index]  # type: ignore[union-attr]
            chosen = between[-1] if between else None
            if top_dir is not None:
                for tag in reversed(between):
                    if (top_dir / "deploy" / f"{change.name}@{tag.name}.sql").exists():
                        chosen = tag
                        break
            previous.script_tag = chosen.name if chosen else None
        last[change.name] = change


# -- writing --------------------------------------------------------------------------
def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_change_line(
    name: str, deps: list[str], planner: str, email: str, note: str, when: str | None = None
) -> str:
    dep_part = f" [{' '.join(deps)}]" if deps else ""
    note_part = f" # {_escape_note(note)}" if note else ""
    return f"{name}{dep_part} {when or now_utc()} {planner} <{email}>{note_part}"


def format_tag_line(name: str, planner: str, email: str, note: str, when: str | None = None) -> str:
    note_part = f" # {_escape_note(note)}" if note else ""
    return f"@{name.lstrip('@')} {when or now_utc()} {planner} <{email}>{note_part}"


def validate_name(name: str, what: str = "change") -> None:
    """Refuse a change or tag name sqitch 1.3.1 would refuse."""
    if name in syn.RESERVED:
        raise PlanError(f'"{name}" is a reserved name')
    if not syn.valid_name(name) or re.match(r"[0-9a-f]{40}", name):
        raise PlanError(f'"{name}" is not a valid {what} name: {what}s {syn.NAME_RULE[6:]}')
    if what == "tag" and "/" in name:
        raise PlanError(f'"{name}" is not a valid tag name: tags must not contain "/"')


def append_line(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
