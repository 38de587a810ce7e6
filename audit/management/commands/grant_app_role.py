"""Give the application's database role what it needs, and nothing that rewrites history.

    DATABASE_URL=<owner's URL> python manage.py grant_app_role breachclock_app

Run it as the tables' owner after every ``migrate`` (docker-compose.yml's ``migrate`` service
does). PostgreSQL only; see ``audit/db_roles.py`` for the exact grants.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from audit import db_roles


class Command(BaseCommand):
    help = "Grant the app role read/write, with the audit trail and case timeline append-only."

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the web server, worker and beat connect as")

    def handle(self, *args, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("database roles need PostgreSQL")
        with transaction.atomic(), connection.cursor() as cursor:
            db_roles.grant(cursor, role)
        self.stdout.write(
            f"{role}: read/write on the tables; audit trail and case timeline append-only"
        )
