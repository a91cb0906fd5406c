"""One loader for the whole project: languages, pages and the registry, read once.

It never raises on bad input: what it cannot read becomes a Problem, so no command shows a
Python traceback to a maintainer.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from . import editions as editions_module
from . import checkconfig, contacts, deadlines, frontmatter, paylog, redirects, states, strings
from .datafile import YamlFile, read_yaml
from .problems import Problem
from . import quepaso
from .textfile import read_text
from .yamlfile import LineDict

CONFIG = "mkdocs.yml"
CONTENT = "content"
DEFAULT_LANGUAGES = ["es", "en"]
STRICT_PARITY = 2  # the first two languages (Spanish, English) keep strict parity


@dataclass
class Page:
    lang: str
    rel: str        # path inside the language folder, e.g. "salarios/index.md"
    path: str       # the file as messages print it, from the project root: "content/es/salarios/index.md"
    meta: LineDict
    body: str
    body_line: int  # file line of the body's first line
    text: str
    readable: bool = True  # False when the file or its front matter could not be read (reported once)

    def line_of(self, key: str) -> int:
        return self.meta.line_of(key)

    @property
    def meant(self) -> set[str]:
        """Known fields this page misspells (frontmatter.misspelt): checks of them stay silent."""
        return set(frontmatter.misspelt(self.meta).values())


@dataclass
class Project:
    root: Path
    languages: list[str]
    site_url: str
    pages: dict[str, dict[str, Page]]
    registry: contacts.Registry
    strings: dict[str, strings.Strings]
    problems: list[Problem] = field(default_factory=list)
    # The i18n language entries of mkdocs.yml as written (file order, with line numbers).
    language_entries: list[LineDict] = field(default_factory=list)
    deadlines: deadlines.Deadlines = field(default_factory=deadlines.Deadlines)
    que_paso: quepaso.Tree = field(default_factory=quepaso.Tree)
    # data/states.yml: what changes with the state a person works in (core/states.py).
    states: states.States = field(default_factory=states.States)
    # The checks' settings (data/checks.yml), read once; their problems are among `problems`.
    settings: checkconfig.CheckConfig = field(default_factory=checkconfig.CheckConfig)
    # mkdocs.yml as written (None when it cannot be read: that problem is among `problems`).
    config: YamlFile = field(default_factory=YamlFile)
    # data/redirects.yml; its problems are reported by the redirects check (checks/redirects.py).
    redirects: redirects.Redirects = field(default_factory=redirects.Redirects)
    # The day the checks judge dates by (re-check dates, review age): the clock's date unless a
    # command or a test names one (`python -m scripts --today 2027-01-15 check`), so no check
    # reads the clock itself and a test never depends on the day it runs.
    today: dt.date = field(default_factory=dt.date.today)
    # What several checks derive from the records (the published addresses that broke, core/urls.gone):
    # computed once, on first use.
    derived: dict = field(default_factory=dict, repr=False, compare=False)
    # data/pay-log.yml: the federal minimum wage and the worked example of the printed pay log
    # (core/paylog.py); its problems are among `problems`.
    pay_log: paylog.PayLog = field(default_factory=paylog.PayLog)
    # data/editions/*.yml: local editions of the printed material (core/editions.py).
    editions: editions_module.Editions = field(default_factory=editions_module.Editions)

    @property
    def default(self) -> str:
        return self.languages[0]

    @property
    def strict_languages(self) -> list[str]:
        """Spanish and English: every page, flyer, contact and section exists in both, word for word.
        Further languages report their coverage instead (docs/translating.md)."""
        return self.languages[:STRICT_PARITY]

    @property
    def extra_languages(self) -> list[str]:
        """Languages beyond the two that keep strict parity (Spanish and English)."""
        return self.languages[STRICT_PARITY:]

    def twins(self, languages: list[str] | None = None) -> Iterator[tuple[Page, Page]]:
        """(page, twin): each page of the first language with its twin at the same path in each
        other language (the strict pair unless named), by language then path. A pair with a page
        that could not be read is skipped: that file has its own message, and its twin waits."""
        first, *others = languages or self.strict_languages
        originals = self.pages.get(first, {})
        for lang in others:
            theirs = self.pages.get(lang, {})
            for rel in sorted(originals.keys() & theirs.keys()):
                page, twin = originals[rel], theirs[rel]
                if page.readable and twin.readable:
                    yield page, twin

    def complete(self) -> bool:
        """True when every page and the registry could be read: only then can the checks that
        need the whole picture (the list of published addresses) judge it."""
        registry_read = not (self.registry.problems and not self.registry.contacts)
        return registry_read and all(page.readable for page in self.all_pages())

    def all_pages(self) -> list[Page]:
        return [page for lang in self.languages for page in self.pages.get(lang, {}).values()]


def read_config(found: YamlFile) -> tuple[list[str], str, list[LineDict], list[Problem]]:
    """From mkdocs.yml: languages (default first), site_url, the raw language entries, and what went wrong."""
    if found.unreadable or found.broken:
        return list(DEFAULT_LANGUAGES), "", [], found.problems
    if not isinstance(found.data, dict):
        return list(DEFAULT_LANGUAGES), "", [], [Problem(CONFIG, 1, "mkdocs.yml must be a mapping")]
    parsed = found
    entries: list[LineDict] = []
    for plugin in parsed.data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = [e for e in plugin["i18n"].get("languages") or [] if isinstance(e, LineDict)]
    named = sorted((e for e in entries if e.get("locale")), key=lambda e: not e.get("default"))  # default first
    languages = [str(e["locale"]) for e in named]
    site_url = str(parsed.data.get("site_url") or "")
    if not languages:
        return list(DEFAULT_LANGUAGES), site_url, entries, [*found.problems, Problem(CONFIG, 1, "no languages found under the i18n plugin")]
    return languages, site_url, entries, found.problems


def load_page(root: Path, lang: str, path: Path) -> tuple[Page | None, list[Problem]]:
    rel = path.relative_to(root / CONTENT / lang).as_posix()
    shown = f"{CONTENT}/{lang}/{rel}"
    text, problem = read_text(path, shown)
    if problem:
        # Keep a placeholder so its twin is not also reported as orphaned.
        return Page(lang, rel, shown, LineDict(), "", 1, "", readable=False), [problem]
    fm = frontmatter.split(text)
    problems = []
    if fm.error:
        problems.append(Problem(shown, fm.error_line, fm.error))
    for dup in fm.duplicates:
        problems.append(Problem(shown, dup.line, f"'{dup.key}' appears twice in the front matter (first at line {dup.first_line}): keep one"))
    # A page whose front matter cannot be read is reported once, here: the checks that compare
    # it with its twin or read its flyer skip it (readable=False) instead of adding wrong advice.
    return Page(lang, rel, shown, fm.meta, fm.body, fm.body_line, text, readable=not fm.error), problems


# The id of a missing Spanish or English folder: every check compares the two, so `checks.run`
# stops at it rather than repeat it for every page, flyer, published address and guided-path step.
MISSING_FOLDER = "language-folder"


def load(root: Path, today: dt.date | None = None) -> Project:
    """The whole project, read once; `today` is the day dates are judged by (default: the clock's)."""
    root = Path(root)
    config = read_yaml(root, CONFIG)
    languages, site_url, entries, problems = read_config(config)
    pages: dict[str, dict[str, Page]] = {}
    for index, lang in enumerate(languages):
        folder = root / CONTENT / lang
        pages[lang] = {}
        if not folder.is_dir() and index < STRICT_PARITY:
            problems.append(Problem(f"{CONTENT}/{lang}", 1, f"the folder for language '{lang}' is missing: create "
                                    f"{CONTENT}/{lang}/ with its pages; the other checks run once it is there",
                                    check=MISSING_FOLDER))
            continue
        if not folder.is_dir():  # a further language being added: its coverage check says what it lacks
            problems.append(Problem(f"{CONTENT}/{lang}", 1, f"the folder for language '{lang}' is missing: create {CONTENT}/{lang}/ with its pages"))
            continue
        for path in sorted(folder.rglob("*.md")):
            page, page_problems = load_page(root, lang, path)
            problems.extend(page_problems)
            if page:
                pages[lang][page.rel] = page
    registry = contacts.load(root)
    problems.extend(registry.problems)
    words, word_problems = strings.load_all(root, languages)
    problems.extend(word_problems)
    found = deadlines.load(root)
    problems.extend(found.problems)
    tree = quepaso.load(root)
    problems.extend(tree.problems)
    settings, setting_problems = checkconfig.load(root)
    problems.extend(setting_problems)
    jurisdictions = states.load(root)
    problems.extend(jurisdictions.problems)
    pay_log = paylog.load(root)
    problems.extend(pay_log.problems)
    local = editions_module.load(root, languages[:STRICT_PARITY])
    problems.extend(local.problems)
    return Project(root, languages, site_url, pages, registry, words, problems, entries, found, tree, jurisdictions,
                   settings, config, redirects.load(root), today or dt.date.today(), pay_log=pay_log, editions=local)
