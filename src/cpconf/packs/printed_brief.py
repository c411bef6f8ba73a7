"""The chair's brief as plain data for the pack's PDF and Word files (`cpconf.documents`):
the same facts as the page, worded here, where translation is at hand."""

from django.utils.translation import gettext as _

from cpconf.documents.model import Paragraph, Section, Table
from cpconf.documents.pack import PackBrief
from cpconf.packs.chairs_brief import ChairBrief, ChildBrief, PreviousPlan

NO_SCORE = "—"


def _child_table(child: ChildBrief) -> Table:
    rows = tuple(
        (
            view.agency,
            view.author,
            NO_SCORE if view.score is None else str(view.score),
            view.recommendation or _("Not given"),
        )
        for view in child.views
    )
    headers = (_("Agency"), _("Author"), _("Scaling"), _("Recommendation"))
    return Table(child.name, headers, rows)


def _scores(brief: ChairBrief) -> Section:
    tables = tuple(_child_table(child) for child in brief.children if child.views)
    return Section(
        _("Scaling and recommendations, by child"),
        tables=tables,
        empty_text=_("No report has been submitted."),
    )


def _missing(brief: ChairBrief) -> Section:
    rows = tuple((m.agency, m.author, m.status) for m in brief.missing)
    table = Table(_("Invited reports not submitted"), (_("Agency"), _("Author"), _("Status")), rows)
    return Section(
        _("Not arrived"),
        tables=(table,) if rows else (),
        empty_text=_("Every invited report has been submitted."),
    )


def _danger(brief: ChairBrief) -> Section:
    paragraphs = []
    if brief.danger_statement:
        paragraphs.append(Paragraph.plain(_("Danger statement: %s") % brief.danger_statement))
    if brief.safety_goals:
        paragraphs.append(Paragraph.plain(_("Safety goals: %s") % brief.safety_goals))
    return Section(
        _("Danger statement and safety goals"),
        paragraphs=tuple(paragraphs),
        empty_text=_("No danger statement has been agreed yet."),
    )


def _plan(plan: PreviousPlan) -> Section:
    rows = tuple((a.action, a.who, a.by_when, a.progress) for a in plan.actions)
    caption = _("%(done)d of %(total)d actions done (plan of %(day)s)") % {
        "done": plan.done,
        "total": len(plan.actions),
        "day": plan.held_on,
    }
    headers = (_("Action"), _("Who"), _("By when"), _("Progress"))
    return Section(
        _("The previous plan's progress"),
        tables=(Table(caption, headers, rows),) if rows else (),
        empty_text=_("The previous conference's plan has no actions."),
    )


def brief_for_pack(brief: ChairBrief) -> PackBrief:
    sections = [_scores(brief), _missing(brief), _danger(brief)]
    if brief.previous_plan is not None:
        sections.append(_plan(brief.previous_plan))
    return PackBrief(title=_("Chair's brief"), sections=tuple(sections))
