"""The pickers' searches: ISIC sectors by code or label (English or Chinese), and a fair's
participants by name for the tables tab."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from amity.engine.matching.isic import IsicEntry, ancestry, isic_table, normalise_code
from amity.fair.forms_setup import exhibitor_matches
from amity.fair.views.common import is_chinese, load_fair

# A picker shows a short list to choose from, never the whole classification.
MAX_RESULTS = 20


def section_of(entry: IsicEntry) -> IsicEntry:
    return isic_table()[ancestry(entry.code)["section"]]


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
            "note": entry.code,
        }
        for entry in entries
    ]
    context = {"rows": rows, "query": query, "field": field, "nothing": _("No sector matches.")}
    return render(request, "fair/partials/picker_results.html", context)


@login_required
def exhibitor_search(request, fair_id: int):
    """Participants without a fixed table whose English or Chinese name contains the query."""
    fair = load_fair(request, fair_id, "fair.manage_fair")
    field = request.GET.get("field", "exhibitor")[:40]
    query = (request.GET.get(field) or request.GET.get("q", ""))[:100]
    chinese = is_chinese()
    rows = [
        {
            "code": participant.pk,
            "label": (
                participant.name_zh if chinese and participant.name_zh else participant.name_en
            ),
            "section": "",
            "note": participant.city_name,
        }
        for participant in exhibitor_matches(fair, query)
    ]
    context = {
        "rows": rows,
        "query": query,
        "field": field,
        "nothing": _("No participant matches."),
    }
    return render(request, "fair/partials/picker_results.html", context)
