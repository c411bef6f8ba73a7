"""Fields every record carries: when and by whom it was created and last changed.

Services set `created_by` and `modified_by` explicitly; nothing is filled in by signals, so
a record changed by a background job or a command says so (by leaving them empty).
"""

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class WrittenOnce(models.Model):
    """A record that is written once and never changed or removed by the application: a
    signed report version, a finalised conference record, an issued letter. (The database's
    triggers refuse changes too; this refuses them before a query is sent.)"""

    never_changed = "This record is never changed."
    never_removed = "This record is never removed."

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError(self.never_changed)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError(self.never_removed)


def fingerprint(content: dict[str, Any]) -> str:
    """SHA-256 of the content in one canonical JSON form: the same words give the same
    fingerprint whatever order they were saved in; any change of content changes it."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
