"""The site's own pieces of HTML, one Jinja template each in scripts/website/templates/.

Autoescape and StrictUndefined, as the flyers' templates: every text from the content, the words
files or the registry is escaped wherever it lands, and a template that names a missing value
fails the build instead of printing nothing. The pages' frame is Material's templates and
overrides/, rendered by the engine (plugin.py turns autoescape on there too).

  contact-card.html     a help line's card (pages, the directory, embeds); directory.html the groups
  inline.html           macros: a number in a sentence, a deadline in a sentence
  fallback.html         a page shown in Spanish while a further language lacks it, with the notice
  redirect.html         the page left at an old address (data/redirects.yml)
  embed.html            a contact group for an NGO's <iframe>
  que-paso-question.html, que-paso-outcome.html   the guided path's pages (que-paso-parts.html: their shared parts)
  state-page.html, state-list.html   a state's page and the lists of the states (statepages.py)
  edition-page.html                  a local edition's page: its office and its PDFs (editionpages.py)
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..core import typography

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment():
    # auto_reload off: a build reads each template once, not the file's date at every card.
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=False, auto_reload=False)


@lru_cache(maxsize=None)
def template(name: str):
    return environment().get_template(name)


def render(name: str, **values: object) -> Markup:
    """The component, as HTML that is safe to put into a page (Markup). Names and numbers in it
    never break across lines (core/typography.py), whether it is a whole page or a piece of one."""
    html = template(name).render(**values)
    return Markup(typography.keep_together(html) if name.endswith(".html") else html)


@lru_cache(maxsize=None)
def macro(name: str, which: str):
    """A macro of a template (inline.html: phone, deadline), callable from Python; returns Markup."""
    return getattr(template(name).module, which)
