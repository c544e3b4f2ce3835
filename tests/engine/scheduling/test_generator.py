from collections import Counter

from amity.engine.scheduling.formats import problem_from_dict, problem_to_dict, read_problem_file
from amity.engine.scheduling.objective import needs_interpreter
from amity.engine.scheduling.synthetic.generator import generate_fair, main


def test_generate_fair_same_seed_gives_same_problem():
    first = generate_fair(200, seed=7)

    second = generate_fair(200, seed=7)

    assert first == second


def test_generate_fair_other_seed_gives_other_problem():
    assert generate_fair(200, seed=7) != generate_fair(200, seed=8)


def test_generate_fair_half_home_half_visitors():
    problem = generate_fair(401, seed=1)

    kinds = Counter(p.id[0] for p in problem.participants)

    assert kinds == {"h": 200, "v": 201}


def test_generate_fair_about_five_requests_per_participant():
    problem = generate_fair(400, seed=1)

    per_participant = 2 * len(problem.meetings) / len(problem.participants)

    assert per_participant == 5.0


def test_generate_fair_meetings_mostly_home_with_visitor():
    problem = generate_fair(400, seed=1)

    mixed = sum(1 for m in problem.meetings if {p[0] for p in m.participants} == {"h", "v"})

    assert mixed / len(problem.meetings) >= 0.9


def test_generate_fair_popular_visitors_are_wanted_by_many():
    problem = generate_fair(1000, seed=2)
    requests = Counter(p for m in problem.meetings for p in m.participants if p.startswith("v"))

    top = max(requests.values())
    median = sorted(requests.values())[len(requests) // 2]

    assert top >= 5 * median


def test_generate_fair_home_speaks_chinese_and_visitors_mix_languages():
    problem = generate_fair(400, seed=1)
    home = [p for p in problem.participants if p.id.startswith("h")]
    visitors = [p for p in problem.participants if p.id.startswith("v")]

    visitor_languages = Counter(lang for p in visitors for lang in p.languages)

    assert all("zh" in p.languages for p in home)
    assert len(visitor_languages) >= 6
    assert any(len(p.languages) > 1 for p in visitors)


def test_generate_fair_some_meetings_need_one_of_fewer_interpreters():
    problem = generate_fair(400, seed=1)

    interpreted = [m for m in problem.meetings if needs_interpreter(problem, m)]

    assert len(interpreted) > 0
    assert 0 < len(problem.interpreters) < len(interpreted)


def test_generate_fair_partial_availability_by_half_day():
    problem = generate_fair(1000, seed=2)
    blocks = {s.id: s.block for s in problem.slots}

    partial = [p for p in problem.participants if p.available is not None]
    partial_blocks = [{blocks[s] for s in p.available} for p in partial]

    assert len({s.block for s in problem.slots}) == 4
    assert 0.1 < len(partial) / len(problem.participants) < 0.5
    # Availability is whole half-days: a participant has all slots of each block it attends.
    assert all(
        sum(1 for s in problem.slots if s.block in bl) == len(p.available)
        for p, bl in zip(partial, partial_blocks, strict=True)
    )


def test_generate_fair_tables_cover_home_tables_and_fixed_meetings_are_required():
    problem = generate_fair(400, seed=1)
    home_tables = {p.home_table for p in problem.participants if p.home_table}

    fixed = [m for m in problem.meetings if m.slot is not None]

    assert home_tables < {t.id for t in problem.tables}
    assert fixed
    assert all(m.required for m in fixed)


def test_problem_to_dict_round_trips_through_io():
    problem = generate_fair(100, seed=3)

    again = problem_from_dict(problem_to_dict(problem))

    assert again == problem


def test_generator_main_writes_problem_json(tmp_path):
    out = tmp_path / "fair.json"

    code = main(["--participants", "60", "--seed", "4", "-o", str(out)])

    assert code == 0
    assert read_problem_file(out) == generate_fair(60, seed=4)


def test_generator_main_rejects_tiny_fair(capsys):
    code = main(["--participants", "2"])

    assert code == 2
    assert capsys.readouterr().err == "error: --participants must be at least 4\n"
