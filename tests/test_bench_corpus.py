"""The bench corpus grows linearly like a real site: copies of the topic pages, never of the home
page, whose list of every topic ([[topics]]) copied into each copy made the build quadratic."""
from __future__ import annotations

from conftest import ROOT
from scripts.bench import corpus


def test_corpus_copies_no_home_page_and_reaches_the_count(tmp_path):
    project = corpus.copy_project(ROOT, tmp_path / "corpus")
    real = corpus.page_count(project / "content")
    assert corpus.grow(project, real + 30) == real + 30
    copies = [p for lang in corpus.LANGUAGES for p in (project / "content" / lang).glob("copia-*/**/*.md")]
    assert len(copies) == 2 * 30
    assert not [p for p in copies if corpus.TOPICS in p.read_text(encoding="utf-8")]
    listing = {p.relative_to(project / "content").as_posix() for lang in corpus.LANGUAGES
               for p in (project / "content" / lang).rglob("*.md") if corpus.TOPICS in p.read_text(encoding="utf-8")}
    assert listing == {f"{lang}/{rel}" for lang in corpus.LANGUAGES for rel in ("index.md", "buscar/index.md")}  # home, search
