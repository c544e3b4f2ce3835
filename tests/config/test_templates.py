"""Template hygiene that Django does not check: a ``{# … #}`` comment ends on its own line.

Django reads a ``{#`` without its ``#}`` on the same line as text, so a two-line comment is
printed on every page that uses the template (it once showed in the site's menu).
"""

from pathlib import Path

import amity

TEMPLATES = sorted(Path(amity.__file__).parent.rglob("*.html"))


def unclosed_comments(text: str) -> list[int]:
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]


def test_templates_are_found():
    assert any(path.name == "base.html" for path in TEMPLATES)


def test_no_template_has_a_comment_over_two_lines():
    found = {
        str(path): lines
        for path in TEMPLATES
        if (lines := unclosed_comments(path.read_text(encoding="utf-8")))
    }

    assert found == {}


def test_a_two_line_comment_is_found():
    assert unclosed_comments("a\n{# one\n   two #}\n{# fine #}") == [2]
