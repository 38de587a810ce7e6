"""The Celery app. Configuration comes from Django settings under the ``CELERY_`` namespace.

https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("breachclock")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
