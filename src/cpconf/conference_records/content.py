"""What a conference record holds, agenda section by agenda section.

A record is a mapping of part key to that part's content, plain JSON, in the order of the
review conference agenda (seeds/004). The same mapping is frozen into a `RecordVersion`,
laid out as minutes, summarised in the outcome letter, read by the API and carried forward
into the next conference's record. Nothing here imports Django.

    family_meeting   {"held": "yes" | "no", "notes", "attended": [str]}
    introductions    {"participants": [Participant], "parents_report",
                      "confidentiality_confirmed": bool, "equal_opportunities_confirmed": bool}
    why_here         {"child_voice", "advocacy", "danger_statement", "safety_goals",
                      "additional_information", "questions"}
    discussion       {"entries": [{"heading", "speaker", "speaker_kind", "agency", "text"}]}
    plan             {"actions": [{"action", "who", "by_when", "priority", "progress",
                                   "carried_forward": bool, "child_ids": [int]}]}
    scaling          {"scores": [{"participant", "child_id", "score": int}]}
    decisions        {"children": [ChildDecision], "chair_summary",
                      "dissent": [{"who", "view"}]}
    future_dates     {"core_group_members": [str], "core_group_on", "next_review_on",
                      "child_in_need_meeting_on", "feedback_forms_sent": bool,
                      "appeal_explained": bool}

    Participant      {"name", "role", "agency", "kind" (PARTICIPANT_KINDS),
                      "attendance": "present" | "apologies"}
    ChildDecision    {"child_id", "name", "suffered_harm": "yes" | "no",
                      "likely_to_suffer": "yes" | "no", "outcome" (OUTCOMES),
                      "categories": [CATEGORIES], "professional_views",
                      "consensus": "yes" | "no"}

Dates are ISO dates ("2026-12-14"). "speaker_kind" is "parent" or "professional"; a
parent's entries are asked for, and listed, first. "consensus": "no" means the chair made the
decision (seeds/004: if there is no consensus, the chair decides).
"""

FAMILY_MEETING = "family_meeting"
INTRODUCTIONS = "introductions"
WHY_HERE = "why_here"
DISCUSSION = "discussion"
PLAN = "plan"
SCALING = "scaling"
DECISIONS = "decisions"
FUTURE_DATES = "future_dates"

# The agenda, in order: (part key, agenda section number, title).
AGENDA = (
    (FAMILY_MEETING, 1, "Meeting with the family"),
    (INTRODUCTIONS, 2, "Introductions and reports received"),
    (WHY_HERE, 3, "Why are we here today?"),
    (DISCUSSION, 4, "Discussion and current situation"),
    (PLAN, 4, "What needs to happen: the plan"),
    (SCALING, 5, "How safe are the children?"),
    (DECISIONS, 6, "Decisions"),
    (FUTURE_DATES, 7, "Future meetings, feedback and appeal"),
)
PART_KEYS = tuple(key for key, _number, _title in AGENDA)

PARTICIPANT_KINDS = (
    ("parent", "Parent or carer"),
    ("young_person", "Young person"),
    ("family", "Other family member or supporter"),
    ("professional", "Professional"),
    ("chair", "Chair"),
    ("minute_taker", "Minute taker"),
)
FAMILY_KINDS = ("parent", "young_person", "family")

DISCUSSION_HEADINGS = (
    ("working_well", "What is working well with the plan"),
    ("not_working", "What is not working well with the plan"),
    ("new_strengths", "New strengths and safety"),
    ("new_worries", "New worries"),
    ("complicating", "Complicating factors"),
)

PRIORITIES = (("high", "High"), ("medium", "Medium"), ("low", "Low"))
PROGRESS = (
    ("new", "New action"),
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("not_done", "Not done"),
)

# The decision for each child. The first two mean a child protection plan (and a category).
PLAN_CONTINUES = "plan_continues"
PLAN_STARTS = "plan_starts"
ENDS_CHILD_IN_NEED = "ends_child_in_need"
ENDS_EARLY_HELP = "ends_early_help"
ENDS_NO_FURTHER_ACTION = "ends_no_further_action"
OUTCOMES = (
    (PLAN_CONTINUES, "Child protection plan continues"),
    (PLAN_STARTS, "Child protection plan starts"),
    (ENDS_CHILD_IN_NEED, "Child protection plan ends: child in need plan"),
    (ENDS_EARLY_HELP, "Child protection plan ends: early help"),
    (ENDS_NO_FURTHER_ACTION, "Child protection plan ends: no further action"),
)
PLAN_OUTCOMES = (PLAN_CONTINUES, PLAN_STARTS)

CATEGORIES = (
    ("neglect", "Neglect"),
    ("physical", "Physical abuse"),
    ("emotional", "Emotional abuse"),
    ("sexual", "Sexual abuse"),
)
