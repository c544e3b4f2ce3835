"""The registry's invariants, written once.

The domain actions, the importer (on each row, before anything is written) and the admin's
forms all ask these functions, so a rule cannot hold on one path and not on another. Each
``validate_*`` function checks an unsaved or changed instance and raises one ValidationError
that names every bad field (by model field name); callers map the names to their own labels
(the importer to its columns, a page to its form fields).

The database holds the same rules as constraints where it can (see models.py); these checks
give the clear message first and also cover what a constraint cannot say (an IANA time zone,
a known country, a source's date in a form we can read).
"""

import math
import re
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _

from amity.cities.domain.dates import parse_partial_date
from amity.cities.models import (
    Agreement,
    Citation,
    Contact,
    Exchange,
    Partnership,
    PartnershipLevel,
    PartnershipStatus,
    Place,
    RelationshipKind,
    Source,
)
from amity.cities.world_cities import continent_of_country

Problem = tuple[str, str]
_WEB_ADDRESS = URLValidator(schemes=["http", "https"])


@cache
def time_zones() -> frozenset[str]:
    # available_timezones() walks the zoneinfo directory on every call.
    return frozenset(zoneinfo.available_timezones())


def continent_for_country(code: str) -> str:
    """The continent code (AF, AS, EU, NA, OC, SA, AN) of an ISO 3166-1 alpha-2 country.

    A country is known when GeoNames gives it a continent: the map and the continent filter
    need one, so this is also the test of a valid country.
    """
    continent = continent_of_country(code or "")
    if continent is None:
        raise ValidationError({"country": _country_message(code)})
    return continent


def _country_message(code: str) -> str:
    return _("'%(value)s' is not an ISO 3166-1 alpha-2 country code") % {"value": code}


def require_choice(field: str, value: str, choices: Iterable[str]) -> None:
    allowed = list(choices)
    if value not in allowed:
        raise ValidationError({field: choice_message(value, allowed)})


def choice_message(value: str, allowed: Iterable[str]) -> str:
    return _("'%(value)s' is not one of %(allowed)s") % {
        "value": value,
        "allowed": ", ".join(allowed),
    }


# Every control character (Unicode category Cc) and lone surrogate (Cs), as one character class:
# a regular expression scans a long text far faster than a loop over its characters.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_character(text: str, *, multiline: bool = False) -> str | None:
    """The first control character or lone surrogate in ``text``, if there is one.

    Such characters are invisible on a page, break spreadsheet exports (XML 1.0 forbids
    them) and PostgreSQL refuses a NUL byte, so no text field of the registry accepts them.
    Long texts (summaries, notes) may hold line breaks and tabs.
    """
    match = (_CONTROL_BUT_LINE_BREAKS if multiline else _CONTROL).search(text)
    return match.group() if match else None


@cache
def _text_fields(model: type[models.Model]) -> tuple[tuple[str, str, bool], ...]:
    """(name, attribute, is long text) of each text field: read once per model, not per row."""
    return tuple(
        (field.name, field.attname, isinstance(field, models.TextField))
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    )


@cache
def _nullable_when_blank(model: type[models.Model]) -> tuple[tuple[str, str], ...]:
    """Fields that may be left blank but not NULL: Django's field checks let None through."""
    return tuple(
        (field.name, field.attname)
        for field in model._meta.concrete_fields
        if field.blank
        and not field.null
        and not field.primary_key
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    )


def text_problems(instance: models.Model, exclude: Iterable[str] = ()) -> Iterator[Problem]:
    for name, attname, multiline in _text_fields(type(instance)):
        value = getattr(instance, attname)
        if not isinstance(value, str) or name in exclude:
            continue
        bad = control_character(value, multiline=multiline)
        if bad is not None:
            yield (
                name,
                _("contains an invisible control character (U+%(code)04X); remove it")
                % {"code": ord(bad)},
            )


