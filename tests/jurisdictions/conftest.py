"""A small rule book of our own for every test here, loaded through the real importer."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
RULEBOOK = FIXTURES / "rulebook.yaml"


def clear_rulebook() -> None:
    from jurisdictions import models

    # Raw deletes: no per-row signals or cascade collection for the ~250 shipped rules.
    models.PublishJob.rule_versions.through.objects.all()._raw_delete("default")
    for model in (models.PublishJob, models.RuleChange):
        model.objects.all()._raw_delete("default")
    models.RuleVersion.objects.filter(replaces__isnull=False).update(replaces=None)
    models.RuleVersion.objects.all()._raw_delete("default")
    models.Rule.objects.all()._raw_delete("default")
    models.HolidayClosure.objects.all()._raw_delete("default")
    models.Jurisdiction.objects.update(parent=None)
    models.Jurisdiction.objects.all()._raw_delete("default")
    models.Regime.objects.all()._raw_delete("default")


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
def rules_admin(db):
    """Rita, privacy counsel who administers the rule book (the "Rules administrator" role)."""
    from django.contrib.auth.models import Group, Permission

    from audit import roles
    from tests.conftest import make_person

    roles.sync_roles(Group, Permission)
    user = make_person("rita.rules", "responder", first_name="Rita", last_name="Rules")
    user.groups.set([Group.objects.get(name=roles.RULES_ADMINISTRATOR)])
    user.is_staff = True
    user.save()
    # Publishing is a permission of its own (jurisdictions.publish_rule); granted directly here
    # so these tests do not depend on how the role table bundles it.
    user.user_permissions.add(Permission.objects.get(codename="publish_rule"))
    return user
