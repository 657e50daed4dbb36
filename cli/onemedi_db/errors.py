"""One exception hierarchy; the CLI turns each into one line on stderr and an exit code.

The exit codes are the public contract documented in the README's "Exit codes" table.
"""

from __future__ import annotations


class OnemediError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 1
    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class MissingExtra(OnemediError):
    """An optional part of onemedi-db is not installed (sqlfluff, the `lint` extra)."""

    exit_code = 1


class UsageError(OnemediError):
    """A command-line option has a value the command does not accept (`--mode bogus`)."""

    exit_code = 2


class TargetUnreachable(OnemediError):
    """The database cannot be reached or does not exist."""

    exit_code = 3


class PlanError(OnemediError):
    """The plan does not parse, or names something it does not contain."""

    exit_code = 4


class ScriptFailed(OnemediError):
    """A deploy or revert script failed; the database is as it was before that change."""

    exit_code = 5


class DdlLockTimeout(ScriptFailed):
    """A change could not take a table lock within its lock_timeout, every retry included.

    Nothing of that change was applied (its transaction rolled back); with `--mode all` the
    rest of the run was reverted as for any failing change.
    """

    exit_code = 13
    retryable = True


class LockTimeout(OnemediError):
    """Another deploy or revert held the lock for longer than --lock-timeout."""

    exit_code = 6


class RegistryError(OnemediError):
    """The registry is from a newer version or disagrees with the plan."""

    exit_code = 7


class VerifyFailed(OnemediError):
    """One or more verify scripts failed."""

    exit_code = 8


class DriftFound(OnemediError):
    """`check` found deployed changes that no longer match the plan or scripts."""

    exit_code = 9


class LintFailed(OnemediError):
    """`lint` found problems in the SQL or the layout."""

    exit_code = 10


class Aborted(OnemediError):
    """The user declined a confirmation prompt; nothing was changed."""

    exit_code = 11


class TestsFailed(OnemediError):
    """`test` found failing pgTAP assertions, a plan mismatch or an erroring test file."""

    __test__ = False  # not a pytest test class, whatever its name
    exit_code = 12


class Interrupted(OnemediError):
    """Ctrl-C: what was in flight was rolled back (the message says what else was undone)."""

    exit_code = 130
