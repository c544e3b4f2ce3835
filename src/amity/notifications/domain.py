"""Notify a person: a row in the app now, and an e-mail now or in tomorrow's digest.

Messages are untranslated ids (``gettext_noop``) with parameters, rendered in the recipient's
language when read or mailed. A parameter ``x`` with a companion ``x_zh`` shows the Chinese
value to Chinese readers (names of organisations, for instance).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from amity.notifications.models import Notification, NotificationPreference

DIGEST_SUBJECT = gettext_noop("Your notifications from Amity")


def _language_of(user) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def render(message: str, params: dict[str, Any], language: str | None = None) -> str:
    """The message in ``language`` (the active one when None)."""
    with translation.override(language or translation.get_language()):
        chinese = (translation.get_language() or "").startswith("zh")
        values = {
            key: (params.get(f"{key}_zh") or value) if chinese else value
            for key, value in params.items()
        }
        try:
            return gettext(message) % values
        except (KeyError, TypeError, ValueError):
            return gettext(message)


def wants_digest(user) -> bool:
    preference = NotificationPreference.objects.filter(user=user).first()
    return bool(preference and preference.daily_digest)


def set_daily_digest(user, enabled: bool) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"daily_digest": enabled}
    )
    return preference


def notify(recipients: Iterable, message: str, url: str = "", **params: Any) -> list[Notification]:
    """Record the notification for each recipient and e-mail those without a daily digest."""
    created = []
    for user in {user.pk: user for user in recipients if user is not None}.values():
        notification = Notification.objects.create(
            recipient=user, message=message, params=params, url=url
        )
        created.append(notification)
        if user.email and not wants_digest(user):
            transaction.on_commit(lambda n=notification, u=user: _mail_one(n, u))
    return created


def _mail_one(notification: Notification, user) -> None:
    language = _language_of(user)
    text = render(notification.message, notification.params, language)
    body = f"{text}\n\n{notification.url}" if notification.url else text
    send_mail(text[:150], body, None, [user.email], fail_silently=True)
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def send_digests() -> int:
    """E-mail each digest reader their notifications not mailed yet; returns mails sent."""
    pending = (
        Notification.objects.filter(
            emailed_at__isnull=True, recipient__notification_preference__daily_digest=True
        )
        .select_related("recipient")
        .order_by("recipient_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in pending:
        by_user.setdefault(notification.recipient_id, []).append(notification)
    sent = 0
    for notifications in by_user.values():
        user = notifications[0].recipient
        if not user.email:
            continue
        language = _language_of(user)
        lines = [f"- {render(n.message, n.params, language)}" for n in notifications]
        send_mail(render(DIGEST_SUBJECT, {}, language), "\n".join(lines), None, [user.email])
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            emailed_at=timezone.now()
        )
        sent += 1
    return sent


def mark_read(user, notification_ids: Iterable[int] | None = None) -> int:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())
