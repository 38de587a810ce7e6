"""Sign-in with the company's identity provider (OpenID Connect, mozilla-django-oidc).

Off unless ``OIDC_ISSUER`` is set. The pieces, in the order a sign-in passes through them:

* ``discovery``: the provider's endpoints, read from its discovery document when first needed
  (never at import or start-up: the provider may be down while Breachclock starts).
* ``views``: the "Sign in with ..." redirect and the callback, which turn every failure into a
  message on the sign-in page and an audit event.
* ``backend``: exchanges the code, checks the ID token (signature, nonce, issuer, audience) and
  hands the claims to ``users``.
* ``users``: finds or creates the user linked to the provider's (issuer, subject) and syncs the
  roles the groups claim grants (``role_map``).
* ``checks``: ``manage.py check`` errors for a half-configured provider or an unknown role.
"""
