"""The independent checker catches each rule it claims to check, and accepts a valid schedule."""

import copy

import pytest
from check import check
from instances import from_json, person_breaks

# Two slots in one block, two tables (T2 is p3's stand), an interpreter only in s1.
PROBLEM = {
    "slots": [{"id": "s1", "session": "am"}, {"id": "s2", "session": "am"}, {"id": "s3"}],
    "tables": [{"id": "T1"}, {"id": "T2"}],
    "participants": [
        {"id": "p1", "languages": ["ja"]},
        {"id": "p2", "languages": ["zh", "en"], "max_meetings": 2},
        {"id": "p3", "languages": ["zh"], "home_table": "T2", "available": ["s1", "s2"]},
        {"id": "p4", "languages": ["en"]},
    ],
    "meetings": [
        {"id": "a", "participants": ["p1", "p2"], "priority": 3, "required": True},
        {"id": "b", "participants": ["p2", "p3"], "priority": 2, "slot": "s2"},
        {"id": "c", "participants": ["p2", "p4"], "priority": 1, "session": "am"},
    ],
    "interpreters": [{"id": "i1", "languages": ["ja", "zh"], "available": ["s1"]}],
}
VALID = {
    "assignments": [
        {"meeting": "a", "slot": "s1", "table": "T1", "interpreter": "i1"},
        {"meeting": "b", "slot": "s2", "table": "T2", "interpreter": None},
    ],
    "unscheduled": [{"meeting": "c", "reason": "max_meetings"}],
    "objective": {"priority": 5, "breaks": 0, "break_spread": 0},
}


def _with(change):
    schedule = copy.deepcopy(VALID)
    change(schedule)
    return schedule


def _set(row, **values):
    def change(schedule):
        schedule["assignments"][row].update(values)

    return change


def test_checker_accepts_valid_schedule():
    report = check(from_json(PROBLEM), VALID)

    assert report.valid, report.errors
    assert (report.priority, report.breaks, report.scheduled) == (5, 0, 2)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set(0, interpreter=None), "no interpreter"),
        (_set(0, slot="s3", interpreter=None), "no interpreter"),
        (_set(1, table="T1"), "meets only at T2"),
        (_set(1, slot="s1"), "fixed to s2"),
        (_set(0, table="T2", slot="s2", interpreter=None), "also meets in s2"),
        (_set(0, slot="s3"), "not available in s3"),
        (lambda s: s["assignments"].pop(0), "required but not scheduled"),
        (lambda s: s["unscheduled"].clear(), "listed 0 times"),
        (lambda s: s["objective"].update(priority=4), "objective.priority"),
        (lambda s: s["assignments"].append(dict(s["assignments"][1])), "scheduled 2 times"),
    ],
)
def test_checker_flags_broken_rule(change, expected):
    report = check(from_json(PROBLEM), _with(change))

    assert not report.valid
    assert any(expected in e for e in report.errors), report.errors


def test_checker_flags_table_clash_and_max_meetings():
    problem = copy.deepcopy(PROBLEM)
    problem["participants"][1]["max_meetings"] = 1
    schedule = _with(lambda s: s["unscheduled"].clear())
    schedule["assignments"].append({"meeting": "c", "slot": "s1", "table": "T1"})

    errors = check(from_json(problem), schedule).errors

    assert any("max_meetings is 1" in e for e in errors)
    assert any("table T1 in s1 also has a" in e for e in errors)


def test_checker_flags_session_violation():
    schedule = _with(lambda s: s["unscheduled"].clear())
    schedule["assignments"].append({"meeting": "c", "slot": "s3", "table": "T1"})

    errors = check(from_json(PROBLEM), schedule).errors

    assert any("not in session am" in e for e in errors)


def test_breaks_count_gaps_within_each_block_only():
    problem = {
        "slots": [{"id": f"s{k}", "block": "d1" if k < 4 else "d2"} for k in range(8)],
        "tables": [{"id": "T"}],
        "participants": [{"id": "p"}],
        "meetings": [],
    }
    inst = from_json(problem)

    # d1: slots 0 and 2 (one gap); d2: 4, 5 and 7 (one gap); 2 -> 4 crosses blocks.
    assert person_breaks(inst, [0, 2, 4, 5, 7]) == 2
    assert person_breaks(inst, [3, 4]) == 0
