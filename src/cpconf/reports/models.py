"""The professional report: one per author per conference, covering all the children.

A report has a working copy (its sections, saved as the author goes) and, once signed, frozen
versions. A version is never changed: an amendment makes the next one.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conferences.models import Conference
from cpconf.organisations.models import Agency
from cpconf.records import BaseModel, WrittenOnce, fingerprint


class ReportStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SHARED = "shared", _("Shared with family")
    SUBMITTED = "submitted", _("Submitted")


class ProfessionalReport(BaseModel):
    conference = models.ForeignKey(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.NOT_STARTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_late = models.BooleanField(_("submitted late"), default=False)
    form_key = models.CharField(_("report form"), max_length=60, blank=True)
    previous_report = models.ForeignKey(
        "self",
        verbose_name=_("previous report"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_reports",
        help_text=_("The report for the previous conference this one started from."),
    )
    amendment_reason = models.TextField(
        _("reason for the amendment"),
        blank=True,
        help_text=_(
            "Set while the author amends a submitted report; recorded on the next version."
        ),
    )

    class Meta:
        verbose_name = _("professional report")
        verbose_name_plural = _("professional reports")
        ordering = ["conference__starts_at", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "author"], name="one_report_per_author_per_conference"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=ReportStatus.SUBMITTED, submitted_at__isnull=False)
                    | (
                        ~models.Q(status=ReportStatus.SUBMITTED)
                        & models.Q(submitted_at__isnull=True)
                    )
                ),
                name="submitted_report_has_submission_time",
            ),
        ]

    def __str__(self) -> str:
        return _("%(agency)s report for %(conference)s") % {
            "agency": self.agency,
            "conference": self.conference,
        }

    @property
    def is_submitted(self) -> bool:
        return self.status == ReportStatus.SUBMITTED

    @property
    def is_being_amended(self) -> bool:
        return self.is_submitted and bool(self.amendment_reason)

    @property
    def is_editable(self) -> bool:
        """The working copy may change before submission, or during an amendment."""
        return not self.is_submitted or self.is_being_amended

    def latest_previous_version(self) -> "ReportVersion | None":
        """For a review: the previous report's latest version, which the working copy is
        compared with, and which signing now would fix as the version's comparison."""
        if self.previous_report_id is None:
            return None
        return (
            ReportVersion.objects.filter(report_id=self.previous_report_id)
            .order_by("-number")
            .first()
        )


class SectionState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not yet started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class ReviewState(models.TextChoices):
    """For a section a review report carried forward from the author's previous report: the
    author must change it or confirm it still holds before signing, never sign it unread."""

    NOT_CARRIED = "", _("Not carried forward")
    TO_REVIEW = "to_review", _("Needs review")
    CHANGED = "changed", _("Changed")
    CONFIRMED = "confirmed", _("Reviewed — no change")


class ReportSection(BaseModel):
    """One part of a report's working copy: a form section, or the front sheet, children or
    family members. `revision` goes up by one on every save, so a save based on an older
    revision is a conflict, never a silent overwrite. `review` says, for a section carried
    forward into a review report, whether the author has changed or confirmed it."""

    report = models.ForeignKey(
        ProfessionalReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    key = models.CharField(_("section"), max_length=60)
    content = models.JSONField(_("content"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=SectionState.choices, default=SectionState.NOT_STARTED
    )
    revision = models.PositiveIntegerField(_("revision"), default=0)
    review = models.CharField(
        _("review of the carried-forward answer"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.NOT_CARRIED,
        blank=True,
    )

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="one_section_per_key_per_report")
        ]

    def __str__(self) -> str:
        return f"{self.key} (revision {self.revision})"

    @property
    def needs_review(self) -> bool:
        return self.review == ReviewState.TO_REVIEW


# One fingerprint for everything frozen (cpconf.records.fingerprint).
content_fingerprint = fingerprint


class ReportVersion(WrittenOnce, BaseModel):
    """A signed, submitted report, frozen. The database refuses updates to it."""

    never_changed = "A submitted report version is never changed: amend the report."
    never_removed = "A submitted report version is never removed."

    report = models.ForeignKey(
        ProfessionalReport,
        verbose_name=_("report"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    signed_name = models.CharField(_("signed by"), max_length=200)
    signed_role = models.CharField(_("role"), max_length=200)
    signed_at = models.DateTimeField(_("signed at"))
    late = models.BooleanField(_("submitted after the deadline"), default=False)
    amendment_reason = models.TextField(_("reason for the amendment"), blank=True)
    compared_with = models.ForeignKey(
        "self",
        verbose_name=_("compared with"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "For a review: the previous report's version its changes are marked against, "
            "fixed when it was signed, so amending that report never changes how this reads."
        ),
    )

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="one_version_number_per_report"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="version_numbers_from_one"
            ),
            models.CheckConstraint(
                condition=models.Q(number=1) | ~models.Q(amendment_reason=""),
                name="amendment_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} version {self.number}"

    @property
    def fingerprint_verifies(self) -> bool:
        """The content still gives the signed fingerprint and, where the content names the
        version it was compared with (versions signed since that was pinned), it is that one."""
        named = self.content.get("compared_with")
        base = self.compared_with
        if named is not None and (base is None or named.get("fingerprint") != base.fingerprint):
            return False
        return fingerprint(self.content) == self.fingerprint
