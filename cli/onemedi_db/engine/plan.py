"""The sqitch plan: parse it, compute sqitch's change and tag ids, resolve `--to` specs, append.

Ids follow sqitch 1.3.1 exactly (see docs/decisions/engine-and-tooling.md): a
git-object-style SHA-1 over a small text describing the change, chained through the previous
change's id.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import PlanError

SYNTAX_VERSION = "1.0.0"
_NAME = r"[^\s:@#\\\[\]/][^\s:@#\\\[\]]*"
_NAME_RE = re.compile(rf"^{_NAME}$")
_LINE_RE = re.compile(
    rf"""^(?P<op>[+-])?(?P<kind>@)?(?P<name>{_NAME})
        (?:\s+\[(?P<deps>[^\]]*)\])?
        \s+(?P<date>\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ)
        \s+(?P<planner>[^<]*?)\s*<(?P<email>[^>]*)>
        (?:\s+\#\s?(?P<note>.*))?\s*$""",
    re.VERBOSE,
)


def _unescape_note(note: str) -> str:
    # sqitch unescapes exactly \\, \n and \r; any other backslash stays as written.
    return re.sub(r"\\([\\nr])", lambda m: {"n": "\n", "r": "\r"}.get(m[1], m[1]), note.strip())


def _escape_note(note: str) -> str:
    return note.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _git_sha1(kind: str, info: str) -> str:
    data = info.encode("utf-8")
    return hashlib.sha1(f"{kind} {len(data)}\0".encode() + data).hexdigest()


@dataclass(frozen=True)
class Dependency:
    """One entry of a change's `[...]`: a requirement or (with `!`) a conflict."""

    project: str | None
    change: str | None
    tag: str | None
    conflict: bool = False

    @classmethod
    def parse(cls, text: str) -> Dependency:
        conflict = text.startswith("!")
        body = text[1:] if conflict else text
        project, _, rest = body.rpartition(":")
        change, _, tag = rest.partition("@")
        if re.fullmatch(r"[0-9a-f]{40}", change):
            raise PlanError(
                f"dependency {text!r}: a bare change id is not allowed, name the change"
            )
        return cls(project or None, change or None, tag or None, conflict)

    def as_written(self, own_project: str) -> str:
        """The dependency as a plan line writes it: a conflict keeps its `!`."""
        return ("!" if self.conflict else "") + self.key(own_project)

    def key(self, own_project: str) -> str:
        """The dependency as sqitch renders it: same-project prefixes dropped."""
        name = (self.change or "") + (f"@{self.tag}" if self.tag else "")
        if self.project and self.project != own_project:
            return f"{self.project}:{name}"
        return name


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
        if self.note and self.note != "0":
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
        return datetime.fromisoformat(self.planned_at)

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
        if self.note and self.note != "0":
            lines += ["", self.note]
        return "\n".join(lines)

    def format_name_with_tags(self) -> str:
        return self.name + "".join(f" @{t.name}" for t in self.tags)


@dataclass
class Plan:
    path: Path
    project: str
    uri: str | None
    changes: list[Change]
    tags: list[Tag]
    syntax_version: str = SYNTAX_VERSION

    # -- lookup -------------------------------------------------------------------------
    def by_id(self, change_id: str) -> Change | None:
        return next((c for c in self.changes if c.id == change_id), None)

    def tag_named(self, name: str) -> Tag:
        name = name.lstrip("@")
        for tag in self.tags:
            if tag.name == name:
                return tag
        raise PlanError(f"unknown tag @{name} in {self.path}")

    def index_of(self, spec: str) -> int:
        """Resolve a sqitch change spec to a plan index; -1 means @ROOT's parent (nothing).

        Accepts @HEAD, @ROOT, name, @tag, name@tag, and the suffixes ^ (repeatable) and ~N.
        """
        match = re.fullmatch(r"(?P<base>.*?)(?P<suffix>(?:\^+|~\d*)?)", spec)
        assert match is not None
        base, suffix = match["base"], match["suffix"]
        index = self._base_index(base, spec)
        if suffix.startswith("^"):
            index -= len(suffix)
        elif suffix.startswith("~"):
            index += int(suffix[1:] or 1)
        if not 0 <= index < len(self.changes):
            raise PlanError(f"change spec {spec!r} points outside the plan")
        return index

    def _base_index(self, base: str, spec: str) -> int:
        if not self.changes:
            raise PlanError(f"the plan {self.path} has no changes")
        if base in ("@HEAD", "HEAD"):
            return len(self.changes) - 1
        if base in ("@ROOT", "ROOT"):
            return 0
        if base.startswith("@"):
            tag = self.tag_named(base)
            assert tag.change is not None
            return tag.change.index
        name, _, tag_name = base.partition("@")
        candidates = [c for c in self.changes if c.name == name]
        if tag_name:
            tag_index = self.index_of("@" + tag_name)
            candidates = [c for c in candidates if c.index <= tag_index]
            if candidates:
                return candidates[-1].index
        elif len(candidates) == 1:
            return candidates[0].index
        elif candidates:
            # A reworked name without a tag means its latest instance, as sqitch does.
            return candidates[-1].index
        raise PlanError(f"unknown change {spec!r}: it is not in {self.path}")

    # -- scripts ------------------------------------------------------------------------
    def script_path(self, top_dir: Path, kind: str, change: Change) -> Path:
        suffix = f"@{change.script_tag}" if change.script_tag else ""
        return top_dir / kind / f"{change.name}{suffix}.sql"


