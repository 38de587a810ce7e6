"""``Incident.next_due_at``: the earliest open deadline, kept on the case so the case list sorts
and filters by deadline without aggregating obligations; filled here for existing cases."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def backfill(apps, schema_editor):
    Incident = apps.get_model("incidents", "Incident")
    Obligation = apps.get_model("incidents", "Obligation")
    earliest = (
        Obligation.objects.filter(
            incident=OuterRef("pk"), status="open", superseded=False, due_at__isnull=False
        )
        .order_by("due_at")
        .values("due_at")[:1]
    )
    Incident.objects.update(next_due_at=Subquery(earliest))


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0002_facts_not_yet_assessed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="incident",
            name="next_due_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(fields=["next_due_at", "id"], name="incident_next_due"),
        ),
    ]
