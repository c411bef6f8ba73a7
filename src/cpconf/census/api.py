"""The census items of one child through the integration API, for the case system to keep
them as it keeps the family: `GET` and `PUT /api/families/{case_reference}/children/
{reference}/census/`, the child found by the case system's own references within the
client's authority. A `PUT` changes only the items it names, checked as the child's Census
details page and the census file import check them (`cpconf.census.details_file`).

It is here, not in `cpconf.api`, because the census is a part of the service built on the
API's layer (the API knows nothing of the census); it uses the API's own view, token,
limits, error shape and audit.
"""

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from cpconf.api import services as api
from cpconf.api.models import ApiClient
from cpconf.api.schema import ERRORS
from cpconf.api.serializers import REFERENCE_PATTERN
from cpconf.api.views import CASE_REFERENCE, ApiView
from cpconf.census import services
from cpconf.census.details_file import items_checked
from cpconf.census.models import CENSUS_ITEMS, ChildCensusDetails
from cpconf.families.models import Child, ReferenceKind

CHILD_REFERENCE = OpenApiParameter(
    "reference",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The child's reference in the case system.",
    pattern=REFERENCE_PATTERN,
)


class ChildCensusSerializer(serializers.ModelSerializer):
    """A child's census items; blank (or null) where not known."""

    class Meta:
        model = ChildCensusDetails
        fields = CENSUS_ITEMS


class ChildCensusInSerializer(serializers.Serializer):
    """Any of the items; those left out are kept as they are, a blank or null clears one.
    Codes are the DfE's (as the Census details page offers them)."""

    la_child_id = serializers.CharField(max_length=100, required=False, allow_blank=True)
    upn = serializers.CharField(max_length=13, required=False, allow_blank=True)
    upn_unknown = serializers.CharField(max_length=3, required=False, allow_blank=True)
    gender = serializers.CharField(max_length=1, required=False, allow_blank=True)
    ethnicity = serializers.CharField(max_length=4, required=False, allow_blank=True)
    disabilities = serializers.ListField(
        child=serializers.CharField(max_length=4), required=False, max_length=20
    )
    referral_date = serializers.DateField(required=False, allow_null=True)
    referral_source = serializers.CharField(max_length=2, required=False, allow_blank=True)
    plans_before_records = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=99
    )


def _cells(data: dict[str, Any]) -> dict[str, str]:
    """The values as the file import reads them, so both are checked by one function."""
    cells = {}
    for name, value in data.items():
        if value is None:
            cells[name] = ""
        elif name == "disabilities":
            cells[name] = ";".join(value)
        else:
            cells[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return cells


def children_of(client: ApiClient, case_reference: str, reference: str) -> QuerySet[Child]:
    """The child the case system knows by these references, in the client's authority."""
    return Child.objects.filter(
        family__local_authority=client.local_authority,
        family__case_reference=case_reference,
        external_reference__kind=ReferenceKind.CHILD,
        external_reference__reference=reference,
    ).select_related("family")


class ChildCensusView(ApiView):
    serializer_class = ChildCensusSerializer

    def _child(self, request: Request, case_reference: str, reference: str, action: str) -> Child:
        return api.client_get_or_404(
            self.client,
            children_of(self.client, case_reference, reference),
            request,
            action=action,
        )

    @extend_schema(
        summary="Read a child's census items",
        parameters=[CASE_REFERENCE, CHILD_REFERENCE],
        responses={200: ChildCensusSerializer, **ERRORS},
    )
    def get(self, request: Request, case_reference: str, reference: str) -> Response:
        child = self._child(request, case_reference, reference, "api_child_census_viewed")
        details = ChildCensusDetails.objects.filter(child=child).first()
        return Response(ChildCensusSerializer(details or ChildCensusDetails(child=child)).data)

    @extend_schema(
        summary="Set a child's census items from the case system",
        description=(
            "Only the items the body names are changed; a blank or null clears one. A UPN "
            "given replaces a reason it was not known, and the other way round. Nothing is "
            "written unless every item is valid."
        ),
        parameters=[CASE_REFERENCE, CHILD_REFERENCE],
        request=ChildCensusInSerializer,
        responses={200: ChildCensusSerializer, **ERRORS},
    )
    def put(self, request: Request, case_reference: str, reference: str) -> Response:
        incoming = ChildCensusInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        cells = _cells(dict(incoming.validated_data))
        items, problems = items_checked(cells, tuple(c for c in CENSUS_ITEMS if c in cells))
        if items is None:
            errors: dict[str, list[str]] = {}
            for column, message in problems:
                errors.setdefault(column, []).append(message)
            raise ValidationError(errors)
        child = self._child(request, case_reference, reference, "api_child_census_saved")
        details = services.child_census_details_save(
            child=child, values=items, actor=self.client.user, request=request
        )
        return Response(ChildCensusSerializer(details).data)


child_census = login_not_required(ChildCensusView.as_view())
