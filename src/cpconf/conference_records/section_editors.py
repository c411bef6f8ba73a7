"""The editor of each agenda section: which forms and rows make its page, how the saved
content fills them, how what was posted becomes content again (content.py's shapes), and
which field on the page a problem such as ``participants-2-name`` (content.Problem) means.

Rows come in the content's own order, so a problem naming the n-th item of a list finds the
row it is about both on the page just posted and on a page built from what was saved.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.forms import formset_factory
from django.http import QueryDict
from django.utils.translation import gettext as _

from cpconf.conference_records import forms as record_forms
from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import Agenda
from cpconf.date_input import DateParts

BLANK_ROWS = {"participants": 2, "actions": 2, "dissent": 1}
DISCUSSION_BLANK_ROWS = 1


@dataclass(frozen=True)
class Setting:
    """What a section's page needs to know beyond its own content."""

    children: list[dict[str, Any]]  # {"child_id", "name", "unborn"}, in the family's order
    participants: list[dict[str, Any]]  # the introductions section's participants
    low: int
    high: int
    agenda: Agenda
    suggested_participants: list[dict[str, Any]] = field(default_factory=list)


def _date_initial(name: str, value: str) -> dict[str, str]:
    return DateParts(name, "", future=None).initial(value or "")


def _rows(
    row_form: type[forms.Form],
    data: QueryDict | None,
    initial: list[dict[str, Any]],
    prefix: str,
    extra: int,
    **form_kwargs: Any,
) -> forms.BaseFormSet:
    formset_class = formset_factory(row_form, extra=extra)
    return formset_class(data, initial=initial, prefix=prefix, form_kwargs=form_kwargs)


class Editor(ABC):
    """One section's page. Subclasses build `self.forms` (in page order) and fill
    `self.items` (content list key to the row form of each item, in content order)."""

    key = ""

    def __init__(
        self,
        content: dict[str, Any],
        setting: Setting,
        data: QueryDict | None = None,
        more: dict[str, int] | None = None,
    ) -> None:
        self.content = content
        self.setting = setting
        self.data = data
        self.more = more or {}
        self.forms: list[Any] = []
        self.items: dict[str, list[forms.Form]] = {}
        self.loose_errors: list[str] = []
        self.build()

    @abstractmethod
    def build(self) -> None:
        """Make the page's forms from the saved content, or from what was posted."""

    def blank_rows(self, prefix: str, blank: int) -> int:
        return blank + max(0, min(self.more.get(prefix, 0), 20))

    @property
    def row_sets(self) -> list[str]:
        """The prefixes of the page's row sets: what "Add another" may add to."""
        return [f.prefix for f in self.forms if isinstance(f, forms.BaseFormSet) and f.prefix]

    @property
    def template(self) -> str:
        return f"conference_records/parts/{self.key}.html"

    def is_valid(self) -> bool:
        return all(f.is_valid() for f in self.forms)

    @abstractmethod
    def to_content(self) -> dict[str, Any]:
        """The posted forms as the part's content, in the shape `content` describes."""

    # Where problems go.

    def _all_row_forms(self) -> list[forms.Form]:
        found: list[forms.Form] = []
        for part in self.forms:
            found.extend(part.forms if isinstance(part, forms.BaseFormSet) else [part])
        return found

    def _locate(self, name: str) -> tuple[forms.Form, str] | None:
        pieces = name.replace(".", "-").split("-")
        if len(pieces) >= 2 and pieces[1].isdigit():
            rows = self.items.get(pieces[0], [])
            index = int(pieces[1])
            if index < len(rows):
                return rows[index], pieces[2] if len(pieces) > 2 else ""
            pieces = pieces[:1]
        for form in self._all_row_forms():
            if pieces[0] in form.fields or f"{pieces[0]}_day" in form.fields:
                return form, pieces[0]
        for part in self.forms:
            if isinstance(part, forms.BaseFormSet) and part.prefix == pieces[0] and part.forms:
                return part.forms[0], ""
        return None

    @staticmethod
    def _field_of(form: forms.Form, name: str) -> str:
        if name in form.fields:
            return name
        if f"{name}_day" in form.fields:
            return f"{name}_day"
        return next((n for n, f in form.fields.items() if not f.widget.is_hidden), name)

    def anchor(self, name: str) -> str:
        """The id of the field a problem's `field` names, or the page's first field."""
        found = self._locate(name or "")
        if found is None:
            every = self._all_row_forms()
            if not every:
                return "main-content"
            return str(every[0][self._field_of(every[0], "")].auto_id)
        form, field_name = found
        return str(form[self._field_of(form, field_name)].auto_id)

    def add_problems(self, problems: list[Any]) -> None:
        """Put each problem (content.Problem) beside the field it names."""
        for problem in problems:
            found = self._locate(problem.field or "")
            if found is None:
                self.loose_errors.append(str(problem.message))
                continue
            form, field_name = found
            form.add_error(self._field_of(form, field_name), str(problem.message))

    @property
    def errors(self) -> list[tuple[str, str]]:
        """(field id, message) for the GOV.UK error summary, in page order."""
        if self.data is None:
            return []
        found = [(self.anchor(""), message) for message in self.loose_errors]
        for form in self._all_row_forms():
            if not form.is_bound or not form.errors:
                continue
            first = self._field_of(form, "")
            for name, messages in form.errors.items():
                target = form[name if name in form.fields else first].auto_id
                found.extend((str(target), str(m)) for m in messages)
        for part in self.forms:
            if isinstance(part, forms.BaseFormSet):
                found.extend(
                    (self.anchor(part.prefix or ""), str(m)) for m in part.non_form_errors()
                )
        return found


