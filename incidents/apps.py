from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """The cases: incidents, their facts, obligations, team and activity."""

    name = "incidents"
    verbose_name = "Incidents"

    def ready(self):
        from django.db.backends.signals import connection_created

        from incidents.timeline_guard import register_sqlite_function

        # The SQLite timeline trigger asks this function whether a test flush is running.
        connection_created.connect(register_sqlite_function, dispatch_uid="timeline_flush_fn")
