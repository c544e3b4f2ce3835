"""Amity: software for a city's international friendship-cities programme."""

__version__ = "0.1.0"
