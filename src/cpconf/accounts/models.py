"""People who sign in, and the roles each holds in a local authority."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cpconf.organisations.models import Agency, LocalAuthority
from cpconf.records import BaseModel


class EmailUserManager(DjangoUserManager["User"]):
    """Users are found and created by email address: there is no separate user name."""

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is needed to create a user.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    # Sign-in is by email address: there is no separate user name.
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = EmailUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def roles_in(self, local_authority: LocalAuthority) -> set[str]:
        return {
            a.role
            for a in self.role_assignments.all()
            if a.local_authority_id == local_authority.pk
        }


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    UNIT_ADMINISTRATOR = "unit_administrator", _("Unit administrator")
    CHAIR = "chair", _("Conference chair")
    FAMILY_MEMBER = "family_member", _("Family member")
    AUDITOR = "auditor", _("Auditor")


ROLES_WITH_AGENCY = (Role.PROFESSIONAL, Role.SOCIAL_WORKER)


class RoleAssignment(BaseModel):
    """One role a user holds in one local authority; a user may hold several."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    local_authority = models.ForeignKey(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "local_authority", "role"], name="role_held_once_per_authority"
            ),
            models.CheckConstraint(
                condition=~Q(role__in=ROLES_WITH_AGENCY) | Q(agency__isnull=False),
                name="professional_roles_have_an_agency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.local_authority})"
