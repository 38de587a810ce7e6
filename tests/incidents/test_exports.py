"""Timeline exports (CSV, JSON) and the report's data: in order, attributable, labelled."""

from __future__ import annotations

import csv
import io
import json

import pytest

from incidents import actions
from incidents.exports import PRIVILEGE_LABEL, activity_csv, activity_json, report_data
from tests.factories import IncidentFactory, ObligationFactory


@pytest.fixture
def worked_case(case, counsel, responder):
    actions.add_note(case, '=HYPERLINK("http://evil")', acting_user=responder)
    actions.update_details(case, severity="high", acting_user=counsel)
    return case


def test_csv_in_order_with_actor_and_values(worked_case):
    lines = activity_csv(worked_case).splitlines()
    assert lines[0].startswith(f"# {worked_case.reference}")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[1:]))))
    assert [r["kind"] for r in rows] == ["note_added", "details_changed"]
    assert rows[0]["actor"] == "rui.responder"
    assert json.loads(rows[1]["before"]) == {"severity": "medium"}
    assert json.loads(rows[1]["after"]) == {"severity": "high"}
    assert rows[0]["at"] <= rows[1]["at"] and rows[0]["at"].endswith("Z")


def test_csv_cells_cannot_run_as_formulas(worked_case):
    rows = list(csv.reader(io.StringIO(activity_csv(worked_case))))
    cells = [c for row in rows for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_json_export(worked_case):
    body = json.loads(activity_json(worked_case))
    assert body["incident"]["reference"] == worked_case.reference
    assert body["incident"]["privileged"] is False and body["incident"]["privilege_label"] is None
    assert [a["kind"] for a in body["activity"]] == ["note_added", "details_changed"]


def test_privileged_label_travels_with_the_export(counsel):
    case = IncidentFactory(owner=counsel, privileged=True)
    assert PRIVILEGE_LABEL in activity_csv(case).splitlines()[0]
    assert json.loads(activity_json(case))["incident"]["privilege_label"] == PRIVILEGE_LABEL


def test_report_data_in_bounded_queries(worked_case, django_assert_max_num_queries):
    for _ in range(5):
        ObligationFactory(incident=worked_case)
    with django_assert_max_num_queries(12):
        data = report_data(worked_case)
        names = [m.user.get_username() for m in data["team"]]
        [e.determined_by for e in data["events"]]
        [n.author for n in data["notes"]]
        [a.actor for a in data["activity"]]
    assert len(data["obligations"]) == 5 and len(data["open_obligations"]) == 5
    assert "carla.counsel" in names
    assert data["facts"]["affected"]["US-CA"] == 600


def test_activity_export_endpoints(client, counsel, outsider, worked_case):
    from audit.models import AuditEvent

    client.force_login(counsel)
    response = client.get(f"/api/v1/incidents/{worked_case.pk}/activity.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    assert (
        json.loads(client.get(f"/api/v1/incidents/{worked_case.pk}/activity").content)["incident"][
            "reference"
        ]
        == worked_case.reference
    )
    assert (
        AuditEvent.objects.filter(incident_id=worked_case.pk, action="case_exported").count() == 2
    )
    client.force_login(outsider)
    assert client.get(f"/api/v1/incidents/{worked_case.pk}/activity.csv").status_code == 404
