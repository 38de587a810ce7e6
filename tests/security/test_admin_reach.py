"""The admin is no side door: a staff member who is not on a case finds no trace of it there."""

import pytest
from django.contrib import admin
from django.urls import reverse

from incidents.models import FeedToken
from reminders.models import DistributionList, Reminder
from reminders.schedule import sync_reminders
from tests.factories import IncidentFactory, NoteFactory, ObligationFactory

pytestmark = pytest.mark.django_db

SECRET = "Quokka ledger exposure"
# Settings-like models that belong to no case.
NOT_CASE_DATA = {"reminders.ReminderPolicy", "reminders.DispatchHeartbeat"}
CASE_APPS = ("incidents", "reminders", "audit")
MODELS = [model for model in admin.site._registry if model._meta.app_label in CASE_APPS]


@pytest.fixture
def hidden_case(counsel):
    case = IncidentFactory(owner=counsel, title=SECRET)
    obligation = ObligationFactory(incident=case, authority=f"Authority for {SECRET}")
    NoteFactory(incident=case, text=f"note on {SECRET}")
    FeedToken.objects.create(user=counsel, incident=case)
    DistributionList.objects.create(incident=case, addresses="dpo@example.com")
    sync_reminders([obligation])
    assert Reminder.objects.filter(obligation=obligation).exists()
    return case


@pytest.fixture
def staff_outsider(outsider):
    outsider.is_staff = True
    outsider.save()
    return outsider


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])
def test_changelists_hide_cases_outside_reach(client, staff_outsider, hidden_case, model):
    client.force_login(staff_outsider)
    meta = model._meta
    response = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert response.status_code in (200, 403)
    assert SECRET.encode() not in response.content
    assert hidden_case.reference.encode() not in response.content
    if response.status_code == 200 and meta.label not in NOT_CASE_DATA:
        # Every row of these tables belongs to the hidden case: none may be listed.
        assert response.context["cl"].result_count == 0


def test_change_page_of_a_case_outside_reach_is_not_found(client, staff_outsider, hidden_case):
    client.force_login(staff_outsider)
    response = client.get(reverse("admin:incidents_incident_change", args=[hidden_case.pk]))
    # The admin answers "does not exist" with a redirect to its index.
    assert response.status_code in (302, 404)
    assert SECRET.encode() not in response.content


def test_the_same_staff_member_sees_the_case_once_on_its_team(
    client, staff_outsider, hidden_case, counsel
):
    from incidents import actions

    actions.add_team_member(hidden_case, staff_outsider, "responder", acting_user=counsel)
    client.force_login(staff_outsider)
    response = client.get(reverse("admin:incidents_incident_changelist"))
    assert SECRET.encode() in response.content
