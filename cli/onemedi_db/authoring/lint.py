"""`lint`: sqlfluff on every SQL file of the project, plus the layout rules sqitch relies on.

sqlfluff runs through its Python API with the project's `.sqlfluff`. It is the optional
`lint` extra (a deploy-only install has no sqlfluff); without it `lint` stops at once with
one line naming the extra. It parses at roughly 0.1-0.2 s per file, so results are cached
per file content (keyed by the sqlfluff version and the config text) under
`$XDG_CACHE_HOME/onemedi-db/`, and files not in the cache are linted in forked worker
processes when there are enough of them.

Append-only: from a tag on, the plan lines up to it and the scripts of the changes it tags
are frozen (compared with the commit that added the tag; `rework` is the way to change them).

Migration safety (`migration_lint`): the deploy scripts of the changes after the last tag run
on live data, so squawk's locking rules apply to them, unless a script waives one.

Layout rules: every plan change has its three scripts; every script belongs to a plan change
(`name@tag.sql` to an earlier instance of a reworked one); scripts are plain SQL (no psql
meta-commands or `:variables`) that PostgreSQL's parser (pglast) accepts; verify scripts end
with ROLLBACK and never COMMIT.
"""

from __future__ import annotations

import hashlib
import importlib.util
import multiprocessing
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pglast import ast, parser
from pglast.enums.parsenodes import GrantTargetType, ObjectType, TransactionStmtKind

from ..engine import cache
from ..engine.config import Project, bundled_root
from ..engine.plan import Plan, parse_plan, parse_plan_text
from ..engine.scripts import read_script
from ..errors import MissingExtra, OnemediError

KINDS = ("deploy", "revert", "verify")
LINT_EXTRA = "pip install 'onemedi-db[lint]'"
_MIN_PER_WORKER = 8
_PROGRESS_FROM = 40  # uncached files (5 s or more): say what is happening
_worker_config: Any = None


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    rule: str
    message: str

    def text(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.message}"


@dataclass
class LintResult:
    files: list[str]
    problems: list[Problem]
    cached: int = 0


def sql_files(project: Project) -> list[Path]:
    """Every SQL file lint looks at, sorted: scripts, pgTAP tests, stand-in and templates."""
    root = project.root
    found: set[Path] = set(project.top_dir.glob("**/*.sql"))
    found.update((root / "tests" / "pgtap").glob("**/*.sql"))
    package = root / "cli" / "onemedi_db"
    found.update((package / "supabase").glob("*.sql"))
    found.update(p for p in (package / "authoring" / "templates").glob("*") if p.is_file())
    return sorted(found)


def require_sqlfluff() -> None:
    """Refuse in one line when sqlfluff (the `lint` extra) is not installed; never import it."""
    if importlib.util.find_spec("sqlfluff") is None:
        raise MissingExtra(f"lint needs sqlfluff, which is not installed: {LINT_EXTRA}")


def lint_project(project: Project, jobs: int | None = None, use_cache: bool = True,
                 progress: Callable[[str], None] | None = None) -> LintResult:
    require_sqlfluff()
    files = sql_files(project)
    rel = {path: _rel(path, project.root) for path in files}
    problems: list[Problem] = []
    for path in list(files):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(rel[path], path.read_bytes()[: exc.start].count(b"\n") + 1,
                                    "encoding", "not UTF-8: save the file as UTF-8"))
            files.remove(path)
    try:
        plan: Plan | None = parse_plan(project.plan_file, project.top_dir)
    except OnemediError as exc:
        plan = None
        problems.append(Problem(_rel(project.plan_file, project.root), 1, "plan", str(exc)))
    if plan is not None:
        problems += layout_problems(project, plan)
        problems += tagged_problems(project, plan)
    clean: set[Path] = set()
    for path in files:
        if _is_script(project, path):
            found = script_problems(path, rel[path], _kind(project, path))
            problems += found
            if not found:
                clean.add(path)
    if plan is not None:
        problems += migration_problems(project, plan, clean)
        problems += privilege_problems(project, plan, clean)
        problems += security_problems(project, plan, clean)
    fluff, cached = sqlfluff_problems(project, files, jobs, use_cache, progress)
    problems += fluff
    problems.sort(key=lambda p: (p.file, p.line, p.rule))
    return LintResult([rel[p] for p in files], problems, cached)


