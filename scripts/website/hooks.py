"""MkDocs hooks: the only Python that touches the site engine (with overrides/ templates).

Listed in mkdocs.yml under `hooks:`. Everything here delegates to engine-free modules, so moving
to another generator means rewriting this file and the templates, nothing else.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from jinja2 import pass_context
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.templates import url_filter

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.core import addresses, project, redirects
from scripts.website import engine, fallback, lean, ogimage, pagemarkup, render, searchindex, sitefiles, topics, wordspage
from scripts.quepaso import pages as quepaso_pages
from scripts.core import quepaso as quepaso_model
from scripts.core.quepaso import FOLDER as QUE_PASO_FOLDER
from scripts.website.templatedata import TemplateData

KEY = "derechos"  # where the loaded registry and words ride along in config.extra
WORD_LISTS = "derechos_word_lists"  # the words page's lists, from on_page_markdown to on_page_content
CARDS = "derechos_contact_cards"  # a page's contact cards, from on_page_markdown to on_page_content


def _i18n(config):
    return config.plugins.get("i18n")


def _language(config) -> str:
    plugin = _i18n(config)
    return plugin.current_language if plugin else "es"


def _data(config) -> TemplateData:
    return config.extra[KEY]


def on_config(config):
    plugin = _i18n(config)
    only = os.environ.get(engine.ONLY_LANGUAGE)
    if plugin is not None and only and plugin.current_language is None:
        # `make site` builds each language in its own process, on its own core (build.py): this
        # one builds `only`, to the same addresses as a build of every language would.
        plugin.current_language = only
    languages = [lang.locale for lang in plugin.config.languages] if plugin else ["es"]
    default = plugin.default_language if plugin else "es"
    config.extra[KEY] = TemplateData.load(Path(config.config_file_path).parent, languages, default)
    return config


@event_priority(-150)  # after static-i18n (-100) has sorted this language's files and paired twins
def on_files(files, config):
    # Material's files that no page loads stay out of site/ (scripts/website/lean.py says which).
    for file in [f for f in files if lean.theme_file_unused(f.dest_uri)]:
        files.remove(file)
    # In a one-language process (see on_config), static-i18n must then build no other language:
    # every language stays `build: true` until here, so pages and sitemap still name their twins.
    plugin, only = _i18n(config), os.environ.get(engine.ONLY_LANGUAGE)
    if plugin is not None and only:
        for language in plugin.config.languages:
            language.build = language.locale == only
    # The path's pages first, so the redirects below may lead to them too.
    files = add_que_paso_pages(files, config)
    _language_redirects(files, config)
    return files


def _language_redirects(files, config) -> None:
    """mkdocs-redirects knows nothing of language folders: its map is taken from data/redirects.yml
    and rewritten for the language being built, so one line 'viejo/: salarios/' serves /viejo/ and
    /en/viejo/, each leading to its own language."""
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return
    data, lang = _data(config), _language(config)
    own = addresses.prefix(lang, data.default)
    # The plugin validates targets against this language's pages, keyed the way its map names
    # them. A further language may show a Spanish page in its place (fallback): that one counts
    # too, unless the language has its own.
    plugin.doc_pages = {}
    for f in files.documentation_pages():
        key = own + getattr(f, "norm_src_uri", f.src_uri)
        if f.dest_uri.startswith(own) and (getattr(f, "locale", lang) == lang or key not in plugin.doc_pages):
            plugin.doc_pages[key] = f
    plugin.redirects = {}
    for item in redirects.load(data.root).items:
        path, hash_, section = item.new.partition("#")
        plugin.redirects[own + addresses.source_of(item.old)] = own + addresses.source_of(path) + hash_ + section
    # Its page (an inline script, lang="en") is swapped for a script-free one in this language,
    # with the site's CSP; the plugin reads this module variable when it writes each redirect.
    import mkdocs_redirects.plugin as redirects_module
    redirects_module.HTML_TEMPLATE = pagemarkup.redirect_template(lang, data.words(lang))


def add_que_paso_pages(files, config):
    """"¿Qué le pasó?": one page per question and outcome, made from data/que-paso.yml for the
    language being built; reached through the path, not the menu (NOT_IN_NAV). Called from
    on_files, which runs after static-i18n (-100) has sorted this language's files."""
    data, lang = _data(config), _language(config)
    own = addresses.prefix(lang, data.default)
    labels = quepaso_pages.read_labels(data.root, data.que_paso, lang)
    for made in quepaso_pages.pages(data.que_paso, data.registry, data.deadlines, labels, data.words(lang)):
        file = File.generated(config, own + made.source, content=made.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        # What static-i18n records on the files it sorts (read by its templates and by these hooks).
        file.locale = file.locale_alternate_of = file.localization = lang
        file.norm_src_uri = made.source
        file.alternates = {lang: file}
        files.append(file)
    return files


def _project(config) -> project.Project:
    # Loaded once: the words page, the home page's topics and the search index need every page's front matter.
    if "project" not in config.extra:
        root = Path(config.config_file_path).parent
        config.extra["project"] = engine.project_read(root) or project.load(root)
    return config.extra["project"]


def on_page_markdown(markdown, page, config, files):
    data, lang = _data(config), _language(config)
    if page.meta.get("template") == wordspage.TEMPLATE:
        loaded = _project(config)
        rel = page.file.src_uri.removeprefix(f"{lang}/")
        here = loaded.pages.get(lang, {}).get(rel)
        if here is not None:  # its lists skip Markdown: on_page_content puts them in
            markdown, config.extra[WORD_LISTS] = wordspage.markdown(loaded, lang, here)
    if topics.TOPICS in markdown:  # the home page's list of topics, from the menu
        items = topics.topics(_project(config), lang, config.nav)
        markdown = topics.expand(markdown, items, getattr(page.file, "norm_src_uri", page.file.src_uri))
    dest = page.file.dest_uri  # each contact card ends with its vCard link, relative to this page

    def vcard(contact_id: str) -> str:
        return addresses.vcard_link(dest, lang, data.default, contact_id)
    markdown, config.extra[CARDS] = render.set_cards_aside(
        render.expand(markdown, data.registry, data.words(lang), data.deadlines, vcard))
    return markdown


def on_page_content(html, page, config, files):
    data, lang = _data(config), _language(config)
    if CARDS in config.extra:  # the contact cards skipped Markdown (render.set_cards_aside)
        aside = config.extra.pop(CARDS)
        html = render.put_cards_back(html, aside)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | aside.ids  # a link may name a card
    # static-i18n's fallback_to_default: a page missing in a further language is the Spanish file;
    # say so in the reader's language instead of switching language silently.
    if page.meta.get("template") == wordspage.TEMPLATE and WORD_LISTS in config.extra:
        html = wordspage.fill(html, config.extra.pop(WORD_LISTS))
    source = getattr(page.file, "locale", lang) or lang
    if source != lang:
        return fallback.wrap(html, data.words(lang), lang, data.words(source), source)
    return html


def on_post_page(output, page, config):
    # Pages of a language the theme does not know (mix) use its Spanish words; <html lang> stays mix.
    return lean.compact_html(pagemarkup.valid_frame(fallback.set_html_lang(output, _language(config))))


def on_env(env, config, files):
    env.filters["menu_link"] = _menu_link
    return env


@pass_context
def _menu_link(context, item) -> str:
    """A menu item that does not hold the open page (overrides/partials/nav.html): one link, a
    group of pages pruned to its first page, exactly as the template's render() writes it. Each
    page lists every menu section, so on 1,000 page pairs this runs 80 times a page: in Python it
    costs a fraction of a template macro call (docs/bench.md)."""
    first = item
    while first.children:
        first = first.children[0]
    href = url_filter(context, first.url)
    return f'\n    <li class="md-nav__item"><a href="{href}" class="md-nav__link">{item.title}</a></li>'


def on_page_context(context, page, config, nav):
    data, lang = _data(config), _language(config)
    uri = page.file.dest_uri if page.file else ""
    context["page_lang"] = lang
    context["words"] = data.words(lang)
    context["csp"] = pagemarkup.CSP
    context["page_alternates"] = addresses.alternates(config.site_url or "", uri, lang, data.languages, data.default)
    context["lang_root"] = addresses.language_root(uri, lang, data.default)
    # The guided path (issue 15): its pages are made from data/que-paso.yml (add_que_paso_pages).
    context["guided_path"] = context["lang_root"] + QUE_PASO_FOLDER + "/" if quepaso_pages.has_pages(data.que_paso) else ""
    plugin = _i18n(config)
    names = {item.locale: item.name for item in plugin.config.languages} if plugin else {}
    context["page_twins"] = [
        {"lang": other, "name": names.get(other, other), "href": addresses.twin_link(uri, lang, other, data.default)}
        for other in data.languages if other != lang]
    return context


def on_template_context(context, template_name, config):
    lang = _language(config)
    context["words"] = _data(config).words(lang)
    context["page_lang"] = lang
    context["csp"] = pagemarkup.CSP
    # The 404 page's links: this language's home (theme.language is the language being built, so
    # it cannot tell the default language apart).
    context["lang_home"] = addresses.absolute(config.site_url or "", addresses.home(lang, _data(config).default))
    return context



def on_post_template(output, template_name, config):
    # static-i18n renders every language's 404 to the same /404.html; keep each in its folder.
    lang, data = _language(config), _data(config)
    output = pagemarkup.valid_frame(output)
    if template_name == "404.html" and lang != data.default:
        output = fallback.set_html_lang(output, lang)
        sitefiles.write(Path(config.site_dir) / lang / "404.html", output)
        return ""
    return output


@event_priority(-200)  # after static-i18n (-100) has built the other languages
def on_post_build(config):
    plugin = _i18n(config)
    if plugin is not None and plugin.building:
        return  # a nested language build; the outer build finishes the whole site
    data = _data(config)
    site = Path(config.site_dir)
    if not os.environ.get(engine.ONLY_LANGUAGE):  # make site writes it beside the engines (buildsteps.py)
        searchindex.write(_project(config), site)  # one search index per language, written once
    # The path's pages are not in the engine's sitemap (added after static-i18n read the files).
    built = [os.environ[engine.ONLY_LANGUAGE]] if os.environ.get(engine.ONLY_LANGUAGE) else data.languages
    sitefiles.add_pages(site / "sitemap.xml", config.site_url or "", data.default, data.languages, built,
                        sorted(quepaso_model.sources(data.que_paso)))
    sitefiles.add_x_default(site / "sitemap.xml", config.site_url or "", data.default, data.languages)
    for lang in data.languages:  # the link-preview pictures (Open Graph), one per language
        words = data.words(lang)
        ogimage.write(site / ogimage.path(lang), config.site_name, words("og_tagline"), words("og_site"))
    if os.environ.get(engine.PREVIEW):
        _preview_exports(config, site)


def _preview_exports(config, site: Path) -> None:
    """make serve: the "save to my phone" vCards, contacts.json and the embed pages, as make site
    writes them (the flyers, which take seconds, stay with make site: docs/printing.md)."""
    from scripts.website import exports
    from scripts.core import project
    proj = project.load(Path(config.config_file_path).parent)
    for problem in exports.export(proj, site):
        print(f"make serve: {problem}", file=sys.stderr)


def on_serve(server, config, builder):
    # The exports read data/ (contacts, words): a change there rebuilds the preview too.
    server.watch(str(Path(config.config_file_path).parent / "data"))
    return server
