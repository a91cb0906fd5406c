"""The guide for Kiwix (issue 25, part 2): /descargas/derechos-es.zim, /en/descargas/derechos-en.zim.

Kiwix is the offline reader NGOs already use in the field. A step of make site after the one-file
guide (buildsteps.STEPS): each ZIM file holds that guide (onefile.py) as its main page, so it
needs nothing of its own when a page is added. It is made with Debian's zim-tools (zimwriterfs;
scripts/sysdeps.sh installs them), and the tests check it with zimcheck. Two changes for Kiwix:
an "sms:" link is not one Kiwix knows (zimcheck calls it a broken internal link), so a "share by
SMS" link is left out and the trafficking hotline's text number stays as text; and the ZIM needs
a 48x48 PNG picture, drawn here in the site's blue. zimwriterfs gives every file random ids (the
file's and its title index's) and the day it was made, so two builds of the same guide are not
the same bytes; what they hold is (tests/test_site_files.py compares their main page).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from ..core import addresses
from ..core.problems import Problem
from ..core.project import Project
from . import onefile

TOOL = "zimwriterfs"
ISO639_3 = {"es": "spa", "en": "eng"}                     # what a ZIM file names its language with
BLUE = (64, 81, 181)                                       # the header's colour (derechos.css: #4051b5)
_SMS_SHARE = re.compile(r'<a\b[^>]*\bhref="sms:\?[^"]*"[^>]*>.*?</a>\s*', re.S)
_SMS = re.compile(r'<a\b[^>]*\bhref="sms:[^"]*"[^>]*>(.*?)</a>', re.S)


def file_name(lang: str) -> str:
    return f"derechos-{lang}.zim"


def path(project: Project, lang: str) -> str:
    """The file inside the site: 'descargas/derechos-es.zim', 'en/descargas/derechos-en.zim'."""
    return addresses.prefix(lang, project.default) + onefile.FOLDER + "/" + file_name(lang)


def for_kiwix(guide: str) -> str:
    """The one-file guide without what Kiwix cannot follow (sms: links)."""
    return _SMS.sub(r"\1", _SMS_SHARE.sub("", guide))


def build(project: Project, site: Path) -> list[Problem]:
    """Writes each language's ZIM file from its one-file guide."""
    tool = shutil.which(TOOL)
    if tool is None:
        return [Problem("Makefile", 1, f"the Kiwix files need {TOOL} (Debian's zim-tools): run 'make sysdeps' as "
                        "root, or 'apt-get install zim-tools'")]
    problems: list[Problem] = []
    for lang in project.languages:
        guide = site / onefile.path(project, lang)
        if not guide.is_file():
            continue  # onefile.build said why
        words = project.strings.get(lang) or project.strings[project.default]
        out = site / path(project, lang)
        out.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work) / "guide"
            folder.mkdir()
            page = for_kiwix(guide.read_text(encoding="utf-8"))
            (folder / "index.html").write_text(page, encoding="utf-8")
            Image.new("RGB", (48, 48), BLUE).save(folder / "illustration.png")
            run = subprocess.run(
                [tool, "--threads=1", "--withoutFTIndex", "--welcome=index.html", "--illustration=illustration.png",
                 f"--language={ISO639_3.get(lang, lang)}", f"--title={words('zim_title')}",
                 f"--description={words('zim_description')}", "--creator=Derechos", "--publisher=Derechos",
                 f"--name=derechos_{lang}", f"--source={addresses.absolute(project.site_url, addresses.home(lang, project.default))}",
                 str(folder), str(out)],
                capture_output=True, text=True)
        if run.returncode != 0 or not out.is_file():
            said = (run.stderr or run.stdout).strip().splitlines()
            problems.append(Problem("Makefile", 1, f"{TOOL} could not write /{path(project, lang)}: "
                                    + (said[-1] if said else "it gave no reason")))
    return problems
