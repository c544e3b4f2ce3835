"""The sector picker in a real browser, both languages: search by label, pick a chip, remove
one, save."""

import pytest
from playwright.sync_api import expect

from amity.engine.matching.isic import isic_table
from amity.fair.models import Participant
from tests.browser.test_fair_browser import WORDS, log_in
from tests.factories.accounts import EnterpriseUserFactory
from tests.factories.fair import ParticipantFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("lang", "query"), [("en", "travel agency"), ("zh-hans", "旅行社")])
def test_member_picks_a_sector_by_label_and_removes_another(page, live_server, lang, query):
    participant = ParticipantFactory(sectors=["4923"], name_en="Harbour (test)")
    member = EnterpriseUserFactory(organisation=participant.organisation)
    label = isic_table()["7911"].label_zh if lang == "zh-hans" else isic_table()["7911"].label_en
    log_in(page, live_server.url, lang, member.username)

    page.goto(f"{live_server.url}/{lang}/fair/participants/{participant.pk}/edit/")
    page.locator("input[type=search][name=sectors]").fill(query)
    page.locator('[data-picker-choice][data-code="7911"]').click()
    chips = page.locator(".picker__chips")
    expect(chips).to_contain_text(label)
    page.locator(".chip", has_text="4923").locator("[data-picker-remove]").click()
    page.get_by_role("button", name=WORDS[lang]["save"], exact=True).click()
    page.wait_for_url(f"**/fair/participants/{participant.pk}/")

    assert Participant.objects.get(pk=participant.pk).sectors == ["7911"]
