"""Printable documents for every domain: PDF from Django templates, QR codes, and their fonts.

PDFs come from WeasyPrint with a CJK font installed by the set-up (``fonts-wqy-zenhei``), so
Chinese names print as Chinese. Documents never fetch anything from the network: only inline
``data:`` URLs and the project's own static files can be embedded.
"""