# -- layout -----------------------------------------------------------------------------------
def layout_problems(project: Project, plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    expected: set[Path] = set()
    plan_file = _rel(plan.path, project.root)
    for change in plan.changes:
        for kind in KINDS:
            path = plan.script_path(project.top_dir, kind, change)
            expected.add(path.resolve())
            if not path.is_file():
                problems.append(Problem(plan_file, change.line, "layout",
                                        f"change {change.name} has no {_rel(path, project.root)}"))
    for kind in KINDS:
        for path in sorted((project.top_dir / kind).glob("**/*.sql")):
            if path.resolve() not in expected:
                problems.append(Problem(_rel(path, project.root), 1, "layout",
                                        f"no change in {plan.path.name} uses this {kind} script"))
    return problems


def migration_problems(project: Project, plan: Plan, clean: set[Path]) -> list[Problem]:
    """squawk's locking rules on the deploy scripts of the changes after the last tag
    (those that parse and are plain SQL: `clean`)."""
    from .migration_lint import check

    if not plan.tags or plan.tags[-1].change is None:
        return []
    problems = []
    for change in plan.changes[plan.tags[-1].change.index + 1 :]:
        path = plan.script_path(project.top_dir, "deploy", change)
        if path not in clean:
            continue
        rel = _rel(path, project.root)
        problems += [Problem(rel, f.line, f.rule, f.message)
                     for f in check(path.read_text(encoding="utf-8"))]
    return problems


def privilege_problems(project: Project, plan: Plan, clean: set[Path]) -> list[Problem]:
    """Rule api-privileges on the deploy scripts of the changes after the last tag: what
    they create in public or private is revoked from the API roles before it is granted."""
    from .privileges_lint import RULE, check

    if not plan.tags or plan.tags[-1].change is None:
        return []
    problems = []
    for change in plan.changes[plan.tags[-1].change.index + 1 :]:
        path = plan.script_path(project.top_dir, "deploy", change)
        if path in clean:
            problems += [Problem(_rel(path, project.root), line, RULE, message)
                         for line, message in check(path.read_text(encoding="utf-8"))]
    return problems


_API_ROLES = {"anon", "authenticated"}
_SECURITY = ("docs/security.md", "tests/pgtap/test_rls_catalog.sql")


def security_problems(project: Project, plan: Plan, clean: set[Path]) -> list[Problem]:
    """A table of public granted to anon or authenticated must be in the access matrix
    (docs/security.md) and its policy test (test_rls_catalog.sql), which the security tests
    hold to the database: lint says so before those tests fail. Projects without those two
    files are not checked."""
    matrix, catalog = (project.root / name for name in _SECURITY)
    if not (matrix.is_file() and catalog.is_file()):
        return []
    matrix_text, catalog_text = matrix.read_text("utf-8"), catalog.read_text("utf-8")
    problems: list[Problem] = []
    latest = {c.name: c for c in plan.changes}
    for change in latest.values():
        path = plan.script_path(project.top_dir, "deploy", change)
        if path not in clean:
            continue
        text = path.read_text(encoding="utf-8")
        for table, line in _api_grants(text):
            missing = [name for name, ok in (
                (_SECURITY[0], f"| `{table}` |" in matrix_text),
                (_SECURITY[1], f"'public', '{table}'" in catalog_text)) if not ok]
            if missing:
                problems.append(Problem(
                    _rel(path, project.root), line, "security-matrix",
                    f"public.{table} is granted to an API role, so the security tests need it: "
                    f"add it to {' and '.join(missing)} (docs/security.md, \"How to secure and "
                    "test a new table\")"))
    return problems


def _api_grants(text: str) -> list[tuple[str, int]]:
    """(table, line) of each GRANT to anon or authenticated on a table of public that the
    script creates (views are not in the matrix)."""
    found: list[tuple[str, int]] = []
    stmts = parser.parse_sql(text)
    created = {s.stmt.relation.relname for s in stmts if isinstance(s.stmt, ast.CreateStmt)
               and s.stmt.relation is not None
               and (s.stmt.relation.schemaname or "public") == "public"}
    for raw in stmts:
        node = raw.stmt
        if not (isinstance(node, ast.GrantStmt) and node.is_grant
                and node.objtype == ObjectType.OBJECT_TABLE
                and node.targtype == GrantTargetType.ACL_TARGET_OBJECT):
            continue
        roles = {getattr(g, "rolename", None) for g in node.grantees or ()}
        if not roles & _API_ROLES:
            continue
        line = text[: raw.stmt_location or 0].count("\n") + 1
        for obj in node.objects or ():
            if isinstance(obj, ast.RangeVar) and obj.relname in created and (
                    obj.schemaname or "public") == "public":
                found.append((str(obj.relname), line))
    return found


def tagged_problems(project: Project, plan: Plan) -> list[Problem]:
    """Append-only from a tag on: tagged changes' plan lines and scripts are frozen.

    Each tag is compared with the commit that first added its plan line: the plan up to the
    tag line, and every script of every change up to the tagged one, must be byte-identical
    (a reworked change's earlier instance is read from its `name@TAG.sql`). Outside a git
    checkout (an installed package) there is no history and nothing to compare.
    """
    root = project.root
    if not plan.tags or shutil.which("git") is None or not (root / ".git").exists():
        return []
    plan_rel = _rel(plan.path, root)
    problems: list[Problem] = []
    current_lines = plan.path.read_text(encoding="utf-8").splitlines()
    for tag in plan.tags:
        commit = _git(root, "log", "--format=%H", "--reverse", "-S", f"@{tag.name} ", "--",
                      plan_rel).split("\n")[0]
        if not commit:
            continue  # tagged in the working tree only: nothing is frozen yet
        old_text = _git(root, "show", f"{commit}:{plan_rel}")
        old_plan = parse_plan_text(old_text, plan.path)
        old_tag = next((t for t in old_plan.tags if t.name == tag.name), None)
        if old_tag is None or old_tag.change is None:
            continue
        if old_text.splitlines()[: old_tag.line] != current_lines[: tag.line]:
            problems.append(Problem(plan_rel, tag.line, "append-only",
                                    f"plan lines up to @{tag.name} changed since it was tagged "
                                    f"({commit[:12]}); the plan is append-only after a tag"))
            continue
        top = _rel(project.top_dir, root)
        changed = set(_git(root, "diff", "--name-only", commit, "--", top).splitlines())
        for old_change in old_plan.changes[: old_tag.change.index + 1]:
            new_change = plan.changes[old_change.index]
            for kind in KINDS:
                old_path = old_plan.script_path(Path(top), kind, old_change).as_posix()
                new_path = plan.script_path(project.top_dir, kind, new_change)
                new_rel = _rel(new_path, root)
                if new_rel == old_path:
                    modified = new_rel in changed
                else:  # a rework moved the frozen scripts to name@TAG.sql
                    old = _git(root, "show", f"{commit}:{old_path}", strip=False)
                    modified = not new_path.is_file() or new_path.read_text("utf-8") != old
                if modified:
                    problems.append(Problem(
                        new_rel, 1, "append-only",
                        f"{kind} script of {new_change.name} changed after @{tag.name} "
                        f"({commit[:12]}); use `onemedi-db rework {new_change.name}`"))
    return problems


def _git(root: Path, *args: str, strip: bool = True) -> str:
    run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                         check=False)
    return run.stdout.strip() if strip else run.stdout


