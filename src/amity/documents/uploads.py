"""Limits on every uploaded file kept in a model's FileField or ImageField, in one place.

Each kind of upload names its extensions, the first bytes each must start with (a ``.pdf``
that is an executable is refused) and the setting holding its largest size. A model field
takes ``validators=upload_validators("document")``; the system check ``amity.E010`` (see
``checks.py``) fails for a file field without them, so a new field cannot forget its limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # .doc, .xls of old Office
PDF = (b"%PDF-",)
PNG = (b"\x89PNG\r\n\x1a\n",)
JPEG = (b"\xff\xd8\xff",)
ANY = (b"",)  # plain text: no signature to check


@dataclass(frozen=True)
class UploadKind:
    # Extension (lower case, with the dot) -> the signatures the file may start with.
    signatures: dict[str, tuple[bytes, ...]]
    # The setting with the largest size in bytes, and the size without it.
    max_bytes_setting: str
    default_max_bytes: int = 10 * 1024 * 1024

    @property
    def max_bytes(self) -> int:
        return getattr(settings, self.max_bytes_setting, self.default_max_bytes)


KINDS: dict[str, UploadKind] = {
    # An agreement or a project's document: what offices scan and write documents in.
    "document": UploadKind(
        signatures={
            ".pdf": PDF,
            ".doc": OLE,
            ".docx": ZIP,
            ".odt": ZIP,
            ".xlsx": ZIP,
            ".pptx": ZIP,
            ".jpg": JPEG,
            ".jpeg": JPEG,
            ".png": PNG,
        },
        max_bytes_setting="AMITY_DOCUMENT_MAX_BYTES",
    ),
    # A cooperation project's document: office files, PDFs and pictures, nothing executable.
    "project_document": UploadKind(
        signatures={
            ".pdf": PDF,
            ".docx": ZIP,
            ".xlsx": ZIP,
            ".pptx": ZIP,
            ".png": PNG,
            ".jpg": JPEG,
            ".jpeg": JPEG,
            ".txt": ANY,
        },
        max_bytes_setting="AMITY_COOPERATION_DOCUMENT_MAX_BYTES",
    ),
    # A photo or a logo shown on pages (badges, a firm's profile).
    "image": UploadKind(
        signatures={".jpg": JPEG, ".jpeg": JPEG, ".png": PNG},
        max_bytes_setting="AMITY_IMAGE_MAX_BYTES",
    ),
}
SIGNATURE_BYTES = 16


def extensions(kind: str) -> tuple[str, ...]:
    return tuple(KINDS[kind].signatures)


def check_upload(kind: str, upload) -> None:
    """Raise ValidationError naming the problem: too large, wrong kind, or content that is
    not what its extension says."""
    policy = KINDS[kind]
    size = getattr(upload, "size", None)
    if size is not None and size > policy.max_bytes:
        raise ValidationError(
            _("The file is larger than %(limit)s MB."),
            code="file_too_large",
            params={"limit": f"{policy.max_bytes / 1_000_000:g}"},
        )
    suffix = PurePath(getattr(upload, "name", "") or "").suffix.lower()
    if suffix not in policy.signatures:
        raise ValidationError(
            _("Choose a file of one of these kinds: %(kinds)s"),
            code="file_kind",
            params={"kinds": ", ".join(policy.signatures)},
        )
    head = _first_bytes(upload)
    if head is not None and not head.startswith(policy.signatures[suffix]):
        raise ValidationError(
            _("The file's content is not a %(kind)s file."),
            code="file_content",
            params={"kind": suffix},
        )


def _first_bytes(upload) -> bytes | None:
    # Only a file being uploaded is read: one already stored was checked when it came.
    if getattr(upload, "_committed", False) or not hasattr(upload, "read"):
        return None
    position = upload.tell() if hasattr(upload, "tell") else None
    head = upload.read(SIGNATURE_BYTES)
    if position is not None:
        upload.seek(position)
    return head


@deconstructible(path="amity.documents.uploads.UploadValidator")
class UploadValidator:
    """The model field's validator for one kind of upload (see ``KINDS``)."""

    def __init__(self, kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown kind of upload {kind!r}")
        self.kind = kind

    def __call__(self, upload) -> None:
        check_upload(self.kind, upload)

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash(self.kind)


def upload_validators(kind: str) -> list[UploadValidator]:
    return [UploadValidator(kind)]
