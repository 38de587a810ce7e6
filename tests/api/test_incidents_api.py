"""/api/v1/incidents: open a case from facts, list and read what I may see, change facts."""

from __future__ import annotations

import json
import re

import pytest

from incidents.models import Activity, Incident, Obligation, TeamMember
from tests.factories import IncidentFactory, ObligationFactory, facts

LIST = "/api/v1/incidents"


def detail(pk):
    return f"/api/v1/incidents/{pk}"


def test_post_opens_a_case_and_answers_201_with_obligations(as_counsel, counsel):
    response = as_counsel.post(LIST, facts(title="Skimmer", severity="high"), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    incident = Incident.objects.unrestricted("test").get(pk=body["id"])
    assert re.fullmatch(r"INC-\d{4}-\d{4}", body["reference"])
    assert body["reference"] == incident.reference
    assert body["url"] == f"http://testserver{incident.get_absolute_url()}"
    assert response["Location"].endswith(detail(incident.pk))
    rules = {o["rule"] for o in body["obligations"]}
    assert "US-CA-IND" in rules  # 600 Californians with name + payment card
    assert any(o["jurisdiction"] == "DE" for o in body["obligations"])
    first = body["obligations"][0]
    assert first["status"] == "open" and first["why"] and "clock_start" in first
    assert incident.owner == counsel and incident.severity == "high"
    assert TeamMember.objects.get(incident=incident).role == "owner"
    assert Obligation.objects.filter(incident=incident).count() == len(body["obligations"])
    assert Activity.objects.filter(incident=incident, kind="opened", actor=counsel).exists()


def test_post_keeps_the_facts_as_given(as_counsel):
    doc = facts(events={"aware_at": "2026-03-28T09:00:00+01:00"}, systems=["shop-web"])
    body = as_counsel.post(LIST, doc, format="json").json()
    stored = Incident.objects.unrestricted("test").get(pk=body["id"]).facts_dict()
    assert stored["events"]["aware_at"] == "2026-03-28T08:00:00Z"
    assert stored["events"]["determined_at"] is None  # a default is not a statement
    assert stored["affected"] == {"DE": 9000, "FR": 3000, "US-CA": 600}
    assert stored["systems"] == ["shop-web"]
    assert stored["organisation"]["main_establishment"] == "DE"


BAD_POSTS = [
    ("no title", lambda d: d.pop("title"), "title"),
    ("blank title", lambda d: d.update(title="  "), "title"),
    ("no discovery", lambda d: d["events"].pop("discovered_at"), "events.discovered_at"),
    (
        "naive time",
        lambda d: d["events"].update(discovered_at="2026-03-27T17:00:00"),
        "events.discovered_at",
    ),
    ("garbage time", lambda d: d["events"].update(aware_at="yesterday"), "events.aware_at"),
    ("unknown event", lambda d: d["events"].update(hacked_at=None), "events.hacked_at"),
    ("unknown data", lambda d: d.update(data=["name", "shoe_size"]), "data.1"),
    ("negative count", lambda d: d["affected"].update(DE=-1), "affected.DE"),
    ("count as text", lambda d: d["affected"].update(FR="many"), "affected.FR"),
    ("unknown place", lambda d: d["affected"].update({"XX": 5}), "affected.XX"),
    ("unknown state", lambda d: d["affected"].update({"US-ZZ": 5}), "affected.US-ZZ"),
    ("bad role", lambda d: d["organisation"].update(role="boss"), "organisation.role"),
    ("bad risk", lambda d: d.update(risk_of_harm="dire"), "risk_of_harm"),
    ("bad severity", lambda d: d.update(severity="apocalyptic"), "severity"),
    ("privileged text", lambda d: d.update(privileged="yes"), "privileged"),
    ("unknown field", lambda d: d.update(colour="red"), "colour"),
    ("bad date", lambda d: d.update(rules_as_of="last year"), "rules_as_of"),
    ("bad encryption", lambda d: d.update(encryption={"encrypted": "no"}), "encryption.encrypted"),
    (
        "year 1",
        lambda d: d["events"].update(discovered_at="0001-01-01T00:00:00Z"),
        "events.discovered_at",
    ),
    (
        "year 9999",
        lambda d: d["events"].update(occurred_at="9999-12-31T23:59:59Z"),
        "events.occurred_at",
    ),
    ("as of 9999", lambda d: d.update(rules_as_of="9999-12-31"), "rules_as_of"),
    ("count > 2^63", lambda d: d["affected"].update(DE=99999999999999999999999), "affected.DE"),
    ("count > world", lambda d: d["affected"].update(FR=2_147_483_648), "affected.FR"),
]


@pytest.mark.parametrize(
    ("change", "field"), [b[1:] for b in BAD_POSTS], ids=[b[0] for b in BAD_POSTS]
)
def test_post_bad_input_is_400_naming_the_field_and_stores_nothing(as_counsel, change, field):
    doc = facts()
    change(doc)
    response = as_counsel.post(LIST, doc, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert list(body) == [field], body
    assert body[field] and isinstance(body[field][0], str)
    assert not Incident.objects.unrestricted("test").exists()
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("payload", "content_type"),
    [
        ("[1, 2]", "application/json"),
        ('"text"', "application/json"),
        ("{bad json", "application/json"),
    ],
)
def test_post_not_an_object_is_400(as_counsel, payload, content_type):
    response = as_counsel.generic("POST", LIST, payload, content_type=content_type)
    assert response.status_code == 400
    assert not Incident.objects.unrestricted("test").exists()


def test_viewer_may_not_open_cases(client_for, viewer):
    assert client_for(viewer).post(LIST, facts(), format="json").status_code == 403


def test_anonymous_gets_401_everywhere(api_client, case):
    for method, url in [
        ("get", LIST),
        ("post", LIST),
        ("get", detail(case.pk)),
        ("patch", detail(case.pk)),
        ("get", f"{detail(case.pk)}/obligations"),
        ("post", "/api/v1/clocks"),
        ("get", "/api/v1/schema"),
    ]:
        response = getattr(api_client, method)(url, {}, format="json")
        assert response.status_code == 401, (method, url)


def test_session_authentication_works_too(client, counsel, case):
    client.force_login(counsel)
    assert client.get(LIST).json()["count"] == 1


# --- reading -----------------------------------------------------------------------------------
def test_list_shows_only_visible_cases(client_for, case, counsel, outsider, privacy_officer):
    IncidentFactory(title="Someone else's case")
    assert [r["id"] for r in client_for(counsel).get(LIST).json()["results"]] == [case.pk]
    assert client_for(outsider).get(LIST).json()["count"] == 0
    assert client_for(privacy_officer).get(LIST).json()["count"] == 2


def test_list_rows(as_counsel, case):
    ObligationFactory(incident=case)
    row = as_counsel.get(LIST).json()["results"][0]
    assert row["reference"] == case.reference
    assert row["owner"] == "carla.counsel"
    assert row["open_obligations"] == 1
    assert row["jurisdictions"] == ["DE", "FR", "US-CA"]
    assert row["url"].endswith(case.get_absolute_url())


def test_list_pagination(as_counsel, counsel):
    for _ in range(5):
        IncidentFactory(owner=counsel)
    first = as_counsel.get(LIST, {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["next"]
    last = as_counsel.get(LIST, {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    seen = {
        r["id"]
        for p in (1, 2, 3)
        for r in as_counsel.get(LIST, {"page_size": 2, "page": p}).json()["results"]
    }
    assert len(seen) == 5


def test_list_filters(as_counsel, counsel):
    a = IncidentFactory(owner=counsel, title="Skimmer", affected={"US-CA": 600})
    IncidentFactory(owner=counsel, title="Laptop", status="closed")
    ids = lambda **q: [r["id"] for r in as_counsel.get(LIST, q).json()["results"]]  # noqa: E731
    assert ids(jurisdiction="US") == [a.pk]
    assert ids(q="skim") == [a.pk]
    assert len(ids(status="closed")) == 1
    assert len(ids(owner="carla.counsel")) == 2


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"due_within": "soon"}, "due_within"),
        ({"sort": "x"}, "sort"),
    ],
)
def test_list_bad_filters_are_400(as_counsel, params, field):
    response = as_counsel.get(LIST, params)
    assert response.status_code == 400 and field in response.json()


def test_list_query_count_does_not_grow_with_cases(
    as_counsel, counsel, django_assert_max_num_queries
):
    def make(n):
        for i in range(n):
            inc = IncidentFactory(owner=counsel, affected={"DE": i + 1, "FR": 1})
            ObligationFactory(incident=inc)

    make(3)
    with django_assert_max_num_queries(8) as few:
        assert as_counsel.get(LIST, {"sort": "next_due", "jurisdiction": "DE"}).status_code == 200
    make(40)
    with django_assert_max_num_queries(8) as many:
        body = as_counsel.get(LIST, {"sort": "next_due", "jurisdiction": "DE"}).json()
    assert body["count"] == 43 and len(body["results"]) == 43
    assert len(many.captured_queries) == len(few.captured_queries)


def test_detail(as_counsel, case, counsel):
    ObligationFactory(incident=case, rule_code="DE-GDPR-33-SA")
    body = as_counsel.get(detail(case.pk)).json()
    assert body["reference"] == case.reference
    assert body["facts"]["affected"]["US-CA"] == 600
    assert {m["username"]: m["role"] for m in body["team"]} == {
        "carla.counsel": "owner",
        "rui.responder": "responder",
        "vera.viewer": "viewer",
    }
    assert [o["rule"] for o in body["obligations"]] == ["DE-GDPR-33-SA"]
    assert body["events"][0]["event"] == "discovered_at"


@pytest.mark.parametrize(
    ("persona", "code"),
    [("counsel", 200), ("viewer", 200), ("privacy_officer", 200), ("outsider", 404)],
)
def test_detail_reach(request, client_for, case, persona, code):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(detail(case.pk)).status_code == code
    assert client.get(f"{detail(case.pk)}/obligations").status_code == code


def test_missing_case_is_404(as_counsel):
    assert as_counsel.get(detail(999999)).status_code == 404


# --- changing ----------------------------------------------------------------------------------
@pytest.fixture
def opened(as_counsel):
    body = as_counsel.post(LIST, facts(), format="json").json()
    return Incident.objects.unrestricted("test").get(pk=body["id"])


def test_patch_facts_recomputes_and_shows_the_move(as_counsel, opened):
    gdpr = Obligation.objects.get(incident=opened, jurisdiction="DE", stage="")
    old_due = gdpr.due_at
    response = as_counsel.patch(
        detail(opened.pk),
        {"events": {"aware_at": "2026-03-28T09:00:00+01:00"}, "reason": "forensics report"},
        format="json",
    )
    assert response.status_code == 200, response.content
    gdpr.refresh_from_db()
    assert gdpr.due_at > old_due and gdpr.deadline_version == 2
    moved = Activity.objects.get(incident=opened, kind="deadline_moved", obligation=gdpr)
    assert "events.aware_at" in moved.summary
    new = next(o for o in response.json()["obligations"] if o["id"] == gdpr.pk)
    assert new["deadline_version"] == 2


def test_patch_details_and_status(as_counsel, opened):
    response = as_counsel.patch(
        detail(opened.pk),
        {"severity": "critical", "privileged": True, "status": "investigating"},
        format="json",
    )
    assert response.status_code == 200
    opened.refresh_from_db()
    assert (opened.severity, opened.privileged, opened.status) == (
        "critical",
        True,
        "investigating",
    )


def test_patch_is_all_or_nothing(as_counsel, opened):
    response = as_counsel.patch(
        detail(opened.pk),
        {"severity": "critical", "affected": {"DE": -5}},
        format="json",
    )
    assert response.status_code == 400 and list(response.json()) == ["affected.DE"]
    opened.refresh_from_db()
    assert opened.severity == "medium"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "done"}, "status"),
        ({"status": "closed"}, "reason"),  # open obligations: closing needs a reason
        ({"title": ""}, "title"),
        ({"events": {"discovered_at": None}}, "events.discovered_at"),
        ({"notices_sent": {}}, "notices_sent"),
        ({"reference": "INC-1"}, "reference"),
        ({"affected": {"DE": 99999999999999999999999}}, "affected.DE"),
        ({"events": {"aware_at": "9999-12-31T23:00:00Z"}}, "events.aware_at"),
        ({"rules_as_of": "0001-01-01"}, "rules_as_of"),
    ],
)
def test_patch_bad_input(as_counsel, opened, payload, field):
    response = as_counsel.patch(detail(opened.pk), payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_patch_reach(client_for, case, viewer, outsider):
    assert (
        client_for(viewer).patch(detail(case.pk), {"severity": "low"}, format="json").status_code
        == 403
    )
    assert (
        client_for(outsider).patch(detail(case.pk), {"severity": "low"}, format="json").status_code
        == 404
    )
    case.refresh_from_db()
    assert case.severity == "medium"


def test_clocks_what_if_creates_nothing(as_counsel):
    response = as_counsel.post("/api/v1/clocks", facts(), format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["format"] == "breachclock.obligations/1"
    assert any(o["rule"] == "US-CA-IND" for o in body["obligations"])
    assert not Incident.objects.unrestricted("test").exists() and not Obligation.objects.exists()


def test_clocks_bad_input(as_counsel):
    doc = facts()
    doc["events"]["discovered_at"] = "2026-03-27 17:00"
    response = as_counsel.post("/api/v1/clocks", doc, format="json")
    assert response.status_code == 400 and "events.discovered_at" in response.json()


def test_schema_and_local_docs(as_counsel, client, counsel):
    schema = as_counsel.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    assert {"/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/clocks"} <= set(paths)
    client.force_login(counsel)
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower() and "https://" not in html  # every asset is ours


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(title="Skim\x00mer"), "title"),
        (lambda d: d.update(description="bad \ud800 text"), "description"),
        (lambda d: d.update(systems=["web", "db\x00"]), "systems.1"),
        (lambda d: d.update(customers=["x" * 201]), "customers.0"),
    ],
)
def test_text_a_database_cannot_store_is_400(as_counsel, change, field):
    doc = facts()
    change(doc)
    # json.dumps escapes a lone surrogate as \ud800, as a careless client would send it.
    response = as_counsel.generic("POST", LIST, json.dumps(doc), content_type="application/json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Incident.objects.unrestricted("test").exists()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "bogus"}, "status"),
        ({"due_within": "bogus"}, "due_within"),
        ({"due_within": "²h"}, "due_within"),
        ({"due_within": "99999999999999999999999999d"}, "due_within"),
        ({"jurisdiction": "France!"}, "jurisdiction"),
    ],
)
def test_list_names_every_kind_of_bad_filter(as_counsel, params, field):
    response = as_counsel.get(LIST, params)
    assert response.status_code == 400, response.content
    assert list(response.json()) == [field]


def test_the_largest_count_allowed_is_stored(as_counsel):
    from jurisdictions.engine.facts import MAX_AFFECTED

    doc = facts()
    doc["affected"] = {"DE": MAX_AFFECTED, "FR": 3}
    response = as_counsel.post(LIST, doc, format="json")
    assert response.status_code == 201, response.content
    incident = Incident.objects.unrestricted("test").get(pk=response.json()["id"])
    assert incident.affected.get(jurisdiction="DE").count == MAX_AFFECTED
