"""`serve` as an operator runs it sends mail by itself: the confirmation of a subscription
reaches a real SMTP server within seconds, and /readyz shows the mail backlog."""

from __future__ import annotations

import httpx

from tests.helpers import serve_subprocess, wait_until


def test_serve_sends_the_confirmation_mail_at_once(settings, smtp, monkeypatch, tmp_path):
    monkeypatch.setenv("OPPORTUNITY_BANK_SMTP_URL", smtp.url)
    monkeypatch.setenv("OPPORTUNITY_BANK_PUBLIC_URL", "https://mahdollisuudet.espoo.fi")
    monkeypatch.setenv("OPPORTUNITY_BANK_MAIL_FROM", "Mahdollisuuspankki <noreply@espoo.fi>")
    with serve_subprocess(settings.database_url, tmp_path / "data") as (base, _env, _process):
        answer = httpx.post(f"{base}/api/v1/alerts", json={
            "email": "opiskelija@example.fi", "frequency": "weekly", "language": "sv",
            "search": {"q": "sommarjobb"}}, timeout=10)
        assert answer.status_code == 202, answer.text
        (message,) = wait_until(lambda: smtp.to("opiskelija@example.fi"), timeout=10)
        assert message["Subject"] == "Bekräfta din jobbevakning"
        ready = httpx.get(f"{base}/readyz", timeout=10).json()
        assert ready["mail_outbox"]["pending"] == 0 and ready["mail_outbox"]["failed"] == 0
    log = (tmp_path / "serve.log").read_text()
    assert "opiskelija@example.fi" not in log
