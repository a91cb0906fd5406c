"""The site: the engine glue (plugin.py, hooks.py and engine.py, the only modules that import mkdocs) and
what the glue delegates to, written without the engine so that it can be replaced."""
