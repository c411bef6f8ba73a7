"""`cpconf verify_audit`: check the whole audit trail's hash chain, in sequence order.

Prints one line and exits 0 when every event is as recorded; otherwise names the first
broken event and what is wrong with it, and exits 1.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.audit.verifying import verify_stored_chain


class Command(BaseCommand):
    help = "Check the audit trail's hash chain and name the first broken event."

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_stored_chain()
        if result.broken is not None:
            raise CommandError(
                f"Audit trail broken at {result.broken}. "
                f"The {result.count} events before it are intact.",
                returncode=1,
            )
        self.stdout.write(
            f"Audit trail OK: {result.count} events, "
            f"last sequence {result.last.sequence}, last hash {result.last.hash}"
        )
