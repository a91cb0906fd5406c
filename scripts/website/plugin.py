"""The site plugin: one object that holds the project and answers the engine's events.

hooks.py (listed in mkdocs.yml) registers this object's events with mkdocs; engine.py starts the
engine and hands it the project already read (`use`). Each event delegates to an engine-free
module (render, topics, wordspage, fallback, sitefiles, searchindex, redirectpages, generated,
ogimage, lean), so moving to another generator means rewriting this file, hooks.py, engine.py and
the templates in overrides/.

How it talks to the other plugins:
- static-i18n through its configuration: the languages' `build` flags, and the `locale` and
  `alternates` it reads on a file (set on the generated pages, which it never saw). Reading its
  `current_language` tells which language is being built. The one value written into it is
  `current_language` before it starts, when make site builds one language in this process: that
  is how static-i18n itself starts each further language's build (its on_post_build);
  tests/test_site_files.py holds the result to a build of every language, byte for byte.
- mkdocs-redirects is not used: the redirect pages are written here (redirectpages.py).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import YAML_RE

from ..core import addresses, printed, project as project_module, typography
from ..core.project import Project
from ..core.quepaso import FOLDER as QUE_PASO_FOLDER
from . import fallback, generated, lean, offline, ogimage, onebooklet, onefile, onezim, pagemarkup, redirectpages, render, searchindex, sitefiles, topics, wordspage

# The help lines a 404 page shows (the home page's "Teléfonos importantes"), by id in data/contacts.yml.
NOT_FOUND_CONTACTS = ("emergencia", "whd", "osha", "trafficking", "ciam")

log = logging.getLogger("mkdocs.plugins.derechos")


@dataclass
class _PageWork:
    """What a page's Markdown step leaves for its HTML step (the cards and word lists set aside)."""
    cards: render.CardsAside | None = None
    word_lists: dict[str, str] = field(default_factory=dict)


