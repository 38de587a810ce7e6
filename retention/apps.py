from django.apps import AppConfig


class RetentionConfig(AppConfig):
    """How long case data is kept, legal holds that stop any deletion, and the purge."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "retention"
    verbose_name = "Retention and legal hold"

    def ready(self):
        from . import guards

        guards.connect()
