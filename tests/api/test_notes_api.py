"""/api/v1/incidents/{id}/notes and /team: findings posted by tools, and who is on the case."""

from __future__ import annotations

import json

import pytest

from audit.choices import Action
from audit.models import AuditEvent
from incidents import actions
from incidents.models import Activity, Note
from tests.factories import NoteFactory


def notes_url(pk):
    return f"/api/v1/incidents/{pk}/notes"


def team_url(pk):
    return f"/api/v1/incidents/{pk}/team"


FINDING = {"text": "EDR: beacon to 203.0.113.7 from shop-web-2", "privileged": False}


# --- who may do what ---------------------------------------------------------------------------
# persona -> (GET notes, POST a note, GET team)
REACH = [
    ("counsel", 200, 201, 200),
    ("responder", 200, 201, 200),
    ("viewer", 200, 403, 200),
    ("privacy_officer", 200, 403, 200),  # sees every case, changes none
    ("outsider", 404, 404, 404),  # as if the case did not exist
]


@pytest.mark.parametrize(("persona", "read", "post", "team"), REACH, ids=[r[0] for r in REACH])
def test_reach(request, client_for, case, persona, read, post, team):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(notes_url(case.pk)).status_code == read
    assert client.post(notes_url(case.pk), FINDING, format="json").status_code == post
    assert client.get(team_url(case.pk)).status_code == team
    assert Note.objects.filter(incident=case).count() == (1 if post == 201 else 0)


def test_anonymous_gets_401(api_client, case):
    for method, url in [
        ("get", notes_url(case.pk)),
        ("post", notes_url(case.pk)),
        ("get", team_url(case.pk)),
    ]:
        response = getattr(api_client, method)(url, FINDING, format="json")
        assert response.status_code == 401, (method, url)
    assert not Note.objects.exists()


@pytest.mark.parametrize("url", [notes_url(999999), team_url(999999)])
def test_missing_case_is_404(as_counsel, url):
    assert as_counsel.get(url).status_code == 404
    assert as_counsel.post(url, FINDING, format="json").status_code in (404, 405)


def test_team_is_read_only(as_counsel, case):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(as_counsel, method)(team_url(case.pk), {}, format="json")
        assert response.status_code == 405, method
    assert case.team.count() == 3


