"""The fair generator, greedy, LP bound and reference solver agree with the checker."""

import itertools

import pytest
from check import check
from fairs import generate
from greedy import solve as greedy
from instances import from_dzn, from_json, person_breaks
from lp_bound import bound
from reference_solver import _cp_sat
from reference_solver import solve as reference


@pytest.fixture(scope="module")
def small_fair():
    return generate(80, seed=5, kind_name="few-tables")


def test_fair_generator_same_seed_same_fair():
    assert generate(40, 2) == generate(40, 2)
    assert generate(40, 2) != generate(40, 3)


def test_greedy_schedule_on_fair_is_valid(small_fair):
    inst = from_json(small_fair)

    report = check(inst, greedy(inst))

    assert report.valid, report.errors[:5]
    assert report.scheduled > 0


def test_lp_bound_not_below_greedy_priority(small_fair):
    inst = from_json(small_fair)

    result = bound(inst)

    assert result.bound is not None
    assert check(inst, greedy(inst)).priority <= result.bound <= result.total_priority


TINY = """nBusiness = 4; nMeetings = 5; nTables = 2; nTotalSlots = 5; nMorningSlots = 3;
requested = [|1,2,3, |1,3,3, |1,4,2, |2,3,1, |3,4,3, |];
forbidden = [{0}, {0,2}, {0}, {0,1}];
fixed = [0,0,0,0,4];
"""


def _brute_force(inst, spread):
    best = None
    options = [inst.allowed_slots(m) for m in range(len(inst.meetings))]
    for choice in itertools.product(*options):
        per_slot = [choice.count(s) for s in range(inst.n_slots)]
        slots_of = [[] for _ in inst.people]
        for m, s in enumerate(choice):
            for p in inst.meetings[m].members:
                slots_of[p].append(s)
        if max(per_slot) > len(inst.table_ids):
            continue
        if any(len(set(x)) < len(x) for x in slots_of):
            continue
        breaks = [person_breaks(inst, x) for x in slots_of]
        if max(breaks) - min(breaks) <= spread:
            best = sum(breaks) if best is None else min(best, sum(breaks))
    return best


@pytest.mark.parametrize("spread", [0, 2])
def test_reference_solver_matches_brute_force(spread):
    inst = from_dzn(TINY, name="tiny", fairness=spread)

    result, schedule = reference(inst, time_limit=20)

    expected = _brute_force(inst, spread)
    if expected is None:
        assert result.status == "infeasible"
    else:
        assert (result.status, result.breaks) == ("optimal", expected)
        assert check(inst, schedule).valid


@pytest.mark.parametrize("spread", [0, 2])
def test_cp_sat_model_matches_brute_force(spread):
    inst = from_dzn(TINY, name="tiny", fairness=spread)

    status, breaks, lower, schedule = _cp_sat(inst, 20, "all", 1)

    expected = _brute_force(inst, spread)
    if expected is None:
        assert status == "infeasible"
    else:
        assert (status, breaks, lower) == ("optimal", expected, expected)
        assert check(inst, schedule).valid
