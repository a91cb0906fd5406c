"""Search hit rates and bytes against the budgets of issue 17 (`make bench`, docs/bench.md).

Every query of tests/search/queries.<lang>.tsv is run three ways: as written, without accents,
and with one typo in its longest word; the Spanish ones a fourth way, written by ear. The ranking
is the browser's own (search-core.js under node, scripts/reports/searchquery.py); the bytes are
the gzip sizes of what the search page fetches when the person presses Search with an empty cache.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..website import searchindex
from ..website.lean import compact_asset
from ..reports import searchquery
from ..core import addresses
from ..core.project import Project

QUERIES = Path("tests/search")
VARIANTS = ("as typed", "no accents", "one typo")
BY_EAR = "by ear"  # Spanish only: English has no such rules here
TOP1, TOP3, SPREAD = 70.0, 90.0, 5.0      # per cent; variants within SPREAD points of "as typed"
FIRST_QUERY_BYTES = 35 * 1024             # gzip, everything fetched for the first query
# One language's search/index.json, gzip: 16 KB (es) and 14 KB (en) on the real site in December
# 2026. Every reader's first search downloads it whole, so it grows with every page's words; the
# page-size check (data/checks.yml: max_page_kb) keeps one page from filling it.
INDEX_BYTES = 24 * 1024
ASSETS = Path("overrides/assets")
CODE = ("search.js", "search-core.js")    # search.js loads with the search page; core and index on Search


@dataclass(frozen=True)
class Query:
    text: str
    pages: tuple[str, ...]  # acceptable pages, "" for the home page
    line: int


@dataclass
class Score:
    total: int = 0
    top1: int = 0
    top3: int = 0
    empty: int = 0
    misses: list[str] = field(default_factory=list)

    def pct(self, n: int) -> float:
        return 100.0 * n / self.total if self.total else 0.0


def read_queries(path: Path) -> list[Query]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("query\t"):
            continue
        text, _, pages = line.partition("\t")
        found.append(Query(text.strip(), tuple("" if p == "/" else p for p in pages.split()), number))
    return found


def no_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def one_typo(text: str) -> str:
    """One slip of the finger in the longest word: two middle letters swapped, or one dropped
    (the choice depends on the word, so the run is the same every time)."""
    words = text.split()
    if not words:
        return text
    at = max(range(len(words)), key=lambda i: (len(words[i]), -i))
    word = words[at]
    if len(word) < 4:
        return text
    middle = len(word) // 2
    if sum(map(ord, word)) % 2:
        typo = word[:middle - 1] + word[middle] + word[middle - 1] + word[middle + 1:]
        if typo == word:
            typo = word[:middle] + word[middle + 1:]
    else:
        typo = word[:middle] + word[middle + 1:]
    return " ".join(words[:at] + [typo] + words[at + 1:])


# Spanish as a person writes what they hear: letters that sound alike swapped, at most two in
# each word of four letters or more, one of each kind (b or v, s-sounds, g or j...), tried in an
# order set by the word so the run is the same every time: "trabajo" -> "travajo", "quitaron
# horas" -> "kitaron oras", "vacaciones" -> "bacasiones".
SOUNDING_ALIKE = (("h", r"(?<!c)h", ""), ("b", "v", "b"), ("b", "b", "v"), ("s", r"c(?=[ei])", "s"), ("s", "z", "s"),
                  ("s", r"s(?=[aeiou])", "z"), ("y", "ll", "y"), ("k", r"qu(?=[ei])", "k"), ("k", r"c(?=[aou])", "k"),
                  ("j", r"g(?=[ei])", "j"), ("j", r"j(?=[ei])", "g"), ("r", "rr", "r"))


def by_ear(text: str) -> str:
    out = []
    for word in no_accents(text).lower().split():
        if len(word) >= 4:
            start = sum(map(ord, word)) % len(SOUNDING_ALIKE)
            used: set[str] = set()
            for kind, pattern, sound in SOUNDING_ALIKE[start:] + SOUNDING_ALIKE[:start]:
                changed = re.sub(pattern, sound, word, count=1)
                if kind not in used and len(used) < 2 and changed != word:
                    word = changed
                    used.add(kind)
        out.append(word)
    return " ".join(out)


def variants(lang: str) -> tuple[str, ...]:
    return VARIANTS + (BY_EAR,) if lang == "es" else VARIANTS


def as_typed(text: str) -> str:
    return text


REWRITES = {"as typed": as_typed, "no accents": no_accents, "one typo": one_typo, BY_EAR: by_ear}


def variant(text: str, name: str) -> str:
    return REWRITES[name](text)  # only the one asked for: each query is rewritten once per variant


def evaluate(project: Project, lang: str, queries: list[Query]) -> dict[str, Score]:
    index = searchindex.build(project, lang)
    second = addresses.other_language(lang, project.languages, project.default)
    other = searchindex.build(project, second) if second else None  # once, not once per variant
    scores: dict[str, Score] = {}
    for name in variants(lang):
        texts = [variant(q.text, name) for q in queries]
        results = searchquery.run(project, lang, texts, 3, index, other)
        score = Score()
        for query, text, hits in zip(queries, texts, results):
            urls = [h.url for h in hits]
            score.total += 1
            score.empty += not urls
            score.top1 += bool(urls) and urls[0] in query.pages
            good = any(u in query.pages for u in urls[:3])
            score.top3 += good
            if not good:
                score.misses.append(f"{text!r} -> {urls or 'nothing'} (wanted {' '.join(p or '/' for p in query.pages)})")
        scores[name] = score
    return scores


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def first_query_bytes(project: Project, lang: str, root: Path) -> dict[str, int]:
    # As published: site/ gets the scripts without their comments (lean.COMPACTED).
    sizes = {name: gzip_size(compact_asset(f"assets/{name}", (root / ASSETS / name).read_text(encoding="utf-8")).encode("utf-8"))
             for name in CODE}
    sizes["index.json"] = gzip_size(searchindex.dumps(searchindex.build(project, lang)).encode("utf-8"))
    return sizes


_SCRIPT = re.compile(r"<script[^>]+src=\"[^\"]*/(search(?:-core)?\.js)\"")
_PRELOAD = re.compile(r"<link[^>]+(?:preload|prefetch)[^>]+search")


def loaded_before_search(site: Path) -> list[str]:
    """Pages of a built site that load any of search before the person searches (should be none):
    search-core.js and the index are fetched by search.js on Search; search.js itself only on the
    search pages, where it is the form's behaviour."""
    found = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        scripts = set(_SCRIPT.findall(html))
        if "search-core.js" in scripts or _PRELOAD.search(html) or ("search.js" in scripts and 'id="search-form"' not in html):
            found.append(page.relative_to(site).as_posix())
    return found


