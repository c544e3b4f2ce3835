import json

import pytest

from amity.engine.scheduling.cli import main
from amity.engine.scheduling.formats import read_problem_json, read_schedule_json
from amity.engine.scheduling.validate import validate
from tests.engine.scheduling.problem_factories import JAIR, problem_json


def test_cli_schedules_json_problem_to_stdout(tmp_path, capsys):
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(problem_json()), encoding="utf-8")

    code = main([str(path), "--quiet"])
    out = capsys.readouterr().out
    problem = read_problem_json(path.read_text(encoding="utf-8"))
    report = validate(problem, read_schedule_json(out))

    assert code == 0
    assert report.violations == []
    assert json.loads(out)["objective"]["priority"] == 4


def test_cli_reports_progress_on_stderr(tmp_path, capsys):
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(problem_json()), encoding="utf-8")

    main([str(path), "-o", str(tmp_path / "out.json")])
    err = capsys.readouterr().err

    assert err.splitlines()[-1].startswith("done: priority=4 breaks=")


def test_cli_check_accepts_own_output_and_rejects_a_clash(tmp_path, capsys):
    problem = tmp_path / "problem.json"
    problem.write_text(json.dumps(problem_json()), encoding="utf-8")
    good = tmp_path / "good.json"
    main([str(problem), "-o", str(good), "--quiet"])
    clash = json.loads(good.read_text(encoding="utf-8"))
    for a in clash["assignments"]:
        a["slot"] = "d1-am-02"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(clash), encoding="utf-8")
    capsys.readouterr()

    good_code = main(["--check", str(good), str(problem)])
    good_out = capsys.readouterr().out
    bad_code = main(["--check", str(bad), str(problem)])
    bad_out = capsys.readouterr().out

    assert (good_code, good_out.splitlines()[-1]) == (0, "ok")
    assert bad_code == 1
    assert "violation participant_double_booked: sh-port has meetings" in bad_out


def test_cli_infeasible_required_meeting_exits_1(tmp_path, capsys):
    data = problem_json()
    data["meetings"].append({"id": "m3", "participants": ["acme", "dunedin"], "required": True})
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    code = main([str(path), "--quiet"])

    assert code == 1
    assert capsys.readouterr().err.startswith("error: infeasible: ")


@pytest.mark.skipif(not JAIR.is_dir(), reason=f"JAIR instances not found at {JAIR}")
def test_cli_out_of_time_says_so_and_is_not_called_infeasible(capsys):
    # forum-13crafb's first schedule takes CP-SAT about 0.4 deterministic seconds.
    problem = JAIR / "forum-13crafb.original.dzn"

    code = main([str(problem), "--time-limit", "0.05", "--quiet"])

    err = capsys.readouterr().err
    assert code == 1
    assert "no schedule found within 0.05 s" in err
    assert "infeasible" not in err
