"""Checking a drawing or photo a family sends: its size, and its type by what it holds (the
first bytes, then a full decode), never by its name or the type the browser claims.

Images are decoded and saved again, which drops what a phone writes into a photo (the place
it was taken, the camera): a child's photo must not carry the family's address.

A PDF is kept as sent, so it must be a plain document: it must be a PDF from its first byte to
its last (no web page before it, in its first bytes or after its end, which a browser could be
tricked into running), pypdf must read it, and nothing in it may run by itself or carry
something else. pypdf walks every object the file holds (the catalogue, pages, annotations,
forms, name trees, and any object the index lists), looking for JavaScript, actions run on
opening or by a page or field (/OpenAction, /AA), actions other than going to a page, a named
viewer command or a web address (so no /Launch), files tucked inside (/EmbeddedFiles), rich
media, sound and film, and XFA forms. A scan of the raw bytes outside streams looks again for
the names of those parts, in case an object hides where pypdf does not look but a viewer that
repairs files would.
"""

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, PdfObject

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000

FILE_TOO_LARGE = _("The file must be smaller than 5 MB")
FILE_EMPTY = _("The file you chose is empty")
FILE_WRONG_TYPE = _("The file must be a picture (PNG or JPEG) or a PDF")
FILE_DAMAGED = _("The file could not be opened. Try saving it again, or choose another file")
PDF_ACTIVE_CONTENT = _(
    "This PDF has parts that can run by themselves. "
    "Save it again as a plain PDF, or send a photo instead."
)
PDF_LOCKED = _(
    "This PDF is locked with a password. Save it again without a password, or send a photo instead."
)

PNG = "image/png"
JPEG = "image/jpeg"
PDF = "application/pdf"
PDF_MAGIC = b"%PDF-"
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (PDF_MAGIC, PDF))
EXTENSIONS = {PNG: "png", JPEG: "jpg", PDF: "pdf"}

# Where browsers and PDF readers look for what a file is: a PDF reader finds "%PDF-" anywhere in
# the first 1,024 bytes, and a browser that sniffs reads up to 1,445.
HEAD_BYTES = 2048
WEB_MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|frame|object|embed|svg|meta|link|style|form)"
    rb"[\s>/]",
    re.IGNORECASE,
)
PDF_END = b"%%EOF"
PDF_WHITESPACE = b" \t\r\n\x00\x0c"

# Parts of a PDF that run or carry something by themselves, by dictionary key.
ACTIVE_KEYS = frozenset(
    {
        "/JS",  # a JavaScript action's script
        "/JavaScript",  # the document's JavaScript name tree
        "/AA",  # additional actions: on a page, field or the document being opened or closed
        "/EmbeddedFiles",  # the name tree of files tucked inside
        "/EF",  # a file specification carrying the file itself
        "/XFA",  # an XML form, which may hold scripts
        "/RichMediaContent",
        "/RichMediaSettings",
    }
)
ACTIVE_TYPES = frozenset({"/EmbeddedFile", "/RichMediaContent", "/RichMediaExecute"})
ACTIVE_ANNOTATIONS = frozenset(
    {"/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"}
)
# Actions a reader takes only when someone clicks, and which run nothing.
SAFE_ACTIONS = frozenset({"/GoTo", "/URI", "/Named"})
SAFE_WEB_ADDRESS = re.compile(r"(?:https?://|mailto:)", re.IGNORECASE)


def _raw_name(name: str) -> bytes:
    """A PDF name as it may be written in the file, each letter as itself or as #xx."""
    return b"/" + b"".join(
        b"(?:" + re.escape(letter.encode()) + b"|#" + _hex_either_case(ord(letter)) + b")"
        for letter in name
    )


def _hex_either_case(code: int) -> bytes:
    return b"".join(
        f"[{digit.lower()}{digit.upper()}]".encode() if digit.isalpha() else digit.encode()
        for digit in f"{code:02x}"
    )


