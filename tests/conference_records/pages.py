"""What the page tests share: the pages' addresses, and the posted form of each section."""

import html
import re
from typing import Any

from django.urls import reverse

from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord


def url(name: str, conference, *args: Any) -> str:
    return reverse(f"conference_records:{name}", args=[conference.pk, *args])


def part_url(conference, key: str) -> str:
    return url("part", conference, key)


def started(scene) -> ConferenceRecord:
    return services.record_start(conference=scene.conference, actor=scene.chair)


def rows(prefix: str, *items: dict[str, Any]) -> dict[str, Any]:
    """A row set as a browser posts it: the management form, then each row's fields."""
    data: dict[str, Any] = {
        f"{prefix}-TOTAL_FORMS": str(len(items)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{name}": value for name, value in item.items()})
    return data


def date_fields(name: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def revision_of(record: ConferenceRecord, key: str) -> str:
    return str(record.parts.get(key=key).revision)


def content_of(record: ConferenceRecord, key: str) -> dict[str, Any]:
    return record.parts.get(key=key).content


def shown(message: str) -> str:
    """A message as the page's HTML has it (apostrophes escaped)."""
    return html.escape(str(message))


SHOWN = re.compile(r'name="shown" value="([0-9a-f]*)"')


def finalise(client, conference, data: dict[str, str] | None = None):
    """Press "Finalise the record" as the check page's form does: with the fingerprint of
    the record and its warnings as the page showed them, read from the page."""
    page = client.get(url("check", conference)).content.decode()
    found = SHOWN.search(page)
    assert found is not None, "the check page carries no fingerprint of what it shows"
    return client.post(url("check", conference), {"shown": found.group(1), **(data or {})})
