"""Pages of a list that may be very long, counted only as far as anyone reads.

An authority's audit trail holds millions of events and its conference lists thousands:
counting every row to number the pages reads them all, on every page. A `CappedPaginator`
counts at most `cap` + 1 rows (the database stops there), so a page costs the same however
long the list is; past the cap the page says "more than", and the last page link goes one
page beyond the cap, which is there.
"""

from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


class CappedPaginator(Paginator):
    """A paginator whose count stops at `cap` + 1: `capped` says the list goes on."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, cap: int) -> None:
        super().__init__(object_list, per_page)
        self.rows = object_list
        self.cap = cap

    @cached_property
    def count(self) -> int:
        # Only the ids, in any order: what a page shows (its columns, annotations and
        # order) is no part of how many rows there are.
        return self.rows.order_by().values("pk")[: self.cap + 1].count()

    def page(self, number: Any) -> Page:
        """As Django's, but a page past the cap holds a whole page, not the one row counted
        beyond it."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.capped and top + self.orphans >= self.count:
            top = self.count
        return Page(self.rows[bottom:top], number, self)

    @property
    def capped(self) -> bool:
        """True when there are more rows than the cap (the count shown is a floor)."""
        return self.count > self.cap
