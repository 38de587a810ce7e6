"""The forms: invalid input is named next to its field, nothing typed is lost, nothing is saved;
valid input goes through ``incidents.actions`` and shows on the case."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from incidents.models import Activity, Incident, Obligation

pytestmark = pytest.mark.django_db

GOOD_CASE = {
    "title": "Web skimmer on checkout",
    "description": "Script injected into the payment page.",
    "severity": "high",
    "discovered_at": "2026-03-27T17:00",
    "occurred_at": "2026-03-20T10:00",
    "times_zone": "Europe/Berlin",
    "role": "controller",
    "main_establishment": "DE",
    "established_in": "DE",
    "data": ["name", "contact", "payment_card"],
    "risk_of_harm": "high",
    "cause": "external_attack",
    "affected": "DE 9000\nFR 3000\nUS-CA 600",
    "event_basis": "SOC ticket 4411",
}


def field_error(body: str, field: str) -> str:
    """The error list rendered next to ``field`` (empty if none)."""
    marker = f'id="id_{field}_error"'
    if marker not in body:
        return ""
    start = body.index(marker)
    return body[start : body.index("</ul>", start)]


def test_open_an_incident_computes_its_deadlines(login, counsel):
    response = login(counsel).post(reverse("incidents:create"), GOOD_CASE)
    assert response.status_code == 302
    incident = Incident.objects.unrestricted("test").get(title="Web skimmer on checkout")
    assert response["Location"] == reverse("incidents:detail", args=[incident.pk])
    assert incident.owner == counsel
    discovered = incident.events.get(event="discovered_at").at
    # 17:00 in Berlin on 27 March 2026 (CET, UTC+1) is 16:00 UTC.
    assert discovered == datetime(2026, 3, 27, 16, 0, tzinfo=UTC)
    event = incident.events.get(event="discovered_at")
    assert (event.determined_by, event.basis) == (counsel, "SOC ticket 4411")
    assert {a.jurisdiction: a.count for a in incident.affected.all()} == {
        "DE": 9000,
        "FR": 3000,
        "US-CA": 600,
    }
    assert incident.obligations.filter(jurisdiction="DE", recipient="supervisory_authority")
    page = login(counsel).get(response["Location"]).content.decode()
    assert "72" in page and "supervisory" in page.lower()


def test_open_an_incident_with_bad_input_keeps_everything_typed(login, counsel):
    bad = {**GOOD_CASE, "title": "", "discovered_at": "", "affected": "DE 9000\nXX-LONGER 5"}
    response = login(counsel).post(reverse("incidents:create"), bad)
    assert response.status_code == 200
    body = response.content.decode()
    assert "This field is required" in field_error(body, "title")
    assert "This field is required" in field_error(body, "discovered_at")
    assert "Line 2" in field_error(body, "affected")
    # Nothing lost: every other answer is still in the form.
    assert "Script injected into the payment page." in body
    assert 'value="2026-03-20T10:00"' in body
    assert "DE 9000\nXX-LONGER 5" in body
    assert re.search(r'value="payment_card"[^>]*checked', body)
    assert not Incident.objects.unrestricted("test").exists()


def test_a_time_that_a_clock_change_makes_ambiguous_is_refused(login, counsel):
    # 29 March 2026, 02:30 does not exist in Berlin (clocks jump from 02:00 to 03:00).
    bad = {**GOOD_CASE, "discovered_at": "2026-03-29T02:30"}
    body = login(counsel).post(reverse("incidents:create"), bad).content.decode()
    assert "clock change" in field_error(body, "discovered_at")
    assert not Incident.objects.unrestricted("test").exists()


def test_an_engine_refusal_is_shown_next_to_the_field(login, counsel):
    # A code the form accepts but the rule book does not know: the engine names the field.
    bad = {**GOOD_CASE, "affected": "ZZ 10"}
    body = login(counsel).post(reverse("incidents:create"), bad).content.decode()
    assert field_error(body, "affected") or "errorlist nonfield" in body
    assert "ZZ 10" in body
    assert not Incident.objects.unrestricted("test").exists()


@pytest.fixture
def real_case(open_case, counsel, responder):
    from incidents.actions import add_team_member

    incident = open_case(counsel)
    add_team_member(incident, responder, "responder", acting_user=counsel)
    return incident


def test_edit_the_facts_recomputes_and_records_the_change(login, counsel, real_case):
    client = login(counsel)
    form = client.get(reverse("incidents:edit", args=[real_case.pk])).context["facts"]
    data = {
        **{k: v for k, v in form.initial.items() if v not in (None, "")},
        **{k: v for k, v in client.get(reverse("incidents:edit", args=[real_case.pk]))
           .context["details"].initial.items() if v not in (None, "")},
    }  # fmt: skip
    for name in ("discovered_at", "occurred_at"):
        if data.get(name):
            data[name] = data[name].astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
    data["times_zone"] = "UTC"
    data["aware_at"] = "2026-03-30T09:00"
    data["change_reason"] = "Forensics confirmed exfiltration"
    response = client.post(reverse("incidents:edit", args=[real_case.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert real_case.events.get(event="aware_at").at == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
    assert Activity.objects.filter(incident=real_case, kind="facts_changed").exists()


def test_affected_people_typed_and_from_csv(login, responder, real_case):
    client = login(responder)
    url = reverse("incidents:affected", args=[real_case.pk])
    bad = client.post(url, {"counts": "DE 9000\nFR lots"})
    assert "Line 2" in field_error(bad.content.decode(), "counts")
    assert "FR lots" in bad.content.decode()
    ok = client.post(url, {"counts": "DE 9000\nUS-NY 700"})
    assert ok.status_code == 302
    assert {a.jurisdiction: a.count for a in real_case.affected.all()} == {
        "DE": 9000,
        "US-NY": 700,
    }
    upload = SimpleUploadedFile("counts.csv", b"jurisdiction,count\nUS-TX,12000\nFR,3000\n")
    ok = client.post(url, {"upload": "1", "file": upload})
    assert ok.status_code == 302
    assert {a.jurisdiction: a.count for a in real_case.affected.all()} == {
        "DE": 9000,
        "US-NY": 700,
        "US-TX": 12000,
        "FR": 3000,
    }
    broken = SimpleUploadedFile("counts.csv", b"jurisdiction,count\nUS-TX,many\n")
    body = client.post(url, {"upload": "1", "file": broken}).content.decode()
    assert "Line 2" in field_error(body, "file") or "line 2" in field_error(body, "file").lower()


def test_record_a_notification_with_its_filing(login, responder, real_case):
    client = login(responder)
    ob = real_case.obligations.filter(status="open").exclude(due_at=None).first()
    url = reverse("incidents:notify", args=[real_case.pk, ob.pk])
    missing = client.post(url, {"sent_at": "", "method": "portal", "sent_to": "BfDI portal"})
    body = missing.content.decode()
    assert "This field is required" in field_error(body, "sent_at")
    assert 'value="BfDI portal"' in body
    future = client.post(
        url,
        {"sent_at": "2099-01-01T10:00", "times_zone": "UTC", "method": "portal",
         "sent_to": "BfDI portal"},
    )  # fmt: skip
    assert "future" in field_error(future.content.decode(), "sent_at")
    filing = SimpleUploadedFile("filing.pdf", b"%PDF-1.4 notification", "application/pdf")
    response = client.post(
        url,
        {"sent_at": "2026-03-28T09:15", "times_zone": "Europe/Berlin", "method": "portal",
         "sent_to": "BfDI online form", "reference": "BfDI-2026-77", "evidence": filing},
    )  # fmt: skip
    assert response.status_code == 302
    ob.refresh_from_db()
    assert ob.status == "notified"
    assert ob.notified_at == datetime(2026, 3, 28, 8, 15, tzinfo=UTC)
    assert ob.notified_reference == "BfDI-2026-77"
    assert ob.evidence.name == "filing.pdf"
    download = client.get(reverse("incidents:attachment", args=[real_case.pk, ob.evidence_id]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 notification"


def test_not_required_needs_a_reason(login, responder, real_case):
    client = login(responder)
    ob = real_case.obligations.filter(status="open").first()
    url = reverse("incidents:decide", args=[real_case.pk, ob.pk])
    body = client.post(url, {"decision": "waived", "reason": ""}).content.decode()
    assert "This field is required" in field_error(body, "reason")
    response = client.post(url, {"decision": "not_required", "reason": "Data was encrypted"})
    assert response.status_code == 302
    ob.refresh_from_db()
    assert (ob.status, ob.reason) == ("not_required", "Data was encrypted")


def test_add_a_team_member_and_a_note(login, counsel, real_case, outsider):
    client = login(counsel)
    url = reverse("incidents:team", args=[real_case.pk])
    body = client.post(url, {"username": "nobody.here", "role": "viewer"}).content.decode()
    assert "No active user" in field_error(body, "username")
    assert client.post(url, {"username": outsider.username, "role": "viewer"}).status_code == 302
    assert real_case.team.filter(user=outsider, role="viewer").exists()
    note_url = reverse("incidents:note", args=[real_case.pk])
    empty = client.post(note_url, {"text": "  "}).content.decode()
    assert "Write a note or choose a file" in empty
    upload = SimpleUploadedFile("log.txt", b"access log excerpt")
    response = client.post(
        note_url, {"text": "Logs preserved.", "file": upload, "kind": "evidence"}
    )
    assert response.status_code == 302
    assert real_case.notes.get().text == "Logs preserved."
    assert real_case.attachments.get().name == "log.txt"


def test_change_the_case_status(login, counsel, real_case):
    client = login(counsel)
    client.post(reverse("incidents:status", args=[real_case.pk]), {"status": "investigating"})
    real_case.refresh_from_db()
    assert real_case.status == "investigating"


def test_what_if_shows_obligations_and_stores_nothing(login, responder):
    client = login(responder)
    response = client.post(reverse("incidents:what_if"), GOOD_CASE)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Obligations (" in body
    assert "GDPR" in body or "Art. 33" in body or "33" in body
    assert "How this date was computed" in body
    assert not Incident.objects.unrestricted("test").exists()
    assert not Obligation.objects.exists()
    bad = client.post(reverse("incidents:what_if"), {**GOOD_CASE, "discovered_at": "soon"})
    assert "Enter a valid date/time" in field_error(bad.content.decode(), "discovered_at")
    assert "DE 9000" in bad.content.decode()


OUT_OF_RANGE = [
    ("count > 2^63", {"affected": "DE 99999999999999999999999"}, "affected", "at most"),
    ("count > world", {"affected": "DE 2000000001"}, "affected", "at most"),
    (
        "a place twice",
        {"affected": "DE 1500000000\nde 1500000000"},
        "affected",
        "already on line 1",
    ),
    ("superscript digit", {"affected": "DE ²"}, "affected", "whole number"),
    ("year 1", {"discovered_at": "0001-01-01T00:00"}, "discovered_at", "range"),
    ("year 9999", {"occurred_at": "9999-12-31T23:59"}, "occurred_at", "range"),
]


@pytest.mark.parametrize(
    ("change", "field", "words"), [o[1:] for o in OUT_OF_RANGE], ids=[o[0] for o in OUT_OF_RANGE]
)
def test_out_of_range_answers_are_named_next_to_the_field(login, counsel, change, field, words):
    response = login(counsel).post(reverse("incidents:create"), {**GOOD_CASE, **change})
    assert response.status_code == 200
    body = response.content.decode()
    assert words in field_error(body, field), field_error(body, field) or body[:3000]
    assert not Incident.objects.unrestricted("test").exists()


def test_out_of_range_counts_on_the_affected_page(login, responder, real_case):
    client = login(responder)
    url = reverse("incidents:affected", args=[real_case.pk])
    before = {a.jurisdiction: a.count for a in real_case.affected.all()}
    typed = client.post(url, {"counts": "DE 99999999999999999999999"})
    assert typed.status_code == 200
    assert "at most" in field_error(typed.content.decode(), "counts")
    for row in (b"DE,99999999999999999999999", b"DE,2147483648", b"DE,-99999999999999999999999"):
        upload = SimpleUploadedFile("counts.csv", b"jurisdiction,count\n" + row + b"\n")
        body = client.post(url, {"upload": "1", "file": upload}).content.decode()
        assert "line 2" in field_error(body, "file").lower(), body[:2000]
    assert {a.jurisdiction: a.count for a in real_case.affected.all()} == before


def test_a_notice_before_the_incident_is_named_next_to_sent_at(login, responder, real_case):
    client = login(responder)
    ob = real_case.obligations.filter(status="open").first()
    url = reverse("incidents:notify", args=[real_case.pk, ob.pk])
    for when in ("1990-01-01T10:00", "0001-01-01T00:00"):
        response = client.post(
            url,
            {"sent_at": when, "times_zone": "Europe/Berlin", "method": "portal",
             "sent_to": "BfDI portal"},
        )  # fmt: skip
        assert response.status_code == 200
        error = field_error(response.content.decode(), "sent_at")
        assert "before the incident" in error or "out of range" in error, error
    ob.refresh_from_db()
    assert ob.status == "open"


def test_what_if_may_explore_future_events(login, responder):
    client = login(responder)
    response = client.post(
        reverse("incidents:what_if"), {**GOOD_CASE, "discovered_at": "2199-03-27T17:00"}
    )
    assert response.status_code == 200
    assert not field_error(response.content.decode(), "discovered_at")
    assert not Incident.objects.unrestricted("test").exists()


def test_opening_a_case_in_the_future_is_named_next_to_the_field(login, counsel):
    response = login(counsel).post(
        reverse("incidents:create"), {**GOOD_CASE, "discovered_at": "2199-03-27T17:00"}
    )
    assert response.status_code == 200
    assert "future" in field_error(response.content.decode(), "discovered_at")
    assert not Incident.objects.unrestricted("test").exists()


def test_times_in_an_error_read_as_typed_not_as_iso_utc(login, counsel):
    # Aware an hour before discovery: refused, in the zone the times were typed in, with the
    # fields' own labels rather than the facts format's names.
    response = login(counsel).post(
        reverse("incidents:create"), {**GOOD_CASE, "aware_at": "2026-03-27T16:00"}
    )
    error = html.unescape(field_error(response.content.decode(), "aware_at"))
    assert "Fri 27 Mar 2026, 16:00 CET" in error and "Fri 27 Mar 2026, 17:00 CET" in error
    assert "T16:00" not in error and "discovered_at" not in error
    assert not Incident.objects.unrestricted("test").exists()


@pytest.mark.parametrize("page", ["incidents:create", "incidents:what_if"])
def test_every_unknown_jurisdiction_is_named_at_once(login, counsel, page):
    bad = {
        **GOOD_CASE,
        "main_establishment": "ZZ",
        "established_in": "IE, XX",
        "affected": "DE 10\nXX-YY 10\nUS-ZZ 5",
    }
    response = login(counsel).post(reverse(page), bad)
    assert response.status_code == 200
    body = response.content.decode()
    assert "ZZ" in field_error(body, "main_establishment")
    assert "XX" in field_error(body, "established_in")
    assert "IE" not in field_error(body, "established_in")
    affected = html.unescape(field_error(body, "affected"))
    assert "'XX-YY'" in affected and "'US-ZZ'" in affected and "'DE'" not in affected
    assert not Incident.objects.unrestricted("test").exists()


def not_kept(body: str, field: str) -> str:
    """The "file was not kept" notice next to ``field`` (empty if none)."""
    marker = f'id="id_{field}_not_kept"'
    if marker not in body:
        return ""
    start = body.index(marker)
    return html.unescape(body[start : body.index("</p>", start)])


PDF = b"%PDF-1.4 notification"
NOTIFY_OK = {"sent_at": "2026-03-28T09:15", "times_zone": "Europe/Berlin", "method": "portal",
             "sent_to": "BfDI online form"}  # fmt: skip


@pytest.mark.parametrize(
    ("page", "data", "file_field", "file_name", "content", "error_field"),
    [
        # A field of the form is wrong.
        ("notify", {**NOTIFY_OK, "sent_at": ""}, "evidence", "filing.pdf", PDF, "sent_at"),
        # The form is valid but the action refuses it (a notice before the incident).
        ("notify", {**NOTIFY_OK, "sent_at": "1990-01-01T10:00"}, "evidence",
         "Schreiben an BfDI.pdf", PDF, "sent_at"),
        # The file itself is refused: it is not kept either.
        ("notify", NOTIFY_OK, "evidence", "filing.pdf", b"MZ not a pdf", "evidence"),
        ("note", {"text": "Logs preserved.", "kind": "bogus"}, "file", "access.log.txt",
         b"access log excerpt", "kind"),
        ("note", {"text": "x" * 20001, "kind": "evidence"}, "file", "log.txt", b"log", "text"),
        ("affected", {"upload": "1"}, "file", "counts.csv", b"jurisdiction,count\nUS-TX,many\n",
         "file"),
    ],
)  # fmt: skip
def test_a_form_with_errors_says_the_chosen_file_was_not_kept(
    login, responder, real_case, page, data, file_field, file_name, content, error_field
):
    client = login(responder)
    ob = real_case.obligations.filter(status="open").exclude(due_at=None).first()
    url = {
        "notify": reverse("incidents:notify", args=[real_case.pk, ob.pk]),
        "note": reverse("incidents:note", args=[real_case.pk]),
        "affected": reverse("incidents:affected", args=[real_case.pk]),
    }[page]
    upload = SimpleUploadedFile(file_name, content)
    response = client.post(url, {**data, file_field: upload})
    assert response.status_code == 200
    body = response.content.decode()
    assert field_error(body, error_field)
    notice = not_kept(body, file_field)
    assert f"The file “{file_name}” was not kept" in notice
    assert "choose it again" in notice
    # Nothing was saved, and only the file field carries the notice.
    assert not real_case.attachments.exists()
    assert body.count("_not_kept") == 1


@pytest.mark.parametrize("page", ["notify", "note"])
def test_no_file_notice_without_a_file_or_without_errors(login, responder, real_case, page):
    client = login(responder)
    ob = real_case.obligations.filter(status="open").exclude(due_at=None).first()
    url, bad, good, file_field = {
        "notify": (reverse("incidents:notify", args=[real_case.pk, ob.pk]),
                   {**NOTIFY_OK, "sent_at": ""}, NOTIFY_OK, "evidence"),
        "note": (reverse("incidents:note", args=[real_case.pk]),
                 {"text": "", "kind": "evidence"}, {"text": "Done.", "kind": "evidence"}, "file"),
    }[page]  # fmt: skip
    assert "_not_kept" not in client.get(url).content.decode()
    assert "_not_kept" not in client.post(url, bad).content.decode()  # errors, but no file chosen
    upload = SimpleUploadedFile("filing.pdf", PDF)
    assert client.post(url, {**good, file_field: upload}).status_code == 302


def test_unticking_product_security_incident_on_the_edit_form_clears_it(login, counsel):
    client = login(counsel)
    client.post(reverse("incidents:create"), {**GOOD_CASE, "product_security_incident": "on"})
    incident = Incident.objects.unrestricted("test").get()
    assert incident.product_security_incident is True
    form = {k: v for k, v in GOOD_CASE.items() if k != "affected"}
    response = client.post(reverse("incidents:edit", args=[incident.pk]), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    incident.refresh_from_db()
    assert incident.product_security_incident is False
    change = Activity.objects.filter(incident=incident, kind="facts_changed").last()
    assert change.before["product_security_incident"] is True
