"""The bare /cooperation/ address is a landing page counting what the reader may see."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.accounts import OrganiserFactory
from tests.factories.cooperation import PracticeFactory, ProjectFactory, TransferFactory

pytestmark = pytest.mark.django_db


def _count(html: str, name: str) -> str:
    start = html.index(f'data-count="{name}">') + len(f'data-count="{name}">')
    return html[start : html.index("</p>", start)]


def test_the_overview_counts_only_what_the_public_may_see(client):
    ProjectFactory(is_published=True)
    ProjectFactory(is_published=False)
    shown = PracticeFactory(is_published=True, looking_for_partners=True)
    PracticeFactory(is_published=False)
    TransferFactory(practice=shown)

    html = client.get("/en/cooperation/").content.decode()

    assert _count(html, "projects") == "1 project, 1 running"
    assert _count(html, "practices") == "1 practice, 1 looking for partners"
    assert _count(html, "transfers") == "1 transfer of a practice between cities"
    assert reverse("cooperation:report-index") not in html


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "Who learns from whom"), ("zh-hans", "谁向谁学习")]
)
def test_the_overview_links_every_part_in_both_languages(client, lang, text):
    client.force_login(OrganiserFactory())

    with translation.override(lang):
        html = client.get(reverse("cooperation:overview")).content.decode()
        links = [
            reverse(f"cooperation:{name}")
            for name in ("project-list", "practice-list", "network", "report-index")
        ]

    assert text in html
    assert all(link in html for link in links)


@pytest.mark.parametrize("rows", [1, 50])
def test_the_overview_takes_the_same_queries_for_1_and_50_rows(
    client, django_assert_num_queries, rows
):
    for _ in range(rows):
        TransferFactory()
        ProjectFactory()

    with django_assert_num_queries(3):
        client.get("/en/cooperation/")


def test_the_main_menu_links_to_the_overview_not_the_project_list(client):
    html = client.get("/en/").content.decode()

    menu = html[html.index("<nav") : html.index("</nav>")]
    assert 'href="/en/cooperation/"' in menu
    assert 'href="/en/cooperation/projects/"' not in menu
