"""Fictional report wording for the demo, written per kind of agency.

Every name, place and event is invented. The words are plain on purpose: they show what a
good report reads like, so the demo also teaches.
"""

from datetime import date, timedelta
from typing import Any

from cpconf.reportform import ReportForm

# What each kind of agency sees and says, keyed by the report form's agency groups.
WORRIES = {
    "school": (
        "{first} has been absent on 14 of the last 60 school days (77% attendance). On 6 of "
        "the days {first} did attend, they arrived after registration and told their teacher "
        "they had not had breakfast. {first} has fallen behind in reading since September."
    ),
    "health": (
        "{first} missed two health appointments in the last three months (the 2-year review "
        "and an immunisation). When I visited the home on a weekday morning, the living room "
        "floor had broken glass on it within reach of the children."
    ),
    "police": (
        "Police attended the family home twice since the last conference after neighbours "
        "reported shouting. On the second call-out the children were present and awake. No "
        "arrests were made."
    ),
    "adult_services": (
        "Mother has missed three of her last five appointments with our service. When she "
        "attends she says she is drinking most evenings. She told me the children are in bed "
        "by then; we have not been able to check this."
    ),
    "other": (
        "The family has rent arrears and a notice seeking possession. If they lose the "
        "tenancy the children may have to move school and away from their grandmother."
    ),
}

GOING_WELL = {
    "school": (
        "{first} is well liked by other children and takes part in lunchtime football. "
        "Mother came to both parents' evenings this year and asked how to help with reading."
    ),
    "health": (
        "The children's growth is on track. Mother asked for help with the younger child's "
        "sleep and has used the advice. The home was clean and warm at my last two visits."
    ),
    "police": "There have been no call-outs to the address in the last six weeks.",
    "adult_services": (
        "Mother has kept her last two appointments and has started a group programme. She "
        "named her sister as someone she can call when she is struggling."
    ),
    "other": "The family has engaged with the housing options team and a payment plan is agreed.",
}


# What a review adds to a section carried over from the previous report.
SINCE_LAST_CONFERENCE = {
    "involvement": "Since the last conference I have seen the children every week at school.",
    "worries": (
        "Since the last conference: attendance has improved to 90% this half term, but {first} "
        "still arrives hungry about once a week."
    ),
    "going_well": (
        "Since the last conference: mother has come to every core group meeting and rang the "
        "school herself when {first} was ill."
    ),
    "needs_to_happen": "Since the last conference: this still applies; attendance must hold.",
}


def _first_names(children: list[dict[str, Any]]) -> list[str]:
    return [child["name"].split(" ")[0] for child in children]


def _text_for(key: str, group: str, children: list[dict[str, Any]]) -> str:
    names = _first_names(children)
    first = names[0] if names else "The child"
    everyone = " and ".join(names) if names else "the children"
    texts = {
        "involvement": (
            f"I have known the family for 18 months and see {everyone} most weeks. To write "
            "this report I spoke with the class teacher, the school nurse and mother."
        ),
        "worries": WORRIES.get(group, WORRIES["other"]).format(first=first),
        "going_well": GOING_WELL.get(group, GOING_WELL["other"]).format(first=first),
        "child_views": (
            f"{first} told me on 3 occasions that they like school because 'it is calm here'. "
            f"{first} said they worry about mum when she is sad."
        ),
        "agency_support": (
            "We will offer a weekly check-in with a trusted adult, a place at breakfast club, "
            "and a monthly meeting with mother to review progress."
        ),
        "needs_to_happen": (
            f"{everyone} need to be at school every day, on time, having eaten. Safe would look "
            "like 95% attendance for a whole term and mother asking for help before things "
            "become a crisis."
        ),
        "if_nothing_changes": (
            f"If nothing changes, {first} is likely to fall further behind and to feel more "
            "anxious at home, and the younger children may be left without an adult awake."
        ),
        "anything_else": "",
        "not_known_enough": (
            "I do not know who looks after the children in the evenings when mother is out."
        ),
        "outcomes_changed": (
            "The likely outcomes are a little better than at the last conference, mainly "
            "because attendance has improved."
        ),
        "sustainable": (
            "The changes are recent (six weeks). It is too early to say they will last without "
            "the plan in place."
        ),
    }
    return texts.get(key, "")


def demo_answers(
    form: ReportForm,
    agency_kind: str,
    working_copy: dict[str, dict[str, Any]],
    *,
    shared: bool,
    shared_on: date,
) -> dict[str, dict[str, Any]]:
    """An answer to every part the form has; left-over answers from a previous report are
    kept, so a review reads as an update of it."""
    group = form.agency_group(agency_kind)
    children = working_copy.get("children", {}).get("children", [])
    answers: dict[str, dict[str, Any]] = {}
    for section in form.sections:
        current = working_copy.get(section.key) or {}
        match section.kind:
            case "text":
                text = _text_for(section.key, group, children)
                if current.get("text"):
                    first = (_first_names(children) or ["The child"])[0]
                    update = SINCE_LAST_CONFERENCE.get(section.key, "")
                    text = current["text"] + ("\n\n" + update.format(first=first) if update else "")
                if text:
                    answers[section.key] = {"text": text}
            case "restricted" if not current:
                answers[section.key] = {"text": "", "reason": ""}
            case "assessment":
                answers[section.key] = {
                    "children": [
                        {
                            **child,
                            "scaling": 4,
                            "recommendation": "child_protection_plan",
                            "reason": "The worries about neglect have not yet changed enough.",
                        }
                        for child in current.get("children", [])
                    ]
                }
            case "sharing":
                answers[section.key] = _sharing(shared, shared_on, working_copy)
            case "chronology":
                answers[section.key] = {
                    "entries": [
                        {
                            "date": (shared_on - timedelta(days=40)).isoformat(),
                            "event": "Home visit: the kitchen was clean and there was food.",
                            "source": "Own observation",
                        },
                        {
                            "date": (shared_on - timedelta(days=21)).isoformat(),
                            "event": "Missed appointment; mother rang the next day to rebook.",
                            "source": "Agency records",
                        },
                    ]
                }
            case "factors":
                answers[section.key] = {
                    "factors": [
                        {
                            "factor": "School attendance",
                            "kind": "risk",
                            "change": "diminished",
                            "how_much": "from 77% to 90% this half term",
                            "evidence": "School registers",
                        },
                        {
                            "factor": "Support from the children's grandmother",
                            "kind": "protective",
                            "change": "increased",
                            "how_much": "now collects the children twice a week",
                            "evidence": "Grandmother and mother both told me; seen at the gate",
                        },
                    ]
                }
    return answers


def _sharing(shared: bool, shared_on: date, working_copy: dict[str, dict[str, Any]]) -> dict:
    members = working_copy.get("family_members", {}).get("members", [])
    parent = members[0]["name"] if members else "the parents"
    if not shared:
        return {
            "shared": "no",
            "not_shared_reason": f"An appointment with {parent} is booked for next week.",
        }
    return {
        "shared": "yes",
        "shared_on": shared_on.isoformat(),
        "method": "in_person",
        "language_support": "none",
        "shared_with": parent,
        "comments": (
            "I know I need to get them to school. Things are better since I started the group."
        ),
        "not_shared_reason": "",
    }