class FamilyMeetingEditor(Editor):
    key = parts.FAMILY_MEETING

    def build(self) -> None:
        meeting = parts.FamilyMeeting.from_json(self.content)
        initial = {**meeting.to_json(), "attended": "\n".join(meeting.attended)}
        self.main = record_forms.FamilyMeetingForm(self.data, initial=initial)
        self.forms = [self.main]

    def to_content(self) -> dict[str, Any]:
        data = self.main.cleaned_data
        return parts.FamilyMeeting(
            held=data.get("held", ""),
            notes=data.get("notes", ""),
            attended=record_forms.lines(data.get("attended", "")),
        ).to_json()


PARTICIPANT_FIELDS = tuple(parts.Participant.shape())


def family_first(people: list[dict[str, Any]]) -> list[int]:
    """Indexes of `people`, the family (parents first of all) before the professionals."""
    rank = {kind: n for n, kind in enumerate(parts.FAMILY_KINDS)}
    return sorted(range(len(people)), key=lambda i: rank.get(people[i].get("kind", ""), 99))


class IntroductionsEditor(Editor):
    key = parts.INTRODUCTIONS

    def build(self) -> None:
        saved = self.content.get("participants", [])
        initial = saved or self.setting.suggested_participants
        self.rows = _rows(
            record_forms.ParticipantRowForm,
            self.data,
            initial,
            "participants",
            self.blank_rows("participants", BLANK_ROWS["participants"]),
        )
        self.main = record_forms.IntroductionsForm(self.data, initial=self.content)
        self.forms = [self.rows, self.main]
        self.items = {"participants": list(self.rows.forms[: len(saved)])}

    def to_content(self) -> dict[str, Any]:
        kept = [
            row
            for row in self.rows.forms
            if not record_forms.is_blank(row.cleaned_data, ("name", "role", "agency"))
        ]
        people = [
            parts.Participant(
                **{name: row.cleaned_data.get(name) or "" for name in PARTICIPANT_FIELDS}
                | {"attendance": row.cleaned_data.get("attendance") or parts.PRESENT}
            )
            for row in kept
        ]
        order = family_first([person.to_json() for person in people])
        self.items = {"participants": [kept[i] for i in order]}
        data = self.main.cleaned_data
        return parts.Introductions(
            participants=[people[i] for i in order],
            parents_report=data.get("parents_report", ""),
            confidentiality_confirmed=bool(data.get("confidentiality_confirmed")),
            equal_opportunities_confirmed=bool(data.get("equal_opportunities_confirmed")),
        ).to_json()


def worded(form: forms.Form, agenda: Agenda, section: str) -> None:
    """The form's questions as the conference's agenda words them, where it does."""
    for name, form_field in form.fields.items():
        wording = agenda.wording(section, name)
        if wording is not None:
            form_field.label = _(wording.label)
            form_field.help_text = _(wording.hint) if wording.hint else ""


class WhyHereEditor(Editor):
    key = parts.WHY_HERE

    def build(self) -> None:
        self.main = record_forms.WhyHereForm(self.data, initial=self.content)
        worded(self.main, self.setting.agenda, self.key)
        self.forms = [self.main]

    def to_content(self) -> dict[str, Any]:
        return {name: self.main.cleaned_data.get(name, "") for name in self.main.fields}


