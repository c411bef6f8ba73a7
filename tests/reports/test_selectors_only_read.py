"""Selectors read and services write: what a report holds and lacks, read before signing or
shown on its pages, changes nothing in the database."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cpconf.reports import selectors, services
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if WRITES.match(q["sql"])]


def test_reading_what_a_report_holds_and_lacks_writes_nothing(scene):
    report = complete(start(scene))
    version = submit(report)

    with CaptureQueriesContext(connection) as read:
        form = selectors.form_of(report)
        selectors.report_form_for(report.conference)
        selectors.carried_keys(form)
        selectors.working_copy(report)
        selectors.missing_answers(report)
        selectors.unreviewed_sections(report)
        selectors.version_content(report)
        selectors.carried_from(report, author_id=report.author_id)
        selectors.previous_report_for(report.conference, report.author, report.agency)
        selectors.latest_version(report)
        selectors.comparison_base(report, version)

    assert writes(read.captured_queries) == []


def test_the_reads_are_defined_once_in_the_selectors():
    """One definition of each read: the selectors define it, and the services, where they
    use it, use the selectors' own function rather than a copy."""
    for name in ("form_of", "working_copy", "missing_answers", "version_content"):
        assert getattr(selectors, name).__module__ == "cpconf.reports.selectors"
        if hasattr(services, name):
            assert getattr(services, name) is getattr(selectors, name)
