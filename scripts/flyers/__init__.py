"""Printable flyers and the wallet-card sheet, made from the pages' own front matter.

`build(project, site)` is a build step (scripts/buildsteps.py): it writes site/flyers/*.pdf
in one process with one font setup, and fails the build (a Problem at the flyer's line) when a
flyer does not fit on one page or the renderer tried to reach the network. A PDF whose inputs
did not change since the last build is copied from .cache/flyers/ instead of rendered (cache.py).

  model.py   the flyer words, read from `flyer:` / `card:` blocks (which topics print and the
             PDFs' names are in core/printed.py, shared with the checks)
  layout.py  HTML + CSS from the Jinja2 templates in templates/
  card.py    the card sheet's grid and cut marks
  qr.py      QR codes (segno, SVG)
  pdf.py     WeasyPrint, offline, one font setup
  cache.py   outputs filed under a hash of their inputs, reused while the inputs are unchanged
  run.py     the step itself
"""
from __future__ import annotations

from pathlib import Path

from ..core.problems import Problem
from ..core.project import Project


def build(project: Project, site: Path) -> list[Problem]:
    # Imported here: the renderer's modules (layout, QR codes, WeasyPrint once a flyer must be
    # rendered: run.py) load only when the flyers are built.
    from .run import build as run_build
    return run_build(project, site)


def load_renderer() -> None:
    """Import WeasyPrint now (about a quarter second of CPU): a process forked after this begins
    with it loaded, instead of importing it again (make site, scripts/build.py)."""
    from . import pdf  # noqa: F401 - imported for what it loads


def render_all(project: Project, out: Path) -> tuple[list[Path], list[Problem]]:
    """Only the rendering, into any folder, every PDF rendered (no cache): the PDFs written and the errors (tests)."""
    from .run import render_all as run_all
    return run_all(project, out)
