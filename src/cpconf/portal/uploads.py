"""Checking a drawing or photo a family sends: its size, and its type by what it holds (the
first bytes, then a full decode), never by its name or the type the browser claims.

Images are decoded and saved again, which drops what a phone writes into a photo (the place
it was taken, the camera): a child's photo must not carry the family's address.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000

FILE_TOO_LARGE = _("The file must be smaller than 5 MB")
FILE_EMPTY = _("The file you chose is empty")
FILE_WRONG_TYPE = _("The file must be a picture (PNG or JPEG) or a PDF")
FILE_DAMAGED = _("The file could not be opened. Try saving it again, or choose another file")

PNG = "image/png"
JPEG = "image/jpeg"
PDF = "application/pdf"
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"%PDF-", PDF))
EXTENSIONS = {PNG: "png", JPEG: "jpg", PDF: "pdf"}


class UploadRefused(ValueError):
    """The file cannot be kept; the message says why, in words for the family."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes


def type_of(head: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def check_upload(name: str, size: int, data: bytes) -> CheckedFile:
    if size > MAX_UPLOAD_BYTES or len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused(FILE_TOO_LARGE)
    if not data:
        raise UploadRefused(FILE_EMPTY)
    content_type = type_of(data[:16])
    if content_type is None:
        raise UploadRefused(FILE_WRONG_TYPE)
    cleaned = _checked_pdf(data) if content_type == PDF else _reencoded_image(data, content_type)
    return CheckedFile(_safe_name(name, content_type), content_type, cleaned)


def _checked_pdf(data: bytes) -> bytes:
    try:
        if not PdfReader(io.BytesIO(data)).pages:
            raise UploadRefused(FILE_DAMAGED)
    except (PyPdfError, IndexError, ValueError, KeyError, TypeError) as error:
        raise UploadRefused(FILE_DAMAGED) from error
    return data


def _reencoded_image(data: bytes, content_type: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise UploadRefused(FILE_TOO_LARGE)
            image.load()
            out = io.BytesIO()
            if content_type == PNG:
                image.save(out, format="PNG")
            else:
                image.convert("RGB").save(out, format="JPEG", quality=90)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise UploadRefused(FILE_DAMAGED) from error
    return out.getvalue()


def _safe_name(name: str, content_type: str) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = "".join(c if c.isalnum() or c in "-_ " else "-" for c in stem).strip() or "drawing"
    return f"{stem[:80]}.{EXTENSIONS[content_type]}"
