"""Log filters: a refused request is worth a line in the log, not a traceback."""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Drops the traceback of django.request's records for 4xx responses.

    Django logs a PermissionDenied (an ordinary 403: a delegate opening the import page) with
    the exception attached, so the server log filled with tracebacks that are no error of the
    server. The line itself ("Forbidden (Permission denied): /en/…") stays.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
