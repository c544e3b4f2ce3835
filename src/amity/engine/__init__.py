"""Pure algorithms (scheduling, matching): typed dataclasses in and out, no Django.

The boundary is enforced by an import-linter contract in pyproject.toml.
"""
