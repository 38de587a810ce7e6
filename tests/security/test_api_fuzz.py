"""Schema-driven fuzzing of the JSON API (schemathesis): whatever a client sends, the API answers
with a client error or success, never a 500, and only with status codes its OpenAPI schema
declares... at least, never with a server error.

The schema is the one the API publishes (drf-spectacular's generator, the same code that serves
``/api/v1/schema``). Requests go straight into the WSGI application (no network), authenticated
with the API token of a case owner whose case and obligation exist, so generated ids hit real
objects as well as missing ones. Bounded: ``MAX_EXAMPLES`` generated requests per operation.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from tests.factories import IncidentFactory, ObligationFactory

MAX_EXAMPLES = 25

SCHEMA = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
SCHEMA.app = get_wsgi_application()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def test_the_fuzzed_schema_covers_the_api():
    paths = {op.path for op in OPERATIONS}
    assert {"/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/clocks"} <= paths


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the WSGI app must not close the test's database connection
    (and with it the test's transaction) at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(db, counsel, responder, keep_test_connection):
    case = IncidentFactory(owner=counsel, team=[(responder, "responder")])
    obligation = ObligationFactory(incident=case)
    token = Token.objects.create(user=counsel).key
    return {"token": token, "incident": case.pk, "obligation": obligation.pk}


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_api_never_answers_500(api_world, operation):
    calls = []
    # Half the requests aim at the real case (or its obligation) instead of a random id, so the
    # fuzzed bodies reach the code behind the 404.
    real_id = api_world["obligation" if "/obligations/" in operation.path else "incident"]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case):
        if "id" in (case.path_parameters or {}) and len(calls) % 2 == 0:
            case.path_parameters["id"] = real_id
        response = case.call(headers={"Authorization": f"Token {api_world['token']}"})
        calls.append(response.status_code)
        case.validate_response(response, checks=[not_a_server_error])

    fuzz()
    assert calls and max(calls) < 500
