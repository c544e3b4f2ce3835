"""A problem file by its extension: ``.dzn`` (the JAIR events) or Amity JSON."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from amity.engine.scheduling.formats.dzn import read_problem_dzn
from amity.engine.scheduling.formats.json import read_problem_json
from amity.engine.scheduling.model import Fairness, Problem, ProblemError


def read_problem_file(path: str | Path, *, fairness: int | None = None) -> Problem:
    """Read ``.json`` or ``.dzn`` by extension; ``fairness`` overrides the file's bound."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError(f"problem file {path}: {exc.strerror}") from None
    if path.suffix == ".dzn":
        return read_problem_dzn(text, fairness=2 if fairness is None else fairness)
    problem = read_problem_json(text)
    if fairness is not None:
        problem = replace(problem, fairness=Fairness(max_break_spread=fairness))
    return problem