def describe(person: dict[str, Any]) -> str:
    extra = ", ".join(v for v in (person.get("role"), person.get("agency")) if v)
    return f"{person.get('name', '')} ({extra})" if extra else str(person.get("name", ""))


class DiscussionEditor(Editor):
    """A row set per heading; under each, the parents' entries come first."""

    key = parts.DISCUSSION

    def build(self) -> None:
        entries = parts.Discussion.from_json(self.content).entries
        people = [self.setting.participants[i] for i in family_first(self.setting.participants)]
        self.speakers = {p["name"]: p for p in people if p.get("name")}
        for entry in entries:  # someone no longer listed keeps what they said
            self.speakers.setdefault(
                entry.speaker,
                {"name": entry.speaker, "agency": entry.agency, "kind": entry.speaker_kind},
            )
        self.speakers.pop("", None)
        choices = [(name, describe(person)) for name, person in self.speakers.items()]
        self.headings: list[tuple[str, str, forms.BaseFormSet]] = []
        placed: dict[str, int] = {}
        items: list[forms.Form] = []
        for heading, title in self.setting.agenda.headings:
            initial = [
                {"speaker": e.speaker, "text": e.text} for e in entries if e.heading == heading
            ]
            rows = _rows(
                record_forms.EntryRowForm,
                self.data,
                initial,
                heading,
                self.blank_rows(heading, DISCUSSION_BLANK_ROWS),
                speakers=choices,
            )
            self.headings.append((heading, _(title), rows))
            self.forms.append(rows)
        by_heading = {heading: rows for heading, _title, rows in self.headings}
        for entry in entries:
            heading = entry.heading
            if heading in by_heading:
                items.append(by_heading[heading].forms[placed.get(heading, 0)])
                placed[heading] = placed.get(heading, 0) + 1
        self.items = {"entries": items}

    def to_content(self) -> dict[str, Any]:
        entries: list[parts.DiscussionEntry] = []
        items: list[forms.Form] = []
        for heading, _title, rows in self.headings:
            kept = [row for row in rows.forms if row.cleaned_data.get("text")]
            said = [self._entry(heading, row.cleaned_data) for row in kept]
            parents = [i for i, e in enumerate(said) if e.speaker_kind == "parent"]
            order = parents + [i for i in range(len(said)) if i not in parents]
            entries.extend(said[i] for i in order)
            items.extend(kept[i] for i in order)
        self.items = {"entries": items}
        return parts.Discussion(entries=entries).to_json()

    def _entry(self, heading: str, data: dict[str, Any]) -> parts.DiscussionEntry:
        person = self.speakers.get(data.get("speaker", ""), {})
        parent = person.get("kind") in (*parts.FAMILY_KINDS, "parent")
        return parts.DiscussionEntry(
            heading=heading,
            speaker=data.get("speaker", ""),
            speaker_kind="parent" if parent else "professional",
            agency="" if parent else person.get("agency", ""),
            text=data.get("text", ""),
        )


class PlanEditor(Editor):
    key = parts.PLAN

    def build(self) -> None:
        actions = parts.Plan.from_json(self.content).actions
        initial = [
            {
                **action.to_json(),
                "child_ids": [str(i) for i in action.child_ids],
                **_date_initial("by_when", action.by_when),
            }
            for action in actions
        ]
        children = [(str(c["child_id"]), c["name"]) for c in self.setting.children]
        self.rows = _rows(
            record_forms.ActionRowForm,
            self.data,
            initial,
            "actions",
            self.blank_rows("actions", BLANK_ROWS["actions"]),
            children=children,
        )
        self.forms = [self.rows]
        self.items = {"actions": list(self.rows.forms[: len(actions)])}

    def to_content(self) -> dict[str, Any]:
        kept = [
            row
            for row in self.rows.forms
            if not record_forms.is_blank(row.cleaned_data, ("action", "who", "by_when"))
        ]
        self.items = {"actions": kept}
        return parts.Plan(actions=[self._action(row.cleaned_data) for row in kept]).to_json()

    @staticmethod
    def _action(data: dict[str, Any]) -> parts.PlanAction:
        carried = bool(data.get("carried_forward"))
        return parts.PlanAction(
            action=data.get("action", ""),
            who=data.get("who", ""),
            by_when=data.get("by_when", ""),
            priority=data.get("priority", ""),
            progress=data.get("progress") or ("not_started" if carried else "new"),
            carried_forward=carried,
            child_ids=[int(i) for i in data.get("child_ids", [])],
        )