# --- posting -----------------------------------------------------------------------------------
def test_post_adds_the_note_and_answers_201(as_counsel, case, counsel):
    response = as_counsel.post(notes_url(case.pk), FINDING, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    note = Note.objects.get(incident=case)
    assert body == {
        "id": note.pk,
        "author": "carla.counsel",
        "text": FINDING["text"],
        "privileged": False,
        "personal": False,
        "created_at": note.created_at.isoformat().replace("+00:00", "Z"),
    }
    assert note.author == counsel


def test_the_note_is_in_the_activity_timeline_and_the_audit_trail(as_counsel, case, counsel):
    body = as_counsel.post(notes_url(case.pk), FINDING, format="json").json()
    entry = Activity.objects.get(incident=case, kind="note_added")
    assert entry.actor == counsel and entry.after["note"] == body["id"]
    timeline = json.loads(as_counsel.get(f"/api/v1/incidents/{case.pk}/activity").content)
    assert [a["after"]["text"] for a in timeline["activity"] if a["kind"] == "note_added"] == [
        FINDING["text"]
    ]
    assert AuditEvent.objects.filter(incident_id=case.pk, action=Action.CHANGE).exists()


def test_privileged_defaults_to_false_and_text_is_trimmed(as_counsel, case):
    response = as_counsel.post(notes_url(case.pk), {"text": "  Scope confirmed \n"}, format="json")
    assert response.status_code == 201
    assert response.json()["privileged"] is False
    assert response.json()["text"] == "Scope confirmed"


def test_a_privileged_note_is_labelled_in_the_timeline(as_counsel, case):
    body = as_counsel.post(
        notes_url(case.pk), {"text": "Strategy", "privileged": True}, format="json"
    ).json()
    assert body["privileged"] is True
    assert Activity.objects.get(incident=case, kind="note_added").summary == "Privileged note added"


LONGEST = actions.NOTE_MAX_LENGTH
BAD_NOTES = [
    ("no text", {"privileged": False}, "text"),
    ("blank text", {"text": "   \n\t"}, "text"),
    ("null text", {"text": None}, "text"),
    ("text as a number", {"text": 42}, "text"),
    ("text as a list", {"text": ["a", "b"]}, "text"),
    ("text as an object", {"text": {"a": 1}}, "text"),
    ("too long", {"text": "x" * (LONGEST + 1)}, "text"),
    ("NUL", {"text": "before\x00after"}, "text"),
    ("lone surrogate", {"text": "bad \ud800 text"}, "text"),
    ("privileged as text", {"text": "ok", "privileged": "false"}, "privileged"),
    ("privileged as a number", {"text": "ok", "privileged": 1}, "privileged"),
    ("privileged null", {"text": "ok", "privileged": None}, "privileged"),
    ("unknown field", {"text": "ok", "author": "someone.else"}, "author"),
]


@pytest.mark.parametrize(
    ("payload", "field"), [b[1:] for b in BAD_NOTES], ids=[b[0] for b in BAD_NOTES]
)
def test_bad_input_is_400_naming_the_field_and_stores_nothing(as_counsel, case, payload, field):
    # json.dumps writes a lone surrogate as \ud800, as a careless client would send it.
    response = as_counsel.generic(
        "POST", notes_url(case.pk), json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 400, response.content
    body = response.json()
    assert list(body) == [field], body
    assert body[field] and isinstance(body[field][0], str)
    assert not Note.objects.exists()
    assert not Activity.objects.filter(kind="note_added").exists()


@pytest.mark.parametrize(
    ("payload", "content_type", "code"),
    [
        ("[1, 2]", "application/json", 400),
        ('"text"', "application/json", 400),
        ("null", "application/json", 400),
        ("{bad json", "application/json", 400),
        ("", "application/json", 400),
        ("text=hello", "application/x-www-form-urlencoded", 415),  # JSON only
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(as_counsel, case, payload, content_type, code):
    response = as_counsel.generic("POST", notes_url(case.pk), payload, content_type=content_type)
    assert response.status_code == code, response.content
    assert not Note.objects.exists()


def test_the_longest_note_allowed_is_stored(as_counsel, case):
    response = as_counsel.post(notes_url(case.pk), {"text": "x" * LONGEST}, format="json")
    assert response.status_code == 201, response.content


# --- reading -----------------------------------------------------------------------------------
def test_notes_oldest_first_with_author_and_utc_time(client_for, case, counsel, responder, viewer):
    actions.add_note(case, "First", acting_user=counsel)
    actions.add_note(case, "Second", acting_user=responder, privileged=True)
    body = client_for(viewer).get(notes_url(case.pk)).json()
    assert body["count"] == 2 and body["next"] is None
    assert [(n["text"], n["author"], n["privileged"]) for n in body["results"]] == [
        ("First", "carla.counsel", False),
        # A viewer reads privileged notes, labelled, as on the case page.
        ("Second", "rui.responder", True),
    ]
    assert all(n["created_at"].endswith("Z") for n in body["results"])


def test_notes_of_other_cases_are_not_listed(as_counsel, case):
    NoteFactory(text="Someone else's case")
    actions.add_note(case, "Ours", acting_user=case.owner)
    assert [n["text"] for n in as_counsel.get(notes_url(case.pk)).json()["results"]] == ["Ours"]


def test_notes_are_paginated(as_counsel, case, counsel):
    for i in range(5):
        NoteFactory(incident=case, author=counsel, text=f"note {i}")
    first = as_counsel.get(notes_url(case.pk), {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["next"]
    texts = [
        n["text"]
        for page in (1, 2, 3)
        for n in as_counsel.get(notes_url(case.pk), {"page_size": 2, "page": page}).json()[
            "results"
        ]
    ]
    assert texts == [f"note {i}" for i in range(5)]
    assert as_counsel.get(notes_url(case.pk), {"page": 9}).status_code == 404


def test_reading_the_notes_is_audited_as_a_case_view(as_counsel, case, counsel):
    as_counsel.get(notes_url(case.pk))
    viewed = AuditEvent.objects.filter(incident_id=case.pk, action=Action.CASE_VIEWED)
    assert viewed.get().actor_id == counsel.pk


def test_notes_query_count_does_not_grow_with_notes(
    as_counsel, case, counsel, responder, django_assert_max_num_queries
):
    def make(n):
        for i in range(n):
            NoteFactory(incident=case, author=counsel if i % 2 else responder)

    make(2)
    with django_assert_max_num_queries(6) as few:
        assert as_counsel.get(notes_url(case.pk)).status_code == 200
    make(40)
    with django_assert_max_num_queries(6) as many:
        body = as_counsel.get(notes_url(case.pk)).json()
    assert body["count"] == 42 and len(body["results"]) == 42
    assert len(many.captured_queries) == len(few.captured_queries)


def test_team(client_for, case, viewer):
    body = client_for(viewer).get(team_url(case.pk)).json()
    assert [(m["username"], m["name"], m["role"]) for m in body] == [
        ("carla.counsel", "Carla Counsel", "owner"),
        ("rui.responder", "Rui Responder", "responder"),
        ("vera.viewer", "Vera Viewer", "viewer"),
    ]
    assert all(m["added_at"].endswith("Z") for m in body)


def test_team_query_count_does_not_grow_with_members(
    as_counsel, case, counsel, django_assert_max_num_queries
):
    from tests.factories import UserFactory

    with django_assert_max_num_queries(4) as few:
        assert as_counsel.get(team_url(case.pk)).status_code == 200
    for _ in range(10):
        actions.add_team_member(case, UserFactory(), "responder", acting_user=counsel)
    with django_assert_max_num_queries(4) as many:
        assert len(as_counsel.get(team_url(case.pk)).json()) == 13
    assert len(many.captured_queries) == len(few.captured_queries)


def test_schema_documents_both_endpoints(as_counsel):
    schema = as_counsel.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = json.loads(schema.content)["paths"]
    notes = paths["/api/v1/incidents/{id}/notes"]
    assert set(notes) >= {"get", "post"} and "201" in notes["post"]["responses"]
    team = paths["/api/v1/incidents/{id}/team"]
    assert "get" in team and not {"post", "put", "patch", "delete"} & set(team)
