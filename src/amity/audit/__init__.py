"""The audit log: who changed which record, when, from what to what (django-simple-history).

Each domain registers its models in its own ``history.py`` (imported from its app's
``ready()``) with ``amity.audit.tracking.track``; the historical tables all live in this app,
so the domains' migration chains stay their own. Pages show a record's history with
``amity.audit.entries.history_entries`` and the ``audit/history_section.html`` template.
"""
