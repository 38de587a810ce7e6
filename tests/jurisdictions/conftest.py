"""A small rule book of our own for every test here, loaded through the real importer."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
RULEBOOK = FIXTURES / "rulebook.yaml"


def clear_rulebook() -> None:
    from jurisdictions import models

    models.PublishJob.objects.all().delete()
    models.RuleChange.objects.all().delete()
    models.RuleVersion.objects.filter(replaces__isnull=False).update(replaces=None)
    models.RuleVersion.objects.all().delete()
    models.Rule.objects.all().delete()
    models.HolidayClosure.objects.all().delete()
    models.Jurisdiction.objects.filter(parent__isnull=False).delete()
    models.Jurisdiction.objects.all().delete()
    models.Regime.objects.all().delete()


@pytest.fixture
def rulebook(db):
    """The fixture rule book in the database (instead of the shipped one)."""
    from jurisdictions.engine.serialization import read_rulebook_file
    from jurisdictions.importer import apply_import, plan_import
    from jurisdictions.loader import clear_cache

    clear_rulebook()
    apply_import(plan_import(read_rulebook_file(RULEBOOK)))
    clear_cache()
    return RULEBOOK


@pytest.fixture
def counsel(db, django_user_model):
    """A privacy counsel who administers rules (the permissions the security app groups)."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        "counsel", "counsel@example.org", "correct horse battery", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="jurisdictions").exclude(
            codename__startswith="delete_"
        )
    )
    return user


@pytest.fixture
def responder(db, django_user_model):
    """A responder: logged in, may read the rule book, may not change it."""
    return django_user_model.objects.create_user(
        "responder", "responder@example.org", "correct horse battery"
    )
