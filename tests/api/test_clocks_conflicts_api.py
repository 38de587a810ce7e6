"""/api/v1/clocks answers with the top-level conflicts list, documented in the OpenAPI schema."""

from __future__ import annotations

import json

from tests.factories import facts


def test_what_if_lists_conflicts_and_is_empty_without_any(as_counsel):
    doc = facts()
    body = as_counsel.post("/api/v1/clocks", doc, format="json").json()
    assert body["conflicts"] == []

    doc["law_enforcement_hold"] = {
        "requested_at": doc["events"]["discovered_at"],
        "written": True,
        "agency": "FBI",
    }
    response = as_counsel.post("/api/v1/clocks", doc, format="json")
    assert response.status_code == 200, response.content
    conflicts = response.json()["conflicts"]
    assert conflicts and {c["kind"] for c in conflicts} <= {"hold_not_allowed", "hold_not_written"}
    assert all(c["key"].endswith(":" + c["rules"][0]) for c in conflicts)


def test_bad_hold_is_refused_naming_the_field(as_counsel):
    doc = facts()
    doc["law_enforcement_hold"] = {"written": True}
    response = as_counsel.post("/api/v1/clocks", doc, format="json")
    assert response.status_code == 400
    assert "law_enforcement_hold.requested_at" in response.json()


def test_schema_documents_conflicts(as_counsel):
    schema = json.loads(
        as_counsel.get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").content
    )
    components = schema["components"]["schemas"]
    assert "conflicts" in components["Evaluation"]["properties"]
    conflict = components["Conflict"]["properties"]
    assert {"kind", "key", "rules", "why"} <= set(conflict)
    na = components["NotApplicable"]["properties"]
    assert {"displaced_by", "in_force_from"} <= set(na)
