"""Re-install the append-only trigger on the audit table, and optionally restrict a role.

    python manage.py audit_protect                      # the trigger (migrations install it too)
    python manage.py audit_protect --app-role breachclock_app

Run it as the table's owner (the role that runs migrations). PostgreSQL only.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from audit.immutability import INSTALL_TRIGGER, grant_app_role


class Command(BaseCommand):
    help = "Install the audit trail's append-only trigger; leave --app-role only SELECT/INSERT."

    def add_arguments(self, parser):
        parser.add_argument("--app-role", default="", help="the role the application connects as")

    def handle(self, *args, app_role="", **options):
        if connection.vendor != "postgresql":
            raise CommandError("the database-level protection needs PostgreSQL")
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(INSTALL_TRIGGER)
            if app_role:
                grant_app_role(cursor, app_role)
        done = "trigger installed" + (f"; {app_role} may only read and append" if app_role else "")
        self.stdout.write(done)
