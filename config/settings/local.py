"""Settings for a developer's machine and the one-command demo (``manage.py``'s default)."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A fixed key is fine on a laptop; production refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = SECRET_KEY or "local-development-only-not-secret"  # noqa: S105
