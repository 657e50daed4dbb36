"""How a deploy or revert behaves on a live database: timeouts, retries, the lock's holder.

Every change runs with PostgreSQL's `lock_timeout` (so DDL waiting behind an open transaction
gives up instead of queueing every later reader and writer behind itself) and, if set,
`statement_timeout`; a change that timed out waiting for a lock is retried a bounded number
of times with a doubling pause. The values come from `--ddl-lock-timeout`,
`--statement-timeout` and `--lock-retries`, else `[deploy] lock_timeout`, `statement_timeout`
and `lock_retries` in sqitch.conf, else the defaults below. sqitch 1.3.1 reads none of these
keys (its own `--lock-timeout` is the advisory lock's wait, which we keep under that name).

`lock_holder` is the one query that names the session holding sqitch's advisory lock in
the current database: `deploy`/`revert` (when they give up waiting) and `doctor` use it, and
the README's recovery advice prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..errors import PlanError

ADVISORY_LOCK_KEY = 75474063  # sqitch's pg_try_advisory_lock key
DEFAULT_LOCK_TIMEOUT = 5.0
DEFAULT_STATEMENT_TIMEOUT = 0.0  # off
DEFAULT_LOCK_RETRIES = 3
FIRST_PAUSE = 1.0  # seconds before the first retry; doubled each time

# A bigint advisory key is stored as classid = high 32 bits, objid = low 32 bits, objsubid 1;
# advisory locks are per database, so the holder is looked up in the current one only.
LOCK_HOLDER_SQL = (
    "SELECT a.pid, a.application_name, a.usename, a.state, a.backend_start"
    " FROM pg_catalog.pg_locks AS l"
    " JOIN pg_catalog.pg_stat_activity AS a ON a.pid = l.pid"
    " WHERE l.locktype = 'advisory' AND l.granted"
    " AND l.database = (SELECT oid FROM pg_catalog.pg_database"
    " WHERE datname = pg_catalog.current_database())"
    f" AND l.classid = {ADVISORY_LOCK_KEY >> 32} AND l.objid = {ADVISORY_LOCK_KEY & 0xFFFFFFFF}"
    " AND l.objsubid = 1"
)

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h)?\s*$", re.IGNORECASE)
_UNIT = {None: 1.0, "ms": 0.001, "s": 1.0, "sec": 1.0, "min": 60.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class Holder:
    pid: int
    application: str
    user: str
    state: str
    since: datetime

    def describe(self) -> str:
        return (f"pid {self.pid} ({self.application or 'no application name'}, user "
                f"{self.user}, {self.state or 'state unknown'}, since "
                f"{self.since:%Y-%m-%d %H:%M:%S %z})")


def lock_holder(conn: Any) -> Holder | None:
    """The session of this database holding sqitch's advisory lock, if any."""
    row = conn.execute(LOCK_HOLDER_SQL).fetchone()
    if row is None:
        return None
    return Holder(int(row[0]), row[1] or "", row[2] or "", row[3] or "", row[4])


def parse_duration(value: str, where: str) -> float:
    """Seconds from `5`, `5s`, `500ms`, `2min`, `1h` (a bare number is seconds); 0 is off."""
    m = _DURATION.match(value)
    if not m:
        raise PlanError(f"{where}: {value!r} is not a duration",
                        hint="write seconds (5), or 500ms, 5s, 2min")
    return float(m[1]) * _UNIT[m[2].lower() if m[2] else None]


@dataclass(frozen=True)
class Safety:
    """The timeouts and retries of one run."""

    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT
    lock_retries: int = DEFAULT_LOCK_RETRIES
    first_pause: float = FIRST_PAUSE
    # Reverts only: Supabase's storage schema refuses DELETE on storage.buckets and objects
    # unless the session says it deletes on purpose (what the Storage API sets).
    storage_deletes: bool = False

    def settings_sql(self, local: bool) -> str:
        """`SET [LOCAL] lock_timeout = ...; SET [LOCAL] statement_timeout = ...` (and, for a
        revert, `storage.allow_delete_query`)."""
        scope = "SET LOCAL" if local else "SET"
        storage = (f";\n{scope} storage.allow_delete_query = 'true'" if self.storage_deletes
                   else "")
        return (f"{scope} lock_timeout = {_ms(self.lock_timeout)};\n"
                f"{scope} statement_timeout = {_ms(self.statement_timeout)}{storage}")

    def pause(self, attempt: int) -> float:
        """The pause before retry number `attempt` (1-based)."""
        return float(self.first_pause * 2 ** (attempt - 1))

    def describe(self) -> str:
        lock = f"{self.lock_timeout:g} s" if self.lock_timeout else "off"
        statement = f"{self.statement_timeout:g} s" if self.statement_timeout else "off"
        return f"lock_timeout {lock}, statement_timeout {statement}, {self.lock_retries} retries"


def _ms(seconds: float) -> int:
    return max(0, round(seconds * 1000))


def safety_from(config: dict[str, str], lock_timeout: float | None = None,
                statement_timeout: float | None = None,
                lock_retries: int | None = None) -> Safety:
    """Options first, then sqitch.conf's `[deploy]` keys, then the defaults."""
    def pick(option: float | None, key: str, default: float) -> float:
        if option is not None:
            value = option
        elif f"deploy.{key}" in config:
            value = parse_duration(config[f"deploy.{key}"], f"sqitch.conf deploy.{key}")
        else:
            value = default
        if value < 0:
            raise PlanError(f"{key} must not be negative (got {value:g})")
        return value

    retries = lock_retries
    if retries is None:
        text = config.get("deploy.lock_retries")
        if text is not None and not text.strip().isdigit():
            raise PlanError(f"sqitch.conf deploy.lock_retries: {text!r} is not a whole number")
        retries = int(text) if text is not None else DEFAULT_LOCK_RETRIES
    if retries < 0:
        raise PlanError(f"lock_retries must not be negative (got {retries})")
    return Safety(pick(lock_timeout, "lock_timeout", DEFAULT_LOCK_TIMEOUT),
                  pick(statement_timeout, "statement_timeout", DEFAULT_STATEMENT_TIMEOUT),
                  retries)
