"""A client generated from the served schema works, as an integrator would use it.

``openapi-python-client`` (offline, once per test run) generates a package from the schema that
the live server serves; every module of it must import, and the generated functions walk a case
over real HTTP: open it, read its obligations, record one notified (with the letter attached),
read the activity. A schema change that breaks generated clients fails here.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from incidents.models import Attachment, Obligation
from tests.factories import facts

PACKAGE = "breachclock_client"
DOWNLOADS = ("application/zip", "application/pdf")


def _served_schema(base_url: str, django_db_blocker) -> dict:
    """The schema as the running server serves it (a sign-in is needed to read it)."""
    from django.contrib.auth import get_user_model

    # Outside any test: the server thread needs the database unblocked while it answers.
    with django_db_blocker.unblock():
        reader = get_user_model().objects.create_user("schema.reader", password=None)
        token = Token.objects.create(user=reader)
        try:
            request = urllib.request.Request(  # noqa: S310 - the live server on loopback
                f"{base_url}/api/v1/schema?format=json",
                headers={"Authorization": f"Token {token.key}", "Accept": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return json.load(response)
        finally:
            reader.delete()


@pytest.fixture(scope="session")
def generated_client(django_db_setup, live_server, django_db_blocker, tmp_path_factory):
    """The generated package, imported module by module (generated once per run)."""
    out = tmp_path_factory.mktemp("generated")
    schema_file = out / "schema.json"
    schema_file.write_text(json.dumps(_served_schema(live_server.url, django_db_blocker)))
    bin_dir = Path(sys.executable).parent
    generator = shutil.which("openapi-python-client", path=str(bin_dir)) or shutil.which(
        "openapi-python-client"
    )
    assert generator, "openapi-python-client is a test dependency (pyproject.toml [test])"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    # File downloads (a ZIP, a PDF) come back as bytes, as the generator's documentation
    # suggests for content types it has no model for.
    config = out / "config.yaml"
    config.write_text(
        "content_type_overrides:\n"
        + "".join(f"  {kind}: application/octet-stream\n" for kind in DOWNLOADS)
    )
    result = subprocess.run(
        [generator, "generate", "--path", str(schema_file), "--meta", "none"]
        + ["--config", str(config), "--output-path", str(out / PACKAGE)],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The generator reports what it could not turn into code as warnings: none allowed.
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    sys.path.insert(0, str(out))
    try:
        package = importlib.import_module(PACKAGE)
        modules = [
            importlib.import_module(info.name)
            for info in pkgutil.walk_packages(package.__path__, f"{PACKAGE}.")
        ]
        yield package, modules
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def test_every_generated_module_imports(generated_client):
    _, modules = generated_client
    names = {module.__name__ for module in modules}
    for operation in (
        "api.incidents.incidents_create",
        "api.incidents.incidents_obligations_list",
        "api.obligations.obligations_notified",
        "api.incidents.incidents_activity",
    ):
        assert f"{PACKAGE}.{operation}" in names


def test_a_case_walked_with_the_generated_client(generated_client, live_server, rulebook, counsel):
    from breachclock_client import AuthenticatedClient
    from breachclock_client.api.incidents import (
        incidents_activity,
        incidents_create,
        incidents_obligations_list,
    )
    from breachclock_client.api.obligations import obligations_notified
    from breachclock_client.models import (
        IncidentCreateRequest,
        NotificationMethodEnum,
        NotifiedWithEvidenceRequest,
    )
    from breachclock_client.types import File

    token = Token.objects.create(user=counsel)
    client = AuthenticatedClient(
        base_url=live_server.url, token=token.key, prefix="Token", raise_on_unexpected_status=True
    )
    with client as api:
        created = incidents_create.sync(client=api, body=IncidentCreateRequest.from_dict(facts()))
        assert created.reference.startswith("INC-")
        obligations = incidents_obligations_list.sync(id=str(created.id), client=api)
        assert "DE-GDPR-33-SA" in {o.rule for o in obligations}
        duty = next(o for o in obligations if o.rule == "DE-GDPR-33-SA")

        letter = File(io.BytesIO(b"%PDF-1.4 notice"), "notice.pdf", "application/pdf")
        notice = NotifiedWithEvidenceRequest(
            sent_at=datetime(2026, 3, 29, 9, 0, tzinfo=UTC),
            method=NotificationMethodEnum("portal"),
            sent_to="Berlin DPA portal",
            reference="BlnBDI-2026-17",
            evidence=letter,
        )
        notified = obligations_notified.sync(id=str(duty.id), client=api, body=notice)
        assert notified.status.value == "notified"

        activity = incidents_activity.sync(id=str(created.id), client=api).to_dict()

    assert activity["incident"]["reference"] == created.reference
    kinds = [row["kind"] for row in activity["activity"]]
    assert kinds[0] == "opened"
    assert "notification_recorded" in kinds
    assert Obligation.objects.get(pk=duty.id).status == "notified"
    letter_row = Attachment.objects.get(incident_id=created.id, kind="notification")
    assert letter_row.name == "notice.pdf"
