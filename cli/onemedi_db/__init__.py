"""onemedi-db: the ONE MEDI schema and its sqitch-compatible migration engine.

Its parts, each a subpackage whose docstring says what it is for and what it must not
import: `engine` (config, plan, scripts, registry, the runner, doctor), `authoring`
(add/tag/rework and their templates, lint, check, test), `seed`, `supabase` (the stand-in
and export) and `reference` (the schema reference). `errors` is the one exception
hierarchy; `cli` (the app) and `commands` (each area's commands) are the Typer layer
over the parts; `launch` is the console-script entry.
"""

__version__ = "1.0.0"
