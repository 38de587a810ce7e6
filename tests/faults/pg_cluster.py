"""A PostgreSQL cluster of the fault tests' own: ``initdb`` in a temporary directory and
``pg_ctl`` on a free loopback port, so a test can stop it, crash it, restart it and cut its
connections without touching the PostgreSQL server everyone else (and CI) shares.

As root (CI, containers) the server runs as the ``postgres`` system user (``runuser``): PostgreSQL
refuses to run as root. ``fsync=off`` saves the disk: a crashed server here is the process, not
the machine, so what it wrote to the kernel survives; commits stay synchronous, as in production,
so a crash loses no committed transaction.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

from .harness import free_port, wait_for


def server_binaries() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl`` (Debian keeps them out of PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(versions[-1]).parent if versions else None


class ThrowawayPostgres:
    def __init__(self):
        self.bindir = server_binaries()
        # Its own directory straight under the temporary directory: the server's account must
        # be able to reach it (pytest's per-user directories are closed to other accounts).
        workdir = Path(tempfile.mkdtemp(prefix="breachclock-pg-"))
        self.dir = workdir
        self.data = workdir / "data"
        self.port = free_port()
        self.log = workdir / "server.log"
        self.run_as = []
        if os.geteuid() == 0:
            self.run_as = ["runuser", "-u", "postgres", "--"]

    def _pg(self, program: str, *args: str, timeout: float = 60) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / program), *args],
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def url(self, database: str = "postgres", **options: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in options.items())
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}" + (
            f"?{query}" if query else ""
        )

    def init(self) -> ThrowawayPostgres:
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.run_as:
            account = pwd.getpwnam("postgres")
            os.chown(self.dir, account.pw_uid, account.pw_gid)
        self._pg("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._pg("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")
        wait_for(self.accepting, 30, "the throw-away PostgreSQL to accept connections")

    def stop(self, mode: str = "fast") -> None:
        """``fast``: roll back open transactions and disconnect everyone, as a restart or a
        fail-over does; ``immediate``: die at once, as a crash does (recovery on start)."""
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self, mode: str = "fast") -> None:
        self.stop(mode)
        self.start()

    def accepting(self) -> bool:
        try:
            with psycopg.connect(self.url(), connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.OperationalError:
            return False

    def execute(self, sql: str, params=(), database: str = "postgres", autocommit=True):
        with psycopg.connect(self.url(database), autocommit=autocommit) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else None

    def destroy(self) -> None:
        try:
            self.stop("immediate")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
