"""`amity demo`: every domain's labelled demo data, loaded in dependency order, then served.

This package sits above all domains, so it alone may call each of them; a domain adds its demo
by appending its loader to ``DEMO_LOADERS`` in ``management/commands/demo.py``.
"""
