"""Render every flyer and the card sheets: the post-build step behind scripts/flyers.build."""
from __future__ import annotations

from pathlib import Path

from ..core import addresses, printed
from ..core.states import page_source
from ..core.paylog import PAY_LOG
from ..core.problems import Problem, Severity
from ..core.quepaso import TREE as QUE_PASO_TREE
from ..core.project import CONFIG, Project
from ..core.yamlfile import LineDict
from . import model
from .cache import Cache
from .card import GRIDS
from .fit import card_problems
from .layout import PAPER_MM, TEMPLATES, Layout, damaged_fonts, missing_fonts

PLACEHOLDER = "derechos.example.org"
SYSDEPS = "scripts/sysdeps.sh"                 # installs the fonts
TEMPLATE_FOLDER = "scripts/flyers/templates"


class _Lazy:
    """The renderer, made at the first flyer that must be rendered: a build whose flyers all come
    from the cache never imports WeasyPrint (half a second)."""

    def __init__(self) -> None:
        self.renderer = None

    def __call__(self):
        if self.renderer is None:
            from .pdf import Renderer
            self.renderer = Renderer(TEMPLATES)
        return self.renderer


def render_all(project: Project, out: Path, cache: Cache | None = None) -> tuple[list[Path], list[Problem]]:
    """Write every flyer and the card sheets into out; return the files and the errors. With a
    cache, a PDF whose inputs are unchanged is copied from it instead of rendered (cache.py)."""
    errors: list[Problem] = []
    missing = missing_fonts()
    if missing:
        return [], [Problem(SYSDEPS, 1, f"the font {missing[0]} is missing for the flyers: install the Debian package "
                                        "fonts-dejavu-core (make site does it when run as root)")]
    damaged = damaged_fonts()
    if damaged:
        return [], [Problem(SYSDEPS, 1, f"the font {damaged[0]} is damaged (it cannot be read as DejaVu Sans), so the "
                                        "flyers would print in another font: reinstall the Debian package "
                                        "fonts-dejavu-core (apt-get install --reinstall fonts-dejavu-core)")]
    renderer, layout = _Lazy(), Layout.create()
    languages = project.strict_languages
    written: list[Path] = []
    topics = model.topics(project)
    written += _flyers(project, topics, out, cache, renderer, layout, errors)
    card = model.card(project)
    if all(lang in card for lang in languages):
        written += _card(project, [card[lang] for lang in languages], out, cache, renderer, layout, errors)
    if printed.log_printed(project):
        written += _log(project, out, cache, renderer, layout, errors)
    if project.que_paso.readable:
        written += _referral(project, out, cache, renderer, layout, errors)
    for edition in project.editions.entries.values():
        # A local edition: every flyer, the card sheet, the log and the referral sheet again, with its
        # own office, in site/flyers/<id>/ (same names). What does not fit has one cause (the office
        # block is too long): one message, naming the first sheet.
        mine: list[Problem] = []
        folder = out / edition.id
        written += _flyers(project, topics, folder, cache, renderer, layout, mine, edition)
        if all(lang in card for lang in languages):
            written += _card(project, [card[lang] for lang in languages], folder, cache, renderer, layout, mine,
                             edition)
        if printed.log_printed(project):
            written += _log(project, folder, cache, renderer, layout, mine, edition)
        if project.que_paso.readable:
            written += _referral(project, folder, cache, renderer, layout, mine, edition)
        # One message per cause: the first sheet that does not fit, and the state's facts left out.
        errors.extend([p for p in mine if p.severity == Severity.ERROR][:1])
        errors.extend([p for p in mine if p.severity != Severity.ERROR][:1])
    for url in sorted(set(renderer.renderer.fetcher.refused if renderer.renderer else [])):
        errors.append(Problem(TEMPLATE_FOLDER, 1, f"a flyer template asked for {url}; flyers are made offline: "
                                                  "use a file in scripts/flyers/templates/"))
    return written, errors


