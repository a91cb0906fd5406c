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


# Steps that need only the project, not the engine's pages: `make site` runs them while the
# engine builds, on the other core, into a folder of their own that is then merged in.
BESIDE_ENGINE: tuple[Step, ...] = (flyers.build,)


def beside_engine() -> list[Step]:
    return [step for step in STEPS if step in BESIDE_ENGINE]


def after_engine() -> list[Step]:
    return [step for step in STEPS if step not in BESIDE_ENGINE]


def run(project: Project, site: Path, steps: list[Step] | None = None) -> tuple[bool, list[str]]:
    messages: list[str] = []
    for step in STEPS if steps is None else steps:
        messages.extend(step(project, site))
    return not any(m.startswith("ERROR") for m in messages), messages
