"""`cpconf api_client_revoke --authority NAME --name "Case system"`: the client's token stops
working at once. The client stays on record, for the audit trail."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.api.management.commands.api_client_create import authority_named
from cpconf.api.models import ApiClient
from cpconf.api.services import api_client_revoke

NO_SUCH_CLIENT = "{authority} has no API client called {name!r}"


class Command(BaseCommand):
    help = "Revoke a system client of the integration API: its token stops working."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--authority", required=True, help="Local authority, by name.")
        parser.add_argument("--name", required=True, help="The client's name.")

    def handle(self, *args: Any, authority: str, name: str, **options: Any) -> None:
        local_authority = authority_named(authority)
        client = ApiClient.objects.filter(local_authority=local_authority, name=name).first()
        if client is None:
            raise CommandError(NO_SUCH_CLIENT.format(authority=local_authority, name=name))
        if not client.is_active:
            self.stdout.write(f"{client} was already revoked.")
            return
        api_client_revoke(client=client, actor_label="cpconf api_client_revoke")
        self.stdout.write(f"Revoked {client}: its token no longer works.")
