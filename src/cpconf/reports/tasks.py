"""Background jobs, on the database-backed queue (`cpconf db_worker` runs them)."""

from django_tasks import task

from cpconf.reports.reminders import send_due_reminders


@task()
def send_reminders() -> int:
    """Every reminder due now, each sent once; the number sent."""
    return send_due_reminders()
