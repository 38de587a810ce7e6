"""The purge removes exactly the expired cases' personal data, never a held case's, and records
each case it purges (timeline and audit trail)."""

from __future__ import annotations

import io
import os

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEvent
from incidents.models import Activity, Attachment, Note
from retention.actions import REMOVED_NAME, purge_expired
from retention.models import CasePurge
from retention.selectors import case_retention

from .conftest import AS_OF

pytestmark = pytest.mark.django_db


def dry_run(as_of: str) -> list[str]:
    out = io.StringIO()
    call_command("purge_expired", "--dry-run", "--as-of", as_of, stdout=out)
    return out.getvalue().split()


def test_retention_date_comes_from_the_florida_rule(three_cases):
    expired, kept, _ = three_cases
    retention = case_retention(expired)
    assert retention.retention.years == 5
    assert str(retention.until) == "2030-01-10"
    assert any("Fla. Stat. 501.171(4)(c)" in line for line in retention.retention.why)
    assert str(case_retention(kept).until) == "2032-03-01"


def test_dry_run_lists_the_expired_only_and_changes_nothing(three_cases):
    expired, kept, held = three_cases
    assert dry_run("2031-06-01") == [expired.reference]
    assert dry_run("2030-01-10") == []  # the last day kept
    assert dry_run("2030-01-11") == [expired.reference]
    assert dry_run("2032-03-02") == [expired.reference, kept.reference]
    assert held.reference not in dry_run("2099-01-01")
    assert not CasePurge.objects.exists()
    assert Attachment.objects.exclude(file="").count() == 3


def test_bad_date_is_refused_in_words():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("purge_expired", "--dry-run", "--as-of", "01/06/2031")


def test_purge_removes_personal_data_of_expired_cases_only(
    three_cases, django_capture_on_commit_callbacks
):
    expired, kept, held = three_cases
    files = {a.incident_id: a.file.path for a in Attachment.objects.all()}
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_expired(as_of=AS_OF) == [expired.reference]

    gone = Attachment.objects.get(incident=expired)
    assert gone.file.name == "" and gone.name == REMOVED_NAME and gone.sha256 == "0" * 64
    assert not os.path.exists(files[expired.pk])
    assert Note.objects.get(incident=expired, personal=True).text == ""
    assert Note.objects.get(incident=expired, personal=False).text == "Forensics engaged."
    for untouched in (kept, held):
        assert Attachment.objects.get(incident=untouched).name == "affected-people.csv"
        assert os.path.exists(files[untouched.pk])
        assert "Ada Lovelace" in Note.objects.get(incident=untouched, personal=True).text

    purge = CasePurge.objects.get()
    assert (purge.incident_id, purge.attachments, purge.notes) == (expired.pk, 1, 1)
    entry = Activity.objects.get(incident=expired, kind="personal_data_purged")
    assert entry.actor is None and "2030-01-10" in entry.summary
    audit = AuditEvent.objects.filter(incident_id=expired.pk, action="personal_data_purged")
    assert audit.count() == 1
    assert not AuditEvent.objects.filter(action="personal_data_purged").exclude(
        incident_id=expired.pk
    )
    # Run again: nothing left to purge, nothing written twice.
    assert purge_expired(as_of=AS_OF) == []
    assert CasePurge.objects.count() == 1


def test_purged_case_still_opens_and_says_what_was_removed(
    three_cases, client, counsel, django_capture_on_commit_callbacks
):
    expired, _, _ = three_cases
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(as_of=AS_OF)
    client.force_login(counsel)
    page = client.get(f"/incidents/{expired.pk}/").content.decode()
    assert "Personal data removed (retention ended)" in page
