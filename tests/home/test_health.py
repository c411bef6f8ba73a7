"""/health/ tells a load balancer the web process and database answer, and a monitor whether
the background worker is taking jobs; /health/worker/ answers 503 when it is not."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def a_job_taken(minutes_ago: int) -> None:
    started = timezone.now() - timedelta(minutes=minutes_ago)
    DBTaskResult.objects.create(
        task_path="cpconf.reports.tasks.send_reminders",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=started,
        started_at=started,
        status="RUNNING",
    )


def test_with_no_job_ever_taken_the_worker_is_reported_down(client):
    health = client.get("/health/")
    worker = client.get("/health/worker/")

    assert health.status_code == 200
    assert health.content.decode().splitlines() == [
        "OK",
        "worker: down, no job taken in the last 30 minutes",
    ]
    assert worker.status_code == 503


def test_a_job_taken_within_the_window_means_the_worker_is_alive(client):
    a_job_taken(minutes_ago=5)

    worker = client.get("/health/worker/")

    assert worker.status_code == 200
    assert worker.content.decode().strip() == ("worker: ok, a job taken within the last 30 minutes")
    assert "worker: ok" in client.get("/health/").content.decode()


def test_a_job_taken_longer_ago_than_the_window_is_not_enough(client, settings):
    settings.CPCONF_WORKER_STALE_MINUTES = 10
    a_job_taken(minutes_ago=11)

    worker = client.get("/health/worker/")

    assert worker.status_code == 503
    assert "no job taken in the last 10 minutes" in worker.content.decode()
