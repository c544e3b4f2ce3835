"""Template filters that show registry data in the reader's language."""

import gettext
from datetime import date
from functools import cache

import pycountry
from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

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


def _versions(obj: object, stem: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """(language, text) in the reader's language, then in the other one."""
    english = ("en", getattr(obj, f"{stem}_en", "") or "")
    chinese = ("zh-Hans", getattr(obj, f"{stem}_zh", "") or "")
    return (chinese, english) if is_chinese() else (english, chinese)


@register.filter
def local_name(obj: object, stem: str = "name") -> str:
    """``obj.<stem>_zh`` or ``obj.<stem>_en`` in the reader's language, else the other one.

    Plain text, for titles, options and links; in running text use ``bilingual``, which marks
    the fallback.
    """
    (_lang, own), (_other_lang, other) = _versions(obj, stem)
    return own or other


@register.filter
def has_text(obj: object, stem: str) -> bool:
    """Whether ``obj`` has ``<stem>_en`` or ``<stem>_zh`` filled in."""
    return any(text for _lang, text in _versions(obj, stem))


@register.filter
def bilingual(obj: object, stem: str = "name") -> str:
    """Content in the reader's language, or the other language's version marked as such.

    Content in two languages is stored in explicit ``<stem>_en`` / ``<stem>_zh`` columns. When
    the reader's version is empty the other one is shown inside an element with its ``lang``
    (screen readers then pronounce it right) and followed by a small mark: "Chinese only" for
    an English reader, "仅英文" for a Chinese one. Line breaks in the text are kept.
    """
    (_lang, own), (other_lang, other) = _versions(obj, stem)
    if own:
        return linebreaksbr(own, autoescape=True)
    if not other:
        return ""
    mark = _("English only") if other_lang == "en" else _("Chinese only")
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-mark">{}</span>',
        other_lang,
        linebreaksbr(other, autoescape=True),
        mark,
    )


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
