"""Trigram indexes for the case search (``CaseFilters.q``: reference, title or description
contains, case-insensitive), on PostgreSQL only.

``icontains`` compiles to ``UPPER(column::text) LIKE UPPER('%term%')`` there; a ``pg_trgm`` GIN
index on that same expression lets PostgreSQL find the matching cases without reading every
description (a leading ``%`` defeats a B-tree). SQLite has no GIN indexes: there the migration
does nothing and the search scans, which is fine at the sizes SQLite is meant for. The indexes
are not in the models' state because SQLite could not build them.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

COLUMNS = ("reference", "title", "description")


def _name(column):
    return f"incident_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(column)} ON incidents_incident "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(column)}")


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0013_product_security_incident"),
    ]

    operations = [
        # Does nothing on other databases (Django checks the vendor).
        TrigramExtension(),
        migrations.RunPython(create, drop, elidable=False),
    ]
