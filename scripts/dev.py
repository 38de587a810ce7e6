#!/usr/bin/env python3
"""Set up and run Breachclock on a fresh machine that has only Python 3.11.

    python3 scripts/dev.py run    # install, migrate, load rules + demo, start web + worker + beat
    python3 scripts/dev.py run --port 8080   # the same on another port (--host to listen elsewhere)
    python3 scripts/dev.py test   # install with test extras (and Debian's Chromium), run the tests

Standard library only: this runs before the virtual environment exists. Extra arguments after
``test`` go to pytest (e.g. ``python3 scripts/dev.py test tests/unit -x``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("BREACHCLOCK_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
CHROMIUM = Path("/usr/bin/chromium")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def sh(*args, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def install(extras: str = "") -> None:
    """Create the virtual environment and install the pinned dependencies (quietly, once)."""
    if not PY.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras}"
    pyproject = ROOT / "pyproject.toml"
    if stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    say("installing dependencies (pinned in pyproject.toml)")
    sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    sh(PY, "-m", "pip", "install", "--quiet", "--editable", target)
    stamp.touch()


def ensure_chromium() -> None:
    """Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("installing Debian's chromium for the browser tests")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        sh("apt-get", "update", "-qq", env=env)
        sh("apt-get", "install", "-y", "-qq", "chromium", env=env, stdout=subprocess.DEVNULL)
    else:
        say("Chromium is missing: install Debian's 'chromium' package for the browser tests")


# WeasyPrint (the PDF reports) draws text with Pango from the operating system.
PDF_LIBRARIES = {"pango-1.0": "libpango-1.0-0", "pangoft2-1.0": "libpangoft2-1.0-0"}


def ensure_pdf_libraries() -> None:
    """Install Debian's Pango for WeasyPrint when it is missing (Chromium's packages bring it)."""
    import ctypes.util

    missing = [pkg for lib, pkg in PDF_LIBRARIES.items() if not ctypes.util.find_library(lib)]
    if not missing:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        say(f"installing {', '.join(missing)} for the PDF reports")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        sh("apt-get", "update", "-qq", env=env)
        sh("apt-get", "install", "-y", "-qq", *missing, env=env, stdout=subprocess.DEVNULL)
    else:
        say(f"PDF reports need Pango: install Debian's {' '.join(missing)}")


def manage(*args: str) -> None:
    sh(PY, "manage.py", *args)


def prepare_database() -> None:
    say("migrating the database")
    manage("migrate", "--noinput", "-v", "0")
    rulebook = ROOT / "jurisdictions" / "rulebook" / "rulebook.yaml"
    if rulebook.exists():
        say("loading the shipped rule book (a no-op when unchanged)")
        manage("import_rules", str(rulebook), "--yes", "--quiet")
    manage("collectstatic", "--noinput", "-v", "0")
    say("loading the demo cases")
    manage("seed_demo")


def run(args: argparse.Namespace) -> int:
    install()
    ensure_pdf_libraries()
    prepare_database()
    address = f"{args.host}:{args.port}"
    processes = {
        "web": [PY, "manage.py", "runserver", address, "--noreload"],
        "worker+beat": [BIN / "celery", "-A", "config", "worker", "--beat", "-l", "info"],
    }
    # Links in reminder emails and calendar feeds point at this server unless told otherwise.
    env = {**os.environ}
    env.setdefault("BREACHCLOCK_SITE_URL", f"http://{address}")
    children: dict[str, subprocess.Popen] = {}
    for name, cmd in processes.items():
        say(f"starting {name}: {' '.join(str(c) for c in cmd)}")
        children[name] = subprocess.Popen(
            [str(c) for c in cmd], cwd=ROOT, env=env, start_new_session=True
        )
    say(f"Breachclock is running at http://{address}/  (Ctrl-C stops everything)")

    def stop(*_):
        # SIGTERM to each main process only: Celery then finishes its running tasks and stops
        # its pool itself (a reminder half-sent is not cut off). Stragglers are killed after 20 s.
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 20
        for child in children.values():
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    # Ctrl-C must stop everything even when started from a shell that ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        while all(child.poll() is None for child in children.values()):
            time.sleep(0.5)
        failed = [name for name, child in children.items() if child.poll() is not None]
        say(f"{', '.join(failed)} stopped; stopping the rest")
        return 1
    except KeyboardInterrupt:
        say("stopping web, worker and beat")
        return 0
    finally:
        stop()


def test(args: argparse.Namespace) -> int:
    install("test")
    ensure_chromium()
    ensure_pdf_libraries()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [str(PY), "-m", "pytest", *args.pytest_args], cwd=ROOT, env=env, check=False
    )
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run", help="install and run web, worker and beat with demo data")
    run_parser.add_argument(
        "--host",
        default=os.environ.get("BREACHCLOCK_HOST", "127.0.0.1"),
        help="address the web server listens on (default 127.0.0.1, or BREACHCLOCK_HOST)",
    )
    run_parser.add_argument(
        "--port",
        default=os.environ.get("BREACHCLOCK_PORT", "8000"),
        help="port of the web server (default 8000, or BREACHCLOCK_PORT)",
    )
    sub.add_parser("test", help="install test extras and run the test suite (args go to pytest)")
    args, extra = parser.parse_known_args()
    if args.command == "run":
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        return run(args)
    args.pytest_args = extra
    return test(args)


if __name__ == "__main__":
    sys.exit(main())
