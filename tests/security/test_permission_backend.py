"""``accounts.backends.OneQueryModelBackend`` answers exactly as Django's ModelBackend, in one
query per request instead of two."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from accounts.backends import OneQueryModelBackend


def django_answer(user):
    fresh = get_user_model().objects.get(pk=user.pk)
    return ModelBackend().get_all_permissions(fresh)


def django_fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def ours(user):
    fresh = get_user_model().objects.get(pk=user.pk)
    return OneQueryModelBackend().get_all_permissions(fresh)


@pytest.mark.parametrize("who", ["counsel", "responder", "viewer", "privacy_officer"])
def test_role_users_get_the_same_permissions(request, who):
    user = request.getfixturevalue(who)
    assert ours(user) == django_answer(user)
    assert ours(user)  # every role has some permission: the comparison is not of two empty sets


def test_own_and_group_permissions_are_both_counted(db):
    user = get_user_model().objects.create_user("mixed", password="x")  # noqa: S106
    own = Permission.objects.get(codename="view_all_incidents")
    via_group = Permission.objects.get(codename="add_incident")
    group = Group.objects.create(name="Openers")
    group.permissions.add(via_group)
    user.user_permissions.add(own)
    user.groups.add(group)
    assert (
        ours(user)
        == django_answer(user)
        == {
            "incidents.view_all_incidents",
            "incidents.add_incident",
        }
    )


def test_inactive_superuser_and_object_permissions(db):
    model = get_user_model()
    boss = model.objects.create_superuser("boss", password="x")  # noqa: S106
    assert ours(boss) == django_answer(boss)
    assert len(ours(boss)) == Permission.objects.count()
    gone = model.objects.create_user("gone", password="x", is_active=False)  # noqa: S106
    gone.user_permissions.add(Permission.objects.get(codename="add_incident"))
    assert ours(gone) == set() == django_answer(gone)
    assert OneQueryModelBackend().get_all_permissions(boss, obj=object()) == set()


def test_one_query_then_cached(counsel, django_assert_num_queries):
    user = get_user_model().objects.get(pk=counsel.pk)
    with django_assert_num_queries(1):
        assert user.has_perm("incidents.change_incident")
        assert not user.has_perm("incidents.view_all_incidents")
        assert user.has_perm("incidents.add_incident")


def _signed_in_user(user):
    """The user as a request sees them: loaded from the session by the backend."""
    return OneQueryModelBackend().get_user(user.pk)


@pytest.mark.parametrize("who", ["counsel", "responder", "viewer", "privacy_officer"])
def test_the_signed_in_user_comes_with_their_permissions_in_one_query(
    request, who, django_assert_num_queries
):
    user = request.getfixturevalue(who)
    expected = django_answer(user)
    checks = ("incidents.change_incident", "incidents.view_all_incidents", "incidents.add_incident")
    answers = {perm: ModelBackend().has_perm(django_fresh(user), perm) for perm in checks}
    with django_assert_num_queries(1):
        loaded = _signed_in_user(user)
        assert loaded == user and loaded.username == user.username
        assert loaded.get_all_permissions() == expected
        assert {perm: loaded.has_perm(perm) for perm in checks} == answers
    assert not hasattr(loaded, "breachclock_permissions")


def test_the_signed_in_user_row_is_read_as_the_orm_reads_it(db):
    model = get_user_model()
    user = model.objects.create_user("ann.row", password="x", first_name="Ann")  # noqa: S106
    group = Group.objects.create(name="Openers")
    group.permissions.add(Permission.objects.get(codename="add_incident"))
    user.groups.add(group)
    loaded, orm = _signed_in_user(user), model.objects.get(pk=user.pk)
    for field in model._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(orm, field.attname), field.name
    assert loaded.get_all_permissions() == {"incidents.add_incident"}
    # The session's hash still matches: the password column came back as written.
    assert loaded.get_session_auth_hash() == orm.get_session_auth_hash()


def test_unknown_deactivated_and_super_users(db):
    model = get_user_model()
    backend = OneQueryModelBackend()
    assert backend.get_user(987654) is None
    assert backend.get_user("not a number") is None
    gone = model.objects.create_user("gone", password="x", is_active=False)  # noqa: S106
    assert backend.get_user(gone.pk) is None
    boss = model.objects.create_superuser("boss", password="x")  # noqa: S106
    loaded = backend.get_user(boss.pk)
    assert loaded.has_perm("incidents.view_all_incidents")
    assert len(loaded.get_all_permissions()) == Permission.objects.count()
    # A user with no permission at all gets an empty set, not an error.
    bare = model.objects.create_user("bare", password="x")  # noqa: S106
    assert backend.get_user(bare.pk).get_all_permissions() == set()


def test_a_page_that_checks_a_permission_costs_no_query_of_its_own(counsel, client):
    """The case list checks "may this person see every case?" on every uncached page: the
    answer came with the user."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(counsel)
    client.get("/incidents/")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/incidents/").status_code == 200
    assert not [
        q for q in ctx.captured_queries if "auth_permission" in q["sql"].split(" FROM ")[-1]
    ]
    assert any("breachclock_permissions" in q["sql"] for q in ctx.captured_queries)
