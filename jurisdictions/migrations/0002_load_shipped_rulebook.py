"""Load the shipped rule book (jurisdictions/rulebook/rulebook.yaml), so a fresh migrate has it.

Later changes to the shipped file are applied by ``manage.py import_rules`` (the start-up script
runs it on every start; an unchanged file is a no-op).
"""

from pathlib import Path
from types import SimpleNamespace

from django.db import migrations

RULEBOOK = Path(__file__).resolve().parent.parent / "rulebook" / "rulebook.yaml"


def load(apps, schema_editor):
    if not RULEBOOK.exists():
        return
    from jurisdictions.engine.serialization import read_rulebook_file
    from jurisdictions.importer import apply_import, plan_import

    models = SimpleNamespace(
        **{
            name: apps.get_model("jurisdictions", name)
            for name in (
                "Jurisdiction",
                "HolidayClosure",
                "Regime",
                "Rule",
                "RuleVersion",
                "RuleChange",
                "RulebookState",
            )
        }
    )
    data = read_rulebook_file(RULEBOOK)
    apply_import(plan_import(data, models), models=models, note="installed with the product")


class Migration(migrations.Migration):
    dependencies = [("jurisdictions", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
