"""`cpconf build_packs`: build, here and now, every pack copy waiting for the queue (or one
conference's), for when no `cpconf db_worker` is running or a build failed."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from cpconf.packs.models import ConferencePack, PackState
from cpconf.packs.services import pack_build


class Command(BaseCommand):
    help = "Build the conference packs that are waiting (or failed), without the queue."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--conference", type=int, help="Only this conference's pack.")

    def handle(self, *args: Any, conference: int | None = None, **options: Any) -> None:
        waiting = ConferencePack.objects.filter(
            state__in=(PackState.QUEUED, PackState.BUILDING, PackState.FAILED)
        )
        if conference is not None:
            waiting = waiting.filter(conference_id=conference)
        built = 0
        for pack_id in waiting.order_by("pk").values_list("pk", flat=True):
            try:
                pack_build(pack_id=pack_id)
            except Exception as error:  # one failed build must not stop the rest
                self.stderr.write(f"Pack {pack_id} could not be built: {error}")
                continue
            built += 1
        self.stdout.write(f"Built {built} pack copies.")
