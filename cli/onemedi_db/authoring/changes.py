"""Write the plan and scripts as `sqitch add`, `sqitch tag` and `sqitch rework` 1.3.1 do.

Names follow sqitch's rules (no leading or trailing punctuation, no `@ : # \\` or blanks, not
HEAD or ROOT); the plan line gets the planner from `registry.committer()` and the UTC time.
New scripts come from the house-style templates in `templates/`; a script that already
exists is kept, as sqitch keeps it. Every plan write is re-parsed, and undone if it does not
parse, so the plan is never left half-written.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pglast.keywords import RESERVED_KEYWORDS, TYPE_FUNC_NAME_KEYWORDS

from ..engine.config import Project
from ..engine.plan import (
    Change,
    Dependency,
    Plan,
    format_change_line,
    format_tag_line,
    now_utc,
    parse_plan,
)
from ..engine.registry import Person, committer
from ..errors import OnemediError, PlanError

KINDS = ("deploy", "revert", "verify")
_PUNCT = re.escape("-!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~")
# sqitch's name rule (App::Sqitch::Plan's name_re), written out again for Python's re.
_SQITCH_NAME_RE = re.compile(
    rf"(?![{_PUNCT}])(?:(?![~/=%^][0-9]+(?:$|[ \t]))[^ \t:@#\\])+(?<![{_PUNCT}])\b"
)
_RESERVED = {"HEAD", "ROOT"}
_RULE = ('must not begin with punctuation, contain "@", ":", "#", "\\", or blanks, '
         "or end in punctuation or digits following punctuation")


@dataclass
class Written:
    """What one authoring command did, for the CLI to report."""

    plan_line: str
    change: str
    created: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    copied: list[tuple[Path, Path]] = field(default_factory=list)
    change_id: str = ""
    summary: str = ""  # name and [dependencies], as sqitch prints it


def check_name(name: str, what: str) -> None:
    """Refuse a change or tag name sqitch 1.3.1 would refuse (PlanError, exit 4)."""
    if name in _RESERVED:
        raise PlanError(f'"{name}" is a reserved name')
    if not _SQITCH_NAME_RE.fullmatch(name) or re.fullmatch(r"[0-9a-f]{40}", name):
        raise PlanError(f'"{name}" is not a valid {what} name: {what}s {_RULE}')
    if what == "tag" and "/" in name:
        raise PlanError(f'"{name}" is not a valid tag name: tags must not contain "/"')


def _dependencies(plan: Plan, requires: list[str], conflicts: list[str], verb: str,
                  name: str) -> list[str]:
    """The `[...]` entries, requirements first; each same-project requirement must be planned."""
    entries = list(requires) + [c if c.startswith("!") else f"!{c}" for c in conflicts]
    for text in entries:
        try:
            dep = Dependency.parse(text)
        except PlanError as exc:
            raise PlanError(f"cannot {verb} change {name!r}: {exc}") from None
        if not dep.change or (dep.conflict and text[1:].startswith("!")):
            raise PlanError(f"cannot {verb} change {name!r}: {text!r} is not a change name")
        if dep.conflict or (dep.project and dep.project != plan.project):
            continue
        if not _planned(plan, dep):
            raise PlanError(
                f"cannot {verb} change {name!r}: it requires {dep.key(plan.project)!r}, "
                f"which is not in {plan.path.name}",
                hint="add the required change first, or check the spelling",
            )
    return entries


def _planned(plan: Plan, dep: Dependency) -> bool:
    if dep.tag is None:
        return any(c.name == dep.change for c in plan.changes)
    tag = next((t for t in plan.tags if t.name == dep.tag), None)
    return tag is not None and tag.change is not None and any(
        c.name == dep.change and c.index <= tag.change.index for c in plan.changes
    )


def _sql_ident(name: str) -> str:
    bare = re.fullmatch(r"[a-z_][a-z0-9_$]*", name)
    if bare and name not in RESERVED_KEYWORDS and name not in TYPE_FUNC_NAME_KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def render_template(kind: str, project: str, change: str) -> str:
    """A template with the change filled in: as written in comments, quoted where SQL needs."""
    text = resources.files(__package__).joinpath("templates", f"{kind}.sql").read_text("utf-8")
    lines = []
    for line in text.splitlines(keepends=True):
        value = change if line.lstrip().startswith("--") else _sql_ident(change)
        lines.append(line.replace("__project__", project).replace("__change__", value))
    return "".join(lines)


def _write_plan(project: Project, old_text: str, new_lines: list[str]) -> Plan:
    """Append lines to the plan, re-parse it, and restore the old text if it no longer parses."""
    path = project.plan_file
    text = old_text if not old_text or old_text.endswith("\n") else old_text + "\n"
    path.write_text(text + "".join(line + "\n" for line in new_lines), encoding="utf-8")
    try:
        return parse_plan(path, project.top_dir)
    except OnemediError:
        path.write_text(old_text, encoding="utf-8")
        raise


def _writable(project: Project, verb: str) -> None:
    """Authoring writes a project's own files, never the plan bundled in the package."""
    if project.source == "bundled":
        raise PlanError(
            f"{verb} writes a sqitch project's plan and scripts, and there is no sqitch.conf "
            f"here or above: the plan bundled in the onemedi-db package ({project.plan_file}) "
            "is read-only",
            hint="run it inside your checkout of the project (or set SQITCH_CONFIG)",
        )


