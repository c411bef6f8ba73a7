"""Demo records for this part of the system, written after the reports (see
cpconf.demo.seeding.LATER_PARTS): a finalised record for each of the demo's past conferences,
written through the services, so the upcoming reviews start from them.

Everything here is fictional. Dates are worked out from each conference's own date; a record
already there (finalised or being written) is left as it is, so a second run adds nothing.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord
from cpconf.conferences.models import Conference
from cpconf.deadlines import calendar_for_policy

# (name, role, agency, kind, attendance); the family first, as the agenda asks.
Person = tuple[str, str, str, str, str]
# (heading, speaker, speaker kind, agency, what they said)
Entry = tuple[str, str, str, str, str]
# (action, who, days after the conference, priority, progress, children by first name)
Action = tuple[str, str, int, str, str, tuple[str, ...]]
# child's first name: (outcome, categories, professional views, consensus)
Decision = tuple[str, tuple[str, ...], str, str]

PRESENT, APOLOGIES = "present", "apologies"
PARENT, PROFESSIONAL = "parent", "professional"
FINISHED_AFTER_START = timedelta(hours=2, minutes=30)


@dataclass(frozen=True)
class DemoRecord:
    conference: str
    next_conference: str
    family_meeting: str
    parents_report: str
    participants: tuple[Person, ...]
    why_here: dict[str, str]
    discussion: tuple[Entry, ...]
    # For a review: the progress of each carried-forward action, in order.
    progress: tuple[str, ...]
    actions: tuple[Action, ...]
    # participant: one score per child, in the family's order
    scores: dict[str, tuple[int, ...]]
    decisions: dict[str, Decision]
    chair_summary: str
    dissent: tuple[tuple[str, str], ...]
    core_group: tuple[str, ...]


ASHDOWN_PEOPLE: tuple[Person, ...] = (
    ("Kelly Ashdown", "Mother", "", "parent", PRESENT),
    ("Shaun Pike", "Mother's partner, Poppy's father", "", "parent", PRESENT),
    ("Darren Ashdown", "Father of Lily and Mason", "", "parent", APOLOGIES),
    ("Joanne Pritchard", "Social worker", "Northshire Children's Social Care",
     PROFESSIONAL, PRESENT),
    ("Rachel Whitmore", "Designated safeguarding lead", "Brookfield Primary School",
     PROFESSIONAL, PRESENT),
    ("Daniel Osei", "Designated safeguarding lead", "Castlegate High School",
     PROFESSIONAL, PRESENT),
    ("Gemma Hartley", "Health visitor", "Northshire Health Visiting Team", PROFESSIONAL, PRESENT),
    ("Laura Bennett", "Police constable", "Northshire Police", PROFESSIONAL, APOLOGIES),
    ("Anthony Greaves", "Chair", "Northshire Council", "chair", PRESENT),
    ("Helen Marsh", "Minute taker", "Northshire Council", "minute_taker", PRESENT),
)  # fmt: skip

CARTER_PEOPLE: tuple[Person, ...] = (
    ("Jason Carter", "Father", "", "parent", PRESENT),
    ("Pauline Carter", "Paternal grandmother", "", "family", PRESENT),
    ("Leanne Carter", "Mother", "", "parent", APOLOGIES),
    ("Marcus Reid", "Social worker", "Northshire Children's Social Care", PROFESSIONAL, PRESENT),
    ("Daniel Osei", "Designated safeguarding lead", "Castlegate High School",
     PROFESSIONAL, PRESENT),
    ("Tom Fairclough", "Community mental health nurse", "Northshire Adult Mental Health Service",
     PROFESSIONAL, PRESENT),
    ("Fiona MacLeod", "Chair", "Northshire Council", "chair", PRESENT),
    ("Helen Marsh", "Minute taker", "Northshire Council", "minute_taker", PRESENT),
)  # fmt: skip

CARTER_DANGER = (
    "Children's Social Care, the school and the police are worried that when Jason's low mood "
    "returns he stops getting up in the mornings, and Tyler (14) is left to get Ruby (9) to "
    "school, feed her and keep the house going. Tyler has missed school and says he feels it is "
    "his job to look after his dad. Twice Ruby was collected from school by nobody."
)
CARTER_GOALS = (
    "Jason, Pauline and the professionals want Tyler and Ruby to be cared for by an adult every "
    "day: woken, fed and in school on time, with a named adult collecting Ruby, even on the days "
    "Jason is unwell, so that Tyler can be a child and not a carer."
)

RECORDS = (
    DemoRecord(
        conference="ashdown-initial",
        next_conference="ashdown-review",
        family_meeting=(
            "Met Kelly and Shaun for 20 minutes before the meeting with Joanne. Explained how "
            "the conference works and that they would be asked first. Kelly asked for the reports "
            "to be read aloud; Joanne had done this at home on Monday."
        ),
        parents_report="Kelly wrote a short letter to the conference, read out by Joanne.",
        participants=ASHDOWN_PEOPLE,
        why_here={
            "child_voice": (
                "Lily told her teacher she makes Mason's breakfast 'when Mum is tired'. Mason "
                "drew his family with everyone smiling and said the house is 'loud at night'."
            ),
            "advocacy": "Lily met an advocate on 3 occasions and asked for her views to be read.",
            "danger_statement": (
                "Professionals are worried that when Kelly is drinking in the evenings, Lily "
                "(13), Mason (8) and Poppy (2) are not looked after: Poppy could be hurt by "
                "things left in reach, such as broken glass, and Lily and Mason miss school "
                "and go without breakfast."
            ),
            "safety_goals": (
                "Everyone wants the children to have a sober adult caring for them every evening "
                "and morning, a safe home with nothing dangerous in Poppy's reach, and Lily and "
                "Mason in school on time every day."
            ),
            "additional_information": "Shaun has started work on early shifts since the reports.",
            "questions": "Kelly asked what 'neglect' means here; the chair explained.",
        },
        discussion=(
            (
                "working_well",
                "Kelly Ashdown",
                PARENT,
                "",
                "I love my kids and they know it. My sister Gail helps when I ask.",
            ),
            (
                "working_well",
                "Rachel Whitmore",
                PROFESSIONAL,
                "Brookfield Primary School",
                "Mason is happy at school and Kelly came to both parents' evenings.",
            ),
            (
                "worries",
                "Shaun Pike",
                PARENT,
                "",
                "I'm on earlies now so I'm not there in the mornings to do the school run.",
            ),
            (
                "worries",
                "Gemma Hartley",
                PROFESSIONAL,
                "Northshire Health Visiting Team",
                "Poppy missed her 2-year review and an immunisation, and I saw broken glass on the "
                "living room floor on a weekday morning.",
            ),
            (
                "complicating",
                "Joanne Pritchard",
                PROFESSIONAL,
                "Northshire Children's Social Care",
                "Kelly has not yet been seen by the recovery service; there is a waiting list.",
            ),
        ),
        progress=(),
        actions=(
            (
                "Kelly to start with the drug and alcohol recovery service and keep every "
                "appointment",
                "Kelly Ashdown",
                14,
                "high",
                "new",
                ("Lily", "Mason", "Poppy"),
            ),
            (
                "Make a family safety plan naming who looks after the children if Kelly has been "
                "drinking",
                "Joanne Pritchard with Kelly, Shaun and Gail",
                10,
                "high",
                "new",
                ("Lily", "Mason", "Poppy"),
            ),
            (
                "Book Poppy's 2-year review and missed immunisation",
                "Gemma Hartley",
                21,
                "medium",
                "new",
                ("Poppy",),
            ),
            (
                "Meet weekly with Lily and Mason's teachers about attendance and breakfast club",
                "Rachel Whitmore and Daniel Osei",
                7,
                "medium",
                "new",
                ("Lily", "Mason"),
            ),
        ),
        scores={
            "Kelly Ashdown": (7, 7, 7),
            "Shaun Pike": (8, 8, 6),
            "Joanne Pritchard": (3, 3, 2),
            "Rachel Whitmore": (4, 4, 3),
            "Daniel Osei": (4, 4, 3),
            "Gemma Hartley": (4, 4, 2),
        },
        decisions={
            "Lily": ("plan_starts", ("neglect",), "All professionals: a plan is needed.", "yes"),
            "Mason": ("plan_starts", ("neglect",), "All professionals: a plan is needed.", "yes"),
            "Poppy": (
                "plan_starts",
                ("neglect",),
                "All professionals: a plan is needed; Poppy is the most at risk, being so young.",
                "no",
            ),
        },
        chair_summary=(
            "The children are loved and Kelly wants to make changes, but the drinking in the "
            "evenings leaves them without care and Poppy at risk of harm. There is reasonable "
            "cause to believe the children are likely to suffer significant harm through neglect."
        ),
        dissent=(
            ("Shaun Pike", "Does not think Poppy needs a plan: the glass was cleared that day."),
        ),
        core_group=(
            "Kelly Ashdown",
            "Shaun Pike",
            "Joanne Pritchard",
            "Rachel Whitmore",
            "Daniel Osei",
            "Gemma Hartley",
        ),
    ),
    DemoRecord(
        conference="carter-initial",
        next_conference="carter-first-review",
        family_meeting="Met Jason and Pauline with Marcus first. Jason was nervous but stayed.",
        parents_report="Jason did not write a report; he spoke to the conference instead.",
        participants=CARTER_PEOPLE,
        why_here={
            "child_voice": (
                "Tyler told Daniel: 'If I don't do it, nobody will.' Ruby said she likes it "
                "when Nan picks her up."
            ),
            "advocacy": "Tyler did not want an advocate; Marcus read out what he wanted said.",
            "danger_statement": CARTER_DANGER,
            "safety_goals": CARTER_GOALS,
            "additional_information": "Jason has a new appointment with his GP next week.",
            "questions": "None.",
        },
        discussion=(
            (
                "working_well",
                "Jason Carter",
                PARENT,
                "",
                "When I'm well we're a good team. My mum is only ten minutes away.",
            ),
            (
                "worries",
                "Daniel Osei",
                PROFESSIONAL,
                "Castlegate High School",
                "Tyler has missed 18 days this term and falls asleep in lessons.",
            ),
            (
                "complicating",
                "Tom Fairclough",
                PROFESSIONAL,
                "Northshire Adult Mental Health Service",
                "Jason's medication was changed in the summer and it has not settled yet.",
            ),
        ),
        progress=(),
        actions=(
            (
                "Pauline to collect Ruby from school on the days Jason is unwell, with the school "
                "told by 9am",
                "Pauline Carter",
                7,
                "high",
                "new",
                ("Ruby",),
            ),
            (
                "Tom to see Jason fortnightly and review his medication with the GP",
                "Tom Fairclough",
                28,
                "high",
                "new",
                ("Tyler", "Ruby"),
            ),
            (
                "Refer Tyler to the young carers service",
                "Marcus Reid",
                14,
                "medium",
                "new",
                ("Tyler",),
            ),
        ),
        scores={
            "Jason Carter": (6, 7),
            "Pauline Carter": (5, 6),
            "Marcus Reid": (3, 4),
            "Daniel Osei": (3, 4),
            "Tom Fairclough": (4, 4),
        },
        decisions={
            "Tyler": ("plan_starts", ("neglect", "emotional"), "A plan is needed.", "yes"),
            "Ruby": ("plan_starts", ("neglect",), "A plan is needed.", "yes"),
        },
        chair_summary=(
            "Tyler has become his father's carer and both children go without care when Jason "
            "is unwell. They are likely to suffer significant harm through neglect."
        ),
        dissent=(),
        core_group=(
            "Jason Carter",
            "Pauline Carter",
            "Marcus Reid",
            "Daniel Osei",
            "Tom Fairclough",
        ),
    ),
    DemoRecord(
        conference="carter-first-review",
        next_conference="carter-second-review",
        family_meeting="Met Jason online with Marcus ten minutes before the review.",
        parents_report="Jason and Pauline sent a safety plan they wrote together.",
        participants=(
            *CARTER_PEOPLE[:6],
            (
                "Rachel Whitmore",
                "Designated safeguarding lead",
                "Brookfield Primary School",
                PROFESSIONAL,
                APOLOGIES,
            ),
            *CARTER_PEOPLE[6:],
        ),
        why_here={
            "child_voice": "Tyler said: 'It's better. Nan does Mondays and Thursdays now.'",
            "advocacy": "Tyler met the young carers worker twice.",
            "danger_statement": CARTER_DANGER,
            "safety_goals": CARTER_GOALS,
            "additional_information": "Rachel Whitmore sent apologies and a written update.",
            "questions": "Jason asked how long the plan might last.",
        },
        discussion=(
            (
                "working_well",
                "Jason Carter",
                PARENT,
                "",
                "Mum has Ruby when I'm bad and the school rings her straight away.",
            ),
            (
                "working_well",
                "Daniel Osei",
                PROFESSIONAL,
                "Castlegate High School",
                "Tyler's attendance is up from 79% to 91%.",
            ),
            (
                "not_working",
                "Tom Fairclough",
                PROFESSIONAL,
                "Northshire Adult Mental Health Service",
                "Jason missed two of the last five appointments.",
            ),
            (
                "new_worries",
                "Marcus Reid",
                PROFESSIONAL,
                "Northshire Children's Social Care",
                "The family has rent arrears and a notice seeking possession.",
            ),
        ),
        progress=("done", "in_progress", "done"),
        actions=(
            (
                "Help Jason apply for a housing payment plan",
                "Marcus Reid",
                21,
                "high",
                "new",
                ("Tyler", "Ruby"),
            ),
        ),
        scores={
            "Jason Carter": (8, 8),
            "Pauline Carter": (7, 8),
            "Marcus Reid": (5, 6),
            "Daniel Osei": (6, 6),
            "Tom Fairclough": (5, 5),
        },
        decisions={
            "Tyler": (
                "plan_continues",
                ("neglect", "emotional"),
                "The plan should continue.",
                "yes",
            ),
            "Ruby": ("plan_continues", ("neglect",), "The plan should continue.", "yes"),
        },
        chair_summary=(
            "Real progress: the children are cared for most days and Tyler is back in school. "
            "The plan is still needed until Jason's health has been steady for longer."
        ),
        dissent=(),
        core_group=(
            "Jason Carter",
            "Pauline Carter",
            "Marcus Reid",
            "Daniel Osei",
            "Tom Fairclough",
        ),
    ),
    DemoRecord(
        conference="price-initial",
        next_conference="price-review",
        family_meeting="Met Danielle and Ryan with Marcus; easy read agenda given in large print.",
        parents_report="Danielle completed the easy read 'my views' form with Siân.",
        participants=(
            ("Danielle Price", "Mother", "", "parent", PRESENT),
            ("Ryan Holt", "Mother's partner", "", "parent", PRESENT),
            (
                "Marcus Reid",
                "Social worker",
                "Northshire Children's Social Care",
                PROFESSIONAL,
                PRESENT,
            ),
            (
                "Gemma Hartley",
                "Health visitor",
                "Northshire Health Visiting Team",
                PROFESSIONAL,
                PRESENT,
            ),
            (
                "Siân Lloyd",
                "Recovery worker",
                "Northshire Drug and Alcohol Recovery Service",
                PROFESSIONAL,
                PRESENT,
            ),
            ("Laura Bennett", "Police constable", "Northshire Police", PROFESSIONAL, PRESENT),
            ("Ruth Akinola", "Chair", "Northshire Council", "chair", PRESENT),
        ),
        why_here={
            "child_voice": (
                "Ellie-Mae is 2. Gemma saw her go to her mum for comfort and settle quickly."
            ),
            "advocacy": "Not applicable at Ellie-Mae's age.",
            "danger_statement": (
                "Professionals are worried that when Danielle and Ryan use drugs, Ellie-Mae "
                "could swallow something left within reach or be left without an adult able "
                "to care for her."
            ),
            "safety_goals": (
                "Everyone wants Ellie-Mae to be cared for by a sober adult at all times, with all "
                "substances locked away, and for Danielle and Ryan to stay in treatment."
            ),
            "additional_information": "Ryan has been drug free for 5 weeks, tested by the service.",
            "questions": "Danielle asked for the minutes in easy read.",
        },
        discussion=(
            (
                "working_well",
                "Danielle Price",
                PARENT,
                "",
                "I go to every group and Ellie-Mae goes to nursery three mornings.",
            ),
            (
                "worries",
                "Laura Bennett",
                PROFESSIONAL,
                "Northshire Police",
                "A search in August found cannabis and needles in an unlocked kitchen drawer.",
            ),
        ),
        progress=(),
        actions=(
            (
                "Fit a lockable box for medicines and substances, checked at every visit",
                "Marcus Reid and Ryan Holt",
                5,
                "high",
                "new",
                ("Ellie-Mae",),
            ),
            (
                "Danielle and Ryan to attend the recovery programme weekly with testing",
                "Siân Lloyd",
                14,
                "high",
                "new",
                ("Ellie-Mae",),
            ),
        ),
        scores={
            "Danielle Price": (8,),
            "Ryan Holt": (8,),
            "Marcus Reid": (3,),
            "Gemma Hartley": (4,),
            "Siân Lloyd": (5,),
            "Laura Bennett": (3,),
        },
        decisions={
            "Ellie-Mae": ("plan_starts", ("neglect",), "A plan is needed.", "yes"),
        },
        chair_summary=(
            "Ellie-Mae is very young and drugs were found within her reach. She is likely to "
            "suffer significant harm through neglect; the parents' progress is a real strength."
        ),
        dissent=(),
        core_group=("Danielle Price", "Ryan Holt", "Marcus Reid", "Gemma Hartley", "Siân Lloyd"),
    ),
)


def seed_demo_part(seeded: Any) -> None:
    """A finalised record for each past conference, in order, through the services."""
    for demo in RECORDS:
        conference = seeded.conferences.get(demo.conference)
        if conference is None:
            continue
        existing = ConferenceRecord.objects.filter(conference=conference).first()
        if existing is not None:
            seeded.summary.count(existing, created=False)
            continue
        record = _write(demo, conference, seeded.conferences.get(demo.next_conference))
        seeded.summary.count(record, created=True)


def _write(demo: DemoRecord, conference: Conference, following: Conference | None) -> Any:
    chair: User = conference.chair
    record = services.record_start(conference=conference, actor=chair)
    carried = services.record_content(record)
    for key, content in _content(demo, conference, following, carried).items():
        part = record.parts.get(key=key)
        services.part_save(
            record=record, key=key, content=content, revision=part.revision, actor=chair
        )
    at = conference.starts_at + FINISHED_AFTER_START
    services.record_finalise(record=record, actor=chair, at=at)
    return record


def _content(
    demo: DemoRecord,
    conference: Conference,
    following: Conference | None,
    carried: dict[str, Any],
) -> dict[str, dict[str, Any]]:
    held_on = timezone.localdate(conference.starts_at)
    children = {c.given_name: c for c in conference.family.children.order_by("pk")}
    ids = {name: child.pk for name, child in children.items()}
    family = [p[0] for p in demo.participants if p[3] in parts.FAMILY_KINDS and p[4] == PRESENT]
    return parts.RecordContent(
        family_meeting=parts.FamilyMeeting(held="yes", notes=demo.family_meeting, attended=family),
        introductions=parts.Introductions(
            participants=[
                parts.Participant(name=n, role=r, agency=a, kind=k, attendance=at)
                for n, r, a, k, at in demo.participants
            ],
            parents_report=demo.parents_report,
            confidentiality_confirmed=True,
            equal_opportunities_confirmed=True,
        ),
        why_here=parts.WhyHere(**dict(demo.why_here)),
        discussion=parts.Discussion(
            entries=[
                parts.DiscussionEntry(heading=h, speaker=s, speaker_kind=k, agency=a, text=t)
                for h, s, k, a, t in demo.discussion
            ]
        ),
        plan=parts.Plan(actions=_actions(demo, held_on, ids, carried)),
        scaling=parts.Scaling(
            scores=[
                parts.Score(participant=person, child_id=child.pk, score=score)
                for person, scores in demo.scores.items()
                for child, score in zip(children.values(), scores, strict=True)
            ]
        ),
        decisions=parts.Decisions(
            children=[_decision(child, demo.decisions[name]) for name, child in children.items()],
            chair_summary=demo.chair_summary,
            dissent=[parts.Dissent(who=who, view=view) for who, view in demo.dissent],
        ),
        future_dates=parts.FutureDates(
            core_group_members=list(demo.core_group),
            core_group_on=_core_group_day(conference, held_on).isoformat(),
            next_review_on=timezone.localdate(following.starts_at).isoformat() if following else "",
            feedback_forms_sent=True,
            appeal_explained=True,
        ),
    ).to_json()


CARRIED_ACTION_NEW_DATE = timedelta(days=28)


def _actions(
    demo: DemoRecord, held_on: date, ids: dict[str, int], carried: dict[str, Any]
) -> list[parts.PlanAction]:
    """The actions carried forward, with this conference's progress, then the new ones. An
    action carried forward and still to do is given a new date after this conference (no
    action to come may be due before the meeting that agreed it)."""
    before = parts.Plan.from_json(carried[parts.PLAN]).actions
    kept = [
        _carried(action, progress, held_on)
        for action, progress in zip(before, demo.progress, strict=False)
    ]
    new = [
        parts.PlanAction(
            action=action,
            who=who,
            by_when=(held_on + timedelta(days=days)).isoformat(),
            priority=priority,
            progress=progress,
            carried_forward=False,
            child_ids=[ids[name] for name in names if name in ids],
        )
        for action, who, days, priority, progress, names in demo.actions
    ]
    return kept + new


def _carried(action: parts.PlanAction, progress: str, held_on: date) -> parts.PlanAction:
    due = parts.iso_date(action.by_when)
    if progress != "done" and due is not None and due < held_on:
        return replace(
            action, progress=progress, by_when=(held_on + CARRIED_ACTION_NEW_DATE).isoformat()
        )
    return replace(action, progress=progress)


def _decision(child: Any, decision: Decision) -> parts.ChildDecision:
    outcome, categories, views, consensus = decision
    return parts.ChildDecision(
        child_id=child.pk,
        name=child.full_name,
        suffered_harm="yes",
        likely_to_suffer="yes",
        outcome=outcome,
        categories=list(categories),
        professional_views=views,
        consensus=consensus,
    )


def _core_group_day(conference: Conference, held_on: date) -> date:
    """A working day well inside the policy's core group timescale."""
    calendar = calendar_for_policy(conference.family.local_authority.policy)
    return calendar.working_days_after(held_on, 7)
