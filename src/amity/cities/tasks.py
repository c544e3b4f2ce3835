"""Background work of the registry: importing a long file, with progress for its owner."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.cities.importing import ImportRejected, import_partnerships
from amity.jobs.domain import job_task

# The problems a failed job lists (all of them are counted).
ERRORS_LISTED = 20
IMPORTED = gettext_noop("%(created)s added, %(updated)s updated, %(unchanged)s unchanged")


@task()
@job_task
def import_file(progress, *, path: str, filename: str) -> dict:
    """Import a stored registry file (all rows or none), then delete the stored copy.

    The copy is kept when something else than the file failed (a database error, a killed
    worker): the job can then be started again without a new upload.
    """
    if not default_storage.exists(path):
        raise ValidationError(_("The uploaded file is no longer kept; upload it again."))
    try:
        with default_storage.open(path, "rb") as handle:
            data = handle.read()
        summary = import_partnerships(
            data, filename, max_rows=settings.AMITY_IMPORT_MAX_ROWS, progress=progress
        )
    except ImportRejected as rejected:
        default_storage.delete(path)
        listed = [str(error) for error in rejected.errors[:ERRORS_LISTED]]
        head = _("Nothing was imported: %(count)s problems. The first ones:") % {
            "count": rejected.total
        }
        raise ValidationError([head, *listed]) from None
    default_storage.delete(path)
    counts = {
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
    }
    progress(progress.total or 0, progress.total, IMPORTED, **counts)
    return {**counts, "url": reverse("cities:partner-list")}
