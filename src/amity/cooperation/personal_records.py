"""Cooperation's part of a person's data (see ``amity.accounts.personal_data``): the project
updates they posted, the documents they uploaded and the fair outcomes they linked.

Erasing keeps the records — they are facts about the project, not about the person — and
removes who wrote, uploaded or linked them, in the records and in their history rows.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from amity.accounts.personal_data import PersonalData, register, scrub_history
from amity.cooperation.models import ProjectDocument, ProjectOutcome, ProjectUpdate

# Each record kind and the field that names the person.
AUTHORED = (
    (ProjectUpdate, "author"),
    (ProjectDocument, "uploaded_by"),
    (ProjectOutcome, "linked_by"),
)


def export_contributions(person) -> list[dict]:
    rows: list[dict] = []
    updates = ProjectUpdate.objects.filter(author=person).select_related("project")
    for update in updates.order_by("posted_on", "id"):
        rows.append(
            {
                "kind": "project update",
                "project": str(update.project),
                "date": update.posted_on,
                "text_en": update.text_en,
                "text_zh": update.text_zh,
            }
        )
    documents = ProjectDocument.objects.filter(uploaded_by=person).select_related("project")
    for document in documents.order_by("uploaded_on", "id"):
        rows.append(
            {
                "kind": "project document",
                "project": str(document.project),
                "date": document.uploaded_on,
                "title": document.title,
            }
        )
    links = ProjectOutcome.objects.filter(linked_by=person).select_related("project")
    for link in links.order_by("created_at", "id"):
        rows.append(
            {
                "kind": "fair outcome linked",
                "project": str(link.project),
                "date": link.created_at.date(),
                "outcome_id": link.outcome_id,
            }
        )
    return rows


def erase_contributions(person) -> int:
    erased = 0
    for model, field in AUTHORED:
        ids = list(model.objects.filter(**{field: person}).values_list("id", flat=True))
        model.objects.filter(id__in=ids).update(**{field: None})
        scrub_history(model, ids, {field: None})
        erased += len(ids)
    return erased


def register_all() -> None:
    register(
        PersonalData(
            key="cooperation.contributions",
            label=_("Cooperation project updates, documents and linked fair outcomes"),
            export=export_contributions,
            erase=erase_contributions,
        )
    )
