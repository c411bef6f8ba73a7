"""Forms of the family portal. Error messages are worded for a reading age of 9 to 11."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cpconf.families.models import Child, FamilyMember
from cpconf.portal.models import Answer, ParentsReportKind
from cpconf.portal.uploads import CheckedFile, UploadRefused, check_upload

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

YES_NO = (("yes", _("Yes")), ("no", _("No")))


def _text(label: Any, required_message: Any, required: bool = True, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        strip=False,
        error_messages={"required": required_message, "max_length": COMMENT_TOO_LONG},
        **kw,
    )


class CommentForm(forms.Form):
    text = _text(_("Your comments on this report"), ENTER_COMMENT)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(ENTER_COMMENT)
        return text


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
        error_messages={"required": ENTER_LANGUAGE},
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

    def __init__(
        self, *args: Any, members: list[FamilyMember], children: list[Child], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people: dict[str, FamilyMember | Child] = {f"member-{m.pk}": m for m in members} | {
            f"child-{c.pk}": c for c in children
        }
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            (f"member-{m.pk}", f"{m.full_name} ({m.get_relationship_display()})") for m in members
        ] + [
            (f"child-{c.pk}", _("%(name)s (young person)") % {"name": c.full_name})
            for c in children
        ]

    def chosen(self) -> tuple[FamilyMember | None, Child | None]:
        person = self.people[self.cleaned_data["person"]]
        if isinstance(person, FamilyMember):
            return person, None
        return None, person
