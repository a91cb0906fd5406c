"""Every command of `python -m scripts <name>` (the Makefile's targets), listed once in COMMANDS.

A command loads the project, asks the domain modules for data, prints it (`path:line: …` lines
for problems, through problems.report/show) and returns an exit code. __main__.py only parses
the command line from COMMANDS and guards against tracebacks.
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dataclasses import dataclass, field
from typing import Any, Callable

from .core import addresses, project, recheck, stale, urls
from . import checks, parallel
from .checks import freshness, safety
from .core.contacts import REGISTRY
from .core.problems import Problem, failed, report, show


def run_checks(proj: project.Project, chosen: list[checks.Check] | None = None,
               tasks: parallel.Tasks | None = None) -> list[Problem]:
    """Every check (`chosen`, default checks.ALL), the slowest ones (checks.SLOW) as a task beside
    the others: the same problems in the same order as checks.run. If the task fails (its process
    killed, a check raising there), its checks run here: the same problems, or the same internal
    error the command line reports."""
    chosen = list(chosen or checks.ALL)
    slow = [check for check in chosen if check in checks.SLOW]
    if not slow or checks.stopped(proj):
        return checks.run(proj, chosen)
    tasks = tasks or parallel.tasks()
    beside = tasks.add("the slowest checks", checks.each, proj, slow)
    rest = [check for check in chosen if check not in slow]
    found = dict(zip(rest, checks.each(proj, rest)))
    try:
        found.update(zip(slow, tasks.result(beside)))
    except parallel.TaskFailed:
        found.update(zip(slow, checks.each(proj, slow)))
    return checks.run(proj, chosen, found)


def cmd_check(args: argparse.Namespace) -> int:
    return report(run_checks(project.load(Path(args.root), args.today)), strict=args.strict)


def cmd_build(args: argparse.Namespace) -> int:
    """`make site`: the checks first (an error leaves site/ as it was), then the build."""
    from . import build  # imports the flyer renderer (WeasyPrint): only when building
    root = Path(args.root).resolve()
    site = build.site_folder(root, Path(args.site_dir))
    try:
        with build.lock(site):
            build.recover(site)
            build.leftovers(site)
            return _build(root, site, args)
    except build.Busy:
        print(f"another build of {site.name}/ is running: wait for it to finish, then run 'make site' again "
              f"({site.name}/ was left as it was).")
        return 1


def _build(root: Path, site: Path, args: argparse.Namespace) -> int:
    from . import build
    proj = project.load(root, args.today)
    with build.Build(proj, root, site, serial=args.serial) as run:  # flyers and engines start now, beside the checks
        if report(checks.run(proj)) != 0:
            print(f"{site.name}/ was left as it was: fix the problems above, then run 'make site' again.")
            return 1
        outcome = run.finish()
    if not outcome.built:
        for line in outcome.engine:
            print(line)
        show(outcome.problems)
        print(f"build failed: {site.name}/ was left as it was. Fix the problems above and run 'make site' again.")
        return 1
    show(outcome.problems)  # warnings of the build steps (flyers for the placeholder address)
    print(f"built {site.name}/ ({outcome.pages} HTML pages, {outcome.flyers} flyer PDFs)")
    return 0


def cmd_headers(args: argparse.Namespace) -> int:
    """`make headers`: the nginx lines (make site writes _headers and .htaccess itself)."""
    from .website import headers
    proj = project.load(Path(args.root), args.today)
    print(headers.nginx(headers.embed_folders(proj), headers.language_folders(proj)), end="")
    return 0


def cmd_urls(args: argparse.Namespace) -> int:
    """`make urls`: add the new addresses to data/urls.txt."""
    root = Path(args.root)
    proj = project.load(root, args.today)
    # An address written here is kept for ever, so record only what a clean project publishes:
    # a wrong group:, a trial language or a misnamed folder would otherwise be listed for good.
    # (The list's own problems, such as the list missing or out of date, are what this command fixes.)
    others = [check for check in checks.ALL if check.__name__ != "check_manifest"]
    errors = [p for p in checks.run(proj, others) if p.severity == "error"]
    if errors:
        report(errors)
        print(f"urls: nothing was added to {urls.MANIFEST}: fix the errors above ('make check'), then run 'make urls' again.")
        return 1
    new, problems = urls.update(root, proj)
    if problems:
        return report(problems)
    for url in new:
        print(f"{urls.MANIFEST}: added {url}")
    print(f"{urls.MANIFEST}: {len(new)} new address(es). Commit {urls.MANIFEST} with your change.")
    return 0


def cmd_que_paso_graph(args: argparse.Namespace) -> int:
    from .quepaso import graph
    root = Path(args.root)
    proj = project.load(root, args.today)
    problems = graph.blocking(proj, checks.run(proj))
    if problems:
        report(problems)
        print("que-paso-graph: fix data/que-paso.yml first; no diagram was written.")
        return 1
    written, missing = graph.write(proj, Path(args.out) if args.out else root / graph.OUT)
    for target in written:
        print(f"que-paso-graph: wrote {target}")
    if missing:
        print(f"que-paso-graph: {missing}")
        return 1
    return 0


def cmd_stale(args: argparse.Namespace) -> int:
    lines, behind = stale.listing(project.load(Path(args.root), args.today))
    print("\n".join(lines))
    return 1 if behind and args.strict else 0


def cmd_translated(args: argparse.Namespace) -> int:
    proj = project.load(Path(args.root), args.today)
    if args.all:
        names = [f"{lang}/{rel}" for lang in proj.languages[1:] for rel in sorted(proj.pages.get(lang, {}))
                 if rel in proj.pages.get(proj.default, {})]
    else:
        names = args.pages
    if not names:
        print("translated: name a page, like: make translated PAGE=en/salarios/index.md")
        return 1
    failed = 0
    for name in names:
        found = stale.resolve(proj, name)
        if found is None:
            print(f"{name}:1: not a page path: write it like en/salarios/index.md")
            failed += 1
            continue
        ok, message = stale.mark(proj, *found)
        print(message)
        failed += not ok
    return 1 if failed else 0


def cmd_likely(args: argparse.Namespace) -> int:
    """What to confirm: re-check dates (soonest first), then contacts whose number is still 'likely'."""
    proj = project.load(Path(args.root), args.today)
    config = proj.settings
    today = proj.today
    rechecks, problems = recheck.listing(proj)
    for problem in problems:
        print(problem)
    if rechecks:
        print("Re-check dates, soonest first:")
    for item in rechecks:
        when = "DUE NOW, " if item.day <= today else ""
        print(f"{item.path}:{item.line}: {when}{item.what}: re-check on {item.day.isoformat()}: {item.note}; "
              f"read it on {item.source}")
    limit = freshness.months_before(today, config.max_age_months)
    likely = sorted((c for c in proj.registry.contacts.values() if c.confidence == "likely"),
                    key=lambda c: (c.checked or dt.date.min, c.id))
    if likely:
        print("Contacts whose number is still 'likely', oldest check first:")
    for c in likely:
        checked = c.checked.isoformat() if c.checked else "never"
        late = " (older than the limit: check it first)" if not c.checked or c.checked < limit else ""
        dial = c.dial()
        print(f"{REGISTRY}:{c.line}: {c.id}: {c.text('name', proj.default)}; {dial.display if dial else c.phone}; "
              f"last checked {checked}{late}; confirm at {c.source or c.website or '(no source given)'}")
    due = sum(1 for item in rechecks if item.day <= today)
    print(f"likely: {len(likely)} contact(s) to confirm, {len(rechecks)} re-check date(s) ({due} due now). "
          "When a number is read on the agency's own page, set 'confidence: verified' and 'checked:' to that day; "
          "after a re-check, set 'recheck:' to the next date.")
    return 1 if problems and any(p.severity == "error" for p in problems) else 0


def cmd_readability(args: argparse.Namespace) -> int:
    from .reports import readability  # textstat and its word lists: only for this report, not for make check
    lines, problems, scores = readability.report(project.load(Path(args.root), args.today))
    print("\n".join(lines))
    show(problems)
    low = sum(1 for s in scores if s.low)
    print(f"readability: {len(scores)} page(s) scored, {low} below the threshold in data/checks.yml.")
    return 1 if failed(problems) or (args.strict and problems) else 0


def cmd_links(args: argparse.Namespace) -> int:
    proj = project.load(Path(args.root), args.today)
    config = proj.settings
    links = safety.external_links(proj)
    for link in sorted(links, key=lambda l: (l.host, l.path, l.line)):
        mark = "" if config.domain_allowed(link.host) else "  <- not in allowed_domains (data/checks.yml)"
        print(f"{link.path}:{link.line}: {link.url}{mark}")
    hosts = sorted({link.host for link in links})
    outside = [h for h in hosts if not config.domain_allowed(h)]
    print(f"links: {len(links)} link(s) to {len(hosts)} site(s); {len(outside)} outside the allowlist"
          + (f": {', '.join(outside)}" if outside else "") + ".")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """`make search Q="me lastimé" SEARCH_LANG=en`: the top results, ranked as the site ranks them."""
    import os
    from .reports import searchquery
    query = " ".join(args.words) or os.environ.get("Q", "")
    lang = args.lang or os.environ.get("SEARCH_LANG") or "es"
    proj = project.load(Path(args.root), args.today)
    if lang not in proj.languages:
        print(f"search: no language '{lang}': use one of {', '.join(proj.languages)}, like SEARCH_LANG=en")
        return 1
    if not query.strip():
        print('search: say what to look for, like: make search Q="me lastimé" (English: add SEARCH_LANG=en)')
        return 1
    try:
        hits = searchquery.run(proj, lang, [query], args.limit)[0]
    except searchquery.NodeMissing as exc:
        print(f"search: {exc}")
        return 1
    prefix = addresses.prefix(lang, proj.default)
    print(f"search ({lang}): {query}")
    if not hits:
        print("  nothing matched: the search page shows the help directory and the list of topics instead.")
        print("  If people say it this way, add the phrase to the right page's 'phrases:' (docs/pages.md).")
    for rank, hit in enumerate(hits, start=1):
        where = f" — {hit.section_title}" if hit.section_title else ""
        print(f"  {rank}. {hit.title}{where}   /{prefix}{hit.link}   (score {hit.score:g})")
    return 0


@dataclass
class Command:
    name: str
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: list[tuple[tuple[str, ...], dict[str, Any]]] = field(default_factory=list)


STRICT = (("--strict",), {"action": "store_true", "help": "treat warnings as errors"})

COMMANDS: list[Command] = [
    Command("check", "check content, registry and translations", cmd_check, [STRICT]),
    Command("build", "check, then build the site (and flyers) into site/", cmd_build,
            [(("--site-dir",), {"default": "site"}),
             (("--serial",), {"action": "store_true",
                              "help": "one part after the other in one process (default: side by side on the cores)"})]),
    Command("urls", "add the site's new addresses to data/urls.txt (never removes one)", cmd_urls),
    Command("stale", "list translations whose Spanish page changed, with what changed", cmd_stale,
            [(("--strict",), {"action": "store_true", "help": "exit 1 when a translation is behind"})]),
    Command("translated", "mark pages as translated from today's Spanish page", cmd_translated,
            [(("pages",), {"nargs": "*", "help": "like en/salarios/index.md (without a language: English)"}),
             (("--all",), {"action": "store_true", "help": "mark every translated page (first set-up only)"})]),
    Command("likely", "list re-check dates and contacts whose number is still 'likely'", cmd_likely),
    Command("readability", "readability score and longest sentences of every page", cmd_readability,
            [(("--strict",), {"action": "store_true", "help": "exit 1 when a page is below its threshold"})]),
    Command("links", "list every link to another site and its domain", cmd_links),
    Command("headers", "print the site's HTTP headers as nginx configuration (docs/hosting.md)", cmd_headers),
    Command("search", "what the site's search finds for some words (make search Q=\"...\")", cmd_search,
            [(("words",), {"nargs": "*", "help": "the words to look for (default: the Q variable)"}),
             (("--lang",), {"default": "", "help": "the language to search (default: SEARCH_LANG, else es)"}),
             (("--limit",), {"type": int, "default": 5})]),
    Command("que-paso-graph", "draw the '¿Qué le pasó?' tree: a Graphviz .dot file and its PDF per language", cmd_que_paso_graph,
            [(("--out",), {"default": None, "help": "folder for the .dot files (default: que-paso-graph/)"})]),
]


def add_commands(sub: argparse._SubParsersAction) -> None:
    for command in COMMANDS:
        parser = sub.add_parser(command.name, help=command.help)
        for flags, options in command.arguments:
            parser.add_argument(*flags, **options)
        parser.set_defaults(func=command.run)
