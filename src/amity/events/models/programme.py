"""The programme of an event: its sessions and who speaks at them."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SessionKind(models.TextChoices):
    CITY_TOUR = "city_tour", _("City tour")
    # Translators: a session of one-to-one meetings between enterprises.
    BUSINESS_MATCHING = "business_matching", _("Business matching")
    PLENARY = "plenary", _("Plenary")
    PANEL = "panel", _("Panel")
    SIGNING = "signing", _("Signing")
    BANQUET = "banquet", _("Banquet")
    SITE_VISIT = "site_visit", _("Site visit")


class Session(models.Model):
    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=SessionKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    # Stored in UTC; pages show them in the event's time zone.
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
    )
    room = models.CharField(_("room"), max_length=120, blank=True)
    # Language codes separated by commas ("en,zh").
    languages = models.CharField(_("languages"), max_length=100, blank=True, default="en,zh")
    interpretation = models.BooleanField(_("simultaneous interpretation"), default=False)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    source_url = models.URLField(_("source"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "title_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title_en

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Speaker(models.Model):
    """A person speaking at a session: an attendee of the event, or a named outside speaker."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="speakers"
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="speaking",
    )
    name_en = models.CharField(_("name (Latin script)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    # Translators: what a speaker does in a session (opening speech, keynote, moderator …).
    role_en = models.CharField(_("role in the session (English)"), max_length=200, blank=True)
    role_zh = models.CharField(_("role in the session (Chinese)"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speakers",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    source_url = models.URLField(_("source"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["session", "order", "name_en"]

    def __str__(self) -> str:
        return self.name_en
