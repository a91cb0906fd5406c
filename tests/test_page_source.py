"""The engine reads a page's text and front matter from the project already read
(SitePlugin.on_page_read_source): what mkdocs then has of the page, its Markdown and its front
matter, is what it gets reading the file itself, for every shape of front matter."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.utils import meta

from scripts.core import project
from scripts.website.plugin import SitePlugin

TEXTS = [
    "---\ntitle: Salarios\nphrases:\n  page:\n    - no me pagaron\n---\n\n# Salarios\n\nTexto.\n",
    "---\ntitle: A\n...\nTexto.\n",
    "---  \ntitle: A\n---\t\n\n\nTexto.\n",
    "---\ntitle: A\n---\n---\ntitle: B\n---\nTexto.\n",    # a body that starts like front matter
    "---\ntitle: A\n---\nTitle: not front matter\n\nTexto.\n",  # a body that starts like MultiMarkdown meta
    "---\n---\nTexto.\n", "---\n\n---\nTexto.\n", "---\n# only a comment\n---\nTexto.\n",
    "---\n- a\n- b\n---\nTexto.\n", "---\ntitle: A\n---", "---\ntitle: [A\n---\nTexto.\n",
    "sin front matter\n", "---\r\ntitle: A\r\n---\r\nTexto.\r\n", "\ufeff---\ntitle: A\n---\nTexto.\n",
    "---\ntitle: A\ntitle: B\n---\nTexto.\n", "---\nreviewed: 2026-11-23\nn: 3\nq: '3'\n---\nTexto.\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_mkdocs_has_the_page_it_reads_from_the_file(tmp_path: Path, text: str):
    path = tmp_path / project.CONTENT / "es" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-8"))
    page, _ = project.load_page(tmp_path, "es", path)
    plugin = SitePlugin()
    plugin._sources = {str(path): page}
    file = SimpleNamespace(abs_src_path=str(path), src_uri="es/x.md")
    source = plugin.on_page_read_source(SimpleNamespace(file=file), config=None)
    with open(path, encoding="utf-8-sig") as handle:  # as mkdocs reads a file (File.content_string)
        expected = meta.get_data(handle.read())
    if source is None:
        return  # left to mkdocs: it reads the file itself
    markdown, front_matter = meta.get_data(source)
    handed = SimpleNamespace(file=file, meta=front_matter)
    if "es/x.md" in plugin._meta:
        handed.meta = dict(plugin._meta.pop("es/x.md"))
    assert (markdown, handed.meta) == expected


def test_most_pages_are_read_once():
    """The fast way is taken for an ordinary page (else nothing was saved)."""
    text = TEXTS[0]
    page = project.Page("es", "x.md", "content/es/x.md", *_split(text), text)
    plugin = SitePlugin()
    plugin._sources = {"/d/es/x.md": page}
    file = SimpleNamespace(abs_src_path="/d/es/x.md", src_uri="es/x.md")
    assert plugin.on_page_read_source(SimpleNamespace(file=file), config=None) is not None


def _split(text: str):
    from scripts.core import frontmatter
    fm = frontmatter.split(text)
    return fm.meta, fm.body, fm.body_line
