"""Command line for maintainers: python -m scripts check | build | …  (the Makefile calls these)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import checks, commands, project
from .problems import report
from . import urls as url_list  # `make urls`


def cmd_check(args: argparse.Namespace) -> int:
    proj = project.load(Path(args.root))
    return report(checks.run(proj), strict=args.strict)


def cmd_build(args: argparse.Namespace) -> int:
    from . import build
    return build.main(Path(args.root), Path(args.site_dir))


def cmd_que_paso_graph(args: argparse.Namespace) -> int:
    from .quepaso import graph
    return graph.main(Path(args.root), Path(args.out) if args.out else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Derechos: checks and builds.")
    parser.add_argument("--root", default=".", help="the project folder (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check content, registry and translations")
    p_check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p_check.set_defaults(func=cmd_check)
    p_build = sub.add_parser("build", help="check, then build the site (and flyers) into site/")
    p_build.add_argument("--site-dir", default="site")
    p_build.set_defaults(func=cmd_build)
    commands.add_commands(sub)  # stale, translated, likely, readability, links
    p_urls = sub.add_parser("urls", help="add the site's new addresses to data/urls.txt (never removes one)")
    p_urls.set_defaults(func=lambda args: url_list.main(Path(args.root)))
    p_graph = sub.add_parser("que-paso-graph", help="draw the '¿Qué le pasó?' tree: one Graphviz .dot file per language")
    p_graph.add_argument("--out", default=None, help="folder for the .dot files (default: que-paso-graph/)")
    p_graph.set_defaults(func=cmd_que_paso_graph)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: a maintainer must never see a traceback
        print(f"{args.root}:1: internal error in '{args.command}': {type(exc).__name__}: {exc}. "
              "Please report this to the developers with the command you ran.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
