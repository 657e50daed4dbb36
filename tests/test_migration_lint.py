"""Migration-safety lint: squawk's rules on changes after the last tag, and their waivers.

Each case's expected rules are what squawk 2 (the `squawk-cli` the field uses) reports for
the same script, restricted to the rules onemedi-db enforces; the test runs squawk itself to
hold the cases to it. Then the rules through `onemedi-db lint` on a project: only changes
after the last tag are checked, a waiver needs a known rule and a reason, and waives only
what it covers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine_support import Project, env
from onemedi_db.authoring.migration_lint import RULES, check

SQUAWK = shutil.which("squawk") or str(Path(sys.executable).parent / "squawk")

CASES = {
    "index on an existing table": ("BEGIN;\nCREATE INDEX old_idx ON public.old (id);\nCOMMIT;\n",
                                   {"require-concurrent-index-creation"}),
    "index on a table created here": ("BEGIN;\nCREATE TABLE public.fresh (id bigint);\n"
                                      "CREATE INDEX fresh_idx ON public.fresh (id);\nCOMMIT;\n",
                                      set()),
    "index concurrently": ("-- onemedi:no-transaction\n"
                           "CREATE INDEX CONCURRENTLY old_idx ON public.old (id);\n", set()),
    "check without not valid": ("BEGIN;\nALTER TABLE public.old ADD CONSTRAINT old_chk "
                                "CHECK (id > 0);\nCOMMIT;\n", {"constraint-missing-not-valid"}),
    "check not valid": ("BEGIN;\nALTER TABLE public.old ADD CONSTRAINT old_chk CHECK (id > 0) "
                        "NOT VALID;\nCOMMIT;\n", set()),
    "validate in a later change": ("BEGIN;\nALTER TABLE public.old VALIDATE CONSTRAINT old_chk;"
                                   "\nCOMMIT;\n", set()),
    "not valid and validate together": (
        "BEGIN;\nALTER TABLE public.old ADD CONSTRAINT old_chk CHECK (id > 0) NOT VALID;\n"
        "ALTER TABLE public.old VALIDATE CONSTRAINT old_chk;\nCOMMIT;\n",
        {"constraint-missing-not-valid"}),
    "foreign key without not valid": (
        "BEGIN;\nALTER TABLE public.old ADD CONSTRAINT old_fk FOREIGN KEY (other) "
        "REFERENCES public.x (id);\nCOMMIT;\n",
        {"constraint-missing-not-valid", "adding-foreign-key-constraint"}),
    "foreign key not valid": (
        "BEGIN;\nALTER TABLE public.old ADD CONSTRAINT old_fk FOREIGN KEY (other) "
        "REFERENCES public.x (id) NOT VALID;\nCOMMIT;\n", set()),
    "new column with references": (
        "BEGIN;\nALTER TABLE public.old ADD COLUMN ref bigint REFERENCES public.x (id);\n"
        "COMMIT;\n", {"adding-foreign-key-constraint"}),
    "column type": ("BEGIN;\nALTER TABLE public.old ALTER COLUMN id TYPE bigint;\nCOMMIT;\n",
                    {"changing-column-type"}),
    "set not null": ("BEGIN;\nALTER TABLE public.old ALTER COLUMN id SET NOT NULL;\nCOMMIT;\n",
                     {"adding-not-nullable-field"}),
    "new table with its constraints": (
        "BEGIN;\nCREATE TABLE public.fresh (id bigint, other bigint);\n"
        "ALTER TABLE public.fresh ADD CONSTRAINT fresh_chk CHECK (id > 0);\n"
        "ALTER TABLE public.fresh ADD CONSTRAINT fresh_fk FOREIGN KEY (other) "
        "REFERENCES public.old (id);\nCOMMIT;\n", set()),
}


def squawk_rules(tmp_path: Path, text: str) -> set[str]:
    path = tmp_path / "case.sql"
    path.write_text(text)
    done = subprocess.run([SQUAWK, "--reporter", "json", "--pg-version", "15", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode in (0, 1), done.stderr
    return {v["rule_name"] for v in json.loads(done.stdout)} & set(RULES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_matches_squawk(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    assert squawk_rules(tmp_path, text) == expected  # the cases are squawk's
    assert {f.rule for f in check(text)} == expected


def test_alter_domain_without_not_valid_is_flagged() -> None:
    """Not a squawk rule (squawk bans domain constraints outright): a domain's CHECK is
    checked against every column using it, like a table's."""
    added = "BEGIN;\nALTER DOMAIN public.inr ADD CONSTRAINT inr_positive CHECK (VALUE >= 0)"
    assert {f.rule for f in check(added + ";\nCOMMIT;\n")} == {"constraint-missing-not-valid"}
    assert check(added + " NOT VALID;\nCOMMIT;\n") == []
    fresh = "BEGIN;\nCREATE DOMAIN public.inr AS numeric(12, 2);\n" + added[7:] + ";\nCOMMIT;\n"
    assert check(fresh) == []


