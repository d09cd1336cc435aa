"""PDF attachments: streamed in, checked by content, kept in the database in chunks.

The upload is never held in memory: python-multipart's streaming parser is fed the request
body chunk by chunk in a worker thread (parsing, hashing and writing stay off the event
loop), the size limit holds while reading, and the SHA-256 is computed on the way. The file
is spooled to a temporary file and goes into `attachment_chunks` only once it proved to be a
PDF, in the transaction that adds its row; downloads read it back a chunk at a time. In the
database, every app process serves every attachment and every backup holds them.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

import anyio
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from sqlalchemy import func, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank.models import Attachment, AttachmentChunk, Opportunity

MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_PER_OPENING = 10
MAX_BYTES_PER_OPENING = 50 * 1024 * 1024
CHUNK_BYTES = 256 * 1024
# Room for the multipart boundaries, part headers and a CSRF field around the file.
MULTIPART_OVERHEAD = 64 * 1024
MAX_FIELD_BYTES = 1024
TAIL_BYTES = 2048
INCOMING = ".incoming"
STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")


class UploadProblem(ValueError):
    """An upload refused; `status` is the HTTP answer (400, 409, 413, 415 or 422), `field` what was wrong."""

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


def download_name(name: str) -> str:
    """`<name>.pdf` whatever was uploaded: `t.html` becomes `t.pdf`, `a.pdf;.html` `a.pdf`.

    Only letters, digits, spaces and `.()-_` remain, so no quote, semicolon or direction
    override can change the header or how the name reads.
    """
    cleaned = re.sub(r"[^\w .()\-]", "_", clean_filename(name))
    stem = cleaned.rsplit(".", 1)[0] if "." in cleaned else cleaned
    while True:
        stem = stem.strip(" ._")
        if not stem.lower().endswith(".pdf"):
            break
        stem = stem[:-4]
    return f"{stem[:150] or 'attachment'}.pdf"


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
            self.filename = download_name(options.get(b"filename", b"").decode("utf-8", "replace"))

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
    if kind != b"multipart/form-data" or not boundary or len(boundary) > 70:  # RFC 2046
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
            try:
                async for chunk in chunks:
                    await anyio.to_thread.run_sync(parser.write, chunk)
                parser.finalize()
            except MultipartParseError:
                raise UploadProblem(400, "is not in a readable multipart/form-data body") from None
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


def room_left(session: Session, opportunity_id: int) -> int:
    """Bytes the opening may still take; UploadProblem when it has all the files it may have."""
    count, used = session.exec(
        select(func.count(), func.coalesce(func.sum(Attachment.size), 0))
        .where(Attachment.opportunity_id == opportunity_id)
    ).one()
    if count >= MAX_PER_OPENING:
        raise UploadProblem(409, f"this opening already has {MAX_PER_OPENING} attachments; "
                                 "delete one first")
    left = MAX_BYTES_PER_OPENING - used
    if left <= 0:
        raise UploadProblem(413, f"this opening's attachments already take "
                                 f"{MAX_BYTES_PER_OPENING // (1024 * 1024)} MB; delete one first")
    return min(MAX_PDF_BYTES, left)


def store_attachment(session: Session, received: ReceivedFile, opportunity_id: int,
                     user_id: int) -> Attachment:
    """Add the checked file's row and chunks and commit; the spooled file is removed either way."""
    try:
        # Locks the opening on PostgreSQL, so two parallel uploads cannot both take the last room.
        session.exec(select(Opportunity.id).where(Opportunity.id == opportunity_id).with_for_update())
        if received.size > room_left(session, opportunity_id):
            raise UploadProblem(413, f"would take this opening's attachments over "
                                     f"{MAX_BYTES_PER_OPENING // (1024 * 1024)} MB")
        attachment = Attachment(
            opportunity_id=opportunity_id, filename=received.filename,
            stored_name=secrets.token_hex(16), size=received.size, sha256=received.sha256,
            uploaded_by=user_id,
        )
        session.add(attachment)
        session.flush()
        with received.temp_path.open("rb") as handle:
            for seq, data in enumerate(iter(lambda: handle.read(CHUNK_BYTES), b"")):
                session.execute(insert(AttachmentChunk),
                                {"attachment_id": attachment.id, "seq": seq, "data": data})
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        discard(received)
    return attachment


def read_chunks(engine: Engine, attachment_id: int) -> Iterator[bytes]:
    """The attachment's bytes a chunk at a time, each read in its own short transaction."""
    seq = 0
    while True:
        with Session(engine) as session:
            data = session.exec(select(AttachmentChunk.data).where(
                AttachmentChunk.attachment_id == attachment_id, AttachmentChunk.seq == seq)).first()
        if data is None:
            return
        yield data
        seq += 1


def delete_attachment(session: Session, attachment: Attachment) -> None:
    session.exec(AttachmentChunk.__table__.delete().where(
        AttachmentChunk.attachment_id == attachment.id))
    session.delete(attachment)


def discard(received: ReceivedFile) -> None:
    received.temp_path.unlink(missing_ok=True)
