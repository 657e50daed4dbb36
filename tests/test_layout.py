"""The package's parts keep to what their docstrings allow them to import.

Each subpackage's `__init__.py` says what the part must not import; these tests read every
module's imports (module level and inside functions) and hold them to those rules, and
check that starting the CLI loads none of the parts' heavy code.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cli" / "onemedi_db"

# part -> the parts of onemedi_db it may import (besides itself and the package's __version__)
ALLOWED = {
    "engine": {"errors"},
    "authoring": {"errors", "engine"},
    "seed": {"errors"},
    "supabase": {"errors", "engine"},
    "reference": {"errors"},
    "commands": {"errors", "engine", "authoring", "seed", "supabase", "reference"},
}
TYPER_HOMES = {"cli", "commands"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved to absolute names."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_parts_exist() -> None:
    for part in ALLOWED:
        assert (PACKAGE / part / "__init__.py").is_file(), part


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_what_its_part_allows(path: Path) -> None:
    part = _part(_module_name(path))
    own = {m for m in _imports(path) if m.startswith("onemedi_db.")}
    if part in ALLOWED:
        used = {_part(m) for m in own} - {part, "__version__"}
        assert used <= ALLOWED[part], f"{path.name} of {part}/ imports {sorted(used)}"
    if part not in TYPER_HOMES:
        assert not any(m == "typer" or m.startswith("typer.") for m in _imports(path)), path


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_a_parts_init_imports_nothing(part: str) -> None:
    """Importing `engine.config` at start-up runs `engine/__init__.py`: it must stay empty."""
    tree = ast.parse((PACKAGE / part / "__init__.py").read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), part
    assert not [n for n in tree.body if not isinstance(n, ast.Expr)], part


def test_starting_the_cli_loads_no_runner_lint_seed_or_yoyo() -> None:
    code = (
        "import sys, onemedi_db.cli; "
        "print('\\n'.join(m for m in sys.modules if m.split('.')[0] in "
        "('onemedi_db', 'yoyo', 'pglast', 'sqlfluff')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    loaded = set(done.stdout.split())
    assert {"onemedi_db.cli", "onemedi_db.commands.engine"} <= loaded, loaded
    heavy = {m for m in loaded if m.split(".")[0] in ("yoyo", "pglast", "sqlfluff")}
    parts = {m for m in loaded if m.startswith("onemedi_db.")
             and _part(m) in {"authoring", "seed", "supabase", "reference"}}
    assert not heavy and not parts, sorted(heavy | parts)
    assert not loaded & {"onemedi_db.engine.runner", "onemedi_db.engine.registry"}, loaded
