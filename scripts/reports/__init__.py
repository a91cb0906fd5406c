"""The maintainers' reports that need more than the checks (readability, search results)."""
