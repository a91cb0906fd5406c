"""Flyers made again only when what they are made of changed.

As mkdocs-material's optimize plugin does for images: each output is filed under a hash of its
inputs, and a build whose inputs hash the same copies the filed output instead of rendering it.
The inputs of a PDF are its HTML and CSS (which hold every word, number, address and QR code of
the flyer), its paper, and what turns them into PDF: WeasyPrint's and pydyf's versions, the
fonts (size and date of each file) and the code that writes the PDF (scripts/flyers/pdf.py, and
scripts/core/typography.py, which it applies).
So a rebuild after editing one page renders only that topic's flyers, and a change to the
templates, the words, a phone number or SITE_URL renders again exactly the flyers it changes.

The files live in .cache/flyers/ under the project (`make clean` removes it); each build keeps
only what it used, so the folder holds one build's flyers. Only a flyer that rendered without a
problem is filed: a flyer that takes two pages is rendered, and reported, on every build.
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from ..core import typography
from .layout import FONT_FILES, FONTS

FOLDER = ".cache/flyers"


def tools() -> str:
    """What turns HTML into PDF, as text for the hash: a new WeasyPrint, font or pdf.py makes every flyer again."""
    fonts = []
    for name in FONT_FILES:
        try:
            stat = (FONTS / name).stat()
            fonts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            fonts.append(f"{name}:missing")
    writer = "".join(path.read_text(encoding="utf-8") for path in (Path(__file__).parent / "pdf.py", Path(typography.__file__)))
    return "\n".join([f"weasyprint {version('weasyprint')}", f"pydyf {version('pydyf')}", *fonts, writer])


@dataclass
class Cache:
    """Outputs filed under a hash of their inputs. The flyers' is `Cache.of(root)`; another build
    step makes its own, `Cache(root / ".cache/<step>", <its tools as text>)`, and uses the same
    four calls: key, fetch, keep, prune (docs/architecture.md)."""
    folder: Path
    _tools: str = ""
    used: set[str] = field(default_factory=set)   # file names this build read or wrote

    @classmethod
    def of(cls, root: Path) -> "Cache":
        return cls(Path(root) / FOLDER, tools())

    def key(self, *inputs: str) -> str:
        digest = hashlib.sha256(self._tools.encode("utf-8"))
        for part in inputs:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()[:32]

    def _file(self, key: str, label: str, target: Path) -> Path:
        return self.folder / f"{key}.{label}{target.suffix}"  # 3f2a….letter.pdf

    def fetch(self, key: str, targets: dict[str, Path]) -> bool:
        """Copy the filed outputs to their targets ({label: target}, the flyers' label is the
        paper); False when one is missing."""
        filed = {label: self._file(key, label, target) for label, target in targets.items()}
        if not all(path.is_file() for path in filed.values()):
            return False
        for label, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(filed[label], target)
            self.used.add(filed[label].name)
        return True

    def keep(self, key: str, targets: dict[str, Path]) -> None:
        """File the outputs just rendered (a full disk or a read-only project only costs the next build time)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for label, target in targets.items():
                shutil.copyfile(target, self._file(key, label, target))
                self.used.add(self._file(key, label, target).name)
        except OSError:
            pass

    def prune(self) -> None:
        """Forget what this build did not use: the folder never holds more than one build's outputs."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.is_file() and path.name not in self.used:
                path.unlink(missing_ok=True)