def _is_script(project: Project, path: Path) -> bool:
    return _kind(project, path) in KINDS


def _kind(project: Project, path: Path) -> str:
    try:
        return path.relative_to(project.top_dir).parts[0]
    except (ValueError, IndexError):
        return ""


# -- plain SQL ------------------------------------------------------------------------------------
def script_problems(path: Path, rel: str, kind: str) -> list[Problem]:
    """psql meta-commands and variables, pglast parse errors, verify's final ROLLBACK."""
    text = path.read_text(encoding="utf-8")
    problems = [Problem(rel, line, "plain-sql", message) for line, message in psql_features(text)]
    if problems:
        return problems  # the parser would only repeat them less clearly
    try:
        read_script(path)
    except OnemediError as exc:
        match = re.match(rf"{re.escape(str(path))}:(\d+): (.*)", str(exc), re.S)
        line, message = (int(match[1]), match[2]) if match else (1, str(exc))
        return [Problem(rel, line, "parse", message)]
    if kind == "verify":
        problems += _verify_ending(text, rel)
    return problems


def _verify_ending(text: str, rel: str) -> list[Problem]:
    stmts = parser.parse_sql(text)
    problems: list[Problem] = []
    for raw in stmts:
        node = raw.stmt
        commit = TransactionStmtKind.TRANS_STMT_COMMIT
        if isinstance(node, ast.TransactionStmt) and node.kind == commit:
            start = raw.stmt_location or 0
            word = re.search(r"(?i)\b(?:COMMIT|END)\b", text[start:])
            offset = start + (word.start() if word else 0)
            line = text[:offset].count("\n") + 1
            problems.append(Problem(rel, line, "verify",
                                    "COMMIT in a verify script: verify must end with ROLLBACK"))
    last = stmts[-1].stmt if stmts else None
    if not (isinstance(last, ast.TransactionStmt)
            and last.kind == TransactionStmtKind.TRANS_STMT_ROLLBACK):
        problems.append(Problem(rel, text.count("\n") or 1, "verify",
                                "a verify script must end with ROLLBACK"))
    return problems


