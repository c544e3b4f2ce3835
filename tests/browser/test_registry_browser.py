"""The registry in a real browser: htmx filtering, language switch, import errors, screenshots."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from amity.cities.models import Partnership
from tests.factories import PASSWORD, OrganiserFactory, PartnershipFactory, PlaceFactory

# The live server needs committed data, hence transactional tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The README's screenshots are refreshed with AMITY_SCREENSHOT_DIR=docs/screenshots; a plain
# test run writes to a temporary folder so it leaves the work tree clean.
SCREENSHOT_DIR_VARIABLE = "AMITY_SCREENSHOT_DIR"


@pytest.fixture
def seeded_registry(cooperation_fields):
    call_command("load_registry", verbosity=0)


@pytest.fixture
def csp_violations(page):
    """Console messages about blocked content: a page that needs inline code would log them."""
    messages: list[str] = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def test_visitor_filters_by_continent_opens_dunedin_and_switches_to_chinese(
    page, live_server, seeded_registry, csp_violations
):
    page.goto(f"{live_server.url}/en/")
    total = Partnership.objects.count()
    assert page.locator(".partner-card").count() == min(total, 25)

    oceania = set(
        Partnership.objects.filter(place__continent="OC").values_list("place__name_en", flat=True)
    )
    page.select_option("#id_continent", "OC")
    page.wait_for_url("**/en/?*continent=OC*")
    expect(page.locator(".partner-card")).to_have_count(len(oceania))

    names = page.locator(".partner-card__name a").all_inner_texts()
    assert set(names) == oceania
    # The filtered view is linkable, and the language switch returns to it.
    assert page.url.endswith("/en/?continent=OC&sort=date")
    assert "continent=OC" in page.locator(".language-switch input[name=next]").input_value()

    page.get_by_role("link", name="Dunedin").click()
    page.wait_for_url("**/en/partners/*/")
    assert page.locator("h1").inner_text().startswith("Dunedin")

    page.get_by_role("button", name="简体中文").click()
    page.wait_for_url("**/zh-hans/partners/*/")
    assert page.locator("h1").inner_text().startswith("达尼丁")
    body = page.locator("main").inner_text()
    assert [
        label for label in ["主要事实", "建立时间", "时间线", "在地图上"] if label not in body
    ] == []
    assert "Key facts" not in body
    assert csp_violations == []


def test_organiser_import_with_a_bad_row_shows_the_row_and_imports_nothing(
    page, live_server, tmp_path, csp_violations
):
    organiser = OrganiserFactory()
    bad_file = tmp_path / "partners.csv"
    bad_file.write_text(
        "partner,country_iso2,partner_kind,relationship,established_on,source\n"
        "Dunedin,NZ,city,friendship_city,1994-10-21,Shanghai FAO list\n"
        "Vientiane,LA,city,friendship_city,1994-02-30,Shanghai FAO list\n",
        encoding="utf-8",
    )
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/partners/import/")
    page.get_by_label("Username").fill(organiser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/partners/import/")

    page.set_input_files("input[type=file]", str(bad_file))
    page.get_by_role("button", name="Check and import").click()

    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "nothing was imported" in alert.inner_text()
    first_error = page.locator(".errors-table tbody tr").first.locator("td").all_inner_texts()
    assert first_error[:2] == ["3", "established_on"]
    assert Partnership.objects.count() == 0
    assert csp_violations == []


def test_screenshots_of_the_partner_list_and_the_network_map(
    page, live_server, seeded_registry, tmp_path
):
    folder = Path(os.environ.get(SCREENSHOT_DIR_VARIABLE) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    page.goto(f"{live_server.url}/en/")
    page.screenshot(path=str(folder / "partner-list.png"))
    page.goto(f"{live_server.url}/en/network/")
    page.locator(".world-map svg").wait_for()
    page.screenshot(path=str(folder / "network-map.png"), full_page=True)
    page.goto(f"{live_server.url}/zh-hans/")
    page.screenshot(path=str(folder / "partner-list-zh.png"))

    sizes = {
        name: (folder / name).stat().st_size
        for name in ("partner-list.png", "network-map.png", "partner-list-zh.png")
    }
    assert [name for name, size in sizes.items() if size < 10_000] == []


def test_api_docs_render_offline_within_the_content_security_policy(
    page, live_server, csp_violations
):
    page.goto(f"{live_server.url}/api/v1/docs")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Amity API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert csp_violations == []


def test_organiser_edits_a_partner_with_the_city_look_up(page, live_server, csp_violations):
    organiser = OrganiserFactory()
    partnership = PartnershipFactory(
        place=PlaceFactory(
            name_en="Dunedin", name_zh="", country="NZ", latitude=None, longitude=None
        )
    )
    edit_path = f"/en/partners/{partnership.pk}/edit/"
    page.goto(f"{live_server.url}/en/accounts/login/?next={edit_path}")
    page.get_by_label("Username").fill(organiser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{edit_path}")

    # The offline gazetteer answers through htmx; choosing a city fills the place's fields.
    page.get_by_label("Find a city").fill("Dunedin")
    page.locator(".city-choice", has_text="New Zealand").first.click()
    expect(page.get_by_label("Latitude")).not_to_have_value("")
    page.get_by_label("Name (Chinese)").fill("达尼丁")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(f"**/en/partners/{partnership.pk}/")
    place = Partnership.objects.select_related("place").get(pk=partnership.pk).place
    assert place.name_zh == "达尼丁"
    assert round(place.latitude) == -46
    assert place.geonames_id is not None
    assert csp_violations == []
