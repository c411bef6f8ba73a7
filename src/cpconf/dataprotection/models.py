"""Legal holds: a family whose records must be kept whatever the retention policy says."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cpconf.families.models import Family
from cpconf.records import BaseModel


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def in_force(self) -> "LegalHoldQuerySet":
        return self.filter(lifted_at__isnull=True)


class LegalHold(BaseModel):
    """Litigation, an inquiry or a complaint: while a hold is in force, nothing of the family
    is destroyed. A family may have several holds; each is lifted on its own.

    The family is protected, not cascaded: no deletion of any kind removes a family that has a
    hold, lifted or not; retention destruction removes lifted holds itself, and audits that.
    """

    family = models.ForeignKey(
        Family, verbose_name=_("family"), on_delete=models.PROTECT, related_name="legal_holds"
    )
    reason = models.TextField(
        _("reason"), help_text=_("Why the records must be kept, e.g. a claim or an inquiry.")
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("placed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    placed_at = models.DateTimeField(_("placed at"))
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lift_reason = models.TextField(_("reason for lifting"), blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        ordering = ["-placed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lifted_at__isnull=True, lifted_by__isnull=True)
                | Q(lifted_at__isnull=False, lifted_by__isnull=False),
                name="lifted_hold_says_who_lifted_it",
            ),
        ]

    def __str__(self) -> str:
        state = _("lifted") if self.lifted_at else _("in force")
        return f"{self.family} — {state}"

    @property
    def in_force(self) -> bool:
        return self.lifted_at is None
