"""Render every flyer and the card sheets: the post-build step behind scripts/flyers.build."""
from __future__ import annotations

from pathlib import Path

from ..core import printed
from ..core.problems import Problem, Severity
from ..core.project import CONFIG, Project
from ..core.yamlfile import LineDict
from . import model
from .card import GRIDS
from .fit import card_problems
from .layout import PAPER_MM, TEMPLATES, Layout, missing_fonts
from .pdf import Renderer

PLACEHOLDER = "derechos.example.org"
SYSDEPS = "scripts/sysdeps.sh"                 # installs the fonts
TEMPLATE_FOLDER = "scripts/flyers/templates"


def render_all(project: Project, out: Path) -> tuple[list[Path], list[Problem]]:
    """Write every flyer and the card sheets into out; return the files and the errors."""
    errors: list[Problem] = []
    missing = missing_fonts()
    if missing:
        return [], [Problem(SYSDEPS, 1, f"the font {missing[0]} is missing for the flyers: install the Debian package "
                                        "fonts-dejavu-core (make site does it when run as root)")]
    renderer, layout = Renderer(TEMPLATES), Layout.create()
    languages = project.strict_languages
    written: list[Path] = []
    for topic in model.topics(project):
        if any(lang not in topic.texts for lang in languages):
            continue  # the flyers check names the missing twin; make check fails before the build gets here
        for kind in printed.flyer_kinds(project):
            texts = [topic.texts[lang] for lang in languages] if kind == printed.BILINGUAL else [topic.texts[kind]]
            document = renderer.render(*layout.flyer(texts, project.strings))
            if len(document.pages) > 1:  # try smaller type before giving up (still 11 pt or more)
                document = renderer.render(*layout.flyer(texts, project.strings, compact=True))
            targets = {out / printed.file_name(topic.folder, kind, paper): PAPER_MM[paper] for paper in printed.PAPERS}
            pages = renderer.write_papers(document, targets)
            written.extend(targets)
            if pages != 1:
                page = texts[0].page
                errors.append(Problem(page.path, page.line_of("flyer"), f"the {kind} flyer takes {pages} pages, "
                                      "not one: shorten the rights or steps of this 'flyer:' block (docs/printing.md)"))
    card = model.card(project)
    if all(lang in card for lang in languages):
        for paper in printed.PAPERS:
            target = out / printed.card_file_name(paper)
            html, css = layout.card([card[lang] for lang in languages], project.strings, paper, GRIDS[paper])
            document = renderer.render(html, css)
            pages = renderer.write(document, target)
            written.append(target)
            page = card[languages[0]].page
            for problem in card_problems(document):
                errors.append(Problem(page.path, page.line_of("card"), f"the card sheet {target.name}, {problem}: "
                                      "shorten the card's title, lines or labels (docs/printing.md)"))
            if pages != len(languages):
                page = card[languages[0]].page
                errors.append(Problem(page.path, page.line_of("card"), f"the card sheet {target.name} takes {pages} pages, "
                                      f"not {len(languages)} (front and back): shorten the card's lines (docs/printing.md)"))
    for url in sorted(set(renderer.fetcher.refused)):
        errors.append(Problem(TEMPLATE_FOLDER, 1, f"a flyer template asked for {url}; flyers are made offline: "
                                                  "use a file in scripts/flyers/templates/"))
    return written, errors


def build(project: Project, site: Path) -> list[Problem]:
    """The build step: the flyers' errors, and a warning while the QR codes would lead to the
    placeholder address (printing those flyers is the mistake docs/printing.md warns about)."""
    _, problems = render_all(project, site / printed.FOLDER)
    if PLACEHOLDER in project.site_url:
        config = project.config.data
        line = config.line_of("site_url") if isinstance(config, LineDict) else 1
        problems.append(Problem(CONFIG, line, f"the flyers' QR codes point to the placeholder address {project.site_url}: "
                                "set SITE_URL to the real address (SITE_URL=https://… make site) before printing them",
                                Severity.WARNING))
    return problems