def psql_features(text: str) -> list[tuple[int, str]]:
    """(line, message) for each psql meta-command or variable outside strings and comments."""
    found: list[tuple[int, str]] = []
    i, n, line = 0, len(text), 1
    while i < n:
        ch = text[i]
        if ch == "\n":
            line, i = line + 1, i + 1
            continue
        if ch in " \t\r":
            i += 1
            continue
        if ch == "\\":
            command = re.match(r"\\\S*", text[i:])[0]  # type: ignore[index]
            found.append((line, f"psql meta-command {command} (scripts must be plain SQL)"))
        end = _skip_quoted(text, i)
        if end > i:
            line += text.count("\n", i, end)
            i = end
            continue
        if ch == ":" and text[i + 1 : i + 2] != ":" and text[i - 1 : i] != ":":
            var = re.match(r":(?:[A-Za-z_][A-Za-z0-9_]*|'[A-Za-z_][A-Za-z0-9_]*'|"
                           r'"[A-Za-z_][A-Za-z0-9_]*")', text[i:])
            if var:
                found.append((line, f"psql variable {var[0]} (scripts must be plain SQL)"))
                i += len(var[0])
                continue
        i += 1
    return found


def _skip_quoted(text: str, i: int) -> int:
    """End of the string, quoted identifier, dollar quote or comment starting at i, else i."""
    if text.startswith("--", i):
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if text.startswith("/*", i):
        depth, j = 1, i + 2
        while j < len(text) and depth:
            if text.startswith("/*", j):
                depth, j = depth + 1, j + 2
            elif text.startswith("*/", j):
                depth, j = depth - 1, j + 2
            else:
                j += 1
        return j
    ch = text[i]
    if ch == "$":
        m = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", text[i:])
        if m and not (i and re.match(r"[A-Za-z0-9_]", text[i - 1])):
            end = text.find(m[0], i + len(m[0]))
            return len(text) if end < 0 else end + len(m[0])
        return i
    if ch in "'\"":
        escapes = ch == "'" and i > 0 and text[i - 1] in "eE" and not (
            i > 1 and re.match(r"[A-Za-z0-9_]", text[i - 2]))
        j = i + 1
        while j < len(text):
            if escapes and text[j] == "\\":
                j += 2
                continue
            if text[j] == ch:
                if text[j + 1 : j + 2] == ch:
                    j += 2
                    continue
                return j + 1
            j += 1
        return len(text)
    return i


