"""The one record every check reports, and the runner that prints them."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterable, TextIO


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # "error" fails the run; "warning" is shown and counted

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}: {tag}{self.message}"


def report(problems: Iterable[Problem], out: TextIO = sys.stdout, strict: bool = False) -> int:
    """Print problems sorted by place, then a summary line; return the exit code."""
    unique = sorted(set(problems))
    if strict:  # --strict: a warning is an error, and is printed as one
        unique = [Problem(p.path, p.line, p.message) if p.severity == "warning" else p for p in unique]
    for problem in unique:
        print(problem, file=out)
    errors = sum(1 for p in unique if p.severity == "error")
    warnings = sum(1 for p in unique if p.severity == "warning")
    if errors:
        print(f"check: {errors} error(s), {warnings} warning(s). Fix the errors above and run 'make check' again.", file=out)
        return 1
    print(f"check: no errors, {warnings} warning(s).", file=out)
    return 0
