"""Notifications: in the app at once, by e-mail in the reader's language, or in a digest."""

import pytest
from django.core import mail
from django.utils.translation import gettext_noop

from amity.notifications.domain import notify, render, send_digests, set_daily_digest
from amity.notifications.models import Notification
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db
MESSAGE = gettext_noop("%(other)s asks to meet you.")


def test_mail_is_in_the_recipients_language(django_capture_on_commit_callbacks):
    reader = UserFactory(preferred_language="zh-hans")

    with django_capture_on_commit_callbacks(execute=True):
        notify([reader], MESSAGE, other="Otago Fine Foods", other_zh="奥塔哥优质食品")

    assert mail.outbox[0].subject == "奥塔哥优质食品 希望与您会谈。"
    assert Notification.objects.get().emailed_at is not None


def test_digest_readers_get_one_mail_a_day(django_capture_on_commit_callbacks):
    reader = UserFactory()
    set_daily_digest(reader, True)

    with django_capture_on_commit_callbacks(execute=True):
        notify([reader], MESSAGE, other="A")
        notify([reader], MESSAGE, other="B")

    assert mail.outbox == []
    assert send_digests() == 1
    assert "A asks to meet you." in mail.outbox[0].body
    assert "B asks to meet you." in mail.outbox[0].body
    assert send_digests() == 0


def test_render_shows_english_names_to_english_readers():
    assert (
        render(MESSAGE, {"other": "Otago", "other_zh": "奥塔哥"}, "en") == "Otago asks to meet you."
    )
