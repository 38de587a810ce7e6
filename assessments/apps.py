from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Documented risk-of-harm assessments of a case (ENISA severity, US harm tests), versioned."""

    name = "assessments"
    verbose_name = "Risk-of-harm assessments"
