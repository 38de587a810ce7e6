"""Fixtures of the page tests: a signed-in browser client per persona and a case with clocks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ObligationFactory


@pytest.fixture
def login(client):
    """``login(user)`` -> the test client signed in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def clocks(case):
    """Open obligations on ``case``: one overdue, one due within 24 h, one this week, one later,
    one without a fixed deadline, and one already notified."""
    now = timezone.now()
    start = now - timedelta(days=2)
    make = ObligationFactory
    return {
        "overdue": make(incident=case, rule_code="DE-SA", clock_start_at=start,
                        due_at=now - timedelta(hours=3), authority="BfDI"),
        "day": make(incident=case, rule_code="FR-SA", jurisdiction="FR", clock_start_at=start,
                    due_at=now + timedelta(hours=5), authority="CNIL"),
        "week": make(incident=case, rule_code="US-CA-IND", jurisdiction="US-CA",
                     recipient="individuals", clock_start_at=start,
                     due_at=now + timedelta(days=4), authority="California residents"),
        "later": make(incident=case, rule_code="US-CA-AG", jurisdiction="US-CA",
                      recipient="attorney_general", clock_start_at=start,
                      due_at=now + timedelta(days=20), authority="California Attorney General",
                      computation=["start 2026-03-27 17:00 CET", "+ 30 calendar days"]),
        "no_deadline": make(incident=case, rule_code="DE-IND", recipient="individuals",
                            clock_start_at=start, due_at=None, deadline_kind="no_fixed_deadline",
                            timing_standard="without undue delay"),
        "notified": make(incident=case, rule_code="NL-SA", jurisdiction="NL",
                         clock_start_at=start, due_at=now - timedelta(hours=1),
                         status="notified", notified_at=now - timedelta(hours=30),
                         notified_method="portal", notified_to="AP meldloket",
                         notified_reference="AP-123", authority="Autoriteit Persoonsgegevens"),
    }  # fmt: skip
