"""The calendar of the synthetic fairs: two days, morning and afternoon sessions, 32 slots."""

from __future__ import annotations

# (session, block, day, first start in minutes, slot count, minutes per slot). Day 1 counts
# breaks across lunch (one block); day 2 counts its morning and afternoon apart.
SESSIONS = (
    ("d1-am", "d1", "2026-05-12", 9 * 60, 9, 20),
    ("d1-pm", "d1", "2026-05-12", 14 * 60, 7, 30),
    ("d2-am", "d2-am", "2026-05-13", 9 * 60, 8, 25),
    ("d2-pm", "d2-pm", "2026-05-13", 13 * 60 + 30, 8, 20),
)
SESSION_OF = [s[0] for s in SESSIONS for _ in range(s[4])]
N_SLOTS = len(SESSION_OF)
DAY2 = SESSIONS[0][4] + SESSIONS[1][4]
MORNINGS = [*range(SESSIONS[0][4]), *range(DAY2, DAY2 + SESSIONS[2][4])]


def slots() -> list[dict]:
    result = []
    for session, block, day, start, count, minutes in SESSIONS:
        for k in range(count):
            at = start + k * minutes
            result.append(
                {
                    "id": f"{session}-{k + 1:02d}",
                    "block": block,
                    "session": session,
                    "start": f"{day}T{at // 60:02d}:{at % 60:02d}",
                    "minutes": minutes,
                }
            )
    return result
