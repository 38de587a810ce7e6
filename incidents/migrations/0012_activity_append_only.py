from django.db import migrations

from incidents import timeline_guard


class Migration(migrations.Migration):
    """The case timeline refuses UPDATE and DELETE in the database (``incidents.timeline_guard``)."""

    dependencies = [("incidents", "0011_incident_organisation_profile")]

    operations = [migrations.RunPython(timeline_guard.install, timeline_guard.uninstall)]
