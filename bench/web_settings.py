"""Settings for the page benchmark's gunicorn: the local settings with DEBUG off (no query log)
and a URLconf that adds a minimal signed-in view to measure the case list against."""

from config.settings.local import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.web_urls"
LOGGING = {"version": 1, "disable_existing_loggers": False}
