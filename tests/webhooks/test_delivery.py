"""Webhook deliveries against a real HTTP receiver on loopback, sent by the delivery task run in
the test process (the worker-process faults are in tests/faults/test_webhook_faults.py).

Each case is changed through ``incidents.actions`` (the real engine and rule book), the events
become delivery rows in the same transaction, and ``webhooks.tasks.deliver`` posts them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from incidents import actions
from incidents.models import Obligation
from tests.conftest import make_person
from webhooks.models import Delivery
from webhooks.tasks import claim_due_deliveries, deliver

pytestmark = pytest.mark.django_db
SECRET_NOTE = "Privileged: counsel thinks the skimmer was an inside job"


def send_pending() -> dict:
    ids = list(Delivery.objects.filter(status="pending").values_list("pk", flat=True))
    return deliver(ids)


def test_a_case_opened_reaches_the_hook_signed(open_case, counsel, receiver, hook_to):
    hook = hook_to(counsel, ["case.opened", "obligations.changed"])
    case = open_case(counsel)
    # The case's first obligations are part of its opening: one event, not two.
    assert list(Delivery.objects.values_list("event__name", flat=True)) == ["case.opened"]
    send_pending()

    [request] = receiver.requests
    assert receiver.bad_signatures == 0 and receiver.processed == [request.delivery]
    assert request.headers["content-type"] == "application/json"
    assert request.headers["breachclock-event"] == "case.opened"
    timestamp, v1 = request.headers["breachclock-signature"].split(",")
    assert timestamp.startswith("t=") and v1.startswith("v1=") and len(v1) == 3 + 64
    body = request.json
    assert body["event"] == "case.opened" and body["delivery"] == request.delivery
    assert body["case"]["reference"] == case.reference
    assert body["link"].endswith(f"/incidents/{case.pk}/")
    row = Delivery.objects.get()
    assert (row.status, row.attempts, row.response_status) == ("delivered", 1, 200)
    assert row.latency_ms is not None and str(row.delivery_id) == request.delivery
    assert hook.deliveries.count() == 1


def test_a_notice_recorded_carries_the_deadline_in_utc_and_the_teams_zone(
    open_case, counsel, receiver, hook_to
):
    from accounts.models import UserProfile

    UserProfile.objects.update_or_create(user=counsel, defaults={"time_zone": "America/New_York"})
    case = open_case(counsel)
    actions.add_note(case, SECRET_NOTE, acting_user=counsel, privileged=True)
    hook_to(counsel, ["obligation.notified"])
    duty = Obligation.objects.filter(incident=case, due_at__isnull=False).first()
    actions.record_notification(
        duty,
        sent_at=datetime(2026, 3, 29, 9, 0, tzinfo=UTC),
        method="portal",
        sent_to="Berlin DPA portal",
        acting_user=counsel,
    )
    send_pending()
    [request] = receiver.requests
    body = request.json
    assert body["event"] == "obligation.notified"
    ob = body["obligation"]
    assert ob["id"] == duty.pk and ob["status"] == "notified"
    assert ob["due_at"] == duty.due_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    assert ob["team_time_zone"] == "America/New_York"
    assert datetime.fromisoformat(ob["due_team"]) == duty.due_at
    assert ob["due_team"].endswith(("-05:00", "-04:00"))
    assert SECRET_NOTE not in request.body.decode()


def test_a_500_is_retried_and_the_receiver_processes_the_delivery_once(
    open_case, counsel, receiver, hook_to
):
    hook_to(counsel, ["case.opened"])
    open_case(counsel)
    receiver.answers = [500]
    assert send_pending() != {}
    row = Delivery.objects.get()
    assert (row.status, row.attempts, row.response_status) == ("pending", 1, 500)
    assert "answered 500; will retry" in row.last_error
    assert row.next_attempt_at > timezone.now()

    assert claim_due_deliveries()[1] == []  # not before its time
    Delivery.objects.update(next_attempt_at=timezone.now())
    token, ids = claim_due_deliveries()
    deliver(ids, token)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.response_status) == ("delivered", 2, 200)
    first, second = receiver.requests
    assert first.delivery == second.delivery == str(row.delivery_id)
    assert receiver.processed == [first.delivery]  # the receiver did the work once


@pytest.mark.parametrize(
    "answer, status, retried",
    [
        (404, "failed", False),
        (410, "failed", False),
        (302, "failed", False),  # a redirect is not followed
        (408, "pending", True),
        (429, "pending", True),
        (503, "pending", True),
    ],
)
def test_which_answers_are_retried(open_case, counsel, receiver, hook_to, answer, status, retried):
    hook_to(counsel, ["case.opened"])
    open_case(counsel)
    receiver.answers = [answer]
    send_pending()
    row = Delivery.objects.get()
    assert row.status == status and row.response_status == answer
    assert (row.finished_at is None) == retried
    assert len(receiver.requests) == 1


def test_a_timeout_is_retried(open_case, counsel, receiver, hook_to, settings):
    settings.WEBHOOK_READ_TIMEOUT_SECONDS = 0.3
    hook_to(counsel, ["case.opened"])
    open_case(counsel)
    receiver.delay = 1.0
    send_pending()
    row = Delivery.objects.get()
    assert row.status == "pending" and row.response_status is None
    assert "ReadTimeout" in row.last_error or "timed out" in row.last_error


def test_after_a_day_of_failures_it_gives_up_and_says_so(open_case, counsel, receiver, hook_to):
    hook_to(counsel, ["case.opened"])
    open_case(counsel)
    Delivery.objects.update(created_at=timezone.now() - timedelta(hours=23, minutes=59, seconds=59))
    receiver.answers = [502]
    send_pending()
    row = Delivery.objects.get()
    assert row.status == "failed"
    assert row.last_error.startswith("gave up after 1 attempts over a day; last: answered 502")


def test_a_privileged_case_never_reaches_another_teams_hook(
    open_case, counsel, responder, outsider, receiver, hook_to, make_superuser
):
    from tests.factories import facts

    other = open_case(counsel, facts(title="Other matter"))
    own = hook_to(counsel, ["case.opened"])  # on the case's team
    sees_all = hook_to(make_superuser(), ["case.opened"])  # sees every case, on no team
    narrowed = hook_to(counsel, ["case.opened", "obligation.notified"], team=str(other.pk))
    stranger = hook_to(outsider, ["case.opened"])  # a responder on no case
    Delivery.objects.all().delete()

    privileged = open_case(counsel, facts(title="Payroll leak"), privileged=True)
    plain = open_case(counsel, facts(title="Lost laptop"))
    send_pending()
    got = {(d.webhook_id, d.event.incident_id) for d in Delivery.objects.select_related("event")}
    assert got == {(own.pk, privileged.pk), (own.pk, plain.pk), (sees_all.pk, plain.pk)}
    assert narrowed.deliveries.count() == stranger.deliveries.count() == 0
    for request in receiver.requests:
        assert "Payroll" not in request.body.decode()  # a privileged case's title is never sent


def test_leaving_the_team_silences_the_case_at_delivery_time(
    open_case, counsel, responder, receiver, hook_to
):
    case = open_case(counsel)
    actions.add_team_member(case, responder, "responder", acting_user=counsel)
    hook_to(responder, ["hold.requested", "hold.lifted"])
    actions.record_hold(
        case,
        "law_enforcement_hold",
        {"requested_at": "2026-03-28T10:00:00Z", "agency": "BKA", "written": True},
        acting_user=counsel,
    )
    row = Delivery.objects.get()
    assert row.event.name == "hold.requested"
    assert row.event.data["hold_label"] == "law-enforcement hold"
    actions.lift_hold(
        case,
        "law_enforcement_hold",
        lifted_at=datetime(2026, 3, 30, 10, 0, tzinfo=UTC),
        acting_user=counsel,
    )
    assert Delivery.objects.filter(event__name="hold.lifted").count() == 1
    actions.remove_team_member(case, responder, acting_user=counsel)
    send_pending()
    for row in Delivery.objects.all():
        assert row.status == "skipped"
        assert row.last_error == "the hook's owner can no longer see this case"
    assert receiver.requests == []


def test_an_address_that_turned_internal_is_refused_at_delivery(
    open_case, counsel, receiver, hook_to, settings
):
    hook_to(counsel, ["case.opened"])
    open_case(counsel)
    settings.WEBHOOK_ALLOWED_HOSTS = []  # the operator withdrew the permission
    send_pending()
    row = Delivery.objects.get()
    assert row.status == "failed" and "refused at delivery" in row.last_error
    assert receiver.requests == []


def test_minimal_sends_ids_event_and_link_only(open_case, counsel, receiver, hook_to):
    hook_to(counsel, ["obligation.notified"], format="minimal")
    case = open_case(counsel)
    duty = Obligation.objects.filter(incident=case).first()
    actions.record_notification(
        duty, sent_at=timezone.now(), method="email", sent_to="dpa@example.org", acting_user=counsel
    )
    send_pending()
    body = receiver.requests[0].json
    assert body == {
        "event": "obligation.notified",
        "delivery": receiver.requests[0].delivery,
        "case": {"id": case.pk},
        "obligation": {"id": duty.pk},
        "link": f"https://breachclock.example/incidents/{case.pk}/",
    }


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://breachclock.example"


@pytest.fixture(autouse=True)
def _site(site):
    """Links in payloads point at the product's public address."""


