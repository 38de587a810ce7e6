from django.db import migrations, models


def from_phases(apps, schema_editor):
    """Obligations whose latest recorded phase still owes further information get its target
    (and a new deadline version, as record_sent gives them). Their reminder rows are written by
    ``manage.py sync_reminders``."""
    Obligation = apps.get_model("incidents", "Obligation")
    NoticePhase = apps.get_model("drafting", "NoticePhase")
    latest = {}
    for phase in NoticePhase.objects.order_by("obligation_id", "sent_at", "id"):
        latest[phase.obligation_id] = phase
    for obligation_id, phase in latest.items():
        if phase.phase not in ("initial", "follow_up") or phase.follow_up_target_at is None:
            continue
        Obligation.objects.filter(pk=obligation_id, status="notified").update(
            follow_up_target_at=phase.follow_up_target_at,
            deadline_version=models.F("deadline_version") + 1,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0020_affected_jurisdiction_prefix_index"),
        ("drafting", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="obligation",
            name="follow_up_target_at",
            field=models.DateTimeField(
                blank=True,
                help_text="UTC; internal target for the further information a phased notice owes.",
                null=True,
            ),
        ),
        migrations.RunPython(from_phases, migrations.RunPython.noop),
    ]
