"""Every admin foreign key is validated against what the user may see.

A staff member who is not on a case may not attach anything to it through the admin (a raw id
typed into a form is refused like a hidden choice), may not open jurisdiction-wide reminder
lists (they reach every team's cases) unless they see every case, and no admin message names a
case they may not see.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from incidents.models import Incident, Obligation
from reminders.models import DistributionList
from tests.factories import IncidentFactory, ObligationFactory

pytestmark = pytest.mark.django_db

SECRET = "Wombat payroll leak"
CASE_MODELS = (Incident, Obligation)


@pytest.fixture
def hidden_case(counsel):
    case = IncidentFactory(owner=counsel, title=SECRET, privileged=True)
    ObligationFactory(incident=case)
    return case


@pytest.fixture
def staff_responder(responder):
    responder.is_staff = True
    responder.save()
    return responder


@pytest.fixture
def own_case(staff_responder):
    return IncidentFactory(owner=staff_responder, title="My own case")


def _case_foreign_keys():
    """(model admin, field) for every admin-registered foreign key to a case or an obligation."""
    for model, model_admin in admin.site._registry.items():
        for field in model._meta.get_fields():
            if field.many_to_one and field.concrete and field.related_model in CASE_MODELS:
                yield model_admin, field


FOREIGN_KEYS = list(_case_foreign_keys())


def test_the_table_finds_the_distribution_list_incident():
    assert ("reminders.DistributionList", "incident") in {
        (ma.model._meta.label, f.name) for ma, f in FOREIGN_KEYS
    }


@pytest.mark.parametrize(
    "model_admin, field",
    FOREIGN_KEYS,
    ids=[f"{ma.model._meta.label}.{f.name}" for ma, f in FOREIGN_KEYS],
)
def test_every_case_foreign_key_offers_only_visible_rows(
    staff_responder, hidden_case, own_case, model_admin, field
):
    request = RequestFactory().get("/admin/")
    request.user = staff_responder
    formfield = model_admin.formfield_for_foreignkey(field, request)
    assert formfield is not None
    rows = formfield.queryset
    hidden = hidden_case if field.related_model is Incident else hidden_case.obligations.first()
    assert not rows.filter(pk=hidden.pk).exists(), f"{field} offers a case outside reach"
    if field.related_model is Incident:
        assert rows.filter(pk=own_case.pk).exists()


def test_distribution_list_for_a_hidden_case_is_refused(client, staff_responder, hidden_case):
    from django.contrib.auth.models import Permission

    staff_responder.user_permissions.add(Permission.objects.get(codename="add_distributionlist"))
    client.force_login(staff_responder)
    response = client.post(
        reverse("admin:reminders_distributionlist_add"),
        {"incident": hidden_case.pk, "jurisdiction": "", "addresses": "me@evil.example"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert not DistributionList.objects.exists()
    assert SECRET not in response.content.decode()


def test_distribution_list_for_an_own_case_is_accepted_and_names_only_its_reference(
    client, staff_responder, own_case
):
    client.force_login(staff_responder)
    response = client.post(
        reverse("admin:reminders_distributionlist_add"),
        {"incident": own_case.pk, "jurisdiction": "", "addresses": "team@example.com"},
        follow=True,
    )
    assert DistributionList.objects.filter(incident=own_case).exists()
    page = response.content.decode()
    assert own_case.reference in page and own_case.title not in page


def test_jurisdiction_wide_lists_need_someone_who_sees_every_case(client, staff_responder):
    client.force_login(staff_responder)
    response = client.post(
        reverse("admin:reminders_distributionlist_add"),
        {"incident": "", "jurisdiction": "DE", "addresses": "me@evil.example"},
    )
    assert not DistributionList.objects.exists()
    assert response.status_code in (200, 403)
    existing = DistributionList.objects.create(jurisdiction="FR", addresses="dpo@example.com")
    change = reverse("admin:reminders_distributionlist_change", args=[existing.pk])
    client.post(change, {"incident": "", "jurisdiction": "FR", "addresses": "me@evil.example"})
    existing.refresh_from_db()
    assert existing.addresses == "dpo@example.com"


def test_a_superuser_may_keep_jurisdiction_wide_lists(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "r@example.com", "x" * 16)
    client.force_login(root)
    client.post(
        reverse("admin:reminders_distributionlist_add"),
        {"incident": "", "jurisdiction": "DE", "addresses": "dpo@example.com"},
    )
    assert DistributionList.objects.filter(jurisdiction="DE").exists()