def _load(project: Project) -> tuple[Plan, str]:
    plan = parse_plan(project.plan_file, project.top_dir)
    return plan, project.plan_file.read_text(encoding="utf-8")


def add_change(
    project: Project, name: str, requires: list[str], conflicts: list[str], note: str = "",
    who: Person | None = None, when: str | None = None,
) -> Written:
    """`sqitch add`: scripts from the templates (kept if present) and one new plan line."""
    _writable(project, "add")
    check_name(name, "change")
    plan, old_text = _load(project)
    existing = [c for c in plan.changes if c.name == name]
    if existing:
        tagged_after = any(t.change is not None and t.change.index >= existing[-1].index
                           for t in plan.tags)
        raise PlanError(
            f"change {name!r} already exists in {plan.path.name} (line {existing[-1].line})",
            hint=f"use `onemedi-db rework {name}` to change it" if tagged_after else
            f"tag the plan, then `onemedi-db rework {name}`; or pick another name",
        )
    deps = _dependencies(plan, requires, conflicts, "add", name)
    who = who or committer(project.root)
    line = format_change_line(name, deps, who.name, who.email, note, when or now_utc())
    result = Written(line, name, summary=_summary(name, deps))
    for kind in KINDS:
        path = project.top_dir / kind / f"{name}.sql"
        if path.exists():
            result.skipped.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_template(kind, plan.project, name), encoding="utf-8")
        result.created.append(path)
    # sqitch puts a blank line between a tagged change and the next one.
    blank = [""] if plan.changes and plan.changes[-1].tags else []
    try:
        new_plan = _write_plan(project, old_text, [*blank, line])
    except OnemediError:
        for path in result.created:
            path.unlink(missing_ok=True)
        raise
    result.change_id = new_plan.changes[-1].id
    return result


def add_tag(project: Project, name: str, note: str = "", who: Person | None = None,
            when: str | None = None) -> Written:
    """`sqitch tag`: a tag line on the last change."""
    _writable(project, "tag")
    name = name.removeprefix("@")
    check_name(name, "tag")
    plan, old_text = _load(project)
    if any(t.name == name for t in plan.tags):
        raise PlanError(f"tag @{name} already exists in {plan.path.name}")
    if not plan.changes:
        raise PlanError(f"cannot tag @{name}: {plan.path.name} has no changes",
                        hint="add a change first")
    who = who or committer(project.root)
    line = format_tag_line(name, who.name, who.email, note, when or now_utc())
    new_plan = _write_plan(project, old_text, [line])
    result = Written(line, plan.changes[-1].name)
    result.change_id = new_plan.tags[-1].id
    return result


def rework_change(
    project: Project, name: str, requires: list[str] | None = None,
    conflicts: list[str] | None = None, note: str = "", who: Person | None = None,
    when: str | None = None,
) -> Written:
    """`sqitch rework`: keep the current scripts as NAME@TAG.sql, plan NAME again.

    TAG is the first tag of the last tagged change (what sqitch 1.3.1 picks). The new revert
    script starts as a copy of the current deploy script: reverting the rework restores the
    previous version, which the developer then edits to undo only what the rework changes.
    """
    _writable(project, "rework")
    plan, old_text = _load(project)
    instances = [c for c in plan.changes if c.name == name]
    if not instances:
        raise PlanError(f"change {name!r} is not in {plan.path.name}",
                        hint=f"use `onemedi-db add {name}` to add it")
    latest: Change = instances[-1]
    tagged = [c for c in plan.changes if c.tags]
    if not tagged or tagged[-1].index < latest.index:
        raise PlanError(f"cannot rework {name!r} without a tag after it",
                        hint="use `onemedi-db tag` to tag the plan, then rework")
    tag = tagged[-1].tags[0].name
    deps = [f"{name}@{tag}", *_dependencies(plan, requires or [], conflicts or [], "rework", name)]
    sources = {kind: project.top_dir / kind / f"{name}.sql" for kind in KINDS}
    if not sources["deploy"].exists():
        raise PlanError(f"cannot rework {name!r}: {_rel(project, sources['deploy'])} is missing")
    targets = {kind: project.top_dir / kind / f"{name}@{tag}.sql" for kind in KINDS}
    clash = [p for p in targets.values() if p.exists()]
    if clash:
        raise PlanError(f"cannot rework {name!r}: {_rel(project, clash[0])} already exists",
                        hint="remove or rename it first; rework never overwrites a script")
    who = who or committer(project.root)
    line = format_change_line(name, deps, who.name, who.email, note, when or now_utc())
    result = Written(line, name, summary=_summary(name, deps))
    for kind in KINDS:
        if sources[kind].exists():
            shutil.copy2(sources[kind], targets[kind])
            result.copied.append((sources[kind], targets[kind]))
    shutil.copyfile(targets["deploy"], sources["revert"])
    result.copied.append((targets["deploy"], sources["revert"]))
    try:
        new_plan = _write_plan(project, old_text, [line])
    except OnemediError:
        for src, dst in result.copied[:-1]:
            shutil.copyfile(dst, src)
            dst.unlink()
        raise
    result.change_id = new_plan.changes[-1].id
    result.created = [sources[k] for k in KINDS if sources[k].exists()]
    return result


def _summary(name: str, deps: list[str]) -> str:
    return f"{name} [{' '.join(deps)}]" if deps else name


def _rel(project: Project, path: Path) -> str:
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)
