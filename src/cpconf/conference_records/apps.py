from pathlib import Path

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def check_agendas(directory: Path | None = None) -> None:
    """Read the chair's agendas, so a bad file stops start-up naming its file, key and
    problem rather than failing on the first record that needs it."""
    from cpconf.conference_records.agenda import AgendaError, load_agendas, shipped_agendas

    try:
        if directory is None:
            shipped_agendas()
        else:
            load_agendas(directory)
    except AgendaError as error:
        raise ImproperlyConfigured(f"Agenda file is wrong: {error}") from error


class ConferenceRecordsConfig(AppConfig):
    name = "cpconf.conference_records"
    verbose_name = _("Conference records")

    def ready(self) -> None:
        check_agendas()
