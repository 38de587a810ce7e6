from django.contrib.auth.management import create_permissions
from django.db import migrations

from audit.roles import sync_roles


def create_roles(apps, schema_editor):
    # Permissions normally appear after migrate finishes; make the ones known so far exist now.
    # Models migrated later get theirs from audit.roles.sync_after_migrate.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    """The roles: Responder, Counsel, Viewer, Rules administrator, Privacy office, Auditor."""

    dependencies = [
        ("audit", "0002_append_only_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
