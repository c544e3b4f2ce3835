from amity.engine.scheduling.model import (
    Assignment,
    Interpreter,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
    Unscheduled,
    UnscheduledReason,
)
from amity.engine.scheduling.objective import (
    compute_objective,
    count_breaks,
    explain_unscheduled,
    participant_breaks,
)
from tests.engine.scheduling.problem_factories import make_problem


def test_count_breaks_paper_pattern_with_one_break():
    # The JAIR paper's example 0??00?00 over 8 slots ("?" = a meeting) has one break.
    busy = [k for k, c in enumerate("0??00?00") if c == "?"]

    assert count_breaks(busy) == 1


def test_count_breaks_paper_pattern_with_two_breaks():
    busy = [k for k, c in enumerate("?000?0?0") if c == "?"]

    assert count_breaks(busy) == 2


def test_count_breaks_contiguous_run_has_none():
    assert count_breaks([3, 4, 5]) == 0


def test_participant_breaks_free_slots_between_blocks_are_not_a_break():
    # a meets in the last morning slot and the first afternoon slot of another block.
    problem = make_problem(4, 2, (("a", "b"), ("a", "c")), blocks=("am", "am", "pm", "pm"))
    assignments = [Assignment("m1", "s1", "T1"), Assignment("m2", "s4", "T1")]

    breaks = participant_breaks(problem, assignments)

    assert breaks == {"a": 0, "b": 0, "c": 0}


def test_compute_objective_counts_priority_breaks_spread_and_table_changes():
    problem = make_problem(4, 2, (("a", "b"), ("a", "c"), ("b", "c")), priority=2)
    assignments = [
        Assignment("m1", "s1", "T1"),  # a, b
        Assignment("m2", "s3", "T2"),  # a, c: a has a break (s2 free) and moves table
        Assignment("m3", "s4", "T2"),  # b, c: b has a break (s2, s3 free) and moves table
    ]

    objective = compute_objective(problem, assignments)

    assert (objective.priority, objective.breaks) == (6, 2)
    assert (objective.break_spread, objective.table_changes) == (1, 2)


def test_explain_unscheduled_no_common_free_slot():
    problem = make_problem(
        2,
        1,
        (("a", "b"),),
        participants=(
            Participant("a", available=frozenset({"s1"})),
            Participant("b", available=frozenset({"s2"})),
        ),
    )

    assert explain_unscheduled(problem, []) == [
        Unscheduled("m1", UnscheduledReason.NO_COMMON_FREE_SLOT)
    ]


def test_explain_unscheduled_no_interpreter():
    problem = Problem(
        slots=(Slot("s1"),),
        tables=(Table("T1"),),
        participants=(
            Participant("a", languages=frozenset({"zh"})),
            Participant("b", languages=frozenset({"fr"})),
        ),
        meetings=(Meeting("m1", ("a", "b")),),
        interpreters=(Interpreter("i1", frozenset({"zh", "en"})),),
    )

    assert explain_unscheduled(problem, []) == [Unscheduled("m1", UnscheduledReason.NO_INTERPRETER)]


def test_explain_unscheduled_max_meetings():
    problem = make_problem(
        2,
        2,
        (("a", "b"), ("a", "c")),
        participants=(Participant("a", max_meetings=1), Participant("b"), Participant("c")),
    )

    result = explain_unscheduled(problem, [Assignment("m1", "s1", "T1")])

    assert result == [Unscheduled("m2", UnscheduledReason.MAX_MEETINGS)]


def test_explain_unscheduled_lost_to_higher_priority():
    problem = make_problem(1, 2, (("a", "b"), ("a", "c")))

    result = explain_unscheduled(problem, [Assignment("m1", "s1", "T1")])

    assert result == [Unscheduled("m2", UnscheduledReason.LOST_TO_HIGHER_PRIORITY)]


