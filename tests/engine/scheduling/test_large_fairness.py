from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.large.fairness import BreakLedger
from tests.engine.scheduling.problem_factories import make_problem


def _placed(n_slots: int, pairs: tuple[tuple[str, str], ...], slots: list[int]) -> Occupancy:
    """Meetings m1… between `pairs`, placed in the given slot indices of one block."""
    problem = make_problem(n_slots, 3, pairs)
    occ = Occupancy(compact(problem))
    for m, s in enumerate(slots):
        occ.place(m, s, occ.fits(m, s))  # type: ignore[arg-type]
    return occ


def test_break_ledger_excess_counts_breaks_above_min_plus_spread():
    # "a" meets in slots 0, 2 and 4: two breaks; b, c, d have one meeting, so none.
    occ = _placed(5, (("a", "b"), ("a", "c"), ("a", "d")), [0, 2, 4])

    ledger = BreakLedger(occ, spread=1)

    assert (ledger.total, ledger.excess, ledger.violators()) == ([2, 0, 0, 0], 1, [0])


def test_break_ledger_refresh_after_a_move_matches_the_prediction():
    occ = _placed(5, (("a", "b"), ("a", "c"), ("a", "d")), [0, 2, 4])
    ledger = BreakLedger(occ, spread=1)
    # Moving a-c from slot 2 to slot 1 leaves "a" with slots 0, 1, 4: one break, within cap.
    predicted = ledger.excess_change({0: 1})

    occ.remove(1)
    occ.place(1, 1, occ.fits(1, 1))  # type: ignore[arg-type]
    ledger.refresh([0, 2])

    assert (predicted, ledger.excess, ledger.total[0]) == (-1, 0, 1)


def test_break_ledger_excess_change_when_the_minimum_moves():
    # a and b meet in slots 0 and 2: both have one break, so the minimum is 1 and a spread
    # of 0 holds. Were a to lose its break, the minimum would drop to 0 and b be 1 above it.
    occ = _placed(3, (("a", "b"), ("a", "b")), [0, 2])
    ledger = BreakLedger(occ, spread=0)

    assert (ledger.excess, ledger.excess_change({0: 0})) == (0, 1)
