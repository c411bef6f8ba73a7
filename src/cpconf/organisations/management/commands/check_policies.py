"""`cpconf check_policies`: check policy and report form files before they go live."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cpconf.policy import PolicyError, load_policies
from cpconf.reportform import ReportFormError, load_report_forms


class Command(BaseCommand):
    help = (
        "Check local policy files and report form files: every problem is named with its "
        "file, key and what is wanted. With no folders, checks the ones the service uses."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--policies", nargs="*", type=Path, help="Folders of policy files (*.toml)."
        )
        parser.add_argument(
            "--forms", nargs="*", type=Path, help="Folders of report form files (*.toml)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        policy_dirs = options["policies"] or settings.CPCONF_POLICY_DIRS
        form_dirs = options["forms"] or settings.CPCONF_REPORT_FORM_DIRS
        try:
            policies = load_policies(policy_dirs)
            forms = load_report_forms(form_dirs)
        except (PolicyError, ReportFormError) as error:
            raise CommandError(str(error), returncode=2) from None
        for policy in policies.values():
            for meeting_type in policy.meeting_types.values():
                if meeting_type.report_form not in forms:
                    raise CommandError(
                        f"{policy.source}: meeting_types.{meeting_type.key}.report_form: "
                        f"there is no report form {meeting_type.report_form!r}; "
                        f"known: {', '.join(sorted(forms))}",
                        returncode=2,
                    )
        self.stdout.write(
            f"{len(policies)} policies ({', '.join(sorted(policies))}) and {len(forms)} report "
            f"forms ({', '.join(sorted(forms))}) are correct."
        )
