"""Demo records for this part of the system, written after the reports (see
cpconf.demo.seeding.LATER_PARTS)."""

from typing import Any


def seed_demo_part(seeded: Any) -> None:
    """Nothing of its own: the demo's released conferences have their packs queued as their
    reports are submitted (`report_submit` queues a build once a pack is released), and
    `cpconf db_worker` or `cpconf build_packs` builds them."""
