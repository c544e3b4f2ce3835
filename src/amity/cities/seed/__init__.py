"""Seed data files, shipped inside the package (see README.md)."""
