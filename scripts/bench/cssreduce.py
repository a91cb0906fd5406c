"""Material's stylesheet reduced to the selectors the built pages use: the alternative to the
site's own stylesheet that docs/bench.md compares it with (issue 16). A measuring tool, not a
build step: `python -m scripts.bench.cssreduce site/ out.css` prints what the reduction keeps.

A selector is kept when some element of some built page matches it once its state
(:hover, :checked, ::before…) is set aside, so the CSS-only menu and focus styles survive.
Custom properties no kept rule reads, and keyframes no kept rule names, are dropped too.
"""
from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cssselect2
import tinycss2
import tinyhtml5

# States an element takes later (or parts of it): set aside when matching against static HTML.
STATE = re.compile(
    r"::?(?:-(?:webkit|moz|ms)-[\w-]+|hover|focus(?:-visible|-within)?|active|checked|visited|"
    r"target|disabled|enabled|indeterminate|placeholder(?:-shown)?|before|after|marker|"
    r"selection|first-letter|first-line|link|any-link|invalid|valid|required|optional|"
    r"backdrop|fullscreen|modal|popover-open|open|closed|read-only|read-write|"
    r"focus-ring|user-invalid|defined|autofill)\b(?:\([^()]*\))?")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Reduction:
    css: str
    kept: int = 0
    dropped: int = 0
    unsure: list[str] = field(default_factory=list)  # selectors the matcher could not read: kept


def split_selectors(prelude: str) -> list[str]:
    """Split a selector list on top-level commas (not those inside :is(...), :not(...))."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return [p for p in parts if p]


def pages(site: Path) -> list[cssselect2.ElementWrapper]:
    roots = []
    for html in sorted(site.rglob("*.html")):
        tree = tinyhtml5.parse(html.read_text(encoding="utf-8"))
        roots.append(cssselect2.ElementWrapper.from_html_root(tree))
    return roots


class Matcher:
    def __init__(self, roots: list[cssselect2.ElementWrapper]) -> None:
        self.elements = [el for root in roots for el in root.iter_subtree()]
        self.cache: dict[str, bool | None] = {}

    def used(self, selector: str) -> bool | None:
        """True if some element matches, False if none, None if the matcher cannot tell."""
        plain = STATE.sub("", selector).strip() or "*"
        plain = re.sub(r"(^|[\s>+~(,])(?=$|[\s>+~),])", r"\1*", plain)  # '.a >' left bare
        if plain not in self.cache:
            try:
                compiled = cssselect2.compile_selector_list(plain)
            except cssselect2.SelectorError:
                self.cache[plain] = None
            else:
                self.cache[plain] = any(c.test(el) for c in compiled for el in self.elements)
        return self.cache[plain]


@dataclass
class Rule:
    prelude: str                     # selectors, or '@media …' for a block of rules
    declarations: list[tuple[str, str]] = field(default_factory=list)  # (name, value!important)
    children: list["Rule"] = field(default_factory=list)
    raw: str | None = None           # kept as written (@keyframes, @charset…)


def _declarations(content) -> list[tuple[str, str]]:
    out = []
    for decl in tinycss2.parse_blocks_contents(content, True, True):
        if decl.type == "declaration":
            value = tinycss2.serialize(decl.value).strip() + ("!important" if decl.important else "")
            out.append((decl.name if decl.name.startswith("--") else decl.lower_name, value))
    return out


def _reduce_rules(rules, matcher: Matcher, out: Reduction) -> list[Rule]:
    kept: list[Rule] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude).strip()
            selectors = []
            for sel in split_selectors(prelude):
                verdict = matcher.used(sel)
                if verdict is None:
                    out.unsure.append(sel)
                if verdict is not False:
                    selectors.append(sel)
            if selectors:
                out.kept += 1
                kept.append(Rule(",".join(selectors), _declarations(rule.content)))
            else:
                out.dropped += 1
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude).strip()
            if rule.content is None:
                continue  # @charset: the file is served as UTF-8
            elif name in {"media", "supports", "layer", "container"}:
                inner = _reduce_rules(tinycss2.parse_rule_list(rule.content, True, True), matcher, out)
                if inner:
                    kept.append(Rule(f"@{rule.at_keyword} {prelude}", children=inner))
            elif name == "font-face":
                out.dropped += 1  # the site uses system fonts only
            else:
                kept.append(Rule(f"@{rule.at_keyword} {prelude}",
                                 raw=tinycss2.serialize(rule.content).strip()))
    return kept


def _walk(rules: list[Rule]):
    for rule in rules:
        yield rule
        yield from _walk(rule.children)


def _prune(rules: list[Rule]) -> list[Rule]:
    """Drop custom properties no rule reads and keyframes no rule names, until nothing changes."""
    while True:
        values = [v for r in _walk(rules) for _, v in r.declarations]
        used = {name for v in values for name in VAR_USE.findall(v)}
        text = " ".join(values)
        changed = False
        for rule in _walk(rules):
            keep = [(n, v) for n, v in rule.declarations if not n.startswith("--") or n in used]
            changed |= len(keep) != len(rule.declarations)
            rule.declarations = keep

        def alive(rule: Rule, text: str = text) -> bool:  # this pass's text
            if rule.raw is not None and rule.prelude.lower().startswith("@keyframes"):
                return re.search(rf"\b{re.escape(rule.prelude.split()[1])}\b", text) is not None
            if rule.raw is not None:
                return True
            rule.children = [c for c in rule.children if alive(c)]
            return bool(rule.declarations or rule.children)

        pruned = [r for r in rules if alive(r)]
        changed |= len(pruned) != len(rules) or sum(1 for _ in _walk(pruned)) != sum(1 for _ in _walk(rules))
        rules = pruned
        if not changed:
            return rules


def serialize(rules: list[Rule]) -> str:
    parts = []
    for rule in rules:
        if rule.raw is not None:
            parts.append(f"{rule.prelude}{{{rule.raw}}}")
        elif rule.children:
            parts.append(f"{rule.prelude}{{{serialize(rule.children)}}}")
        else:
            parts.append(rule.prelude + "{" + ";".join(f"{n}:{v}" for n, v in rule.declarations) + "}")
    return "".join(parts)


def reduce(css: str, site: Path) -> Reduction:
    out = Reduction("")
    matcher = Matcher(pages(site))
    rules = tinycss2.parse_stylesheet(css, True, True)
    out.css = serialize(_prune(_reduce_rules(rules, matcher, out)))
    return out


def main(argv: list[str]) -> int:
    site, target = Path(argv[0]), Path(argv[1])
    sources = [Path(p) for p in argv[2:]] or sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    css = "".join(p.read_text(encoding="utf-8") for p in sources)
    result = reduce(css, site)
    target.write_text(result.css, encoding="utf-8")
    size = lambda s: len(gzip.compress(s.encode(), 6))
    print(f"{len(css):,} B ({size(css):,} B gzip) -> {len(result.css):,} B ({size(result.css):,} B gzip); "
          f"rules kept {result.kept}, dropped {result.dropped}; {len(set(result.unsure))} selectors kept unread")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
