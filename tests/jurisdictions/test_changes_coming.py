"""The "Changes coming" page: rule versions taking effect in the next 180 days, each with the open
cases it would change (named for people on those cases, counted for the others), and the laws
pending without a date; and its card on the dashboard."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from audit import roles
from jurisdictions import upcoming
from tests.factories import UserFactory, facts

TODAY = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
URL = "/rules/changes-coming/"


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def rules_admin(db):
    roles.sync_roles(Group, Permission)
    user = UserFactory(username="rina.rules", first_name="Rina", last_name="Rules")
    user.groups.add(Group.objects.get(name=roles.RULES_ADMINISTRATOR))
    return user


@pytest.fixture
def indian_case(counsel, open_case):
    """A breach affecting residents of India, discovered in March 2026: the DPDP Rules' breach
    duties (rule 7) start on 2027-05-14, inside the 180 days from 2026-12-06."""
    return open_case(counsel, facts(title="Indian customers", affected={"IN": 500}))


@pytest.mark.parametrize(
    ("today", "codes_in", "codes_out"),
    [
        (date(2026, 12, 6), {"IN-DPDP-BOARD", "IN-DPDP-PRINCIPALS"}, set()),
        # 2027-05-14 is 180 days after 2026-11-15 (hand-counted: 15 Nov + 180 d = 14 May).
        (date(2026, 11, 15), {"IN-DPDP-BOARD"}, set()),
        (date(2026, 11, 14), set(), {"IN-DPDP-BOARD"}),
        (date(2027, 5, 14), set(), {"IN-DPDP-BOARD"}),  # in force that day: no longer coming
    ],
)
def test_the_horizon_is_the_next_180_days(db, today, codes_in, codes_out):
    codes = {r.code for r in upcoming.coming(today)}
    assert codes_in <= codes and not (codes_out & codes)


def test_pending_lists_undated_laws_with_their_sources(db):
    pending = {r.code: r for r in upcoming.pending()}
    assert {"US-CIRCIA-INCIDENT", "US-CIRCIA-RANSOM"} <= set(pending)
    assert "IN-DPDP-BOARD" not in pending  # it has a date
    assert pending["US-CIRCIA-INCIDENT"].sources


def test_counsel_on_the_case_sees_it_named(login, counsel, indian_case):
    html = login(counsel).get(URL).content.decode()
    assert "Changes coming" in html and "IN-DPDP-BOARD" in html
    section = html[html.index('id="coming-IN-DPDP-BOARD-') :]
    section = section[: section.index("</article>")]
    assert indian_case.reference in section and "1 open case would change" in section
    assert "added" in section
    pending = html[html.index('id="pending"') :]
    assert "US-CIRCIA-INCIDENT" in pending and "Proposed, not in force" in pending


def test_rules_administrator_off_the_case_gets_a_count_only(login, rules_admin, indian_case):
    response = login(rules_admin).get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    section = html[html.index('id="coming-IN-DPDP-BOARD-') :]
    section = section[: section.index("</article>")]
    assert "1 open case would change" in section and "not on your cases" in section
    assert indian_case.reference not in html and "Indian customers" not in html


@pytest.mark.parametrize("who", ["responder", "viewer"])
def test_others_may_not_open_it(request, login, who):
    assert login(request.getfixturevalue(who)).get(URL).status_code == 403


def test_the_dashboard_card_counts_and_lists_the_next_changes(login, responder):
    html = login(responder).get(reverse("dashboard")).content.decode()
    card = html[html.index('id="changes-coming"') :]
    card = card[: card.index("</section>")]
    assert "Changes coming to the law" in card and "IN-DPDP-BOARD" in card
    assert "2027-05-14" in card and "without a date yet" in card
    assert URL not in card  # a responder has no access to the page: no link


def test_the_dashboard_card_links_counsel_to_the_page(login, counsel):
    html = login(counsel).get(reverse("dashboard")).content.decode()
    assert URL in html