@dataclass(frozen=True)
class Row:
    what: str
    value: float
    shown: str
    ok: bool
    note: str


def rows(project: Project, root: Path, site: Path | None = None) -> tuple[list[Row], list[str]]:
    """The bench rows (per language and variant, bytes, loading) and the missed queries."""
    found: list[Row] = []
    misses: list[str] = []
    for lang in project.languages:
        path = root / QUERIES / f"queries.{lang}.tsv"
        if not path.exists():
            continue
        queries = read_queries(path)
        scores = evaluate(project, lang, queries)
        base = scores["as typed"]
        for name, s in scores.items():
            t1, t3 = s.pct(s.top1), s.pct(s.top3)
            near = name == "as typed" or (abs(t1 - base.pct(base.top1)) <= SPREAD and abs(t3 - base.pct(base.top3)) <= SPREAD)
            spread = "" if name == "as typed" else f", ≤ {SPREAD:.0f} pts from as typed"
            found.append(Row(f"{lang} {name}: top-1 (%)", t1, f"{t1:.1f}", t1 >= TOP1 and near, f"≥ {TOP1:.0f} %{spread}"))
            found.append(Row(f"{lang} {name}: top-3 (%)", t3, f"{t3:.1f}", t3 >= TOP3 and near, f"≥ {TOP3:.0f} %{spread}"))
            found.append(Row(f"{lang} {name}: empty result lists", s.empty, str(s.empty), s.empty == 0, "0"))
            misses += [f"{lang} {name}: {m}" for m in s.misses]
        sizes = first_query_bytes(project, lang, root)
        index = sizes["index.json"]
        found.append(Row(f"{lang} search index (index.json), gzip (KB)", index / 1024, f"{index / 1024:.1f}",
                         index <= INDEX_BYTES, f"≤ {INDEX_BYTES // 1024} KB"))
        total = sum(sizes.values())
        found.append(Row(f"{lang} first query, empty cache, gzip (KB)", total / 1024, f"{total / 1024:.1f}",
                         total <= FIRST_QUERY_BYTES, f"≤ {FIRST_QUERY_BYTES // 1024} KB ("
                         + ", ".join(f"{k} {v / 1024:.1f}" for k, v in sizes.items()) + ")"))
    if site is not None and site.exists():
        early = loaded_before_search(site)
        found.append(Row("pages loading search before a search", len(early), str(len(early)), not early,
                          "0" + (f" ({', '.join(early[:3])})" if early else "")))
    return found, misses


def report(project: Project, root: Path, site: Path | None = None) -> tuple[list[str], bool]:
    """Plain lines (python -m scripts.bench.search) and whether every budget passed."""
    found, misses = rows(project, root, site)
    lines = [f"{r.what:46} {r.shown:>7}  {'PASS' if r.ok else 'FAIL'} {r.note}" for r in found]
    lines += [f"  missed: {m}" for m in misses]
    return lines, all(r.ok for r in found)


def main() -> int:
    root = Path(__file__).resolve().parents[2]
    from ..core import project as loader
    lines, ok = report(loader.load(root), root, root / "site")
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
