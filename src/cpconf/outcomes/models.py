"""What the family is sent after a conference: the outcome letter (and the minutes beside it),
issued from one finalised version of the conference record and frozen as issued.

A correction to the record makes a new record version; issuing that makes a new letter. The
family's portal shows the latest letter issued for each conference.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conference_records.models import RecordVersion
from cpconf.records import BaseModel, WrittenOnce


class OutcomeLetter(WrittenOnce, BaseModel):
    never_changed = "An issued letter is never changed: correct the record and reissue."
    never_removed = "An issued letter is never removed: the family may have read it."

    record_version = models.OneToOneField(
        RecordVersion,
        verbose_name=_("record version"),
        on_delete=models.PROTECT,
        related_name="outcome_letter",
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    content = models.JSONField(
        _("content"), help_text=_("The letter's words as issued, so it reads the same forever.")
    )
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)

    class Meta:
        verbose_name = _("outcome letter")
        verbose_name_plural = _("outcome letters")
        ordering = ["issued_at"]

    def __str__(self) -> str:
        return _("Outcome letter for %(record)s") % {"record": self.record_version}

    @property
    def conference(self) -> Any:
        """The conference the letter is about (audit events are filed under its family)."""
        return self.record_version.record.conference
