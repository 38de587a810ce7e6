from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """The cases: incidents, their facts, obligations, team and activity."""

    name = "incidents"
    verbose_name = "Incidents"