def _card(project: Project, texts: list, out: Path, cache: Cache | None, renderer: _Lazy, layout: Layout,
          errors: list[Problem], edition=None) -> list[Path]:
    """The wallet-card sheet on each paper: the fronts on page 1, the backs on page 2. An edition's
    sheet keeps the front (the first language's card) and prints its office on the back, in both
    languages; each side is measured after rendering (fit.py)."""
    written = []
    office = None
    if edition is not None:
        office = layout.office(edition, model.edition_contacts(project, edition, texts[0].lang), texts,
                               project.strings, card=True)
    for paper in printed.PAPERS:
        target = out / printed.card_file_name(paper)
        html, css = layout.card(texts, project.strings, paper, GRIDS[paper], office=office)
        written.append(target)
        key = cache.key("card", html, css) if cache else ""
        if cache and cache.fetch(key, {paper: target}):
            continue
        refused = len(renderer().fetcher.refused)
        document = renderer().render(html, css)
        pages = renderer().write(document, target)
        page = texts[0].page
        if edition is not None:
            where, line = edition.path, edition.line
            fix = "shorten the edition's name, address lines, hours or note (docs/printing.md)"
            found = [Problem(where, line, f"edition '{edition.id}': the card sheet {target.name}, {problem}: {fix}")
                     for problem in card_problems(document)[:1]]
        else:
            where, line = page.path, page.line_of("card")
            found = [Problem(where, line, f"the card sheet {target.name}, {problem}: "
                             "shorten the card's title, lines or labels (docs/printing.md)")
                     for problem in card_problems(document)]
        if pages != 2:
            found.append(Problem(where, line, f"the card sheet {target.name} takes {pages} pages, not 2 (front and "
                                 "back): shorten the card's lines (docs/printing.md)"))
        errors.extend(found)
        if cache and not found and len(renderer().fetcher.refused) == refused:
            cache.keep(key, {paper: target})
    return written


