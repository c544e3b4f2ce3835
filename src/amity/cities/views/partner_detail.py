"""One partner's page: key facts with sources, timeline, map pin and (organisers) contacts."""

from collections import defaultdict
from datetime import date
from pathlib import Path

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cities.caching import cached_fragment
from amity.cities.domain.queries import load_partner_details, timeline
from amity.cities.history import partnership_history
from amity.cities.models import Agreement, Citation, Partnership
from amity.cities.worldmap import MAP_HEIGHT, MAP_WIDTH, project, view_box_around


def stated_value(citation: Citation) -> str:
    """A cited value as the reader expects it: an ISO date localised, anything else as stated."""
    if citation.fact == Citation.Fact.ESTABLISHED_ON:
        try:
            return formats.date_format(date.fromisoformat(citation.value), "DATE_FORMAT")
        except ValueError:
            pass
    return citation.value


# What the partner's page shows depends on these rights of the reader.
PRIVATE_PERMS = ("cities.view_contact", "cities.view_notes", "cities.view_history")
PAGE_PERMS = (
    "cities.download_agreement",
    "cities.change_partnership",
    "cities.add_exchange",
    "cities.add_agreement",
    "cities.add_contact",
    "cities.add_citation",
)


class PartnerDetailView(PermissionRequiredMixin, View):
    permission_required = "cities.view_partnership"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        template = "cities/partner_detail.html"
        partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=pk)
        user = request.user
        if any(user.has_perm(perm, partnership) for perm in PRIVATE_PERMS):
            # Contacts and notes are personal or internal: such pages are never cached.
            return render(request, template, self.context(request, partnership))
        # The public page is the same for every reader with the same rights: cached per
        # registry version, with those rights in its key.
        rights = tuple(user.has_perm(perm, partnership) for perm in PAGE_PERMS)
        content = cached_fragment(
            request, template, rights, lambda: self.context(request, partnership)
        )
        return render(request, template, {"place": partnership.place, "cached_content": content})

    def context(self, request: HttpRequest, partnership: Partnership) -> dict:
        load_partner_details(partnership)
        user = request.user
        # Contacts are personal data: for other roles they are not even loaded.
        can_see_contacts = user.has_perm("cities.view_contact", partnership)
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
        return {
            "map_width": MAP_WIDTH,
            "map_height": MAP_HEIGHT,
            "partnership": partnership,
            "place": place,
            "citations": dict(citations),
            "dates_conflict": len({value for _, value in established}) > 1,
            "timeline": timeline(partnership),
            "can_download": user.has_perm("cities.download_agreement", partnership),
            "contacts": list(partnership.contacts.all()) if can_see_contacts else None,
            "notes": partnership.notes if user.has_perm("cities.view_notes", partnership) else None,
            "pin": pin,
            # Zoomed in on the region: a whole-world map makes one pin hard to read.
            "view_box": view_box_around(pin) if pin else "",
            "can_edit": user.has_perm("cities.change_partnership", partnership),
            "can_add_exchange": user.has_perm("cities.add_exchange", partnership),
            "can_add_agreement": user.has_perm("cities.add_agreement", partnership),
            "can_add_contact": user.has_perm("cities.add_contact", partnership),
            "can_add_citation": user.has_perm("cities.add_citation", partnership),
            "history": (
                partnership_history(partnership)
                if user.has_perm("cities.view_history", partnership)
                else None
            ),
        }


class AgreementDocumentView(ObjectPermissionRequiredMixin, View):
    """An agreement's attached file, sent only to organisers.

    Uploaded files are not served from a public media URL: the rules decide who may read them
    (asked with the partnership, as on the partner's page).
    """

    permission_required = ("cities.download_agreement",)

    def get_permission_object(self) -> Partnership:
        self.object = get_object_or_404(
            Agreement.objects.select_related("partnership"), pk=self.kwargs["pk"]
        )
        return self.object.partnership

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        agreement = self.object
        if not agreement.document:
            raise Http404
        try:
            handle = agreement.document.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(handle, as_attachment=True, filename=Path(agreement.document.name).name)
