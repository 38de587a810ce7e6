from django.db import migrations

from audit.immutability import install, uninstall


class Migration(migrations.Migration):
    """On PostgreSQL, refuse UPDATE/DELETE/TRUNCATE of the audit trail in the database itself."""

    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
