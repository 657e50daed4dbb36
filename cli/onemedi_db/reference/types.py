"""TypeScript types of the Data API (`types/database.ts`), generated from a live database.

The generator is `@supabase/postgres-meta`, the program `supabase gen types typescript`
runs in its Docker container, here run with Node from the folder that pins it (`types/`,
its package.json and lock; `make deps` installs it). It is started the way the Supabase CLI
starts it: `node dist/server/server.js` with `PG_META_GENERATE_TYPES=typescript`, the
included schemas, one-to-one relationship detection on, and the database URL; it prints the
file on stdout. The tool folder is passed in: this module reads no project file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import psycopg

from ..errors import DriftFound, OnemediError, TargetUnreachable

GENERATOR = Path("node_modules") / "@supabase" / "postgres-meta" / "dist" / "server" / "server.js"
MIN_NODE = 20


def node_url(conn: psycopg.Connection[Any]) -> str:
    """A URL node-postgres reaches the database of `conn` with."""
    info = conn.info
    return url_for(info.user, info.password, info.host, info.port, info.dbname,
                   info.get_parameters().get("sslmode"))


def url_for(user: str, password: str | None, host: str, port: int, dbname: str,
            sslmode: str | None = None) -> str:
    """postgresql://user:password@host:port/dbname. A Unix socket folder goes in the `host`
    parameter: postgres-meta parses the URL with `new URL()`, which needs a host name."""
    auth = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    query: dict[str, str] = {}
    if host.startswith("/"):
        query["host"] = host
        host = "localhost"
    if sslmode:
        query["sslmode"] = sslmode
    url = f"postgresql://{auth}@{host}:{port}/{quote(dbname, safe='')}"
    return url + (f"?{urlencode(query)}" if query else "")


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise OnemediError("Node.js is not installed: the type generator runs on Node",
                           hint=f"install Node.js {MIN_NODE} or later (`make deps` says how)")
    done = subprocess.run([node, "-p", "process.versions.node"], capture_output=True,
                          text=True, check=False)
    major = int(done.stdout.split(".")[0]) if done.returncode == 0 and done.stdout else 0
    if major < MIN_NODE:
        raise OnemediError(f"Node.js {done.stdout.strip() or '?'} is too old for "
                           "@supabase/postgres-meta", hint=f"install Node.js {MIN_NODE} or later")
    return node


def generate(conn: psycopg.Connection[Any], tool_dir: Path,
             schemas: tuple[str, ...] = ("public",)) -> str:
    """The text of database.ts for `schemas` of the database `conn` is connected to."""
    tool_dir = tool_dir.resolve()
    server = tool_dir / GENERATOR
    if not server.is_file():
        raise OnemediError(f"the type generator is not installed in {tool_dir}",
                           hint=f"run `make deps` (npm ci --prefix {tool_dir})")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG_META_")}
    env.update({
        "PG_META_DB_URL": node_url(conn),
        "PG_META_GENERATE_TYPES": "typescript",
        "PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS": ",".join(schemas),
        "PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS": "true",
    })
    done = subprocess.run([_node(), str(server)], cwd=tool_dir, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        lines = [ln for ln in done.stderr.splitlines() if ln.startswith("Error:")]
        reason = lines[0].removeprefix("Error:").strip() if lines else done.stderr.strip()[-300:]
        raise TargetUnreachable(f"postgres-meta could not generate the types: {reason}")
    return done.stdout


def write(text: str, path: Path) -> bool:
    """Write the file; True when it changed."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def check(text: str, path: Path) -> None:
    """Raise DriftFound when the committed file is not what the database generates now."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        raise DriftFound(f"{path} differs from the database's types",
                         hint="run `make types` and commit the result")
