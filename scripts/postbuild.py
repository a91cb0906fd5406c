"""Steps that run after the site engine, on the freshly built folder (flyers, exports…).

Each step takes the project and the build folder and returns messages; a message starting
with 'ERROR' fails the build. New capabilities add one step to STEPS.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .project import Project

Step = Callable[[Project, Path], list[str]]

STEPS: list[Step] = []


def run(project: Project, site: Path) -> tuple[bool, list[str]]:
    messages: list[str] = []
    for step in STEPS:
        messages.extend(step(project, site))
    return not any(m.startswith("ERROR") for m in messages), messages
