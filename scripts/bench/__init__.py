"""`make bench`: page weight, Lighthouse scores and build costs, against the budgets.

Every figure is measured in one run, for this site and for a stock mkdocs-material +
static-i18n configuration of the same pages (the reference line). See docs/bench.md.
"""
