"""Django's ModelBackend, with a user's permissions read in one query instead of two."""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router


@cache
def _permissions_sql() -> str:
    """The user's own and their groups' permissions as (app label, codename): one statement,
    written once. Built through the ORM on every request it cost several times what the
    database takes to answer it (the case list asks on every uncached page)."""
    user_model = get_user_model()
    own = user_model._meta.get_field("user_permissions")
    groups = user_model._meta.get_field("groups")
    group_perms = Group._meta.get_field("permissions")
    connection = connections[router.db_for_read(Permission)]
    q = connection.ops.quote_name
    perm_id, type_id = q(Permission._meta.pk.column), q(ContentType._meta.pk.column)
    # Table and column names come from the models; the user id is a parameter.
    return (
        f"SELECT ct.{q('app_label')}, p.{q('codename')}"  # noqa: S608
        f" FROM {q(Permission._meta.db_table)} p"
        f" INNER JOIN {q(ContentType._meta.db_table)} ct"
        f" ON ct.{type_id} = p.{q(Permission._meta.get_field('content_type').column)}"
        f" WHERE p.{perm_id} IN (SELECT {q(own.m2m_reverse_name())}"
        f" FROM {q(own.m2m_db_table())} WHERE {q(own.m2m_column_name())} = %s)"
        f" OR p.{perm_id} IN (SELECT gp.{q(group_perms.m2m_reverse_name())}"
        f" FROM {q(group_perms.m2m_db_table())} gp"
        f" INNER JOIN {q(groups.m2m_db_table())} ug"
        f" ON ug.{q(groups.m2m_reverse_name())} = gp.{q(group_perms.m2m_column_name())}"
        f" WHERE ug.{q(groups.m2m_column_name())} = %s)"
    )


class OneQueryModelBackend(ModelBackend):
    """Same answers as ``django.contrib.auth.backends.ModelBackend``.

    Every page that checks a permission (the case list's "may this person see every case?")
    would otherwise pay two queries, the user's own permissions and their groups'; here both
    come from one, cached on the user for the request like Django's.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                rows = Permission.objects.values_list("content_type__app_label", "codename")
            else:
                connection = connections[router.db_for_read(Permission)]
                with connection.cursor() as cursor:
                    cursor.execute(_permissions_sql(), [user_obj.pk, user_obj.pk])
                    rows = cursor.fetchall()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache
