"""Small problems for the exact scheduler's tests, built in code (no fixture files)."""

from __future__ import annotations

from pathlib import Path

from amity.engine.scheduling.model import Fairness, Meeting, Participant, Problem, Slot, Table

_ROOT = Path(__file__).resolve().parents[3]
# Beside the checkout (``../shared``); a worktree under ``wt/`` finds it one level up.
JAIR = next(
    (
        d / "shared" / "benchmarks" / "b2b-jair"
        for d in (_ROOT.parent, _ROOT.parent.parent)
        if (d / "shared" / "benchmarks" / "b2b-jair").is_dir()
    ),
    _ROOT.parent / "shared" / "benchmarks" / "b2b-jair",
)


def make_problem(
    n_slots: int = 4,
    n_tables: int = 2,
    meetings: tuple[tuple[str, str], ...] = (("a", "b"),),
    *,
    blocks: tuple[str, ...] | None = None,
    participants: tuple[Participant, ...] | None = None,
    fairness: int | None = None,
    **meeting_fields: object,
) -> Problem:
    """Slots s1…, tables T1…, meetings m1… between the given pairs; participants by name."""
    slots = tuple(
        Slot(id=f"s{k + 1}", block=blocks[k] if blocks else "day") for k in range(n_slots)
    )
    names = sorted({p for pair in meetings for p in pair})
    return Problem(
        slots=slots,
        tables=tuple(Table(id=f"T{k + 1}") for k in range(n_tables)),
        participants=participants or tuple(Participant(id=n) for n in names),
        meetings=tuple(
            Meeting(id=f"m{k + 1}", participants=pair, **meeting_fields)  # type: ignore[arg-type]
            for k, pair in enumerate(meetings)
        ),
        fairness=None if fairness is None else Fairness(max_break_spread=fairness),
    )


def problem_json(**overrides: object) -> dict:
    """A valid two-participant problem in the issue's JSON format, with fields overridden."""
    data: dict = {
        "slots": [
            {"id": "d1-am-01", "block": "d1-am", "session": "am"},
            {"id": "d1-am-02", "block": "d1-am", "session": "am"},
        ],
        "tables": [{"id": "T01"}, {"id": "T02"}],
        "participants": [
            {"id": "acme", "languages": ["en"], "max_meetings": 8, "home_table": "T01"},
            {"id": "sh-port", "languages": ["zh", "en"]},
            {"id": "dunedin", "languages": ["en"], "available": ["d1-am-02"]},
        ],
        "meetings": [
            {"id": "m1", "participants": ["acme", "sh-port"], "priority": 3},
            {"id": "m2", "participants": ["sh-port", "dunedin"], "required": True},
        ],
        "interpreters": [{"id": "i1", "languages": ["zh", "en"]}],
        "fairness": {"max_break_spread": 2},
    }
    data.update(overrides)
    return data
