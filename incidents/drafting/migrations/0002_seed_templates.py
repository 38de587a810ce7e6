"""The shipped English notice templates (incidents/drafting/seed.py): a letter for every
recipient kind and the inserts rules require. Existing templates are left as they are."""

from django.db import migrations


def seed(apps, schema_editor):
    from incidents.drafting.seed import seed_templates

    seed_templates(
        apps.get_model("drafting", "NoticeTemplate"),
        apps.get_model("drafting", "NoticeTemplateChange"),
    )


class Migration(migrations.Migration):
    dependencies = [("drafting", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
