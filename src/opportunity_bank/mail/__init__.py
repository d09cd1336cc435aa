"""Outgoing mail: an outbox written in the caller's transaction and a sender that drains it.

Other features call `enqueue(session, to=..., template=..., language=..., context=...)`;
see docs/mail.md.
"""

from opportunity_bank.mail.outbox import enqueue, is_bouncing, mail_backlog

__all__ = ["enqueue", "is_bouncing", "mail_backlog"]
