"""Command line for maintainers: python -m scripts check | build | …  (the Makefile calls these)."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from . import commands


def day(text: str) -> dt.date:
    """A --today value: a day written as 2027-01-15."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day: write it like 2027-01-15") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Derechos: checks and builds.")
    parser.add_argument("--root", default=".", help="the project folder (default: here)")
    parser.add_argument("--today", type=day, default=None, metavar="YYYY-MM-DD",
                        help="judge re-check and review dates as on that day (default: today's date)")
    sub = parser.add_subparsers(dest="command", required=True)
    commands.add_commands(sub)  # the table: commands.COMMANDS
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # a reader that stopped early is found here, inside the guard
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped reading ('make search | head'): nothing went wrong. Python would
        # complain again when it flushes standard output on the way out, so it goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last guard: a maintainer must never see a traceback
        print(f"{args.root}:1: internal error in '{args.command}': {type(exc).__name__}: {exc}. "
              "Please report this to the developers with the command you ran.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
