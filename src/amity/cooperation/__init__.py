"""Cooperation projects, the practices partner cities learn from, and the yearly report."""
