"""The registry's commands: demo, load-registry, import-partnerships, export-partnerships."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from amity.accounts.models import User
from amity.cities.models import Agreement, Contact, Exchange, Partnership, Place

GOOD_FILE = "partner,country_iso2,partner_kind,relationship\nDunedin,NZ,city,friendship_city\n"
BAD_FILE = (
    "partner,country_iso2,partner_kind,relationship,established_on\n"
    "Dunedin,NZ,city,friendship_city,1994\n"
    "Atlantis,XX,city,friendship_city,1986-13-01\n"
)


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _counts() -> tuple[int, ...]:
    models = (Place, Partnership, Exchange, Agreement, Contact, User)
    return tuple(model.objects.count() for model in models)


@pytest.mark.django_db
def test_load_registry_loads_the_shipped_seed_once():
    first, _ = _run("load_registry")
    second, _ = _run("load_registry")

    assert first == "Seed registry: 52 created, 0 updated, 0 unchanged.\n"
    assert second == "Seed registry: 0 created, 0 updated, 52 unchanged.\n"


@pytest.mark.django_db
def test_seed_has_chinese_names_sources_and_the_forum_cities():
    _run("load_registry")

    dunedin = Partnership.objects.select_related("place").get(place__name_en="Dunedin")
    assert (dunedin.place.name_zh, dunedin.place.continent, dunedin.established_on.year) == (
        "达尼丁",
        "OC",
        1994,
    )
    los_angeles = Partnership.objects.get(place__name_en="Los Angeles")
    assert sorted(los_angeles.fields.values_list("code", flat=True)) == ["environment", "transport"]
    assert los_angeles.citations.filter(
        fact="fields", source__title_en="China Daily 2023 forum report"
    ).exists()
    assert not Place.objects.filter(name_zh="").exists()
    assert not Place.objects.filter(latitude__isnull=True).exists()


@pytest.mark.django_db
def test_demo_no_serve_twice_changes_nothing():
    _run("demo", "--no-serve")
    after_first = _counts()

    out, _ = _run("demo", "--no-serve")

    assert _counts() == after_first
    assert "0 partnerships created, 0 updated, 52 unchanged" in out


@pytest.mark.django_db
def test_demo_prints_working_logins_for_three_roles_and_an_administrator(client):
    out, _ = _run("demo", "--no-serve")

    assert "organiser" in out
    assert "amity-demo" in out
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {
        "admin": "",
        "organiser": "organiser",
        "enterprise": "enterprise",
        "delegate": "delegate",
        # The fair's demo: a partner-city enterprise, the other side of the matching flow.
        "partner": "enterprise",
    }
    assert "partner     password: amity-demo" in out
    assert User.objects.get(username="admin").is_superuser
    assert client.login(username="organiser", password="amity-demo")
    assert client.login(username="admin", password="amity-demo")


@pytest.mark.django_db
def test_demo_forum_has_thirteen_cities_from_twelve_countries_all_labelled_demo():
    _run("demo", "--no-serve")

    forum = Exchange.objects.filter(title_en__startswith="2023 Shanghai International")
    countries = set(forum.values_list("partnership__place__country", flat=True))
    assert (forum.count(), len(countries)) == (13, 12)
    assert {"Dunedin", "Vientiane", "Johannesburg", "Los Angeles"} <= set(
        forum.values_list("partnership__place__name_en", flat=True)
    )
    assert not Exchange.objects.filter(is_demo=False).exists()
    assert not Contact.objects.filter(is_demo=False).exists()
    assert not Agreement.objects.filter(is_demo=False).exists()
    assert all(
        "demo data" in title for title in Exchange.objects.values_list("title_en", flat=True)
    )


@pytest.mark.django_db
def test_import_partnerships_command_prints_the_summary(tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text(GOOD_FILE, encoding="utf-8")

    out, _ = _run("import_partnerships", str(path))

    assert out == "partners.csv: 1 created, 0 updated, 0 unchanged.\n"


@pytest.mark.django_db
def test_import_partnerships_command_lists_every_error_and_exits_1(tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text(BAD_FILE, encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(SystemExit) as exit_info:
        call_command("import_partnerships", str(path), stdout=io.StringIO(), stderr=err)

    assert exit_info.value.code == 1
    assert err.getvalue().splitlines() == [
        "partners.csv: nothing was imported; fix these and try again:",
        "  row 3, column country_iso2: 'XX' is not an ISO 3166-1 alpha-2 country code",
        "  row 3, column established_on: '1986-13-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ]
    assert Partnership.objects.count() == 0


@pytest.mark.django_db
def test_import_partnerships_command_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        _run("import_partnerships", str(tmp_path / "missing.csv"))


@pytest.mark.django_db
def test_export_partnerships_command_writes_csv_to_stdout():
    _run("load_registry")

    out, _ = _run("export_partnerships")

    lines = out.splitlines()
    assert lines[0].startswith("partner,country_iso2,partner_kind,relationship,established_on")
    assert len(lines) == 53


@pytest.mark.django_db
def test_export_partnerships_command_xlsx_file_reimports(tmp_path):
    _run("load_registry")
    path = tmp_path / "partners.xlsx"

    _run("export_partnerships", "-o", str(path))
    out, _ = _run("import_partnerships", str(path))

    assert out == "partners.xlsx: 0 created, 0 updated, 52 unchanged.\n"


@pytest.mark.django_db
def test_export_partnerships_command_refuses_xlsx_to_stdout():
    with pytest.raises(CommandError, match="binary"):
        _run("export_partnerships", "--format", "xlsx")
