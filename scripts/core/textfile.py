"""Reading a maintainer's file without ever raising: bad input becomes a Problem."""
from __future__ import annotations

from pathlib import Path

from .problems import Problem


def read_text(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """Return the text of a UTF-8 file, or a Problem saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(shown, 1, "file not found: create it or fix the path that names it")
    except OSError as exc:
        return None, Problem(shown, 1, f"cannot read this file ({exc.strerror}); check its permissions")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem(
            shown, line,
            "this file is not UTF-8 (perhaps saved as Latin-1 or Windows-1252); "
            "open it in your editor and save it again with the encoding 'UTF-8'")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