# -- sqlfluff -------------------------------------------------------------------------------------
def _config_file(project: Project) -> Path | None:
    for candidate in (project.root / ".sqlfluff", bundled_root() / ".sqlfluff"):
        if candidate.is_file():
            return candidate
    return None


def _make_config(config_file: Path | None) -> Any:
    from sqlfluff.core import FluffConfig

    if config_file is None:
        return FluffConfig(overrides={"dialect": "postgres"})
    return FluffConfig.from_path(str(config_file.parent))


def _init_worker(config_file: Path | None) -> None:
    global _worker_config
    _worker_config = _make_config(config_file)


def _lint_one(item: tuple[str, str]) -> list[tuple[int, str, str]]:
    from sqlfluff.core import Linter

    path, text = item
    result = Linter(config=_worker_config).lint_string(text, fname=path)
    return [(v.line_no, v.rule_code(), v.desc()) for v in result.get_violations()]


def sqlfluff_problems(
    project: Project, files: Iterable[Path], jobs: int | None = None, use_cache: bool = True,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[Problem], int]:
    """sqlfluff's violations for `files`; returns (problems, how many files came from cache)."""
    import sqlfluff

    config_file = _config_file(project)
    config_text = config_file.read_text(encoding="utf-8") if config_file else ""
    key = hashlib.sha1(f"{sqlfluff.__version__}\0{config_text}".encode()).hexdigest()[:16]
    cache_path = cache.cache_dir() / f"sqlfluff-{key}.json"
    entries: dict[str, list[list[Any]]] = cache.load(cache_path) if use_cache else {}
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    digests = {path: hashlib.sha1(text.encode()).hexdigest() for path, text in texts.items()}
    todo = [path for path in texts if digests[path] not in entries]
    workers = min(jobs or os.cpu_count() or 1, max(1, len(todo) // _MIN_PER_WORKER))
    items = [(str(path), texts[path]) for path in todo]
    report = progress if progress is not None and len(todo) >= _PROGRESS_FROM else None
    if report:
        report(f"sqlfluff: {len(todo)} of {len(texts)} file(s) not in the cache, {workers} "
               "worker(s); each takes about 0.1-0.2 s per worker")
    results: list[list[tuple[int, str, str]]] = []
    step = max(10, len(todo) // 10)
    if workers > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                 initargs=(config_file,)) as pool:
            for result in pool.map(_lint_one, items, chunksize=4):
                results.append(result)
                if report and len(results) % step == 0:
                    report(f"sqlfluff: {len(results)}/{len(todo)}")
    else:
        _init_worker(config_file)
        for item in items:
            results.append(_lint_one(item))
            if report and len(results) % step == 0:
                report(f"sqlfluff: {len(results)}/{len(todo)}")
    for path, violations in zip(todo, results, strict=True):
        entries[digests[path]] = [list(v) for v in violations]
    if use_cache and todo:
        cache.save(cache_path, entries, live=set(digests.values()))
    problems = [
        Problem(_rel(path, project.root), int(v[0] or 1), str(v[1]), str(v[2]))
        for path in texts for v in entries[digests[path]]
    ]
    return problems, len(texts) - len(todo)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def as_json(result: LintResult) -> dict[str, Any]:
    return {"files": len(result.files), "cached": result.cached,
            "problems": [asdict(p) for p in result.problems]}
