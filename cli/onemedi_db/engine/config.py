"""Project files and targets: where the plan and scripts are, and which database to use.

`sqitch.conf` is read the way sqitch reads it (git-config syntax; keys resolved from
`target.<name>.<key>`, then `engine.pg.<key>`, then `core.<key>`). A checkout's own files win
over the copy bundled in the wheel; `status` says which one is used.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import OnemediError, PlanError

DEFAULT_DATABASE = "onemedi"
_SECTION_RE = re.compile(r'^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]$')


def read_git_config(path: Path) -> dict[str, str]:
    """Parse a git-config file into `section.sub.key -> value` (keys lower-cased)."""
    values: dict[str, str] = {}
    section = ""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        m = _SECTION_RE.match(line)
        if m:
            section = m[1].lower() + (f".{m[2]}" if m[2] is not None else "")
            continue
        key, eq, value = line.partition("=")
        if not section or not key.strip():
            raise PlanError(f"{path}:{lineno}: cannot parse {raw!r}")
        value = value.split(" #")[0].split(" ;")[0].strip() if eq else "true"
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        values[f"{section}.{key.strip().lower()}"] = value
    return values


@dataclass(frozen=True)
class Project:
    """The plan, scripts and settings one command works with."""

    root: Path
    config: dict[str, str]
    source: str  # "checkout" or "bundled"
    config_file: Path | None = None

    @property
    def plan_file(self) -> Path:
        # sqitch's default plan is top_dir/sqitch.plan.
        return self.root / self.get("plan_file", str(Path(self.get("top_dir", ".")) /
                                                      "sqitch.plan"))

    @property
    def top_dir(self) -> Path:
        return self.root / self.get("top_dir", ".")

    @property
    def registry(self) -> str:
        return self.get("registry", "sqitch")

    def get(self, key: str, default: str, target: str | None = None) -> str:
        for scope in ([f"target.{target}"] if target else []) + ["engine.pg", "core"]:
            value = self.config.get(f"{scope}.{key}")
            if value is not None:
                return value
        return default

    def target_names(self) -> list[str]:
        return sorted({k.split(".")[1] for k in self.config if k.startswith("target.")})


def bundled_root() -> Path:
    """The plan, scripts and tests the wheel carries (`onemedi_db/_bundle/`)."""
    return Path(__file__).parent.parent / "_bundle"


def find_project(start: Path | None = None) -> Project:
    """The sqitch project of this command; the bundled copy only when there is none at all.

    `$SQITCH_CONFIG` names the project's sqitch.conf (its paths relative to the current
    folder, as sqitch reads them); else the nearest `sqitch.conf` in `start` (default: cwd)
    or a folder above it is the project, its paths relative to that folder (sqitch run from
    there). Only when neither exists is the plan bundled in the package used. A project
    found inside the installed package is the bundled copy too (never written to).
    """
    here = (start or Path.cwd()).resolve()
    env = os.environ.get("SQITCH_CONFIG")
    if env:
        path = Path(env)
        if not path.is_file():
            raise OnemediError(f"SQITCH_CONFIG names {env}, which is not a file",
                               hint="point it at the project's sqitch.conf, or unset it")
        return _project(here, path.resolve())
    for folder in [here, *here.parents]:
        if (folder / "sqitch.conf").is_file():
            return _project(folder, folder / "sqitch.conf")
    bundle = bundled_root()
    if (bundle / "sqitch.conf").is_file():
        return Project(bundle, read_git_config(bundle / "sqitch.conf"), "bundled",
                       bundle / "sqitch.conf")
    raise OnemediError(
        "no sqitch.conf here or above, and no bundled plan",
        hint="run inside a sqitch project, or reinstall the onemedi-db package",
    )


def _project(root: Path, conf: Path) -> Project:
    package = Path(__file__).resolve().parent.parent
    inside = root == package or package in root.parents
    return Project(root, read_git_config(conf), "bundled" if inside else "checkout", conf)


@dataclass(frozen=True)
class Target:
    """A database to work on: a libpq conninfo plus where it came from, for messages."""

    conninfo: str
    dbname: str
    origin: str

    @property
    def creatable(self) -> bool:
        """Whether `deploy` may create this database when it is missing.

        Only the local default: the built-in `onemedi`, or the project's own sqitch.conf
        target when it names a local database (`db:pg:NAME`, no host). A URL given on the
        command line or in DATABASE_URL must exist: a typo there should fail, not create.
        """
        return self.origin == "default" or (
            self.origin == "sqitch.conf" and self.conninfo.startswith("dbname=")
        )

    def display(self) -> str:
        """The URL without its password, safe to print."""
        return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", self.conninfo)


def resolve_target(project: Project, option: str | None) -> Target:
    """--target, then DATABASE_URL, then sqitch.conf's engine target, then local `onemedi`."""
    if option:
        return _to_target(project, option, "--target")
    env = os.environ.get("DATABASE_URL")
    if env:
        return _to_target(project, env, "DATABASE_URL")
    configured = project.config.get("engine.pg.target") or project.config.get("core.target")
    if configured:
        return _to_target(project, configured, "sqitch.conf")
    return Target(f"dbname={DEFAULT_DATABASE}", DEFAULT_DATABASE, "default")


def _to_target(project: Project, value: str, origin: str) -> Target:
    if value.startswith(("postgresql://", "postgres://")):
        return Target(value, _dbname(value), origin)
    if value.startswith("db:pg:"):
        rest = value[len("db:pg:") :]
        if rest.startswith("//"):
            url = "postgresql:" + rest
            return Target(url, _dbname(url), origin)
        name = unquote(rest) or os.environ.get("PGDATABASE") or DEFAULT_DATABASE
        return Target(f"dbname={name}", name, origin)
    uri = project.config.get(f"target.{value}.uri")
    if uri:
        return _to_target(project, uri, f"target {value!r} in sqitch.conf")
    raise OnemediError(
        f"unknown target {value!r}",
        hint="pass a postgresql:// URL, a db:pg: URI, or one of: "
        + (", ".join(project.target_names()) or "(no targets in sqitch.conf)"),
    )


def _dbname(url: str) -> str:
    path = urlsplit(url).path.lstrip("/")
    return unquote(path) or os.environ.get("PGDATABASE") or os.environ.get("USER", "postgres")
