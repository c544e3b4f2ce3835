"""Every bad input of issue 3 ends with exit code 2 and one line naming the field and id."""

import json

import pytest

from amity.engine.scheduling.cli import main
from tests.engine.scheduling.problem_factories import problem_json


def _run(tmp_path, capsys, data, name="problem.json") -> tuple[int, str]:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    code = main([str(path), "--quiet", "--time-limit", "5"])
    return code, capsys.readouterr().err


def _participants(**changes):
    people = problem_json()["participants"]
    for person in people:
        person.update(changes.get(person["id"], {}))
    return people


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            problem_json(meetings=[{"id": "m1", "participants": ["acme", "ghost"]}]),
            "error: meetings.participants (meeting m1): unknown participant ghost\n",
            id="unknown-participant",
        ),
        pytest.param(
            problem_json(participants=_participants(acme={"available": ["d9"]})),
            "error: participants.available (participant acme): unknown slot d9\n",
            id="unknown-slot",
        ),
        pytest.param(
            problem_json(participants=_participants(acme={"home_table": "T99"})),
            "error: participants.home_table (participant acme): unknown table T99\n",
            id="unknown-table",
        ),
        pytest.param(
            problem_json(tables=[{"id": "T01"}, {"id": "T01"}]),
            "error: tables.id: duplicate id T01\n",
            id="duplicate-table",
        ),
        pytest.param(
            problem_json(
                meetings=[
                    {"id": "m1", "participants": ["acme", "sh-port"]},
                    {"id": "m1", "participants": ["acme", "dunedin"]},
                ]
            ),
            "error: meetings.id: duplicate id m1\n",
            id="duplicate-meeting",
        ),
        pytest.param(
            problem_json(meetings=[{"id": "m1", "participants": ["acme"]}]),
            "error: meetings.participants (meeting m1): needs at least two participants\n",
            id="one-participant",
        ),
        pytest.param(
            problem_json(meetings=[{"id": "m1", "participants": ["acme", "acme"]}]),
            "error: meetings.participants (meeting m1): needs at least two participants\n",
            id="same-participant-twice",
        ),
        pytest.param(
            problem_json(
                meetings=[{"id": "m1", "participants": ["acme", "sh-port"], "priority": -1}]
            ),
            "error: meetings.priority (meeting m1): must be at least 0, got -1\n",
            id="negative-priority",
        ),
        pytest.param(
            problem_json(
                meetings=[{"id": "m1", "participants": ["acme", "dunedin"], "slot": "d1-am-01"}]
            ),
            "error: meetings.slot (meeting m1): participant dunedin is not available in d1-am-01\n",
            id="impossible-fixed-slot",
        ),
        pytest.param(
            problem_json(
                meetings=[{"id": "m1", "participants": ["acme", "sh-port"], "slot": "d7"}]
            ),
            "error: meetings.slot (meeting m1): unknown slot d7\n",
            id="unknown-fixed-slot",
        ),
        pytest.param(
            problem_json(slots="nope"),
            "error: slots: expected a list\n",
            id="wrong-type",
        ),
        pytest.param(
            '{"slots": [',
            "error: malformed JSON: Expecting value at line 1\n",
            id="malformed-json",
        ),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(tmp_path, capsys, data, expected):
    code, err = _run(tmp_path, capsys, data)

    assert (code, err) == (2, expected)


def test_cli_missing_file_exits_2(tmp_path, capsys):
    code = main([str(tmp_path / "absent.json")])

    assert (code, capsys.readouterr().err) == (
        2,
        f"error: problem file {tmp_path / 'absent.json'}: No such file or directory\n",
    )


def test_cli_bad_dzn_exits_2(tmp_path, capsys):
    code, err = _run(tmp_path, capsys, "nBusiness = 2;\n", name="bad.dzn")

    assert (code, err) == (2, "error: dzn: missing or malformed value 'nMeetings'\n")


def test_cli_unknown_option_exits_2(tmp_path, capsys):
    code = main(["--frobnicate"])

    assert code == 2
    assert capsys.readouterr().err.startswith("error: arguments: ")
