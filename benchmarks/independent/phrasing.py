"""Turn a need's noun phrase into an offer or a request, in the profile's language.

Sentences come in three lengths (the bare phrase, a sentence, a sentence with a detail) and
many shapes, including offers that say "looking for" and requests that say "offer", so that
neither direction can be read off a keyword. The side remarks at the end are general
statements that complement nobody.
"""

from __future__ import annotations

import random

EN_OFFER = (
    "We offer {x}.",
    "We provide {x}.",
    "Provider of {x}.",
    "{X} is our core business.",
    "We can deliver {x} for partners abroad.",
    "We are looking for new customers for {x}.",
    "What we bring: {x}.",
    "Available to partners: {x}.",
    "Our team has ten years of experience with {x} and would like to share it.",
    "Specialists in {x}.",
    "We have delivered {x} in several countries and can do the same for you.",
    "Our strength is {x}.",
)
EN_SEEK = (
    "We are looking for {x}.",
    "Seeking {x}.",
    "We need {x}.",
    "Looking for a partner who can provide {x}.",
    "Interested in {x}.",
    "{X} wanted.",
    "We would like to find {x}.",
    "We want to meet organisations that offer {x}.",
    "Searching for {x}, ideally with experience in Asia.",
    "Need: {x}.",
    "We would welcome proposals for {x}.",
    "Who can offer us {x}?",
)
EN_OFFER_DETAIL = (
    "References are available on request.",
    "We adapt to local rules and standards.",
    "Terms for a first pilot are negotiable.",
    "We already work with partners in Asia.",
    "Our team can visit you after the fair.",
)
EN_SEEK_DETAIL = (
    "A budget is approved for next year.",
    "A pilot could start within six months.",
    "We prefer partners who can visit us.",
    "We are aiming for long-term cooperation.",
    "Please bring references.",
)
ZH_OFFER = (
    "提供{x}。",
    "我们可以提供{x}。",
    "可为合作方提供{x}。",
    "我们的优势：{x}。",
    "{x}，欢迎洽谈合作。",
    "我们提供{x}，正在寻找新客户。",
    "专业提供{x}，经验丰富。",
    "长期提供{x}，已服务多个国家的客户。",
)
ZH_SEEK = (
    "寻求{x}。",
    "需要{x}。",
    "寻找能够提供{x}的合作伙伴。",
    "诚邀提供{x}的机构洽谈。",
    "对{x}很感兴趣，希望对接相关机构。",
    "计划引进{x}，欢迎联系。",
    "希望找到{x}。",
    "哪家机构能提供{x}？欢迎交流。",
    "急需{x}。",
)
ZH_OFFER_DETAIL = (
    "已在多个城市落地。",
    "可根据当地需求定制。",
    "可提供成功案例。",
    "合作方式灵活。",
)
ZH_SEEK_DETAIL = (
    "预算已落实。",
    "希望尽快开展试点。",
    "优先考虑有国际项目经验的合作方。",
    "希望建立长期合作。",
)
# Offers of a give-back (a pilot site, orders, data): what an organisation can put forward.
EN_OFFER_IN_RETURN = (
    "We can offer {x}.",
    "In return we can offer {x}.",
    "We bring {x}.",
    "Available to partners: {x}.",
    "We are able to provide {x}.",
)
ZH_OFFER_IN_RETURN = (
    "可提供{x}。",
    "我方可提供{x}。",
    "作为回报，可提供{x}。",
    "{x}，欢迎洽谈。",
    "能够提供{x}。",
)
OTHER_OFFER = {
    "it": ("Offriamo {x}.", "La nostra specialità: {x}."),
    "ja": ("{x}を提供しています。", "弊社は{x}を得意としています。"),
    "ko": ("{x} 제공이 가능합니다.", "저희는 {x} 분야 전문 기업입니다."),
    "vi": ("Chúng tôi cung cấp {x}.", "Công ty chúng tôi chuyên về {x}."),
    "fr": ("Nous proposons {x}.", "Notre spécialité : {x}."),
    "es": ("Ofrecemos {x}.", "Somos especialistas en {x}."),
}
OTHER_SEEK = {
    "it": ("Cerchiamo {x}.", "Siamo alla ricerca di {x}."),
    "ja": ("{x}を探しています。", "{x}に関心があります。"),
    "ko": ("{x} 관련 협력 파트너를 찾고 있습니다.", "{x} 도입을 검토하고 있습니다."),
    "vi": ("Chúng tôi đang tìm {x}.", "Chúng tôi cần đối tác về {x}."),
    "fr": ("Nous recherchons {x}.", "Nous sommes intéressés par {x}."),
    "es": ("Buscamos {x}.", "Nos interesa encontrar {x}."),
}
SIDE_REMARKS = {
    ("offer", "en"): (
        "Happy to host return visits at our premises.",
        "We can share what we learned from projects abroad.",
        "Our managers can give a short talk about our home market.",
    ),
    ("seek", "en"): (
        "We would also like to hear about the other partner cities at the fair.",
        "Open to meeting anyone interested in long-term cooperation.",
        "We also want to learn how other cities run similar programmes.",
    ),
    ("offer", "zh"): (
        "欢迎来访考察交流。",
        "可分享我们在海外项目中的经验。",
        "可为合作方安排实地参观。",
    ),
    ("seek", "zh"): (
        "也希望结识其他友好城市的参会机构。",
        "愿与有长期合作意向的机构交流。",
        "希望了解其他城市的类似做法。",
    ),
}


def state(
    direction: str,
    phrase: str,
    lang: str,
    rng: random.Random,
    *,
    in_return: bool = False,
    bare: bool = True,
) -> str:
    """One offer (direction "offer") or request ("seek") of ``phrase`` in ``lang``.

    ``in_return``: the phrase is a give-back, offered with plainer sentences; ``bare``: the
    phrase may stand alone, as a heading-like line.
    """
    roll = rng.random()
    if bare and lang in ("en", "zh") and roll < 0.15:
        return _capitalised(phrase) if lang == "en" else phrase
    frames, details = _frames(direction, lang)
    if in_return and direction == "offer" and lang in ("en", "zh"):
        frames = EN_OFFER_IN_RETURN if lang == "en" else ZH_OFFER_IN_RETURN
    text = rng.choice(frames).format(x=phrase, X=_capitalised(phrase))
    if details and roll > 0.75:
        text += (" " if lang == "en" else "") + rng.choice(details)
    return text


def problem(statement: str, phrase: str, lang: str, rng: random.Random) -> str:
    """A request told as the seeker's problem, sometimes followed by what would solve it."""
    if rng.random() < 0.3:
        follow_up = state("seek", phrase, lang, rng, bare=False)
        return statement + (" " if lang == "en" else "") + follow_up
    return statement


def side_remark(direction: str, lang: str, rng: random.Random) -> str:
    """A general remark that answers nobody's need (Chinese for Chinese writers, else English)."""
    return rng.choice(SIDE_REMARKS[(direction, "zh" if lang == "zh" else "en")])


def _frames(direction: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if lang == "en":
        return (EN_OFFER, EN_OFFER_DETAIL) if direction == "offer" else (EN_SEEK, EN_SEEK_DETAIL)
    if lang == "zh":
        return (ZH_OFFER, ZH_OFFER_DETAIL) if direction == "offer" else (ZH_SEEK, ZH_SEEK_DETAIL)
    return (OTHER_OFFER if direction == "offer" else OTHER_SEEK)[lang], ()


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
