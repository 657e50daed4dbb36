"""Project files and targets: where the plan and scripts are, and which database to use.

`sqitch.conf` is read the way sqitch reads it (its git-config dialect, `gitconfig`; the
system, user and project files in that order; keys resolved from `target.<name>.<key>`,
then `engine.pg.<key>`, then `core.<key>`). A checkout's own files win over the copy bundled
in the wheel; `status` says which one is used.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import OnemediError
from .gitconfig import Config

DEFAULT_DATABASE = "onemedi"
SYSTEM_CONFIG = Path("/etc/sqitch/sqitch.conf")


def read_git_config(local: Path) -> Config:
    """The configuration sqitch reads for the project whose own file is `local`.

    As sqitch: the system file ($SQITCH_SYSTEM_CONFIG, else /etc/sqitch/sqitch.conf), then the
    user's ($SQITCH_USER_CONFIG, else ~/.sqitch/sqitch.conf), then the project's
    ($SQITCH_CONFIG when set, else `local`); a later file's keys override an earlier one's,
    and `[include] path = FILE` pulls a file in where it stands. See `gitconfig`.
    """
    config = Config()
    config.load(os.environ.get("SQITCH_SYSTEM_CONFIG") or SYSTEM_CONFIG)
    config.load(os.environ.get("SQITCH_USER_CONFIG")
                or Path(os.path.expanduser("~")) / ".sqitch" / "sqitch.conf")
    config.load(os.environ.get("SQITCH_CONFIG") or local)
    return config


@dataclass(frozen=True)
class Project:
    """The plan, scripts and settings one command works with."""

    root: Path
    config: Config
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
        """`target.<target>.<key>`, `engine.pg.<key>`, `core.<key>`: the first one set."""
        for scope in ([f"target.{target}"] if target else []) + ["engine.pg", "core"]:
            value = self.config.get(f"{scope}.{key}")
            if value:  # sqitch skips empty values too
                return value
        return default

    def target_names(self) -> list[str]:
        return sorted({k.split(".")[1] for k in self.config
                       if k.startswith("target.") and k.count(".") >= 2})

    def variables(self, command: str, target: str | None = None) -> dict[str, str]:
        """The psql variables of a deploy or revert, as sqitch collects them (--set on top)."""
        sections = ["core.variables", "deploy.variables"]
        sections += ["revert.variables"] if command == "revert" else []
        sections += ["engine.pg.variables"] + ([f"target.{target}.variables"] if target else [])
        found: dict[str, str] = {}
        for section in sections:
            found.update(self.config.section(section))
        return found

    def option(self, command: str, key: str) -> str | None:
        """`<command>.<key>`, then `deploy.<key>` (sqitch's order for verify and mode)."""
        for scope in dict.fromkeys((command, "deploy")):
            value = self.config.get(f"{scope}.{key}")
            if value is not None:
                return value
        return None

    def flag(self, command: str, key: str) -> bool | None:
        for scope in dict.fromkeys((command, "deploy")):
            value = self.config.get_bool(f"{scope}.{key}")
            if value is not None:
                return value
        return None


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
    name: str | None = None  # the sqitch.conf target name it was given by, if any

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
    """--target, $SQITCH_TARGET, $DATABASE_URL, sqitch.conf's core.target, then its
    engine.pg.target, then the local `onemedi` database."""
    if option:
        return _to_target(project, option, "--target")
    for variable in ("SQITCH_TARGET", "DATABASE_URL"):
        env = os.environ.get(variable)
        if env:
            return _to_target(project, env, variable)
    for key in ("core.target", "engine.pg.target"):
        configured = project.config.get(key)
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
    if uri and ":" not in value:
        _refuse_per_target_plan(project, value)
        found = _to_target(project, uri, f"target {value!r} in sqitch.conf")
        return Target(found.conninfo, found.dbname, found.origin, value)
    if project.config.section(f"target.{value}"):
        raise OnemediError(f"target {value!r} has no uri in {_files(project)}",
                           hint=f"set target.{value}.uri, e.g. `db:pg://host/dbname`")
    raise OnemediError(
        f"unknown target {value!r} (read {_files(project)})",
        hint="pass a postgresql:// URL, a db:pg: URI, or one of: "
        + (", ".join(project.target_names()) or "(no targets in sqitch.conf)"),
    )


# sqitch lets a target name its own plan, top directory and registry; onemedi-db reads the
# plan before it knows the target, so it refuses such a target rather than ignore the keys.
_PER_TARGET = ("plan_file", "top_dir", "registry", "deploy_dir", "revert_dir", "verify_dir")


def _refuse_per_target_plan(project: Project, name: str) -> None:
    own = [k for k in _PER_TARGET if project.config.get(f"target.{name}.{k}") is not None]
    if own:
        raise OnemediError(
            f"target {name!r} sets {', '.join(own)} of its own in {_files(project)}; onemedi-db "
            "uses the project's plan, scripts and registry for every target",
            hint=f"move {', '.join(own)} to [core] (or [engine \"pg\"]), or run sqitch for "
            "that target")


def _files(project: Project) -> str:
    return ", ".join(str(f) for f in project.config.files) or "no configuration file"


def _dbname(url: str) -> str:
    path = urlsplit(url).path.lstrip("/")
    return unquote(path) or os.environ.get("PGDATABASE") or os.environ.get("USER", "postgres")
