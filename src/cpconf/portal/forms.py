"""Forms of the family portal. Error messages are worded for a reading age of 9 to 11."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cpconf.families.models import Child, FamilyMember
from cpconf.portal.models import Answer, ParentsReportKind
from cpconf.portal.selectors import Invitable
from cpconf.portal.uploads import CheckedFile, UploadRefused, check_upload
from cpconf.reports.models import ProfessionalReport, ReportVersion

MAX_TEXT = 10_000

ENTER_COMMENT = _("Write your comments")
COMMENT_TOO_LONG = _("Your comments must be 10,000 characters or fewer")
CHOOSE_KIND = _("Choose if this is your own report or your safety plan")
ENTER_PARENTS_REPORT = _("Write your report or safety plan")
ENTER_CHILD_VIEW = _("Write what your child wants to say, or choose a picture or PDF to send")
ENTER_LANGUAGE = _("Enter the language you are most comfortable with")
CHOOSE_INTERPRETER = _("Choose yes if you need an interpreter")
CHOOSE_ANSWER = _("Choose an answer")
CHOOSE_PERSON = _("Choose who to invite")
ENTER_EMAIL = _("Enter an email address, like name@example.com")
EMAIL_TAKEN = _("This email address already has an account. Enter a different email address")
ALREADY_INVITED = _(
    "This person already has an account for the family pages. Someone invited them a moment "
    "ago. Choose someone else"
)
HIDDEN_CHARACTER = _(
    "What you wrote has a hidden character in it that we cannot keep. Delete the last thing "
    "you pasted, or type it again"
)
CHOOSE_CHILD = _("Choose one of your children from the list, or choose all the children")
VERSION_NOT_KNOWN = _(
    "We could not tell which version of the report you read. Read the report again, then "
    "send your comments"
)
NEWER_VERSION_SHARED = _(
    "The writer changed this report after you opened it. We have not sent your comments. "
    "Read the new version on this page, then send your comments again. Your words are still "
    "in the box"
)
NOT_SHARED_NOW = _(
    "The writer changed this report after you opened it, and the new version has not been "
    "shared with you yet. We have not sent your comments. Your words are still in the box: "
    "copy them to keep them, and send them when the new version is shared with you"
)
MEETING_STARTED = _(
    "This meeting has already happened, so we cannot send your views to the chair for it. "
    "Your words are still here. If you want the chair to know something, contact them or "
    "your social worker"
)
FEEDBACK_ALREADY_SENT = _("You have already sent feedback for this meeting")

YES_NO = (("yes", _("Yes")), ("no", _("No")))


def _text(label: Any, required_message: Any, required: bool = True, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        strip=False,
        error_messages={
            "required": required_message,
            "max_length": COMMENT_TOO_LONG,
            "null_characters_not_allowed": HIDDEN_CHARACTER,
        },
        **kw,
    )


class CommentForm(forms.Form):
    """The comments, and which version of the report the member read: the page they typed
    on says which, so a version signed while they typed never receives them."""

    text = _text(_("Your comments on this report"), ENTER_COMMENT)
    version = forms.ModelChoiceField(
        queryset=ReportVersion.objects.none(),
        to_field_name="number",
        widget=forms.HiddenInput,
        required=False,
    )

    def __init__(self, *args: Any, report: ProfessionalReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = report.versions.all()  # type: ignore[attr-defined]

    @classmethod
    def reading(cls, report: ProfessionalReport, version: ReportVersion | None) -> "CommentForm":
        """An empty form for the version on the page."""
        return cls(report=report, initial={"version": version.number if version else None})

    @classmethod
    def kept(
        cls, report: ProfessionalReport, version: ReportVersion | None, text: str, message: Any
    ) -> "CommentForm":
        """The member's words, refused with `message`, for the version now on the page."""
        data = {"text": text, "version": str(version.number) if version else ""}
        form = cls(data, report=report)
        form.is_valid()
        form.add_error("text", message)
        return form

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(ENTER_COMMENT)
        return text

    def clean(self) -> dict[str, Any]:
        """A page that did not say which version it showed (or named one the report does
        not have) is answered on the comments box, where the member is looking."""
        data = super().clean() or {}
        version_errors = self.errors.pop("version", None)
        if version_errors or data.get("version") is None:
            self.add_error("text", VERSION_NOT_KNOWN)
        return data


class ParentsReportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you sending?"),
        choices=ParentsReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_KIND, "invalid_choice": CHOOSE_KIND},
    )
    text = _text(
        _("Your report or safety plan"),
        ENTER_PARENTS_REPORT,
        help_text=_(
            "Say what is going well, what you are worried about, and what you think needs to "
            "happen. The chair and everyone at the meeting will read it."
        ),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(ENTER_PARENTS_REPORT)
        return text


class ChildViewForm(forms.Form):
    child = forms.ModelChoiceField(
        label=_("Which child is this from?"),
        queryset=Child.objects.none(),
        required=False,
        empty_label=_("All the children"),
        error_messages={"invalid_choice": CHOOSE_CHILD},
    )
    text = _text(
        _("What your child wants to say"),
        ENTER_CHILD_VIEW,
        required=False,
        help_text=_("Write it in their own words if you can."),
    )
    file = forms.FileField(
        label=_("A drawing or photo (optional)"),
        required=False,
        help_text=_("A picture (PNG or JPEG) or a PDF, smaller than 5 MB."),
    )

    def __init__(self, *args: Any, children: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children if children is not None else Child.objects.none()  # type: ignore[attr-defined]

    def clean_file(self) -> CheckedFile | None:
        upload: UploadedFile | None = self.cleaned_data.get("file")
        if not upload:
            return None
        try:
            return check_upload(upload.name or "", upload.size or 0, _read(upload))
        except UploadRefused as refused:
            raise forms.ValidationError(str(refused)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("text") or "").strip() and not data.get("file"):
            self.add_error("text", ENTER_CHILD_VIEW)
        return data


def _read(upload: UploadedFile) -> bytes:
    """Reads at most one byte past the limit, so an over-large file is never held whole."""
    from cpconf.portal.uploads import MAX_UPLOAD_BYTES

    upload.seek(0)
    return upload.read(MAX_UPLOAD_BYTES + 1)


class FeedbackForm(forms.Form):
    understood = forms.ChoiceField(
        label=_("Did you understand why the meeting was held?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ANSWER, "invalid_choice": CHOOSE_ANSWER},
    )
    listened_to = forms.ChoiceField(
        label=_("Did you feel people listened to you?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ANSWER, "invalid_choice": CHOOSE_ANSWER},
    )
    reports_in_time = forms.ChoiceField(
        label=_("Did you get the reports in time to read them?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ANSWER, "invalid_choice": CHOOSE_ANSWER},
    )
    better = _text(_("What could we do better? (optional)"), "", required=False)


class AccessNeedsForm(forms.Form):
    language = forms.CharField(
        label=_("Which language are you most comfortable with?"),
        max_length=100,
        error_messages={
            "required": ENTER_LANGUAGE,
            "null_characters_not_allowed": HIDDEN_CHARACTER,
        },
    )
    needs_interpreter = forms.ChoiceField(
        label=_("Do you need an interpreter at meetings?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_INTERPRETER, "invalid_choice": CHOOSE_INTERPRETER},
    )
    large_print = forms.BooleanField(label=_("Large print"), required=False)
    easy_read = forms.BooleanField(label=_("Easy read (short words and pictures)"), required=False)
    reading_support = forms.BooleanField(
        label=_("Someone to read the reports with me"), required=False
    )
    read_aloud = forms.BooleanField(
        label=_("Reports read aloud to me by my phone or computer"), required=False
    )
    other = _text(_("Anything else that would help you? (optional)"), "", required=False)

    @classmethod
    def for_member(cls, member: FamilyMember, needs: Any, data: Any = None) -> "AccessNeedsForm":
        initial = {
            "language": member.language,
            "needs_interpreter": "yes" if member.needs_interpreter else "no",
            "large_print": needs.large_print,
            "easy_read": needs.easy_read,
            "reading_support": needs.reading_support,
            "read_aloud": needs.read_aloud,
            "other": member.access_needs,
        }
        return cls(data, initial=initial)


class InviteForm(forms.Form):
    """Staff choose someone on the family's record (or a young person of 12 or over)."""

    person = forms.ChoiceField(
        label=_("Who are you inviting?"),
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_PERSON, "invalid_choice": CHOOSE_PERSON},
    )
    email = forms.EmailField(
        label=_("Their email address"),
        error_messages={"required": ENTER_EMAIL, "invalid": ENTER_EMAIL},
    )

    def __init__(self, *args: Any, people: Invitable, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members, children = people.members, people.children
        self.people: dict[str, FamilyMember | Child] = {f"member-{m.pk}": m for m in members} | {
            f"child-{c.pk}": c for c in children
        }
        self.invited = {f"member-{m.pk}" for m in people.invited_members} | {
            f"child-{c.pk}" for c in people.invited_children
        }
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            (f"member-{m.pk}", f"{m.full_name} ({m.get_relationship_display()})") for m in members
        ] + [
            (f"child-{c.pk}", _("%(name)s (young person)") % {"name": c.full_name})
            for c in children
        ]

    def clean(self) -> dict[str, Any]:
        """Someone no longer offered because they were invited meanwhile (from another page,
        or a moment ago) is named as such, not as a choice that is not there."""
        data = super().clean() or {}
        if self.data.get("person") in self.invited:
            self.errors.pop("person", None)
            self.add_error("person", ALREADY_INVITED)
        return data

    def chosen(self) -> tuple[FamilyMember | None, Child | None]:
        person = self.people[self.cleaned_data["person"]]
        if isinstance(person, FamilyMember):
            return person, None
        return None, person
