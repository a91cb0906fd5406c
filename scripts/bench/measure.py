"""Time and peak memory of one child process (os.wait4 gives that child's own resource usage)."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    what: str
    seconds: float
    peak_mb: float       # peak resident memory of the child and the processes it waited for
    cpu_seconds: float   # user + system CPU of the child and the processes it waited for
    ok: bool
    output: str
    tries: tuple[float, ...] = ()  # the seconds of every run it was chosen from (best)

    def failure(self) -> str:
        tail = self.output.strip().splitlines()[-5:]
        return f"{self.what} failed: " + " | ".join(tail)


def run(what: str, args: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run a command to the end; its output is kept for the report when it fails."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))  # compiled scripts kept, as `make` keeps them
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert child.stdout is not None
    output = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen so it does not wait again
    return Run(what, seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, child.returncode == 0, output)


def best(runs: list[Run]) -> Run:
    """The fastest of runs of the same command that succeeded (else the first failure), with
    every run's seconds: on a shared machine, other work only ever adds time."""
    good = [run for run in runs if run.ok]
    chosen = min(good, key=lambda run: run.seconds) if good else runs[0]
    return dataclasses.replace(chosen, tries=tuple(run.seconds for run in runs))


def python(what: str, args: list[str], cwd: Path, env: dict | None = None) -> Run:
    return run(what, [sys.executable, *args], cwd, env)


def engine(what: str, project: Path, site: Path) -> Run:
    """The site engine alone on a project folder, started as make site and make serve start it
    (scripts/website/engine.py: static-i18n then accepts three-letter languages such as mix), never plain
    mkdocs; all languages in one process, strict, and without -q, which would hide the warning
    that --strict turns into the failure."""
    return python(what, ["-m", "scripts.website.engine", "build", "--strict", "--site-dir", str(site)], project)
