"""Cooperation records in the audit history (organisers see it on the project and practice
pages), and a person's cooperation contributions in the personal data export and erasure."""

import pytest
from django.urls import reverse

from amity.accounts.personal_data import erase_person, export_person
from amity.audit.tracking import acting_as
from amity.cooperation import domain
from amity.cooperation.models import ProjectUpdate
from tests.factories.accounts import DelegateFactory, OrganiserFactory
from tests.factories.cooperation import PracticeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_milestone_added_is_in_the_projects_history_for_organisers(client):
    organiser = OrganiserFactory()
    project = ProjectFactory(is_published=True)
    with acting_as(organiser):
        domain.add_milestone(project, title_en="Implementation plan", starts_on="2022-12-31")

    client.force_login(organiser)
    organisers_page = client.get(reverse("cooperation:project-detail", args=[project.pk]))
    client.logout()
    public_page = client.get(reverse("cooperation:project-detail", args=[project.pk]))

    assert "history-heading" in organisers_page.content.decode()
    assert "“Implementation plan”" in organisers_page.content.decode()
    assert "history-heading" not in public_page.content.decode()


def test_a_practice_change_is_in_its_history(client):
    organiser = OrganiserFactory()
    practice = PracticeFactory(title_en="Free Wi-Fi")
    with acting_as(organiser):
        domain.update_practice(practice, title_en="Free public Wi-Fi")
    client.force_login(organiser)

    html = client.get(reverse("cooperation:practice-detail", args=[practice.pk])).content.decode()

    assert "<del>Free Wi-Fi</del>" in html


def test_a_persons_updates_are_exported_and_erasure_keeps_the_update_without_its_author():
    person = DelegateFactory()
    project = ProjectFactory(title_en="Corridor")
    update = domain.post_update(project, author=person, text_en="First ships sailed.")

    exported = export_person(person)["cooperation.contributions"]
    counts = erase_person(person, by=OrganiserFactory())

    assert exported == [
        {
            "kind": "project update",
            "project": "Corridor",
            "date": update.posted_on,
            "text_en": "First ships sailed.",
            "text_zh": "",
        }
    ]
    assert counts["cooperation.contributions"] == 1
    update.refresh_from_db()
    assert (update.author, update.text_en) == (None, "First ships sailed.")
    assert not ProjectUpdate.history.filter(author=person).exists()