def _flyers(project: Project, topics: list, out: Path, cache: Cache | None, renderer: _Lazy, layout: Layout,
            errors: list[Problem], edition=None) -> list[Path]:
    """Every topic's flyers into out; with an edition, each carries the edition's office block."""
    languages = project.strict_languages
    written: list[Path] = []
    overflow: list = []            # an edition's flyers that its office block pushes onto a second page
    left_out: list[str] = []       # an edition's flyers printed without its state's facts (no room)
    for topic in topics:
        if any(lang not in topic.texts for lang in languages):
            continue  # the flyers check names the missing twin; make check fails before the build gets here
        for kind in printed.flyer_kinds(project):
            texts = [topic.texts[lang] for lang in languages] if kind == printed.BILINGUAL else [topic.texts[kind]]
            office = layout.office(edition, model.edition_contacts(project, edition, texts[0].lang), texts,
                                   project.strings) if edition else ""
            facts = {t.lang: model.state_facts(project, edition, topic.folder, t.lang) for t in texts}
            state = {lang: (name, found, model.state_sources(found, project.strings[lang]))
                     for lang, (name, found) in facts.items() if found} or None
            html, css = layout.flyer(texts, project.strings, office=office, state=state)
            targets = {paper: out / printed.file_name(topic.folder, kind, paper) for paper in printed.PAPERS}
            written.extend(targets.values())
            key = cache.key("flyer", html, css, *(f"{paper}:{PAPER_MM[paper]}" for paper in targets)) if cache else ""
            if cache and cache.fetch(key, targets):
                continue
            refused = len(renderer().fetcher.refused)
            document = renderer().render(html, css)
            if len(document.pages) > 1:  # try smaller type before giving up (still 11 pt or more)
                document = renderer().render(*layout.flyer(texts, project.strings, compact=True, office=office,
                                                           state=state))
            if len(document.pages) > 1 and state:
                # The compact box: a short line a fact, and the state page's address for the rest.
                if len(texts) > 1:  # a bilingual flyer: one line set, in both languages
                    short = model.state_facts_both(project, edition, topic.folder, [t.lang for t in texts]) or None
                else:
                    short = {t.lang: model.state_facts_short(project, edition, topic.folder, t.lang) for t in texts}
                    short = {lang: found for lang, found in short.items() if found[1]} or None
                tried = renderer().render(*layout.flyer(texts, project.strings, compact=True, office=office,
                                                        state=short))
                if len(tried.pages) > 1 and len(texts) > 1:
                    # The bilingual flyer set tight (condensed font, closer lines, still 11 pt): with it
                    # the short box fits every state of data/states.yml (docs/printing.md).
                    tried = renderer().render(*layout.flyer(texts, project.strings, compact=True, office=office,
                                                            state=short, tight=True))
                if len(tried.pages) == 1:
                    document = tried
            if len(document.pages) > 1 and state:
                # The state's facts do not fit even so (a state whose office or deadlines grew longer):
                # the flyer keeps its office without them, and the build says so once (they are on the
                # es and en flyers).
                plain = renderer().render(*layout.flyer(texts, project.strings, compact=True, office=office))
                if len(plain.pages) == 1:
                    document = plain
                    left_out.append(targets["letter"].name)
            pages = renderer().write_papers(document, {target: PAPER_MM[paper] for paper, target in targets.items()})
            if pages != 1 and edition is not None:
                overflow.append((targets["letter"].name, state))
            elif pages != 1:
                page = texts[0].page
                errors.append(Problem(page.path, page.line_of("flyer"), f"the {kind} flyer takes {pages} pages, "
                                      "not one: shorten the rights or steps of this 'flyer:' block (docs/printing.md)"))
            elif cache and len(renderer().fetcher.refused) == refused:
                cache.keep(key, targets)
    if left_out and edition is not None:
        more = f" (and {len(left_out) - 1} more)" if len(left_out) > 1 else ""
        state = project.states.get(edition.states[0]) if edition.states else None
        name = state.words("en", project.default) if state else edition.states[0]
        page = addresses.page(project.default, project.default, page_source(edition.states[0]))
        errors.append(Problem(edition.path, edition.line, f"edition '{edition.id}': the facts of {name} do not fit on "
                              f"the flyer {left_out[0]}{more}, which is printed without them (they stay on the "
                              f"state's page, {page}; docs/printing.md)", Severity.WARNING))
    if overflow:  # one cause (the office block, with the state's facts, is too long), one message
        more = f" (and {len(overflow) - 1} more of its flyers)" if len(overflow) > 1 else ""
        name, state = overflow[0]
        facts = f" and the facts of {state[texts[0].lang][0]} (data/states.yml)" if state else ""
        errors.append(Problem(edition.path, edition.line, f"edition '{edition.id}': the flyer {name}{more} takes "
                              f"two pages with the office block{facts}, not one: shorten the note, the hours or the "
                              "address lines (docs/printing.md)"))
    return written


def _log(project: Project, out: Path, cache: Cache | None, renderer: _Lazy, layout: Layout,
         errors: list[Problem], edition=None) -> list[Path]:
    """The hours-and-pay log, in each language and both together: one sheet, front and back. An
    edition's log also prints its office on the back."""
    texts = model.log(project)
    example = model.log_example(project)
    data = project.pay_log
    deadline = project.deadlines.get(printed.LOG_DEADLINE)
    deadlines = {lang: deadline.words("text", lang) if deadline else "" for lang in project.strict_languages}
    source = f"{example['minimum']}: {data.source}"
    written = []
    for kind in printed.flyer_kinds(project):
        chosen = [texts[lang] for lang in project.strict_languages] if kind == printed.BILINGUAL else [texts[kind]]
        office = layout.office(edition, model.edition_contacts(project, edition, chosen[0].lang), chosen,
                               project.strings) if edition else ""
        html, css = layout.log(chosen, project.strings, example, data.owed > 0, deadlines, source, office)
        targets = {paper: out / printed.log_file_name(kind, paper) for paper in printed.PAPERS}
        written.extend(targets.values())
        key = cache.key("log", html, css, *(f"{paper}:{PAPER_MM[paper]}" for paper in targets)) if cache else ""
        if cache and cache.fetch(key, targets):
            continue
        refused = len(renderer().fetcher.refused)
        document = renderer().render(html, css)
        pages = renderer().write_papers(document, {target: PAPER_MM[paper] for paper, target in targets.items()})
        if pages != 2 and edition is not None:
            errors.append(Problem(edition.path, edition.line, f"edition '{edition.id}': the hours-and-pay log "
                                  f"{targets['letter'].name} takes {pages} pages with the office block, not 2: shorten "
                                  "the note, the hours or the address lines (docs/printing.md)"))
        elif pages != 2:
            errors.append(Problem(PAY_LOG, 1, f"the {kind} hours-and-pay log takes {pages} pages, not 2 (front and back): "
                                  "shorten its words in data/strings (the keys starting with log_)"))
        elif cache and len(renderer().fetcher.refused) == refused:
            cache.keep(key, targets)
    return written


