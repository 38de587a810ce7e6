"""A closed case whose obligations are still open: its deadlines still run (reminders go on), so
the dashboard, the case list, the case page and the calendar feeds all show them, and say the
case is closed."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from incidents import actions
from incidents.models import Incident

pytestmark = pytest.mark.django_db


def close(case, counsel):
    actions.change_status(case, "closed", acting_user=counsel, reason="handled by the parent case")
    case.refresh_from_db()


def list_overdue(client):
    """The case list's own answer to "which cases have an overdue deadline"."""
    page = client.get(reverse("incidents:list"), {"due_within": "0h"}).context["page"]
    return {c.pk: c.overdue_obligations(timezone.now()) for c in page}


@pytest.mark.parametrize("status", ["triage", "notifying", "closed", "reopened"])
def test_dashboard_and_case_list_agree_whatever_the_case_status(
    login, counsel, responder, case, clocks, status
):
    Incident.objects.unrestricted("test").filter(pk=case.pk).update(status=status)
    client = login(responder)
    response = client.get(reverse("dashboard"))
    totals, groups = response.context["totals"], response.context["groups"]
    # clocks: one overdue, one within 24 h, one this week, one later, one without a deadline.
    assert totals == {"open": 5, "overdue": 1, "day": 1, "week": 1}
    assert [ob.pk for ob in groups["overdue"]] == [clocks["overdue"].pk]
    assert [ob.pk for ob in groups["none"]] == [clocks["no_deadline"].pk]
    assert list_overdue(client) == {case.pk: totals["overdue"]}
    body = response.content.decode()
    assert "BfDI" in body and "California Attorney General" in body
    # Each of the five rows says the case is closed, exactly when it is.
    assert body.count('badge badge-closed" title=') == (5 if status == "closed" else 0)


def test_closing_through_the_page_keeps_the_deadlines_on_the_dashboard(
    login, counsel, case, clocks
):
    client = login(counsel)
    before = client.get(reverse("dashboard")).context["totals"]
    refused = client.post(reverse("incidents:status", args=[case.pk]), {"status": "closed"})
    case.refresh_from_db()
    assert refused.status_code == 302 and case.status == "triage"  # a reason is needed
    client.post(
        reverse("incidents:status", args=[case.pk]),
        {"status": "closed", "reason": "merged into the parent case"},
    )
    case.refresh_from_db()
    assert case.status == "closed"
    after = client.get(reverse("dashboard"))
    assert after.context["totals"] == before
    row = re.search(
        rf'#obligation-{clocks["overdue"].pk}".*?</td>', after.content.decode(), re.S
    ).group(0)
    assert "Case closed" in row


@pytest.mark.parametrize(
    ("status", "waive", "warning", "closed_note"),
    [
        # clocks: five open, one of them overdue.
        ("triage", [], "5 obligations are still open (1 overdue).", None),
        ("notifying", ["overdue"], "4 obligations are still open.", None),
        ("reopened", ["overdue", "day", "week", "later"], "1 obligation is still open.", None),
        ("triage", ["overdue", "day", "week", "later", "no_deadline"], None, None),
        ("closed", [], None, "but 5 obligations are still open (1 overdue): their reminders"),
        ("closed", ["day", "week", "later", "no_deadline"], None, "but 1 obligation is still open"),
        ("closed", ["overdue", "day", "week", "later", "no_deadline"], None, None),
    ],
)
def test_case_page_warns_before_closing_with_open_obligations(
    login, counsel, case, clocks, status, waive, warning, closed_note
):
    for name in waive:
        clocks[name].status = "waived"
        clocks[name].save()
    Incident.objects.unrestricted("test").filter(pk=case.pk).update(status=status)
    body = login(counsel).get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert ('id="status_close_warning"' in body) is (warning is not None)
    if warning:
        note = body[body.index('id="status_close_warning"') :]
        note = note[: note.index("</p>")]
        assert warning in note
        assert "Closing needs a reason" in note
        assert "until each is notified, marked not required or waived" in note
    assert ('id="closed_with_open_obligations"' in body) is (closed_note is not None)
    if closed_note:
        assert closed_note in body


def test_a_viewer_sees_that_a_closed_case_still_has_deadlines_but_no_status_form(
    login, counsel, viewer, case, clocks
):
    close(case, counsel)
    body = login(viewer).get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert 'id="closed_with_open_obligations"' in body
    assert "status_close_warning" not in body and "Change status" not in body


@pytest.mark.parametrize("per_case", [False, True])
def test_calendar_feeds_keep_a_closed_cases_open_deadlines(client, counsel, case, clocks, per_case):
    close(case, counsel)
    token = actions.create_feed_token(
        counsel, incident=case if per_case else None, acting_user=counsel
    )
    response = client.get(token.get_absolute_url())
    assert response.status_code == 200
    found = {
        str(e["uid"]).split("@")[0]: str(e["description"])
        for e in Calendar.from_ical(response.content).walk("VEVENT")
    }
    # The four with a deadline (not the deadline-less one, not the notified one).
    assert set(found) == {f"obligation-{clocks[n].pk}" for n in ("overdue", "day", "week", "later")}
    assert all("The case is closed; this notification is still open." in d for d in found.values())
