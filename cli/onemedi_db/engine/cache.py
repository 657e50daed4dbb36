"""Content-addressed caches under `$XDG_CACHE_HOME/onemedi-db/`.

Each cache is one JSON object whose keys are SHA-1 digests of file contents, in a file whose
name carries everything else its entries depend on (tool versions, configuration). Losing or
failing to write a cache only costs time, so every error here is swallowed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

MAX_ENTRIES = 5000  # beyond this, a save keeps only the entries the caller still uses


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "onemedi-db"


def load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(path: Path, entries: dict[str, Any], live: set[str]) -> None:
    """Write atomically (a reader never sees half a file); prune to `live` when it grew large."""
    kept = entries
    if len(entries) > MAX_ENTRIES:
        kept = {k: v for k, v in entries.items() if k in live}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(kept), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
