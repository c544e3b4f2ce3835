from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # Translators: staff of the city's foreign-affairs office or a co-host.
    ORGANISER = "organiser", _("Organiser")
    ENTERPRISE = "enterprise", _("Enterprise member")
    # Translators: a member of a partner city's delegation.
    DELEGATE = "delegate", _("Delegate")


class Organisation(models.Model):
    """An enterprise or institution taking part in the programme."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    city_name = models.CharField(_("city"), max_length=120, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    # The partner city whose delegation a delegate belongs to.
    partner_place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("partner city"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegates",
    )
    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    # Set when an organiser deactivates the account: it cannot log in, and a pending
    # invitation link stops working, until it is reactivated.
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_organiser(self) -> bool:
        return self.is_active and (self.role == Role.ORGANISER or self.is_superuser)


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the key is shown once at creation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} / {self.name}"
