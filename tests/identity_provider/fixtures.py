"""The ``identity_provider`` fixture: the test provider running on 127.0.0.1 for the session.

A provider that cannot start skips locally and fails when ``BREACHCLOCK_REQUIRE_SERVICES`` is
set (``tests.services.missing``), like every other real service the tests use.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.services import missing

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.identity_provider.settings"
CLIENT_ID = "breachclock-test"
CLIENT_SECRET = "breachclock-test-secret-0123456789"  # noqa: S105
START_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class IdentityProvider:
    url: str
    env: dict
    log: Path

    @property
    def issuer(self) -> str:
        return f"{self.url}/openid"

    def manage(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "django", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"provider command {args} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def seed(self, *, users: list[dict], redirect_uri: str | None = None) -> None:
        """Create or update users (their groups set exactly) and, given a redirect URI, the
        Breachclock client."""
        doc: dict = {"users": users}
        if redirect_uri:
            doc["client"] = {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uri": redirect_uri,
            }
        self.manage("seed_provider", stdin=json.dumps(doc))


def _start(workdir: Path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "IDP_DATABASE": str(workdir / "provider.sqlite3"),
        "IDP_SITE_URL": url,
        "PYTHONPATH": str(ROOT),
    }
    # Whatever the app's test run sets must not leak into the provider's Django.
    for name in ("DATABASE_URL", "DJANGO_CONFIGURATION"):
        env.pop(name, None)
    log = workdir / "provider.log"
    provider = IdentityProvider(url=url, env=env, log=log)
    provider.manage("migrate", "--noinput")
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=2).ok:
                return provider, process
        except requests.RequestException:
            pass
        time.sleep(0.3)
    process.kill()
    process.wait()
    raise RuntimeError(f"the provider did not answer within {START_SECONDS} s:\n{log.read_text()}")


def start_or_missing(workdir: Path):
    """The running provider and its process, or ``missing()``: a skip locally, a failure when
    ``BREACHCLOCK_REQUIRE_SERVICES`` is set."""
    try:
        import oidc_provider  # noqa: F401
    except ImportError:
        missing("django-oidc-provider (the test extras)")
    try:
        return _start(workdir)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        missing(f"the test identity provider ({exc})")


@pytest.fixture(scope="session")
def identity_provider():
    """django-oidc-provider on a free loopback port, with its own database; stopped at the end."""
    with tempfile.TemporaryDirectory(prefix="breachclock-idp-") as tmp:
        provider, process = start_or_missing(Path(tmp))
        try:
            yield provider
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
