"""A suggestion's reasons in the reader's language ("you seek …, they offer …")."""

from __future__ import annotations

from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Why a schedule run left a meeting out (the engine's reason codes), for the preview and API.
UNSCHEDULED_REASONS = {
    "no_common_free_slot": gettext_lazy("no common free slot"),
    "no_interpreter": gettext_lazy("interpreter shortage"),
    "capacity": gettext_lazy("table capacity"),
    "max_meetings": gettext_lazy("meeting cap reached"),
    "lost_to_higher_priority": gettext_lazy("gave way to higher-priority meetings"),
}

QUOTE_WORDS = 12


def _short(text: str | None) -> str:
    text = text or ""
    # Chinese has no spaces: cut by characters there, by words elsewhere.
    if " " not in text.strip():
        return Truncator(text).chars(40)
    return Truncator(text).words(QUOTE_WORDS)


def _label(reason: dict) -> str:
    chinese = (translation.get_language() or "").startswith("zh")
    return (reason.get("label_zh") if chinese else None) or reason.get("label_en") or ""


def reason_text(reason: dict) -> str:
    kind = reason.get("kind")
    mine, theirs = _short(reason.get("mine")), _short(reason.get("theirs"))
    if kind == "seek_offer":
        return _("You seek “%(mine)s”; they offer “%(theirs)s”.") % {
            "mine": mine,
            "theirs": theirs,
        }
    if kind == "offer_seek":
        return _("You offer “%(mine)s”; they seek “%(theirs)s”.") % {
            "mine": mine,
            "theirs": theirs,
        }
    if kind == "seek_sector":
        # My request matched the other side's ISIC class (label = their sector).
        return _("You seek “%(mine)s”; their sector is %(sector)s.") % {
            "mine": mine,
            "sector": _label(reason),
        }
    if kind == "sector_seek":
        # Their request matched my ISIC class (label = my sector).
        return _("They seek “%(theirs)s”; your sector is %(sector)s.") % {
            "theirs": theirs,
            "sector": _label(reason),
        }
    if kind == "sector":
        return _("Shared sector: %(sector)s.") % {"sector": _label(reason)}
    if kind == "cooperation":
        return _("You both want %(cooperation)s.") % {"cooperation": _label(reason)}
    if kind == "home_partner_city":
        return _("Joins the home city with a partner city (%(city)s).") % {
            "city": reason.get("theirs") or ""
        }
    return ""


def reason_texts(reasons: list[dict], interpreter_needed: bool) -> list[str]:
    texts = [text for text in (reason_text(r) for r in reasons) if text]
    if interpreter_needed:
        texts.append(_("You share no language: an interpreter is needed."))
    return texts
