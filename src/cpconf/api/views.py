"""The integration API's endpoints: each authenticates the client by its token, reads through
a selector that starts from the client's local authority, audits the call, and answers JSON.

Nothing here accepts a session: a page user's cookie gets the same 401 as no credentials.
"""

from typing import Any

from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from cpconf.api import selectors, serializers, services
from cpconf.api.models import ApiClient
from cpconf.api.pagination import ApiPagination
from cpconf.api.representations import invitation_payload, outcome_payload, report_payload
from cpconf.api.schema import BIGGEST_ID, ERRORS

NO_FINALISED_RECORD = "The conference has no finalised record yet"


CASE_REFERENCE = OpenApiParameter(
    "case_reference",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The family's reference in the case system.",
    pattern=serializers.REFERENCE_PATTERN,
)


def _id(pk: int) -> int:
    """A path id no database could hold is as missing as one it does not."""
    if not 0 < pk <= BIGGEST_ID:
        raise Http404("No such record.")
    return pk


class ApiView(GenericAPIView):
    """The client making the call is `request.auth`; no response is kept by any cache."""

    pagination_class: type | None = None

    @property
    def client(self) -> ApiClient:
        client: ApiClient = self.request.auth
        return client

    def perform_authentication(self, request: Request) -> None:
        """The rate limits first, before the token is looked up, so that calls with a wrong
        token or none are limited too (DRF would check them only after the token passed)."""
        super().check_throttles(request)
        super().perform_authentication(request)

    def check_throttles(self, request: Request) -> None:
        """Done already, in `perform_authentication`."""

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_store=True)
        return response

    def paged(self, queryset: Any, serializer: type, action: str) -> Response:
        services.api_audit(self.client, self.request, action=action)
        page = self.paginator.paginate_queryset(queryset, self.request, view=self)
        return self.paginator.get_paginated_response(serializer(page, many=True).data)


class ListView(ApiView):
    pagination_class = ApiPagination


class FamilyListView(ListView):
    serializer_class = serializers.FamilySerializer

    @extend_schema(
        summary="List the authority's families",
        responses={200: serializers.FamilySerializer(many=True), **ERRORS},
    )
    def get(self, request: Request) -> Response:
        return self.paged(
            selectors.families_of(self.client), serializers.FamilySerializer, "api_families_listed"
        )


