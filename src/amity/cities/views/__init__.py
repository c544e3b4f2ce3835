"""The registry's pages. Each module is one page (or a page and its htmx fragments)."""
