"""scripts/parallel.py: make site's tasks (flyers and search index, one engine per language),
side by side in forked processes or one after the other, with the same interface."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

import pytest

from scripts import parallel

from conftest import ROOT


def work(n: int) -> dict:
    return {"double": 2 * n, "pid": os.getpid()}


def fails() -> None:
    raise ValueError("the flyer template is missing\nsecond line")


@pytest.mark.parametrize("kind", [parallel.ParallelTasks, parallel.SerialTasks])
def test_a_task_hands_back_its_result(kind):
    tasks = kind()
    first, second = tasks.add("one", work, 1), tasks.add("two", work, 2)
    assert tasks.result(second)["double"] == 4 and tasks.result(first)["double"] == 2
    forked = kind is parallel.ParallelTasks
    assert (tasks.result(first)["pid"] != os.getpid()) == forked


@pytest.mark.parametrize("kind", [parallel.ParallelTasks, parallel.SerialTasks])
def test_a_failing_task_says_why_in_one_line(kind, capfd):
    tasks = kind()
    task = tasks.add("the flyers", fails)
    with pytest.raises(parallel.TaskFailed) as failed:
        tasks.result(task)
    assert str(failed.value) == "the flyers: ValueError: the flyer template is missing"
    assert "Traceback" not in capfd.readouterr().err


def test_a_task_that_dies_is_a_failure_not_a_hang():
    tasks = parallel.ParallelTasks()
    task = tasks.add("the engine", os._exit, 3)
    with pytest.raises(parallel.TaskFailed, match="exit status 3"):
        tasks.result(task)


def test_a_task_no_longer_needed_is_stopped():
    tasks = parallel.ParallelTasks()
    task = tasks.add("slow", time.sleep, 60)
    started = time.monotonic()
    tasks.stop()
    assert time.monotonic() - started < 10 and not task.process.is_alive()


def test_one_core_or_no_fork_means_one_after_the_other(monkeypatch):
    assert isinstance(parallel.tasks(serial=True), parallel.SerialTasks)
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert isinstance(parallel.tasks(), parallel.SerialTasks)


def test_one_after_the_other_runs_a_task_when_its_result_is_asked_for():
    """make site SERIAL=1 adds the engines before the checks run (scripts/build.py); they must run
    after the checks, when `finish` asks for them, and never when a failed check stops the build."""
    ran: list[str] = []
    tasks = parallel.SerialTasks()
    engine = tasks.add("the engine", ran.append, "engine")
    tasks.add("not needed", ran.append, "not needed")
    ran.append("checks")
    tasks.result(engine)
    tasks.result(engine)
    tasks.stop()
    assert ran == ["checks", "engine"]


def _down(depth: int) -> int:
    return 0 if depth == 0 else _down(depth - 1)


def up_and_down(times: int, depth: int) -> int:
    """WeasyPrint's pattern: a deep recursion, over and over. The page faults it cost this process."""
    _down(depth)  # the pages of the first descent are the process's once
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(times):
        _down(depth)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.parametrize("kind", [parallel.ParallelTasks, parallel.SerialTasks])
def test_a_deep_recursion_in_a_task_maps_its_frames_once(kind):
    """Python's frames live in 16 KB chunks, each returned to the system when its last frame
    returns: a recursion that goes 300 frames down 2,000 times would map and fault a chunk each
    time (parallel.ROOM). Run as a task it stays on the task's own chunk: no fault again."""
    tasks = kind()
    assert tasks.result(tasks.add("deep", up_and_down, 2_000, 300)) < 100


PRINTING = """
import sys
from pathlib import Path
from scripts import build, parallel
from scripts.core import project
parallel.cores = lambda: 2  # side by side, as on the project's machines, whatever this one has
loaded = lambda *args: "weasyprint" in sys.modules
build.side_steps = build.engine.build = loaded
with build.Build(project.load(Path(".")), Path("."), Path(sys.argv[1]) / "site") as run:
    booklet = run.tasks.add("a booklet", loaded)
    print([run.tasks.result(task) for task in (*run.engines.values(), run.side, booklet)])
"""


def test_the_tasks_that_print_begin_with_weasyprint_loaded(tmp_path):
    # make site imports WeasyPrint once, before it forks the tasks that print (the flyers and the
    # search index, then each booklet), instead of each of them importing it (a quarter second of
    # CPU each); the engines, forked first, never print. In a process of its own: this one may
    # have imported WeasyPrint already.
    ran = subprocess.run([sys.executable, "-c", PRINTING, str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip() == "[False, False, True, True]"