class FamilyDetailView(ApiView):
    serializer_class = serializers.FamilySerializer

    @extend_schema(
        summary="Read a family, its children and family members",
        parameters=[CASE_REFERENCE],
        responses={200: serializers.FamilySerializer, **ERRORS},
    )
    def get(self, request: Request, case_reference: str) -> Response:
        family = services.client_get_or_404(
            self.client,
            selectors.families_of(self.client),
            request,
            action="api_family_viewed",
            case_reference=case_reference,
        )
        return Response(serializers.FamilySerializer(family).data)

    @extend_schema(
        summary="Create or update a family from the case system",
        description=(
            "Idempotent: the same body twice gives the same family (201 the first time, 200 "
            "after). Children and family members are matched by their `reference`; people "
            "the body does not name are kept as they are. Nothing is written unless the "
            "whole body is valid."
        ),
        parameters=[CASE_REFERENCE],
        request=serializers.FamilyInSerializer,
        responses={
            200: serializers.FamilySerializer,
            201: serializers.FamilySerializer,
            **ERRORS,
        },
    )
    def put(self, request: Request, case_reference: str) -> Response:
        if not serializers.is_reference(case_reference):
            raise ValidationError({"case_reference": [_(serializers.ENTER_REFERENCE)]})
        incoming = serializers.FamilyInSerializer(
            data=request.data, context={"client": self.client}
        )
        incoming.is_valid(raise_exception=True)
        family, created = services.family_put(
            client=self.client,
            case_reference=case_reference,
            data=incoming.validated_data,
            request=request,
        )
        family = selectors.families_of(self.client).get(pk=family.pk)
        return Response(
            serializers.FamilySerializer(family).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class AgencyListView(ListView):
    serializer_class = serializers.AgencySerializer

    @extend_schema(
        summary="List the authority's agencies (for invitations)",
        responses={200: serializers.AgencySerializer(many=True), **ERRORS},
    )
    def get(self, request: Request) -> Response:
        return self.paged(
            selectors.agencies_of(self.client), serializers.AgencySerializer, "api_agencies_listed"
        )


class ConferenceListView(ListView):
    serializer_class = serializers.ConferenceSerializer

    @extend_schema(
        summary="List conferences, by family and date",
        parameters=[serializers.ConferenceFilterSerializer],
        responses={200: serializers.ConferenceSerializer(many=True), **ERRORS},
    )
    def get(self, request: Request) -> Response:
        filters = serializers.ConferenceFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        conferences = selectors.conferences_of(self.client, **filters.validated_data)
        return self.paged(conferences, serializers.ConferenceSerializer, "api_conferences_listed")


class ConferenceDetailView(ApiView):
    serializer_class = serializers.ConferenceSerializer

    @extend_schema(
        summary="Read a conference", responses={200: serializers.ConferenceSerializer, **ERRORS}
    )
    def get(self, request: Request, pk: int) -> Response:
        conference = services.client_get_or_404(
            self.client,
            selectors.conferences_of(self.client),
            request,
            action="api_conference_viewed",
            pk=_id(pk),
        )
        return Response(serializers.ConferenceSerializer(conference).data)


class ConferenceInvitationsView(ApiView):
    serializer_class = serializers.InvitationSerializer

    def _conference(self, action: str, pk: int) -> Any:
        return services.client_get_or_404(
            self.client,
            selectors.conferences_of(self.client),
            self.request,
            action=action,
            pk=_id(pk),
        )

    @extend_schema(
        summary="List a conference's invitations, with each report's status",
        responses={200: serializers.InvitationSerializer(many=True), **ERRORS},
    )
    def get(self, request: Request, pk: int) -> Response:
        conference = self._conference("api_invitations_listed", pk)
        reports = selectors.reports_by_author(conference)
        rows = [
            invitation_payload(i, reports.get(i.invitee_id) if i.invitee_id else None)
            for i in selectors.invitations_of(self.client).filter(conference=conference)
        ]
        return Response(serializers.InvitationSerializer(rows, many=True).data)

    @extend_schema(
        summary="Invite a professional for an agency",
        description=(
            "The same as the unit's invitation page: someone without an account is sent a "
            "link to set one up, and everyone invited is emailed the meeting."
        ),
        request=serializers.InvitationInSerializer,
        responses={201: serializers.InvitationSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = self._conference("api_conference_viewed", pk)
        incoming = serializers.InvitationInSerializer(
            data=request.data, context={"client": self.client}
        )
        incoming.is_valid(raise_exception=True)
        invitation = services.invitation_create(
            client=self.client, conference=conference, request=request, **incoming.validated_data
        )
        body = serializers.InvitationSerializer(invitation_payload(invitation, None)).data
        return Response(body, status=status.HTTP_201_CREATED)


class InvitationDetailView(ApiView):
    serializer_class = serializers.InvitationSerializer

    @extend_schema(
        summary="Read an invitation and its report's status",
        responses={200: serializers.InvitationSerializer, **ERRORS},
    )
    def get(self, request: Request, pk: int) -> Response:
        invitation = services.client_get_or_404(
            self.client,
            selectors.invitations_of(self.client),
            request,
            action="api_invitation_viewed",
            pk=_id(pk),
        )
        report = selectors.reports_by_author(invitation.conference).get(invitation.invitee_id or 0)
        return Response(
            serializers.InvitationSerializer(invitation_payload(invitation, report)).data
        )


class ReportDetailView(ApiView):
    serializer_class = serializers.ReportSerializer

    @extend_schema(
        summary="Read a submitted report (the family copy)",
        description=(
            "The latest submitted version, as the family copy: a restricted section never "
            "leaves through the API. A report not yet submitted is not found."
        ),
        responses={200: serializers.ReportSerializer, **ERRORS},
    )
    def get(self, request: Request, pk: int) -> Response:
        report = services.client_get_or_404(
            self.client,
            selectors.submitted_reports_of(self.client),
            request,
            action="api_report_viewed",
            pk=_id(pk),
        )
        version = report.versions.order_by("-number").first()
        if version is None:  # the selector holds only reports with a version
            raise Http404("No version.")
        return Response(serializers.ReportSerializer(report_payload(report, version)).data)


class ConferenceOutcomeView(ApiView):
    serializer_class = serializers.OutcomeSerializer

    @extend_schema(
        summary="Read the decisions, plan and future dates of a conference",
        description="From the latest finalised record; not found until the record is finalised.",
        responses={200: serializers.OutcomeSerializer, **ERRORS},
    )
    def get(self, request: Request, pk: int) -> Response:
        conference = services.client_get_or_404(
            self.client,
            selectors.conferences_of(self.client),
            request,
            action="api_outcome_viewed",
            pk=_id(pk),
        )
        version = selectors.latest_finalised_record(conference)
        if version is None:
            return Response(
                {"errors": [{"field": None, "message": NO_FINALISED_RECORD}]},
                status=status.HTTP_404_NOT_FOUND,
            )
        return Response(serializers.OutcomeSerializer(outcome_payload(conference, version)).data)
