"""Problem and schedule files: Amity JSON (``json.py``, ``schedule_json.py``) and the JAIR
events' MiniZinc data (``dzn.py``); ``read_problem_file`` picks by extension."""

from amity.engine.scheduling.formats.dzn import read_problem_dzn
from amity.engine.scheduling.formats.files import read_problem_file
from amity.engine.scheduling.formats.json import (
    problem_from_dict,
    problem_to_dict,
    read_problem_json,
)
from amity.engine.scheduling.formats.schedule_json import (
    read_schedule_json,
    schedule_to_dict,
    schedule_to_json,
)

__all__ = [
    "problem_from_dict",
    "problem_to_dict",
    "read_problem_dzn",
    "read_problem_file",
    "read_problem_json",
    "read_schedule_json",
    "schedule_to_dict",
    "schedule_to_json",
]
