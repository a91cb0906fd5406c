"""MkDocs hooks: registers the site plugin's events (scripts/website/plugin.py) with the engine.

Listed in mkdocs.yml under `hooks:`. mkdocs loads this file by its path, once per process, and
calls the functions below; each is the plugin object's method, so the plugin holds the build's
state and this file holds nothing else.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # loaded by path: the project's package must be importable
    sys.path.insert(0, str(ROOT))

from scripts.website.plugin import SitePlugin  # noqa: E402

plugin = SitePlugin()

on_startup = plugin.on_startup
on_config = plugin.on_config
on_files = plugin.on_files
on_page_read_source = plugin.on_page_read_source
on_page_markdown = plugin.on_page_markdown
on_page_content = plugin.on_page_content
on_post_page = plugin.on_post_page
on_env = plugin.on_env
on_page_context = plugin.on_page_context
on_template_context = plugin.on_template_context
on_post_template = plugin.on_post_template
on_post_build = plugin.on_post_build
on_serve = plugin.on_serve
