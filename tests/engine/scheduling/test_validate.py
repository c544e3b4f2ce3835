from amity.engine.scheduling.model import (
    Assignment,
    Interpreter,
    Meeting,
    Objective,
    Participant,
    Problem,
    Schedule,
    Slot,
    Table,
    Unscheduled,
    UnscheduledReason,
)
from amity.engine.scheduling.objective import compute_objective
from amity.engine.scheduling.validate import validate
from tests.engine.scheduling.problem_factories import make_problem


def _schedule(assignments: list[Assignment], unscheduled=()) -> Schedule:
    return Schedule(
        assignments=assignments,
        unscheduled=list(unscheduled),
        objective=Objective(0, 0, 0, 0),
        priority_upper_bound=0.0,
    )


def _rules(problem: Problem, assignments: list[Assignment], unscheduled=()) -> list[str]:
    return [v.rule for v in validate(problem, _schedule(assignments, unscheduled)).violations]


def test_validate_accepts_a_correct_schedule():
    problem = make_problem(3, 1, (("a", "b"), ("a", "c")))
    schedule = _schedule([Assignment("m1", "s1", "T1"), Assignment("m2", "s2", "T1")])

    report = validate(problem, schedule)

    assert report.violations == []
    assert report.objective == Objective(priority=2, breaks=0, break_spread=0, table_changes=0)


def test_validate_objective_matches_compute_objective_with_breaks_and_moves():
    problem = make_problem(5, 2, (("a", "b"), ("a", "c"), ("b", "c"), ("a", "d")))
    assignments = [
        Assignment("m1", "s1", "T1"),
        Assignment("m2", "s3", "T2"),
        Assignment("m3", "s5", "T1"),
        Assignment("m4", "s5", "T2"),
    ]

    report = validate(problem, _schedule(assignments))

    assert report.objective == compute_objective(problem, assignments)


def test_validate_participant_double_booked():
    problem = make_problem(1, 2, (("a", "b"), ("a", "c")))

    rules = _rules(problem, [Assignment("m1", "s1", "T1"), Assignment("m2", "s1", "T2")])

    assert rules == ["participant_double_booked"]


def test_validate_table_double_booked():
    problem = make_problem(1, 2, (("a", "b"), ("c", "d")))

    rules = _rules(problem, [Assignment("m1", "s1", "T1"), Assignment("m2", "s1", "T1")])

    assert rules == ["table_double_booked"]


def test_validate_meeting_scheduled_twice():
    problem = make_problem(2, 1, (("a", "b"),))

    rules = _rules(problem, [Assignment("m1", "s1", "T1"), Assignment("m1", "s2", "T1")])

    assert rules == ["meeting_scheduled_twice"]


def test_validate_participant_unavailable():
    problem = make_problem(
        2,
        1,
        (("a", "b"),),
        participants=(Participant("a", available=frozenset({"s2"})), Participant("b")),
    )

    assert _rules(problem, [Assignment("m1", "s1", "T1")]) == ["participant_unavailable"]


def test_validate_max_meetings():
    problem = make_problem(
        2,
        1,
        (("a", "b"), ("a", "c")),
        participants=(Participant("a", max_meetings=1), Participant("b"), Participant("c")),
    )

    rules = _rules(problem, [Assignment("m1", "s1", "T1"), Assignment("m2", "s2", "T1")])

    assert rules == ["max_meetings"]


def test_validate_home_table():
    problem = make_problem(
        1, 2, (("a", "b"),), participants=(Participant("a", home_table="T2"), Participant("b"))
    )

    assert _rules(problem, [Assignment("m1", "s1", "T1")]) == ["home_table"]


def test_validate_fixed_slot_and_session():
    problem = Problem(
        slots=(Slot("s1", session="am"), Slot("s2", session="pm")),
        tables=(Table("T1"),),
        participants=(Participant("a"), Participant("b")),
        meetings=(Meeting("m1", ("a", "b"), slot="s1"),),
    )
    other = Problem(
        slots=problem.slots,
        tables=problem.tables,
        participants=problem.participants,
        meetings=(Meeting("m1", ("a", "b"), session="am"),),
    )

    assert _rules(problem, [Assignment("m1", "s2", "T1")]) == ["fixed_slot"]
    assert _rules(other, [Assignment("m1", "s2", "T1")]) == ["session"]


def test_validate_interpreter_rules():
    problem = Problem(
        slots=(Slot("s1"), Slot("s2")),
        tables=(Table("T1"), Table("T2")),
        participants=(
            Participant("a", languages=frozenset({"zh"})),
            Participant("b", languages=frozenset({"en"})),
            Participant("c", languages=frozenset({"zh"})),
            Participant("d", languages=frozenset({"fr"})),
        ),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("c", "d"))),
        interpreters=(Interpreter("i1", frozenset({"zh", "en"}), available=frozenset({"s1"})),),
    )

    missing = _rules(problem, [Assignment("m1", "s1", "T1")], [Unscheduled("m2", "capacity")])
    wrong = _rules(
        problem,
        [Assignment("m1", "s2", "T1", "i1"), Assignment("m2", "s2", "T2", "i1")],
    )

    assert missing == ["interpreter_missing"]
    assert wrong == [
        "interpreter_unavailable",
        "interpreter_unavailable",
        "interpreter_language",
        "interpreter_double_booked",
    ]


def test_validate_required_missing_and_unexplained():
    problem = make_problem(1, 1, (("a", "b"), ("c", "d")), required=True)

    rules = _rules(
        problem,
        [Assignment("m1", "s1", "T1")],
        [Unscheduled("m1", UnscheduledReason.CAPACITY)],
    )

    assert rules == ["required_missing", "unscheduled_unexplained", "unscheduled_but_scheduled"]


def test_validate_fairness_spread():
    # a has one break (s1, s3), c has none and d none: spread 1 > 0.
    problem = make_problem(3, 2, (("a", "c"), ("a", "d")), fairness=0)

    rules = _rules(problem, [Assignment("m1", "s1", "T1"), Assignment("m2", "s3", "T1")])

    assert rules == ["fairness"]


def test_validate_unknown_ids():
    problem = make_problem(1, 1, (("a", "b"),))

    rules = _rules(problem, [Assignment("m9", "s1", "T1"), Assignment("m1", "s7", "T1")])

    assert rules == ["unknown_id", "unknown_id", "unscheduled_unexplained"]
