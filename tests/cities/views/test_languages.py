"""Content in two languages: the reader's version, or the other one marked as a fallback."""

import datetime

import pytest

from amity.cities.world_cities import simplified_chinese_name
from tests.cities.views.browsing import url
from tests.factories.cities import (
    AgreementFactory,
    CitationFactory,
    ContactFactory,
    ExchangeFactory,
    PartnershipFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    partnership = PartnershipFactory(place__population=132_800)
    ExchangeFactory(
        partnership=partnership,
        title_en="Mayor's visit",
        title_zh="市长访问",
        description_en="Talks on port cooperation.",
        description_zh="",
        source=SourceFactory(title_en="Shanghai FAO list", title_zh="上海市外办友好城市名录"),
    )
    AgreementFactory(
        partnership=partnership,
        title_en="",
        title_zh="友好城市协议",
        signed_on=datetime.date(1994, 10, 21),
    )
    CitationFactory(partnership=partnership, note_en="day and month not found", note_zh="")
    ContactFactory(
        partnership=partnership, position_en="Adviser", position_zh="顾问", protocol_notes_en="Tea"
    )
    return partnership


def test_partner_page_in_chinese_shows_chinese_content_and_marks_english_fallbacks(
    organiser_client, partnership
):
    html = organiser_client.get(
        url("cities:partner-detail", partnership.pk, lang="zh-hans")
    ).content.decode()

    for chinese in ["市长访问", "上海市外办友好城市名录", "友好城市协议", "顾问"]:
        assert chinese in html
    mark = '<span class="fallback-mark">仅英文</span>'
    assert f'<span lang="en">Talks on port cooperation.</span> {mark}' in html
    assert '<span lang="en">day and month not found</span>' in html
    # The organisers' history lists each field's stored value, the English title among them.
    content = html.split('aria-labelledby="history-heading"')[0]
    assert "Mayor&#x27;s visit" not in content


def test_partner_page_in_english_marks_chinese_only_content(client, partnership):
    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    mark = '<span class="fallback-mark">Chinese only</span>'
    assert f'<span lang="zh-Hans">友好城市协议</span> {mark}' in html
    assert "Mayor&#x27;s visit" in html
    assert "市长访问" not in html


@pytest.mark.parametrize(("lang", "population"), [("en", "132,800"), ("zh-hans", "132,800")])
def test_partner_page_groups_the_population_in_thousands(client, partnership, lang, population):
    html = client.get(url("cities:partner-detail", partnership.pk, lang=lang)).content.decode()

    assert population in html


def test_world_city_look_up_shows_chinese_names_in_chinese_mode(organiser_client):
    response = organiser_client.get(
        url("cities:world-city-search", lang="zh-hans"), {"q": "Hamburg"}
    )

    html = response.content.decode()
    assert '<strong lang="zh-Hans">汉堡</strong>' in html
    assert 'data-name-zh="汉堡"' in html


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Hamburg", "ハンブルク", "汉堡", "汉堡市", "漢堡"], "汉堡"),
        # The Japanese form can be written in GB 2312 too; the one Shift-JIS cannot is Chinese.
        (["横浜", "横浜市", "横滨市"], "横滨"),
        (["Dunedin", "但尼丁"], "但尼丁"),
        (["Milano", "Милан"], ""),
    ],
)
def test_simplified_chinese_name_picks_the_simplified_han_name(names, expected):
    assert simplified_chinese_name(names) == expected