class ScalingEditor(Editor):
    """A score for each child from each person present who gives one (not the chair)."""

    key = parts.SCALING

    def build(self) -> None:
        scores = parts.Scaling.from_json(self.content).scores
        saved = {(s.participant, s.child_id): s.score for s in scores}
        people = [  # present for all of the meeting or part of it
            p
            for p in self.setting.participants
            if parts.Participant.from_json(p).was_present and p.get("kind") not in parts.NOT_SCORING
        ]
        cells = [(p["name"], c["child_id"]) for p in people for c in self.setting.children]
        cells += [cell for cell in saved if cell not in cells]
        self.cells = cells
        initial = [
            {"participant": name, "child_id": child_id, "score": _text(saved.get((name, child_id)))}
            for name, child_id in cells
        ]
        self.rows = _rows(
            record_forms.ScoreRowForm,
            self.data,
            initial,
            "scores",
            0,
        )
        self.forms = [self.rows]
        child_names = {c["child_id"]: c["name"] for c in self.setting.children}
        for (_person, child_id), row in zip(cells, self.rows.forms, strict=False):
            row.child_name = child_names.get(child_id, "")
        row_of = dict(zip(cells, self.rows.forms, strict=False))
        self.items = {
            "scores": [
                row_of[(s.participant, s.child_id)]
                for s in scores
                if (s.participant, s.child_id) in row_of
            ]
        }
        self._group({p["name"] for p in people})

    def is_valid(self) -> bool:
        """Every posted row is a cell the page offered (a person recorded as present, or a
        score kept from before, for one of the children): who gave a score is never taken
        from a changed hidden field."""
        if not super().is_valid():
            return False
        offered = set(self.cells)
        for row in self.rows.forms:
            if row.cleaned_data.get("score") is None:
                continue  # an empty cell saves nothing
            cell = (row.cleaned_data.get("participant", ""), row.cleaned_data.get("child_id"))
            if cell not in offered:
                refused = _(parts.SCORE_NOT_OFFERED)
                if refused not in self.loose_errors:
                    self.loose_errors.append(refused)
                return False
        return True

    def _group(self, scoring: set[str]) -> None:
        """`groups`: a row of the table per person present, a cell per child; `others`:
        scores kept from people no longer listed as present, or for a child not listed."""
        names = {str(c["child_id"]): c["name"] for c in self.setting.children}
        self.groups: list[tuple[str, list[tuple[str, forms.Form]]]] = []
        self.others: list[tuple[str, str, forms.Form]] = []
        for row in self.rows.forms:
            person, child = row["participant"].value() or "", str(row["child_id"].value())
            if person not in scoring or child not in names:
                self.others.append((person, names.get(child, _("a child not listed")), row))
            elif self.groups and self.groups[-1][0] == person:
                self.groups[-1][1].append((names[child], row))
            else:
                self.groups.append((person, [(names[child], row)]))
        self.child_names = list(names.values())

    def to_content(self) -> dict[str, Any]:
        kept = [row for row in self.rows.forms if row.cleaned_data.get("score") is not None]
        self.items = {"scores": kept}
        scores = [
            parts.Score(
                participant=row.cleaned_data.get("participant", ""),
                child_id=row.cleaned_data.get("child_id"),
                score=row.cleaned_data["score"],
            )
            for row in kept
        ]
        return parts.Scaling(scores=scores).to_json()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class DecisionsEditor(Editor):
    """A row per child, asked the agenda's questions (for an unborn baby, only whether harm
    is likely) and offered the agenda's decisions."""

    key = parts.DECISIONS

    def build(self) -> None:
        decisions = parts.Decisions.from_json(self.content)
        saved = {d.child_id: d.to_json() for d in decisions.children}
        ordered = [
            {
                **saved.get(c["child_id"], {}),
                "child_id": c["child_id"],
                "name": c["name"],
                "unborn": bool(c.get("unborn")),
            }
            for c in self.setting.children
        ]
        known = {c["child_id"] for c in self.setting.children}
        ordered += [d.to_json() for d in decisions.children if d.child_id not in known]
        agenda = self.setting.agenda
        outcomes = [(key, _(label)) for key, label in agenda.outcomes]
        self.children = _rows(
            record_forms.ChildDecisionRowForm,
            self.data,
            ordered,
            "children",
            0,
            outcomes=outcomes,
        )
        for row, child in zip(self.children.forms, ordered, strict=False):
            worded(row, agenda, self.key)
            row.unborn = bool(child.get("unborn"))
            if row.unborn:
                wording = agenda.wording(self.key, "unborn_likely_to_suffer")
                if wording is not None:
                    row.fields["likely_to_suffer"].label = _(wording.label)
                    row.fields["likely_to_suffer"].help_text = _(wording.hint)
        self.main = record_forms.DecisionsForm(self.data, initial=self.content)
        dissent = [d.to_json() for d in decisions.dissent]
        self.dissent = _rows(
            record_forms.DissentRowForm,
            self.data,
            dissent,
            "dissent",
            self.blank_rows("dissent", BLANK_ROWS["dissent"]),
        )
        self.forms = [self.children, self.main, self.dissent]
        # The rows in the content's order, then the children it has no decision for yet
        # (a problem about a child with no row names the index after the last row).
        order = {d["child_id"]: n for n, d in enumerate(ordered)}
        decided = [d.child_id for d in decisions.children]
        undecided = [d["child_id"] for d in ordered if d["child_id"] not in decided]
        self.items = {
            "children": [
                self.children.forms[order[child_id]]
                for child_id in [*decided, *undecided]
                if child_id in order
            ],
            "dissent": list(self.dissent.forms[: len(dissent)]),
        }

    def to_content(self) -> dict[str, Any]:
        kept = [row for row in self.dissent.forms if row.cleaned_data.get("view")]
        self.items = {"children": list(self.children.forms), "dissent": kept}
        return parts.Decisions(
            children=[self._decision(row.cleaned_data) for row in self.children.forms],
            chair_summary=self.main.cleaned_data.get("chair_summary", ""),
            dissent=[
                parts.Dissent(who=row.cleaned_data.get("who", ""), view=row.cleaned_data["view"])
                for row in kept
            ],
        ).to_json()

    @staticmethod
    def _decision(data: dict[str, Any]) -> parts.ChildDecision:
        """The posted row; whether the child is unborn comes from the family's record
        (`with_unborn`), never from the page."""
        return parts.ChildDecision(
            child_id=data.get("child_id"),
            name=data.get("name", ""),
            suffered_harm=data.get("suffered_harm", ""),
            likely_to_suffer=data.get("likely_to_suffer", ""),
            outcome=data.get("outcome", ""),
            professional_views=data.get("professional_views", ""),
            consensus=data.get("consensus", ""),
            categories=list(data.get("categories", [])),
        )