def _model_problems(instance: models.Model, exclude: Iterable[str]) -> Iterator[Problem]:
    """Lengths, number ranges, choices and formats as the model's fields declare them."""
    skipped = set(exclude)
    for name, attname in _nullable_when_blank(type(instance)):
        if name not in skipped and getattr(instance, attname) is None:
            skipped.add(name)
            yield name, _("may not be null; leave it out or give a value")
    try:
        instance.clean_fields(exclude=list(skipped))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                yield field, message


def _raise(problems: Iterable[Problem]) -> None:
    by_field: dict[str, list[str]] = defaultdict(list)
    for field, message in problems:
        if message not in by_field[field]:
            by_field[field].append(message)
    if by_field:
        raise ValidationError(dict(by_field))


def _checked(instance: models.Model, rules: Iterator[Problem], exclude: Iterable[str]) -> None:
    # Text first: a field with a control character or over its length is not worth a look-up.
    problems = list(text_problems(instance, exclude))
    bad_text = {field for field, _message in problems}
    problems += _model_problems(instance, {*exclude, *bad_text})
    problems += rules
    _raise(problems)


# ---- places -------------------------------------------------------------------------------


def _place_rules(place: Place) -> Iterator[Problem]:
    if not (place.name_en or "").strip():
        yield "name_en", _("a place needs its English name")
    latitude, longitude = place.latitude, place.longitude
    for name, value in (("latitude", latitude), ("longitude", longitude)):
        if isinstance(value, float) and not math.isfinite(value):
            yield name, _("is not a number")
    if (latitude is None) != (longitude is None):
        missing = "latitude" if latitude is None else "longitude"
        yield missing, _("give both coordinates or neither")
    if place.time_zone and place.time_zone not in time_zones():
        yield (
            "time_zone",
            _("'%(value)s' is not an IANA time zone such as Europe/Berlin")
            % {"value": place.time_zone},
        )
    if continent_of_country(place.country or "") is None:
        yield "country", _country_message(place.country)


def validate_place(place: Place) -> None:
    """Raise ValidationError (keyed by field) if the place breaks a rule of the registry."""
    # The continent is derived from the country, which has its own rule.
    _checked(place, _place_rules(place), exclude=["continent"])


# ---- partnerships -------------------------------------------------------------------------


def normalise_dates(partnership: Partnership) -> None:
    """A date always comes with its precision (a day unless stated), no date with none."""
    if partnership.established_on is None:
        partnership.established_precision = ""
    elif not partnership.established_precision:
        partnership.established_precision = "day"


def _partnership_rules(partnership: Partnership) -> Iterator[Problem]:
    if (
        partnership.established_on
        and partnership.ended_on
        and partnership.ended_on < partnership.established_on
    ):
        yield "ended_on", _("the end date is before the established date")
    if partnership.established_on is not None and not partnership.established_precision:
        yield "established_precision", _("a date needs its precision (year, month or day)")
    if (
        partnership.level == PartnershipLevel.DISTRICT
        and not (partnership.home_district or "").strip()
    ):
        yield "home_district", _("a district-level partnership names its district")


def validate_partnership(partnership: Partnership) -> None:
    # The place is checked on its own; a new partnership may not be linked to it yet.
    _checked(partnership, _partnership_rules(partnership), exclude=["place"])


def field_code_problems(codes: Iterable[str], known: Iterable[str]) -> Iterator[Problem]:
    unknown = sorted(set(codes) - set(known))
    if unknown:
        yield "fields", _("unknown field codes: %(codes)s") % {"codes": ", ".join(unknown)}


# ---- sources and citations ----------------------------------------------------------------


def _source_rules(source: Source) -> Iterator[Problem]:
    if not (source.title_en or "").strip():
        yield "title_en", _("a source needs a title")
    if source.url:
        try:
            _WEB_ADDRESS(source.url)
        except ValidationError:
            yield "url", _("enter a web address starting with http:// or https://")


def validate_source(source: Source) -> None:
    # The web address has its own, stricter rule: only http and https links are shown.
    problems = list(text_problems(source))
    bad = {field for field, _message in problems} | {"url"}
    problems += _model_problems(source, bad)
    problems += _source_rules(source)
    _raise(problems)


