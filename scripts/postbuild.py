"""Steps that run after the site engine, on the freshly built folder (flyers, exports…).

Each step takes the project and the build folder and returns messages; a message starting
with 'ERROR' fails the build. New capabilities add one step to STEPS.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .project import Project

Step = Callable[[Project, Path], list[str]]

from . import exports  # noqa: E402  contacts.json, vCards, embed pages
from . import flyers  # noqa: E402  site/flyers/*.pdf (WeasyPrint)

STEPS: list[Step] = [
    exports.export,
    flyers.build,
    exports.copy_moved_flyers,  # after flyers.build: a moved topic keeps its old flyer addresses
]


def run(project: Project, site: Path) -> tuple[bool, list[str]]:
    messages: list[str] = []
    for step in STEPS:
        messages.extend(step(project, site))
    return not any(m.startswith("ERROR") for m in messages), messages
