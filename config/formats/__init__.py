"""Date formats per language: the one place that says how an instant reads on every page.

Django's localisation (admin read-only fields, ``{{ dt }}`` in templates) reads these modules,
and ``accounts.dateformat`` formats with the same strings, so the admin and the app agree. The
language comes from the browser's Accept-Language (``LocaleMiddleware``), British by default.
"""
