"""The one record every check and build step reports, and the one printer for it.

A Problem is `path:line: message`, with a severity and the id of the check that found it
(stamped by the runner in checks/__init__.py, like yamllint's rule ids) shown after the message,
so a maintainer can look it up in docs/checks.md and a test can compare records, not wording.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, TextIO


class Severity(str, Enum):
    ERROR = "error"      # fails `make check` and `make site`
    WARNING = "warning"  # shown and counted; `--strict` makes it an error
    INFO = "info"        # news (a further language's coverage): shown first, never counted, never fails

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR
    check: str = ""      # the check's id, e.g. "parity"; stamped by the runner, not by the check

    def __post_init__(self) -> None:
        # Checks may pass the plain word ("warning"); the record always holds the typed value.
        object.__setattr__(self, "severity", Severity(self.severity))

    def __str__(self) -> str:
        tag = "" if self.severity is Severity.ERROR else f"{self.severity}: "
        checked = f" [{self.check}]" if self.check else ""
        return f"{self.path}:{self.line}: {tag}{self.message}{checked}"


def show(problems: Iterable[Problem], out: TextIO | None = None, strict: bool = False) -> list[Problem]:
    """Print problems once each: news first, then the rest sorted by place. Returns what was printed
    (with --strict, a warning is an error and is printed as one). out: sys.stdout as it is when
    called (a caller may have redirected it), unless given."""
    out = out or sys.stdout
    if strict:
        problems = [Problem(p.path, p.line, p.message, Severity.ERROR, p.check) if p.severity is Severity.WARNING else p
                    for p in problems]
    # Two checks that find the same thing at the same place are one root cause: the message is
    # printed and counted once, whatever check ids the copies carry (the first id by sort is shown).
    once: dict[tuple[str, int, str, Severity], Problem] = {}
    for problem in sorted(set(problems)):
        once.setdefault((problem.path, problem.line, problem.message, problem.severity), problem)
    unique = list(once.values())
    notes = [p for p in unique if p.severity is Severity.INFO]
    rest = [p for p in unique if p.severity is not Severity.INFO]
    for problem in notes + rest:
        print(problem, file=out)
    return notes + rest


def report(problems: Iterable[Problem], out: TextIO | None = None, strict: bool = False) -> int:
    """Print problems, then a summary line; return the exit code (1 when there is an error)."""
    out = out or sys.stdout
    shown = show(problems, out, strict)
    errors = sum(1 for p in shown if p.severity is Severity.ERROR)
    warnings = sum(1 for p in shown if p.severity is Severity.WARNING)
    if errors:
        print(f"check: {errors} error(s), {warnings} warning(s). Fix the errors above and run 'make check' again.", file=out)
        return 1
    print(f"check: no errors, {warnings} warning(s).", file=out)
    return 0


def failed(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
