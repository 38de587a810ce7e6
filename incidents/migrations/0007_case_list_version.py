from django.db import migrations, models

from incidents import list_cache


class Migration(migrations.Migration):
    """The case-list version token and the triggers that change it (``incidents.list_cache``)."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("incidents", "0006_incident_not_applicable"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseListVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=64)),
            ],
        ),
        migrations.RunPython(list_cache.install, list_cache.uninstall),
    ]
