"""The chair's record of a conference: a working copy kept part by part during the meeting,
and, once finalised, frozen versions. A finalised version is never changed: a correction
makes the next one, with a reason (the same shape as a professional report, decision 3).

The content of each part is plain JSON; its shapes are described in
`cpconf.conference_records.record_content`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conferences.models import Conference
from cpconf.records import BaseModel, WrittenOnce, fingerprint


class RecordStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    FINALISED = "finalised", _("Finalised")


class ConferenceRecord(BaseModel):
    """One per conference, started by its chair (or the unit) before or at the meeting."""

    conference = models.OneToOneField(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="record",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RecordStatus.choices, default=RecordStatus.IN_PROGRESS
    )
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    correction_reason = models.TextField(
        _("reason for the correction"),
        blank=True,
        help_text=_("Set while the chair corrects a finalised record; kept on the next version."),
    )

    class Meta:
        verbose_name = _("conference record")
        verbose_name_plural = _("conference records")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=RecordStatus.FINALISED, finalised_at__isnull=False)
                    | (
                        ~models.Q(status=RecordStatus.FINALISED)
                        & models.Q(finalised_at__isnull=True)
                    )
                ),
                name="finalised_record_has_finalisation_time",
            ),
        ]

    def __str__(self) -> str:
        return _("Record of %(conference)s") % {"conference": self.conference}

    @property
    def is_finalised(self) -> bool:
        return self.status == RecordStatus.FINALISED

    @property
    def is_being_corrected(self) -> bool:
        return self.is_finalised and bool(self.correction_reason)

    @property
    def is_editable(self) -> bool:
        return not self.is_finalised or self.is_being_corrected


class RecordPart(BaseModel):
    """One agenda section of the working copy. `revision` goes up on every save, so a save
    based on an older revision is a conflict, never a silent overwrite (the chair and the
    unit's minute-taker may both have the page open)."""

    record = models.ForeignKey(
        ConferenceRecord,
        verbose_name=_("conference record"),
        on_delete=models.CASCADE,
        related_name="parts",
    )
    key = models.CharField(_("agenda section"), max_length=60)
    content = models.JSONField(_("content"), default=dict, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)

    class Meta:
        verbose_name = _("record part")
        verbose_name_plural = _("record parts")
        constraints = [
            models.UniqueConstraint(fields=["record", "key"], name="one_record_part_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} (revision {self.revision})"


# One fingerprint for everything frozen (cpconf.records.fingerprint).
record_fingerprint = fingerprint


class RecordVersion(WrittenOnce, BaseModel):
    """A finalised record, frozen: every part's content at finalisation, keyed by part."""

    never_changed = "A finalised record is never changed: correct the record."
    never_removed = "A finalised record version is never removed."

    record = models.ForeignKey(
        ConferenceRecord,
        verbose_name=_("conference record"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("finalised by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    finalised_at = models.DateTimeField(_("finalised at"))
    correction_reason = models.TextField(_("reason for the correction"), blank=True)

    class Meta:
        verbose_name = _("record version")
        verbose_name_plural = _("record versions")
        ordering = ["record", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["record", "number"], name="one_version_number_per_record"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="record_version_numbers_from_one"
            ),
            models.CheckConstraint(
                condition=models.Q(number=1) | ~models.Q(correction_reason=""),
                name="record_correction_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record} version {self.number}"
