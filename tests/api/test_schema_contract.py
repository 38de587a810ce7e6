"""The served OpenAPI schema is a contract generated clients rely on.

It walks every operation the schema serves, so an endpoint added later is checked too: the
document validates (openapi-spec-validator), every write takes one request body type - JSON -
except an operation that really takes a file (multipart with the file typed as binary), and
operation ids are unique, readable function names.
"""

from __future__ import annotations

import re

import pytest
from openapi_spec_validator import validate

from tests.factories import ObligationFactory

WRITES = ("post", "put", "patch", "delete")
OPERATION_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.fixture
def schema(client_for, counsel):
    response = client_for(counsel).get("/api/v1/schema", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in (*WRITES, "get"):
                yield path, method, operation


def _binary_fields(schema, media) -> list[str]:
    ref = media.get("schema", {}).get("$ref", "")
    component = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], media.get("schema"))
    return [
        name
        for name, prop in (component or {}).get("properties", {}).items()
        if prop.get("format") == "binary"
    ]


def test_the_served_schema_validates(schema):
    validate(schema)  # raises with the failing path on an invalid document


def test_every_write_takes_json_only_unless_it_uploads_a_file(schema):
    wrong = []
    for path, method, operation in operations(schema):
        content = operation.get("requestBody", {}).get("content", {})
        if method not in WRITES or not content:
            continue
        kinds = set(content)
        if kinds == {"application/json"}:
            continue
        upload = content.get("multipart/form-data")
        if kinds == {"multipart/form-data"} and _binary_fields(schema, upload):
            continue  # a real upload: the file field is typed binary
        wrong.append(f"{method.upper()} {path}: {sorted(kinds)}")
    assert not wrong, (
        "a write takes one body type: application/json, or multipart/form-data for a file upload:\n"
        + "\n".join(wrong)
    )


def test_operation_ids_read_as_client_function_names(schema):
    ids = [operation["operationId"] for _, _, operation in operations(schema)]
    assert len(ids) == len(set(ids))
    assert all(OPERATION_ID.match(i) for i in ids), ids
    for expected in ("incidents_create", "incidents_list", "obligations_notified"):
        assert expected in ids
    for path, method, operation in operations(schema):
        assert operation.get("tags"), f"{method.upper()} {path} has no tag"


def test_the_evidence_upload_is_a_binary_field(schema):
    operation = schema["paths"]["/api/v1/obligations/{id}/notified"]["post"]
    content = operation["requestBody"]["content"]
    # One body type: generated clients break on two (openapi-python-client leaves ``Unset``
    # undefined). The view still takes the same fields as JSON, without the file.
    assert list(content) == ["multipart/form-data"]
    assert _binary_fields(schema, content["multipart/form-data"]) == ["evidence"]


def test_a_form_body_is_refused_with_415(client_for, counsel):
    response = client_for(counsel).post("/api/v1/clocks", {"title": "form"}, format="multipart")
    assert response.status_code == 415


def test_a_nul_in_an_upload_field_is_a_400(client_for, counsel, case):
    obligation = ObligationFactory(incident=case)
    response = client_for(counsel).post(
        f"/api/v1/obligations/{obligation.pk}/notified",
        {"sent_at": "2026-12-06T10:00:00Z", "method": "portal", "sent_to": "a\x00b"},
        format="multipart",
    )
    assert response.status_code == 400
    assert "sent_to" in response.json()


def test_component_names_are_stable(schema):
    """Two choice sets on fields of one name get a hashed name ("Method1f9Enum") that moves when
    another is added, renaming classes in every generated client: name them in
    SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] instead."""
    hashed = [n for n in schema["components"]["schemas"] if re.search(r"[0-9a-f]{3}Enum$", n)]
    assert not hashed, f"name these enums in ENUM_NAME_OVERRIDES: {hashed}"
