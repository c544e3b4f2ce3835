"""The columns a registry file may have; the export writes them in this order."""

from django.utils.translation import gettext_lazy as _

REQUIRED_COLUMNS = ("partner", "country_iso2", "partner_kind", "relationship")

# The columns of the official-list spreadsheet come first, so that file imports as it is.
ALL_COLUMNS = (
    "partner",
    "country_iso2",
    "partner_kind",
    "relationship",
    "established_on",
    "source",
    "name_zh",
    "status",
    "level",
    "home_district",
    "ended_on",
    "fields",
    "fields_source",
    "latitude",
    "longitude",
    "population",
    "time_zone",
    "geonames_id",
    "location_source",
    "summary_en",
    "summary_zh",
)

# What each column holds, for the import page's format help (a test keeps it complete).
COLUMN_HELP = {
    "partner": _("The partner's English name, as on the official list (e.g. Dunedin)."),
    "country_iso2": _("The country as a two-letter ISO 3166-1 code (NZ, LA, ZA, US …)."),
    "partner_kind": _("What the partner is: a city, a province or state, or a region."),
    "relationship": _("The kind of relationship with the home city."),
    "established_on": _(
        "When the relationship was established: a year, a month or a day "
        "(1994, 1994-10 or 1994-10-21)."
    ),
    "source": _(
        "Where the row's facts come from. Several sources are separated by semicolons; "
        "“Title gives 1985-06-29” records a source that states another date."
    ),
    "name_zh": _("The partner's Chinese name (e.g. 达尼丁)."),
    "status": _(
        "Where the relationship stands. Empty keeps the current status; a new relationship is "
        "active, or letter of intent signed for a letter of intent."
    ),
    "level": _("Municipal (the default) or district."),
    "home_district": _("The home-city district that holds a district-level relationship."),
    "ended_on": _("When the relationship ended, if it has (same forms as established_on)."),
    "fields": _("Fields of cooperation by code, separated by semicolons (trade; tourism)."),
    "fields_source": _("Where the fields of cooperation come from."),
    "latitude": _("Decimal degrees, −90 to 90; give it with longitude or leave both empty."),
    "longitude": _("Decimal degrees, −180 to 180; give it with latitude or leave both empty."),
    "population": _("Inhabitants, a whole number."),
    "time_zone": _("An IANA time zone such as Pacific/Auckland."),
    "geonames_id": _("The city's number in the GeoNames gazetteer."),
    "location_source": _("Where the coordinates come from."),
    "summary_en": _("A short description of the relationship in English."),
    "summary_zh": _("A short description of the relationship in Chinese."),
}
