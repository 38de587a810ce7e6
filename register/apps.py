from django.apps import AppConfig


class RegisterConfig(AppConfig):
    """The breach register (GDPR Art 33(5) and its equivalents) and the team's numbers."""

    name = "register"
    verbose_name = "Breach register"
