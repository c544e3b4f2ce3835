"""The columns a registry file may have; the export writes them in this order."""

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
