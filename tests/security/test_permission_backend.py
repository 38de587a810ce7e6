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
