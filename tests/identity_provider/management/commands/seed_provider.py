"""Seed the test provider from a JSON document on standard input:

``{"client": {"client_id", "client_secret", "redirect_uri"},
   "users": [{"username", "password", "email", "first_name", "last_name", "groups": [...]}]}``

Users and the client are created or updated (a user's groups are set to exactly those given);
a signing key is created once.
"""

import json
import sys

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand
from oidc_provider.models import Client, ResponseType, RSAKey


class Command(BaseCommand):
    help = "Seed users, groups and one client from JSON on stdin."

    def handle(self, *args, **options):
        doc = json.load(sys.stdin)
        if not RSAKey.objects.exists():
            call_command("creatersakey")
        for person in doc.get("users", []):
            user, _ = User.objects.get_or_create(username=person["username"])
            user.email = person.get("email", "")
            user.first_name = person.get("first_name", "")
            user.last_name = person.get("last_name", "")
            if not user.check_password(person["password"]):
                # Only when it changes: a new password hash ends the person's provider session.
                user.set_password(person["password"])
            user.save()
            user.groups.set([Group.objects.get_or_create(name=g)[0] for g in person["groups"]])
        spec = doc.get("client")
        if spec:
            client, _ = Client.objects.get_or_create(client_id=spec["client_id"])
            client.name = spec.get("name", "Breachclock")
            client.client_type = "confidential"
            client.client_secret = spec["client_secret"]
            client.jwt_alg = "RS256"
            client.require_consent = False
            client.redirect_uris = [spec["redirect_uri"]]
            client.save()
            client.response_types.set([ResponseType.objects.get(value="code")])
        self.stdout.write("seeded")
