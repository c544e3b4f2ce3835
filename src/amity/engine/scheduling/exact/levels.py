"""The questions asked at each lower bound of the search from below, as lane plans.

A lane plan is a generator of ``Question``s (``lanes.py`` runs two side by side): at one break,
the full question and a group-testing sweep; at two and more, a proof lane and a lane that
looks for a schedule one break above. Every question is capped in deterministic time.
"""

from __future__ import annotations

from dataclasses import dataclass

from amity.engine.scheduling.exact.cpsat_model import ExactOptions, Instance
from amity.engine.scheduling.exact.lanes import CANCELLED, Lane, Question
from amity.engine.scheduling.exact.stage import StageResult
from amity.engine.scheduling.model import Problem

# Caps of the questions at budgets of 2 and more, in CP-SAT's deterministic time ("dt"; with
# the pure clause-learning search about 0.6 s of this machine's wall clock per dt, with the LP
# about 2 s), so that the same input gives the same answer however busy the machine is. Each
# is set above the longest successful answer measured on the JAIR instances (in brackets),
# see docs/benchmarks.md, "Scheduling — history" (hard budgets).
#   lane 0 (prove the budget): the likeliest-breakers guess at the budget (10 candidates per
#   break; ticf-13crafb's 3-break schedule [5.5 dt]), a short hinted try [1.2 dt], then the
#   hint-free clause-learning search (forum-13crafb's bound 6 [7.6 dt]);
#   lane 1 (find one above): the guess one above with 2.5 candidates per break (forum-13crafb's
#   6-break schedule [9.6 dt]), a quick hinted look one break above [0.1 dt], a longer one,
#   then the LP over window literals at the budget (tic-13crafc's bound 4 [3.2 dt]).
_BREAKERS = 10
# The guess at the bound is skipped when it would let more than this share of the possible
# breakers break: it then restricts little and is nearly the full question (forum-13crafb at
# 5 breaks: 50 of 56, 4 s for nothing; where it decides, 20-30 of 56-72).
_GUESS_SHARE = 2 / 3
_BREAKERS_DT = 8.0
_SHORT_DT = 1.25
_PROOF_DT = 0.5
_FREE_PROOF_DT = 12.0
_QUICK_DT = 0.25
_BREAKERS_ABOVE = 2.5
_BREAKERS_ABOVE_DT = 14.0
PROBE_ABOVE_DT = 3.0
_LP_DT = 6.0
# Time for the full one-break question before sweeping participant by participant, and the
# sweep's group size and limits per group and per single participant (dt).
_FIRST_DT = 2.3
_SINGLES = 12
_GROUP = 6
_GROUP_DT = 2.3
_SINGLE_DT = 6.0


@dataclass
class SweepState:
    """How one lane's share of the one-break sweep ended."""

    finished: bool = False
    undecided: bool = False


def one_break_level(
    problem: Problem, inst: Instance, best: StageResult
) -> tuple[list[Lane], list[SweepState]]:
    """The two lanes for "one break in all?": the full question, then group testing.

    With a budget of one break exactly one participant breaks, so the question splits into
    "may one of the participants in G break?" for groups G covering everybody. Each is nearly
    as easy as the zero-break question, which is fast: an infeasible group is ruled out in
    one solve, a group that times out is split. All groups infeasible proves the budget
    infeasible. Measured on forum-13crafc: the full question was still open after 60 s, the
    sweep answers it in a few seconds. Lane 0 first asks the full question (``phase1``: it
    settles the easy instances), the groups are dealt to the two lanes alternately.
    """
    candidates = [p.id for p in problem.participants if len(inst.by_person[p.id]) >= 2]
    # Busy participants are the likeliest to need the break.
    candidates.sort(key=lambda pid: -len(inst.by_person[pid]))
    # The busiest participants one by one (a feasible group can be much harder to solve than
    # its breaker alone), the others in groups; then undecided singles again, for longer.
    groups = [[pid] for pid in candidates[:_SINGLES]]
    rest = candidates[_SINGLES:]
    groups += [rest[i : i + _GROUP] for i in range(0, len(rest), _GROUP)]
    states = [SweepState(), SweepState()]

    def sweep(share: list[list[str]], state: SweepState) -> Lane:
        queue = [(g, _GROUP_DT) for g in share]
        retry: list[str] = []
        while queue or retry:
            if not queue:
                queue = [([pid], _SINGLE_DT) for pid in retry]
                retry = []
            group, limit = queue.pop(0)
            r = yield Question(1, limit, best.slots, frozenset(group))
            if r.found or r.status == CANCELLED:
                return
            if r.status == "UNKNOWN":
                if len(group) > 1:
                    queue.extend(([pid], _GROUP_DT) for pid in group)
                elif limit < _SINGLE_DT:
                    retry.append(group[0])
                else:
                    state.undecided = True
        state.finished = True

    def full_then_sweep() -> Lane:
        r = yield Question(1, _FIRST_DT, best.slots, phase1=True)
        if r.status == "UNKNOWN":
            yield from sweep(groups[0::2], states[0])

    return [full_then_sweep(), sweep(groups[1::2], states[1])], states


def hard_level(
    level: int, best: StageResult, ranked: list[str], hard_opts: ExactOptions
) -> list[Lane]:
    """The two lanes at a lower bound ``level`` >= 2 (constants and measurements above).

    Lane 0 settles the level: a guess and a short hinted try first (``phase1``: a level they
    settle is easy, and lane 1's work is then dropped), then the hint-free clause-learning
    search. Lane 1 looks for a schedule one break above (unless one is known) and then asks
    the level again with the LP, hinted with the best schedule it knows: the two proofs
    complement each other (forum-13crafb's bound 6 needs the first, tic-13crafc's bound 4 the
    second).
    """
    only_proof = level + 1 >= best.value
    may_guess = not only_proof and _BREAKERS * level <= _GUESS_SHARE * len(ranked)

    def prove() -> Lane:
        if may_guess:
            r = yield Question(
                level, _BREAKERS_DT, None, frozenset(ranked[: _BREAKERS * level]), phase1=True
            )
            if r.found:
                return
        r = yield Question(level, _PROOF_DT if only_proof else _SHORT_DT, best.slots, phase1=True)
        if r.status == "UNKNOWN":
            yield Question(level, _FREE_PROOF_DT)

    def find() -> Lane:
        hint, value = best.slots, best.value
        size = int(_BREAKERS_ABOVE * (level + 1))
        if level + 1 < value and size < len(ranked):
            # No hint: the best schedule's breakers are mostly not among the candidates (a
            # hint slowed ticf-13crafb's guess from 3.4 s to over 4 s). First: it is what
            # takes longest where it is needed (forum-13crafb), and where it is not it is
            # answered at once (tic-13crafc: infeasible in 0.0 dt).
            r = yield Question(level + 1, _BREAKERS_ABOVE_DT, None, frozenset(ranked[:size]))
            if r.found:
                hint, value = r.slots, r.value
        if level + 1 < value:
            r = yield Question(level + 1, _QUICK_DT, hint)
            if r.status == "INFEASIBLE":
                return
            if r.found:
                hint, value = r.slots, r.value
        if level + 1 < value:
            r = yield Question(level + 1, PROBE_ABOVE_DT, hint)
            if r.found:
                hint, value = r.slots, r.value
        yield Question(level, _LP_DT, hint, options=hard_opts)

    return [prove(), find()]
