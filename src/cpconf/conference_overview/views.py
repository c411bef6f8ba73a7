"""The conference page and the reports-received board: what one conference looks like from
above, its reports included. They read reports, so they live here, above the reports app, and
not with the conferences (which reports build on). Views translate HTTP: rules in
cpconf.access, reading in selectors and cpconf.reports.received."""

import math
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cpconf.access import may
from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conference_overview import selectors
from cpconf.conferences.selectors import (
    conferences_for,
    invitations_for,
    staff_conferences_for,
)
from cpconf.reports import received


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def days_left(deadline: datetime, now: datetime) -> int:
    """Whole days until the deadline, rounded up; negative once it has passed."""
    seconds = (deadline - now).total_seconds()
    return math.ceil(seconds / 86400) if seconds > 0 else math.floor(seconds / 86400)


def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        staff_conferences_for(user), request, action="conference_viewed", pk=pk
    )
    context = {
        "conference": conference,
        "children": conference.family.children.all(),
        "invitations": invitations_for(user, conference),
        "reports": selectors.reports_for(user, conference),
        "may_manage": may(user, "manage", conference),
        "may_see_board": may(user, "see_board", conference),
        "may_run_record": may(user, "run_record", conference),
        "may_read_pack": may(user, "read_pack", conference),
    }
    return render(request, "conferences/conference_detail.html", context)


def reports_board(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        conferences_for(user),
        request,
        action="reports_board_viewed",
        permission="see_board",
        pk=pk,
    )
    rows = received.with_coach_warnings(received.board_rows(conference))
    summary = received.summarise(conference, rows=rows)
    now = timezone.now()
    return render(
        request,
        "conferences/board.html",
        {
            "conference": conference,
            "rows": rows,
            "summary": summary,
            "submit_days_left": days_left(summary.deadlines.submit_by, now),
            "share_days_left": days_left(summary.deadlines.share_with_family_by, now),
            "may_manage": may(user, "manage", conference),
        },
    )
