"""Template filters that show registry data in the reader's language."""

import gettext
from datetime import date
from functools import cache

import pycountry
from django import template
from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language, pgettext

register = template.Library()


def is_chinese() -> bool:
    return (get_language() or "").startswith("zh")


@cache
def _country_catalogue() -> gettext.NullTranslations:
    # pycountry ships the iso-codes translations; zh_CN is Simplified Chinese.
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True
    )


@cache
def _country_name(code: str, chinese: bool) -> str:
    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    if country is None:
        return code
    # common_name ("Bolivia") reads better than the official name ("Bolivia, Plurinational …").
    english = getattr(country, "common_name", None) or country.name
    return _country_catalogue().gettext(country.name) if chinese else english


@register.filter
def country_name(code: str) -> str:
    """The country's name from its ISO 3166-1 alpha-2 code, in the active language."""
    return _country_name(code or "", is_chinese())


@register.filter
def local_name(obj: object, stem: str = "name") -> str:
    """``obj.<stem>_zh`` in Chinese mode when it is filled in, else ``obj.<stem>_en``."""
    english = getattr(obj, f"{stem}_en", "")
    if is_chinese():
        return getattr(obj, f"{stem}_zh", "") or english
    return english


@register.filter
def partial_date(value: date | None, precision: str = "day") -> str:
    """A date shown only as precisely as it is known: "1994", "June 1994" or the full date."""
    if value is None:
        return ""
    if precision == "year":
        # Translators: a date known only to the year, e.g. "1994" (Chinese: "1994年").
        return pgettext("date known to the year", "%(year)s") % {"year": value.year}
    if precision == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


@register.simple_tag
def home_city_name() -> str:
    """The home city's name in the active language (settings AMITY_HOME_CITY / _ZH)."""
    return settings.AMITY_HOME_CITY_ZH if is_chinese() else settings.AMITY_HOME_CITY


def decade_label(first_year: int) -> str:
    """ "1980s" / "1980年代" for the decade starting in ``first_year``."""
    # Translators: a decade, e.g. "1980s" (Chinese: "1980年代").
    return pgettext("decade", "%(year)ss") % {"year": first_year}
