from django.apps import AppConfig


class JurisdictionsConfig(AppConfig):
    """The rule book: jurisdictions, regimes, notification rules and the clock engine."""

    name = "jurisdictions"
    verbose_name = "Rule book"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jurisdictions import signals

        signals.connect()
