"""A provider that cannot start skips the sign-in tests locally and fails them in CI
(``BREACHCLOCK_REQUIRE_SERVICES``): a green run never hides a journey that did not run."""

from __future__ import annotations

import pytest

from tests.identity_provider import fixtures


@pytest.fixture
def broken_provider(monkeypatch):
    monkeypatch.setattr(fixtures, "SETTINGS", "tests.identity_provider.no_such_settings")


def test_a_provider_that_cannot_start_fails_when_services_are_required(
    broken_provider, monkeypatch, tmp_path
):
    monkeypatch.setenv("BREACHCLOCK_REQUIRE_SERVICES", "1")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)test identity provider .* is required"):
        fixtures.start_or_missing(tmp_path)


def test_a_provider_that_cannot_start_skips_locally(broken_provider, monkeypatch, tmp_path):
    monkeypatch.delenv("BREACHCLOCK_REQUIRE_SERVICES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="test identity provider"):
        fixtures.start_or_missing(tmp_path)