class FutureDatesEditor(Editor):
    key = parts.FUTURE_DATES

    def build(self) -> None:
        dates = parts.FutureDates.from_json(self.content)
        initial = {**dates.to_json(), "core_group_members": "\n".join(dates.core_group_members)}
        for name, _label in record_forms.FutureDatesForm.DATES:
            initial.update(_date_initial(name, getattr(dates, name)))
        self.main = record_forms.FutureDatesForm(self.data, initial=initial)
        self.forms = [self.main]

    def to_content(self) -> dict[str, Any]:
        data = self.main.cleaned_data
        return parts.FutureDates(
            core_group_members=record_forms.lines(data.get("core_group_members", "")),
            core_group_on=data.get("core_group_on", ""),
            core_group_late_reason=data.get("core_group_late_reason", ""),
            next_review_on=data.get("next_review_on", ""),
            next_review_late_reason=data.get("next_review_late_reason", ""),
            child_in_need_meeting_on=data.get("child_in_need_meeting_on", ""),
            feedback_forms_sent=bool(data.get("feedback_forms_sent")),
            appeal_explained=bool(data.get("appeal_explained")),
        ).to_json()


EDITORS: dict[str, type[Editor]] = {
    editor.key: editor
    for editor in (
        FamilyMeetingEditor,
        IntroductionsEditor,
        WhyHereEditor,
        DiscussionEditor,
        PlanEditor,
        ScalingEditor,
        DecisionsEditor,
        FutureDatesEditor,
    )
}


def editor_for(
    key: str,
    content: dict[str, Any],
    setting: Setting,
    data: QueryDict | None = None,
    more: dict[str, int] | None = None,
) -> Editor:
    return EDITORS[key](content, setting, data, more)