@pytest.fixture
def make_superuser(db):
    def make():
        return make_person("ada.admin", "counsel", is_superuser=True, is_staff=True)

    return make


def due_now(make_obligation):
    """An obligation whose "1 hour before" reminder is due now, and that reminder sent."""
    from reminders.tasks import claim_due_reminders, send_reminders

    duty = make_obligation(due_in=timedelta(minutes=59))
    token, ids = claim_due_reminders()
    assert send_reminders(ids, token) == dict.fromkeys(ids, "sent")
    return duty


def test_a_due_soon_reminder_reaches_the_receiver_signed(
    make_obligation, counsel, receiver, hook_to
):
    from webhooks.signing import verify

    hook = hook_to(counsel, ["obligation.due_soon", "obligation.overdue"])
    duty = due_now(make_obligation)
    send_pending()
    [request] = receiver.requests
    assert verify(hook.secret, request.body, request.headers["breachclock-signature"])
    assert not verify("another secret", request.body, request.headers["breachclock-signature"])
    body = request.json
    assert body["event"] == "obligation.due_soon"
    assert body["obligation"]["id"] == duty.pk
    assert body["obligation"]["due_in"] in ("due in 58 minutes", "due in 59 minutes")
    assert body["data"]["reminder"] == "before" and body["data"]["offset_minutes"] == -60
    # The reminder row is retried or re-claimed: the event stays one.
    from webhooks.events import reminder_due

    reminder_due(duty.reminders.get(status="sent"))
    assert Delivery.objects.count() == 1


