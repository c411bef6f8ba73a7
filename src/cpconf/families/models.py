"""A family known to children's social care: its children and the adults around them."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cpconf.organisations.models import LocalAuthority
from cpconf.records import BaseModel, WrittenOnce


class Family(BaseModel):
    local_authority = models.ForeignKey(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="families",
    )
    case_reference = models.CharField(
        _("case reference"),
        max_length=60,
        help_text=_("The reference the authority's case system uses for this family."),
    )
    name = models.CharField(
        _("family name"), max_length=200, help_text=_("How the family is known, e.g. Ashdown.")
    )
    allocated_social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("allocated social worker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocated_families",
    )
    address = models.TextField(_("the children's address"), blank=True)
    revision = models.PositiveIntegerField(
        _("front sheet revision"),
        default=0,
        help_text=_(
            "Goes up by one on every change to the front sheet, so a save based on an older "
            "revision is a conflict, never a silent overwrite."
        ),
    )

    class Meta:
        verbose_name = _("family")
        verbose_name_plural = _("families")
        ordering = ["name", "case_reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "case_reference"],
                name="family_case_reference_unique_in_authority",
            ),
        ]

    def __str__(self) -> str:
        return _("%(name)s family (%(reference)s)") % {
            "name": self.name,
            "reference": self.case_reference,
        }


class Child(BaseModel):
    """A child, or an unborn baby known by its expected date of delivery."""

    family = models.ForeignKey(
        Family, verbose_name=_("family"), on_delete=models.CASCADE, related_name="children"
    )
    given_name = models.CharField(_("first name"), max_length=100)
    family_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    expected_due_date = models.DateField(
        _("expected due date"),
        null=True,
        blank=True,
        help_text=_("For an unborn baby, instead of a date of birth."),
    )
    nhs_number = models.CharField(_("NHS number"), max_length=12, blank=True)
    other_id = models.CharField(_("other ID number"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["date_of_birth", "expected_due_date", "given_name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(date_of_birth__isnull=False, expected_due_date__isnull=True)
                    | Q(date_of_birth__isnull=True, expected_due_date__isnull=False)
                ),
                name="child_has_birth_or_due_date",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        birthday_passed = (day.month, day.day) >= (self.date_of_birth.month, self.date_of_birth.day)
        return day.year - self.date_of_birth.year - (0 if birthday_passed else 1)


class Relationship(models.TextChoices):
    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    STEP_PARENT = "step_parent", _("Step-parent")
    PARTNER = "partner", _("Parent's partner")
    GRANDPARENT = "grandparent", _("Grandparent")
    AUNT_OR_UNCLE = "aunt_or_uncle", _("Aunt or uncle")
    SIBLING = "sibling", _("Adult sibling")
    CARER = "carer", _("Carer")
    YOUNG_PERSON = "young_person", _("Young person")
    OTHER = "other", _("Other")


class FamilyMember(BaseModel):
    """An adult (or young person) around the children, with what they need to take part."""

    family = models.ForeignKey(
        Family, verbose_name=_("family"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("name"), max_length=200)
    relationship = models.CharField(
        _("relationship to the children"), max_length=30, choices=Relationship.choices
    )
    lives_in_household = models.BooleanField(_("lives in the household"))
    language = models.CharField(_("first language"), max_length=100, default="English")
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    access_needs = models.TextField(
        _("reading or other access needs"),
        blank=True,
        help_text=_("For example large print, easy read, or someone to read reports aloud."),
    )
    address = models.TextField(_("address, if not the children's"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="family_membership",
    )

    class Meta:
        verbose_name = _("family member")
        verbose_name_plural = _("family members")
        ordering = ["-lives_in_household", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_relationship_display()})"


class FrontSheetVersion(WrittenOnce, BaseModel):
    """The family's front sheet as it stood after one change: who made it, when, and which
    fields changed. Written once and never changed; the family's latest version is the
    base the next change is compared with."""

    family = models.ForeignKey(
        Family,
        verbose_name=_("family"),
        on_delete=models.CASCADE,
        related_name="front_sheet_versions",
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("front sheet"))
    changes = models.JSONField(
        _("what changed"),
        default=list,
        help_text=_("One entry per person or part changed: who, and which fields."),
    )
    made_by_label = models.CharField(
        _("made by"),
        max_length=254,
        blank=True,
        help_text=_("Who made the change when it was not a person signed in: an import, the API."),
    )

    class Meta:
        verbose_name = _("front sheet version")
        verbose_name_plural = _("front sheet versions")
        ordering = ["family", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "number"], name="front_sheet_version_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.family} front sheet {self.number}"


class FamilyImport(BaseModel):
    """A case-system file uploaded by the unit: checked (a dry run) when it arrives and
    imported when the unit confirms. Its text is cleared once imported."""

    local_authority = models.ForeignKey(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="family_imports",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.TextField(_("file content"), blank=True)
    summary = models.JSONField(_("what the import did"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("family import")
        verbose_name_plural = _("family imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


class ReferenceKind(models.TextChoices):
    CHILD = "child", _("Child")
    MEMBER = "member", _("Family member")


class ExternalReference(models.Model):
    """The case system's reference for a child or family member, so that sending the same
    person again updates them instead of adding them twice."""

    family = models.ForeignKey(
        Family, verbose_name=_("family"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReferenceKind.choices)
    reference = models.CharField(_("case system reference"), max_length=60)
    child = models.OneToOneField(
        Child,
        verbose_name=_("child"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="external_reference",
    )
    member = models.OneToOneField(
        FamilyMember,
        verbose_name=_("family member"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="external_reference",
    )

    class Meta:
        # First kept by the api app: its table keeps that name (migrations families 0003
        # and api 0004 move the model without touching the table).
        db_table = "api_externalreference"
        verbose_name = _("case system reference")
        verbose_name_plural = _("case system references")
        constraints = [
            models.UniqueConstraint(
                fields=["family", "kind", "reference"], name="external_reference_unique_in_family"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=ReferenceKind.CHILD, child__isnull=False, member__isnull=True)
                    | Q(kind=ReferenceKind.MEMBER, member__isnull=False, child__isnull=True)
                ),
                name="external_reference_names_one_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.reference}"
