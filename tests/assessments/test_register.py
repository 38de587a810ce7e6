"""The breach register: GET /api/v1/register and /register.csv (the contract), the page, who may
read it, and that every entry comes through ``visible_to``."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from assessments import actions as assessment_actions
from audit import roles
from incidents import actions
from register import actions as register_actions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

US_NO_HARM = {"data": "identity", "encryption": "unencrypted", "acquirer": "trusted",
              "misuse": "none", "mitigation": "full"}  # fmt: skip


@pytest.fixture
def auditor(db):
    user = UserFactory(username="alma.auditor")
    user.groups.add(Group.objects.get(name=roles.AUDITOR))
    return user


@pytest.fixture
def florida_case(open_case, counsel):
    from tests.assessments.test_record import FLORIDA

    incident = open_case(counsel, FLORIDA)
    assessment_actions.record_assessment(
        incident, method="us_harm", answers=US_NO_HARM,
        rationale="The file went to a bank that deleted it, attested in writing.",
        acting_user=counsel,
    )  # fmt: skip
    return incident


def _get(api_client, user, path):
    api_client.force_authenticate(user)
    return api_client.get(path)


def test_register_lists_the_florida_case_with_its_reasons(
    api_client, florida_case, privacy_officer
):
    response = _get(api_client, privacy_officer, "/api/v1/register")
    assert response.status_code == 200
    rows = response.json()
    entry = next(r for r in rows if r["reference"] == florida_case.reference)
    assert entry["notified"] is False
    assert entry["decision"].startswith("Notification pending")  # the determination is owed
    assert any("bank that deleted it" in r for r in entry["reasons"])
    assert any("US-FL" in j for j in entry["facts"]["jurisdictions"])


def test_notified_once_any_notification_is_recorded(api_client, florida_case, counsel,
                                                   privacy_officer):  # fmt: skip
    duty = florida_case.obligations.get(rule_code="US-FL-NOHARM")
    actions.record_notification(
        duty, sent_at=timezone.now() - timedelta(minutes=5), method="email",
        sent_to="Department of Legal Affairs", acting_user=counsel,
    )  # fmt: skip
    entry = _get(api_client, privacy_officer, "/api/v1/register").json()[0]
    assert entry["notified"] is True
    assert entry["notifications"][0]["recipient"].startswith("Florida Department of Legal")
    text = _get(api_client, privacy_officer, "/api/v1/register.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["reference"] == florida_case.reference
    assert rows[0]["notified"] == "true"
    assert rows[0]["decision"] and "bank that deleted it" in rows[0]["reasons"]


def test_who_may_read_the_register(api_client, client, florida_case, counsel, auditor, outsider):
    # Counsel works the case but the register is the privacy office's and auditors'.
    assert _get(api_client, counsel, "/api/v1/register").status_code == 403
    assert _get(api_client, outsider, "/api/v1/register.csv").status_code == 403
    api_client.force_authenticate(None)
    assert api_client.get("/api/v1/register").status_code == 401
    # An auditor reads it, but only the cases visible_to lets them see: none until on a team.
    assert _get(api_client, auditor, "/api/v1/register").json() == []
    actions.add_team_member(florida_case, auditor, "viewer", acting_user=counsel)
    refs = [r["reference"] for r in _get(api_client, auditor, "/api/v1/register").json()]
    assert refs == [florida_case.reference]
    client.force_login(auditor)
    page = client.get("/register/")
    assert page.status_code == 200 and florida_case.reference in page.content.decode()
    client.force_login(counsel)
    assert client.get("/register/").status_code == 403


def test_a_security_event_is_registered_with_why(api_client, client, open_case, counsel,
                                                 privacy_officer):  # fmt: skip
    incident = open_case(counsel)
    client.force_login(counsel)
    response = client.post(
        f"/incidents/{incident.pk}/register-entry/",
        {"classification": "security_event", "classification_reason": "", "effects": "None"},
    )
    assert "Say why" in response.content.decode()  # kept, nothing stored
    assert not hasattr(incident, "register_entry") or incident.register_entry is None
    register_actions.update_entry(
        incident, classification="security_event",
        classification_reason="The exposed bucket held only synthetic test data.",
        acting_user=counsel,
    )  # fmt: skip
    entry = _get(api_client, privacy_officer, "/api/v1/register").json()[0]
    assert entry["decision"] == "Not notified: security event: no personal data affected"
    assert "synthetic test data" in entry["reasons"][0]
    assert incident.activity.filter(kind="register_changed", actor=counsel).exists()


def test_filters_and_bad_dates(api_client, florida_case, privacy_officer):
    ok = _get(api_client, privacy_officer, "/api/v1/register?from=2026-04-01&to=2026-04-30")
    assert [r["reference"] for r in ok.json()] == [florida_case.reference]
    none = _get(api_client, privacy_officer, "/api/v1/register?from=2026-05-01")
    assert none.json() == []
    regime = _get(api_client, privacy_officer, "/api/v1/register?regime=Nope").json()
    assert regime == []
    bad = _get(api_client, privacy_officer, "/api/v1/register?from=April")
    assert bad.status_code == 400 and "from" in bad.json()


def test_numbers_page_and_csv(client, florida_case, counsel, privacy_officer):
    duty = florida_case.obligations.get(rule_code="US-FL-NOHARM")
    actions.record_notification(
        duty, sent_at=timezone.now(), method="email", sent_to="DLA", acting_user=counsel
    )
    client.force_login(privacy_officer)
    page = client.get("/numbers/?start=2026-04-01&end=2026-12-31").content.decode()
    assert "<svg" in page and "State agencies" in page
    assert "Each notification (1)" in page and florida_case.reference in page
    text = client.get("/numbers.csv?start=2026-04-01&end=2026-12-31").content.decode()
    assert "Median hours from awareness to notification,State agencies" in text
    assert "Breaches by cause" in text


def test_register_pdf_has_the_entries_and_the_banner_on_every_page(client, florida_case, counsel,
                                                                   privacy_officer):  # fmt: skip
    from incidents.actions import update_details
    from incidents.pdf import PRIVILEGE_BANNER
    from tests.drafting.test_pdf import pdf_pages

    client.force_login(privacy_officer)
    response = client.get("/register.pdf")
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    assert florida_case.reference in " ".join(pages)
    assert "bank that deleted it" in " ".join(pages)
    assert all("Breach register" in p and PRIVILEGE_BANNER not in p for p in pages)
    update_details(florida_case, privileged=True, acting_user=counsel)
    pages = pdf_pages(client.get("/register.pdf").content)
    assert all(PRIVILEGE_BANNER in p and "of" in p for p in pages)


def test_register_reads_in_a_constant_number_of_queries(
    api_client, open_case, counsel, privacy_officer, django_assert_max_num_queries
):
    from tests.factories import facts

    for i in range(6):
        incident = open_case(counsel, facts(title=f"Case {i}"))
        register_actions.update_entry(incident, effects=f"effects {i}", acting_user=counsel)
        assessment_actions.record_assessment(
            incident, method="us_harm", answers=US_NO_HARM, rationale="r", acting_user=counsel
        )
    api_client.force_authenticate(privacy_officer)
    # Session/permission checks, the cases, and one query per prefetched relation.
    with django_assert_max_num_queries(10):
        rows = api_client.get("/api/v1/register").json()
    assert len(rows) == 6
