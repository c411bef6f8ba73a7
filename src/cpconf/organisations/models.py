"""Local authorities (the tenants) and the agencies whose professionals write reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.organisations.policies import policy_named
from cpconf.policy import Policy
from cpconf.records import BaseModel


class LocalAuthority(BaseModel):
    """The tenant: nothing crosses from one local authority to another."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    policy_name = models.CharField(
        _("local policy"),
        max_length=60,
        help_text=_("The name of the policy file that holds this authority's rules."),
    )

    class Meta:
        verbose_name = _("local authority")
        verbose_name_plural = _("local authorities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def policy(self) -> Policy:
        return policy_named(self.policy_name)


class AgencyKind(models.TextChoices):
    SCHOOL = "school", _("School")
    EARLY_YEARS = "early_years", _("Early years")
    HEALTH = "health", _("Health")
    GP = "gp", _("GP practice")
    POLICE = "police", _("Police")
    ADULT_SERVICES = "adult_services", _("Adult services")
    HOUSING = "housing", _("Housing")
    PROBATION = "probation", _("Probation")
    SOCIAL_CARE = "social_care", _("Children's social care")
    OTHER = "other", _("Other")


class AgencyQuerySet(models.QuerySet["Agency"]):
    def in_use(self) -> "AgencyQuerySet":
        """Agencies that may still be chosen: a retired one stays only where it was used."""
        return self.filter(retired_at__isnull=True)


class Agency(BaseModel):
    local_authority = models.ForeignKey(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of agency"), max_length=30, choices=AgencyKind.choices)
    # Archived, never deleted: reports and invitations keep naming the agency.
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    retired_reason = models.TextField(_("why it was retired"), blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "name"], name="agency_name_unique_in_authority"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class SecondFactorReset(BaseModel):
    """Why the unit reset a member of staff's second factor, kept with the authority whose
    unit did it (who and when: `created_by`, `created_at`). The audit trail records the reset
    itself but never words like these."""

    local_authority = models.ForeignKey(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member of staff"),
        on_delete=models.CASCADE,
        related_name="second_factor_resets",
    )
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("second factor reset")
        verbose_name_plural = _("second factor resets")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"
