"""Real parts for the fault tests: an SMTP server on loopback that records what it accepted
(aiosmtpd), a private redis-server, and Celery worker subprocesses (with beat) sharing the test
database. Each can be stopped, killed and started again mid-test."""

from __future__ import annotations

import asyncio
import email
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-connection chatter


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


# --- SMTP ---------------------------------------------------------------------------------------


@dataclass
class Received:
    message_id: str
    rcpt_tos: tuple[str, ...]
    subject: str
    message: Message
    accepted_at: float = 0.0  # time.time() when the server said 250


@dataclass
class Behaviour:
    """How the server answers. Changed by the tests while it runs."""

    temp_failures_left: int = 0  # answer 451 to this many RCPT commands first
    refuse: set[str] = field(default_factory=set)  # answer 550 to these recipients
    delay: float = 0.0  # seconds to think before accepting each message
    before_accept: object = None  # callable(Message) -> SMTP reply to refuse it, or None


class RecordingHandler:
    def __init__(self):
        self.received: list[Received] = []
        self.behaviour = Behaviour()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        b = self.behaviour
        if address in b.refuse:
            return "550 5.1.1 Mailbox does not exist"
        with self.lock:
            if b.temp_failures_left > 0:
                b.temp_failures_left -= 1
                return "451 4.3.0 Temporary failure, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        b = self.behaviour
        if b.delay:
            await asyncio.sleep(b.delay)
        message = email.message_from_bytes(envelope.original_content or envelope.content)
        if b.before_accept is not None:
            reply = b.before_accept(message)
            if reply:
                return reply
        with self.lock:
            self.received.append(
                Received(
                    message["Message-ID"],
                    tuple(envelope.rcpt_tos),
                    message["Subject"],
                    message,
                    time.time(),
                )
            )
        return "250 Message accepted for delivery"

    # Reading what arrived ---------------------------------------------------------------------
    def snapshot(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def counts(self) -> Counter:
        return Counter(r.message_id for r in self.snapshot())


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.handler = RecordingHandler()
        self.controller = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


# --- Redis --------------------------------------------------------------------------------------


class PrivateRedis:
    """A redis-server of our own on a free port: restartable without touching the shared one."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server")
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._up, 10, "redis-server to start")

    def _up(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), 0.2) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


# --- Celery workers -----------------------------------------------------------------------------


class Worker:
    """``celery -A config worker --beat`` in its own process group (so SIGKILL takes the embedded
    beat with it), logging to a file kept for the failure report."""

    count = 0

    def __init__(self, env: dict, workdir: Path, *, travel_to: str | None = None):
        Worker.count += 1
        self.name = f"w{Worker.count}"
        self.env = env
        self.workdir = workdir
        self.travel_to = travel_to
        self.process = None
        self.log = workdir / f"{self.name}.log"

    def start(self):
        celery_args = [
            "-A",
            "config",
            "worker",
            "--beat",
            "--pool",
            "solo",
            "-l",
            "info",
            "-n",
            f"{self.name}@%h",
            "-s",
            str(self.workdir / f"{self.name}-beat-schedule"),
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
        if self.travel_to:
            command = [
                sys.executable,
                str(Path(__file__).with_name("travelled_celery.py")),
                self.travel_to,
                *celery_args,
            ]
        else:
            command = [sys.executable, "-m", "celery", *celery_args]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def kill(self):
        """SIGKILL, no goodbye: what the OOM killer or a pulled plug does."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(10)
            self.process = None

    def stop(self):
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                self.kill()
            self.process = None

    def tail(self, lines=40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


# --- Web ----------------------------------------------------------------------------------------


class WebServer:
    """The product under gunicorn on a free loopback port (production settings' server)."""

    def __init__(self, env: dict, workdir: Path):
        self.env = env
        self.port = free_port()
        self.log = workdir / "web.log"
        self.process = None

    def start(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "config.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "1", "--threads", "2", "--timeout", "30"],
            cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        wait_for(lambda: self.get("/health/")[0] in (200, 503), 60, "gunicorn to answer")
        return self

    def get(self, path: str, cookie: str = "") -> tuple[int, str]:
        import http.client

        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            conn.request("GET", path, headers={"Host": "localhost", "Cookie": cookie})
            response = conn.getresponse()
            return response.status, response.read().decode(errors="replace")
        except OSError:
            return 0, ""

    def stop(self):
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process = None
