"""data/redirects.yml: a moved page's old address leads to its new one, in every language.

Read once by the project loader (Project.redirects); the site plugin writes the redirect pages
from it (scripts/website/redirectpages.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .addresses import page_address
from .datafile import read_yaml
from .problems import Problem
from .yamlfile import LineDict

REDIRECTS = "data/redirects.yml"


@dataclass
class Redirect:
    old: str      # address inside a language, e.g. 'viejo/'
    new: str      # address inside a language, may carry '#section'
    line: int


@dataclass
class Redirects:
    items: list[Redirect] = field(default_factory=list)   # pages: the engine writes a redirect page for each
    problems: list[Problem] = field(default_factory=list)
    # Renamed contacts: 'contactos/whd.vcf: contactos/wage_hour.vcf'. A vCard cannot be a redirect
    # page: the build copies the new contact's vCard to the old name in every language, and
    # contacts.json lists the old id under "renamed" (scripts/website/exports.py).
    contacts: list[Redirect] = field(default_factory=list)

    def renamed(self) -> dict[str, str]:
        """old contact id -> new contact id."""
        return {item.old: item.new for item in self.contacts}


VCARD = re.compile(r"^/?(?:[a-z]{2,3}/)?contactos/([^/\s]+)\.vcf$")


def normal(address: object) -> str:
    """A maintainer may write '/viejo', 'viejo/' or 'viejo/index.md': all mean 'viejo/'."""
    text = str(address or "").strip()
    path, hash_, section = text.partition("#")
    path = path.strip("/")
    if path.endswith(".md"):
        path = page_address(path)
    elif path:
        path += "/"
    return path + hash_ + section


def load(root: Path) -> Redirects:
    """Read data/redirects.yml (optional file); never raises."""
    found = Redirects()
    if not (root / REDIRECTS).exists():
        return found
    read = read_yaml(root, REDIRECTS)
    found.problems.extend(read.problems)
    if read.unreadable or read.broken:
        return found
    data = read.data
    if data is None:
        return found
    if isinstance(data, dict):
        for key in data:  # 'pago/: salarios/' written at the start of the line is not under 'redirects:'
            if key != "redirects":
                found.problems.append(Problem(REDIRECTS, data.line_of(key), f"'{key}' is not under 'redirects:', so "
                                              f"nothing would lead there: start the line with two spaces, like '  {key}: …'"))
    maps = data.get("redirects") if isinstance(data, dict) else None
    if isinstance(data, dict) and "redirects" in data and maps is None:
        return found  # the section is there, with no redirect yet
    if not isinstance(maps, dict):
        found.problems.append(Problem(REDIRECTS, getattr(data, "line", 1), "the file needs a 'redirects:' section with lines 'old/address/: new/address/'"))
        return found
    for old, new in maps.items():
        line = maps.line_of(old) if isinstance(maps, LineDict) else 1
        if not isinstance(new, str) or not new.strip():
            found.problems.append(Problem(REDIRECTS, line, f"'{old}' needs a new address after the colon, like 'salarios/'"))
            continue
        old_card, new_card = VCARD.match(str(old).strip()), VCARD.match(new.strip())
        if old_card or new_card:
            if not (old_card and new_card):
                found.problems.append(Problem(REDIRECTS, line, f"'{old}: {new}': a contact's vCard leads only to another "
                                              "contact's vCard, like 'contactos/whd.vcf: contactos/wage_hour.vcf'"))
                continue
            found.contacts.append(Redirect(old_card.group(1), new_card.group(1), line))
            continue
        found.items.append(Redirect(normal(old), normal(new), line))
    return found
