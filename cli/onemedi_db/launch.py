"""The console-script entry point, tuned for a short-lived process.

Importing the CLI and what it needs (typer, psycopg, yoyo) allocates a few hundred
thousand objects, all of which live until the process exits. Letting the cyclic garbage
collector run over them during start-up, and once more at interpreter shutdown, is pure
cost: about a third of `onemedi-db`'s own CPU time on a short command. So the collector
is off while importing, and what was imported is frozen out of later collections.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    try:
        from .cli import run
    finally:
        gc.freeze()
        gc.enable()
    run()
