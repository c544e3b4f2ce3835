from amity.engine.scheduling.exact.tables import assign_tables, count_changes, greedy_tables
from amity.engine.scheduling.model import Participant
from tests.engine.scheduling.problem_factories import make_problem


def test_greedy_tables_keeps_a_participant_seated():
    # a meets b, then c, then d: one table serves all three, no change.
    problem = make_problem(3, 3, (("a", "b"), ("a", "c"), ("a", "d")))
    slots = {"m1": "s1", "m2": "s2", "m3": "s3"}

    tables = greedy_tables(problem, slots)

    assert count_changes(problem, slots, tables) == 0


def test_assign_tables_honours_home_tables_and_proves_the_minimum():
    # b sits at T2 (its home table) in both slots; a meets b there, then c.
    problem = make_problem(
        2,
        2,
        (("a", "b"), ("a", "c"), ("b", "d")),
        participants=(
            Participant("a"),
            Participant("b", home_table="T2"),
            Participant("c"),
            Participant("d"),
        ),
    )
    slots = {"m1": "s1", "m2": "s2", "m3": "s2"}

    tables, proven = assign_tables(problem, slots, time_limit=5)

    # m3 (b's) takes T2 in s2, so a, who sat at T2 in s1, has to move: one change at least.
    assert (tables["m1"], tables["m3"]) == ("T2", "T2")
    assert (count_changes(problem, slots, tables), proven) == (1, True)
