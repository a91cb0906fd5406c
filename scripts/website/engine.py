"""Start the site engine (mkdocs) as this project needs it: `build` for make site and the tests,
`main` for make serve and the bench's engine-only row. Engine glue, with hooks.py and plugin.py:
the only modules that import mkdocs.

- The engine runs through mkdocs' Python interface (load_config, then build), so its warnings
  come back as a list (`Engine.messages`) instead of through the terminal, and the project
  already read is handed to the site plugin (plugin.SitePlugin.use) instead of read again.
- static-i18n accepts only two-letter language codes (RE_LOCALE in its config.py) and checks
  them while reading mkdocs.yml, before any hook runs. Mixteco (mix), Zapoteco (zap), Triqui
  (trs) and K'iche' (quc) have only three-letter codes. `allow_language_tags` widens the pattern
  in every static-i18n module that holds it, whichever was imported first, before each start
  of the engine; the plugin itself is not changed.
- A second `make serve` while one runs says so in one line, not with a traceback.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..collector import fewer_full_collections
from ..core.languages import THREE_LETTERS  # the language-code rule, shared with the checks

CONFIG = "mkdocs.yml"


def allow_language_tags() -> None:
    """Let static-i18n accept three-letter language codes as well as its own two-letter forms.

    Its config module checks each locale against RE_LOCALE; its folder module took its own copy
    of the pattern when it was imported. Both are widened, so the order in which they were
    imported does not matter (tests/test_languages.py imports them in both orders)."""
    import importlib
    for name in ("mkdocs_static_i18n.config", "mkdocs_static_i18n.folder", "mkdocs_static_i18n.suffix"):
        module = importlib.import_module(name)
        current = getattr(module, "RE_LOCALE", None)
        if current is not None and THREE_LETTERS not in current.pattern:
            module.RE_LOCALE = re.compile(f"{current.pattern}|({THREE_LETTERS})")


@dataclass
class Engine:
    """What one run of the engine did."""
    ok: bool
    messages: list[str] = field(default_factory=list)  # its warnings and errors, each whole, as mkdocs prints them


class _Kept(logging.Handler):
    """The engine's warnings and errors, formatted as mkdocs' command line prints them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and not text:
            text = str(record.exc_info[1])
        self.messages.append(f"{record.levelname:<8}-  {text}")


def build(root: Path, site_dir: Path, project=None, language: str | None = None) -> Engine:
    """`mkdocs build --strict` of the project folder into site_dir, in this process: any warning
    fails it. project: the project already read (else the plugin reads it); language: build that
    language alone, to the addresses a build of every language gives it (make site runs one
    engine per language side by side, scripts/build.py)."""
    allow_language_tags()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as run
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from .plugin import SitePlugin

    kept = _Kept()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(kept)
    plugin = None
    try:
        config = load_config(str(Path(root) / CONFIG), site_dir=str(site_dir), strict=True)
        plugin = SitePlugin.of(config)
        plugin.use(project, language)
        with fewer_full_collections():  # every page built stays in memory (scripts/collector.py)
            run(config)
        return Engine(True, kept.messages)
    except MkDocsException as exc:  # a configuration error, or "Aborted with 1 warnings in strict mode!"
        return Engine(False, [*kept.messages, f"{type(exc).__name__}: {exc}" if not str(exc).startswith("Aborted") else str(exc)])
    except (OSError, ValueError) as exc:  # mkdocs.yml unreadable, a page that is not text…
        return Engine(False, [*kept.messages, f"ERROR   -  {exc}"])
    finally:
        logger.removeHandler(kept)
        if plugin is not None:
            plugin.use(None, None)


def dev_address(argv: list[str]) -> tuple[str, int]:
    """The address `mkdocs serve` will listen on: -a/--dev-addr, else dev_addr in mkdocs.yml, else 8000."""
    value = ""
    for index, arg in enumerate(argv):
        if arg in ("-a", "--dev-addr") and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--dev-addr="):
            value = arg.split("=", 1)[1]
    if not value:
        try:
            with open(CONFIG, encoding="utf-8") as handle:
                found = re.search(r"^dev_addr:\s*['\"]?([^'\"\s#]+)", handle.read(), re.MULTILINE)
            value = found.group(1) if found else ""
        except OSError:
            value = ""
    host, _, port = (value or "127.0.0.1:8000").rpartition(":")
    return host or "127.0.0.1", int(port) if port.isdigit() else 8000


def address_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


def in_use_message(host: str, port: int) -> str:
    return (f"make serve: http://{host}:{port}/ is already in use, probably by another 'make serve': "
            f"open that address in the browser, or stop the other one with Ctrl+C in its window.")


def main(argv: list[str]) -> int:
    """mkdocs' own command line (`serve`, or `build` for the bench), with the three-letter codes
    allowed; under `serve` the plugin also writes the exports (SitePlugin.on_startup, on_post_build)."""
    serving = bool(argv) and argv[0] == "serve"
    if serving:
        host, port = dev_address(argv)
        if address_in_use(host, port):
            print(in_use_message(host, port), file=sys.stderr)
            return 1
    allow_language_tags()
    from mkdocs.__main__ import cli
    try:
        cli.main(args=argv, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except OSError as exc:  # the port was taken between the look above and the engine's own start
        if serving and exc.errno == errno.EADDRINUSE:
            print(in_use_message(host, port), file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
