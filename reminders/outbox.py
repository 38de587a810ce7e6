"""The local outbox: with no ``EMAIL_URL``, mail is written to ``var/outbox/``, one ``.eml`` file
per message (any mail client opens them), and people read it in the product at ``/outbox/``.

Each person sees only the messages addressed to them; a superuser sees all. Messages are parsed,
never rendered as HTML: the page shows the plain-text part.
"""

from __future__ import annotations

import email
import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

BACKEND = "reminders.outbox.EmlOutboxBackend"
MAX_MESSAGES = 500  # newest first; an outbox is a demo and laptop feature, not an archive


class EmlOutboxBackend(BaseEmailBackend):
    """Writes each message to its own ``.eml`` file, atomically (a reader never sees half)."""

    _lock = threading.Lock()

    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages):
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            raw = message.message().as_bytes()
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            name = f"{stamp}-{hashlib.sha256(raw).hexdigest()[:12]}.eml"
            with self._lock:
                fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".part")
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.write(raw)
                    os.replace(tmp, self.directory / name)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    if not self.fail_silently:
                        raise
                    continue
            sent += 1
        return sent


@dataclass(frozen=True)
class OutboxMessage:
    key: str
    subject: str
    sender: str
    recipients: tuple[str, ...]
    sent_at: datetime | None
    message_id: str
    text: str


def enabled() -> bool:
    return settings.EMAIL_BACKEND == BACKEND


def parse_message(raw: bytes, key: str) -> OutboxMessage:
    """One ``.eml`` file's message (pure: table-tested without a file system)."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    addresses = getaddresses(msg.get_all("to", []) + msg.get_all("cc", []))
    try:
        sent_at = parsedate_to_datetime(msg["date"]) if msg["date"] else None
    except (TypeError, ValueError):
        sent_at = None
    body = msg.get_body(preferencelist=("plain",))
    return OutboxMessage(
        key=key,
        subject=str(msg["subject"] or ""),
        sender=str(msg["from"] or ""),
        recipients=tuple(addr.lower() for _, addr in addresses if addr),
        sent_at=sent_at,
        message_id=str(msg["message-id"] or ""),
        text=body.get_content() if body is not None else "",
    )


def messages_for(user, directory: Path | None = None) -> list[OutboxMessage]:
    """The newest outbox messages this user may read: those addressed to them."""
    directory = Path(directory or settings.EMAIL_FILE_PATH)
    if not directory.is_dir():
        return []
    own = (user.email or "").lower()
    found: list[OutboxMessage] = []
    for path in sorted(directory.glob("*.eml"), reverse=True):
        message = parse_message(path.read_bytes(), key=path.stem)
        if user.is_superuser or (own and own in message.recipients):
            found.append(message)
            if len(found) >= MAX_MESSAGES:
                break
    return found


def context(request):
    """Template context: show the Outbox link only when mail goes to the local outbox."""
    return {"outbox_enabled": enabled()}
