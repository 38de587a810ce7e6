"""The rules console in a real browser, with a real Celery worker: a rules administrator changes
Texas's deadline for notifying its Attorney General, sees which open cases move, publishes, and
the worker recomputes the cases and annotates their timelines.

Needs PostgreSQL (the worker shares the test database) and Redis (the broker): skipped locally
without them, a failure in CI. Screenshots go to the system temp directory
(``breachclock-rules-*.png``) for a person to look at.
"""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection

from jurisdictions.models import RuleVersion
from tests.browser.signing_in import sign_in
from tests.conftest import make_person
from tests.factories import facts
from tests.services import celery_worker_env, start_celery_worker, stop_process

pytestmark = [pytest.mark.browser, pytest.mark.services, pytest.mark.django_db(transaction=True)]

SHOTS = Path(tempfile.gettempdir())


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A Celery worker process on the test database and the broker this process sends to."""
    env = celery_worker_env(connection, tmp_path / "var", LOG_LEVEL="INFO")
    log = tmp_path / "worker.log"
    process = start_celery_worker("rules-browser", env, log, "-l", "info")
    yield process
    stop_process(process)
    print(log.read_text()[-4000:])


def test_rules_administrator_changes_texas_deadline(page, rulebook, worker):
    from django.contrib.auth.models import Group, Permission

    from audit import roles
    from incidents.actions import add_team_member, open_incident

    roles.sync_roles(Group, Permission)
    rita = make_person("rita.rules", "responder", first_name="Rita", last_name="Rules")
    rita.groups.set([Group.objects.get(name=roles.RULES_ADMINISTRATOR)])
    rita.user_permissions.add(Permission.objects.get(codename="publish_rule"))
    rita.is_staff = True
    rita.save()
    carla = make_person("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")

    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    now = datetime.now(UTC).replace(microsecond=0)
    texas = open_incident(
        facts(
            title="Payroll export left public",
            events={"occurred_at": None, "discovered_at": iso(now - timedelta(days=3))},
            data=["name", "ssn"],
            affected={"US-TX": 400},
            organisation={
                "role": "controller",
                "main_establishment": None,
                "established_in": ["US"],
                "subject_to": [],
            },
        ),
        acting_user=carla,
    )
    germany = open_incident(
        facts(title="Lost laptop", affected={"DE": 40}, data=["name", "contact"]),
        acting_user=carla,
    )
    old_due = texas.obligations.get(rule_code="US-TX-AG").due_at
    # The preview names only the cases the reader may see: Rita reads the Texas case's team.
    add_team_member(texas, rita, "viewer", acting_user=carla)

    # The rules administrator finds the Texas AG rule and edits it.
    sign_in(page, "rita.rules", at="/admin/login/")
    page.goto("/admin/jurisdictions/rule/?q=US-TX-AG")
    page.click("text=US-TX-AG")
    page.click("text=/Edit version \\d+/")
    page.fill("#id_deadline_amount", "45")
    page.fill("#id_effective_from", (now - timedelta(days=30)).date().isoformat())
    page.fill("#id_change_note", "HB 45: 30 days extended to 45")
    page.screenshot(path=str(SHOTS / "breachclock-rules-1-edit.png"), full_page=True)
    page.click("input[name=_save]")

    # The draft's preview: Texas moves, Germany does not.
    page.wait_for_selector("#impact-table")
    table = page.inner_text("#impact-table")
    assert texas.reference in table and "US-TX-AG" in table and "moved" in table
    assert germany.reference not in table
    assert old_due.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") in table
    differences = page.inner_text("#rule-differences")
    assert re.search(r"deadline amount\s+30\s+45", differences)
    page.screenshot(path=str(SHOTS / "breachclock-rules-2-preview.png"), full_page=True)

    # Publish: the worker recomputes while the page shows progress.
    page.click("#publish")
    page.wait_for_selector("#publish-job[data-state=done]", timeout=60_000)
    assert page.inner_text("#job-done") == "1" and page.inner_text("#job-total") == "1"
    page.screenshot(path=str(SHOTS / "breachclock-rules-3-published.png"), full_page=True)

    ob = texas.obligations.get(rule_code="US-TX-AG")
    assert ob.due_at == old_due + timedelta(days=15)
    # The published edit is the rule's newest version (the book keeps its earlier ones too).
    newest = RuleVersion.objects.filter(rule__code="US-TX-AG").order_by("-version").first()
    assert newest.version > 1 and ob.rule_version == newest.version
    assert newest.deadline_amount == 45

    # The case owner sees the new deadline and the rule change on the case's timeline.
    page.context.clear_cookies()
    sign_in(page, "carla.counsel")
    page.goto(f"/incidents/{texas.pk}/")
    assert "HB 45: 30 days extended to 45" in page.inner_text("#activity")
    page.screenshot(path=str(SHOTS / "breachclock-rules-4-case.png"), full_page=True)

    # The read-only rule book shows the new version and who published it.
    page.goto("/rules/US-TX-AG/")
    versions = page.inner_text("#rule-versions")
    assert "45 days" in versions and "rita.rules" in versions
    # Every resource the pages asked for loaded. (Chromium also probes /favicon.ico on the admin
    # pages, which link no icon; that probe's 404 shows only as a console message.)
    assert failed == []
    assert all("404" in message for message in page.console_errors), page.console_errors