def _referral(project: Project, out: Path, cache: Cache | None, renderer: _Lazy, layout: Layout,
              errors: list[Problem], edition=None) -> list[Path]:
    """The referral sheet from data/que-paso.yml, in each language and both together: at most two
    pages. An edition's sheet prints its office on the slip handed over."""
    texts = model.referral_texts(project)
    sheet = model.referral(project)
    written = []
    for kind in printed.flyer_kinds(project):
        chosen = [texts[lang] for lang in project.strict_languages] if kind == printed.BILINGUAL else [texts[kind]]
        office = layout.office(edition, model.edition_contacts(project, edition, chosen[0].lang), chosen,
                               project.strings) if edition else ""
        html, css = layout.referral(chosen, project.strings, sheet, office)
        targets = {paper: out / printed.referral_file_name(kind, paper) for paper in printed.PAPERS}
        written.extend(targets.values())
        key = cache.key("referral", html, css, *(f"{paper}:{PAPER_MM[paper]}" for paper in targets)) if cache else ""
        if cache and cache.fetch(key, targets):
            continue
        refused = len(renderer().fetcher.refused)
        document = renderer().render(html, css)
        for setting in ("compact", "tight"):  # closer lines before giving up (the type stays 11 pt)
            if len(document.pages) <= printed.REFERRAL_PAGES:
                break
            document = renderer().render(*layout.referral(chosen, project.strings, sheet, office, **{setting: True}))
        pages = renderer().write_papers(document, {target: PAPER_MM[paper] for paper, target in targets.items()})
        if pages > printed.REFERRAL_PAGES and edition is not None:
            errors.append(Problem(edition.path, edition.line, f"edition '{edition.id}': the referral sheet "
                                  f"{targets['letter'].name} takes {pages} pages with the office block, not "
                                  f"{printed.REFERRAL_PAGES}: shorten the note, the hours or the address lines "
                                  "(docs/printing.md)"))
        elif pages > printed.REFERRAL_PAGES:
            errors.append(Problem(QUE_PASO_TREE, 1, f"the {kind} referral sheet takes {pages} pages, not "
                                  f"{printed.REFERRAL_PAGES}: shorten the answers and outcome titles in "
                                  "data/que-paso.yml (docs/printing.md)"))
        elif cache and len(renderer().fetcher.refused) == refused:
            cache.keep(key, targets)
    return written


def build(project: Project, site: Path) -> list[Problem]:
    """The build step: the flyers' errors, and a warning while the QR codes would lead to the
    placeholder address (printing those flyers is the mistake docs/printing.md warns about)."""
    cache = Cache.of(project.root)
    _, problems = render_all(project, site / printed.FOLDER, cache)
    cache.prune()
    if PLACEHOLDER in project.site_url:
        config = project.config.data
        line = config.line_of("site_url") if isinstance(config, LineDict) else 1
        problems.append(Problem(CONFIG, line, f"the flyers' QR codes point to the placeholder address {project.site_url}: "
                                "set SITE_URL to the real address (SITE_URL=https://… make site) before printing them",
                                Severity.WARNING))
    return problems
