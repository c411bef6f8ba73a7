"""Letters issued before each adult got their own keep their words and their guard: after the
migration they are letters to the family as a whole, which every member of it reads."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from cpconf.outcomes.models import OutcomeLetter
from tests.outcomes.records import finalised_record
from tests.reports.test_guards import refused

BEFORE = [("outcomes", "0002_issued_letters_are_never_changed")]
OLD_CONTENT = {
    "title": "What the meeting decided",
    "addressed_to": "To Dawn Hartwell and Parent Account",
    "sections": [{"heading": "What we decided", "paragraphs": ["Lily still needs a plan."]}],
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_letter_issued_before_keeps_its_words_and_its_guard(client, scene):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("outcomes")
    version = finalised_record(scene.conference)
    old_apps = migrate(BEFORE)
    old = old_apps.get_model("outcomes", "OutcomeLetter").objects.create(
        record_version_id=version.pk,
        issued_at=timezone.now(),
        issued_by_id=scene.chair.pk,
        content=OLD_CONTENT,
        fingerprint="0" * 64,
    )

    migrate(latest)

    letter = OutcomeLetter.objects.get(pk=old.pk)
    assert letter.recipient is None and letter.content == OLD_CONTENT
    message = refused(
        "UPDATE outcomes_outcomeletter SET content = %s WHERE id = %s", ["{}", old.pk]
    )
    assert "an issued outcome letter is never changed" in message
    client.force_login(scene.parent)
    assert client.get(reverse("portal:letter", args=[old.pk])).status_code == 200
