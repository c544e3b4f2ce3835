"""Hypothesis strategies for the large-fair solver's property tests."""

from hypothesis import strategies as st

from amity.engine.scheduling.model import Interpreter, Meeting, Participant, Problem, Slot, Table


@st.composite
def small_problems(draw: st.DrawFn) -> Problem:
    """Arbitrary small problems, with the features the generator never produces: shared home
    tables, meetings of three, participants without languages, multilingual interpreters."""
    n_slots = draw(st.integers(2, 6))
    blocks = draw(st.integers(1, 2))
    slots = tuple(
        Slot(f"s{i}", block=f"b{i * blocks // n_slots}", session="am" if i % 2 else "pm")
        for i in range(n_slots)
    )
    slot_ids = [s.id for s in slots]
    tables = tuple(Table(f"t{i}") for i in range(draw(st.integers(1, 3))))
    languages = st.frozensets(st.sampled_from(["zh", "en", "ja"]), max_size=2)
    people = []
    for i in range(draw(st.integers(3, 6))):
        available = draw(st.none() | st.frozensets(st.sampled_from(slot_ids), min_size=1))
        people.append(
            Participant(
                f"p{i}",
                languages=draw(languages),
                available=available,
                max_meetings=draw(st.none() | st.integers(0, 3)),
                home_table=draw(st.none() | st.sampled_from([t.id for t in tables])),
            )
        )
    ids = [p.id for p in people]
    meetings = []
    for i in range(draw(st.integers(0, 8))):
        size = draw(st.sampled_from([2, 2, 2, 3]))
        members = tuple(draw(st.permutations(ids))[:size])
        meetings.append(
            Meeting(
                f"m{i}",
                members,
                priority=draw(st.integers(0, 3)),
                session=draw(st.none() | st.sampled_from(["am", "pm"])),
                slot=draw(st.none() | st.sampled_from(slot_ids)),
            )
        )
    interpreters = tuple(
        Interpreter(
            f"i{i}",
            languages=draw(st.frozensets(st.sampled_from(["zh", "en", "ja"]), min_size=2)),
            available=draw(st.none() | st.frozensets(st.sampled_from(slot_ids))),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return Problem(slots, tables, tuple(people), tuple(meetings), interpreters)
