"""The HTTP headers the site asks of its host, written once here for every kind of host.

A page's <meta> tags carry the Content-Security-Policy and the no-referrer rule, but three things
only a header can say: who may show the site inside a frame (`frame-ancestors`; another site once
framed /trata/ with its call links live), that a file is what its name says
(`X-Content-Type-Options`), and the referrer rule for files that are not pages (PDFs, vCards).
The embed pages are the exception: NGOs show them in a frame, so any site may frame them, under
their own stricter policy.

`make site` writes `site/_headers` (Netlify, Cloudflare Pages) and `site/.htaccess` (Apache);
`make headers` prints the same rules for nginx. docs/hosting.md says how to use each, and what
GitHub Pages cannot do.
"""
from __future__ import annotations

from pathlib import Path

from ..core import addresses
from ..core.problems import Problem
from ..core.project import Project
from .exports import EMBED_CSP
from .pagemarkup import CSP

SHARED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
PAGES = {"Content-Security-Policy": f"{CSP}; frame-ancestors 'none'", "X-Frame-Options": "DENY", **SHARED}
EMBEDS = {"Content-Security-Policy": EMBED_CSP, **SHARED}  # framed by any site, nothing else loads


def embed_folders(project: Project) -> list[str]:
    """'/embed/', '/en/embed/', …: every language's folder of embed pages."""
    return sorted({addresses.embed(lang, project.default, "x").removesuffix("x/") for lang in project.languages})


def _rules(site: Path, embeds: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Rules that never overlap (hosts differ on what two matching rules do): a folder with no
    embed pages under it is one rule, `/folder/*`; a folder holding some is its files one by one."""
    rules: list[tuple[str, dict[str, str]]] = []

    def walk(folder: Path, url: str) -> None:
        if url in embeds:
            rules.append((url + "*", EMBEDS))
            return
        if not any(embed.startswith(url) for embed in embeds):
            rules.append((url + "*", PAGES))
            return
        for item in sorted(folder.iterdir()):
            if item.is_dir():
                walk(item, f"{url}{item.name}/")
            elif item.name != "_headers":  # read by the host, never served
                rules.append((url + item.name, PAGES))
                if item.name == "index.html":
                    rules.append((url, PAGES))
    walk(site, "/")
    return rules


def netlify(site: Path, embeds: list[str]) -> str:
    lines = ["# Written by make site (scripts/website/headers.py): the headers Netlify and Cloudflare Pages send."]
    for url, headers in _rules(site, embeds):
        lines += [url, *(f"  {name}: {value}" for name, value in headers.items())]
    return "\n".join(lines) + "\n"


def _embed_regex(embeds: list[str]) -> str:
    return "^(?:" + "|".join(e.replace(".", r"\.") for e in embeds) + ")"


def language_folders(project: Project) -> list[str]:
    """'/en/', …: the folders of the languages that have their own 404 page (the first is at /)."""
    return [f"/{addresses.prefix(lang, project.default)}" for lang in project.languages if lang != project.default]


def apache(embeds: list[str], languages: list[str]) -> str:
    def block(headers: dict[str, str], indent: str) -> list[str]:
        return [f'{indent}Header always set {name} "{value}"' for name, value in headers.items()]
    return "\n".join([
        "# Written by make site (scripts/website/headers.py): Apache (mod_headers) reads it from the site's folder.",
        "<IfModule mod_headers.c>",
        f'  <If "%{{REQUEST_URI}} =~ m#{_embed_regex(embeds)}#">', *block(EMBEDS, "    "), "  </If>",
        "  <Else>", *block(PAGES, "    "), "  </Else>",
        "</IfModule>",
        "ErrorDocument 404 /404.html",
        *(line for folder in languages for line in (
            f'<If "%{{REQUEST_URI}} =~ m#^{folder}#">', f"  ErrorDocument 404 {folder}404.html", "</If>")),
    ]) + "\n"


def nginx(embeds: list[str], languages: list[str]) -> str:
    def block(headers: dict[str, str], indent: str) -> list[str]:
        return [f'{indent}add_header {name} "{value}" always;' for name, value in headers.items()]
    return "\n".join([
        "# The site's headers for nginx (make headers; scripts/website/headers.py). Paste inside the site's server { }",
        "# block, in place of its own 'location / { ... }' (nginx refuses two): docs/hosting.md, nginx.",
        "# nginx drops the server's add_header lines in a location that has its own: each location lists all.",
        "location / {", *block(PAGES, "    "), "}",
        f"location ~ {_embed_regex(embeds)} {{", *block(EMBEDS, "    "), "}",
        "error_page 404 /404.html;",
        *(line for folder in languages for line in (
            f"location {folder} {{", *block(PAGES, "    "), f"    error_page 404 {folder}404.html;", "}")),
    ]) + "\n"


def write(project: Project, site: Path) -> list[Problem]:
    """A build step (buildsteps.STEPS, the last): site/_headers and site/.htaccess."""
    embeds = embed_folders(project)
    (site / ".htaccess").write_text(apache(embeds, language_folders(project)), encoding="utf-8")
    (site / "_headers").write_text(netlify(site, embeds), encoding="utf-8")  # the last: it lists the files
    return []
