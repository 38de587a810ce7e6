"""The container image is built and prepared the way the README's run command does it.

``python3 scripts/dev.py run`` installs the package, Debian's Pango for the PDFs, then migrates,
loads the rule book, collects static files and seeds the demo. The Dockerfile and the compose
file's ``migrate`` service must do the same steps, so what a newcomer tried is what ships. (The
compose file itself is validated by ``docker-compose config -q`` in ``.ci/run``.)
"""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "scripts" / "dev.py"


def dev_script():
    return ast.parse(DEV.read_text())


def dev_manage_steps() -> list[list[str]]:
    """The ``manage(...)`` calls of ``prepare_database``, as argument lists."""
    func = next(
        n
        for n in ast.walk(dev_script())
        if isinstance(n, ast.FunctionDef) and n.name == "prepare_database"
    )
    steps = []
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "manage":
            steps.append([a.value if isinstance(a, ast.Constant) else "<path>" for a in node.args])
    return sorted(steps, key=lambda s: func_order(func, s))


def func_order(func, step):
    source = ast.get_source_segment(DEV.read_text(), func)
    return source.index(f'manage("{step[0]}"')


def compose_manage_steps() -> list[list[str]]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = compose["services"]["migrate"]["command"]
    script = shlex.split(command)[-1]  # sh -c "<script>"
    steps = []
    for part in script.split("&&"):
        words = shlex.split(part)
        assert words[:2] == ["python", "manage.py"], part
        steps.append(words[2:])
    return steps


def test_the_migrate_service_prepares_the_database_as_the_run_command_does():
    dev = dev_manage_steps()
    compose = compose_manage_steps()
    # grant_app_role is the PostgreSQL two-role set-up (deploy/postgres); SQLite has no roles.
    assert [s for s in compose if s[0] != "grant_app_role"] == [
        [("jurisdictions/rulebook/rulebook.yaml" if a == "<path>" else a) for a in s] for s in dev
    ]


def test_the_image_installs_what_the_run_command_installs():
    dockerfile = (ROOT / "Dockerfile").read_text()
    source = DEV.read_text()
    # The package, editable, from the checkout.
    assert re.search(r"pip install --editable \.(\s|$)", dockerfile)
    assert '"install", "--quiet", "--editable", target' in source
    # Debian's Pango for WeasyPrint: the same packages.
    libraries = ast.literal_eval(
        next(
            n.value
            for n in ast.walk(dev_script())
            if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PDF_LIBRARIES"
        )
    )
    apt = re.search(r"apt-get install -y --no-install-recommends ([^\\\n&]+)", dockerfile)
    assert apt is not None
    assert sorted(apt.group(1).split()) == sorted(libraries.values())
