"""`quality FILE` as a Django management command: the same command line as ``cpconf quality``
(``cpconf.quality.command``, which the console script runs without setting Django up), for
``django-admin`` and ``call_command``."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.quality.command import (
    EMPTY,
    HELP,
    NOT_FOUND,
    NOT_SUPPORTED,
    UNREADABLE,
    USAGE_ERROR,
    ReportFileError,
    add_arguments,
    output,
)

__all__ = ["EMPTY", "NOT_FOUND", "NOT_SUPPORTED", "UNREADABLE", "Command"]


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            printed = output(options["file"], options["child"], options["section"], options["json"])
        except ReportFileError as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from None
        self.stdout.write(printed)
