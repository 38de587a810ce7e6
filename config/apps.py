from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Project-wide pieces that belong to no domain app: the health endpoint, shared templates."""

    name = "config"
    label = "core"
    verbose_name = "Breachclock"

    def ready(self):
        from config import converters

        converters.register()  # ``<id:...>`` in URL patterns, before any URLconf is loaded
