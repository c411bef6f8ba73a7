"""System clients of the integration API, and the case system's own references for the
children and family members it sends.

A client is a local authority's case system (or a script it runs): it belongs to one
authority and sees nothing of any other. Its token is shown once, when the client is made;
only its SHA-256 is kept, so a copy of the database gives no one a working token.

Each client acts through a service account of its own (no password, never active, no role):
records it creates or changes say so in their `created_by`/`modified_by`, and services that
want a user as their actor get one, while nobody can ever sign in to a page as it.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cpconf.organisations.models import LocalAuthority
from cpconf.records import BaseModel

TOKEN_BYTES = 32
TOKEN_PREFIX_LENGTH = 8
ADDRESS_LENGTH = 100


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiClient(BaseModel):
    local_authority = models.ForeignKey(
        LocalAuthority,
        verbose_name=_("local authority"),
        on_delete=models.PROTECT,
        related_name="api_clients",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the client is, e.g. Case system.")
    )
    token_hash = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True)
    token_prefix = models.CharField(
        _("start of the token"),
        max_length=TOKEN_PREFIX_LENGTH,
        help_text=_("Enough of the token to tell which one a system holds; not enough to use."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("service account"),
        on_delete=models.PROTECT,
        related_name="api_client",
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["local_authority__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "name"], name="api_client_name_unique_in_authority"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.local_authority})"

    @property
    def audit_label(self) -> str:
        """How the audit trail names the client."""
        return f"API client {self.name} ({self.local_authority.name})"


class TokenRefusalCount(models.Model):
    """Wrong or revoked tokens sent from one address in one window of time (for one revoked
    client, or for unknown tokens). The first is in the audit trail, naming this count; the
    rest are only counted here, so a flood of wrong tokens cannot flood the trail."""

    address = models.CharField(_("address"), max_length=ADDRESS_LENGTH)
    client = models.ForeignKey(
        ApiClient,
        verbose_name=_("revoked client"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the token belongs to no client."),
    )
    window_starts_at = models.DateTimeField(_("window starts at"))
    refusals = models.PositiveIntegerField(_("refusals"), default=1)
    last_refused_at = models.DateTimeField(_("last refused at"))

    class Meta:
        verbose_name = _("count of refused tokens")
        verbose_name_plural = _("counts of refused tokens")
        constraints = [
            models.UniqueConstraint(
                fields=["address", "window_starts_at"],
                condition=Q(client__isnull=True),
                name="token_refusal_count_one_per_window",
            ),
            models.UniqueConstraint(
                fields=["address", "window_starts_at", "client"],
                condition=Q(client__isnull=False),
                name="token_refusal_count_one_per_window_and_client",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.refusals} refused from {self.address} from {self.window_starts_at}"
