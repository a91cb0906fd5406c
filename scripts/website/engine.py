"""Start the site engine (mkdocs build / serve) as this project needs it.

Engine glue, like hooks.py: the only other module that imports mkdocs. `make site` (build.py)
and `make serve` run the engine through here, never `mkdocs` directly, for two reasons:

- static-i18n accepts only two-letter language codes (RE_LOCALE in its config.py), and checks
  them while reading mkdocs.yml, before any hook runs. Mixteco (mix), Zapoteco (zap), Triqui
  (trs) and K'iche' (quc) have only three-letter codes. The pattern is widened here, in the
  project, to the three-letter codes of ISO 639-2/3, so `locale: mix` is the folder, the address
  and what browsers see (lang, hreflang, og:locale). The plugin itself is not changed.
- a second `make serve` while one runs must say so in one line, not with a traceback.
"""
from __future__ import annotations

import errno
import os
import re
import socket
import sys

from ..core.languages import THREE_LETTERS  # the language-code rule, shared with the checks
PREVIEW = "DERECHOS_PREVIEW"  # set while `make serve` runs: hooks.py then writes the exports too
ONLY_LANGUAGE = "DERECHOS_ONLY_LANGUAGE"  # set by `make site` for each engine process (build.py)

# The project `make site` has already read (build.py), handed to the engines it forks: the hooks
# take it instead of reading every page's front matter again (scripts/forked.py).
_read: list = []


def use_project(project) -> None:
    _read[:] = [project]


def project_read(root) -> object | None:
    """The project already read for this folder, if any (else the hooks read it)."""
    from pathlib import Path
    for project in _read:
        if Path(project.root).resolve() == Path(root).resolve():
            return project
    return None


def allow_language_tags() -> None:
    """Let static-i18n accept three-letter language codes as well as its own two-letter forms."""
    from mkdocs_static_i18n import config as i18n_config
    current = i18n_config.RE_LOCALE
    if "[a-z]{3}" in current.pattern:
        return
    i18n_config.RE_LOCALE = re.compile(f"{current.pattern}|({THREE_LETTERS})")


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
            with open("mkdocs.yml", encoding="utf-8") as handle:
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
    serving = bool(argv) and argv[0] == "serve"
    if serving:
        host, port = dev_address(argv)
        if address_in_use(host, port):
            print(in_use_message(host, port), file=sys.stderr)
            return 1
        os.environ[PREVIEW] = "1"
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
