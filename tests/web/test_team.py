"""Managing a case's team from its pages: change a role, remove, make owner, leave.

Who is on a case decides who can see it, so each change is POST-only, names who made it in the
case's activity and the audit trail, and bad input changes nothing and says why.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from audit.models import AuditEvent
from incidents.models import Activity, Incident, TeamMember
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_counsel(case):
    """Counsel on ``case`` with the counsel role (``counsel`` is its owner)."""
    person = make_person("cleo.counsel", "counsel", first_name="Cleo", last_name="Counsel")
    case.team.create(user=person, role="counsel")
    return person


@pytest.fixture
def target(case):
    """The member the changes are made to: a viewer on ``case``."""
    person = make_person("tom.target", "responder", first_name="Tom", last_name="Target")
    case.team.create(user=person, role="viewer")
    return person


@pytest.fixture
def people(counsel, responder, viewer, outsider, privacy_officer, team_counsel):
    return {
        "owner": counsel,
        "responder": responder,
        "counsel": team_counsel,
        "viewer": viewer,
        "outsider": outsider,
        "privacy office": privacy_officer,
    }


def team_of(case) -> dict[str, str]:
    return dict(TeamMember.objects.filter(incident=case).values_list("user__username", "role"))


def snapshot(case):
    case = Incident.objects.unrestricted("test").get(pk=case.pk)
    return team_of(case), case.owner_id, Activity.objects.filter(incident=case).count()


def message_texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# -- who may do what -----------------------------------------------------------------------------
# (Handing the case on is the owner's alone: the other editors are refused, case unchanged.)
# persona -> the answer to a team change made by them (302: done; 403: may read, not change)
MANAGERS = {
    "owner": 302,
    "responder": 302,
    "counsel": 302,
    "viewer": 403,
    "outsider": 404,
    "privacy office": 403,
}

# change -> (url name, POST data, what the team looks like afterwards)
CHANGES = {
    "change role": ("incidents:team_role", {"role": "counsel"}, {"tom.target": "counsel"}),
    "remove": ("incidents:team_remove", {}, {"tom.target": None}),
    "make owner": (
        "incidents:team_owner",
        {},
        {"tom.target": "owner", "carla.counsel": "lead"},
    ),
}


@pytest.mark.parametrize("persona, status", MANAGERS.items())
@pytest.mark.parametrize("change", CHANGES)
def test_who_may_change_the_team(login, case, people, target, persona, status, change):
    name, data, expected = CHANGES[change]
    actor = people[persona]
    client = login(actor)
    url = reverse(name, args=[case.pk, target.pk])
    before = snapshot(case)

    response = client.post(url, data)

    assert response.status_code == status, response.content[:300]
    if status != 302:
        assert snapshot(case) == before
        return
    assert response["Location"] == reverse("incidents:team", args=[case.pk])
    if change == "make owner" and persona != "owner":
        # Only the owner (or the privacy office with change rights) hands a case on.
        assert snapshot(case) == before
        assert any("only the case owner" in m for m in message_texts(response))
        return
    team = team_of(case)
    for username, role in expected.items():
        assert team.get(username) == role
    entry = Activity.objects.filter(incident=case).latest("id")
    assert entry.actor == actor and entry.kind in ("team_role_changed", "team_removed")
    audit = AuditEvent.objects.filter(incident_id=case.pk, action="team_changed").latest("id")
    assert audit.actor_username == actor.username
    if change == "make owner":
        assert Incident.objects.unrestricted("test").get(pk=case.pk).owner == target


@pytest.mark.parametrize("persona, status", MANAGERS.items())
def test_who_sees_the_team_page_and_its_controls(login, case, people, target, persona, status):
    response = login(people[persona]).get(reverse("incidents:team", args=[case.pk]))
    assert response.status_code == (200 if status == 302 else status)
    if status == 302:
        body = response.content.decode()
        assert reverse("incidents:team_role", args=[case.pk, target.pk]) in body
        assert reverse("incidents:team_remove", args=[case.pk, target.pk]) in body
        # Only the owner is offered the hand-over.
        offered = reverse("incidents:team_owner", args=[case.pk, target.pk]) in body
        assert offered == (persona == "owner")
        # The owner's row offers no role form and no removal: only a transfer changes it.
        assert reverse("incidents:team_remove", args=[case.pk, people["owner"].pk]) not in body


@pytest.mark.parametrize("name", ["incidents:team_remove", "incidents:team_owner"])
def test_removal_and_transfer_ask_first(login, case, counsel, target, name):
    client = login(counsel)
    url = reverse(name, args=[case.pk, target.pk])
    before = snapshot(case)
    page = client.get(url)
    assert page.status_code == 200
    assert "Tom Target" in page.content.decode()
    assert re.search(r"<button[^>]*>[^<]*Tom Target[^<]*</button>", page.content.decode())
    assert snapshot(case) == before


def test_changing_a_role_is_post_only(login, case, counsel, target):
    url = reverse("incidents:team_role", args=[case.pk, target.pk])
    assert login(counsel).get(url).status_code == 405
    assert team_of(case)["tom.target"] == "viewer"


def test_the_activity_says_who_changed_what(login, case, counsel, target):
    client = login(counsel)
    client.post(reverse("incidents:team_role", args=[case.pk, target.pk]), {"role": "responder"})
    client.post(reverse("incidents:team_owner", args=[case.pk, target.pk]))
    client.post(reverse("incidents:team_remove", args=[case.pk, counsel.pk]))
    entries = list(
        Activity.objects.filter(incident=case).order_by("id").values_list("kind", "summary")
    )
    assert entries == [
        ("team_role_changed", "tom.target is now Responder"),
        ("team_role_changed", "Ownership passed from carla.counsel to tom.target"),
        ("team_removed", "carla.counsel left the case"),
    ]
    role_change = Activity.objects.filter(incident=case).earliest("id")
    assert role_change.before == {"user": "tom.target", "role": "viewer"}
    assert role_change.after == {"user": "tom.target", "role": "responder"}
    assert AuditEvent.objects.filter(incident_id=case.pk, action="team_changed").count() == 3


# -- bad input: a clear message, nothing changed --------------------------------------------------
# label -> (url name, whose user id, POST data, words of the message)
REFUSALS = {
    "role of someone not on the team": (
        "incidents:team_role",
        "outsider",
        {"role": "viewer"},
        "that person is not on this case's team",
    ),
    "role of an unknown user id": (
        "incidents:team_role",
        None,
        {"role": "viewer"},
        "that person is not on this case's team",
    ),
    "remove someone not on the team": (
        "incidents:team_remove",
        "outsider",
        {},
        "that person is not on this case's team",
    ),
    "make an unknown user owner": (
        "incidents:team_owner",
        None,
        {},
        "that person is not on this case's team",
    ),
    "remove the owner": (
        "incidents:team_remove",
        "owner",
        {},
        "Nobody removed: the owner cannot be removed; transfer ownership first.",
    ),
    "role not in the choices": (
        "incidents:team_role",
        "target",
        {"role": "chief"},
        "“chief” is not a role that can be given here",
    ),
    "owner role by the role form": (
        "incidents:team_role",
        "target",
        {"role": "owner"},
        "the owner changes only with “Make owner”",
    ),
    "no role at all": (
        "incidents:team_role",
        "target",
        {},
        "Role of tom.target not changed: choose a role from the list.",
    ),
    "the owner's role": (
        "incidents:team_role",
        "owner",
        {"role": "viewer"},
        "the owner's role changes only by transfer of ownership",
    ),
    "an inactive person made owner": (
        "incidents:team_owner",
        "inactive",
        {},
        "Ownership not transferred: tom.target must be an active user.",
    ),
}


@pytest.mark.parametrize("name, whose, data, words", REFUSALS.values(), ids=list(REFUSALS))
def test_bad_input_says_why_and_changes_nothing(
    login, case, people, target, name, whose, data, words
):
    if whose == "inactive":
        target.is_active = False
        target.save()
    ids = {"outsider": people["outsider"].pk, "owner": people["owner"].pk, "inactive": target.pk}
    user_id = ids.get(whose, target.pk) if whose else 987654
    client = login(people["responder"])
    before = snapshot(case)
    audited = AuditEvent.objects.filter(action="team_changed").count()

    response = client.post(reverse(name, args=[case.pk, user_id]), data)

    assert response.status_code == 302
    assert response["Location"] == reverse("incidents:team", args=[case.pk])
    assert any(words in text for text in message_texts(response)), message_texts(response)
    assert snapshot(case) == before
    assert AuditEvent.objects.filter(action="team_changed").count() == audited
    page = client.get(response["Location"]).content.decode()
    assert "message-error" in page


def test_the_same_role_again_changes_nothing(login, case, counsel, target):
    response = login(counsel).post(
        reverse("incidents:team_role", args=[case.pk, target.pk]), {"role": "viewer"}
    )
    assert "already is Viewer" in " ".join(message_texts(response))
    assert not Activity.objects.filter(incident=case).exists()


def test_the_owner_made_owner_again_changes_nothing(login, case, counsel):
    response = login(counsel).post(reverse("incidents:team_owner", args=[case.pk, counsel.pk]))
    assert "carla.counsel already owns the case" in " ".join(message_texts(response))
    assert not Activity.objects.filter(incident=case).exists()


def test_an_out_of_range_user_id_is_an_address_that_leads_nowhere(login, case, counsel):
    # An id beyond any database id does not match the URL pattern (config.converters): 404.
    url = f"/incidents/{case.pk}/team/{10**30}/role/"
    response = login(counsel).post(url, {"role": "viewer"})
    assert response.status_code == 404
    assert not Activity.objects.filter(incident=case).exists()


def test_an_editor_who_makes_themself_a_viewer_lands_on_the_case(login, case, responder):
    response = login(responder).post(
        reverse("incidents:team_role", args=[case.pk, responder.pk]), {"role": "viewer"}
    )
    assert response["Location"] == reverse("incidents:detail", args=[case.pk]) + "#team"
    assert team_of(case)["rui.responder"] == "viewer"


# -- leaving -------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", ["responder", "counsel", "viewer"])
def test_any_member_may_leave_and_the_case_disappears(login, case, people, persona):
    person = people[persona]
    client = login(person)
    assert case.reference in client.get(reverse("incidents:list")).content.decode()
    leave = reverse("incidents:leave", args=[case.pk])
    assert "Leave this case" in client.get(leave).content.decode()

    response = client.post(leave)

    assert response["Location"] == reverse("incidents:list")
    assert f"You left {case.reference}" in " ".join(message_texts(response))
    assert person.username not in team_of(case)
    entry = Activity.objects.filter(incident=case).get()
    assert (entry.kind, entry.actor, entry.summary) == (
        "team_removed",
        person,
        f"{person.username} left the case",
    )
    assert AuditEvent.objects.filter(
        incident_id=case.pk, action="team_changed", actor_username=person.username
    ).exists()
    landing = client.get(response["Location"]).content.decode()  # shows the message once
    assert f"You left {case.reference}" in landing
    assert case.reference not in client.get(reverse("incidents:list")).content.decode()
    assert client.get(reverse("incidents:detail", args=[case.pk])).status_code == 404
    assert client.post(leave).status_code == 404


def test_the_owner_must_hand_the_case_on_before_leaving(login, case, counsel, responder):
    client = login(counsel)
    leave = reverse("incidents:leave", args=[case.pk])
    page = client.get(leave).content.decode()
    assert "You own this case, so you cannot leave it yet" in page
    assert "Leave this case</button>" not in page
    before = snapshot(case)
    response = client.post(leave)
    assert response["Location"] == reverse("incidents:detail", args=[case.pk]) + "#team"
    assert "make another member the owner before you leave" in " ".join(message_texts(response))
    assert snapshot(case) == before

    client.post(reverse("incidents:team_owner", args=[case.pk, responder.pk]))
    assert client.post(leave)["Location"] == reverse("incidents:list")
    assert "carla.counsel" not in team_of(case)


def test_leaving_is_post_only_and_not_for_outsiders(login, case, outsider, privacy_officer):
    leave = reverse("incidents:leave", args=[case.pk])
    assert login(outsider).post(leave).status_code == 404
    response = login(privacy_officer).post(leave)
    assert response["Location"] == reverse("incidents:detail", args=[case.pk])
    assert "You are not on this case's team" in " ".join(message_texts(response))
    assert not Activity.objects.filter(incident=case).exists()


def test_the_case_page_offers_leaving(login, case, counsel, viewer):
    leave = reverse("incidents:leave", args=[case.pk])
    viewer_page = login(viewer).get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert leave in viewer_page and "Manage team" not in viewer_page
    owner_page = login(counsel).get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert leave not in owner_page
    assert "You own this case: to leave it, make another member the owner first" in owner_page


# -- cost ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 25])
def test_the_team_page_costs_the_same_for_any_team(
    login, case, counsel, django_assert_max_num_queries, n
):
    for i in range(n):
        case.team.create(user=make_person(f"member.{i}", "responder"), role="responder")
    client = login(counsel)
    url = reverse("incidents:team", args=[case.pk])
    client.get(url)  # warm the session's time zone
    # Session, user, the case, the editor's role and permissions, the team with its users.
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="team-role-form"') == n + 2


# -- nobody takes a case away from its owner or raises their own standing --------------------------
def test_a_responder_cannot_make_themselves_owner_or_lead(login, case, responder, counsel):
    client = login(responder)
    before = snapshot(case)
    client.post(reverse("incidents:team_owner", args=[case.pk, responder.pk]))
    client.post(reverse("incidents:team_role", args=[case.pk, responder.pk]), {"role": "lead"})
    assert snapshot(case) == before
    assert Incident.objects.unrestricted("test").get(pk=case.pk).owner == counsel


def test_a_member_may_step_down_but_not_up(login, case, responder):
    client = login(responder)
    client.post(reverse("incidents:team_role", args=[case.pk, responder.pk]), {"role": "viewer"})
    assert team_of(case)[responder.username] == "viewer"


def test_only_the_owner_manages_leads(login, case, counsel, responder, target):
    from incidents import actions

    actions.add_team_member(case, target, "lead", acting_user=counsel)  # the owner may
    before = snapshot(case)
    client = login(responder)
    client.post(reverse("incidents:team_role", args=[case.pk, target.pk]), {"role": "viewer"})
    client.post(reverse("incidents:team_remove", args=[case.pk, target.pk]))
    assert snapshot(case) == before


def test_the_case_is_handed_only_to_someone_who_may_act_on_it(login, case, counsel, viewer):
    before = snapshot(case)
    response = login(counsel).post(reverse("incidents:team_owner", args=[case.pk, viewer.pk]))
    assert snapshot(case) == before
    assert any("read-only" in m for m in message_texts(response))


def test_a_handover_records_both_peoples_roles(login, case, counsel, target):
    login(counsel).post(reverse("incidents:team_owner", args=[case.pk, target.pk]))
    entry = Activity.objects.filter(incident=case).latest("id")
    assert entry.before["roles"] == {counsel.username: "owner", target.username: "viewer"}
    assert entry.after["roles"] == {counsel.username: "lead", target.username: "owner"}
