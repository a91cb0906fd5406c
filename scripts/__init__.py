"""Derechos: the registry, the checks, the flyers and the site glue.

Only hooks.py imports mkdocs; everything else works on plain files so the site engine can be
replaced by changing the hooks and the templates.
"""