TYPE_CHANGE = "ALTER TABLE public.old ALTER COLUMN amount TYPE public.inr;\n"
REASON = "public.inr is a domain over numeric(12, 2), the column's type: no rewrite"


@pytest.mark.parametrize(("text", "problems"), [
    # A waiver in the header covers the whole script.
    (f"-- Deploy x\n-- onemedi:lint-ok changing-column-type {REASON}\nBEGIN;\n{TYPE_CHANGE}"
     f"{TYPE_CHANGE}COMMIT;\n", []),
    # Before a statement it covers that one only.
    (f"BEGIN;\n-- onemedi:lint-ok changing-column-type {REASON}\n{TYPE_CHANGE}{TYPE_CHANGE}"
     "COMMIT;\n", [(4, "changing-column-type")]),
    # A waiver must name a known rule, give a reason, and waive something.
    (f"BEGIN;\n-- onemedi:lint-ok changing-column-type\n{TYPE_CHANGE}COMMIT;\n",
     [(2, "waiver"), (3, "changing-column-type")]),
    (f"BEGIN;\n-- onemedi:lint-ok no-such-rule {REASON}\n{TYPE_CHANGE}COMMIT;\n",
     [(2, "waiver"), (3, "changing-column-type")]),
    (f"BEGIN;\n-- onemedi:lint-ok adding-not-nullable-field {REASON}\n{TYPE_CHANGE}COMMIT;\n",
     [(2, "waiver"), (3, "changing-column-type")]),
])
def test_waivers(text: str, problems: list[tuple[int, str]]) -> None:
    assert [(f.line, f.rule) for f in check(text)] == problems


# -- through `onemedi-db lint` -------------------------------------------------------------------
def test_lint_checks_only_changes_after_the_last_tag(tmp_path: Path) -> None:
    p = Project(tmp_path / "p")
    (p.root / ".sqlfluff").write_text("[sqlfluff]\ndialect = postgres\nrules = LT01\n")
    unsafe = "BEGIN;\nALTER TABLE public.first ALTER COLUMN id SET NOT NULL;\nCOMMIT;\n"
    p.add("first")
    p.add("released", deploy=unsafe)
    p.tag("v1")
    p.add("live", deploy=unsafe)
    proc = subprocess.run([sys.executable, "-m", "onemedi_db", "lint", "--json"], cwd=p.root,
                          env=env(), capture_output=True, text=True, timeout=300)
    problems = json.loads(proc.stdout)["problems"]
    safety = [(x["file"], x["line"], x["rule"]) for x in problems if x["rule"] in RULES]
    assert safety == [("sql/deploy/live.sql", 2, "adding-not-nullable-field")], problems
    assert proc.returncode == 10
    p.write("deploy", "live", "-- onemedi:lint-ok adding-not-nullable-field first.id has a "
            "valid CHECK (id IS NOT NULL), so no scan\n" + unsafe)
    proc = subprocess.run([sys.executable, "-m", "onemedi_db", "lint", "--json"], cwd=p.root,
                          env=env(), capture_output=True, text=True, timeout=300)
    problems = json.loads(proc.stdout)["problems"]
    assert not [x for x in problems if x["rule"] in RULES or x["rule"] == "waiver"], problems
