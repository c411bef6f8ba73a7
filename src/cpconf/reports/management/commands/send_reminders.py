"""`cpconf send_reminders`: queue the reminders job (run it from cron or a timer, e.g. every
15 minutes); `--now` runs it here instead. Either way each reminder goes once."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from cpconf.reports.reminders import send_due_reminders
from cpconf.reports.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Queue the job that emails reminders before deadlines and tells the unit of late reports."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--now", action="store_true", help="Send now, without the queue.")

    def handle(self, *args: Any, now: bool = False, **options: Any) -> None:
        if now:
            self.stdout.write(f"Sent {send_due_reminders()} reminders.")
            return
        result = send_reminders.enqueue()
        self.stdout.write(f"Queued the reminders job ({result.id}).")
