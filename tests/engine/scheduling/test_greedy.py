from hypothesis import given, settings

from amity.engine.scheduling.large.greedy import schedule_fcfs, schedule_priority_greedy
from amity.engine.scheduling.model import Meeting, Participant, Problem, Slot, Table
from amity.engine.scheduling.synthetic.generator import generate_fair
from amity.engine.scheduling.validate import validate
from tests.engine.scheduling.large_strategies import small_problems


def _one_slot_conflict() -> Problem:
    # Both meetings need participant "a" and there is a single slot: only one can happen.
    return Problem(
        slots=(Slot("s1"),),
        tables=(Table("t1"), Table("t2")),
        participants=(Participant("a"), Participant("b"), Participant("c")),
        meetings=(
            Meeting("low", ("a", "b"), priority=1),
            Meeting("high", ("a", "c"), priority=3),
        ),
    )


def test_schedule_fcfs_takes_requests_in_order():
    schedule = schedule_fcfs(_one_slot_conflict())

    assert [a.meeting for a in schedule.assignments] == ["low"]


def test_schedule_priority_greedy_prefers_higher_priority():
    schedule = schedule_priority_greedy(_one_slot_conflict())

    assert [a.meeting for a in schedule.assignments] == ["high"]
    assert schedule.objective.priority == 3


def test_schedule_priority_greedy_avoids_a_break():
    # "a" meets "b" in s1; the meeting with "c" fits in s2 or s3, and s3 would leave a break.
    problem = Problem(
        slots=(Slot("s1"), Slot("s2"), Slot("s3")),
        tables=(Table("t1"),),
        participants=(
            Participant("a"),
            Participant("b", available=frozenset({"s1"})),
            Participant("c", available=frozenset({"s2", "s3"})),
        ),
        meetings=(Meeting("ab", ("a", "b"), priority=2), Meeting("ac", ("a", "c"))),
    )

    schedule = schedule_priority_greedy(problem)

    assert {(a.meeting, a.slot) for a in schedule.assignments} == {("ab", "s1"), ("ac", "s2")}
    assert schedule.objective.breaks == 0


def test_greedy_schedules_of_generated_fair_pass_validate():
    problem = generate_fair(300, seed=5)

    reports = [validate(problem, f(problem)) for f in (schedule_fcfs, schedule_priority_greedy)]

    assert [r.violations for r in reports] == [[], []]


def test_greedy_objective_matches_independent_validator():
    problem = generate_fair(300, seed=5)
    schedule = schedule_priority_greedy(problem)

    report = validate(problem, schedule)

    assert report.objective == schedule.objective


@settings(max_examples=60, deadline=None)
@given(small_problems())
def test_greedy_random_small_problems_pass_validate(problem):
    schedules = [schedule_fcfs(problem), schedule_priority_greedy(problem)]

    reports = [validate(problem, s) for s in schedules]

    assert [r.violations for r in reports] == [[], []]
    assert [r.objective for r in reports] == [s.objective for s in schedules]
