"""What goes in and out of the API. Input serializers check everything before a service
writes anything; output serializers say exactly what leaves, and are what the OpenAPI
description is built from."""

import re
from typing import Any

from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cpconf.accounts.models import Role, User
from cpconf.api.models import ApiClient
from cpconf.conference_records import record_content as record_parts
from cpconf.conferences.models import ConferenceStatus, Stage
from cpconf.conferences.scheduling import deadlines_for
from cpconf.families.dates import child_dates_problem
from cpconf.families.models import Child, FamilyMember, Relationship
from cpconf.families.nhs_numbers import nhs_number_problem
from cpconf.organisations.models import Agency
from cpconf.reports.models import ReportStatus

REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$"
ENTER_REFERENCE = "Enter the case system's reference: letters, numbers, dots, hyphens, underscores"
BIRTH_OR_DUE = "Enter a date of birth, or an expected due date for an unborn baby, not both"
# The front sheet's date rule names its fields; the API's body calls one of them otherwise.
API_DATE_FIELDS = {"date_of_birth": "date_of_birth", "expected_date": "expected_due_date"}
REFERENCE_TWICE = "Each person in the list needs a reference of their own"
NO_SUCH_SOCIAL_WORKER = "Enter the email address of a social worker in this local authority"
NO_SUCH_AGENCY = "Choose an agency of this local authority"

reference_validator = RegexValidator(REFERENCE_PATTERN, ENTER_REFERENCE)


def is_reference(value: str) -> bool:
    return re.fullmatch(REFERENCE_PATTERN, value) is not None


def validate_reference(value: str) -> None:
    """The regex validator (which puts the pattern in the schema) lets a final newline by."""
    if not is_reference(value):
        raise serializers.ValidationError(_(ENTER_REFERENCE))


def reference_field(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(
        max_length=60,
        validators=[reference_validator, validate_reference],
        trim_whitespace=False,
        **kwargs,
    )


def _text(max_length: int, **kwargs: Any) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, **kwargs)


class ChildInSerializer(serializers.Serializer):
    reference = reference_field(help_text="The case system's own reference for the child.")
    given_name = _text(100)
    family_name = _text(100)
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    expected_due_date = serializers.DateField(required=False, allow_null=True, default=None)
    nhs_number = _text(12, required=False, allow_blank=True, default="")
    other_id = _text(60, required=False, allow_blank=True, default="")

    def validate_nhs_number(self, value: str) -> str:
        """The front sheet's rule: ten digits and the NHS check digit."""
        digits = value.replace(" ", "")
        problem = nhs_number_problem(digits) if digits else None
        if problem is not None:
            raise serializers.ValidationError(problem)
        return digits

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The front sheet's date rule (`families.dates.child_dates_problem`), so a child the
        case system sends is held to what the social worker's page would accept."""
        born, due = attrs.get("date_of_birth"), attrs.get("expected_due_date")
        if (born is None) == (due is None):
            raise serializers.ValidationError({"date_of_birth": [_(BIRTH_OR_DUE)]})
        found = child_dates_problem(born, due, timezone.localdate())
        if found is not None:
            field, message = found
            raise serializers.ValidationError({API_DATE_FIELDS[field]: [message]})
        return attrs


class MemberInSerializer(serializers.Serializer):
    reference = reference_field(help_text="The case system's own reference for the person.")
    full_name = _text(200)
    relationship = serializers.ChoiceField(choices=Relationship.choices)
    lives_in_household = serializers.BooleanField()
    language = _text(100, required=False, default="English")
    needs_interpreter = serializers.BooleanField(required=False, default=False)
    access_needs = _text(2000, required=False, allow_blank=True, default="")


