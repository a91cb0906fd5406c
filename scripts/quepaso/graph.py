"""`make que-paso-graph`: the whole "¿Qué le pasó?" tree as a Graphviz diagram, one per language,
so a lawyer can review every question, answer and outcome on one sheet.

Questions are blue boxes, outcomes green (red when urgent) with their contacts and deadlines;
each arrow carries the answer's words. Each .dot file is also drawn as a PDF with Graphviz's `dot`
(scripts/sysdeps.sh installs it with the other Debian packages) to print or send.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.contacts import Registry
from ..core.deadlines import Deadlines
from ..core.problems import Problem
from ..core.quepaso import Tree, address

if TYPE_CHECKING:
    from ..core.project import Project

OUT = "que-paso-graph"
DEADLINE_WORD = {"es": "Plazo:", "en": "Deadline:"}     # the folder the files are written to (not published, not committed)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrap(text: str, width: int = 34) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line] if line else lines)


def dot(tree: Tree, lang: str, registry: Registry, deadlines: Deadlines, default: str = "es") -> str:
    prefix = "" if lang == default else f"{lang}/"
    out = [f"digraph que_paso_{lang} {{", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=11];',
           '  edge [fontname="Helvetica", fontsize=9];']
    for question in tree.questions.values():
        label = f"{_wrap(question.text.get(lang, ''))}\n/{prefix}{address(question.id, tree.start)}"
        out.append(f"  {_quote(question.id)} [shape=box, style=filled, fillcolor=\"#dce6f5\", label={_quote(label)}];")
    for outcome in tree.outcomes.values():
        parts = [("URGENTE / URGENT: 911\n" if outcome.urgent else "") + _wrap(outcome.title.get(lang, ""))]
        parts.append("☎ " + ", ".join(outcome.contacts))
        for did in outcome.deadlines:
            item = deadlines.get(did)
            # (words, not a clock sign: the fonts Debian gives Graphviz have no glyph for it)
            parts.append(DEADLINE_WORD.get(lang, "⌛") + " " + (_wrap(item.words("text", lang)) if item else did))
        parts.append(f"→ {outcome.read}")
        parts.append(f"/{prefix}{address(outcome.id, tree.start)}")
        color = "#f8d0d0" if outcome.urgent else "#d6efd6"
        out.append(f"  {_quote(outcome.id)} [shape=box, style=\"rounded,filled\", fillcolor=\"{color}\", "
                   f"label={_quote(chr(10).join(parts))}];")
    for question in tree.questions.values():
        for answer in question.answers:
            out.append(f"  {_quote(question.id)} -> {_quote(answer.next)} [label={_quote(_wrap(answer.text.get(lang, ''), 28))}];")
    out.append("}")
    return "\n".join(out) + "\n"


def blocking(proj: Project, problems: list[Problem]) -> list[Problem]:
    """What stops the diagram: an error in data/que-paso.yml, or the file unreadable."""
    errors = [p for p in problems if p.path == "data/que-paso.yml" and p.severity == "error"]
    if errors or not proj.que_paso.readable:
        return errors or list(proj.que_paso.problems)
    return []


DOT = "dot"  # Graphviz's command (Debian package graphviz)


def write(proj: Project, folder: Path) -> tuple[list[Path], str]:
    """One Graphviz file per language kept in strict parity, each drawn as a PDF when `dot` is
    installed; returns the files written and, when no PDF could be drawn, why."""
    folder.mkdir(parents=True, exist_ok=True)
    written, missing = [], ""
    command = shutil.which(DOT)
    for lang in proj.strict_languages:
        target = folder / f"que-paso-{lang}.dot"
        target.write_text(dot(proj.que_paso, lang, proj.registry, proj.deadlines, proj.default), encoding="utf-8")
        written.append(target)
        if command is None:
            missing = ("Graphviz's 'dot' is not installed, so no PDF was drawn: run 'make que-paso-graph' as root "
                       "(it installs it, as 'make site' and 'make test' do), or 'apt-get install graphviz'")
            continue
        pdf = target.with_suffix(".pdf")
        drawn = subprocess.run([command, "-Tpdf", str(target), "-o", str(pdf)], capture_output=True, text=True)
        if drawn.returncode == 0:
            written.append(pdf)
        else:
            missing = f"dot could not draw {target.name}: {(drawn.stderr.strip().splitlines() or ['no reason given'])[-1]}"
    return written, missing
