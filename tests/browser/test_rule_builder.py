"""The rule console's builder in a real browser: a rules administrator adds a data category to
Texas's definition of personal information and moves the Attorney General notice's clock start to
discovery, by ticking and picking - no JSON, no event key typed. The preview shows the cases that
change, and the published rule behaves as the builder said.

Needs PostgreSQL and Redis (a Celery worker recomputes after publishing), like the other rules
console journey. Screenshots: ``breachclock-builder-*.png`` in the system temp directory.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from jurisdictions.models import RuleVersion
from tests.browser.signing_in import sign_in
from tests.browser.test_rules_console import SHOTS, iso, worker  # noqa: F401 - a fixture
from tests.conftest import make_person
from tests.factories import facts

pytestmark = [pytest.mark.browser, pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _texas_case(carla, title, data, discovered, determined):
    from incidents.actions import open_incident

    return open_incident(
        facts(
            title=title,
            events={
                "occurred_at": None,
                "discovered_at": iso(discovered),
                "determined_at": iso(determined),
            },
            data=data,
            affected={"US-TX": 400},
            organisation={"role": "controller", "main_establishment": None,
                          "established_in": ["US"], "subject_to": []},
        ),
        acting_user=carla,
    )  # fmt: skip


def _ordered(condition):
    """A data condition with its lists in a fixed order: the builder may list ticks differently."""
    if isinstance(condition, dict):
        return {key: _ordered(value) for key, value in condition.items()}
    if isinstance(condition, list):
        return sorted((_ordered(item) for item in condition), key=json.dumps)
    return condition


def _with_birth_date(condition):
    """``condition`` with ``date_of_birth`` added to the any-of group that lists ``ssn``."""
    if isinstance(condition, dict):
        ((key, items),) = condition.items()
        items = [_with_birth_date(item) for item in items]
        if key == "any" and "ssn" in items:
            items.append("date_of_birth")
        return {key: items}
    return condition


@pytest.mark.usefixtures("worker")
def test_rules_administrator_changes_condition_and_clock_start_without_typing_json(page, rulebook):
    from django.contrib.auth.models import Group, Permission

    from audit import roles
    from incidents.actions import add_team_member

    roles.sync_roles(Group, Permission)
    rita = make_person("rita.rules", "responder", first_name="Rita", last_name="Rules")
    rita.groups.set([Group.objects.get(name=roles.RULES_ADMINISTRATOR)])
    rita.user_permissions.add(Permission.objects.get(codename="publish_rule"))
    rita.is_staff = True
    rita.save()
    carla = make_person("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")
    now = datetime.now(UTC).replace(microsecond=0)
    ssn_case = _texas_case(
        carla, "Payroll export left public", ["name", "ssn"],
        now - timedelta(days=5), now - timedelta(days=2),
    )  # fmt: skip
    dob_case = _texas_case(
        carla, "Member list with birthdays", ["name", "date_of_birth"],
        now - timedelta(days=4), now - timedelta(days=4),
    )  # fmt: skip
    for case in (ssn_case, dob_case):
        add_team_member(case, rita, "viewer", acting_user=carla)
    old_due = ssn_case.obligations.get(rule_code="US-TX-AG").due_at
    before_condition = (
        RuleVersion.objects.filter(rule__code="US-TX-AG", publication="published")
        .order_by("-version")
        .first()
        .data_condition
    )
    assert not dob_case.obligations.filter(rule_code="US-TX-AG").exists()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)

    sign_in(page, "rita.rules", at="/admin/login/")
    page.goto("/admin/jurisdictions/rule/?q=US-TX-AG")
    page.click("text=US-TX-AG")
    page.click("text=/Edit version \\d+/")
    # The condition is shown in words; its JSON is hidden behind the advanced switch.
    page.wait_for_load_state()
    expect(page.locator("#id_data_condition")).to_be_hidden()
    builder = page.locator(".condition-builder")
    assert "a name together with any of: a Social Security number" in builder.inner_text()
    reading = page.locator("#rule-reading")
    expect(reading).to_contain_text("within 30 days of determination that a breach occurred")
    page.screenshot(path=str(SHOTS / "breachclock-builder-1-before.png"), full_page=True)

    # Tick "Date of birth" in the group that says "any one of: SSN, ..." (the one beside "name").
    ssn_group = builder.locator(".cb-group").filter(has=page.locator("input[value=ssn]:checked"))
    assert ssn_group.count() == 1
    ssn_group.get_by_label("Date of birth").check()
    assert "or a date of birth" in builder.locator(".cb-reading").inner_text()
    # Pick the clock start from the named events.
    page.select_option("#id_clock_start", label="Discovery of the incident")
    expect(reading).to_contain_text("within 30 days of discovery of the incident")
    page.fill("#id_effective_from", (now - timedelta(days=30)).date().isoformat())
    page.fill("#id_change_note", "Birth dates count; clock from discovery (test)")
    page.screenshot(path=str(SHOTS / "breachclock-builder-2-edited.png"), full_page=True)
    page.click("input[name=_save]")

    # The preview: the SSN case moves 3 days earlier; the birthday case gains the obligation.
    page.wait_for_selector("#impact-table")
    table = page.inner_text("#impact-table")
    assert ssn_case.reference in table and dob_case.reference in table
    differences = page.inner_text("#rule-differences")
    assert "a date of birth" in differences and "discovery of the incident" in differences
    assert "{" not in differences and "_at" not in differences
    page.screenshot(path=str(SHOTS / "breachclock-builder-3-preview.png"), full_page=True)
    page.click("#publish")
    page.wait_for_selector("#publish-job[data-state=done]", timeout=60_000)

    newest = RuleVersion.objects.filter(rule__code="US-TX-AG").order_by("-version").first()
    assert newest.clock_start == "discovered_at"
    # The same condition as before, with a date of birth beside the SSN.
    assert _ordered(newest.data_condition) == _ordered(_with_birth_date(before_condition)), (
        json.dumps(newest.data_condition)
    )
    assert ssn_case.obligations.get(rule_code="US-TX-AG").due_at == old_due - timedelta(days=3)
    assert dob_case.obligations.filter(rule_code="US-TX-AG", status="open").exists()
    assert failed == []
    assert all("404" in m for m in page.console_errors), page.console_errors
