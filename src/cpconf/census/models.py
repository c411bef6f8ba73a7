"""What the census needs that conferences do not record: the child's identifiers and
characteristics from the case system, the referral, and the plans before this system's
records; and the authority's DfE code.

Plans themselves are not stored here: they are read from the decisions of finalised
conference records (`cpconf.census.cin_return.plans`), so they can never disagree with them.
Codes are the DfE schema's own, read from the schema shipped with the package.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.census.cin_return.schema import schema_codes
from cpconf.families.models import Child
from cpconf.organisations.models import LocalAuthority
from cpconf.records import BaseModel


def ethnicity_codes() -> tuple[tuple[str, str], ...]:
    return schema_codes("ethnicitytype")


def gender_codes() -> tuple[tuple[str, str], ...]:
    return schema_codes("gendertype")


def upn_unknown_codes() -> tuple[tuple[str, str], ...]:
    return schema_codes("unknownupntype")


def referral_source_codes() -> tuple[tuple[str, str], ...]:
    return schema_codes("referralsourcetype")


def disability_codes() -> tuple[tuple[str, str], ...]:
    return schema_codes("disabilitytype")


class CensusAuthority(BaseModel):
    """The authority's identity in the DfE's collections."""

    local_authority = models.OneToOneField(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="census",
    )
    la_code = models.CharField(
        _("DfE local authority code"),
        max_length=3,
        help_text=_("The three-digit code the DfE gives the authority, for example 201."),
    )

    class Meta:
        verbose_name = _("census authority")
        verbose_name_plural = _("census authorities")

    def __str__(self) -> str:
        return f"{self.local_authority} ({self.la_code})"


# The items a child's census details hold, in the order the page and the import give them.
CENSUS_ITEMS = (
    "la_child_id",
    "upn",
    "upn_unknown",
    "gender",
    "ethnicity",
    "disabilities",
    "referral_date",
    "referral_source",
    "plans_before_records",
)


class ChildCensusDetails(BaseModel):
    """A child's census items from the case system or entered by the unit. Blank means not
    known: the return lists it as missing rather than send a guess."""

    child = models.OneToOneField(
        Child, verbose_name=_("child"), on_delete=models.CASCADE, related_name="census_details"
    )
    la_child_id = models.CharField(_("child's ID in the case system"), max_length=100, blank=True)
    upn = models.CharField(_("unique pupil number (UPN)"), max_length=13, blank=True)
    upn_unknown = models.CharField(
        _("reason the UPN is not known"), max_length=3, blank=True, choices=upn_unknown_codes
    )
    gender = models.CharField(_("gender"), max_length=1, blank=True, choices=gender_codes)
    ethnicity = models.CharField(_("ethnicity"), max_length=4, blank=True, choices=ethnicity_codes)
    disabilities = models.JSONField(
        _("disabilities"), default=list, blank=True, help_text=_("DfE disability codes.")
    )
    referral_date = models.DateField(_("date of the referral"), null=True, blank=True)
    referral_source = models.CharField(
        _("source of the referral"), max_length=2, blank=True, choices=referral_source_codes
    )
    plans_before_records = models.PositiveIntegerField(
        _("child protection plans before this system's records"),
        null=True,
        blank=True,
        help_text=_(
            "Plans the child had that were not made at a conference recorded here, in this "
            "authority or another. Plans made here are counted by the system."
        ),
    )

    class Meta:
        verbose_name = _("child's census details")
        verbose_name_plural = _("children's census details")

    def __str__(self) -> str:
        return str(self.child)
