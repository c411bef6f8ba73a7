"""Child protection conferences and the people invited to them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cpconf.families.models import Family
from cpconf.organisations.models import Agency
from cpconf.policy import MeetingType
from cpconf.records import BaseModel


class Stage(models.TextChoices):
    INITIAL = "initial", _("Initial")
    REVIEW = "review", _("Review")


class ConferenceStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    FINALISED = "finalised", _("Record finalised")
    CANCELLED = "cancelled", _("Cancelled")


class Conference(BaseModel):
    """One meeting about one family's children.

    `meeting_type` is a key into the local authority's policy (so a local type such as a
    Safer Me Plus review needs no code); `stage` is copied from that type when the conference
    is booked, so the database itself can insist that a review follows an earlier conference.
    """

    family = models.ForeignKey(
        Family, verbose_name=_("family"), on_delete=models.PROTECT, related_name="conferences"
    )
    meeting_type = models.CharField(_("type of meeting"), max_length=60)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    virtual_link = models.URLField(_("link to join online"), max_length=500, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        related_name="chaired_conferences",
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous conference"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followed_by",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConferenceStatus.choices,
        default=ConferenceStatus.SCHEDULED,
    )
    pack_released_at = models.DateTimeField(_("pack released at"), null=True, blank=True)
    strategy_discussion_on = models.DateField(
        _("date of the strategy discussion"),
        null=True,
        blank=True,
        help_text=_("For an initial conference: the statutory timescale counts from it."),
    )

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(stage=Stage.REVIEW) | Q(previous__isnull=False),
                name="review_follows_a_previous_conference",
            ),
            models.CheckConstraint(
                condition=Q(previous__isnull=True) | ~Q(previous=F("pk")),
                name="conference_does_not_follow_itself",
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(virtual_link=""),
                name="conference_has_a_place_or_link",
            ),
        ]
        indexes = [models.Index(fields=["starts_at"], name="conference_starts_at")]

    def __str__(self) -> str:
        return f"{self.meeting_type_label}, {self.family.name} family"

    @property
    def meeting_type_policy(self) -> MeetingType:
        return self.family.local_authority.policy.meeting_type(self.meeting_type)

    @property
    def meeting_type_label(self) -> str:
        policy = self.family.local_authority.policy
        if self.meeting_type in policy.meeting_types:
            return policy.meeting_types[self.meeting_type].label
        return self.meeting_type

    @property
    def is_virtual(self) -> bool:
        return bool(self.virtual_link) and not self.place

    @property
    def takes_invitations(self) -> bool:
        """A finalised record is what happened, and a cancelled meeting will not happen: an
        invitation to either would ask for a report nobody can bring, and the board would
        count it outstanding, then overdue, for good."""
        return self.status not in (ConferenceStatus.FINALISED, ConferenceStatus.CANCELLED)


class Attendance(models.TextChoices):
    AWAITING_REPLY = "awaiting_reply", _("Awaiting reply")
    ATTENDING = "attending", _("Attending")
    APOLOGIES = "apologies", _("Apologies")
    REPORT_ONLY = "report_only", _("Report only")


class Invitation(BaseModel):
    """A professional asked to attend, or to send a report, for one agency."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invitee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations",
        help_text=_("Empty until a person invited by email sets up their account."),
    )
    email = models.EmailField(_("email address"))
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="invitations"
    )
    attendance = models.CharField(
        _("attendance"),
        max_length=20,
        choices=Attendance.choices,
        default=Attendance.AWAITING_REPLY,
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["agency__name", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "email"], name="invited_once_per_conference"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.agency}) to {self.conference}"


class ReminderKind(models.TextChoices):
    SHARE_DUE = "share_due", _("Share your report with the family soon")
    SUBMIT_DUE = "submit_due", _("Submit your report soon")
    LATE_TO_UNIT = "late_to_unit", _("A report is late")


class Reminder(models.Model):
    """A reminder sent: one of each kind per invitation, ever, so sending is idempotent —
    the row is written before the email, in the same transaction."""

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    deadline = models.DateTimeField(_("deadline reminded of"))
    sent_at = models.DateTimeField(_("sent at"))
    recipients = models.TextField(_("sent to"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "kind", "deadline"], name="one_reminder_per_deadline"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipients} at {self.sent_at:%Y-%m-%d %H:%M}"