RAW_ACTIVE_NAMES = re.compile(
    b"(?:"
    + b"|".join(
        _raw_name(name)
        for name in (
            "JavaScript",
            "JS",
            "AA",
            "Launch",
            "EmbeddedFiles",
            "EmbeddedFile",
            "RichMedia",
            "XFA",
            "SubmitForm",
            "ImportData",
        )
    )
    + rb")(?=[\s\x00/<>\[\]()%{}]|$)"
)
STREAM_BODY = re.compile(rb">>[\s\x00]*stream(?:\r\n|\n|\r).*?endstream", re.DOTALL)


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
        if PDF_MAGIC in data[:HEAD_BYTES] and WEB_MARKUP.search(data[:HEAD_BYTES]):
            raise UploadRefused(PDF_ACTIVE_CONTENT)  # a web page with a PDF inside it
        raise UploadRefused(FILE_WRONG_TYPE)
    cleaned = _checked_pdf(data) if content_type == PDF else _reencoded_image(data, content_type)
    return CheckedFile(_safe_name(name, content_type), content_type, cleaned)


def _checked_pdf(data: bytes) -> bytes:
    if WEB_MARKUP.search(data[:HEAD_BYTES]):
        raise UploadRefused(PDF_ACTIVE_CONTENT)
    end = data.rfind(PDF_END)
    if end < 0:
        raise UploadRefused(FILE_DAMAGED)
    if data[end + len(PDF_END) :].strip(PDF_WHITESPACE):
        raise UploadRefused(PDF_ACTIVE_CONTENT)  # something stuck on after the end
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opened_without_password(reader):
            raise UploadRefused(PDF_LOCKED)
        if not reader.pages:
            raise UploadRefused(FILE_DAMAGED)
        active = any(_is_active(part) for part in _every_dictionary(reader))
    except UploadRefused:
        raise
    except Exception as error:  # pypdf raises many kinds of error on a broken or hostile file
        raise UploadRefused(FILE_DAMAGED) from error
    if active or RAW_ACTIVE_NAMES.search(STREAM_BODY.sub(b"", data)):
        raise UploadRefused(PDF_ACTIVE_CONTENT)
    return data


def _opened_without_password(reader: PdfReader) -> bool:
    """A PDF locked only against changes opens with an empty password, and can be checked."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an encryption pypdf cannot undo here is a lock all the same
        return False


def _every_dictionary(reader: PdfReader) -> Iterator[DictionaryObject]:
    """Every dictionary reachable from the trailer or listed in the index, each object once."""
    pending: list[PdfObject] = [reader.trailer]
    for generation, numbers in reader.xref.items():
        if generation != 65535:  # free entries
            pending += [IndirectObject(number, generation, reader) for number in numbers]
    pending += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    seen: set[tuple[int, int]] = set()
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
        target = item.get_object()
        if isinstance(target, DictionaryObject):  # streams too, by their dictionary
            yield target
            pending += dict.values(target)  # as written: references stay references
        elif isinstance(target, ArrayObject):
            pending += list.__iter__(target)


def _is_active(part: DictionaryObject) -> bool:
    if ACTIVE_KEYS.intersection(part.keys()):
        return True
    if _name(part, "/Type") in ACTIVE_TYPES or _name(part, "/Subtype") in ACTIVE_ANNOTATIONS:
        return True
    if isinstance(_value(part, "/OpenAction"), DictionaryObject):
        return True  # an action run on opening (a page to open at is an array, and is fine)
    if _name(part, "/Type") == "/Action" and _is_unsafe_action(part):
        return True
    return any(_is_unsafe_action(action) for action in _actions_under(part))


def _value(part: DictionaryObject, key: str) -> PdfObject | None:
    """The value under `key`, followed if it is a reference to another object."""
    value = part.get(key)
    return value.get_object() if value is not None else None


def _name(part: DictionaryObject, key: str) -> str:
    value = _value(part, key)
    return str(value) if isinstance(value, NameObject) else ""


def _actions_under(part: DictionaryObject) -> Iterator[DictionaryObject]:
    """The actions an annotation, outline item or action points to by /A or /Next."""
    for key in ("/A", "/Next"):
        value = _value(part, key)
        for item in value if isinstance(value, ArrayObject) else [value]:
            action = item.get_object() if item is not None else None
            if isinstance(action, DictionaryObject) and "/S" in action:
                yield action


def _is_unsafe_action(action: DictionaryObject) -> bool:
    kind = _name(action, "/S")
    if kind not in SAFE_ACTIONS:
        return True
    return kind == "/URI" and not SAFE_WEB_ADDRESS.match(str(_value(action, "/URI") or ""))


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
