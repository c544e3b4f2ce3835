"""Realistic generated matching fairs, for benchmarks and tests of the large-fair solver.

The shape follows the events Amity is built for (b2match/EEN brokerage days, the Shanghai
friendship-cities fair): half the participants are home-city enterprises, half come from
partner cities. Meetings are requested mostly between a home and a visiting participant, and
popularity is skewed (log-normal demand): a few visitors are wanted by many. Sessions are
morning and afternoon blocks of 20-minute slots over one day (fairs under 1,000 participants)
or two; some participants come for one day or one half-day only. Home participants speak
Chinese (some also English), visitors their city's language (many also English), so part of
the meetings need one of a limited pool of interpreters. A share of home participants are
exhibitors with their own table; the table count is a little above the peak need.

Usage:
``python -m amity.engine.scheduling.synthetic.generator --participants N --seed S -o F.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from amity.engine.scheduling.formats.json import problem_to_dict
from amity.engine.scheduling.model import (
    Interpreter,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
)

# The sizes and seeds the benchmarks and the documentation refer to.
BENCHMARK_FAIRS: tuple[tuple[int, int], ...] = ((400, 1), (1000, 2), (3000, 3), (10000, 4))

# Visitor languages with their share among partner-city delegations.
VISITOR_LANGUAGES: tuple[tuple[str, float], ...] = (
    ("en", 0.34),
    ("ja", 0.10),
    ("fr", 0.10),
    ("es", 0.10),
    ("de", 0.08),
    ("ru", 0.07),
    ("pt", 0.05),
    ("ko", 0.06),
    ("ar", 0.05),
    ("it", 0.05),
)
SHANGHAI = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class FairShape:
    """Knobs of the generator; the defaults give the benchmark fairs."""

    meetings_per_participant: float = 5.0
    slots_per_block: int = 9
    slot_minutes: int = 20
    # Days: one below this many participants, two from it on.
    two_days_from: int = 1000
    exhibitor_share: float = 0.4
    visitor_visitor_share: float = 0.04
    mutual_share: float = 0.25
    fixed_share: float = 0.005
    session_share: float = 0.03
    # Interpreters as a share of the average number of interpreted meetings per slot.
    interpreter_supply: float = 1.0
    # Tables as a multiple of the peak expected meetings per slot.
    table_margin: float = 1.1
    popularity_sigma: float = 0.9
    # Zipf-like popularity (weight 1 / rank^exponent, a few stars asked far more often than
    # they have slots) instead of the log-normal; 0 keeps the log-normal.
    zipf_exponent: float = 0.0
    # Share of participants away for one to three consecutive slots inside a block.
    gap_share: float = 0.0
    # Chance that a visitor whose language is not English also speaks English.
    visitor_english: float = 0.4


# The harder shape the issue describes (Zipf popularity with stars, partial-day presence with
# gaps, tight tables, many interpreter needs, many fixed meetings): the large-fair method is
# tuned on both shapes, and measured on an independent generator it has not seen.
HARD_SHAPE = FairShape(
    meetings_per_participant=6.0,
    fixed_share=0.04,
    interpreter_supply=0.8,
    table_margin=0.85,
    zipf_exponent=1.0,
    gap_share=0.35,
    visitor_english=0.15,
)


def _slots(days: int, shape: FairShape) -> list[Slot]:
    slots = []
    for day in range(1, days + 1):
        date = datetime(2023, 11, 15 + day, tzinfo=SHANGHAI)
        for session, hour in (("am", 9), ("pm", 14)):
            start = date.replace(hour=hour)
            for k in range(shape.slots_per_block):
                t = start + timedelta(minutes=k * shape.slot_minutes)
                slots.append(
                    Slot(
                        id=f"d{day}-{session}-{k + 1:02d}",
                        block=f"d{day}-{session}",
                        session=session,
                        start=t.isoformat(),
                        minutes=shape.slot_minutes,
                    )
                )
    return slots


def _availability(rng: random.Random, slots: list[Slot], days: int) -> frozenset[str] | None:
    """Most come for the whole fair; some for one day, one half-day, or skip a half-day."""
    blocks = sorted({s.block for s in slots})
    r = rng.random()
    if r < 0.70:
        return None
    if days == 2 and r < 0.85:
        day = rng.choice(["d1", "d2"])
        chosen = {b for b in blocks if b.startswith(day)}
    elif r < 0.95:
        chosen = {rng.choice(blocks)}
    else:
        chosen = set(blocks) - {rng.choice(blocks)}
    return frozenset(s.id for s in slots if s.block in chosen)


def _with_gap(
    rng: random.Random, slots: list[Slot], available: frozenset[str] | None, share: float
) -> frozenset[str] | None:
    """With probability ``share``, take one to three consecutive slots of one block away."""
    if rng.random() >= share:
        return available
    present = [s for s in slots if available is None or s.id in available]
    if not present:
        return available
    block = rng.choice(sorted({s.block for s in present}))
    inside = [s.id for s in present if s.block == block]
    length = min(len(inside) - 1, rng.randint(1, 3))
    if length <= 0:
        return available
    first = rng.randrange(len(inside) - length + 1)
    away = set(inside[first : first + length])
    return frozenset(s.id for s in present if s.id not in away)


def _zipf(rng: random.Random, n: int, exponent: float) -> list[float]:
    """Weights 1 / rank^exponent over a random ranking of n participants."""
    ranks = list(range(1, n + 1))
    rng.shuffle(ranks)
    return [1.0 / r**exponent for r in ranks]


def _visitor_languages(rng: random.Random, english: float = 0.4) -> frozenset[str]:
    names = [x for x, _ in VISITOR_LANGUAGES]
    weights = [w for _, w in VISITOR_LANGUAGES]
    native = rng.choices(names, weights)[0]
    langs = {native}
    if native != "en" and rng.random() < english:
        langs.add("en")
    if rng.random() < 0.08:
        langs.add("zh")
    return frozenset(langs)


def _requests(
    rng: random.Random,
    home_ids: list[str],
    visit_ids: list[str],
    participants: int,
    shape: FairShape,
) -> list[tuple[str, str]]:
    """Distinct requested pairs, mostly home-visitor, drawn by popularity."""
    # Demand weights: log-normal popularity for visitors, milder spread of activity at home.
    visit_weight = [rng.lognormvariate(0, shape.popularity_sigma) for _ in visit_ids]
    home_weight = [rng.lognormvariate(0, 0.4) for _ in home_ids]
    if shape.zipf_exponent:
        visit_weight = _zipf(rng, len(visit_ids), shape.zipf_exponent)
        home_weight = _zipf(rng, len(home_ids), 0.5 * shape.zipf_exponent)

    n_meetings = round(participants * shape.meetings_per_participant / 2)
    pairs: set[tuple[str, str]] = set()
    requests: list[tuple[str, str]] = []
    while len(requests) < n_meetings:
        if rng.random() < shape.visitor_visitor_share:
            a, b = rng.choices(visit_ids, visit_weight, k=2)
        else:
            a = rng.choices(home_ids, home_weight)[0]
            b = rng.choices(visit_ids, visit_weight)[0]
        key = (min(a, b), max(a, b))
        if a == b or key in pairs:
            continue
        pairs.add(key)
        requests.append((a, b))
    return requests


def generate_fair(participants: int, seed: int, shape: FairShape | None = None) -> Problem:
    """A fair with `participants` participants (half home, half visitors), same for same seed."""
    if participants < 4:
        raise ValueError("a fair needs at least 4 participants")
    shape = shape or FairShape()
    rng = random.Random(f"amity-fair-{participants}-{seed}")
    days = 1 if participants < shape.two_days_from else 2
    slots = _slots(days, shape)
    n_home = participants // 2
    n_visit = participants - n_home
    width = len(str(participants))

    home_ids = [f"h{i + 1:0{width}d}" for i in range(n_home)]
    visit_ids = [f"v{i + 1:0{width}d}" for i in range(n_visit)]
    avail = {pid: _availability(rng, slots, days) for pid in home_ids + visit_ids}
    if shape.gap_share:
        avail = {pid: _with_gap(rng, slots, a, shape.gap_share) for pid, a in avail.items()}
    langs = {pid: frozenset({"zh", "en"} if rng.random() < 0.3 else {"zh"}) for pid in home_ids}
    langs.update({pid: _visitor_languages(rng, shape.visitor_english) for pid in visit_ids})
    max_meetings = {pid: rng.randint(4, 10) for pid in home_ids}
    max_meetings.update({pid: rng.randint(6, 12) for pid in visit_ids})

    requests = _requests(rng, home_ids, visit_ids, participants, shape)

    meetings = []
    for n, (a, b) in enumerate(requests):
        # Mutual interest ranks highest; one-sided requests are "important" or "nice to have".
        mutual = rng.random() < shape.mutual_share
        priority = 3 if mutual else 2 if rng.random() < 0.45 else 1
        session = None
        if rng.random() < shape.session_share:
            session = rng.choice(["am", "pm"])
        meetings.append(
            Meeting(id=f"m{n + 1}", participants=(a, b), priority=priority, session=session)
        )

    exhibitors = set(rng.sample(home_ids, round(len(home_ids) * shape.exhibitor_share)))
    home_table = {pid: f"T{i + 1:0{width}d}" for i, pid in enumerate(sorted(exhibitors))}
    meetings = _fix_some(rng, meetings, avail, langs, home_table, slots, shape)

    interpreters = _interpreters(rng, meetings, langs, avail, slots, days, shape)
    n_tables = _table_count(meetings, avail, slots, home_table, shape)
    tables = [Table(id=t) for t in sorted(home_table.values())]
    tables += [Table(id=f"F{i + 1:0{width}d}") for i in range(n_tables - len(tables))]
    people = [
        Participant(
            id=pid,
            languages=langs[pid],
            available=avail[pid],
            max_meetings=max_meetings[pid],
            home_table=home_table.get(pid),
        )
        for pid in home_ids + visit_ids
    ]
    return Problem(
        slots=tuple(slots),
        tables=tuple(tables),
        participants=tuple(people),
        meetings=tuple(meetings),
        interpreters=tuple(interpreters),
    )


def _open_slots(meeting: Meeting, avail: dict[str, frozenset[str] | None], slots: list[Slot]):
    return [
        s.id
        for s in slots
        if all(avail[p] is None or s.id in avail[p] for p in meeting.participants)
        and (meeting.session is None or s.session == meeting.session)
    ]


def _fix_some(
    rng: random.Random,
    meetings: list[Meeting],
    avail: dict[str, frozenset[str] | None],
    langs: dict[str, frozenset[str]],
    home_table: dict[str, str],
    slots: list[Slot],
    shape: FairShape,
) -> list[Meeting]:
    """Fix a few priority-3 meetings (VIP appointments) in a slot; they become required.

    Only meetings without an interpreter are fixed, and no participant gets two fixed meetings,
    so the fixed meetings never conflict with each other.
    """
    wanted = max(1, round(len(meetings) * shape.fixed_share))
    used: set[str] = set()
    result = list(meetings)
    order = list(range(len(meetings)))
    rng.shuffle(order)
    for n in order:
        if wanted == 0:
            break
        m = meetings[n]
        a, b = m.participants
        if m.priority != 3 or used & {a, b} or not (langs[a] & langs[b]):
            continue
        if a in home_table and b in home_table:
            continue
        open_slots = _open_slots(m, avail, slots)
        if not open_slots:
            continue
        used |= {a, b}
        result[n] = Meeting(
            id=m.id,
            participants=m.participants,
            priority=3,
            required=True,
            session=m.session,
            slot=rng.choice(open_slots),
        )
        wanted -= 1
    return result


def _interpreters(
    rng: random.Random,
    meetings: list[Meeting],
    langs: dict[str, frozenset[str]],
    avail: dict[str, frozenset[str] | None],
    slots: list[Slot],
    days: int,
    shape: FairShape,
) -> list[Interpreter]:
    """A pool sized to the average interpreted load per slot, by visitor language."""
    need: dict[str, int] = {}
    for m in meetings:
        a, b = (langs[p] for p in m.participants)
        if a & b:
            continue
        # The interpreter pairs Chinese with the visitor's first language (English if spoken).
        other = b if "zh" in a else a
        lang = "en" if "en" in other else min(other)
        need[lang] = need.get(lang, 0) + 1
    result = []
    for lang in sorted(need):
        count = max(1, math.ceil(shape.interpreter_supply * need[lang] / len(slots)))
        for _ in range(count):
            spoken = {"zh", lang}
            if lang != "en" and rng.random() < 0.5:
                spoken.add("en")
            available = _availability(rng, slots, days) if rng.random() < 0.5 else None
            result.append(
                Interpreter(
                    id=f"i{len(result) + 1}",
                    languages=frozenset(spoken),
                    available=available,
                )
            )
    return result


def _table_count(
    meetings: list[Meeting],
    avail: dict[str, frozenset[str] | None],
    slots: list[Slot],
    home_table: dict[str, str],
    shape: FairShape,
) -> int:
    """Tables a little above the peak expected load, spreading each meeting over its slots."""
    load = {s.id: 0.0 for s in slots}
    for m in meetings:
        open_slots = _open_slots(m, avail, slots) if m.slot is None else [m.slot]
        for sid in open_slots:
            load[sid] += 1 / len(open_slots)
    peak = max(load.values())
    return max(len(home_table) + 1, math.ceil(shape.table_margin * peak))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m amity.engine.scheduling.synthetic.generator",
        description="Write a generated matching-fair problem as JSON.",
    )
    parser.add_argument("--participants", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument(
        "--shape", choices=("default", "hard"), default="default", help="hard: HARD_SHAPE"
    )
    args = parser.parse_args(argv)
    if args.participants < 4:
        print("error: --participants must be at least 4", file=sys.stderr)
        return 2
    shape = HARD_SHAPE if args.shape == "hard" else None
    text = json.dumps(problem_to_dict(generate_fair(args.participants, args.seed, shape)))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
