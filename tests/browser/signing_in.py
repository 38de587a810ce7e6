"""Signing in, for the browser tests: one password for the people the tests make, and one way
through a sign-in form (Breachclock's own or the admin's) that returns only once the page the
form leads to has loaded."""

from __future__ import annotations

from tests.conftest import make_person

PASSWORD = "correct horse battery staple"


def person_who_signs_in(username: str, role: str, **fields):
    """``tests.conftest.make_person`` with ``PASSWORD`` set, so the person can sign in."""
    user = make_person(username, role, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(page, username: str, password: str = PASSWORD, *, at: str | None = "/accounts/login/"):
    """Fill the sign-in form at ``at`` (``None``: the form the page already shows), send it with
    the form's own submit button and wait until the next page has loaded.

    A refused sign-in shows the form again: that fails here, with what the page said."""
    if at is not None:
        page.goto(at)
    form = page.locator("form", has=page.locator("#id_password"))
    form.locator("#id_username").fill(username)
    form.locator("#id_password").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_password").count() == 0, (
        f"{username} was not signed in ({page.url}): {page.inner_text('body')}"
    )
