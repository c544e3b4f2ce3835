"""The shipped examples work as the documentation says."""

import json
from pathlib import Path

import pytest

from amity.cities.importing import import_partnerships
from amity.cli import main
from amity.engine.scheduling.formats import read_problem_file

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_scheduling_example_gives_a_valid_schedule(tmp_path):
    out = tmp_path / "schedule.json"

    code = main(["schedule", str(EXAMPLES / "fair-problem.json"), "-o", str(out), "--quiet"])

    schedule = json.loads(out.read_text())
    assert code == 0
    assert {a["meeting"] for a in schedule["assignments"]} >= {"m1", "m6"}
    assert main(["schedule", "--check", str(out), str(EXAMPLES / "fair-problem.json")]) == 0
    assert read_problem_file(EXAMPLES / "fair-problem.json") is not None


def test_the_recommendation_example_suggests_the_must_meet_pair_first(tmp_path):
    out = tmp_path / "suggestions.json"

    code = main(
        [
            "recommend",
            str(EXAMPLES / "fair-profiles.json"),
            "-o",
            str(out),
            "--backend",
            "lexical",
            "--quiet",
        ]
    )

    suggestions = json.loads(out.read_text())["recommendations"]
    assert code == 0
    assert suggestions["otago-foods"][0]["id"] == "huangpu-logistics"
    assert "jozi-mobility" not in {s["id"] for s in suggestions["vientiane-crafts"]}


@pytest.mark.django_db
def test_the_partner_example_imports():
    summary = import_partnerships((EXAMPLES / "partners.csv").read_bytes(), "partners.csv")

    assert summary.created == 3


def test_amity_help_lists_every_command_with_its_format(capsys):
    main(["--help"])

    out = capsys.readouterr().out
    for text in [
        "schedule",
        "recommend",
        "demo",
        "import-partnerships",
        "createsuperuser",
        "docs/formats/scheduling-problem.md",
        "examples/fair-profiles.json",
        "migrate",
    ]:
        assert text in out


@pytest.mark.parametrize("command", ["schedule", "recommend"])
def test_amity_help_of_an_engine_command_shows_its_usage(capsys, command):
    main(["help", command])

    assert f"usage: amity {command}" in capsys.readouterr().out
