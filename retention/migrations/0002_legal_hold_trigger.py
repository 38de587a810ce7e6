from django.db import migrations

from retention.guards import install, uninstall


class Migration(migrations.Migration):
    """On PostgreSQL, refuse in the database any deletion from a case on legal hold."""

    dependencies = [("retention", "0001_initial"), ("incidents", "0013_product_security_incident")]

    operations = [migrations.RunPython(install, uninstall)]
