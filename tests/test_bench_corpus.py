"""The bench corpus grows linearly like a real site: copies of the topic pages, never of the home
page, whose list of every topic ([[topics]]) copied into each copy made the build quadratic."""
from __future__ import annotations

from conftest import ROOT
from scripts.bench import corpus
from scripts.core.project import load
from scripts.core.stale import translations
from scripts.website import onefile


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


def test_corpus_copies_keep_their_translations_current(tmp_path):
    """A copy's links move and its flyer block goes in both languages: a translation that matched
    its Spanish page still matches the copy (a real site has no outdated warnings nobody caused)."""
    project = corpus.copy_project(ROOT, tmp_path / "corpus")
    real = corpus.page_count(project / "content")
    corpus.grow(project, real + 30)
    loaded = load(project)
    copies = [t for t in translations(loaded) if t.page.rel.startswith("copia-")]
    assert len(copies) == 30
    originals = {t.page.rel: t for t in translations(loaded) if not t.page.rel.startswith("copia-")}
    for item in copies:
        original = originals[item.page.rel.split("/", 1)[1]]
        assert item.outdated == original.outdated, item.page.path
    assert sum(not t.outdated for t in copies) == sum(not originals[t.page.rel.split("/", 1)[1]].outdated for t in copies) > 0


def test_corpus_copies_stay_out_of_the_downloads(tmp_path):
    """1,000 copies do not fit in the 300 KB one-file guide: the corpus leaves them out as a big
    site's maintainer would ('downloads: false'), and the guide keeps every real page."""
    project = corpus.copy_project(ROOT, tmp_path / "corpus")
    real = corpus.page_count(project / "content")
    before = {lang: onefile.pages(load(project), lang) for lang in corpus.LANGUAGES}
    corpus.grow(project, real + 30)
    loaded = load(project)
    for lang in corpus.LANGUAGES:
        assert onefile.pages(loaded, lang) == before[lang]
        assert not [p for p in before[lang] if "copia-" in p]


def test_the_guide_lists_no_page_it_left_out(tmp_path):
    """The home page's list of topics, as the engine writes it, loses the lines of pages left out
    of the file (the corpus's copies) and keeps the real ones."""
    import markdown
    from scripts.website import topics
    project = corpus.copy_project(ROOT, tmp_path / "corpus")
    corpus.grow(project, corpus.page_count(project / "content") + 30)
    loaded = load(project)
    for lang in corpus.LANGUAGES:
        listed = topics.topics(loaded, lang, loaded.config.data["nav"])
        # the engine's links are directory addresses: salarios/index.md -> salarios/
        body = markdown.markdown(topics.markdown_list(listed, "index.md")).replace('index.md"', '"')
        here = "" if lang == loaded.default else f"{lang}/"
        kept = onefile._without_left_out(body, here, onefile.left_out(loaded, lang))
        assert "copia-" in body and "copia-" not in kept
        assert kept.count("<li>") == sum(not t.rel.startswith("copia-") for t in listed) > 5


def test_a_judged_time_is_the_fastest_run_that_succeeded_and_names_every_run(tmp_path):
    from scripts.bench import measure
    from scripts.bench.__main__ import tries
    runs = [measure.Run("build", seconds, 100.0, seconds * 2, ok, "") for seconds, ok in ((9.8, True), (9.1, True), (1.0, False))]
    chosen = measure.best(runs)
    assert (chosen.seconds, chosen.cpu_seconds, chosen.tries) == (9.1, 18.2, (9.8, 9.1, 1.0))
    assert tries(chosen) == " (best of 3: 9.8, 9.1, 1.0 s)" and tries(runs[0]) == ""
    failed = measure.best([runs[2]])
    assert not failed.ok  # nothing succeeded: the failure is reported, not a time


def test_a_clean_corpus_has_no_site_and_no_cache(tmp_path):
    project = corpus.copy_project(ROOT, tmp_path / "p")
    for folder in ("site/salarios", ".cache/flyers"):
        (project / folder).mkdir(parents=True)
    corpus.clean(project)
    assert not (project / "site").exists() and not (project / ".cache").exists() and (project / "content").is_dir()
    # Moved aside into the bench's folder (deleted when the bench ends), not deleted before a timed build.
    assert [p.relative_to(tmp_path / corpus.ASIDE).parts[1:] for p in sorted((tmp_path / corpus.ASIDE).glob("*/*/*"))] \
        == [(".cache", "flyers"), ("site", "salarios")]
    (project / "site").mkdir()
    corpus.clean(project)  # again: a folder aside of its own
    assert len(list((tmp_path / corpus.ASIDE).iterdir())) == 2 and not (project / "site").exists()
