"""Whether the background worker is alive, read from the queue it works from.

The worker leaves no heartbeat of its own; what shows it is alive is that it takes jobs.
The reminders timer queues one every 15 minutes, so a worker that has started none for
longer than CPCONF_WORKER_STALE_MINUTES is down (or the timer is), and someone should look.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@dataclass(frozen=True)
class WorkerState:
    alive: bool
    last_taken_at: datetime | None
    stale_after_minutes: int

    def describe(self) -> str:
        if self.alive:
            return f"worker: ok, a job taken within the last {self.stale_after_minutes} minutes"
        return f"worker: down, no job taken in the last {self.stale_after_minutes} minutes"


def worker_state(now: datetime | None = None) -> WorkerState:
    """One indexed look at the queue: the newest job start, if any, inside the window."""
    minutes = settings.CPCONF_WORKER_STALE_MINUTES
    since = (now or timezone.now()) - timedelta(minutes=minutes)
    last = (
        DBTaskResult.objects.filter(started_at__gte=since)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    return WorkerState(alive=last is not None, last_taken_at=last, stale_after_minutes=minutes)
