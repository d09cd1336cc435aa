"""PDF attachments: streamed, checked by content, limited in size, served as downloads only."""

from __future__ import annotations

import hashlib

import pytest
from litestar.testing import TestClient

from opportunity_bank.opportunities.attachments import MAX_PDF_BYTES
from tests.workspace_helpers import make_staff, opening, page_form, sign_in


def tiny_pdf(text: str = "Hei") -> bytes:
    """A minimal valid one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    ]
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def staff(services):
    return make_staff(services)


@pytest.fixture
def draft(client, staff):
    response = client.post("/api/v1/opportunities", json=opening(), headers=staff.streets.auth)
    return response.json()["id"]


def upload(client, person, opportunity_id, content: bytes, name: str = "ohje.pdf"):
    return client.post(f"/api/v1/opportunities/{opportunity_id}/attachments", headers=person.auth,
                       files={"file": (name, content, "application/pdf")})


def stored_files(settings) -> list:
    """Spooled uploads left on disk: none may outlive its request."""
    directory = settings.attachments_dir
    return sorted(p for p in directory.rglob("*") if p.is_file()) if directory.exists() else []


def stored_bytes(services) -> dict[int, bytes]:
    """Each attachment's bytes as the database holds them."""
    from sqlmodel import Session, select

    from opportunity_bank.models import AttachmentChunk

    found: dict[int, bytes] = {}
    with Session(services.db) as session:
        for chunk in session.exec(select(AttachmentChunk).order_by(AttachmentChunk.attachment_id,
                                                                   AttachmentChunk.seq)):
            found[chunk.attachment_id] = found.get(chunk.attachment_id, b"") + chunk.data
    return found


def test_a_real_pdf_is_accepted_and_served_as_a_download(client, staff, draft, settings, services):
    pdf = tiny_pdf()
    response = upload(client, staff.streets, draft, pdf, "Työohje – kesä 2027.pdf")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["size"] == len(pdf) and body["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert stored_bytes(services) == {body["id"]: pdf}
    assert stored_files(settings) == []  # nothing left on this process's disk
    # A draft's attachment is for its editors only.
    anonymous = TestClient(client.app, base_url="http://testserver.local")
    assert anonymous.get(body["url"]).status_code == 404
    sign_in(client, staff.streets.email)
    download = client.get(body["url"])
    assert download.status_code == 200 and download.content == pdf
    assert download.headers["content-disposition"].startswith("attachment;")
    # The dash is not among the letters, digits and `.()-_ ` a download name keeps.
    assert "filename*=UTF-8''Ty%C3%B6ohje%20_%20kes%C3%A4%202027.pdf" in download.headers[
        "content-disposition"]
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["content-security-policy"] == "sandbox; default-src 'none'"
    client.post(f"/api/v1/opportunities/{draft}/status", json={"status": "published"},
                headers=staff.streets.auth)
    assert anonymous.get(body["url"]).status_code == 200


@pytest.mark.parametrize("content", [
    b"MZ\x90\x00 not a pdf at all, just named like one",
    tiny_pdf()[:-30],  # cut off: no startxref / %%EOF
    b"%PDF-1.4\nstartxref\n999999\n%%EOF\n",  # points outside the file
])
def test_not_a_pdf_is_refused_and_nothing_is_kept(client, staff, draft, settings, content):
    response = upload(client, staff.streets, draft, content)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file"
    assert stored_files(settings) == []


def test_eleven_megabytes_answer_413(client, staff, draft, settings):
    big = b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024)
    assert upload(client, staff.streets, draft, big).status_code == 413
    # Just over the limit, under the early Content-Length cut-off: refused while streaming.
    just_over = b"%PDF-1.4\n" + b"0" * (MAX_PDF_BYTES - 8)
    response = upload(client, staff.streets, draft, just_over)
    assert response.status_code == 413 and response.json()["errors"][0]["field"] == "file"
    assert response.json()["detail"] == "file: is larger than 10 MB"
    assert stored_files(settings) == []


def test_missing_file_field_and_wrong_content_type(client, staff, draft):
    path = f"/api/v1/opportunities/{draft}/attachments"
    response = client.post(path, headers=staff.streets.auth, files={"other": ("a.pdf", tiny_pdf())})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "file"
    response = client.post(path, headers=staff.streets.auth, content=tiny_pdf())
    assert response.status_code == 415


def test_another_unit_cannot_attach(client, staff, draft):
    assert upload(client, staff.geo, draft, tiny_pdf()).status_code == 404
    assert upload(client, staff.hr, draft, tiny_pdf()).status_code == 201


