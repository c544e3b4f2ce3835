"""An import from the web (the import page and the API): bounded, and long files in the background.

A file larger than ``AMITY_IMPORT_MAX_BYTES`` or with more than ``AMITY_IMPORT_MAX_ROWS`` rows
is refused; one with more than ``AMITY_IMPORT_ROWS_IN_REQUEST`` rows is imported by a
background job whose progress its owner follows (a 21 MB file once took 75 s and 1.4 GB inside
one request). The command line (``amity import-partnerships``) has no such bounds.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from amity.cities.importing import ImportRejected, ImportSummary, RowError, count_rows
from amity.cities.importing import import_partnerships as import_now
from amity.jobs.domain import start_job
from amity.jobs.models import Job


def too_large(size: int) -> ImportRejected:
    megabytes = settings.AMITY_IMPORT_MAX_BYTES / 1_000_000
    return ImportRejected(
        [
            RowError(
                None,
                None,
                _("the file is larger than %(limit)s MB; split it into smaller files")
                % {"limit": f"{megabytes:g}"},
            )
        ]
    )


def import_upload(upload: UploadedFile, *, owner) -> ImportSummary | Job:
    """Import now and return the summary, or start a job for a long file and return it.

    Raises ImportRejected (nothing imported) for a file that is too large, unreadable, too
    long, or has bad rows (a small file's rows are checked here; a long file's in the job).
    """
    if upload.size is not None and upload.size > settings.AMITY_IMPORT_MAX_BYTES:
        raise too_large(upload.size)
    data = upload.read(settings.AMITY_IMPORT_MAX_BYTES + 1)
    if len(data) > settings.AMITY_IMPORT_MAX_BYTES:
        raise too_large(len(data))
    filename = PurePath(upload.name or "upload.csv").name
    max_rows = settings.AMITY_IMPORT_MAX_ROWS
    if count_rows(data, filename, max_rows=max_rows) <= settings.AMITY_IMPORT_ROWS_IN_REQUEST:
        return import_now(data, filename, max_rows=max_rows)
    from amity.cities.tasks import import_file

    # The task takes a stored file's name, not its bytes: task arguments are small JSON.
    stored = default_storage.save(f"imports/{uuid.uuid4().hex}-{filename}", ContentFile(data))
    return start_job(
        kind="cities.import",
        title=lambda: _("Import of %(file)s") % {"file": filename},
        owner=owner,
        task=import_file,
        path=stored,
        filename=filename,
    )