def test_explain_unscheduled_capacity():
    problem = make_problem(1, 1, (("a", "b"), ("c", "d")))

    result = explain_unscheduled(problem, [Assignment("m1", "s1", "T1")])

    assert result == [Unscheduled("m2", UnscheduledReason.CAPACITY)]


def test_explain_unscheduled_interpreter_not_available_in_common_slots():
    # The only interpreter works in s1, but the two sides are both free only in s2.
    problem = Problem(
        slots=(Slot("s1"), Slot("s2")),
        tables=(Table("T1"),),
        participants=(
            Participant("a", languages=frozenset({"zh"}), available=frozenset({"s2"})),
            Participant("b", languages=frozenset({"en"})),
        ),
        meetings=(Meeting("m1", ("a", "b")),),
        interpreters=(Interpreter("i1", frozenset({"zh", "en"}), available=frozenset({"s1"})),),
    )

    assert explain_unscheduled(problem, []) == [Unscheduled("m1", UnscheduledReason.NO_INTERPRETER)]


def test_explain_unscheduled_session_mismatch_is_no_common_free_slot():
    problem = Problem(
        slots=(Slot("s1", session="am"), Slot("s2", session="am")),
        tables=(Table("T1"),),
        participants=(Participant("a"), Participant("b")),
        meetings=(Meeting("m1", ("a", "b"), session="pm"),),
    )

    assert explain_unscheduled(problem, []) == [
        Unscheduled("m1", UnscheduledReason.NO_COMMON_FREE_SLOT)
    ]


def test_explain_unscheduled_busy_only_in_interpreted_slots_is_lost_to_higher_priority():
    # m2 (zh-en) can only be interpreted in s1, where "a" already meets "c"; s2 is free for
    # both sides but has no interpreter, so the meeting lost its one usable slot.
    problem = Problem(
        slots=(Slot("s1"), Slot("s2")),
        tables=(Table("T1"), Table("T2")),
        participants=(
            Participant("a", languages=frozenset({"zh"})),
            Participant("b", languages=frozenset({"en"})),
            Participant("c", languages=frozenset({"zh"})),
        ),
        meetings=(Meeting("m1", ("a", "c")), Meeting("m2", ("a", "b"))),
        interpreters=(Interpreter("i1", frozenset({"zh", "en"}), available=frozenset({"s1"})),),
    )

    result = explain_unscheduled(problem, [Assignment("m1", "s1", "T1")])

    assert result == [Unscheduled("m2", UnscheduledReason.LOST_TO_HIGHER_PRIORITY)]


def test_explain_unscheduled_taken_interpreter_is_capacity():
    # Both meetings need the one interpreter in the one slot; the sides themselves are free.
    problem = Problem(
        slots=(Slot("s1"),),
        tables=(Table("T1"), Table("T2")),
        participants=(
            Participant("a", languages=frozenset({"zh"})),
            Participant("b", languages=frozenset({"en"})),
            Participant("c", languages=frozenset({"zh"})),
            Participant("d", languages=frozenset({"en"})),
        ),
        meetings=(Meeting("m1", ("a", "b")), Meeting("m2", ("c", "d"))),
        interpreters=(Interpreter("i1", frozenset({"zh", "en"})),),
    )

    result = explain_unscheduled(problem, [Assignment("m1", "s1", "T1", interpreter="i1")])

    assert result == [Unscheduled("m2", UnscheduledReason.CAPACITY)]


def test_explain_unscheduled_participant_without_languages_needs_no_interpreter():
    # "b" declares no languages, so no interpreter is needed and the meeting only lacked a table.
    problem = Problem(
        slots=(Slot("s1"),),
        tables=(Table("T1"),),
        participants=(
            Participant("a", languages=frozenset({"zh"})),
            Participant("b"),
            Participant("c"),
            Participant("d"),
        ),
        meetings=(Meeting("m1", ("c", "d")), Meeting("m2", ("a", "b"))),
    )

    result = explain_unscheduled(problem, [Assignment("m1", "s1", "T1")])

    assert result == [Unscheduled("m2", UnscheduledReason.CAPACITY)]
