"""PDF attachments: streamed to disk part by part, checked by content, stored under random names.

The upload is never held in memory: python-multipart's streaming parser is fed the request
body chunk by chunk, the size limit holds while reading, and the SHA-256 is computed on the
way. The file lands under a temporary name and is renamed only once it proved to be a PDF.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from python_multipart.multipart import MultipartParser, parse_options_header
from sqlmodel import Session

from opportunity_bank.models import Attachment

MAX_PDF_BYTES = 10 * 1024 * 1024
# Room for the multipart boundaries, part headers and a CSRF field around the file.
MULTIPART_OVERHEAD = 64 * 1024
MAX_FIELD_BYTES = 1024
TAIL_BYTES = 2048
INCOMING = ".incoming"
STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")


class UploadProblem(ValueError):
    """An upload refused; `status` is the HTTP answer (413, 415 or 422), `field` what was wrong."""

    def __init__(self, status: int, message: str, field: str = "file") -> None:
        super().__init__(message)
        self.status = status
        self.field = field
        self.message = message


def pdf_problem(head: bytes, tail: bytes, size: int) -> str | None:
    """Why these bytes are not a PDF, judged by content (never by the name); None if they are.

    A PDF starts with `%PDF-` and ends with `startxref N %%EOF`, N pointing inside the file.
    """
    if not head.startswith(b"%PDF-"):
        return "is not a PDF (it does not start with %PDF-)"
    matches = list(STARTXREF.finditer(tail))
    if not matches:
        return "is not a complete PDF (no startxref and %%EOF at the end)"
    if int(matches[-1].group(1)) >= size:
        return "is not a valid PDF (its cross-reference offset points outside the file)"
    return None


def clean_filename(name: str) -> str:
    """A name to show and to offer when downloading: no path, no control characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:200]
    return name or "attachment.pdf"


def content_disposition(filename: str) -> str:
    # RFC 6266: an ASCII fallback for old clients, the real name in filename*.
    fallback = filename.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


@dataclass
class ReceivedFile:
    temp_path: Path
    filename: str
    size: int
    sha256: str
    fields: dict[str, str] = field(default_factory=dict)


class _PartReader:
    """Callbacks for python-multipart: the `file` part goes to disk, small fields to memory."""

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self.handle = handle
        self.limit = limit
        self.digest = hashlib.sha256()
        self.size = 0
        self.head = b""
        self.tail = b""
        self.filename: str | None = None
        self.fields: dict[str, str] = {}
        self._header_field = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._name = ""
        self._value = bytearray()

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field,
            "on_header_value": self.header_value, "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self._headers, self._name, self._value = {}, "", bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field, self._header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        if self._name == "file":
            if self.filename is not None:
                raise UploadProblem(422, "send one file per request")
            self.filename = clean_filename(options.get(b"filename", b"").decode("utf-8", "replace"))

    def part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._name != "file":
            self._value += chunk
            if len(self._value) > MAX_FIELD_BYTES:
                raise UploadProblem(413, "a form field is too long", self._name or "form")
            return
        self.size += len(chunk)
        if self.size > self.limit:
            raise UploadProblem(413, f"is larger than {self.limit // (1024 * 1024)} MB")
        self.digest.update(chunk)
        if len(self.head) < 8:
            self.head += chunk[:8]
        self.tail = (self.tail + chunk)[-TAIL_BYTES:]
        self.handle.write(chunk)

    def part_end(self) -> None:
        if self._name and self._name != "file":
            self.fields[self._name] = self._value.decode("utf-8", "replace")


def multipart_boundary(content_type: str) -> bytes:
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadProblem(415, "send the PDF as multipart/form-data in the field `file`")
    return boundary


def check_declared_length(content_length: str | None, limit: int = MAX_PDF_BYTES) -> None:
    """Refuse before reading a byte when the client already says the body is too large."""
    if content_length and content_length.isdigit() and int(content_length) > limit + MULTIPART_OVERHEAD:
        raise UploadProblem(413, f"is larger than {limit // (1024 * 1024)} MB")


async def receive_pdf(chunks: AsyncIterator[bytes], content_type: str, directory: Path,
                      limit: int = MAX_PDF_BYTES) -> ReceivedFile:
    """Stream the `file` part to a temporary file and check it; the caller renames or deletes it."""
    boundary = multipart_boundary(content_type)
    incoming = directory / INCOMING
    incoming.mkdir(parents=True, exist_ok=True)
    temp_path = incoming / f"{secrets.token_hex(16)}.part"
    try:
        with open(temp_path, "xb") as handle:
            reader = _PartReader(handle, limit)
            parser = MultipartParser(boundary, reader.callbacks())
            async for chunk in chunks:
                parser.write(chunk)
            parser.finalize()
        if reader.filename is None:
            raise UploadProblem(422, "is required: send the PDF in the multipart field `file`")
        problem = pdf_problem(reader.head, reader.tail, reader.size)
        if problem:
            raise UploadProblem(422, problem)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    return ReceivedFile(temp_path, reader.filename, reader.size, reader.digest.hexdigest(),
                        reader.fields)


def store_attachment(session: Session, received: ReceivedFile, directory: Path,
                     opportunity_id: int, user_id: int) -> Attachment:
    """Rename the checked file into place and add its row; neither outlives the other's failure."""
    stored_name = secrets.token_hex(16)
    final_path = directory / stored_name
    os.replace(received.temp_path, final_path)
    try:
        attachment = Attachment(
            opportunity_id=opportunity_id, filename=received.filename, stored_name=stored_name,
            size=received.size, sha256=received.sha256, uploaded_by=user_id,
        )
        session.add(attachment)
        session.commit()
    except BaseException:
        session.rollback()
        final_path.unlink(missing_ok=True)
        raise
    return attachment


def discard(received: ReceivedFile) -> None:
    received.temp_path.unlink(missing_ok=True)
