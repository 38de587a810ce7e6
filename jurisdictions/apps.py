from django.apps import AppConfig


class JurisdictionsConfig(AppConfig):
    """The rule book: jurisdictions, regimes, notification rules and the clock engine."""

    name = "jurisdictions"
    verbose_name = "Rule book"