class SitePlugin(BasePlugin):
    """The project's glue to mkdocs, as one object: state lives here, not in config.extra."""

    def __init__(self) -> None:
        super().__init__()
        self.serving = False                 # make serve: the exports are written too
        self._given: tuple[Project | None, str | None] = (None, None)
        self._config = None                  # the configuration of the build under way
        self.project: Project | None = None
        self.only: str | None = None         # make site: this process builds this language alone
        self.i18n = None                     # static-i18n's plugin object
        self.built: dict[str, set[str]] = {}  # language -> addresses of its pages ('en/salarios/')
        self.generated: set[str] = set()     # sources of the generated pages, for the sitemap
        self._pages: dict[str, _PageWork] = {}
        self._references: dict[str, dict] = {}  # language -> references rendered once (render.expand's memo)
        self._sources: dict[str, project_module.Page] = {}  # a page file's path -> the project's page
        self._meta: dict[str, dict] = {}     # src_uri -> front matter handed over by on_page_read_source

    @classmethod
    def of(cls, config) -> "SitePlugin":
        """The plugin registered through mkdocs.yml's `hooks:` (scripts/website/hooks.py)."""
        for registered in config.plugins.values():
            if isinstance(getattr(registered, "plugin", None), cls):
                return registered.plugin
        raise LookupError("mkdocs.yml must list scripts/website/hooks.py under 'hooks:'")

    def use(self, project: Project | None, language: str | None) -> None:
        """The project already read for the next build (else it is read), and the one language to build."""
        self._given = (project, language)

    # --- the build's state ------------------------------------------------------------------
    def language(self) -> str:
        return self.i18n.current_language if self.i18n and self.i18n.current_language else self.project.default

    def words(self, lang: str):
        return self.project.strings.get(lang) or self.project.strings[self.project.default]

    # --- events ---------------------------------------------------------------------------
    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        if config is self._config:
            return config  # static-i18n's build of a further language: the same build goes on
        root = Path(config.config_file_path).parent
        given, only = self._given
        self._config, self.only, self.built, self.generated, self._pages = config, only, {}, set(), {}
        self._references = {}
        same = given is not None and Path(given.root).resolve() == root.resolve()
        self.project = given if same else project_module.load(root)
        self._sources = {os.path.normpath(os.path.join(config.docs_dir, lang, rel)): page
                         for lang, pages in self.project.pages.items() for rel, page in pages.items()}
        self._meta = {}
        self.i18n = config.plugins.get("i18n")
        if self.i18n is not None and only and self.i18n.current_language is None:
            self.i18n.current_language = only  # see the module's docstring: this process builds `only`
        return config

    @event_priority(-150)  # after static-i18n (-100) has sorted this language's files and paired twins
    def on_files(self, files, config):
        # Material's files that no page loads stay out of site/ (lean.py says which).
        for file in [f for f in files if lean.theme_file_unused(f.dest_uri)]:
            files.remove(file)
        for file in [f for f in files if f.dest_uri in lean.COMPACTED]:  # without their comments
            file.content_string = lean.compact_asset(file.dest_uri, file.content_string)
        # One language in this process: static-i18n then builds no other. Every language stays
        # `build: true` until here, so pages and sitemap still name their twins.
        if self.i18n is not None and self.only:
            for language in self.i18n.config.languages:
                language.build = language.locale == self.only
        self._add_generated(files, config)
        lang = self.language()
        own = addresses.prefix(lang, self.project.default)
        self.built[lang] = {f.url for f in files.documentation_pages() if f.dest_uri.startswith(own)}
        return files

    def _add_generated(self, files, config) -> None:
        """The pages made from data (generated.py), in the language being built, outside the menu."""
        lang = self.language()
        own = addresses.prefix(lang, self.project.default)
        for made in generated.pages(self.project, lang):
            file = File.generated(config, own + made.source, content=made.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            # What static-i18n records on the files it sorts, read by its templates and by this plugin.
            file.locale = file.locale_alternate_of = file.localization = lang
            file.norm_src_uri = made.source
            file.alternates = {lang: file}
            files.append(file)
            self.generated.add(made.source)

    def on_page_read_source(self, page, config):
        """The page's text as the project read it, its front matter already read there: mkdocs would
        read the file again and parse its YAML a second time (0.7 s of CPU on 1,000 page pairs).
        mkdocs gets the body behind an empty front matter, so it splits it exactly as it splits the
        file (tests/test_page_source.py); on_page_markdown gives the page its front matter back. A
        page the project could not read, or whose front matter mkdocs would split otherwise, is
        left to mkdocs."""
        here = self._sources.get(os.path.normpath(page.file.abs_src_path or ""))
        if here is None or not here.readable or not here.meta:
            return None
        found = YAML_RE.match(here.text)
        if not found or here.text[found.end():] != here.body:
            return None
        self._meta[page.file.src_uri] = here.meta
        return EMPTY_FRONT_MATTER + here.body

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self._meta:  # read by the project (on_page_read_source)
            page.meta = dict(self._meta.pop(page.file.src_uri))
        lang, proj = self.language(), self.project
        # The sitemap's <lastmod>: the day the build judges dates by, read once with the project,
        # not the clock each page reads as it is made (mkdocs' Page): a build across midnight, or
        # the two engines of one `make site`, would date the same pages two days.
        page.update_date = proj.today.isoformat()
        work = self._pages.setdefault(page.file.src_uri, _PageWork())
        if page.meta.get("template") == wordspage.TEMPLATE:
            here = proj.pages.get(lang, {}).get(page.file.src_uri.removeprefix(f"{lang}/"))
            if here is not None:  # its lists skip Markdown: on_page_content puts them in
                markdown, work.word_lists = wordspage.markdown(proj, lang, here)
        if topics.TOPICS in markdown:  # the home page's list of topics, from the menu
            items = topics.topics(proj, lang, config.nav)
            markdown = topics.expand(markdown, items, getattr(page.file, "norm_src_uri", page.file.src_uri))
        dest = page.file.dest_uri  # each contact card ends with its vCard link, relative to this page

        def vcard(contact_id: str) -> str:
            return addresses.vcard_link(dest, lang, proj.default, contact_id)
        markdown, work.cards = render.set_cards_aside(render.expand(
            markdown, proj.registry, self.words(lang), proj.deadlines, vcard, self._references.setdefault(lang, {})))
        return markdown

    def on_page_content(self, html, page, config, files):
        lang = self.language()
        work = self._pages.pop(page.file.src_uri, _PageWork())
        if work.cards is not None:  # the contact cards skipped Markdown (render.set_cards_aside)
            html = render.put_cards_back(html, work.cards)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | work.cards.ids  # a link may name a card
        if work.word_lists:
            html = wordspage.fill(html, work.word_lists)
        # static-i18n's fallback_to_default: a page missing in a further language is the Spanish
        # file; say so in the reader's language instead of switching language silently.
        source = getattr(page.file, "locale", lang) or lang
        if source != lang:
            return fallback.wrap(html, self.words(lang), lang, source)
        return html

    def on_post_page(self, output, page, config):
        # Pages of a language the theme does not know (mix) use its Spanish words; <html lang> stays mix.
        # Names and numbers never break across lines (core/typography.py): on every page, here.
        return typography.keep_together(lean.compact_html(pagemarkup.valid_frame(fallback.set_html_lang(output, self.language()))))

    def on_env(self, env, config, files):
        # Every value a template prints is escaped (Material's templates and overrides/ alike): a
        # page's title or description, a source address, a words-file line can never add markup.
        # What is HTML already is marked so (on_page_context: the page's content, its sections).
        env.autoescape = True
        env.filters["first_page"] = first_page
        return env

    def on_page_context(self, context, page, config, nav):
        page.content = Markup(page.content or "")
        _sections_are_html(page.toc)
        proj, lang = self.project, self.language()
        uri = page.file.dest_uri if page.file else ""
        context["page_lang"] = lang
        context["words"] = self.words(lang)
        context["csp"] = Markup(pagemarkup.CSP)  # the code's own constant, not a field: printed as written
        context["page_alternates"] = addresses.alternates(config.site_url or "", uri, lang, proj.languages, proj.default)
        context["lang_root"] = addresses.language_root(uri, lang, proj.default)
        # The search page asks the other language's index the words its own does not know (search.js).
        other = addresses.other_language(lang, proj.languages, proj.default)
        context["other_search_index"] = (addresses.other_language_root(uri, other, proj.default)
                                         + f"{searchindex.FOLDER}/{searchindex.FILE}") if other else ""
        # The guided path: its pages are made from data/que-paso.yml (generated.py).
        context["guided_path"] = context["lang_root"] + QUE_PASO_FOLDER + "/" if self.generated else ""
        # The menu's guided-path link is the current page on its first question, the current set on the others.
        here = addresses.page_path(uri, lang, proj.default)
        context["on_guided_path"] = ("page" if here == QUE_PASO_FOLDER + "/" else
                                     "true" if here.startswith(QUE_PASO_FOLDER + "/") else "")
        source = getattr(page.file, "norm_src_uri", None) or page.file.src_uri.split("/", 1)[-1] if page.file else ""
        context["offline_save"] = offline.saves_here(source)  # "Guardar para leer sin señal" (home, help)
        # The downloads page (/descargas/) and what it lists: the guide in one file, every contact.
        context["downloads"] = context["lang_root"] + onefile.FOLDER + "/"
        context["one_file_guide"] = onefile.file_name(lang)
        context["zim_file"] = onezim.file_name(lang)
        context["booklets"] = [onebooklet.file_name(lang, paper) for paper in onebooklet.PAPERS]
        context["all_vcards"] = addresses.all_vcards_link(uri, lang, proj.default)
        context["discreet_vcards"] = addresses.discreet_vcards_link(uri, lang, proj.default)
        # The printed hours-and-pay log (flyers/registro-*.pdf): its topic page's flyer link and the
        # flyers page offer it, while the build makes it (core/printed.py).
        context["pay_log_topic"] = printed.LOG_TOPIC if printed.log_printed(proj) else ""
        # The local editions' pages (editionpages.py), listed on the flyers page: (its folder there, name).
        context["editions"] = [(f"{e.id}/", e.words("name", lang, proj.default)) for e in proj.editions.entries.values()
                               ] if proj.editions.readable else []
        names = {item.locale: item.name for item in self.i18n.config.languages} if self.i18n else {}
        context["page_twins"] = [
            {"lang": other, "name": names.get(other, other), "href": addresses.twin_link(uri, lang, other, proj.default)}
            for other in proj.languages if other != lang]
        return context

    def on_template_context(self, context, template_name, config):
        lang = self.language()
        context["words"] = self.words(lang)
        context["page_lang"] = lang
        context["csp"] = Markup(pagemarkup.CSP)  # the code's own constant, not a field: printed as written
        # The 404 page's links: this language's home (theme.language is the language being built, so
        # it cannot tell the default language apart).
        context["lang_home"] = addresses.absolute(config.site_url or "", addresses.home(lang, self.project.default))
        if template_name == "404.html":
            # The 404 answers any address, at any depth (/a/b/c/, /en/a/b/c/): its links start at the
            # site's root, never relative to the broken address (issue 26). The numbers, the guided
            # path and the topics are there, so a broken link still leads to help.
            root = urlsplit(context["lang_home"]).path or "/"
            context["lang_root"] = context["lang_home"] = root
            registry = self.project.registry
            context["not_found_calls"] = [
                (contact.text("name", lang), Markup(render.inline_phone(contact, self.words(lang))))
                for contact in (registry.get(cid) for cid in NOT_FOUND_CONTACTS) if contact is not None]
            context["not_found_topics"] = [
                (topic.title, root + addresses.page_address(topic.rel)) for topic in topics.topics(self.project, lang, config.nav)]
        return context

    def on_post_template(self, output, template_name, config):
        # static-i18n renders every language's 404 to the same /404.html; keep each in its folder.
        lang = self.language()
        output = pagemarkup.valid_frame(output)
        if template_name.endswith(".html"):
            output = typography.keep_together(output)
        if template_name == "404.html" and lang != self.project.default:
            output = fallback.set_html_lang(output, lang)
            sitefiles.write(Path(config.site_dir) / lang / "404.html", output)
            return ""
        return output

    @event_priority(-200)  # after static-i18n (-100) has built the other languages
    def on_post_build(self, config):
        if self.i18n is not None and self.i18n.building:
            return  # a further language's build inside this one: the outer build finishes the site
        proj, site = self.project, Path(config.site_dir)
        if not self.only:  # make site writes it beside the engines (buildsteps.py)
            searchindex.write(proj, site)  # one search index per language, written once
        # The generated pages are not in the engine's sitemap (added after static-i18n read the files).
        built = [self.only] if self.only else proj.languages
        sitefiles.add_pages(site / "sitemap.xml", config.site_url or "", proj.default, proj.languages, built,
                            sorted(self.generated))
        sitefiles.add_x_default(site / "sitemap.xml", config.site_url or "", proj.default, proj.languages)
        if not self.only or self.only == proj.default:
            for lang in proj.languages:  # the link-preview pictures (Open Graph), one per language
                words = self.words(lang)
                ogimage.write(site / ogimage.path(lang), config.site_name, words("og_tagline"), words("og_site"))
        for lang, pages in self.built.items():
            for problem in redirectpages.write(proj, lang, pages, site):
                log.warning(str(problem))  # strict: the build fails, naming the line
        if self.serving:
            self._preview_exports(site)
        self._config = None  # the next build (make serve's next change) reads the project again

    def _preview_exports(self, site: Path) -> None:
        """make serve: the "save to my phone" vCards, contacts.json and the embed pages, as make site
        writes them (the flyers, which take seconds, stay with make site: docs/printing.md)."""
        from . import exports
        for problem in exports.export(self.project, site):
            log.warning(f"make serve: {problem}")

    def on_serve(self, server, config, builder):
        # The exports read data/ (contacts, words): a change there rebuilds the preview too.
        server.watch(str(Path(config.config_file_path).parent / "data"))
        return server


EMPTY_FRONT_MATTER = "---\n{}\n---\n"  # mkdocs reads it as no front matter and splits the body off as it would


def first_page(item):
    """A menu item's first page: the item itself, or a group's first page (the menu links a group
    that does not hold the open page to it: overrides/partials/nav.html)."""
    while item.children:
        item = item.children[0]
    return item


def _sections_are_html(items) -> None:
    """A section's title in the page's table of contents is HTML already (Markdown wrote it)."""
    for item in items or []:
        item.title = Markup(item.title)
        _sections_are_html(item.children)
