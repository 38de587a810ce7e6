"""Keep the rule-book revision counter current, so every process reloads after any change.

A signal is right here (unlike the audit trail, which is written explicitly): it only invalidates
caches, and it must catch every save, including the admin's and the shell's.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save


def _bump(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    from jurisdictions.models import RulebookState

    RulebookState.bump()


def connect() -> None:
    from jurisdictions import models

    for model in (models.Jurisdiction, models.HolidayClosure, models.Rule, models.RuleVersion):
        post_save.connect(_bump, sender=model, dispatch_uid=f"rulebook-bump-{model.__name__}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"rulebook-unbump-{model.__name__}")
