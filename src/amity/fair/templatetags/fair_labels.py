"""Labels of the engine's classifications in the reader's language, for the fair's pages."""

from django import template

from amity.engine.matching import COOPERATION_TYPES
from amity.engine.matching.isic import isic_table
from amity.fair.views.common import is_chinese

register = template.Library()


@register.filter
def sector_labels(codes: list[str]) -> str:
    """ "4923 Freight transport by road, 7911 …": each ISIC code with its EN or ZH label."""
    table = isic_table()
    chinese = is_chinese()
    labelled = []
    for code in codes:
        entry = table.get(code)
        label = ((entry.label_zh if chinese else "") or entry.label_en) if entry else ""
        labelled.append(f"{code} {label}".strip())
    return "; ".join(labelled)


@register.filter
def cooperation_label(key: str) -> str:
    """A cooperation type of the engine's list in the reader's language."""
    if key not in COOPERATION_TYPES:
        return key
    english, chinese = COOPERATION_TYPES[key]
    return chinese if is_chinese() else english
