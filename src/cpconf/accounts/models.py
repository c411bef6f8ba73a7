"""People who sign in, the roles each holds in a local authority, and what keeps sign-in safe:
failed attempts and locks, the sessions each person holds, and emailed sign-in codes."""

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin

from cpconf.records import BaseModel

if TYPE_CHECKING:
    # The authority and its agencies are above accounts: referred to by name below.
    from cpconf.organisations.models import LocalAuthority


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

    def roles_in(self, local_authority: "LocalAuthority") -> set[str]:
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


def role_labels(roles: str) -> str:
    """ "chair,unit_administrator" as "Conference chair, Unit administrator"."""
    labels = dict(Role.choices)  # translated only for the roles named (a page lists many)
    return ", ".join(str(labels.get(role, role)) for role in roles.split(",") if role)


class RoleAssignment(BaseModel):
    """One role a user holds in one local authority; a user may hold several."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    local_authority = models.ForeignKey(
        "organisations.LocalAuthority",
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    agency = models.ForeignKey(
        "organisations.Agency",
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


class FailureKind(models.TextChoices):
    PASSWORD = "password", _("Wrong password")
    CODE = "code", _("Wrong sign-in code")


class SignInGate(models.Model):
    """The row every sign-in attempt for an email address locks while it is counted, so that
    attempts for one address are counted one at a time however many arrive together.

    It holds nothing but the address and when it was last used, and goes once unused for the
    failure window (see cpconf.accounts.services).
    """

    email = models.CharField(_("email address"), max_length=254, unique=True)
    last_used_at = models.DateTimeField(_("last used"), db_index=True)

    class Meta:
        verbose_name = _("sign-in gate")
        verbose_name_plural = _("sign-in gates")

    def __str__(self) -> str:
        return self.email


class SignInFailure(models.Model):
    """One password or code given for an email address, whether or not it has an account,
    counted as wrong from the moment it arrives until it is found to be right.

    Kept only while it can still count towards a lock.
    """

    email = models.CharField(_("email address given"), max_length=254)
    kind = models.CharField(_("kind"), max_length=10, choices=FailureKind.choices)
    occurred_at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        verbose_name = _("failed sign-in attempt")
        verbose_name_plural = _("failed sign-in attempts")
        indexes = [models.Index(fields=["email", "occurred_at"], name="sign_in_failure_email_time")]

    def __str__(self) -> str:
        return f"{self.email} {self.kind} {self.occurred_at:%Y-%m-%d %H:%M:%S}"


class AccountLock(models.Model):
    """Sign-in refused for an email address until `locked_until`, after too many failures."""

    email = models.CharField(_("email address"), max_length=254, unique=True)
    reason = models.CharField(_("reason"), max_length=10, choices=FailureKind.choices)
    locked_at = models.DateTimeField(_("locked at"))
    locked_until = models.DateTimeField(_("locked until"))

    class Meta:
        verbose_name = _("account lock")
        verbose_name_plural = _("account locks")

    def __str__(self) -> str:
        return f"{self.email} locked until {self.locked_until:%Y-%m-%d %H:%M:%S}"


class UserSession(models.Model):
    """A session a user signed in with, so that all of them can be ended at once."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    signed_in_at = models.DateTimeField(_("signed in at"), db_index=True)

    class Meta:
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self) -> str:
        return f"{self.user} since {self.signed_in_at:%Y-%m-%d %H:%M}"


EMAIL_CODE_DIGITS = 6


class EmailCodeDevice(ThrottlingMixin, Device):
    """A family member's second factor: a 6-digit code sent by email, for a short time, once.

    Only a keyed hash of the code is stored, so the table cannot be read for live codes.
    """

    # django-otp has no type information: the fields are annotated here.
    user: "models.ForeignKey[User, User]" = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    code_hash: "models.CharField[str, str]" = models.CharField(max_length=64, blank=True)
    valid_until: "models.DateTimeField[datetime | None, datetime | None]" = models.DateTimeField(
        null=True, blank=True
    )
    sent_at: "models.DateTimeField[datetime | None, datetime | None]" = models.DateTimeField(
        null=True, blank=True
    )

    class Meta:
        verbose_name = _("email code device")
        verbose_name_plural = _("email code devices")

    def issue_code(self) -> str:
        """A new code, replacing any earlier one; the caller sends it."""
        code = f"{secrets.randbelow(10**EMAIL_CODE_DIGITS):0{EMAIL_CODE_DIGITS}d}"
        now = timezone.now()
        self.code_hash = self._hash(code)
        self.sent_at = now
        self.valid_until = now + timedelta(seconds=settings.CPCONF_EMAIL_CODE_SECONDS)
        self.save(update_fields=["code_hash", "sent_at", "valid_until"])
        return code

    def verify_token(self, token: Any) -> bool:
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        verified = (
            bool(self.code_hash)
            and self.valid_until is not None
            and timezone.now() < self.valid_until
            and constant_time_compare(self._hash(str(token)), self.code_hash)
        )
        if verified:
            self.code_hash = ""
            self.valid_until = None
            self.throttle_reset(commit=False)
            self.save()
        else:
            self.throttle_increment()
        return verified

    def get_throttle_factor(self) -> int:
        return 1

    def _hash(self, code: str) -> str:
        return salted_hmac(
            "cpconf.accounts.EmailCodeDevice", f"{self.pk}:{code}", algorithm="sha256"
        ).hexdigest()