def test_slack_and_teams_post_readable_messages(
    make_obligation, counsel, receiver, hook_to, capsys
):
    from accounts.models import UserProfile

    UserProfile.objects.update_or_create(user=counsel, defaults={"time_zone": "Europe/Berlin"})
    hook_to(counsel, ["obligation.due_soon"], format="slack")
    hook_to(counsel, ["obligation.due_soon"], format="teams")
    duty = due_now(make_obligation)
    case = duty.incident
    send_pending()
    assert receiver.bad_signatures == 0
    bodies = {r.json.get("type", "slack"): r.json for r in receiver.requests}

    message = bodies["slack"]
    assert set(message) == {"text", "blocks"}
    headline = f"{case.reference} Web skimmer on checkout: deadline near"
    assert message["text"].startswith(headline)
    fields = [f["text"] for f in message["blocks"][1]["fields"]]
    assert fields[0] == f"*Case*\n{case.reference} Web skimmer on checkout"
    assert (
        fields[1]
        == "*Duty*\nNotify supervisory authority (Hamburg Commissioner for Data Protection)"
    )
    assert fields[2] in ("*Due*\ndue in 58 minutes", "*Due*\ndue in 59 minutes")
    assert fields[3].startswith("*Deadline*\n") and fields[3].endswith(("CET)", "CEST)"))
    assert message["blocks"][2]["elements"][0]["url"].endswith(f"/incidents/{case.pk}/")

    card = bodies["message"]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["body"][0]["text"].startswith(headline)
    facts = {f["title"]: f["value"] for f in card["content"]["body"][1]["facts"]}
    assert list(facts) == ["Case", "Duty", "Due", "Deadline"]
    assert card["content"]["actions"][0]["type"] == "Action.OpenUrl"
    with capsys.disabled():  # what the receiver saw, for the record
        print("\nSlack payload as sent:\n" + json.dumps(message, indent=1))
        print("Teams payload as sent:\n" + json.dumps(bodies["message"], indent=1))
