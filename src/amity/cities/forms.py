"""Forms of the registry pages: the partner-list filters, the import upload, the partner editor."""

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.cities.domain.queries import DECADES, SEARCH_MAX_LENGTH, SORTS, PartnerFilters
from amity.cities.models import (
    Continent,
    CooperationField,
    DatePrecision,
    PartnershipLevel,
    PartnershipStatus,
    PlaceKind,
    RelationshipKind,
)
from amity.cities.templatetags.registry import country_name, local_name

SORT_CHOICES = [
    ("date", _("Oldest first")),
    ("-date", _("Newest first")),
    ("name", _("Name A–Z")),
    ("-name", _("Name Z–A")),
    # Translators: sort order of the partner list.
    ("country", pgettext_lazy("sort order", "Country")),
]
assert {value for value, _label in SORT_CHOICES} == set(SORTS)

PAGE_SIZE = 25


class PartnerFilterForm(forms.Form):
    """The partner list's query string. Invalid values are dropped, never an error page.

    A link with a stale or mistyped filter should still show the list, just unfiltered by it.
    """

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX_LENGTH)
    continent = forms.ChoiceField(
        label=_("Continent"), required=False, choices=[("", ""), *Continent.choices]
    )
    country = forms.RegexField(label=_("Country"), required=False, regex=r"^[A-Za-z]{2}$")
    kind = forms.ChoiceField(
        label=_("Kind of relationship"),
        required=False,
        choices=[("", ""), *RelationshipKind.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", ""), *PartnershipStatus.choices]
    )
    field = forms.SlugField(label=_("Field of cooperation"), required=False, max_length=40)
    decade = forms.IntegerField(
        label=_("Decade"), required=False, min_value=DECADES[0], max_value=DECADES[1]
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def filters(self) -> PartnerFilters:
        """The valid part of the query as the filters shared with the API."""
        self.is_valid()
        values = {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and name not in self.errors
        }
        if "decade" in values:
            values["decade"] = values["decade"] // 10 * 10
        if "country" in values:
            values["country"] = values["country"].upper()
        return PartnerFilters(**values)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("The header row names the columns; rows are numbered as in a spreadsheet."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        return upload


def country_choices() -> list[tuple[str, str]]:
    """Every ISO country, named and sorted in the active language."""
    return sorted(
        ((country.alpha_2, country_name(country.alpha_2)) for country in pycountry.countries),
        key=lambda choice: choice[1],
    )


class PlaceForm(forms.Form):
    """The partner place, filled in by picking a world city (see amity.js) or by hand."""

    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    place_kind = forms.ChoiceField(
        label=_("Kind of place"), choices=PlaceKind.choices, initial=PlaceKind.CITY
    )
    country = forms.ChoiceField(label=_("Country"), choices=lambda: [("", "—"), *country_choices()])
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    population = forms.IntegerField(label=_("Population"), required=False, min_value=0)
    time_zone = forms.CharField(label=_("Time zone"), max_length=64, required=False)
    geonames_id = forms.IntegerField(
        required=False, min_value=1, widget=forms.HiddenInput, label=_("GeoNames id")
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        return cleaned


class PartnerSourceForm(forms.Form):
    """Where the new partner's facts come from: cited for its kind and its date."""

    title = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("The list, agreement or report that states this relationship."),
    )
    url = forms.URLField(
        label=_("Web address of the source"), required=False, assume_scheme="https"
    )


# A date picker needs the value as YYYY-MM-DD whatever the page's language: the localised
# Chinese format (1994/10/21) leaves the picker empty, and saving would then erase the date.
ISO_DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class RelationshipForm(forms.Form):
    """The home city's relationship with the place."""

    kind = forms.ChoiceField(label=_("Kind of relationship"), choices=RelationshipKind.choices)
    status = forms.ChoiceField(
        label=_("Status"), choices=PartnershipStatus.choices, initial=PartnershipStatus.ACTIVE
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=PartnershipLevel.choices, initial=PartnershipLevel.MUNICIPAL
    )
    home_district = forms.CharField(label=_("Home-city district"), max_length=120, required=False)
    established_on = forms.DateField(
        label=_("Established"),
        required=False,
        widget=ISO_DATE_INPUT,
    )
    established_precision = forms.ChoiceField(
        label=_("Precision of the date"),
        choices=DatePrecision.choices,
        initial=DatePrecision.DAY,
        help_text=_("Year or month when only that much is known; the page shows no more."),
    )
    ended_on = forms.DateField(
        label=_("Ended"),
        required=False,
        widget=ISO_DATE_INPUT,
        help_text=_("Only for a relationship that has ended."),
    )
    fields = forms.MultipleChoiceField(
        label=_("Fields of cooperation"),
        choices=lambda: [
            (field.code, _field_label(field)) for field in CooperationField.objects.all()
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary_en = forms.CharField(
        label=_("Summary (English)"), widget=forms.Textarea, required=False
    )
    summary_zh = forms.CharField(
        label=_("Summary (Chinese)"), widget=forms.Textarea, required=False
    )
    notes = forms.CharField(
        label=_("Internal notes"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Seen by organisers only."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") == PartnershipLevel.DISTRICT and not cleaned.get("home_district"):
            self.add_error(
                "home_district", _("Name the district that holds a district-level relationship.")
            )
        return cleaned


def _field_label(field: CooperationField) -> str:
    return local_name(field)


class CitySearchForm(forms.Form):
    q = forms.CharField(max_length=100, required=False)
    country = forms.RegexField(regex=r"^[A-Za-z]{2}$", required=False)
