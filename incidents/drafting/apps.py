from django.apps import AppConfig


class DraftingConfig(AppConfig):
    """Notice templates, drafts of a case's notices, their versions and notice phases."""

    name = "incidents.drafting"
    label = "drafting"
    verbose_name = "Notice drafting"
