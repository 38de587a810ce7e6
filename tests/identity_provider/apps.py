from django.apps import AppConfig


class IdentityProviderConfig(AppConfig):
    name = "tests.identity_provider"
    label = "identity_provider"
    default_auto_field = "django.db.models.BigAutoField"
