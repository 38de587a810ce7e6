"""The rule-change preview and the publish-job page list only the cases the reader may see
(``visible_to``); the other cases a change moves are counted, never named."""

from __future__ import annotations

import pytest
from django.urls import reverse

from incidents import actions
from jurisdictions import services
from jurisdictions.models import PublishJob
from tests.jurisdictions.test_impact import TEXAS, _draft_texas_45_days

SECRET = "Board minutes on the acquisition leaked"


@pytest.fixture
def two_texas_cases(rulebook, open_case, counsel, rules_admin):
    hidden = open_case(counsel, {**TEXAS, "title": SECRET}, privileged=True)
    shared = open_case(counsel, TEXAS)
    actions.add_team_member(shared, rules_admin, "viewer", acting_user=counsel)
    return hidden, shared


@pytest.fixture
def rule_version_viewer(django_user_model):
    """A staff member who may only view rule versions (no role, no case)."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("vic.versions", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_ruleversion"))
    return user


def test_preview_names_only_the_cases_the_reader_may_see(client, rules_admin, two_texas_cases):
    hidden, shared = two_texas_cases
    draft = _draft_texas_45_days(rules_admin)
    client.force_login(rules_admin)
    response = client.get(reverse("admin:jurisdictions_ruleversion_preview", args=[draft.pk]))
    page = response.content.decode()
    assert shared.reference in page
    assert hidden.reference not in page and SECRET not in page
    assert [c.incident_id for c in response.context["cases"]] == [shared.pk]
    assert response.context["hidden"].cases == 1
    assert "1 other case you cannot see" in page
    # Publishing still recomputes both: the law applies to every case.
    assert "recompute 2 case(s)" in page


def test_preview_for_a_staff_member_on_no_case(
    client, rules_admin, rule_version_viewer, two_texas_cases
):
    hidden, shared = two_texas_cases
    draft = _draft_texas_45_days(rules_admin)
    client.force_login(rule_version_viewer)
    response = client.get(reverse("admin:jurisdictions_ruleversion_preview", args=[draft.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for case in (hidden, shared):
        assert case.reference not in page and case.title not in page
    assert "2 other cases you cannot see" in page


def test_publish_job_page_names_only_visible_cases(
    client, rules_admin, rule_version_viewer, two_texas_cases
):
    hidden, shared = two_texas_cases
    draft = _draft_texas_45_days(rules_admin)
    services.publish([draft], user=rules_admin)  # the recompute is queued on commit, not run
    job = PublishJob.objects.get()
    assert sorted(job.incident_ids) == sorted([hidden.pk, shared.pk])
    url = reverse("admin:jurisdictions_publishjob_progress", args=[job.pk])

    client.force_login(rules_admin)
    page = client.get(url).content.decode()
    assert shared.reference in page
    assert hidden.reference not in page and SECRET not in page
    assert "1 other case you cannot see" in page

    client.force_login(rule_version_viewer)
    page = client.get(url).content.decode()
    assert hidden.reference not in page and shared.reference not in page
    assert "2 other cases you cannot see" in page
