"""`cpconf subject_access`: everything held about a family or a person, as JSON and PDF."""

import json
import os
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from cpconf.dataprotection import command_arguments, services
from cpconf.dataprotection.export_document import export_pdf

COMMAND_LINE = "cpconf subject_access (command line)"
OUT_NOT_A_FOLDER = "--out: {path} is not a folder"


def _write_private(path: Path, content: bytes) -> None:
    """Readable by the owner only: the file holds special-category data."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)


class Command(BaseCommand):
    help = (
        "Export everything held about a family (--family CASE_REF), a family member (--member "
        "ID) or an account (--user EMAIL) as <name>.json and <name>.pdf in --out DIR, for a "
        "subject access request. Third-party information is flagged for review before release."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        subject = parser.add_mutually_exclusive_group(required=True)
        subject.add_argument("--family", metavar="CASE_REF", help="The family's case reference.")
        subject.add_argument("--member", metavar="ID", help="The family member's ID.")
        subject.add_argument("--user", metavar="EMAIL", help="The account's email address.")
        parser.add_argument(
            "--authority",
            metavar="SLUG",
            help="The local authority, where a case reference is used by more than one.",
        )
        parser.add_argument("--out", metavar="DIR", required=True, help="Folder to write to.")
        parser.add_argument(
            "--by", metavar="EMAIL", help="The member of staff making the export, for the audit."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        if out.exists() and not out.is_dir():
            raise CommandError(OUT_NOT_A_FOLDER.format(path=out))
        try:
            with transaction.atomic():
                name, export = self._export(options)
                out.mkdir(parents=True, exist_ok=True)
                paths = self._write(out, name, export)
        except command_arguments.LookupFailed as error:
            raise CommandError(str(error)) from None
        summary = export["summary"]
        for path in paths:
            self.stdout.write(str(path))
        self.stdout.write(
            f"{summary['items']} items, {summary['third_party_items']} flagged as "
            "third-party information to review before release."
        )

    def _export(self, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        if options["family"]:
            family = command_arguments.family_with_reference(
                options["family"], options["authority"]
            )
            audit = self._audit(options, [family.local_authority])
            export = services.subject_access_for_family(family, **audit)
            return f"family-{slugify(family.case_reference)}", export
        if options["member"]:
            member = command_arguments.family_member_with_id(options["member"])
            audit = self._audit(options, [member.family.local_authority])
            return f"member-{member.pk}", services.subject_access_for_person(member, **audit)
        user = command_arguments.user_with_email(options["user"])
        authorities = [
            a.local_authority for a in user.role_assignments.select_related("local_authority")
        ]
        audit = self._audit(options, authorities)
        return f"user-{user.pk}", services.subject_access_for_person(user, **audit)

    @staticmethod
    def _audit(options: dict[str, Any], authorities: list[Any]) -> dict[str, Any]:
        """Who the trail names: `--by`, staff of each authority the export is about."""
        if not options["by"]:
            return {"actor": None, "actor_label": COMMAND_LINE}
        actor = command_arguments.actor_for(options["by"], authorities)
        return {"actor": actor, "actor_label": ""}

    def _write(self, out: Path, name: str, export: dict[str, Any]) -> list[Path]:
        stem = f"subject-access-{name}-{timezone.localdate():%Y%m%d}"
        json_path, pdf_path = out / f"{stem}.json", out / f"{stem}.pdf"
        text = json.dumps(export, ensure_ascii=False, indent=2)
        _write_private(json_path, text.encode("utf-8"))
        _write_private(pdf_path, export_pdf(export))
        return [json_path, pdf_path]
