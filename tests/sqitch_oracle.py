"""Ask the real sqitch 1.3.1 about many projects in one Perl process.

`sqitch` costs about half a second of start-up per run; a table of plans would spend most of
its time there. `run_sqitch` loads App::Sqitch once and runs the same command entry point the
`sqitch` script runs (`App::Sqitch->go` with the command line in @ARGV), once per project
folder, capturing what it prints and its exit code. `test_oracle_matches_the_sqitch_script`
checks that this gives what the `sqitch` executable gives.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_DRIVER = r"""
use strict;
use warnings;
use App::Sqitch;
use JSON::PP;

my $jobs = decode_json(do { local $/; <STDIN> });
my @results;
for my $job (@$jobs) {
    # Real files, as the pager duplicates STDOUT's file descriptor.
    open my $saved_out, '>&', \*STDOUT or die;
    open my $saved_err, '>&', \*STDERR or die;
    open STDOUT, '>:encoding(UTF-8)', $job->{out} or die;
    open STDERR, '>:encoding(UTF-8)', $job->{err} or die;
    local @ARGV = @{ $job->{argv} };
    my $rc = eval { App::Sqitch->go };
    print STDERR $@ unless defined $rc;
    $rc = 255 unless defined $rc;
    close STDOUT;
    close STDERR;
    open STDOUT, '>&', $saved_out or die;
    open STDERR, '>&', $saved_err or die;
    push @results, $rc;
}
print encode_json(\@results);
"""


@dataclass(frozen=True)
class Result:
    rc: int
    out: str
    err: str


def isolated_env(**extra: str) -> dict[str, str]:
    """No user or system sqitch configuration, a fixed committer."""
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    for key in ("SQITCH_CONFIG", "SQITCH_TARGET"):
        env.pop(key, None)
    env.update(SQITCH_USER_CONFIG="/nonexistent/user.conf",
               SQITCH_SYSTEM_CONFIG="/nonexistent/system.conf",
               SQITCH_FULLNAME="Oracle", SQITCH_EMAIL="oracle@example.com")
    env.update(extra)
    return env


def run_sqitch(commands: Sequence[tuple[Path, Sequence[str]]],
               env: dict[str, str] | None = None) -> list[Result]:
    """Run `sqitch --chdir DIR ARGS...` for each (DIR, ARGS) in one process."""
    with tempfile.TemporaryDirectory(prefix="sqitch-oracle-") as tmp:
        jobs = [{"argv": ["--chdir", str(folder.resolve()), *args],
                 "out": f"{tmp}/{i}.out", "err": f"{tmp}/{i}.err"}
                for i, (folder, args) in enumerate(commands)]
        proc = subprocess.run(["perl", "-CAS", "-e", _DRIVER], input=json.dumps(jobs),
                              capture_output=True, text=True, env=env or isolated_env(),
                              timeout=600, check=False)
        assert proc.returncode == 0, proc.stderr
        codes = json.loads(proc.stdout)
        return [Result(int(rc), Path(job["out"]).read_bytes().decode("utf-8"),
                       Path(job["err"]).read_bytes().decode("utf-8"))
                for rc, job in zip(codes, jobs, strict=True)]
