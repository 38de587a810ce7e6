"""The read door for the admin's foreign keys.

A foreign key to a case (or to a row of a case, such as an obligation) offers, and accepts, only
rows of cases the user may see (``Incident.objects.visible_to``). Django validates a submitted
id - a typed raw id included - against the form field's queryset, so limiting the queryset is
what refuses a case outside reach. Every ModelAdmin with such a key mixes this in;
``tests/security/test_admin_foreign_keys.py`` walks the admin registry to hold that.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist


def scoped_queryset(model, user):
    """The rows of ``model`` the user may pick: a case, or a row that belongs to one; else None."""
    from .models import Incident

    visible = Incident.objects.visible_to(user)
    if model is Incident:
        return visible
    try:
        field = model._meta.get_field("incident")
    except FieldDoesNotExist:
        return None
    if field.many_to_one and field.related_model is Incident:
        return model._default_manager.filter(incident__in=visible)
    return None


class CaseScopedForeignKeys:
    """ModelAdmin mixin: case foreign keys limited to ``visible_to(request.user)``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            scoped = scoped_queryset(db_field.related_model, request.user)
            if scoped is not None:
                kwargs["queryset"] = scoped
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
