from django.urls import path

from amity.cities.views.editing import CitySearchView, PartnerCreateView, PartnerUpdateView
from amity.cities.views.network import NetworkView
from amity.cities.views.partner_detail import AgreementDocumentView, PartnerDetailView
from amity.cities.views.partner_list import PartnerListView
from amity.cities.views.records import AlternateNameView, RecordAddView
from amity.cities.views.transfer import ExportView, ImportFormatView, ImportView

app_name = "cities"
urlpatterns = [
    path("", PartnerListView.as_view(), name="partner-list"),
    path("partners/<id:pk>/", PartnerDetailView.as_view(), name="partner-detail"),
    path("partners/new/", PartnerCreateView.as_view(), name="partner-create"),
    path("partners/<id:pk>/edit/", PartnerUpdateView.as_view(), name="partner-update"),
    path(
        "partners/<id:pk>/exchanges/new/",
        RecordAddView.as_view(record="exchange"),
        name="exchange-add",
    ),
    path(
        "partners/<id:pk>/agreements/new/",
        RecordAddView.as_view(record="agreement"),
        name="agreement-add",
    ),
    path(
        "partners/<id:pk>/contacts/new/",
        RecordAddView.as_view(record="contact"),
        name="contact-add",
    ),
    path(
        "partners/<id:pk>/sources/new/",
        RecordAddView.as_view(record="citation"),
        name="citation-add",
    ),
    path("partners/<id:pk>/names/", AlternateNameView.as_view(), name="name-add"),
    path(
        "partners/<id:pk>/names/<id:name_id>/remove/",
        AlternateNameView.as_view(),
        name="name-remove",
    ),
    path("partners/export.<str:fmt>", ExportView.as_view(), name="partner-export"),
    path("partners/import/", ImportView.as_view(), name="partner-import"),
    path("partners/import/format/", ImportFormatView.as_view(), name="import-format"),
    path(
        "agreements/<id:pk>/document/",
        AgreementDocumentView.as_view(),
        name="agreement-document",
    ),
    path("network/", NetworkView.as_view(), name="network"),
    path("world-cities/", CitySearchView.as_view(), name="world-city-search"),
]
