"""One regime per law: Idaho's Attorney General rule joins the Idaho breach statute it belongs to
(Idaho Code 28-51-104 to -107 was listed twice, as "Idaho breach statute" and "Idaho breach
notification statute"), and regime names say which law they are, so the rule book's filter never
offers two entries that read alike (California's Civil Code and Health & Safety Code duties).

Only the grouping changes: each version keeps the regime name it cites (``regime_name``).
"""

from django.db import migrations

MERGED = {"us-id-ag": "us-id-breach"}
NAMES = {
    "us-ca-breach": "California Civil Code 1798.82 (breach notification)",
    "us-ca-hsc": "California Health & Safety Code 1280.15 (licensed health facilities)",
    "us-id-breach": "Idaho Code 28-51-104 to -107 (breach notification)",
}


def forwards(apps, schema_editor):
    Regime = apps.get_model("jurisdictions", "Regime")
    RuleVersion = apps.get_model("jurisdictions", "RuleVersion")
    for old_code, new_code in MERGED.items():
        old = Regime.objects.filter(code=old_code).first()
        if old is None:
            continue
        new, _ = Regime.objects.get_or_create(code=new_code, defaults={"name": NAMES[new_code]})
        RuleVersion.objects.filter(regime=old).update(regime=new)
        old.delete()
    for code, name in NAMES.items():
        Regime.objects.filter(code=code).update(name=name)


class Migration(migrations.Migration):
    dependencies = [("jurisdictions", "0009_no_harm_event_choice")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
