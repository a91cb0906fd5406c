"""Independent parts of `make site` side by side, through the standard library.

As Sphinx's ParallelTasks (sphinx/util/parallel.py) does: each task runs in a process that
multiprocessing's fork context starts, so it begins with everything the parent has read (the
project, every page's front matter, the imports) and nothing is read twice; its result comes
back through a pipe. SerialTasks has the same interface and runs each task in this process, one
after the other: the same code, for a machine with one core or without fork (Windows), and for
`make site SERIAL=1` when something must be followed step by step.

A task that raises is one line (`TaskFailed`): the command's last guard reports it, never a
traceback.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from typing import Any, Callable


class TaskFailed(Exception):
    """A task stopped: the exception's type and message, one line."""


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def _with_room(work: Callable[..., Any], args: tuple) -> Any:
    """work(*args), its Python frames on one stack chunk of their own (see ROOM)."""
    return work(*args)


# CPython (3.11, the Python here) keeps Python's frames on a stack made of 16 KB chunks, and gives a chunk
# back to the system (munmap) as soon as the frames on it have returned: a call that crosses a
# chunk's end maps a fresh one, every time (Python/pystate.c, push_chunk, _PyThreadState_PopFrame).
# WeasyPrint's layout goes up and down a hundred frames deep, millions of times: in make site a
# booklet mapped and unmapped a chunk 113,000 times, and paid 2.3 s of kernel time for it (its
# user time is 4.5 s); all the flyers 1.6 s (strace -c, getrusage in each task). A frame that asks
# for a large stack is given a chunk big enough for it and as much again: a task called through
# _with_room, whose stack of ROOM slots (8 bytes each) it never uses, runs on a 256 KB chunk of its
# own, with room for about 700 more frames, and maps it once. CodeType.replace is a public interface;
# on a Python without frame chunks the frame is only larger than it needs to be.
ROOM = 1 << 14
_with_room.__code__ = _with_room.__code__.replace(co_stacksize=ROOM)


def _run(send, work: Callable[..., Any], args: tuple) -> None:
    """In the forked process: the work, its result or its one-line failure sent back."""
    try:
        outcome = (True, _with_room(work, args))
    except BaseException as exc:  # noqa: B036 - a child reports everything, KeyboardInterrupt included
        outcome = (False, _one_line(exc))
    send.send(outcome)
    send.close()


@dataclass
class Task:
    name: str
    process: Any = None            # the forked process (ParallelTasks), or (work, args) not yet run (SerialTasks)
    receive: Any = None            # its end of the pipe
    outcome: tuple[bool, Any] | None = None  # (ok, result or failure), once known


@dataclass
class ParallelTasks:
    """Each task in its own forked process, started at once; `result` waits for one."""
    tasks: list[Task] = field(default_factory=list)

    def add(self, name: str, work: Callable[..., Any], *args: Any) -> Task:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(send, work, args), name=name, daemon=True)
        process.start()
        send.close()  # the child holds its end: the parent sees the pipe close if the child dies
        task = Task(name, process, receive)
        self.tasks.append(task)
        return task

    def result(self, task: Task) -> Any:
        if task.outcome is None:
            try:
                task.outcome = task.receive.recv()
            except EOFError:  # the process ended without a word: killed, or out of memory
                task.process.join()
                task.outcome = (False, f"{task.name} stopped (exit status {task.process.exitcode})")
            task.receive.close()
            task.process.join()
        ok, value = task.outcome
        if not ok:
            raise TaskFailed(f"{task.name}: {value}")
        return value

    def stop(self) -> None:
        """End the tasks still running (the build stopped before needing them)."""
        for task in self.tasks:
            if task.outcome is None and task.process.is_alive():
                task.process.terminate()
            if task.outcome is None:
                task.process.join()
                task.receive.close()
                task.outcome = (False, f"{task.name} stopped")


@dataclass
class SerialTasks:
    """The same interface, each task run here when its result is first asked for: in the order
    the caller needs the results, and never a task whose result nobody asks for (make site
    stopped by a failed check starts no engine)."""
    tasks: list[Task] = field(default_factory=list)

    def add(self, name: str, work: Callable[..., Any], *args: Any) -> Task:
        task = Task(name, process=(work, args))
        self.tasks.append(task)
        return task

    def result(self, task: Task) -> Any:
        if task.outcome is None:
            work, args = task.process
            try:
                task.outcome = (True, _with_room(work, args))
            except Exception as exc:
                task.outcome = (False, _one_line(exc))
        ok, value = task.outcome
        if not ok:
            raise TaskFailed(f"{task.name}: {value}")
        return value

    def stop(self) -> None:
        pass


Tasks = ParallelTasks | SerialTasks


def cores() -> int:
    """The cores this process may use (os.cpu_count where there is no affinity call: macOS)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def tasks(serial: bool = False) -> Tasks:
    """Side by side where there is fork and a second core; else one after the other."""
    if serial or cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return SerialTasks()
    return ParallelTasks()
