"""A change run through psql (`psql.py` scans the script): its one transaction, sqitch's
options and variables, and psql's error at the script's own line.

The transaction psql reads on stdin: `BEGIN` and sqitch's registry lock; the script with its
own `BEGIN`/`COMMIT` blanked (so its line numbers stay); with `--verify`, the verify script in
a savepoint rolled back; the change's registry rows; `COMMIT`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg

from ..errors import ScriptFailed, VerifyFailed
from . import psql
from .plan import Change
from .scripts import Script

if TYPE_CHECKING:
    from .runner import Engine


def run(
    engine: Engine, change: Change, script: Script, record: str, verify: Script | None
) -> None:
    """Run a change through psql, with its registry rows in the same transaction."""
    kind = script.path.parent.name
    variables = {"registry": engine.project.registry,
                 **engine.project.variables(kind, engine.target_name), **engine.variables}
    client = engine.project.get("client", "psql", engine.target_name)
    dsn, password = _dsn(engine.conn)
    if not script.transactional:
        failure, output = psql.run(client, dsn, password, variables, script.text)
        if failure is not None:
            raise _failure(change, script, failure, 1)
        _show(engine, output)
        with engine.conn.transaction():
            engine.registry.lock_changes()
            engine.conn.execute(record)
        return
    # One line before the script (its line numbers are counted from here): the transaction,
    # the change's lock and statement timeouts, the registry's lock.
    settings = engine.safety.settings_sql(local=True).replace("\n", " ")
    parts = [f"BEGIN; {settings}; {engine.registry.lock_changes_sql()};\n"]
    parts.append(_text(script, "end") + "\n;\n")
    verify_from = "".join(parts).count("\n") + 2
    if verify is not None:
        parts.append("SAVEPOINT onemedi_verify;\n" + _text(verify, "rollback")
                     + "\n;\nROLLBACK TO SAVEPOINT onemedi_verify;\n")
    registry_from = "".join(parts).count("\n") + 1
    parts.append(f"{record};\nCOMMIT;\n")
    failure, output = psql.run(client, dsn, password, variables, "".join(parts))
    if failure is None:
        _show(engine, output)
        return
    line = failure.line or 0
    if verify is not None and verify_from <= line < registry_from:
        raise _failure(change, verify, failure, verify_from)
    if line >= registry_from:
        raise ScriptFailed(f"{change.name}: recording it in the registry failed: "
                           f"{failure.message}", hint="the change was rolled back")
    raise _failure(change, script, failure, 2)


def verify(engine: Engine, change: Change, script: Script) -> None:
    """A verify script in psql's language, through psql, in a transaction rolled back."""
    variables = {"registry": engine.project.registry,
                 **engine.project.variables("verify", engine.target_name), **engine.variables}
    dsn, password = _dsn(engine.conn)
    text = f"BEGIN;\n{script.psql_body}\n;\nROLLBACK;\n"
    failure, _ = psql.run(engine.project.get("client", "psql", engine.target_name), dsn,
                          password, variables, text)
    if failure is not None:
        raise _failure(change, script, failure, 2)
    # What a verify script prints is not shown, as sqitch captures it.


def _show(engine: Engine, output: str) -> None:
    for line in output.splitlines():
        if line.strip():
            engine.report(f"    psql: {line}")


def _text(script: Script, closer: str) -> str:
    """A script's text for psql's transaction: its own BEGIN and COMMIT (ROLLBACK) blanked."""
    return script.psql_body if script.psql else psql.unwrapped(script.path, script.text, closer)


def _dsn(conn: psycopg.Connection[Any]) -> tuple[str, str | None]:
    """This connection's parameters for psql (without libpq options psql's may not know)."""
    params = psycopg.conninfo.conninfo_to_dict(conn.info.dsn)
    params.pop("sslcertmode", None)
    return psycopg.conninfo.make_conninfo("", **params), conn.info.password or None


def _failure(
    change: Change, script: Script, failure: psql.Failure, first_line: int
) -> ScriptFailed | VerifyFailed:
    """The error psql reported, at the script's own line (`first_line`: where it began)."""
    kind = script.path.parent.name
    where = script.path.name
    if failure.line is not None:
        where += f":{failure.line - first_line + 1}"
    message = f"{change.name}: {kind} {where}: {failure.message} (run by psql)"
    if kind == "verify":
        return VerifyFailed(message, hint="the change was not deployed; fix the change or its "
                            "verify script and deploy again")
    return ScriptFailed(message, hint="the change was rolled back; fix the script and deploy "
                        "again")
