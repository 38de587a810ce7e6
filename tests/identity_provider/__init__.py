"""A real OpenID Connect provider for the tests: django-oidc-provider in a small Django project
of its own (own settings, own SQLite database, own cookies), started on 127.0.0.1 as a
subprocess by the ``identity_provider`` fixture (``fixtures.py``). Users, their groups and the
client are seeded by each test (``manage.py seed_provider``)."""
