"""Only the kinds of file the site needs are published from content/.

The engine copies every file under content/ into site/ as it is. A `.js` file there would be a
script the site's Content-Security-Policy trusts as its own; an `.html` or `.svg` file is served
without the policy and runs its scripts. The site needs Markdown pages and, for a page that
shows a picture, PNG, JPEG or WebP images (which run nothing). Any other file is an error naming
it; so is a link to a file elsewhere (a symbolic link), which would publish that file. Names that
start with a dot (an editor's swap file, .DS_Store) are skipped by the engine and here.
"""
from __future__ import annotations

import os
from typing import Iterable

from ..core.problems import Problem
from ..core.project import CONTENT, Project

PUBLISHED = (".md", ".png", ".jpg", ".jpeg", ".webp")  # docs/pages.md, "Files in content/"


def check_content_files(project: Project) -> Iterable[Problem]:
    top = project.root / CONTENT
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            shown = f"{CONTENT}/{os.path.relpath(path, top)}".replace(os.sep, "/")
            if os.path.islink(path):
                yield Problem(shown, 1, "this is a link to another file or folder, which the site would publish "
                              "too: put the file itself here, or remove the link")
            elif not name.lower().endswith(PUBLISHED):
                kind = os.path.splitext(name)[1] or "without an ending"
                yield Problem(shown, 1, f"a '{kind}' file cannot be published from content/: only pages (.md) "
                              "and pictures (.png, .jpg, .webp) can. Remove it, or ask a developer if the site "
                              "needs it (docs/pages.md, 'Files in content/')")
