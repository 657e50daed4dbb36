"""The registry's own record of what is deployed, read as sqitch reads it.

sqitch reverts from the registry, not from the plan: `revert --to SPEC` finds SPEC among the
deployed changes (by name, `name@tag` as of the tag's application, `@tag`, change id,
`@HEAD`/`@ROOT`, with `^`/`~` counting deployed changes), and each change to revert is
rebuilt from its registry row, its revert script found where the plan would keep it
(`revert/NAME.sql`). So a change deployed from another branch, missing from this plan, can
still be reverted, as long as its revert script is there.

`divergence` says where the registry stops being a prefix of the plan, for `status` and for
the commands that need the plan and the registry to agree.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..errors import PlanError, RegistryError
from .plan import Change, Plan, Tag
from .plansyntax import _P
from .registry import Deployed

_OFFSET = re.compile(r"(?<![" + _P + r"])([~^])(?:(\1)|(\d+))?\Z")


def find(rows: list[Deployed], tags: dict[str, tuple[str, datetime]], spec: str) -> int | None:
    """The position in `rows` (deployed, oldest first) of the change `spec` names, or None."""
    base, offset = spec, 0
    m = _OFFSET.search(spec)
    if m:
        base = spec[: m.start()]
        step = int(m[3]) if m[3] else (2 if m[2] else 1)
        offset = -step if m[1] == "^" else step
    name, _, tag = base.partition("@")
    index = _base(rows, tags, name, tag, spec)
    if index is None:
        return None
    index += offset
    return index if 0 <= index < len(rows) else None


def _base(rows: list[Deployed], tags: dict[str, tuple[str, datetime]], name: str, tag: str,
          spec: str) -> int | None:
    if not name and not tag:
        return None
    if not tag and name in ("HEAD", "ROOT"):
        name, tag = "", name
    if not tag and re.fullmatch(r"[0-9a-f]{40}", name):
        return next((i for i, r in enumerate(rows) if r.change_id == name), None)
    if name and tag:
        if tag == "ROOT":
            return None
        named = [i for i, r in enumerate(rows) if r.change == name]
        if tag == "HEAD":
            return named[-1] if named else None
        applied = tags.get(f"@{tag}")
        before = [i for i in named if applied and rows[i].committed_at <= applied[1]]
        return before[-1] if before else None
    if name:
        named = [i for i, r in enumerate(rows) if r.change == name]
        if len(named) > 1:
            raise PlanError(f'change "{name}" is deployed {len(named)} times (reworked)',
                            hint=f"qualify it with a tag, e.g. {name}@HEAD or {name}@TAG")
        return named[0] if named else None
    if tag == "HEAD":
        return len(rows) - 1 if rows else None
    if tag == "ROOT":
        return 0 if rows else None
    found = tags.get(f"@{tag}")
    return next((i for i, r in enumerate(rows) if found and r.change_id == found[0]), None)


def rebuilt(plan: Plan, row: Deployed) -> Change:
    """The change to revert for a registry row: the plan's, or one rebuilt from the row."""
    planned = plan.by_id(row.change_id)
    if planned is not None:
        return planned
    change = Change(row.change, [], row.planned_at, row.planner_name, row.planner_email,
                    row.note, line=0, index=-1, id=row.change_id)
    change.tags = [Tag(t.lstrip("@"), "", "", "", "", 0, change=change) for t in row.tags]
    return change


def common_prefix(plan: Plan, rows: list[Deployed]) -> int:
    """How many deployed changes, oldest first, are the plan's first changes."""
    for i, row in enumerate(rows):
        if i >= len(plan.changes) or plan.changes[i].id != row.change_id:
            return i
    return len(rows)


def divergence(plan: Plan, rows: list[Deployed]) -> RegistryError | None:
    """Why the deployed changes are not a prefix of the plan, with what to do; None if they are."""
    agree = common_prefix(plan, rows)
    if agree == len(rows):
        return None
    row = rows[agree]
    known = plan.by_id(row.change_id)
    if known is not None:
        detail = f"is planned at position {known.index + 1}, not {agree + 1}"
    else:
        detail = f"is not in the plan {plan.path.name} (deployed from another branch?)"
    onto = rows[agree - 1].change if agree else None
    extra = len(rows) - agree
    back, rebase = (f"--to {onto}", f"--onto {onto}") if onto else ("", "")
    return RegistryError(
        f"deployed change {row.change} ({row.change_id[:12]}) {detail}; the registry and the "
        f"plan agree on the first {agree} change(s), then {extra} deployed change(s) differ",
        hint=f"`onemedi-db revert {back}` reverts those {extra} from the registry's record "
        "(their revert scripts must still be in place); "
        f"`onemedi-db rebase {rebase}` then deploys this plan; "
        "`onemedi-db checkout BRANCH` switches branch and database together; "
        "never edit planned lines, use `rework`".replace("  ", " "),
    )
