"""Run part of `make site` in a forked child process, on the machine's other core.

A forked child starts with everything the parent already has: the imports and the project read
once (every page's front matter, about a second on 1,000 page pairs), so a language's engine or
the flyers do not read them again. What the child prints is kept in a file and handed back with
its result; the parent shows it. Linux and macOS have fork; `make site` runs there.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

OUTPUT = "output.txt"
RESULT = "result.pickle"


@dataclass
class Finished:
    ok: bool       # the child's work returned (exit status 0)
    output: str    # what it printed, stdout and stderr together (a crash: its last line says why)
    result: Any    # what its work returned (None when it failed)


@dataclass
class Child:
    pid: int
    folder: Path   # its output and result

    def wait(self) -> Finished:
        _, status = os.waitpid(self.pid, 0)
        ok = os.waitstatus_to_exitcode(status) == 0
        output = (self.folder / OUTPUT).read_text(encoding="utf-8", errors="replace")
        result_file = self.folder / RESULT
        result = pickle.loads(result_file.read_bytes()) if ok and result_file.exists() else None
        return Finished(ok, output, result)

    def stop(self) -> None:
        """End the child (the build stopped before needing its work) and collect it."""
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def start(work: Callable[[], tuple[int, Any]], folder: Path) -> Child:
    """Fork; the child runs `work` (it returns an exit status and a picklable result) with its
    output going to `folder`/output.txt, and exits without running the parent's clean-up."""
    folder.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # What the parent has read (the project, the imports) lives as long as the child: kept out
    # of the garbage collector's sight, so no child walks it again.
    gc.freeze()
    pid = os.fork()
    if pid:
        return Child(pid, folder)
    # A child lives for one job (a language's pages, the flyers) and then exits: collecting its
    # cyclic garbage as it goes cost about a tenth of its CPU time, for some 70 MB of memory
    # saved on 1,000 page pairs (docs/bench.md). The exit frees everything at once.
    gc.disable()
    status = 1
    try:
        out = os.open(folder / OUTPUT, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(out, 1)
        os.dup2(out, 2)
        # Whatever sys.stdout was in the parent (a terminal, a pipe, a test's capture), the child's
        # print() and logging now go to the file, in the encoding the parent reads it with.
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)
        status, result = work()
        (folder / RESULT).write_bytes(pickle.dumps(result))
    except BaseException as exc:  # one line, which the parent reports (no traceback for a maintainer)
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
