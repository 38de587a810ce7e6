"""Cases for the retention tests: closed long ago (expired), closed lately (kept), and held.

Each case has the Florida notice rule in play (Fla. Stat. 501.171(4)(c): five years), a file and
a note marked personal. Built on the models; the clock engine is not under test here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.files.base import ContentFile

from incidents.models import Attachment, Note
from retention.models import LegalHold
from tests.factories import IncidentFactory, ObligationFactory

AS_OF = date(2031, 6, 1)


def closed_case(owner, closed: datetime, *, title: str, team=()):
    case = IncidentFactory(
        owner=owner,
        title=title,
        team=team,
        status="closed",
        closed_at=closed,
        affected={"US-FL": 40},
    )
    ObligationFactory(
        incident=case,
        rule_code="US-FL-IND",
        rule_version=1,
        jurisdiction="US-FL",
        status="notified",
    )
    attachment = Attachment(
        incident=case,
        name="affected-people.csv",
        kind="affected_list",
        sha256="0" * 64,
        size=24,
        uploaded_by=owner,
    )
    attachment.file.save(
        "affected-people.csv", ContentFile(b"name,email\nAda,ada@x.org\n"), save=False
    )
    attachment.save()
    Note.objects.create(
        incident=case, author=owner, text="Call back Ada Lovelace on +1 305 555 0100", personal=True
    )
    Note.objects.create(incident=case, author=owner, text="Forensics engaged.")
    return case


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def three_cases(counsel, responder, media):
    """expired (closed 2025-01-10: kept to 2030-01-10), kept (closed 2027-03-01: to 2032-03-01)
    and held (closed 2025-01-10, expired, but on legal hold)."""
    expired = closed_case(
        counsel,
        datetime(2025, 1, 10, 12, tzinfo=UTC),
        title="Expired",
        team=[(responder, "responder")],
    )
    kept = closed_case(counsel, datetime(2027, 3, 1, 12, tzinfo=UTC), title="Kept")
    held = closed_case(counsel, datetime(2025, 1, 10, 12, tzinfo=UTC), title="Held")
    LegalHold.objects.create(incident=held, reason="Litigation: Doe v. Shop", set_by=counsel)
    return expired, kept, held


@pytest.fixture
def client_for(db):
    from tests.api.conftest import client_for as make

    return make.__wrapped__(db)
