"""The case list sorted latest deadline first (``-next_due``: cases without a deadline last)
reads this index in order instead of sorting every case the person may see: ``incident_next_due``
read backwards would put the cases without a deadline first. PostgreSQL only (SQLite cannot
index NULLS LAST, and its list pages are small)."""

from django.db import migrations

INDEX = "incident_next_due_desc"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "incidents_incident"'
            ' ("next_due_at" DESC NULLS LAST, "id" DESC)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0021_follow_up_target"),
    ]

    operations = [migrations.RunPython(create, drop)]
