"""The audit trail: who did what to which record, when — never the content itself.

Events form a hash chain (`cpconf.audit.chain`): each carries its place (`sequence`), the
previous event's hash and its own. `AuditChainHead` is the one row every append locks, so
appends are serialised and the chain has no forks or gaps; it also records where the chain
ends, so a deleted tail is noticed.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cpconf.audit.chain import GENESIS_HASH, RECORDED_FIELDS, ChainedEvent, ChainHead

NEVER_CHANGED = "An audit event is never changed or removed."


class Outcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ValueError(NEVER_CHANGED)

    def delete(self) -> NoReturn:
        raise ValueError(NEVER_CHANGED)


class AuditEvent(models.Model):
    """One event, written by `audit_record` in the same transaction as the action it records.

    Append-only: the model refuses a second save and a delete, and the database refuses an
    UPDATE (and on PostgreSQL a DELETE) whatever code runs.
    """

    sequence = models.BigIntegerField(_("sequence"), unique=True)
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    # No database constraint and nothing done on delete: an account may be removed, but the
    # event keeps the id and email it recorded, and is never updated to forget them.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(
        _("who, as recorded"),
        max_length=254,
        blank=True,
        help_text=_("The email address given, kept even if the account is later removed."),
    )
    roles = models.CharField(_("their roles"), max_length=200, blank=True)
    agency = models.CharField(
        _("their agency"),
        max_length=300,
        blank=True,
        help_text=_("The agency or agencies the person works for in that authority."),
    )
    action = models.CharField(_("action"), max_length=60, db_index=True)
    object_type = models.CharField(_("kind of record"), max_length=60, blank=True)
    object_id = models.CharField(_("record"), max_length=60, blank=True)
    family_id = models.BigIntegerField(_("family"), null=True, blank=True, db_index=True)
    local_authority_id = models.BigIntegerField(
        _("local authority"), null=True, blank=True, db_index=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.SUCCESS
    )
    request_id = models.CharField(_("request"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    previous_hash = models.CharField(_("previous event's hash"), max_length=64)
    hash = models.CharField(_("SHA-256 hash"), max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-sequence"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_event_object"),
            # The auditor's search: an authority's newest events first, one page at a time,
            # and the actions its trail holds (for the filter), read from the index alone.
            models.Index(fields=["local_authority_id", "-sequence"], name="audit_event_newest"),
            models.Index(fields=["local_authority_id", "action"], name="audit_event_actions"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.outcome}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError(NEVER_CHANGED)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValueError(NEVER_CHANGED)

    def recorded_fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in RECORDED_FIELDS}

    def chained(self) -> ChainedEvent:
        return ChainedEvent(
            id=self.pk,
            sequence=self.sequence,
            previous_hash=self.previous_hash,
            hash=self.hash,
            fields=self.recorded_fields(),
        )


HEAD = 1


class AuditChainHead(models.Model):
    """The chain's last sequence and hash, in one row that each append locks and moves on."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=HEAD)
    sequence = models.BigIntegerField(_("last sequence"), default=0)
    hash = models.CharField(_("last hash"), max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")
        constraints = [models.CheckConstraint(condition=models.Q(id=HEAD), name="one_chain_head")]

    def __str__(self) -> str:
        return f"{self.sequence} {self.hash}"

    def as_head(self) -> ChainHead:
        return ChainHead(self.sequence, self.hash)
