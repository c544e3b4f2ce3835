"""Who takes part in a fair: an organisation's profile, its people, opportunities and time."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from amity.engine.matching import COOPERATION_TYPES


class ParticipantStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")


class OrganisationSize(models.TextChoices):
    MICRO = "micro", _("Micro (under 10 people)")
    SMALL = "small", _("Small (10–49)")
    MEDIUM = "medium", _("Medium (50–249)")
    LARGE = "large", _("Large (250 or more)")
    PUBLIC = "public", _("Public body or institution")


class Participant(models.Model):
    """An organisation's profile at one fair."""

    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="fair_participations",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.PENDING,
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    # A registry place when the city is one; otherwise the city's name from the offline
    # world-city look-up (city_name is always filled, so lists need no join).
    place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("registry city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fair_participants",
    )
    city_name = models.CharField(_("city"), max_length=120)
    city_name_zh = models.CharField(_("city (Chinese)"), max_length=120, blank=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    size = models.CharField(_("size"), max_length=10, choices=OrganisationSize.choices, blank=True)
    # ISIC Rev.4 codes, checked against the engine's classification by the domain actions.
    sectors = models.JSONField(_("sectors (ISIC)"), default=list, blank=True)
    # ISO 639-1 codes.
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    # " 4923 492 49 H " and " en zh ": filled by the domain actions so the marketplace filters
    # by sector (at any level) and language with a portable LIKE on SQLite and PostgreSQL.
    sector_index = models.CharField(max_length=400, blank=True, editable=False)
    language_index = models.CharField(max_length=200, blank=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    max_meetings = models.PositiveSmallIntegerField(
        _("meetings at most"), default=8, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    # Private: shown to organisers, the organisation's members, and participants with an
    # accepted meeting with it (rules.py).
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["fair", "name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "organisation"], name="fair_participant_one_per_organisation"
            ),
        ]
        indexes = [models.Index(fields=["fair", "status"])]

    def __str__(self) -> str:
        return self.name_en


class Representative(models.Model):
    """A person who attends the participant's meetings."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="representatives"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fair_representations",
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        ordering = ["participant", "name"]

    def __str__(self) -> str:
        return self.name


class OpportunityKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    # Translators: an opportunity a participant seeks (the opposite of an offer).
    REQUEST = "request", _("Request")
    COOPERATION = "cooperation", _("Cooperation")


COOPERATION_CHOICES = [(key, en) for key, (en, _zh) in COOPERATION_TYPES.items()]


class Opportunity(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="opportunities"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    # In any language: the engine's embeddings compare texts across languages.
    text = models.TextField(_("text"), blank=True)
    cooperation = models.CharField(
        _("cooperation type"), max_length=30, choices=COOPERATION_CHOICES, blank=True
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # The search's in-memory vectors are rebuilt when the newest change is newer than them.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["participant", "kind", "id"]
        # The marketplace's "has an offer (of this cooperation type)" filter, per participant.
        indexes = [models.Index(fields=["participant", "kind"], name="fair_opportunity_owner_kind")]

    def __str__(self) -> str:
        return self.title

    @property
    def full_text(self) -> str:
        return f"{self.title}. {self.text}".strip() if self.text else self.title


class Unavailability(models.Model):
    """A slot the participant cannot meet in (every slot is available unless listed)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="unavailable_slots"
    )
    session = models.ForeignKey("fair.FairSession", on_delete=models.CASCADE, related_name="+")
    slot = models.PositiveSmallIntegerField(_("slot number in the session"))

    class Meta:
        verbose_name = _("unavailable slot")
        verbose_name_plural = _("unavailable slots")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "session", "slot"], name="fair_unavailability_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} / {self.session_id} #{self.slot}"
