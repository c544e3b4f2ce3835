"""The audit log: who changed which record, when, from what to what (django-simple-history).

Each domain registers its models in its own ``history.py`` (imported from its app's
``ready()``) with ``amity.audit.tracking.track``. Each historical model lives in its
domain's app (``cities.HistoricalPartnership``), so a domain that adds a field to a tracked
model gets the history's column in the same ``makemigrations <domain>``. Pages show a
record's history with ``amity.audit.entries.history_entries`` and the
``audit/history_section.html`` template.
"""
