"""One partner's page: key facts with sources, timeline, map pin and (organisers) contacts."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats
from django.views import View

from amity.cities.models import Agreement, Citation, Exchange, Partnership
from amity.cities.templatetags.registry import local_name
from amity.cities.worldmap import MAP_HEIGHT, MAP_WIDTH, project, view_box_around


@dataclass(frozen=True)
class TimelineEntry:
    """An agreement or an exchange, so the page can show both in one chronological list."""

    day: date | None
    ends: date | None
    kind: str
    title: str
    detail: str
    source: object | None
    is_demo: bool
    is_agreement: bool
    # The agreement's attached file, for organisers only (the rules keep it from others).
    document_url: str = ""


def timeline(
    agreements: list[Agreement], exchanges: list[Exchange], *, with_documents: bool = False
) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(
            day=agreement.signed_on,
            ends=None,
            kind=agreement.get_kind_display(),
            title=agreement.title,
            detail=agreement.signatories,
            source=agreement.source,
            is_demo=agreement.is_demo,
            is_agreement=True,
            document_url=(
                reverse("cities:agreement-document", args=[agreement.pk])
                if with_documents and agreement.document
                else ""
            ),
        )
        for agreement in agreements
    ] + [
        TimelineEntry(
            day=exchange.starts_on,
            ends=exchange.ends_on if exchange.ends_on != exchange.starts_on else None,
            kind=exchange.get_kind_display(),
            title=local_name(exchange, "title"),
            detail=exchange.description,
            source=exchange.source,
            is_demo=exchange.is_demo,
            is_agreement=False,
        )
        for exchange in exchanges
    ]
    # Undated agreements go last rather than first: they are the least informative.
    return sorted(entries, key=lambda entry: (entry.day is None, entry.day or date.min))


def stated_value(citation: Citation) -> str:
    """A cited value as the reader expects it: an ISO date localised, anything else as stated."""
    if citation.fact == Citation.Fact.ESTABLISHED_ON:
        try:
            return formats.date_format(date.fromisoformat(citation.value), "DATE_FORMAT")
        except ValueError:
            pass
    return citation.value


class PartnerDetailView(PermissionRequiredMixin, View):
    permission_required = "cities.view_partnership"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        can_see_contacts = request.user.has_perm("cities.view_contact")
        prefetches = [
            "fields",
            Prefetch("citations", Citation.objects.select_related("source")),
            Prefetch("agreements", Agreement.objects.select_related("source")),
            Prefetch("exchanges", Exchange.objects.select_related("source")),
        ]
        # Contacts are personal data: for other roles they are never even loaded.
        if can_see_contacts:
            prefetches.append("contacts")
        partnership = get_object_or_404(
            Partnership.objects.select_related("place").prefetch_related(*prefetches), pk=pk
        )
        citations = defaultdict(list)
        for citation in partnership.citations.all():
            citations[citation.fact].append((citation, stated_value(citation)))
        established = citations.get(Citation.Fact.ESTABLISHED_ON, [])
        place = partnership.place
        pin = (
            project(place.latitude, place.longitude)
            if place.latitude is not None and place.longitude is not None
            else None
        )
        context = {
            "map_width": MAP_WIDTH,
            "map_height": MAP_HEIGHT,
            "partnership": partnership,
            "place": place,
            "citations": dict(citations),
            "dates_conflict": len({value for _, value in established}) > 1,
            "timeline": timeline(
                list(partnership.agreements.all()),
                list(partnership.exchanges.all()),
                with_documents=request.user.has_perm("cities.download_agreement"),
            ),
            "contacts": list(partnership.contacts.all()) if can_see_contacts else None,
            "notes": partnership.notes if request.user.has_perm("cities.view_notes") else None,
            "pin": pin,
            # Zoomed in on the region: a whole-world map makes one pin hard to read.
            "view_box": view_box_around(pin) if pin else "",
            "can_edit": request.user.has_perm("cities.change_partnership"),
        }
        return render(request, "cities/partner_detail.html", context)


class AgreementDocumentView(PermissionRequiredMixin, View):
    """An agreement's attached file, sent only to organisers.

    Uploaded files are not served from a public media URL: the rules decide who may read them.
    """

    permission_required = "cities.download_agreement"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        agreement = get_object_or_404(Agreement, pk=pk)
        if not agreement.document:
            raise Http404
        try:
            handle = agreement.document.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(handle, as_attachment=True, filename=Path(agreement.document.name).name)
