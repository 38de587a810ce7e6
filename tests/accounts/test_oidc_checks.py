"""A half-configured identity provider is refused by ``manage.py check`` (and so by migrate and
runserver), naming what is missing; an unconfigured one is simply off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from accounts.oidc.checks import check_identity_provider

ROOT = Path(__file__).resolve().parents[2]

OFF = {
    "OIDC_ISSUER": "",
    "OIDC_DISCOVERY_URL": "",
    "OIDC_RP_CLIENT_ID": "",
    "OIDC_RP_CLIENT_SECRET": "",
    "OIDC_ROLE_MAP": "",
    "OIDC_GROUPS_CLAIM": "groups",
}
GOOD = OFF | {
    "OIDC_ISSUER": "https://id.example.com",
    "OIDC_RP_CLIENT_ID": "breachclock",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_ROLE_MAP": "legal=Counsel",
}

CASES = [
    # (settings, error ids, words the first message holds)
    (OFF, [], ""),
    (GOOD, [], ""),
    (GOOD | {"OIDC_ISSUER": "http://127.0.0.1:8080/openid"}, [], ""),  # a provider on loopback
    (GOOD | {"OIDC_RP_CLIENT_ID": ""}, ["accounts.E002"], "OIDC_ISSUER is set but OIDC_CLIENT_ID"),
    (
        GOOD | {"OIDC_RP_CLIENT_SECRET": ""},
        ["accounts.E002"],
        "OIDC_ISSUER is set but OIDC_CLIENT_SECRET",
    ),
    (
        GOOD | {"OIDC_RP_CLIENT_ID": "", "OIDC_RP_CLIENT_SECRET": ""},
        ["accounts.E002", "accounts.E002"],
        "OIDC_CLIENT_ID",
    ),
    (OFF | {"OIDC_RP_CLIENT_ID": "breachclock"}, ["accounts.E001"], "OIDC_ISSUER is not"),
    (OFF | {"OIDC_ROLE_MAP": "legal=Counsel"}, ["accounts.E001"], "OIDC_ROLE_MAP set"),
    (GOOD | {"OIDC_ISSUER": "http://id.example.com"}, ["accounts.E003"], "not an https:// URL"),
    (
        GOOD | {"OIDC_DISCOVERY_URL": "http://id.example.com/.well-known/openid-configuration"},
        ["accounts.E003"],
        "OIDC_DISCOVERY_URL",
    ),
    (GOOD | {"OIDC_ROLE_MAP": "legal=Lawyer"}, ["accounts.E004"], "'Lawyer', which does not"),
    (GOOD | {"OIDC_ROLE_MAP": "legal"}, ["accounts.E004"], "group=Role"),
    (GOOD | {"OIDC_GROUPS_CLAIM": " "}, ["accounts.E005"], "OIDC_GROUPS_CLAIM is empty"),
]


@pytest.mark.parametrize(("values", "ids", "words"), CASES)
def test_identity_provider_settings_are_checked(settings, values, ids, words):
    for name, value in values.items():
        setattr(settings, name, value)
    errors = check_identity_provider()
    assert [e.id for e in errors] == ids
    if words:
        assert words in errors[0].msg


def test_manage_py_check_fails_when_the_issuer_is_set_without_a_client_id():
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("OIDC_") and k != "PYTEST_VERSION"
    }
    env |= {"OIDC_ISSUER": "https://id.example.com", "OIDC_CLIENT_SECRET": "s3cret"}
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "accounts.E002" in done.stderr
    assert "OIDC_ISSUER is set but OIDC_CLIENT_ID is not" in done.stderr
