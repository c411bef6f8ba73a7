"""The conference pack: every submitted report with a cover, in two copies, as PDF and Word.

The files are kept in the database, not on a disk: web processes are stateless and any of
them may be asked for a file another built. Building again replaces the files.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.conferences.models import Conference
from cpconf.records import BaseModel


class PackCopy(models.TextChoices):
    CONFERENCE = "conference", _("Conference copy")
    FAMILY = "family", _("Family copy")


class PackState(models.TextChoices):
    QUEUED = "queued", _("Waiting to be built")
    BUILDING = "building", _("Being built")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be built")


class ConferencePack(BaseModel):
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="packs"
    )
    copy = models.CharField(_("copy"), max_length=20, choices=PackCopy.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=PackState.choices, default=PackState.QUEUED
    )
    reports_done = models.PositiveIntegerField(_("reports laid out"), default=0)
    reports_total = models.PositiveIntegerField(_("reports to lay out"), default=0)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    pdf = models.BinaryField(_("PDF file"), blank=True, default=b"")
    docx = models.BinaryField(_("Word file"), blank=True, default=b"")
    versions = models.JSONField(
        _("report versions in the pack"),
        default=list,
        blank=True,
        help_text=_("Each report's id, version id and version number, as built."),
    )
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, blank=True)
    failure = models.TextField(_("why the last build failed"), blank=True)
    # Every request to build counts up `requested`; a build answers the request it started
    # from. A job whose request a finished build already answered has nothing to do, and a
    # build overtaken by a newer request leaves the pack waiting for that one.
    requested = models.PositiveIntegerField(_("builds requested"), default=0)
    answered = models.PositiveIntegerField(_("build request the files answer"), default=0)

    class Meta:
        verbose_name = _("conference pack")
        verbose_name_plural = _("conference packs")
        ordering = ["conference", "copy"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "copy"], name="one_pack_per_copy"),
            models.CheckConstraint(
                condition=models.Q(reports_done__lte=models.F("reports_total")),
                name="pack_progress_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_copy_display()} of the pack for {self.conference}"

    @property
    def is_ready(self) -> bool:
        return self.state == PackState.READY

    @property
    def is_pending(self) -> bool:
        return self.state in (PackState.QUEUED, PackState.BUILDING)


class PackRelease(BaseModel):
    """A pack's release, kept with the names of the invited reports that had not arrived:
    the audit event of the release points here, so an auditor can read what was missing."""

    conference = models.OneToOneField(
        Conference,
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="pack_release",
    )
    released_at = models.DateTimeField(_("released at"))
    missing = models.JSONField(
        _("reports missing at the release"),
        default=list,
        blank=True,
        help_text=_("Each missing report's agency, author and how far it had got."),
    )

    class Meta:
        verbose_name = _("pack release")
        verbose_name_plural = _("pack releases")

    def __str__(self) -> str:
        return f"Release of the pack for {self.conference}"
