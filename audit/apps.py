from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit trail: who did what to which case, when, from where, with before and after."""

    name = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from audit import roles, signals  # noqa: F401 - connects the login receivers
        from audit.immutability import allow_test_flush

        connection_created.connect(allow_test_flush, dispatch_uid="audit_allow_test_flush")
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="audit_sync_roles")