def parse_plan(path: Path, top_dir: Path | None = None) -> Plan:
    """Read and validate a plan file; raise PlanError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(
            f"plan file {path} not found", hint="run from the project folder or pass --plan-file"
        ) from None
    return parse_plan_text(text, path, top_dir)


def parse_plan_text(text: str, path: Path, top_dir: Path | None = None) -> Plan:
    pragmas: dict[str, str] = {}
    changes: list[Change] = []
    tags: list[Tag] = []
    seen_since_tag: set[str] = set()
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{lineno}"
        if line.startswith("%"):
            key, eq, value = line[1:].partition("=")
            if not eq:
                raise PlanError(f"{where}: malformed pragma {line!r}")
            pragmas[key.strip()] = value.strip()
            continue
        m = _LINE_RE.match(line)
        if not m:
            raise PlanError(
                f"{where}: cannot parse {line!r}",
                hint="expected: name [deps] YYYY-MM-DDTHH:MM:SSZ Planner <email> # note",
            )
        try:
            datetime.strptime(m["date"], "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise PlanError(f"{where}: {m['date']} is not a valid date and time") from None
        note = _unescape_note(m["note"] or "")
        planner = m["planner"].strip()
        if m["kind"]:
            if not changes:
                raise PlanError(f"{where}: tag @{m['name']} before any change")
            if any(t.name == m["name"] for t in tags):
                raise PlanError(f"{where}: tag @{m['name']} is declared twice")
            tag = Tag(m["name"], m["date"], planner, m["email"], note, lineno)
            tag.change = changes[-1]
            changes[-1].tags.append(tag)
            tags.append(tag)
            seen_since_tag.clear()
            continue
        name = m["name"]
        if name in seen_since_tag:
            raise PlanError(
                f"{where}: change {name!r} appears twice with no tag between",
                hint="tag the plan before reworking a change",
            )
        try:
            deps = [Dependency.parse(d) for d in (m["deps"] or "").split()]
        except PlanError as exc:
            raise PlanError(f"{where}: {exc}") from None
        seen_since_tag.add(name)
        changes.append(
            Change(name, deps, m["date"], planner, m["email"], note, lineno, index=len(changes))
        )
    project = pragmas.get("project")
    if not project:
        raise PlanError(f"{path}: missing %project pragma")
    plan = Plan(
        path,
        project,
        pragmas.get("uri"),
        changes,
        tags,
        pragmas.get("syntax-version", SYNTAX_VERSION),
    )
    _check_dependencies(plan)
    _assign_ids(plan)
    _assign_rework_tags(plan, top_dir)
    return plan


def _check_dependencies(plan: Plan) -> None:
    for change in plan.changes:
        for dep in change.requires:
            if dep.project and dep.project != plan.project:
                continue  # another project's change: checked against the registry at deploy
            earlier = [c for c in plan.changes[: change.index] if c.name == dep.change]
            if dep.tag:
                tag = next((t for t in plan.tags if t.name == dep.tag), None)
                if tag is None or tag.change is None or tag.change.index >= change.index:
                    earlier = []
            if not earlier:
                later = any(c.name == dep.change for c in plan.changes[change.index :])
                where = "later in the plan" if later else "not in the plan"
                raise PlanError(
                    f"{plan.path}:{change.line}: change {change.name!r} requires "
                    f"{dep.key(plan.project)!r}, which is {where}",
                    hint="dependencies must be planned before the changes that need them",
                )


def _assign_ids(plan: Plan) -> None:
    parent: str | None = None
    for change in plan.changes:
        change.parent_id = parent
        change.id = _git_sha1("change", change.info(plan.project, plan.uri))
        parent = change.id
        for tag in change.tags:
            tag.id = _git_sha1("tag", tag.info(plan.project, plan.uri))


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
    if not _NAME_RE.match(name) or re.fullmatch(r"[0-9a-f]{40}", name):
        raise PlanError(f"{name!r} is not a valid {what} name")


def append_line(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
