"""Demo records for this part of the system, written after the reports (see
cpconf.demo.seeding.LATER_PARTS)."""

from typing import Any


def seed_demo_part(seeded: Any) -> None:
    """Nothing yet: this part's demo records are written with the part itself."""
