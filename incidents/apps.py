from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """The cases: incidents, their facts, obligations, team and activity."""

    name = "incidents"
    verbose_name = "Incidents"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from incidents.timeline_guard import register_sqlite_function

        # The SQLite timeline trigger asks this function whether a test flush is running.
        connection_created.connect(register_sqlite_function, dispatch_uid="timeline_flush_fn")
        post_migrate.connect(
            reinstall_sqlite_list_triggers, sender=self, dispatch_uid="list_cache_triggers"
        )


def reinstall_sqlite_list_triggers(using="default", **kwargs):
    """SQLite rebuilds a table for many schema changes and drops its triggers with it: after
    every migrate, put the case-list triggers back, so no future migration has to remember to
    (PostgreSQL alters tables in place; its triggers stay)."""
    from django.db import connections

    from incidents import list_cache

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.schema_editor() as editor:
            list_cache.install(None, editor)
