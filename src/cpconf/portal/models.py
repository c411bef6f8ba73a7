"""What a family sends and keeps through the portal: comments on reports, their own report or
safety plan, the child's views, feedback after a conference, and how they need things.

Each record is tied to the family member who made it (and so to their family); the portal
shows a member their own records only, since the adults around the children may not live
together or agree (see README, "The family portal").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conferences.models import Conference
from cpconf.families.models import Child, FamilyMember
from cpconf.records import BaseModel
from cpconf.reports.models import ProfessionalReport, ReportVersion


class AccessNeeds(BaseModel):
    """How a family member needs things, beyond the language and interpreter on their record."""

    member = models.OneToOneField(
        FamilyMember,
        verbose_name=_("family member"),
        on_delete=models.CASCADE,
        related_name="portal_access_needs",
    )
    large_print = models.BooleanField(_("large print"), default=False)
    easy_read = models.BooleanField(_("easy read"), default=False)
    reading_support = models.BooleanField(_("someone to read reports with them"), default=False)
    read_aloud = models.BooleanField(_("reports read aloud"), default=False)

    class Meta:
        verbose_name = _("access needs")
        verbose_name_plural = _("access needs")

    def __str__(self) -> str:
        return _("Access needs of %(member)s") % {"member": self.member}


class YoungPerson(BaseModel):
    """Which child a young person's own family-member row (and so their account for the
    family pages) stands for. The front sheet knows a young person only by name; this link is
    what lets the database refuse a second young person for the same child, however many
    invitations arrive at the same moment (see `services.family_member_invite`)."""

    child = models.OneToOneField(
        Child,
        verbose_name=_("child"),
        on_delete=models.CASCADE,
        related_name="young_person",
    )
    member = models.OneToOneField(
        FamilyMember,
        verbose_name=_("family member"),
        on_delete=models.CASCADE,
        related_name="young_person_of",
    )

    class Meta:
        verbose_name = _("young person")
        verbose_name_plural = _("young people")

    def __str__(self) -> str:
        return str(self.member)


class ReportComment(BaseModel):
    """A family member's comments on a report shared with them, kept word for word."""

    report = models.ForeignKey(
        ProfessionalReport,
        verbose_name=_("report"),
        on_delete=models.PROTECT,
        related_name="family_comments",
    )
    version = models.ForeignKey(
        ReportVersion,
        verbose_name=_("version read"),
        on_delete=models.PROTECT,
        related_name="family_comments",
    )
    member = models.ForeignKey(
        FamilyMember,
        verbose_name=_("family member"),
        on_delete=models.PROTECT,
        related_name="report_comments",
    )
    text = models.TextField(_("comments"))

    class Meta:
        verbose_name = _("family comment on a report")
        verbose_name_plural = _("family comments on reports")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return _("Comments by %(member)s") % {"member": self.member}


class ParentsReportKind(models.TextChoices):
    REPORT = "report", _("Our own report")
    SAFETY_PLAN = "safety_plan", _("Our safety plan")


class ParentsReport(BaseModel):
    """The parents' own report or safety plan for a conference (seeds/004, section 2). Sending
    it again replaces the words; each sending is in the audit trail."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="parents_reports",
    )
    member = models.ForeignKey(
        FamilyMember,
        verbose_name=_("family member"),
        on_delete=models.PROTECT,
        related_name="parents_reports",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ParentsReportKind.choices)
    text = models.TextField(_("text"))
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("parents' report")
        verbose_name_plural = _("parents' reports")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "member", "kind"], name="one_parents_report_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.member}"


class ChildView(BaseModel):
    """What a child wants the conference to know: words, or a drawing or photo (PNG, JPEG or
    PDF, checked by content). Files are kept in the database, which every web process shares
    and every backup holds, never under the web root; they are served only by the portal."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="child_views",
    )
    member = models.ForeignKey(
        FamilyMember,
        verbose_name=_("sent by"),
        on_delete=models.PROTECT,
        related_name="child_views",
    )
    child = models.ForeignKey(
        Child,
        verbose_name=_("child"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_views",
    )
    text = models.TextField(_("the child's words"), blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_type = models.CharField(_("file type"), max_length=40, blank=True)
    file_data = models.BinaryField(_("file"), null=True, blank=True)
    file_size = models.PositiveIntegerField(_("file size in bytes"), default=0)

    class Meta:
        verbose_name = _("child's views")
        verbose_name_plural = _("children's views")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text="") | ~models.Q(file_type=""),
                name="child_view_has_words_or_a_file",
            )
        ]

    def __str__(self) -> str:
        return _("Views sent by %(member)s") % {"member": self.member}

    @property
    def has_file(self) -> bool:
        return bool(self.file_type)

    @property
    def is_image(self) -> bool:
        return self.file_type.startswith("image/")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("A bit")
    NO = "no", _("No")


class ConferenceFeedback(BaseModel):
    """A family member's feedback form after a conference (seeds/004, section 7)."""

    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="family_feedback",
    )
    member = models.ForeignKey(
        FamilyMember,
        verbose_name=_("family member"),
        on_delete=models.PROTECT,
        related_name="conference_feedback",
    )
    understood = models.CharField(
        _("understood why the meeting happened"), max_length=10, choices=Answer.choices
    )
    listened_to = models.CharField(_("felt listened to"), max_length=10, choices=Answer.choices)
    reports_in_time = models.CharField(
        _("had the reports in time"), max_length=10, choices=Answer.choices
    )
    better = models.TextField(_("what could be better"), blank=True)

    class Meta:
        verbose_name = _("conference feedback")
        verbose_name_plural = _("conference feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "member"], name="one_feedback_per_member_per_conference"
            )
        ]

    def __str__(self) -> str:
        return _("Feedback from %(member)s") % {"member": self.member}
