"""MkDocs hooks for permanent links and sharing (engine glue, like scripts/hooks.py).

- Redirects: mkdocs-redirects knows nothing of language folders. Its map is taken from
  data/redirects.yml and rewritten for the language being built, so one line 'viejo/: salarios/'
  serves /viejo/ and /en/viejo/, each leading to its own language.
- The link-preview images (Open Graph), one per language, written with the site.
The work itself lives in engine-free modules (redirects, addresses, ogimage); the "save to my phone" link of each
contact card is rendered with the card (render.contact_card, called from hooks.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import addresses, ogimage, pagemarkup
from scripts import redirects
from scripts.hooks import KEY, _i18n, _language, add_que_paso_pages


def _languages(config) -> tuple[list[str], str]:
    plugin = _i18n(config)
    if plugin is None:
        return ["es"], "es"
    return [lang.locale for lang in plugin.config.languages], plugin.default_language


def on_files(files, config):
    # The path's pages first, so the redirects below may lead to them too.
    files = add_que_paso_pages(files, config)
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return files
    lang = _language(config)
    languages, default = _languages(config)
    own = addresses.prefix(lang, default)
    found = redirects.load(Path(config.config_file_path).parent)
    # The plugin validates targets against this language's pages, keyed the way its map names
    # them. A further language may show a Spanish page in its place (fallback): that one counts
    # too, unless the language has its own.
    plugin.doc_pages = {}
    for f in files.documentation_pages():
        key = own + getattr(f, "norm_src_uri", f.src_uri)
        if f.dest_uri.startswith(own) and (getattr(f, "locale", lang) == lang or key not in plugin.doc_pages):
            plugin.doc_pages[key] = f
    plugin.redirects = {}
    for item in found.items:
        path, hash_, section = item.new.partition("#")
        plugin.redirects[own + addresses.source_of(item.old)] = own + addresses.source_of(path) + hash_ + section
    # Its page (an inline script, lang="en") is swapped for a script-free one in this language,
    # with the site's CSP; the plugin reads this module variable when it writes each redirect.
    import mkdocs_redirects.plugin as redirects_module
    redirects_module.HTML_TEMPLATE = pagemarkup.redirect_template(lang, config.extra[KEY].words(lang))
    return files


on_files.mkdocs_priority = -150  # after static-i18n (-100) has sorted the files by language


def on_post_build(config):
    plugin = _i18n(config)
    if plugin is not None and plugin.building:
        return  # a nested language build; the outer build finishes the whole site
    languages, _ = _languages(config)
    data = config.extra[KEY]
    for lang in languages:
        words = data.words(lang)
        ogimage.write(Path(config.site_dir) / ogimage.path(lang), config.site_name, words("og_tagline"), words("og_site"))


on_post_build.mkdocs_priority = -200  # after static-i18n has built the other languages