def _unique_references(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    errors: list[dict[str, Any]] = []
    for item in items:
        errors.append({"reference": [_(REFERENCE_TWICE)]} if item["reference"] in seen else {})
        seen.add(item["reference"])
    if any(errors):
        raise serializers.ValidationError(errors)
    return items


class FamilyInSerializer(serializers.Serializer):
    name = _text(200, help_text="How the family is known, e.g. Ashdown.")
    allocated_social_worker = serializers.EmailField(
        required=False,
        allow_null=True,
        help_text="The email address of the allocated social worker; null for none.",
    )
    children = ChildInSerializer(many=True, required=False, max_length=30)
    members = MemberInSerializer(many=True, required=False, max_length=50)

    def validate_children(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return _unique_references(value)

    def validate_members(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return _unique_references(value)

    def validate_allocated_social_worker(self, value: str | None) -> User | None:
        if value is None:
            return None
        client: ApiClient = self.context["client"]
        worker = User.objects.filter(
            email__iexact=value.strip(),
            role_assignments__local_authority=client.local_authority,
            role_assignments__role=Role.SOCIAL_WORKER,
        ).first()
        if worker is None:
            raise serializers.ValidationError(_(NO_SUCH_SOCIAL_WORKER))
        return worker


class ChildSerializer(serializers.ModelSerializer):
    reference = serializers.SerializerMethodField()

    class Meta:
        model = Child
        fields = (
            "id",
            "reference",
            "given_name",
            "family_name",
            "date_of_birth",
            "expected_due_date",
            "nhs_number",
            "other_id",
        )

    def get_reference(self, child: Child) -> str | None:
        """The case system's reference; null for a child added on the service's own pages."""
        link = getattr(child, "external_reference", None)
        return link.reference if link is not None else None


class MemberSerializer(serializers.ModelSerializer):
    reference = serializers.SerializerMethodField()

    class Meta:
        model = FamilyMember
        fields = (
            "id",
            "reference",
            "full_name",
            "relationship",
            "lives_in_household",
            "language",
            "needs_interpreter",
            "access_needs",
        )

    def get_reference(self, member: FamilyMember) -> str | None:
        link = getattr(member, "external_reference", None)
        return link.reference if link is not None else None


class FamilySerializer(serializers.Serializer):
    case_reference = serializers.CharField()
    name = serializers.CharField()
    allocated_social_worker = serializers.SerializerMethodField()
    children = ChildSerializer(many=True)
    members = MemberSerializer(many=True)
    created_at = serializers.DateTimeField()
    modified_at = serializers.DateTimeField()

    def get_allocated_social_worker(self, family: Any) -> str | None:
        worker = family.allocated_social_worker
        return worker.email if worker is not None else None


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ("id", "name", "kind")


class DeadlinesSerializer(serializers.Serializer):
    share_with_family_by = serializers.DateTimeField()
    submit_by = serializers.DateTimeField()


class ConferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    family = serializers.CharField(source="family.case_reference", help_text="Case reference.")
    meeting_type = serializers.CharField()
    meeting_type_label = serializers.CharField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    status = serializers.ChoiceField(choices=ConferenceStatus.choices)
    starts_at = serializers.DateTimeField()
    place = serializers.CharField()
    virtual_link = serializers.CharField()
    chair = serializers.SerializerMethodField()
    previous = serializers.IntegerField(source="previous_id", allow_null=True)
    strategy_discussion_on = serializers.DateField(allow_null=True)
    pack_released_at = serializers.DateTimeField(allow_null=True)
    deadlines = serializers.SerializerMethodField()

    def get_chair(self, conference: Any) -> str:
        return str(conference.chair.get_full_name() or conference.chair.email)

    @extend_schema_field(DeadlinesSerializer)
    def get_deadlines(self, conference: Any) -> dict[str, Any]:
        return dict(DeadlinesSerializer(deadlines_for(conference)).data)


class ConferenceFilterSerializer(serializers.Serializer):
    family = reference_field(required=False, help_text="Only this family's conferences.")
    starts_from = serializers.DateField(required=False, help_text="Held on or after this date.")
    starts_to = serializers.DateField(required=False, help_text="Held on or before this date.")


class InvitationInSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.none(),
        help_text="The agency's id, from /api/agencies/.",
        error_messages={
            "does_not_exist": NO_SUCH_AGENCY,
            "incorrect_type": NO_SUCH_AGENCY,
            "required": NO_SUCH_AGENCY,
        },
    )
    email = serializers.EmailField(max_length=254)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        client: ApiClient | None = self.context.get("client")
        if client is not None:
            self.fields["agency"].queryset = Agency.objects.in_use().filter(
                local_authority=client.local_authority
            )


API_STATUSES = (
    ("not_started", "Not started"),
    (ReportStatus.DRAFT.value, "Draft"),
    (ReportStatus.SHARED.value, "Shared with family"),
    (ReportStatus.SUBMITTED.value, "Submitted"),
    ("submitted_late", "Submitted late"),
)


class ReportStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=API_STATUSES)
    overdue = serializers.BooleanField(
        help_text="Not submitted, and the submit-by deadline has passed."
    )
    submitted_at = serializers.DateTimeField(allow_null=True)
    report = serializers.IntegerField(
        allow_null=True, help_text="The submitted report's id, for /api/reports/{id}/."
    )


class InvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    conference = serializers.IntegerField(source="conference_id")
    agency = AgencySerializer()
    email = serializers.EmailField()
    attendance = serializers.CharField()
    report_status = ReportStatusSerializer()


class ReportPartSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    text = serializers.CharField(help_text="The part as plain text.")
    content = serializers.DictField(help_text="The part as saved (see the report content shapes).")


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    conference = serializers.IntegerField()
    family = serializers.CharField(help_text="Case reference.")
    agency = AgencySerializer()
    copy = serializers.ChoiceField(choices=(("family", "Family copy"),))
    version = serializers.IntegerField()
    signed_name = serializers.CharField()
    signed_role = serializers.CharField()
    signed_at = serializers.DateTimeField()
    late = serializers.BooleanField()
    amendment_reason = serializers.CharField()
    parts = ReportPartSerializer(many=True)


def _field_for(kind: Any) -> serializers.Field:
    """The API field for a record field's kind (`record_content`'s metadata)."""
    match kind:
        case "bool":
            return serializers.BooleanField()
        case "child" | "score":
            return serializers.IntegerField(allow_null=True)
        case "texts" | "categories":
            return serializers.ListField(child=serializers.CharField())
        case "children":
            return serializers.ListField(child=serializers.IntegerField())
    return serializers.CharField(allow_blank=True)


def _record_serializer(
    name: str, row_type: type[Any], *, only: tuple[str, ...] = (), **nested: serializers.Field
) -> type[serializers.Serializer]:
    """An output serializer whose fields are the record type's own (each defined once, in
    `record_content`), in its order; `only` publishes a subset, `nested` the row lists."""
    shape = row_type.shape()
    declared = {
        field: nested[field] if field in nested else _field_for(kind)
        for field, kind in shape.items()
        if not only or field in only
    }
    return type(name, (serializers.Serializer,), declared)


ChildDecisionSerializer = _record_serializer(
    "ChildDecisionSerializer",
    record_parts.ChildDecision,
    only=(
        "child_id",
        "name",
        "suffered_harm",
        "likely_to_suffer",
        "outcome",
        "categories",
        "consensus",
    ),
)
DissentSerializer = _record_serializer("DissentSerializer", record_parts.Dissent)
DecisionsSerializer = _record_serializer(
    "DecisionsSerializer",
    record_parts.Decisions,
    children=ChildDecisionSerializer(many=True),
    dissent=DissentSerializer(many=True),
)
PlanActionSerializer = _record_serializer("PlanActionSerializer", record_parts.PlanAction)
FutureDatesSerializer = _record_serializer(
    "FutureDatesSerializer",
    record_parts.FutureDates,
    only=("core_group_members", "core_group_on", "next_review_on", "child_in_need_meeting_on"),
)


class OutcomeSerializer(serializers.Serializer):
    conference = serializers.IntegerField()
    version = serializers.IntegerField(help_text="The finalised record's version.")
    finalised_at = serializers.DateTimeField()
    decisions = DecisionsSerializer()
    plan = PlanActionSerializer(many=True)
    future_dates = FutureDatesSerializer()
