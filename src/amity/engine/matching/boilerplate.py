"""Sentences many organisations repeat say nothing about what one of them needs.

Profiles carry boilerplate: general remarks ("open to all kinds of cooperation") and sentences
about the company ("certified to ISO 9001.") that many organisations write word for word.
Embedded with the need they precede, they make unrelated profiles look alike, and a remark
matched to the same remark is no reason to meet. A sentence is boilerplate when at least
``BOILERPLATE_SHARE`` of the fair's organisations (and at least ``MIN_ORGANISATIONS``) use it,
in fairs of at least ``MIN_FAIR`` organisations;
that is found by counting, not from any list of phrases. Needs themselves repeat far less:
even in a 20,000-profile fair built from templates a need text recurs in well under 0.1 %.

Boilerplate sentences are removed from a text before it is embedded; a text made only of
boilerplate is a pure remark and matches nothing (a zero vector).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

BOILERPLATE_SHARE = 0.01
MIN_ORGANISATIONS = 5
# In a small fair a handful of organisations sharing one need is normal (twelve buyers of
# solar panels among sixteen); counting tells boilerplate from needs only in larger fairs.
MIN_FAIR = 500
# A sentence ends with . ! ? ; (followed by a space) or with a Chinese full stop or mark.
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def _key(sentence: str) -> str:
    return sentence.casefold().rstrip(".!?;。！？；")


def boilerplate(per_org_texts: Sequence[Sequence[str]]) -> set[str]:
    """Sentence keys used by at least the boilerplate share of organisations."""
    if len(per_org_texts) < MIN_FAIR:
        return set()
    users: Counter[str] = Counter()
    for texts in per_org_texts:
        users.update({_key(s) for t in texts for s in sentences(t)})
    floor = max(MIN_ORGANISATIONS, BOILERPLATE_SHARE * len(per_org_texts))
    return {key for key, count in users.items() if count >= floor}


def strip(text: str, common: set[str]) -> str:
    """The text without its boilerplate sentences ('' when nothing else is left)."""
    if not common:
        return text
    kept = [s for s in sentences(text) if _key(s) not in common]
    if len(kept) == len(sentences(text)):
        return text
    joiner = "" if re.search(r"[\u3400-\u9fff]", text) else " "
    return joiner.join(kept)
