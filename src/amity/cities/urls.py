from django.urls import path

from amity.cities.views.editing import CitySearchView, PartnerCreateView, PartnerUpdateView
from amity.cities.views.network import NetworkView
from amity.cities.views.partner_detail import AgreementDocumentView, PartnerDetailView
from amity.cities.views.partner_list import PartnerListView
from amity.cities.views.transfer import ExportView, ImportFormatView, ImportView

app_name = "cities"
urlpatterns = [
    path("", PartnerListView.as_view(), name="partner-list"),
    path("partners/<int:pk>/", PartnerDetailView.as_view(), name="partner-detail"),
    path("partners/new/", PartnerCreateView.as_view(), name="partner-create"),
    path("partners/<int:pk>/edit/", PartnerUpdateView.as_view(), name="partner-update"),
    path("partners/export.<str:fmt>", ExportView.as_view(), name="partner-export"),
    path("partners/import/", ImportView.as_view(), name="partner-import"),
    path("partners/import/format/", ImportFormatView.as_view(), name="import-format"),
    path(
        "agreements/<int:pk>/document/",
        AgreementDocumentView.as_view(),
        name="agreement-document",
    ),
    path("network/", NetworkView.as_view(), name="network"),
    path("world-cities/", CitySearchView.as_view(), name="world-city-search"),
]
