"""What the family is sent after a conference: the outcome letters (and the minutes beside
them), issued from one finalised version of the conference record and frozen as issued.

Each adult the letter goes to gets their own, addressed to them and in the form they need; a
family with no parent or carer on its record gets one letter to the family as a whole (no
recipient), as every letter was before letters were addressed one by one. A correction to
the record makes a new record version; issuing that makes new letters. The family's portal
shows each member the latest letter issued to them.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conference_records.models import RecordVersion
from cpconf.families.models import FamilyMember
from cpconf.records import BaseModel, WrittenOnce


class OutcomeLetter(WrittenOnce, BaseModel):
    never_changed = "An issued letter is never changed: correct the record and reissue."
    never_removed = "An issued letter is never removed: the family may have read it."

    record_version = models.ForeignKey(
        RecordVersion,
        verbose_name=_("record version"),
        on_delete=models.PROTECT,
        related_name="outcome_letters",
    )
    recipient = models.ForeignKey(
        FamilyMember,
        verbose_name=_("sent to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_letters",
        help_text=_("Empty for a letter to the family as a whole."),
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
        ordering = ["issued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_version", "recipient"],
                condition=models.Q(recipient__isnull=False),
                name="outcome_letter_one_per_recipient",
            ),
            models.UniqueConstraint(
                fields=["record_version"],
                condition=models.Q(recipient__isnull=True),
                name="outcome_letter_one_to_the_family",
            ),
        ]

    def __str__(self) -> str:
        return _("Outcome letter for %(record)s to %(to)s") % {
            "record": self.record_version,
            "to": self.addressed_to,
        }

    @property
    def addressed_to(self) -> str:
        """Whom the letter is to, as it was issued (a name changed since stays as sent)."""
        return str(self.content.get("addressed_to", ""))

    @property
    def conference(self) -> Any:
        """The conference the letter is about (audit events are filed under its family)."""
        return self.record_version.record.conference


class MinutesApproval(WrittenOnce, BaseModel):
    """The chair's (or the unit's) approval of one finalised record version's minutes: an
    action of its own, apart from issuing the letter, since the letter is due the next working
    day and the minutes later (the policy's `[after_the_meeting]`)."""

    never_changed = "An approval of the minutes is never changed: correct the record."
    never_removed = "An approval of the minutes is never removed."

    record_version = models.OneToOneField(
        RecordVersion,
        verbose_name=_("record version"),
        on_delete=models.PROTECT,
        related_name="minutes_approval",
    )
    approved_at = models.DateTimeField(_("approved at"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("approval of the minutes")
        verbose_name_plural = _("approvals of the minutes")

    def __str__(self) -> str:
        return _("Minutes of %(record)s approved") % {"record": self.record_version}

    @property
    def conference(self) -> Any:
        return self.record_version.record.conference
