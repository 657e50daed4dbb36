"""Drift between a target and the checkout, found without changing anything.

Four kinds of finding, one line each:
- `script_changed` / `script_missing`: a deployed change's deploy script no longer hashes to the
  registry's `script_hash` (sqitch's plain SHA-1 of the file), or is gone;
- `not_in_plan`: a registry row whose change id the plan does not have (edited plan line,
  another branch, a rework not committed);
- `order`: a deployed change the plan has, but at another position;
- `verify_failed`: a deployed change whose verify script fails now.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ..engine.plan import Change, Plan
from ..engine.runner import Engine
from ..engine.scripts import script_hash


@dataclass(frozen=True)
class Finding:
    kind: str
    change: str
    change_id: str
    message: str
    file: str | None = None

    def line(self) -> str:
        return f"{self.kind}: {self.message}"

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


def check(engine: Engine) -> tuple[int, list[Finding]]:
    """Return (number of deployed changes, findings); an empty list means no drift."""
    plan, root = engine.plan, engine.project.root
    engine.registry.check_version()
    rows = engine.registry.deployed()
    findings: list[Finding] = []
    known: list[Change] = []
    in_order = True
    for position, row in enumerate(rows):
        change = plan.by_id(row.change_id)
        if change is None:
            in_order = False
            findings.append(Finding(
                "not_in_plan", row.change, row.change_id,
                f"{row.change} ({row.change_id[:12]}) is deployed but {plan.path.name} has no "
                "change with this id (planned line edited, or deployed from another branch)"))
            continue
        known.append(change)
        if change.index != position:
            in_order = False
            findings.append(Finding(
                "order", row.change, row.change_id,
                f"{row.change} is deployed as change {position + 1} but planned as change "
                f"{change.index + 1}"))
        path = plan.script_path(engine.project.top_dir, "deploy", change)
        current = script_hash(path)
        if current is None:
            findings.append(Finding(
                "script_missing", row.change, row.change_id,
                f"{_rel(path, root)}: deploy script of deployed change {row.change} is missing",
                _rel(path, root)))
        elif row.script_hash and current != row.script_hash:
            findings.append(Finding(
                "script_changed", row.change, row.change_id,
                f"{_rel(path, root)}: changed since {row.change} was deployed (deployed "
                f"{row.script_hash[:12]}, file now {current[:12]}); {_remedy(plan, change)}",
                _rel(path, root)))
    results = engine.verify() if in_order else [
        (c, None if c.script_tag else engine.verify_change(c)) for c in known]
    for change, error in results:
        if error is not None:
            verify = _rel(plan.script_path(engine.project.top_dir, "verify", change), root)
            findings.append(Finding("verify_failed", change.name, change.id,
                                    f"{change.name}: verify failed: {error}", verify))
    return len(rows), findings


def _remedy(plan: Plan, change: Change) -> str:
    """`rework` needs a tag after the change; an untagged one is reverted and redeployed."""
    if any(t.change is not None and t.change.index >= change.index for t in plan.tags):
        return f"change a released change with `onemedi-db rework {change.name}`"
    return (f"{change.name} is not tagged yet, so revert it (`onemedi-db revert --to "
            f"{change.name}^`) and deploy the edited script; `rework` is for tagged changes")


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
