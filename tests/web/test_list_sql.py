"""The case list's statement on PostgreSQL (``incidents.list_sql``) lists the same cases, in the
same order and with the same count, as the ORM's ``visible_to`` + ``CaseFilters.apply`` (what the
API and SQLite use), for every kind of person and every filter and sort, including the text a
LIKE pattern treats specially (``%``, ``_``, ``\\``) and text a database cannot compare."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.db import connection
from django.utils import timezone

from incidents import list_sql
from incidents.models import Incident
from incidents.queries import SORTS, CaseFilters, IncidentQuerySet, case_ids
from tests.conftest import make_person
from tests.factories import IncidentFactory, ObligationFactory, TeamMemberFactory
from tests.services import require_postgresql

pytestmark = [pytest.mark.django_db, pytest.mark.services]

NOW = timezone.now()

FILTERS = [
    CaseFilters(),
    CaseFilters(status="triage"),
    CaseFilters(status="closed"),
    CaseFilters(jurisdiction="US"),
    CaseFilters(jurisdiction=" us-ca "),
    CaseFilters(jurisdiction="U"),  # a prefix of a code is not a place: "U" finds "U-..." only
    CaseFilters(jurisdiction="%"),
    CaseFilters(jurisdiction="_S"),
    CaseFilters(jurisdiction="GB"),  # an obligation's place, nobody affected there
    CaseFilters(owner="carla.counsel"),
    CaseFilters(owner="nobody.at.all"),
    CaseFilters(owner="%"),
    CaseFilters(owner="²"),  # str.isdigit() says yes, int() cannot read it: a username
    CaseFilters(owner="٣"),  # an Arabic-Indic digit: a username too, not user 3
    CaseFilters(owner="9" * 19),  # past a bigint: a username
    CaseFilters(owner="-1"),
    CaseFilters(due_within=timedelta(hours=24)),
    CaseFilters(due_within=timedelta(days=7)),
    CaseFilters(q="ransom"),
    CaseFilters(q="RANSOM"),
    CaseFilters(q="50%"),
    CaseFilters(q="a_b"),
    CaseFilters(q="back\\slash"),
    CaseFilters(q="%"),
    CaseFilters(q="   "),
    CaseFilters(q="INC-2026"),
    CaseFilters(q="nul\x00byte"),
    CaseFilters(jurisdiction="\ud800"),
    CaseFilters(status="investigating", jurisdiction="US", q="laptop"),
    CaseFilters(owner="carla.counsel", status="notifying", sort="severity"),
    CaseFilters(due_within=timedelta(days=7), jurisdiction="DE", q="e"),
    *(CaseFilters(sort=sort) for sort in [*SORTS, "nonsense"]),
]


@pytest.fixture
def people(db):
    counsel = make_person("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")
    responder = make_person("rui.responder", "responder")
    outsider = make_person("oscar.outsider", "responder")
    office = make_person("priya.privacy", "privacy office")
    gone = make_person("gina.gone", "counsel", is_active=False)
    office_gone = make_person("otto.office", "privacy office", is_active=False)
    root = make_person("sam.super", "responder", is_superuser=True)
    granted = make_person("greta.granted", "responder")
    granted.user_permissions.add(Permission.objects.get(codename="view_all_incidents"))
    titles = [
        "Ransomware on the file server",
        "Lost laptop (ransom note?)",
        "50% of mailboxes phished",
        "a_b test data exposed",
        "abb not an underscore match",
        "back\\slash in a path",
        "Misdirected e-mail",
        "Misdirected e-mail",  # the same title twice: the id breaks the tie
    ]
    statuses = ["triage", "investigating", "notifying", "closed", "reopened"]
    places = [{"US-CA": 10}, {"US": 5}, {"DE": 7}, {"USA": 1}, {}, {"U-X": 2, "FR": 1}]
    for i, title in enumerate(titles * 2):
        owner = counsel if i % 3 else responder
        case = IncidentFactory(
            owner=owner,
            title=title,
            status=statuses[i % len(statuses)],
            severity=["low", "medium", "high", "critical"][i % 4],
            affected=places[i % len(places)],
            created_at=NOW - timedelta(hours=i % 5),  # ties on the opening time too
        )
        if i % 2:
            TeamMemberFactory(incident=case, user=counsel if owner == responder else responder)
        if i % 3 == 0:  # still on teams, but deactivated: sees (and counts) none of them
            TeamMemberFactory(incident=case, user=gone)
        if i % 4 != 3:
            ObligationFactory(
                incident=case,
                jurisdiction="GB" if i % 5 == 0 else "DE",
                due_at=NOW + timedelta(hours=[-5, 3, 30, 100, 400][i % 5]),
            )
    assert Incident.objects.unrestricted("test set-up").count() == 16
    return {
        "counsel": counsel,
        "responder": responder,
        "outsider": outsider,
        "office": office,
        "gone": gone,
        "office_gone": office_gone,
        "root": root,
        "granted": granted,
        "anonymous": AnonymousUser(),
    }


def _run(statement: list_sql.Statement):
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        return cursor.fetchall()


def _written_agrees_with_the_orm(user, filters, written, label):
    """The written statements find, count and look ahead (a deadline window's next case) as the
    ORM does on ``visible_to(user)``."""
    ids, counted = case_ids(user, filters, now=NOW)
    assert [row[0] for row in _run(written.ids)] == list(ids), label
    assert len(_run(written.counted)) == counted.count(), label
    if filters.due_within is None:
        assert written.later is None, label
        return
    later = (
        replace(filters, due_within=None)
        .apply(Incident.objects.visible_to(user))
        .filter(next_due_at__gt=NOW + filters.due_within)
        .order_by("next_due_at")
        .values_list("next_due_at", flat=True)
        .first()
    )
    found = _run(written.later)
    assert (found[0][0] if found else None) == later, label


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_the_list_statement_finds_what_the_orm_finds(people, filters):
    require_postgresql(connection)
    for name, user in people.items():
        _written_agrees_with_the_orm(user, filters, list_sql.case_ids(user, filters, NOW), name)


def test_who_sees_what_through_the_written_condition(people):
    """The condition itself: the office (through its group, a permission of one's own, or a
    superuser) sees every case, a team member their team's, an outsider, a deactivated account
    (even the office's) and nobody signed in none."""
    require_postgresql(connection)
    seen = {
        name: {row[0] for row in _run(list_sql.case_ids(user, CaseFilters(), NOW).ids)}
        for name, user in people.items()
    }
    every = set(Incident.objects.unrestricted("test oracle").values_list("pk", flat=True))
    assert seen["office"] == seen["root"] == seen["granted"] == every
    for nobody in ("outsider", "gone", "office_gone", "anonymous"):
        assert seen[nobody] == set(), nobody
        # Nor are they counted: a deactivated account's old team rows count for nothing.
        assert _run(list_sql.case_ids(people[nobody], CaseFilters(), NOW).counted) == [], nobody
        assert case_ids(people[nobody], CaseFilters(), now=NOW)[1].count() == 0, nobody
    assert seen["counsel"] and seen["counsel"] < every
    assert seen["counsel"] == set(
        Incident.objects.unrestricted("test oracle")
        .filter(team__user=people["counsel"])
        .values_list("pk", flat=True)
    )


def test_every_sort_and_filter_combination_keeps_the_orm_order(people):
    """A sweep over sorts crossed with a few filters, for the person on some of the teams."""
    require_postgresql(connection)
    user = people["counsel"]
    for sort, extra in product(
        SORTS, [{}, {"status": "triage"}, {"q": "e"}, {"jurisdiction": "US"}]
    ):
        filters = CaseFilters(sort=sort, **extra)
        ids, _ = case_ids(user, filters, now=NOW)
        written = list_sql.case_ids(user, filters, NOW)
        assert [row[0] for row in _run(written.ids)] == list(ids), filters


def _team_order(user, sort="-created"):
    """The ids the team-table path lists, beside the ORM's."""
    filters = CaseFilters(sort=sort)
    written = list_sql.case_ids(user, filters, NOW)
    assert "case_created_at" in written.ids.sql  # the path under test: the team table alone
    return [row[0] for row in _run(written.ids)], list(case_ids(user, filters, now=NOW)[0])


def test_a_team_members_cases_in_opening_order_follow_every_change_of_an_opening_time(people):
    """Unfiltered, newest or oldest first, a team member's ids come from the team rows, each of
    which carries its case's opening time: kept right when the time changes, when the case is
    written after its team rows (a fixture load, constraints deferred), and whatever a writer
    puts in the copy."""
    require_postgresql(connection)
    counsel = people["counsel"]
    for sort in ("-created", "created", None, "nonsense"):
        listed, orm = _team_order(counsel, sort)
        assert listed == orm, sort
    # An opening time moved after the team rows exist.
    first = Incident.objects.visible_to(counsel).order_by("created_at", "id").first()
    Incident.objects.unrestricted("test set-up").filter(pk=first.pk).update(
        created_at=NOW + timedelta(days=1)
    )
    listed, orm = _team_order(counsel)
    assert listed == orm and listed[0] == first.pk
    # A forged copy is put right before it is written.
    with connection.cursor() as cursor:
        cursor.execute(
            'UPDATE "incidents_teammember" SET "case_created_at" = %s WHERE "incident_id" = %s',
            [NOW - timedelta(days=999), first.pk],
        )
    listed, orm = _team_order(counsel)
    assert listed == orm and listed[0] == first.pk
    # A team row written before its case (constraints deferred, as a fixture load does).
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute('SELECT MAX("id") + 1000 FROM "incidents_incident"')
        (future,) = cursor.fetchone()
        cursor.execute(
            'INSERT INTO "incidents_teammember" ("incident_id", "user_id", "role", "added_at")'
            " VALUES (%s, %s, 'responder', %s)",
            [future, counsel.pk, NOW],
        )
        IncidentFactory(pk=future, owner=people["responder"], created_at=NOW - timedelta(days=30))
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    listed, orm = _team_order(counsel)
    assert listed == orm and listed[-1] == future


TEAM_FILTERS = [
    CaseFilters(status="triage"),
    CaseFilters(status="closed", sort="severity"),
    CaseFilters(owner="carla.counsel"),
    CaseFilters(owner="rui.responder", status="notifying", sort="-status"),
    CaseFilters(due_within=timedelta(days=7)),
    CaseFilters(due_within=timedelta(hours=24), sort="-next_due"),
    CaseFilters(due_within=timedelta(days=30), status="triage", sort="next_due"),
    CaseFilters(sort="next_due"),
    CaseFilters(jurisdiction="US"),
    CaseFilters(jurisdiction="de", status="triage", sort="-severity"),
    CaseFilters(jurisdiction="GB", due_within=timedelta(days=7)),
]


def _team_lists_agree(people, user):
    """Every filter of ``TEAM_FILTERS`` is read from the team rows alone, and finds, counts,
    orders and looks ahead as the ORM does on the cases."""
    for filters in TEAM_FILTERS:
        written = list_sql.case_ids(user, filters, NOW)
        for statement in (written.ids, written.counted, written.later):
            assert statement is None or '"incidents_incident"' not in statement.sql, filters
        _written_agrees_with_the_orm(user, filters, written, filters)


def test_a_team_members_filtered_lists_follow_every_change_of_a_case(people):
    """Filtered on status, owner, deadline or place, a team member's list comes from the team
    rows, each carrying its case's status, severity, owner and earliest open deadline: kept right
    through a case saved, a case updated in bulk, a deadline added and met, a forged copy and a
    team row added later."""
    require_postgresql(connection)
    counsel, responder = people["counsel"], people["responder"]
    _team_lists_agree(people, counsel)
    case = Incident.objects.visible_to(counsel).order_by("id").first()
    case.status, case.severity, case.owner = "closed", "critical", responder
    case.save()
    _team_lists_agree(people, counsel)
    Incident.objects.unrestricted("test set-up").filter(pk=case.pk).update(
        status="triage", owner=counsel, severity="low"
    )
    _team_lists_agree(people, counsel)
    # An obligation due in two hours moves the case's earliest deadline into the windows ...
    soon = ObligationFactory(incident=case, jurisdiction="DE", due_at=NOW + timedelta(hours=2))
    case.refresh_from_db()
    assert case.next_due_at == soon.due_at
    _team_lists_agree(people, counsel)
    # ... and out again once notified.
    soon.status = "notified"
    soon.save()
    _team_lists_agree(people, counsel)
    # A forged copy is put right before it is written.
    with connection.cursor() as cursor:
        cursor.execute(
            'UPDATE "incidents_teammember" SET "case_status" = %s, "case_owner_id" = NULL,'
            ' "case_next_due_at" = NULL WHERE "incident_id" = %s',
            ["closed", case.pk],
        )
    _team_lists_agree(people, counsel)
    # Someone added to a team later carries the case as it is.
    outsider = people["outsider"]
    TeamMemberFactory(incident=case, user=outsider)
    _team_lists_agree(people, outsider)
    assert [row[0] for row in _run(list_sql.case_ids(outsider, TEAM_FILTERS[0], NOW).ids)] == [
        case.pk
    ]


def test_a_rule_added_to_visibility_turns_the_team_path_off(people, monkeypatch):
    """The team rows record only who is on which team: were ``visibility_sql`` to hide more
    (say, privileged cases), a team member's list must come from the cases again, the rule in
    both the count and the ids, never from the team rows around it."""
    require_postgresql(connection)
    original = IncidentQuerySet.visibility_sql

    def stricter(self, user):
        sql, params = original(self, user)
        return f'({sql}) AND NOT "incidents_incident"."privileged"', params

    monkeypatch.setattr(IncidentQuerySet, "visibility_sql", stricter)
    for filters in TEAM_FILTERS:
        written = list_sql.case_ids(people["counsel"], filters, NOW)
        assert "privileged" in written.ids.sql and "privileged" in written.counted.sql, filters
