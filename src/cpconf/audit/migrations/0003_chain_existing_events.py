"""Events recorded before the chain existed join it, in the order they happened."""

from django.db import migrations

from cpconf.audit.chain import GENESIS_HASH, RECORDED_FIELDS, canonical_content, event_hash

BATCH = 1000


def chain_existing(apps, schema_editor) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    previous, sequence = GENESIS_HASH, 0
    # The ids first: the rows are updated while they are read.
    ids = list(AuditEvent.objects.order_by("occurred_at", "id").values_list("id", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = AuditEvent.objects.in_bulk(ids[start : start + BATCH])
        for pk in ids[start : start + BATCH]:
            event = batch[pk]
            sequence += 1
            event.sequence = sequence
            fields = {name: getattr(event, name) for name in RECORDED_FIELDS}
            digest = event_hash(previous, canonical_content(fields))
            AuditEvent.objects.filter(pk=pk).update(
                sequence=sequence, previous_hash=previous, hash=digest
            )
            previous = digest
    AuditChainHead.objects.update_or_create(pk=1, defaults={"sequence": sequence, "hash": previous})


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_chain_fields")]

    operations = [migrations.RunPython(chain_existing, migrations.RunPython.noop)]
