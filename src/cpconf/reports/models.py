"""The professional report: one per author per conference, covering all the children."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conferences.models import Conference
from cpconf.organisations.models import Agency
from cpconf.records import BaseModel


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
