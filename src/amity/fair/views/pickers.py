"""The sector picker's search: ISIC entries whose code or label (English or Chinese) match."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from amity.engine.matching.isic import IsicEntry, isic_table, normalise_code
from amity.fair.views.common import is_chinese

# A picker shows a short list to choose from, never the whole classification.
MAX_RESULTS = 20


def section_of(entry: IsicEntry) -> IsicEntry:
    table = isic_table()
    while entry.parent is not None:
        entry = table[entry.parent]
    return entry


def sector_matches(query: str, limit: int = MAX_RESULTS) -> list[IsicEntry]:
    """Entries whose code starts with the query or whose label contains it, broadest first.

    Both labels are searched whatever the reader's language: a Chinese query finds entries in
    an English page too.
    """
    text = query.strip().casefold()
    if not text:
        return []
    code = normalise_code(query)
    found = [
        entry
        for entry in isic_table().values()
        if entry.code.startswith(code)
        or text in entry.label_en.casefold()
        or text in entry.label_zh
    ]
    order = {"section": 0, "division": 1, "group": 2, "class": 3}
    found.sort(key=lambda entry: (entry.code != code, order[entry.level], entry.code))
    return found[:limit]


def sector_label(entry: IsicEntry, chinese: bool) -> str:
    return entry.label_zh if chinese and entry.label_zh else entry.label_en


@login_required
def sector_search(request):
    chinese = is_chinese()
    # The picker's input sends its own value under the field's name; ?q= is for other callers.
    field = request.GET.get("field", "sectors")[:40]
    query = (request.GET.get(field) or request.GET.get("q", ""))[:100]
    entries = sector_matches(query)
    rows = [
        {
            "code": entry.code,
            "label": sector_label(entry, chinese),
            "section": sector_label(section_of(entry), chinese),
        }
        for entry in entries
    ]
    context = {"rows": rows, "query": query, "field": field}
    return render(request, "fair/partials/sector_results.html", context)
