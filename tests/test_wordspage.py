"""The words page writes its lists as HTML (they skip Markdown, which took seconds on a big site):
that HTML must be what Markdown made of the same list, including phrases with markup characters."""
from __future__ import annotations

import markdown as md

from scripts.website import wordspage
from scripts.core.project import Page
from scripts.core.yamlfile import LineDict


def page(rel: str, title: str, phrases: dict) -> Page:
    meta = LineDict({"title": title, "phrases": phrases})
    return Page("es", rel, f"content/es/{rel}", meta, "Texto.", 5, "")


class Project:  # only what wordspage reads
    def __init__(self, pages: list[Page]) -> None:
        self.pages = {"es": {p.rel: p for p in pages}}


def as_markdown_made_it(entries: list[wordspage.Entry]) -> str:
    escape = lambda t: "".join("\\" + c if c in "\\[]*_`<>" else c for c in t)  # noqa: E731
    items = "\n".join(f"- [{escape(e.text)}]({wordspage.url(e.link)}) · {escape(e.page_title)}" for e in entries)
    return md.markdown(items)


def test_lists_are_the_html_markdown_would_make():
    here = page("palabras/index.md", "Palabras", {})
    pages = [here,
             page("lesiones/index.md", "Lesiones & accidentes", {"page": ["me lastimé", "a*b_c `x` [y]"],
                                                                    "reporte": ["no reporté el accidente"]}),
             page("guia/pasos.md", "Pasos \"uno\"", {"page": ["12 horas", "salario & horas", "&amp; ya"]}),
             page("otra/index.md", "Otra", {"page": ["x<y>z"]})]
    body, lists = wordspage.markdown(Project(pages), "es", here)
    html = wordspage.fill(md.markdown(body, extensions=["attr_list", "toc"]), lists)
    assert wordspage.PLACEHOLDER not in html
    groups: dict[str, list[wordspage.Entry]] = {}
    for entry in wordspage.entries(Project(pages), "es", here):
        groups.setdefault(wordspage.letter(entry), []).append(entry)
    for letter_, entries in groups.items():
        if letter_ == "X":  # Markdown left a backslash before an escaped <: the HTML lists do not
            assert '<a href="../otra/">x&lt;y&gt;z</a> · Otra' in html
            continue
        assert as_markdown_made_it(entries) in html, letter_
    assert '<a href="../lesiones/#reporte">no reporté el accidente</a>' in html
    assert '<a href="../guia/pasos/">12 horas</a>' in html
    assert html.index('id="letra-otros"') < html.index('id="letra-a"')
