"""Demo records for this part of the system, written after the conference records (see
cpconf.demo.seeding.LATER_PARTS): the outcome letters of the demo's finalised past records,
issued by each conference's chair a day after its record was finalised."""

from datetime import timedelta
from typing import Any

from cpconf.outcomes import selectors
from cpconf.outcomes.services import outcome_issue

# The past conferences whose records cpconf.conference_records.demo finalises.
ISSUED_FOR = ("ashdown-initial", "carter-initial", "carter-first-review", "price-initial")
ISSUED_AFTER_FINALISING = timedelta(days=1)


def seed_demo_part(seeded: Any) -> None:
    for key in ISSUED_FOR:
        conference = seeded.conferences.get(key)
        version = selectors.latest_finalised_version(conference) if conference else None
        if version is None:
            continue  # no finalised record for it (yet): nothing to issue
        existing = selectors.letter_for(version)
        letter = existing or outcome_issue(
            record_version=version,
            actor=conference.chair,
            issued_at=min(version.finalised_at + ISSUED_AFTER_FINALISING, seeded.now),
            notify=False,
        )
        seeded.summary.count(letter, created=existing is None)