def _stated_value_problem(fact: str, value: str, field_codes: Iterable[str]) -> str | None:
    """Why a source's statement of a fact cannot be that fact's value, if it cannot."""
    if not value:
        return None
    if fact == Citation.Fact.ESTABLISHED_ON:
        try:
            parse_partial_date(value)
        except ValueError:
            return _("'%(value)s' is not a date (%(forms)s)") % {
                "value": value,
                "forms": _("YYYY, YYYY-MM or YYYY-MM-DD"),
            }
    elif fact == Citation.Fact.KIND and value not in RelationshipKind.values:
        return choice_message(value, RelationshipKind.values)
    elif fact == Citation.Fact.STATUS and value not in PartnershipStatus.values:
        return choice_message(value, PartnershipStatus.values)
    elif fact == Citation.Fact.FIELDS:
        codes = [code for code in value.split(";") if code]
        for _field, message in field_code_problems(codes, field_codes):
            return message
    elif fact == Citation.Fact.LOCATION and not _is_location(value):
        return _("give the location as 'latitude, longitude' in decimal degrees")
    return None


def _is_location(value: str) -> bool:
    parts = value.split(",")
    if len(parts) != 2:
        return False
    try:
        latitude, longitude = (float(part) for part in parts)
    except ValueError:
        return False
    return -90 <= latitude <= 90 and -180 <= longitude <= 180


def validate_citation(citation: Citation, field_codes: Iterable[str] = ()) -> None:
    """The statement must be a value the fact can have (a date for a date, a kind for a kind).

    ``field_codes`` are the known fields of cooperation, for a citation of the fields.
    """
    problems: list[Problem] = []
    if citation.fact not in Citation.Fact.values:
        problems.append(("fact", choice_message(citation.fact, Citation.Fact.values)))
    else:
        message = _stated_value_problem(citation.fact, citation.value or "", field_codes)
        if message:
            problems.append(("value", message))
    _checked(citation, iter(problems), exclude=["partnership", "source"])


# ---- the timeline and contacts ------------------------------------------------------------


def _agreement_rules(agreement: Agreement, partnership: Partnership | None) -> Iterator[Problem]:
    if not (agreement.title_en or agreement.title_zh or "").strip():
        yield "title_en", _("give a title in English or Chinese")
    if (
        agreement.signed_on
        and partnership is not None
        and partnership.ended_on
        and agreement.signed_on > partnership.ended_on
    ):
        yield "signed_on", _("the partnership had already ended")


def validate_agreement(agreement: Agreement, partnership: Partnership | None = None) -> None:
    exclude = ["partnership", "source", "document"]
    _checked(agreement, _agreement_rules(agreement, partnership), exclude=exclude)


def _exchange_rules(exchange: Exchange) -> Iterator[Problem]:
    if not (exchange.title_en or exchange.title_zh or "").strip():
        yield "title_en", _("give a title in English or Chinese")
    if exchange.starts_on and exchange.ends_on and exchange.ends_on < exchange.starts_on:
        yield "ends_on", _("the exchange ends before it starts")


def validate_exchange(exchange: Exchange) -> None:
    _checked(exchange, _exchange_rules(exchange), exclude=["partnership", "source"])


def language_codes(text: str | Iterable[str]) -> list[str]:
    """BCP 47 codes from "en, zh" or a list; raises ValueError naming nothing if malformed."""
    items = text.split(",") if isinstance(text, str) else text
    codes = [code.strip() for code in items if code.strip()]
    if any(not code.replace("-", "").isalnum() or not code.isascii() for code in codes):
        raise ValueError(text)
    return codes


def _contact_rules(contact: Contact) -> Iterator[Problem]:
    if not (contact.name or "").strip():
        yield "name", _("a contact needs a name")
    try:
        language_codes(contact.languages or "")
    except ValueError:
        yield "languages", _("use language codes such as en, zh, lo")


def validate_contact(contact: Contact) -> None:
    _checked(contact, _contact_rules(contact), exclude=["partnership"])
