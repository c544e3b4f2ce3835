import json
from pathlib import Path

import pytest

from amity.engine.matching.cli import main
from tests.engine.matching.factories import fair, org


def _run(tmp_path: Path, document: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / "profiles.json"
    path.write_text(document, encoding="utf-8")
    code = main([str(path), "--backend", "lexical", "-o", str(tmp_path / "out.json"), "--quiet"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("profiles", "expected"),
    [
        (
            fair(org("a", sectors=["7999"])),
            "error: organisation 'a', field 'sectors': unknown ISIC Rev.4 code '7999'\n",
        ),
        (fair(org("a"), org("a")), "error: organisation 'a', field 'id': duplicate id\n"),
        (
            fair(org("a", must_meet=["ghost"])),
            "error: organisation 'a', field 'must_meet': unknown organisation id 'ghost'\n",
        ),
        (
            fair(org("a", offers=["tours", "  "])),
            "error: organisation 'a', field 'offers': item 1 is blank\n",
        ),
        (
            fair(org("a", seeks=[""])),
            "error: organisation 'a', field 'seeks': item 0 is blank\n",
        ),
        (
            fair(org("a", cooperation=["friendship"])),
            "error: organisation 'a', field 'cooperation': unknown cooperation type "
            "'friendship' (allowed: export_import, distribution, joint_venture, investment, "
            "technology_transfer, research, tourism, education, public_sector)\n",
        ),
        (
            fair(org("a", max_meetings=0)),
            "error: organisation 'a', field 'max_meetings': must be a positive integer\n",
        ),
    ],
)
def test_main_bad_profile_exits_2_with_one_line(tmp_path, capsys, profiles, expected):
    code, err = _run(tmp_path, json.dumps(profiles), capsys)

    assert (code, err) == (2, expected)


def test_main_malformed_json_exits_2_with_one_line(tmp_path, capsys):
    code, err = _run(tmp_path, '{"organisations": [', capsys)

    assert (code, err) == (
        2,
        "error: field 'json': malformed JSON at line 1 column 20: Expecting value\n",
    )


def test_main_missing_file_exits_2(tmp_path, capsys):
    code = main([str(tmp_path / "nope.json")])

    err = capsys.readouterr().err
    assert (code, err.count("\n"), err.startswith("error: field 'profiles'")) == (2, 1, True)


def test_main_accepts_empty_lists_and_description(tmp_path, capsys):
    profiles = fair(
        org("only-offers", offers=["guided city tours"], description=""),
        org("only-seeks", city="Dunedin", seeks=["city tour operators"]),
        org("nothing"),
    )

    code, err = _run(tmp_path, json.dumps(profiles), capsys)

    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert (code, err) == (0, "")
    assert sorted(written["recommendations"]) == ["nothing", "only-offers", "only-seeks"]


def test_the_generator_explains_too_many_pairs_in_one_line(tmp_path, capsys):
    from amity.engine.matching import generator

    with pytest.raises(SystemExit) as exit_:
        generator.main(["--organisations", "10", "--pairs", "6", "-o", str(tmp_path / "f.json")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--pairs 6 needs 12 organisations" in err
    assert "Traceback" not in err
    assert not (tmp_path / "f.json").exists()


def test_the_generator_picks_a_fitting_number_of_pairs_by_default(tmp_path):
    from amity.engine.matching import generator

    out, planted = tmp_path / "f.json", tmp_path / "p.json"
    assert generator.main(["--organisations", "10", "-o", str(out), "--planted", str(planted)]) == 0
    assert len(json.loads(planted.read_text())) == 2


def test_help_documents_the_input_and_output_formats(capsys):
    from amity.engine.matching.cli import main

    code = main(["--help"])

    text = capsys.readouterr().out
    assert code == 0
    assert all(
        word in text
        for word in ("organisations", "offers", "seeks", "seek_sector", "exposure", "public_sector")
    )
