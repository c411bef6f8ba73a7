"""`cpconf api_client_create --authority NAME --name "Case system"`: a system client of the
integration API for one local authority. The token is printed once and never kept."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from cpconf.api.models import ApiClient
from cpconf.api.services import api_client_create
from cpconf.organisations.models import LocalAuthority

NO_SUCH_AUTHORITY = "There is no local authority called {name!r} (give its name or short name)"
NAME_TAKEN = "{authority} already has an API client called {name!r}"


def authority_named(name: str) -> LocalAuthority:
    authority = LocalAuthority.objects.filter(Q(name__iexact=name) | Q(slug__iexact=name)).first()
    if authority is None:
        raise CommandError(NO_SUCH_AUTHORITY.format(name=name))
    return authority


class Command(BaseCommand):
    help = "Create a system client of the integration API, and print its token once."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--authority", required=True, help="Local authority, by name.")
        parser.add_argument("--name", required=True, help='What the client is: "Case system".')

    def handle(self, *args: Any, authority: str, name: str, **options: Any) -> None:
        local_authority = authority_named(authority)
        if ApiClient.objects.filter(local_authority=local_authority, name=name).exists():
            raise CommandError(NAME_TAKEN.format(authority=local_authority, name=name))
        client, token = api_client_create(
            local_authority=local_authority, name=name, actor_label="cpconf api_client_create"
        )
        self.stdout.write(f"Created API client {client.name} for {local_authority}.")
        self.stdout.write("Its token (shown this once; keep it in the case system's secrets):")
        self.stdout.write(token)