def test_upload_form_on_the_page_needs_its_csrf_token(client, staff, draft, settings):
    sign_in(client, staff.streets.email)
    token = page_form(client, f"/my/{draft}/edit")
    path = f"/my/{draft}/attachments"
    pdf = {"file": ("ohje.pdf", tiny_pdf(), "application/pdf")}
    assert client.post(path, files=pdf).status_code == 403
    assert stored_files(settings) == []
    response = client.post(path, data={"_csrf_token": token}, files=pdf, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(f"/my/{draft}/edit").text
    assert "ohje.pdf" in page and "attach" in page


def test_a_failed_row_leaves_no_file(services, settings, tmp_path):
    from sqlalchemy.exc import IntegrityError
    from sqlmodel import Session

    from opportunity_bank.opportunities.attachments import ReceivedFile, store_attachment

    settings.attachments_dir.mkdir(parents=True, exist_ok=True)
    temp = settings.attachments_dir / "upload.part"
    temp.write_bytes(tiny_pdf())
    received = ReceivedFile(temp, "ohje.pdf", temp.stat().st_size, "0" * 64)
    with Session(services.db) as session, pytest.raises(IntegrityError):
        # No such opening: the foreign key refuses the row, so the spooled file must go too.
        store_attachment(session, received, 987654, None)
    assert stored_files(settings) == [] and stored_bytes(services) == {}


@pytest.mark.parametrize(("sent", "offered"), [
    ("t.html", "t.pdf"),
    ("a.pdf;.html", "a.pdf"),
    ("\u202eevil\u202cfdp.exe", "evilfdp.pdf"),
    ("", "attachment.pdf"),
])
def test_downloads_are_always_offered_as_name_dot_pdf(client, staff, draft, sent, offered):
    response = upload(client, staff.streets, draft, tiny_pdf(), sent)
    assert response.status_code == 201, response.text
    assert response.json()["filename"] == offered
    download = client.get(response.json()["url"], headers=staff.streets.auth)
    dispositions = download.headers.get_list("content-disposition")
    assert len(dispositions) == 1 and dispositions[0].startswith("attachment;")
    assert f'filename="{offered}"' in dispositions[0].replace("?", "_")


def test_at_most_ten_attachments_and_fifty_megabytes_an_opening(client, staff, draft, services):
    from sqlmodel import Session

    from opportunity_bank.models import Attachment

    for number in range(10):
        assert upload(client, staff.streets, draft, tiny_pdf(f"{number}")).status_code == 201
    eleventh = upload(client, staff.streets, draft, tiny_pdf())
    assert eleventh.status_code == 409 and eleventh.json()["errors"][0]["field"] == "file"
    assert eleventh.json()["detail"].startswith("file: this opening already has 10 attachments")
    other = client.post("/api/v1/opportunities", json=opening(), headers=staff.streets.auth).json()["id"]
    with Session(services.db) as session:  # four 11 MB files' worth, without their bytes
        session.add_all(Attachment(opportunity_id=other, filename=f"{n}.pdf", stored_name=f"big{n}",
                                   size=11 * 1024 * 1024, sha256="0" * 64) for n in range(4))
        session.commit()
    six_mb = b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024)
    response = upload(client, staff.streets, other, six_mb)
    assert response.status_code == 413 and response.json()["errors"][0]["field"] == "file"
    assert upload(client, staff.streets, other, tiny_pdf()).status_code == 201


def test_an_editor_deletes_an_attachment(client, staff, draft, services):
    first = upload(client, staff.streets, draft, tiny_pdf("1")).json()
    second = upload(client, staff.streets, draft, tiny_pdf("2")).json()
    path = f"/api/v1/opportunities/{draft}/attachments"
    assert client.delete(f"{path}/{first['id']}", headers=staff.geo.auth).status_code == 404
    assert client.delete(f"{path}/{first['id']}", headers=staff.streets.auth).status_code == 204
    assert client.get(first["url"], headers=staff.streets.auth).status_code == 404
    assert set(stored_bytes(services)) == {second["id"]}
    sign_in(client, staff.streets.email)
    token = page_form(client, f"/my/{draft}/edit")
    response = client.post(f"/my/{draft}/attachments/{second['id']}/delete",
                           data={"_csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and stored_bytes(services) == {}
    assert "Attachment deleted" in client.get(f"/my/{draft}/edit").text  # in the change history


def test_a_second_app_process_serves_the_first_ones_attachment(client, staff, draft, settings, tmp_path):
    """Another `serve` on the same database, with a data directory of its own, as behind a
    load balancer; its access log does not keep a token that leaked into a link."""
    import httpx

    from tests.helpers import serve_subprocess

    pdf = tiny_pdf("toinen prosessi")
    url = upload(client, staff.streets, draft, pdf, "ohje.pdf").json()["url"]
    client.post(f"/api/v1/opportunities/{draft}/status", json={"status": "published"},
                headers=staff.streets.auth)
    shared = {"MEILI_URL": settings.meili_url, "MEILI_MASTER_KEY": settings.meili_master_key,
              "MEILI_INDEX": settings.meili_index, "SECRET_KEY": settings.secret_key, "ENV": "test"}
    second = tmp_path / "second" / "data"
    second.parent.mkdir()
    with serve_subprocess(settings.database_url, second, settings=shared) as (base, _env, _process):
        download = httpx.get(base + url + "?access_token=obk_leaked-secret-123", timeout=10)
        assert download.status_code == 200 and download.content == pdf
        assert download.headers["content-disposition"].count("filename=") == 1
    log = second.parent / "serve.log"
    text = log.read_text()
    assert url in text and "access_token=[redacted]" in text, text[-2000:]
    assert "leaked-secret" not in text
