"""The coach scored on labelled sentences. Run with ``pytest -s`` to see the figures.

- ``dev_set.jsonl``: a copy of ../shared/quality/dev_set.jsonl (kept here so a clean clone
  needs nothing outside the repository); the rules were written against it.
- ``tuning_set.jsonl``: sentences written for this project in the families the dev set
  missed (reported speech, hearsay, judgements phrased as progress, how a case moves between
  services), also tuned on.
- ``unseen_set.jsonl``: held out. Written before any tuning in those families, never tuned
  on: it measures how the coach does on sentences it was not fitted to. Before the tuning its
  kind accuracy was 0.787 (100/127) and its jargon recall 0.600.
- ``unseen_set_2.jsonl``: held out too, 59 sentences written fresh in the same families (and
  pronouns that mean an adult) before the second round of tuning, and committed before it
  with the engine's figures then: kind 0.700 (35/50), source 0.932. That round grew the
  tuning set (t099-t145) by families of sentence, never from these sentences. Its authors
  knew which families the held-out sets missed (an honest caveat: the sets measure sentences
  the rules were not written from, not a blind test); a new held-out set should be written
  before the next round.
- ``unseen_set_3.jsonl``: 41 sentences written once that round was settled, scored once,
  blind: kind 0.629 (22/35), source 0.854. The third round (tuning t146-t170) was written
  in the families it missed, so it too now measures informed rules.
- ``unseen_set_4.jsonl``: 44 sentences written once the third round was settled, scored
  once, blind: kind 0.667 (26/39), source 0.841. The fourth round (tuning t171-t190:
  judgements by adverbs of degree and worth, more words for people, forcing, marrying off,
  adults asking a child to meet, begging, drink-driving, a baby left crying) was written in
  the families it missed: now 0.949 (37/39), informed.
- ``unseen_set_5.jsonl``: 46 sentences in a report's usual mix, written once the fourth
  round was settled, scored once, blind: kind 0.905 (38/42), source 0.978 (45/46). The
  fifth round (tuning t191-t203: money and belongings taken, a partner controlled, a child
  kept in one place for hours, effort and commitment judged) was written in the families it
  missed: now 0.976 (41/42), informed.
- ``unseen_set_6.jsonl``: 45 sentences in a report's usual mix, written once the fifth round
  was settled, scored once, blind: kind 0.875 (35/40), source 0.956 (43/45), jargon
  precision 0.500 and recall 0.667. It stayed blind until a seventh set was being written;
  the sixth round then read its misses, which made it informed: now kind 1.000 (40/40),
  source 1.000, jargon precision and recall 1.000.
- The sixth round (tuning t207-t460) went by grammar and cue classes rather than phrases,
  in families written fresh, many shapes of each: reported speech whose clause starts with
  any noun phrase ("said older boys make him …", "said Mum's new boyfriend smacks him …",
  "said nobody gets up …") or whose speaker comes last ("…, Ruby told her teacher."); hearsay
  by its nouns and vague speakers (rumours circulating, gossip, whispers, "word in the
  community is", "people on the estate are saying", a service "has been told that …",
  information "passed to the police"); harm by class (someone outside the family acting on a
  child, coercion and payment, secrets, force on a body part or against a wall, food,
  warmth, a bed or clothes kept back, keys and messages controlled, following and tracking,
  a dirty or unsafe home, a child out late or left to care for others, a relationship taken
  up again); judgements of change and progress ("has become much calmer", "is a lot less
  anxious", "has not engaged", "continues to struggle", "has not taken responsibility") and
  of a person's engagement or parenting ("… has been poor", "… has improved"); what the writer
  saw "on both of my visits", "both times I called", "would not let me hold him"; "open" as
  a trait but not "open to the perinatal team"; case movement in more shapes ("stepped
  the plan down", "stepped across", "escalated her concerns to", "a transfer in
  conference", "re-referral"). With them, rows that must stay as they are: benign reported
  speech, comparisons of fact ("taller", "more hours", "improved to 96%"), hands held and
  coats pulled on. Three lexicon terms that held-out readers left unflagged were dropped
  ("minimises", "missing episode", "pupil referral unit") and "criminal exploitation" added.
  Before the rules, a probe of 34 sentences written for the purpose and never tuned on
  scored 24/34 for kind (19/34 with the fifth round's rules); its misses then became tuning
  rows t393-t426. A second probe of 35 sentences in a report's usual mix, written after
  those rules: kind 31/35 (30/35 with the fifth round's rules), source 33/35; 34 of its
  sentences became t427-t460 (the one left out, an observation told without "I", stays a
  known miss). A small learned model over words (naive Bayes, trained on dev and tuning)
  was tried for reported speech and not kept: on held-out sets it only matched the rules,
  because every scored reported sentence there is an allegation, and it called 19 of the
  ~50 unscored, harmless reported sentences allegations.

- ``unseen_set_7.jsonl``: 130 sentences in a report's usual mix, written once the sixth round
  was settled, scored once, blind: kind 0.891 (106/119), source 0.921 (117/127), jargon
  precision 0.929 and recall 0.897. It stayed blind until an eighth set was being written; the
  seventh round then read its misses, which made it informed: now kind 1.000 (119/119),
  source 1.000, jargon precision and recall 1.000, every flag F1 1.000.
- The seventh round (tuning t461-t503) went by the families set 7 missed, each in several
  shapes, with controls: hedged or graded judgements ("appears much calmer", "has declined
  sharply", "has struggled with", "has found it really hard to", "has refused to accept any
  responsibility", "has engaged with"; a subject's behaviour, engagement, parenting or attitude
  judged like the person; "From what we have observed" and "As far as I can tell" frame a view);
  reported allegations ("disclosed to a lunchtime supervisor that", "As the childminder
  reported", "is rumoured to carry a blade", "has been made aware that", a source named after
  "reported … by another pupil"; a child not collected or left waiting on their own, an adult
  let stay against the plan, messages about a child's body); observations without "I" (what
  someone did at a clinic, session or contact) and the writer's observation with someone's
  explanation after it ("…, which she said was from netball"); case movement ("referred on
  to", "escalated its worries to MASH", "stepped down to a CIN plan", an allegation passed to
  the LADO is a fact) beside everyday "stepped down from her role", "the threshold of the flat"
  and "referred on 4 May"; "The baby … her immunisations" is not ambiguous. Controls that stay
  facts: "attendance has declined to 81%", "so she could collect the children", a weight taken
  at a clinic. "unauthorised absence" is no longer flagged as jargon (set 7's reader left it).

- ``unseen_set_8.jsonl``: 110 sentences, half a report's usual mix and half the hard
  families (reported speech, hearsay, judgements phrased as progress, case movement beside
  the same words in everyday use), written by someone who saw neither the coach nor set 7
  while the seventh round was being made, and scored once, after it: kind 0.931 (94/101),
  source 0.962 (102/106), jargon precision 1.000 and recall 0.958, unattributed_report F1
  1.000, opinion_as_fact F1 0.800, ambiguous_child F1 0.889. Its misses: reported
  allegations about food and an adult staying or being messaged, read as facts; judgements
  of a parent's change ("has started to take responsibility", "confidence as a parent has
  grown", "has not shown any insight", "disengaged from") read as facts; one "escalated her
  worries … to the GP" not flagged. It stayed blind until a ninth set was being written; the
  eighth round then read its misses, which made it informed: now kind 1.000 (101/101), source
  1.000, jargon precision and recall 1.000, opinion_as_fact F1 0.957 and ambiguous_child F1
  0.889. Two flags stay as they were labelled differently: z087 ("confidence as a parent has
  grown since the last conference") is read as an opinion, as labelled, but flagged as stated
  without evidence, as every other bare judgement of change is; z048 ("She has been eating
  well …, according to Mum", about Evie and Kacper) is flagged as unclear. Its label reads
  "she" as Evie by her name, but the dev set labels "He was late …" about Lily and Jack
  unclear (d088): the coach does not guess a child's sex from a first name, so it keeps the
  dev set's convention.
- The eighth round (tuning t504-t547) went by the families set 8 missed, each in several shapes,
  with controls: a child's disclosure of neglect to any adult ("told his teacher that there is
  never any food", "only has toast for dinner", "goes to bed hungry", "lives on crisps",
  "let slip … that Mum doesn't buy food"); an adult staying or sleeping over at the address
  and a child in touch with an older man or stranger met online, under any report frame;
  judgements of a parent's change ("has begun to accept responsibility", "is starting to
  recognise", "has not demonstrated any understanding", "does not show much empathy",
  "disengaged from", "stopped engaging with", "her self-esteem has improved", "bond with the
  baby has strengthened"); evidence given as an -ing clause ("…, attending every weekly group",
  "keeping every appointment"); "escalated her concerns about … to the GP, the police, the
  paediatrician". Controls that stay facts: "has begun to take Leo to the dentist", "started to
  attend", "has not shown the letter", "weight has increased to 6.2 kg", "the argument
  escalated". The rows were written with the rules, then seven more from a second probe of
  new shapes (two of which the rules then missed: "let slip", "begun to take" over-read).

- ``unseen_set_9.jsonl``: 120 sentences written by someone who saw neither the coach nor sets
  7 and 8, while the eighth round was being made, in a report's usual mix with a sixth each of
  judgements of a parent's change and allegations passed on; scored once, after the eighth
  round: kind 0.909 (100/110), source 0.905 (105/116), jargon precision 0.973 and recall
  1.000, unattributed_report F1 0.900, opinion_as_fact F1 0.833, ambiguous_child F1 1.000.
  Its misses: judgements without a judging word ("Mum has really turned a corner", "is now
  managing the feeds with much more confidence", "has not made the changes that were asked of
  him", "is an angry man who frightens his children"), hearsay at the school gate and "from
  the community", a man at the door who "said he was a friend" (the writer's observation),
  the writer not seeing a parent look at the baby. It stayed blind until a tenth set was being
  written; the ninth round was then written from the families it missed (named in the brief for
  that round, and its misses read), which made it informed: now kind 1.000 (110/110), source
  1.000, jargon precision and recall 1.000, every flag F1 1.000. Its test still holds the coach
  to its first reading.
- The ninth round (tuning t548-t689) went by family, each in many shapes, with controls that
  stay facts. Judgements with no judging word: idioms of change ("has turned a corner", "has
  got her life back on track", "has stepped up for the boys", "has let the children down", "is
  a changed man", "is back to his old self", "has got to grips with"), advice taken "on board",
  doing what was asked or agreed ("has not made the changes that were asked of him", "has
  stuck to every part of the safety plan", "has not done what was agreed"; not "made changes
  to the bedroom"), a manner judged ("is managing the feeds with much more confidence"), "has
  shown she can", temperament ("an angry man", "bitter and resentful"; not "was angry about
  losing the match"). Hearsay from a crowd ("from the community", "from members of the
  public", "from local residents", "reports from … indicate"; neighbours stay named, as the
  earlier sets label them) and a criminal record or callers at all hours as what is alleged.
  The writer's own observation told through who came to the door ("a man I did not
  recognise", "the door was opened by", "the whole time I was there"), with the one the writer
  saw speaking after it read as the writer's ("When I spoke to Jayden, he told me …"), and a
  view joined by ", and she told me". An allegation being dealt with ("NFA on the assault
  allegation") is a fact; a scaling question is a view. "got engaged to her partner" is no
  longer flagged as jargon (the lexicon's everyday senses, data/jargon.toml). Before the rules,
  a hold-out of 48 sentences written for the purpose and never tuned on scored kind 32/46
  (0.696), source 35/48; after, 44/46 and 47/48. A second probe of 41 sentences in a
  report's usual mix, written after the rules, first read kind 35/40 (0.875); its misses
  (idioms, "what was agreed", anger as a feeling, crowds as speakers, callers at all hours)
  were then written into the rules, and its rows became t649-t689.

Blind, each set read once before any rule was written from it: 0.787, 0.700, 0.629, 0.667,
0.905, 0.875, 0.891, 0.931, 0.909, 0.936, 0.877, 0.885 for kinds. The first four sets lean on the
hard families; the others hold a report's usual mix with the hard families in it. Over the last
eight rounds the blind figure has stayed between 0.875 and 0.936: each round fixes the families
a set showed, and the next set shows new ones. All twelve sets are informed now: the first ten
are HELD_OUT, and the eleventh and twelfth have tests of their own for the labels they and
earlier sets disagree on (below).

- ``unseen_set_10.jsonl``: 130 sentences written by someone who saw neither the coach nor any
  earlier set, while the ninth round was made: a report's usual mix with at least ten each of
  reported speech, hearsay with no teller, judgements phrased as progress and case-movement
  words beside their everyday senses, and sentences naming two or more children. Scored once,
  blind, after the ninth round: kind 0.936 (103/110), source 0.945 (120/127), jargon
  precision 0.833 (15/18) and recall 0.682 (15/22), unattributed_report F1 1.000,
  opinion_as_fact F1 0.968, ambiguous_child F1 0.833. Its writer flagged "stepped down" and
  "escalated" in their service sense, where the dev set (d018) does not flag "stepped down":
  part of its jargon figure is that disagreement. It stayed blind until an eleventh set was
  being written; the tenth round then read its misses, which made it informed: now kind 1.000
  (110/110), source 1.000 (127/127), jargon precision and recall 1.000, every flag F1 1.000.
  Its test still holds the coach to its first reading. Its misses: a worry passed on with no
  harm word in it ("Concerns were raised that Milo and his sister were seen playing by the
  canal without an adult", a baby in his cot "for long stretches", a man seen at the school
  "even though the court told him to stay away"); a report of speech with an aside before
  what was told ("told me, quietly and without being asked, that …"); "is accused by his
  former partner"; the speaker named last after a phrase placing them ("…, her worker at the
  drug and alcohol service said."); "which Ms Begum shares with her three children" read as
  news; a meeting's decision read as a speaker ("… meeting on 8 October agreed"); a drug test
  "positive for cocaine" read as a judgement; "I weighed Darcy myself" read as a fact; "early
  help" and "Team Around the Family" not flagged, and "substance misuse service", "domestic
  incidents" and "closed to" before "CIN" flagged where its writer left them; "he" after two
  boys named together, and "they" in a report about three children.
- The tenth round (tuning t690-t830) went by those families, each in many shapes, with controls
  that stay as they are. A worry passed on ("Concerns were raised that …", "Worries have been
  shared that …", "There are concerns about Lexi arriving …") is an allegation whatever its
  words (data/cues.toml, kind.concern_report), but not "No concerns have been raised" nor a
  worry about a topic ("concerns about Mum's mental health"). Harm said without harm words: no
  adult or supervision, a canal, river, railway or main road, hours or long stretches in a
  cot, car seat or bouncer, an order, injunction or bail conditions broken, "told to stay
  away", "has no dinner". Speech with an aside between the telling and what was told; "accused
  by" a named accuser; a speaker named last after "at", "from" or "of" a place; "share" as
  news only with what was told ("shares a flat with", "share a bunk bed" are not). A date is
  not a speaker, nor a meeting ("the core group meeting on 9 January agreed" is its record); a
  test "positive for" a drug is a result; "declined the offer" is a refusal, not a decline;
  the writer's own checks ("I weighed", "I measured", "I tested") are observations. Jargon:
  "early help" and "team around the family" are flagged, and a move that takes in the service
  it went to is one finding ("stepped down to early help", "closed to CIN"), which keeps the
  earlier sets' labels (b031, t168, t425 flag only "stepped down") and set 10's in step; t492
  now flags "early help" too. "Domestic incident" left the lexicon (set 10's reader left it),
  and a service named by what it treats ("the substance misuse service") is not flagged. Which
  child: a pronoun after two children named together ("Callum and Rhys …, he"), and "they" with
  three or more children when the sentence does not say all of them and no adult or group is
  named there or just before. Before the rules, a hold-out of 50 sentences written for the
  purpose and never tuned on scored kind 31/46 (0.674), source 34/50; after, 46/46 and 50/50.
  A second probe of 40 sentences in new shapes, written after the rules, first read kind 32/34
  (0.941), source 36/40; its misses ("has no dinner", "stands accused by two neighbours",
  "share a bunk bed", "has declined both times") went into the rules, and 39 of its rows
  became t786-t824, with six controls beside them (t825-t830).

- ``unseen_set_11.jsonl``: 129 sentences written by someone who saw neither the coach nor any
  earlier held-out set, while the tenth round was made: a report's usual mix with reported
  speech (the speaker first, in the middle and last), hearsay with no teller, judgements of
  progress and effort, case-movement words beside their everyday senses, and sentences about
  two or more children. Its writer also wrote "Dad is a danger to the children.", which is
  word for word a rule example (data/examples.toml), so that line was taken out. Scored once,
  blind, after the tenth round: kind 0.877 (93/106), source 0.878 (108/123), jargon precision
  0.812 (26/32) and recall 1.000, unattributed_report F1 0.833, opinion_as_fact F1 0.706,
  ambiguous_child F1 1.000. With it the blind kind figures of the last seven rounds run 0.905,
  0.875, 0.891, 0.931, 0.909, 0.936, 0.877: the rules fit each set they are shown and do not
  carry to the next one at 0.95. It stayed blind until a twelfth set was being written; the
  eleventh round then read its misses, which made it informed: now kind 1.000 (106/106),
  source 1.000 (123/123), jargon precision 0.963 (26/27) and recall 1.000, every flag F1
  1.000. Its misses: a speaker named between commas ("Tommy, the lunchtime supervisor says,
  has been …") or last after a long tail ("…, the housing officer confirmed by email on 11
  June."); "is adamant that"; tellers nobody can trace read as named or missed ("I'm told",
  "I gather", "according to reports", "News has filtered through to school that"); judgements
  without a judging word ("has drifted back into his old ways", "is just going through the
  motions", "keeps choosing her own needs over Zara's", "has put a huge amount of effort
  into"); "doing brilliantly in Year 3" taken as evidenced by its digit; "which Ms Hussain is
  now challenging" read as a judgement; "for the whole of our hour-long session" not read as
  the writer's; "looks to me like"; and "signposted", "milestones", "parenting assessment" and
  "young carer" flagged where its reader left them. "SEN" in "the SEN register" was counted an
  extra finding because the scorer found the label inside "SENCO" (accuracy.py now looks for
  whole words first). One label conflict is left as it is: "hair strand tests" (b11_077) is
  not jargon to set 11's reader, but t747 in the tuning set flags "hair strand test"; the
  coach keeps flagging it, so set 11's jargon precision stays 26/27 and it does not join
  HELD_OUT (whose standard is 1.000); its own test holds it to its informed figures, with that
  one finding named, and to its blind reading.
- The eleventh round (tuning t831-t882) went by cause, across set 11's misses and the blind
  misses of sets 5-10 recorded above, rather than by phrase. Causes: (1) a judgement with no
  word on the judging list defaults to a fact (sets 8, 9 and 11; each round added the phrases
  it was shown, and the next set brought new ones); (2) who said it is found only in some
  places in the sentence, and the kind hangs on it, since harm is an allegation only when
  someone else tells it (speaker last in set 10, in the middle in set 11, "accused by",
  "is adamant that"); (3) tellers nobody can trace taken as named (set 9's crowds, set 11's
  "I'm told" and "according to reports"); (4) harm told without harm words (sets 8, 10, 11);
  (5) the writer's presence not read as observation ("I weighed" in set 10, "our session" in
  set 11); (6) a word read in another of its senses ("positive for", "declined the offer",
  "challenging" with an object, a school year's digit as evidence, everyday "signposted");
  (7) labels that disagree between sets (z048, z087, "stepped down", "hair strand tests"). The
  changes: a speaker may be named between commas inside what they said, or last after up to
  seven words, or be sure of an account ("adamant", "convinced", "certain"); Mum or Dad start
  a reported clause only with a verb after them ("rang Mum twice" is not speech); "I'm told",
  "I gather …", "I understand Mr Cole was …", "according to reports" and news that "filtered
  through" are untraced; a person said to be a kind of person is judged whatever the adjective
  unless it is a standing ("a warm and attentive parent", not "a single mum", "a first-time
  mother" or "a 29-year-old man"; across the labelled sets that construction is an opinion 30
  times in 33, and the three facts are standings); conduct idioms, priorities ("… over Zara's",
  "… ahead of the children") and effort in any wording; a school year or an age is not
  evidence; a person after "which" is the subject of a clause about something else; any part
  of the writer's session is theirs; "looks to me like" is a view; harm under a report takes in
  a child kept off school to care for others, "using again", the early hours, smelling of drink,
  sleeping in school clothes and care missed ("not been taken for her jabs"). "milestones"
  alone, "parenting assessment" and "young carer" left the lexicon ("developmental
  milestones" and "parenting capacity assessment" stay), and "poorly signposted" is everyday.
  Before the rules, a hold-out of 58 sentences written for the purpose in a report's usual mix
  and never tuned on scored kind 42/55 (0.764), source 46/58; after, 54/55 and 57/58, but some
  of its idioms were in view while the rules were written, so that figure flatters. A second
  probe of 42 sentences, written after the rules and read once, scored kind 28/40 (0.700) with
  the tenth round's rules and 32/40 (0.800) with these; its misses were six judgements without
  a judging word ("is a warm and attentive parent", "has finally started to face up to", "is
  always there for the children", "talks the talk", "is all talk", "putting the children's
  needs before her own"), untraced hearsay "heard through other parents", and "I would be
  surprised if". The kind-of-person rule was then written from the first of those and the
  labelled sets above (33/40 after it); the idioms were left as known misses, since a new list
  of them would only fit the probe. The blind reading of the next set will say whether the
  speaker mechanisms carry; the judgements without a judging word are the family to watch.

- ``unseen_set_12.jsonl``: 130 sentences written by someone who saw neither the coach nor any
  earlier held-out set, while the eleventh round was made, each line from a different imagined
  report section, in a report's usual mix with eight to twelve lines of each hard family.
  Its writer followed the dev set (d018) and flagged no case-movement word, where sets 10 and
  11 flag them in their service sense. Scored once, blind, after the eleventh round: kind
  0.885 (92/104), source 0.919 (113/123), jargon precision 0.893 (25/28) and recall 1.000,
  unattributed_report F1 0.952, opinion_as_fact F1 0.842, ambiguous_child F1 1.000. The blind
  kind figures of the last eight rounds: 0.905, 0.875, 0.891, 0.931, 0.909, 0.936, 0.877,
  0.885. A second labeller, given only the eleventh set's sentences and the dev set, agreed
  with its writer on every kind and source (106 and 123 of 123), so the gap to 0.95 is the
  rules' and not the labels'. It stayed blind until a thirteenth set was being written; the
  twelfth round then read its misses, which made it informed: now kind 1.000 (104/104), source
  1.000 (123/123), jargon precision 0.893 (25/28) and recall 1.000, unattributed_report F1
  1.000, opinion_as_fact F1 0.952, ambiguous_child F1 1.000. Its misses: what someone did at a
  family centre or through a core group meeting, told without "I" ("Nell ran to her father",
  "looked at her phone and left the room twice"), and "The cot I was shown", read as facts;
  "Talk at the school gate is that …" not read as hearsay; a home judged as a place for a
  baby ("is no place to bring up"), progress judged "impressive", effort "doing everything
  she can", an attitude "changed for the better", read as facts; harm without the words the
  lists knew, under a named or untraced teller ("shaking Lena by the shoulders", "pressures
  her to skip appointments", "driven past her house six times", "spending nights at an
  address … used by older men", "keeps Priya off school on Fridays to look after …"); a
  telling by phone with a long middle ("rang the police on 20 August to say"); "described as
  steady by his group facilitator" not read as named; "may explain why" read as a speaker.
  Four findings are left as they are, because its labels and earlier ones disagree, so it does
  not join HELD_OUT; its own test names them and holds it to everything else: "escalated" her
  concerns to a manager (b12_043), "stepped down" (b12_058) and "stepped up" (b12_125) to a
  plan are not jargon to its writer, as d018 in the dev set, but are flagged by the tuning set
  (t325, t457, t390), sets 10 and 11 and the rule examples, so the coach keeps flagging them;
  and "Ms Byrne's progress since the last review has been impressive" (b12_019) is read as an
  opinion, as labelled, but not flagged as stated without evidence, because the tuning set
  does not flag that shape (a person's engagement "has been excellent", "poor",
  "inconsistent": t252, t312, t378).
- The twelfth round (tuning t883-t1070) went by the mechanism behind each miss, not its phrase,
  each with controls that must stay as they are. (1) The writer's observation without "I": what
  someone does at a setting the writer attends (a session, contact, clinic, group, and now a
  family centre, meeting, conference, review or hearing), by the body's conduct (ran to,
  climbed, hid, fell asleep, walked out, raised his voice, stared at her phone), not by what the
  meeting decided or what someone asked for; and what the writer was shown or taken round ("the
  room I was shown", "we were taken upstairs"). (2) Hearsay by its nouns: talk, gossip, the
  story or the word "is that …", wherever it is going round. (3) The harmed person named: every
  harm pattern that took "her", "him" or "them" as the one harmed now takes a name too ("forces
  Lucy to stand", "shaking Tia"), but not a sentence's own words ("The", "When", …), and not
  payment (pocket money); "shook hands" and "shook his head" are not harm. (4) Harm classes new
  to the lists: pressure or coercion into anything, someone's home watched (driven past, sat
  outside in a car, loitering outside the refuge; not her school), a child taken without a
  parent's agreement or not brought back (not to the dentist), a place older men use. (5)
  Tellers: a contact before the telling may carry up to eight words ("phoned the duty team late
  on Sunday night to say"), the listener may sit inside the telling ("let the health visitor
  know that", "made the school aware that"), a passive telling may carry its complement
  ("described as steady by", "confirmed as 92% by"), and a speech verb after "may", "might" or
  "could" is a possibility ("may explain why"), which is a view. (6) Judgements without a
  judging word: a home is "no place" or "not a suitable home" for a child, effort in any wording
  ("doing all he can", "trying her hardest", "gone above and beyond"), change by its direction
  ("changed for the better"), "grown as a parent", and a person's progress, efforts, commitment
  or co-operation judged by any evaluative word ("impressive", "admirable", "disappointing",
  "has come on a great deal"). Set 12's misses were fixed first; then a probe of 61 sentences
  written for the purpose (the families above and their controls, written with those rules in
  view, so it only checks them) read 58/61 on kind, source and flags together; its misses (a
  long middle, "92%", a shared flat) went into the rules but for the shared flat, an older
  reading ("is shared by her brother" is read as a telling), left out of the rows. A second
  probe of 33 sentences in shapes the rules had not been written for, read once, scored kind
  24/32 (0.750) and source 27/33 (with the eleventh round's rules, 21/32 and 24/33): "let the
  health visitor know", "taken him without her agreement", "has come on a great deal", "grown as
  a parent", "efforts … have been admirable", "At the child in need review, Mum cried", "forces
  Lucy", and a control ("This house is not a good distance from the school") read as a judgement
  by the older rule that "a good" after "is not" judges whatever it names. All but that control
  were then written into the rules and became tuning rows, with five more controls found while
  writing them (pocket money, a handshake, a hand held to cross the road) and four that check
  this note's examples (t980-t983). The second probe is the honest figure for the next blind
  set: the families are read better than before, but new shapes of them still fall to the
  default (a fact) about one time in four. So a third probe of 36 sentences in new shapes again
  (tuning t984-t1019), written after those rules and read once, scored kind 25/34 (0.735) and
  source 29/36, exactly what the eleventh round's rules scored on it: the first part of the
  round had carried nothing to it. Its misses, by mechanism: a telling of what was heard or seen
  ("has reported hearing loud bangs"); an accuser named as the subject ("his ex-wife has accused
  him of"); calls, letters or referrals with no teller ("several anonymous calls about"; an
  anonymous caller who said something stays a named teller, as d047 in the dev set has it); a
  plan broken ("which the plan does not allow"); a child collected late again and again, or out
  late at night with a parent; progress judged by how it moves ("has dropped off", "has
  settled"); "consistent" and "good enough" not judging words. Those went into the rules, and
  with them the one change of this round that is not a family's: a person said to be something
  in any word the judging list does not hold is judged ("is brave", "has been impressive", "the
  children are safe"), unless the word places the person or tells their state (late, away,
  pregnant, retired, bankrupt, housebound, deaf, bilingual, a participle, a number;
  data/cues.toml, judgement.not_judging), when the person is named first in the sentence and no
  judging words are found; anywhere else in the sentence it cost more than the rest of the
  judgement rule (the coach was 3% slower with it), so "Since March, Mum has been resourceful"
  is still read as a fact. Over every labelled set it changed one reading ("Sophie was born at
  home", now kept a fact) before the exclusions were written, so on labelled report text it
  seldom reads a fact as a judgement; what it will gain on the next set is not known. Controls
  for it are t1020-t1034. Three probe rows were left out as labels a reader could argue ("Ms Obi
  rang me … to cancel" as the writer's or Ms Obi's; a police report of an arrest as a fact or an
  allegation; "has been let down by services" as a view of the services or a fact), and one as a
  known miss: "Kai did not look up when his mum came into the room", the writer's observation of
  a moment with nothing to say the writer was there. Last, a fourth probe of 35 sentences in a
  report's usual mix (tuning t1035-t1066, with four controls written after it, t1067-t1070),
  written when all of the above was in, read once: kind 25/33 (0.758), source 27/35, the same as
  with the eleventh round's rules. That is nearer what the next blind set will show than any
  informed figure, and it says the round's rules do not yet carry: each new writer's shapes are
  new. Its misses were then written in by mechanism (someone else's observation passed on with
  "that"; a teller who kept their name back; a relationship judged; any adverb before a judging
  word, "fiercely protective"; turning up at the flat and not leaving; a police log as a
  record), which brought it to kind 30/33. Three stay known misses, left out of the rows: "On
  the phone, Ms Dunn was tearful" (the writer's call not read as their observation), "Isla's
  speech is behind what would be expected" (a development judged), and "When I asked about the
  bruise …, Isla said she fell off the climbing frame" (a child's explanation to the writer,
  read as an allegation for its "bruise"). Two of its labels were set by the conventions above
  rather than as first written: "remains unwilling to discuss the incident on 19 February" is
  not flagged (a date is evidence), and "has a warm relationship with her grandmother" is (a
  judgement of a person with nothing to show it).

- ``unseen_set_13.jsonl``: 130 sentences written by someone who saw neither the coach nor any
  earlier held-out set, while the twelfth round was made, each line from a different imagined
  report section: 82 in a report's usual mix and twelve of each hard family (reported speech
  with the speaker named, hearsay with no teller, judgements worded as progress or plain
  description, words for how a case moves between services beside the same words in everyday
  use). Its writer flagged case-movement words in their service sense, as sets 10 and 11 and
  the coach do, and wrote down the 23 labels they hesitated over and why
  (``unseen_set_13_notes.md``). Scored once, blind, after the twelfth round: kind 0.876
  (99/113), source 0.921 (117/127), jargon precision 0.903 (28/31) and recall 0.933 (28/30),
  unattributed_report F1 0.960, opinion_as_fact F1 0.846, ambiguous_child F1 1.000 — as the
  round's own probes foretold (0.735 and 0.758 on kind). Kept blind; its test holds the coach
  to that reading. Its misses, read for what the next round should look at and not yet written
  into any rule: judgements stated as plain description ("the home conditions have improved
  considerably", a parent "clearly struggling"), a record read as a telling and the other way
  round, allegations told without a harm word, the writer's observation of a moment, and two
  service phrases ("closed to us", "de-registered"). The blind kind figures of the last nine
  rounds: 0.905, 0.875, 0.891, 0.931, 0.909, 0.936, 0.877, 0.885, 0.876.
- The kind model (``cpconf.quality.kind_model``, trained by ``training/kind_model.py``). Thirteen
  rounds of cue lists read each new writer's sentences at 0.88 to 0.94, however many shapes
  each round added. A logistic regression over TF-IDF weights of words, trained on every
  labelled set but the one left out, read the left-out one better than the rules had read it
  blind. The settings were chosen by leaving out one of sets 1 to 12 and the dev set at a
  time (C=10, the 2,000 heaviest words; word pairs read no better and cost twice the time),
  set 13 chose how sure the model must be to overrule the cues (0.965 at 0.6, 0.956 at 0.5,
  0.938 at 0.7), and set 13 then joined the training: it reads kind 1.000 and source 0.961
  now, its jargon as read blind. Sentences labelled with no kind (news passed on that claims
  no harm, plans) are trained as a fifth class that never overrules the cues: trained on the
  four kinds alone, the model made a third of them allegations or opinions ("Mum told me she
  has stopped drinking"). Findings do not depend on a sentence's kind, so no flag changed; a
  source follows its kind, and reads better.

- ``unseen_set_14.jsonl``: 130 sentences written blind (its writer read only the README, the
  dev set, DESIGN.md and the seeds), committed before anything was scored on it and never
  trained on (``training/kind_model.py`` leaves it out). With the cue lists alone it reads
  kind 0.902 (101/112) and source 0.919 (114/124). Its first reading with a kind model (word
  pairs, four classes) was kind 0.982 (110/112) and source 0.968 (120/124): that is its blind
  figure, which its test holds the coach to. The model then changed twice for reasons found
  elsewhere (the fifth class, from the reference corpus's reported sentences; the coach's own
  words and no pairs, for speed), and each change was read on it once more: 0.973, then 0.991
  (111/112) with source 0.968, which is what it reads now. Jargon precision 0.634 (26/41),
  recall 1.000: its writer left case-movement words ("stepped down", "escalated", "closed to")
  unflagged, following d018 (``unseen_set_14_notes.md``), where the coach flags them in their
  service sense as sets 10, 11 and 13 do; that is most of the precision.

- ``unseen_set_15.jsonl``: 130 sentences written blind in the same way, asked for in the
  registers real reports use (terse contact notes and chronology entries with dates, long
  winding sentences, "we" and "the team", observations written without "I"), committed
  before it was scored and read once, with the model kept. One sentence was also in set 14,
  from an example both writers were given ("The home is chaotic and the children have no
  routine", read right in both), and was taken out of this set after the reading: 129
  sentences, kind 0.856 (95/111), source 0.828 (101/122), jargon precision 0.653 (32/49) and
  recall 0.941 (32/34), unattributed_report F1 0.889, opinion_as_fact F1 0.917,
  ambiguous_child F1 1.000. With the cue lists alone it reads kind 0.757 (84/111) and source
  0.803: the model adds ten points, and 0.95 is not reached on this writer's text. Ten of its
  sixteen kind misses are the writer's observations written without "I" ("On arrival the
  flat was cold", "The child had no coat on although it was 3°C", "Contact 14/05 - mum 25
  mins late"), read as facts or opinions; the rest are a referral that carries a child's
  account of harm, "known to police in connection with", progress judged with its evidence,
  and an attendance count read as a view. Kept blind and out of training; its test holds the
  coach to that reading. Since then informed: the register sets below were written in the
  families it showed (described to their writers, never shown its sentences), and it reads
  kind 0.901 (100/111), source 0.844.

- ``register_set.jsonl``: 242 sentences written to be trained on, in the registers the blind
  sets showed the coach reads worst: the writer's own observations written without "I"
  ("Seen alone in her bedroom; …", "No food in the fridge at the visit"), contact notes and
  chronology entries headed by who called or wrote ("Phone call from Oakfield Primary,
  11.20: …", "Anonymous call 2/3: …", "Housing officer: …"), "we" for the writer's team,
  with controls (records, plans, terse judgements, news passed on that claims no harm).
  Its writer read the dev set and the tuning set, never sets 14 to 16. The kind model read it
  at 0.674 of kinds before it was trained on it (0.549 with the cue lists alone); the note
  headers became source cues (data/cues.toml).

- ``unseen_set_16.jsonl``: 130 sentences written blind (its writer read only the shared
  quality README, the dev set, DESIGN.md and the seeds), asked for in a report's usual mix
  across every register, committed before it was scored (d27ff77) and never trained on. Read
  once with the model of set 15's reading: kind 0.918 (101/110), source 0.919 (114/124),
  jargon precision 0.808 (21/26) and recall 1.000, unattributed_report F1 0.889,
  opinion_as_fact F1 0.778, ambiguous_child F1 0.889; with the cue lists alone, kind 0.855.
  Read a second time once the register set was trained on (written without sight of it):
  kind 0.936 (103/110), source 0.935 (116/124). Read a third time once the second register
  set was trained on as well: kind 0.964 (106/110), source 0.944 (117/124). Nothing was written
  from its sentences, but the second register set's writer saw five of them (b16_011, b16_073,
  b16_078, b16_080, b16_097: a search of hers matched every unseen set, below) and reworded
  her rows that came close; none of the five was ever a kind miss, and without them the set
  reads kind 0.962 (102/106) and source 0.950 (113/119). Its test holds the coach to its first
  reading.

- ``register_set_2.jsonl``: 267 sentences by a second writer, written to be trained on in
  the same families and in more records (safeguarding logs, police logs, health records), with
  terse verdicts ("Engagement: poor.", "Risk: high."). She read the dev and tuning sets; a
  search meant for sets 2 to 13 also printed thirteen lines of sets 15 and 16 starting "We",
  "Our" or "On arrival" (listed in ``register_set_2_notes.md``), and she reworded or dropped
  her rows close to them. She labelled a school's or a service's own account ("The school has
  noticed that …", "The nursery's view is …") as the writer's, where the coach reads a named
  service as a third party (as sets 1 to 13 do), which is most of the sources it reads
  otherwise; and terse verdicts as opinions stated as fact, which the coach does not flag.

- ``unseen_set_17.jsonl``: 130 sentences written blind in the same way (its writer read only
  the shared quality README, the dev set, DESIGN.md and the seeds, and was told to open
  nothing in the repository), committed before it was scored (afcf820) and never trained on.
  Read once, with both register sets trained on and headed verdicts read: kind 0.927
  (102/110), source 0.919 (114/124), jargon precision 0.792 (19/24) and recall 0.864 (19/22),
  unattributed_report F1 0.917, opinion_as_fact F1 0.941, ambiguous_child F1 0.947; with the
  cue lists alone, kind 0.818 (90/110) and source 0.855. So on a third new writer the model
  again adds about eleven points and stops short of 0.95. Six of its eight kind misses are
  again the writer's observations without "I" and without a verb of seeing (a bruise "noted
  to" an arm, a child "seen on her own in school", a parent drowsy "at her 2pm appointment",
  a toddler "pointing to pictures" at a review); one is a chronology line of the writer's own
  visit, which the first register set labels a record; one a paediatrician's opinion of the
  cause of a bruise, an allegation. Its misses were read, so it is informed from here.

- ``register_set_3.jsonl``: 200 sentences by a third writer, written to be trained on in the
  families set 17 showed (described to her, never shown): marks on a body noted without "I",
  a child seen alone on a date or in a place and what the child did, how a parent or child was
  at an appointment or check, and a professional's view of what caused an injury (an
  allegation), with controls; and eight controls written after it (p201-p208): someone "seen"
  by a hospital, a GP or a clinic on a date is an appointment on record. The cue lists also
  learnt the first three families (data/cues.toml, kind.perception), where a date can still
  make the model read a record ("Mr Lowe was unsteady at the 10am appointment on 4 May").

- ``unseen_set_18.jsonl``: 130 sentences written blind in the same way, by a helper asked to
  imagine seven writers from seven services, each with their own habits (long first-person
  paragraphs, terse dated notes, a school's "we", formal passive police wording, probation's
  "the writer"); committed before it was scored (13fc58f), never trained on, and read once,
  with the third register set trained on and the perception cues above: kind 0.955
  (105/110), source 0.912 (114/125), jargon precision 0.697 (23/33) and recall 0.920 (23/25),
  unattributed_report F1 0.900, opinion_as_fact F1 0.778, ambiguous_child F1 1.000; with the
  cue lists alone, kind 0.845 (93/110) and source 0.880. Its test holds the coach to that
  reading. Informed on 7 December: its misses were described to the fourth register set's
  writer.

- ``register_set_4.jsonl``: 188 sentences by a fourth writer, to be trained on, in twelve
  families drawn from the misses of sets 16 to 18 (described, never shown): claims passed on
  with other verbs ("has complained three times", "rang to report"), a relative's account
  with an event inside it, agencies and their records ("Police intelligence indicates"),
  formal statuses ("managed under MAPPA level 1"), conditional predictions, worries about a
  child, presence on record, a service's "we" actions, dated visit notes with a parent's
  words, sweeping judgements, headed items and figures, each with controls. Its writer
  followed d018 and left case-movement and criminal-justice terms unflagged ("escalated",
  "on licence", "bail conditions"), which the coach flags: hence its jargon precision. It
  was written as 207: the brief quoted sentences of sets 16 to 18 as examples, and the 19 rows
  sharing half or more of their words with a held-out sentence (five word for word) were
  taken out before it was trained on (``register_set_4_notes.md``). Trained on with them, sets
  16 to 19 had read two to three sentences better: those readings were never kept.

- ``unseen_set_19.jsonl``: 130 sentences written blind (the shared README, the dev set,
  DESIGN.md and the seeds only) in seven authors' voices not asked for before (a midwife, a
  paediatrician, a youth justice worker, early help, CAMHS, a kinship carers' supervising
  social worker, a GP practice), committed before it was scored (bbae54b), never trained on.
  Read first with the model as the day began: kind 0.897 (96/107), source 0.911 (113/124),
  jargon precision 0.788 (26/33) and recall 0.867 (26/30), unattributed_report F1 0.960,
  opinion_as_fact F1 0.947, ambiguous_child F1 1.000; with the cue lists alone, kind 0.841
  (90/107). With the fourth register set trained on (written without sight of it): kind
  0.888 (95/107). Then informed: two of its misses were a view stated in so many words ("In
  my opinion ...", "I consider that ...") that the model overruled, which it no longer may
  (``test_stated_views.py``), and its misses were described to the fifth register set's
  writer; it reads kind 0.944 (101/107), source 0.919.

- ``register_set_5.jsonl``: 195 sentences by a fifth writer, to be trained on, in eleven
  families drawn from set 19's misses, in the voices of midwives, paediatricians, GP
  practices, CAMHS, youth justice, early help and supervising social workers: the writer's
  own role and visiting pattern (a record), children's accounts of past harm, records of
  contacts with negatives ("has not been seen on her own at any antenatal contact"), a
  judgement headed before its evidence, clinical presentation ("presenting as"), an agency's
  own view in the third person, contractions ("We've watched ..."), past scores, examination
  findings without "I", framed clinical opinions on an injury, and scenes found on a visit,
  each with controls. Written as 209; 14 rows following set 19's quoted sentences were taken
  out in the same way.

- ``unseen_set_20.jsonl``: 130 sentences written blind in the same way, in seven more voices
  (an IDVA, an adult mental health care coordinator, a school nurse, a nursery, an emergency
  department liaison health visitor, a speech and language therapist, a PCSO), committed
  before it was scored (07116c1), never trained on, its misses never read. Read with the
  fourth register set and the stated-view rule: kind 0.857 (90/105), source 0.862
  (106/123); with the fifth register set trained on too (the model kept, read twice: before
  and after the rows above were taken out, the same both times): kind 0.848
  (89/105), source 0.854 (105/123), jargon precision 0.838 (31/37) and recall 0.756 (31/41),
  unattributed_report F1 1.000, opinion_as_fact F1 0.800, ambiguous_child F1 0.952; with the
  cue lists alone, kind 0.762 (80/105). A register set lifts the registers it was written
  in (set 19: 0.888 to 0.944) and not the next writer's new ones: 0.95 is reached on
  writers in the registers trained on, not on a writer in seven registers never seen.
  Informed since: its misses were described to the sixth register set's writer, and six
  words it flagged that the coach did not became jargon entries (non-mobile, buckle
  fracture, relapse signature, expressive and receptive language, target hardening).

- ``register_set_6.jsonl``: 207 sentences by a sixth writer, to be trained on, in twelve
  families drawn from set 20's misses (described, never quoted), in the voices of IDVAs,
  adult mental health, school nurses, nurseries, emergency department liaison, speech and
  language therapy and PCSOs: a child's words and play in the writer's own session, a
  nursery's notice on arrival, a school nurse's dated entries, a child's accusation at a
  drop-in, a relative finding signs of drinking, contractions, hospital attendances on
  record, the writer's hedged reading of records, headed scaling, developmental judgements
  with their evidence, the writer's own sightings, transfers of care. Two rows sharing half
  their words with a held-out sentence were taken out.

- ``unseen_set_21.jsonl``: 130 sentences written blind in the same way (an education welfare
  officer, a paediatric ward nurse, a young carers' worker, a refuge, adult social care, a
  perinatal mental health nurse, a Family Nurse Partnership nurse), committed before it was
  scored (79c0f8d). Read first with the fifth register set: kind 0.872 (95/109), source 0.871
  (108/124), jargon precision and recall 0.846 (22/26), unattributed_report F1 0.875,
  opinion_as_fact F1 0.706, ambiguous_child F1 0.957; with the cue lists alone, kind 0.725.
  Read again with the sixth register set trained on (written without sight of it): kind
  0.890 (97/109). Then informed: its misses were described to the seventh register set's
  writer.

- ``register_set_7.jsonl``: 197 sentences by a seventh writer, to be trained on, in thirteen
  families drawn from set 21's misses: ward shift notes, one occasion at the writer's own
  group, hearsay with no one named ("I've heard that ..."), money taken by a partner as a
  relative tells it, sweeping judgements, hedged professional terms with their reason,
  screening results on record, services in place, first-person scaling with its reason,
  plans now due, a parent describing her own thoughts to a clinician, the writer's own
  involvement, how someone seemed on an outing. Its brief paraphrased some of set 21's
  sentences (the lesson of the fourth and fifth was not yet kept): the eight rows that
  followed them closely were taken out before training (``register_set_7_notes.md``).

- ``unseen_set_22.jsonl``: 130 sentences written blind in the same way (a SENCo, a child
  exploitation worker, a fire service home safety adviser, a family group conference
  coordinator, a temporary accommodation worker, a health visitor and the social worker),
  committed before it was scored (4812e22), never trained on, its misses never read. Read
  with the sixth register set: kind 0.857 (90/105), source 0.878 (108/123); with the seventh
  trained on too (the model kept): kind 0.867 (91/105), source 0.886 (109/123), jargon
  precision 0.897 (26/29) and recall 0.813 (26/32), unattributed_report F1 0.857,
  opinion_as_fact F1 0.727, ambiguous_child F1 1.000; with the cue lists alone, kind 0.762.
  Four new writers in a row (sets 19 to 22) read 0.857 to 0.897 at first; each register set
  lifted the set it was written from by five to eight sentences, and the next new writer by
  at most two. Informed since: its misses were described to the eighth register set's
  writer, and two of them were the writer's contractions ("I've heard that ...", "We've
  noticed ..."), which the cue lists now read as the words they stand for
  (``test_contractions.py``).

- ``register_set_8.jsonl``: 205 sentences by an eighth writer, to be trained on, in twelve
  families drawn from set 22's misses (described, never quoted): a room or scene found on the
  writer's visit without "I", a child's behaviour over weeks in the school's voice, hearsay
  from people not named, an agency's belief stated at a multi-agency meeting, arrests that
  name the complaint behind them, a relative's offer of help with its limits, sweeping
  judgements of a home, what a child still finds hard, a meeting the writer ran, a meeting
  with a parent, agency gradings, and another professional's report quoted. One row sharing
  half its words with a held-out sentence was taken out.

- ``unseen_set_23.jsonl``: 130 sentences written blind in the same way (a head of year, a
  sexual health nurse, a probation officer, a children's centre worker, a hospital midwife, a
  housing officer and the chair's summary of the last conference), committed before it was
  scored (a44b7bc), never trained on, its misses never read. Read with the seventh register
  set and the contraction cues: kind 0.924 (97/105), source 0.869 (106/122); with the eighth
  trained on too (the model kept): kind 0.924 (97/105), source 0.861 (105/122), jargon
  precision 0.818 (27/33) and recall 0.794 (27/34), unattributed_report F1 0.783,
  opinion_as_fact F1 0.714, ambiguous_child F1 0.957; with the cue lists alone, kind 0.790.
  Read twice more as the cue lists changed (below): kind 0.924 both times, source 106/122.

- ``unseen_set_24.jsonl``: 130 sentences written blind in the same way in seven more voices
  (a GP practice's safeguarding lead, a police public protection officer, a CAMHS clinician,
  a drug and alcohol recovery worker, a class teacher, an early help practitioner and the
  conference chair), committed before it was scored (ce0df4b), never trained on, its misses
  never read. One row's text and labels were seen by accident in a search across the sets (a
  man "seen to" wait outside a school, labelled an allegation with no known source); nothing
  was changed for it. First reading: kind 0.952 (100/105), source 0.884 (107/121), jargon
  precision 0.900 (36/40) and recall 0.923 (36/39), unattributed_report F1 0.900,
  opinion_as_fact F1 0.917, ambiguous_child F1 0.875; with the cue lists alone, kind 0.810.
  After the quotation, name-calling and jargon changes drawn from set 25: kind 0.962
  (101/105), source 0.893 (108/121). Its writer flagged case-movement words as jargon
  against d018, as the issue asks and the brief said.

- ``unseen_set_25.jsonl``: 130 sentences written blind in the same way (a community
  paediatrician, a youth justice worker, a sports club welfare officer, an adult mental
  health social worker, visit notes through an interpreter, a nursery key person and the
  social worker's analysis), committed before it was scored (09b35d0). First reading: kind
  0.924 (97/105), source 0.893 (108/121), jargon precision 0.909 (20/22) and recall 0.690
  (20/29), unattributed_report F1 0.800, opinion_as_fact F1 0.933, ambiguous_child F1 0.933;
  with the cue lists alone, kind 0.838. Then informed: its misses showed a child's words
  quoted after a verb of telling ('said to his coach "Dad kicked me …"') read as the writer's
  own (the quoted "me"), name-calling passed on read as a record, and medical, mental health
  and youth justice terms not flagged. Those families were built and tested with sentences of
  their own (``test_quoted_words.py``, ``test_harm_in_everyday_words.py``, the rule examples);
  read again: kind 0.943 (99/105), source 0.909 (110/121), jargon recall 0.931 (27/29). Its
  writer flagged "Referral Order", which five rows of earlier sets leave unflagged: not made
  jargon.

- ``unseen_set_26.jsonl`` and ``unseen_set_27.jsonl``: 130 sentences each, written blind in
  the same way in fourteen more voices (a perpetrator programme facilitator, a community
  children's nurse, an emergency department consultant, a play therapist, a family hostel
  manager, a young people's substance misuse worker, a children's advocate; a child abuse
  investigation officer, a pupil referral unit, a community dental service, an asylum support
  caseworker, a short breaks service, a kinship carers' supervising worker, a team manager),
  committed before they were scored (899add1, 3571221), never trained on, their misses never
  read (one null-kind row of set 27 was seen in a comparison of readings, and nothing was
  changed for it). First readings: set 26 kind 0.933 (98/105), source 0.926 (113/122),
  jargon precision 0.879 (29/33) and recall 0.725 (29/40); set 27 kind 0.962 (101/105),
  source 0.950 (115/121), jargon precision 0.765 (26/34) and recall 0.650 (26/40); with the
  cue lists alone, kind 0.819 and 0.857. Both writers flagged "engaged" and "insight" alone,
  and set 27's left "stepped down" unflagged (d018).

- ``register_set_9.jsonl``: 202 sentences by a ninth writer, in twelve families drawn from set
  25's misses (its brief paraphrased some of them; four rows sharing half their words with a
  held-out sentence were taken out). Trained on, it moved the four blind sets (23, 24, 26,
  27) from 397 to 398 of 420 and the informed sets 14 to 22 from 930 to 931 of 979, and made
  the model read a child's account passed on ("… said his mum fell asleep on the settee and
  he couldn't wake her") as the writer's observation: not trained on
  (``training/kind_model.py``, ``NOT_ADOPTED``).
"""

import pytest

from cpconf.quality.cue_lists import load
from tests.quality.accuracy import DEV_SET, HERE, Scores, load_rows, score

TUNING_SET = HERE / "tuning_set.jsonl"
UNSEEN_SET = HERE / "unseen_set.jsonl"
SECOND_UNSEEN_SET = HERE / "unseen_set_2.jsonl"
THIRD_UNSEEN_SET = HERE / "unseen_set_3.jsonl"
FOURTH_UNSEEN_SET = HERE / "unseen_set_4.jsonl"
FIFTH_UNSEEN_SET = HERE / "unseen_set_5.jsonl"
SIXTH_UNSEEN_SET = HERE / "unseen_set_6.jsonl"
SEVENTH_UNSEEN_SET = HERE / "unseen_set_7.jsonl"
EIGHTH_UNSEEN_SET = HERE / "unseen_set_8.jsonl"
NINTH_UNSEEN_SET = HERE / "unseen_set_9.jsonl"
TENTH_UNSEEN_SET = HERE / "unseen_set_10.jsonl"
ELEVENTH_UNSEEN_SET = HERE / "unseen_set_11.jsonl"
TWELFTH_UNSEEN_SET = HERE / "unseen_set_12.jsonl"
THIRTEENTH_UNSEEN_SET = HERE / "unseen_set_13.jsonl"
FOURTEENTH_UNSEEN_SET = HERE / "unseen_set_14.jsonl"
FIFTEENTH_UNSEEN_SET = HERE / "unseen_set_15.jsonl"
SIXTEENTH_UNSEEN_SET = HERE / "unseen_set_16.jsonl"
SEVENTEENTH_UNSEEN_SET = HERE / "unseen_set_17.jsonl"
EIGHTEENTH_UNSEEN_SET = HERE / "unseen_set_18.jsonl"
NINETEENTH_UNSEEN_SET = HERE / "unseen_set_19.jsonl"
TWENTIETH_UNSEEN_SET = HERE / "unseen_set_20.jsonl"
TWENTY_FIRST_UNSEEN_SET = HERE / "unseen_set_21.jsonl"
TWENTY_SECOND_UNSEEN_SET = HERE / "unseen_set_22.jsonl"
BLIND_SET = HERE / "unseen_set_23.jsonl"
TWENTY_FOURTH_UNSEEN_SET = HERE / "unseen_set_24.jsonl"
TWENTY_FIFTH_UNSEEN_SET = HERE / "unseen_set_25.jsonl"
TWENTY_SIXTH_UNSEEN_SET = HERE / "unseen_set_26.jsonl"
TWENTY_SEVENTH_UNSEEN_SET = HERE / "unseen_set_27.jsonl"
TWENTY_EIGHTH_UNSEEN_SET = HERE / "unseen_set_28.jsonl"
TWENTY_NINTH_UNSEEN_SET = HERE / "unseen_set_29.jsonl"
THIRTIETH_UNSEEN_SET = HERE / "unseen_set_30.jsonl"
THIRTY_FIRST_UNSEEN_SET = HERE / "unseen_set_31.jsonl"
# Written to be trained on, in the registers the blind sets showed (not held out).
REGISTER_SET = HERE / "register_set.jsonl"
SECOND_REGISTER_SET = HERE / "register_set_2.jsonl"
THIRD_REGISTER_SET = HERE / "register_set_3.jsonl"
FOURTH_REGISTER_SET = HERE / "register_set_4.jsonl"
FIFTH_REGISTER_SET = HERE / "register_set_5.jsonl"
SIXTH_REGISTER_SET = HERE / "register_set_6.jsonl"
SEVENTH_REGISTER_SET = HERE / "register_set_7.jsonl"
EIGHTH_REGISTER_SET = HERE / "register_set_8.jsonl"
REGISTER_SETS = (
    REGISTER_SET,
    SECOND_REGISTER_SET,
    THIRD_REGISTER_SET,
    FOURTH_REGISTER_SET,
    FIFTH_REGISTER_SET,
    SIXTH_REGISTER_SET,
    SEVENTH_REGISTER_SET,
    EIGHTH_REGISTER_SET,
)
HELD_OUT = (
    UNSEEN_SET,
    SECOND_UNSEEN_SET,
    THIRD_UNSEEN_SET,
    FOURTH_UNSEEN_SET,
    FIFTH_UNSEEN_SET,
    SIXTH_UNSEEN_SET,
    SEVENTH_UNSEEN_SET,
    EIGHTH_UNSEEN_SET,
    NINTH_UNSEEN_SET,
    TENTH_UNSEEN_SET,
)
# The sets read blind one at a time since the tenth, each informed once the next was written.
INFORMED_SINCE = (ELEVENTH_UNSEEN_SET, TWELFTH_UNSEEN_SET, THIRTEENTH_UNSEEN_SET)
# Never trained or tuned on (training/kind_model.py leaves them out): the fourteenth was read
# three times as the kind model changed, the fifteenth once blind (then informed), the
# sixteenth three times as register sets were added (never read), the seventeenth, the
# eighteenth and the nineteenth once each (then informed), the twentieth and the twenty-first
# and the twenty-second twice each, before and after the register set that followed them (then
# informed), the twenty-third twice in the same way (never read), then twice more as cue
# lists changed; the twenty-fourth and the twenty-fifth once each before any change they could
# have informed, then once after (the twenty-fifth informed since); the twenty-sixth and the
# twenty-seventh once, then once with the ninth register set trained on (not kept); the
# twenty-eighth and the twenty-ninth once, on 7 December, before anything was written from them
# (the twenty-eighth informed since, and the twenty-ninth after the thirtieth and the
# thirty-first were written: test_clipped_notes.py); the thirtieth and the thirty-first once,
# before and after the round drawn from the twenty-ninth (the same both times).
NOT_TRAINED_ON = (
    FOURTEENTH_UNSEEN_SET,
    FIFTEENTH_UNSEEN_SET,
    SIXTEENTH_UNSEEN_SET,
    SEVENTEENTH_UNSEEN_SET,
    EIGHTEENTH_UNSEEN_SET,
    NINETEENTH_UNSEEN_SET,
    TWENTIETH_UNSEEN_SET,
    TWENTY_FIRST_UNSEEN_SET,
    TWENTY_SECOND_UNSEEN_SET,
    BLIND_SET,
    TWENTY_FOURTH_UNSEEN_SET,
    TWENTY_FIFTH_UNSEEN_SET,
    TWENTY_SIXTH_UNSEEN_SET,
    TWENTY_SEVENTH_UNSEEN_SET,
    TWENTY_EIGHTH_UNSEEN_SET,
    TWENTY_NINTH_UNSEEN_SET,
    THIRTIETH_UNSEEN_SET,
    THIRTY_FIRST_UNSEEN_SET,
)
TARGET_ACCURACY = 0.9
TARGET_JARGON = 0.9
TARGET_F1 = 0.85
# The held-out sets, all informed now (see the note above): what the coach achieves on them.
UNSEEN_KIND = 0.95
UNSEEN_SOURCE = 0.95
UNSEEN_JARGON = 1.0
# The eleventh set, informed: held to the held-out standard but for one finding its labels and
# the tuning set's (t747) disagree on.
ELEVENTH_LABEL_CONFLICT = "b11_077 jargon extra 'hair strand tests'"
# The twelfth set, informed: every sentence read as labelled but for four findings its labels
# and earlier ones disagree on (see the note above): case-movement words its writer left
# unflagged, as the dev set does (d018), where the tuning set, sets 10 and 11 and the rule
# examples flag them (t325, t457, t390); and a judgement of progress flagged as stated without
# evidence, where the tuning set does not flag the same shape (t252, t312, t378).
TWELFTH_LABEL_CONFLICTS = [
    "b12_019 opinion_as_fact missed",
    "b12_043 jargon extra 'escalated'",
    "b12_058 jargon extra 'stepped down'",
    "b12_125 jargon extra 'stepped up'",
]


def _scored(path) -> Scores:
    scores = score(load_rows(path))
    print(f"\nQuality coach on {path.name}\n" + scores.report())
    if scores.mistakes:
        print("Mistakes:\n  " + "\n  ".join(scores.mistakes))
    return scores


def test_the_labelled_sets_are_here_and_complete():
    assert len(load_rows(DEV_SET)) == 100
    assert len(load_rows(TUNING_SET)) >= 90
    assert len(load_rows(UNSEEN_SET)) >= 120
    assert len(load_rows(SECOND_UNSEEN_SET)) >= 55
    assert len(load_rows(THIRD_UNSEEN_SET)) >= 40
    assert len(load_rows(FOURTH_UNSEEN_SET)) >= 40
    assert len(load_rows(FIFTH_UNSEEN_SET)) >= 45
    assert len(load_rows(SIXTH_UNSEEN_SET)) >= 45
    assert len(load_rows(SEVENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(EIGHTH_UNSEEN_SET)) >= 110
    assert len(load_rows(NINTH_UNSEEN_SET)) >= 120
    assert len(load_rows(TENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(ELEVENTH_UNSEEN_SET)) >= 129
    assert len(load_rows(TWELFTH_UNSEEN_SET)) >= 130
    assert len(load_rows(THIRTEENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(FOURTEENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(FIFTEENTH_UNSEEN_SET)) >= 129
    assert len(load_rows(SIXTEENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(SEVENTEENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(EIGHTEENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(NINETEENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTIETH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_FIRST_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_SECOND_UNSEEN_SET)) >= 130
    assert len(load_rows(BLIND_SET)) >= 130
    assert len(load_rows(TWENTY_FOURTH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_FIFTH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_SIXTH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_SEVENTH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_EIGHTH_UNSEEN_SET)) >= 130
    assert len(load_rows(TWENTY_NINTH_UNSEEN_SET)) >= 130
    assert len(load_rows(THIRTIETH_UNSEEN_SET)) >= 130
    assert len(load_rows(THIRTY_FIRST_UNSEEN_SET)) >= 130
    for path in (DEV_SET, TUNING_SET, *HELD_OUT, *INFORMED_SINCE, *NOT_TRAINED_ON):
        assert {"text", "kind", "source", "jargon", "children"} <= load_rows(path)[0].keys()


def test_no_sentence_is_in_two_sets():
    sets = (DEV_SET, TUNING_SET, *HELD_OUT, *INFORMED_SINCE, *NOT_TRAINED_ON, *REGISTER_SETS)
    texts = [{row["text"] for row in load_rows(path)} for path in sets]
    for first, one in enumerate(texts):
        for other in texts[first + 1 :]:
            assert not one & other


def test_no_rule_example_is_a_held_out_sentence():
    # The rule examples are tuned on too (data/examples.toml).
    examples = load("examples")
    tuned = {
        sentence
        for table in examples.values()
        for values in table.values()
        if isinstance(values, list)
        for sentence in values
        if isinstance(sentence, str)
    }
    for path in (*HELD_OUT, *INFORMED_SINCE, *NOT_TRAINED_ON):
        assert not tuned & {row["text"] for row in load_rows(path)}, path.name


# Kinds trained on, sources as the cue lists read them today, and jargon precision (the
# first set: a drop-off note whose only speaker is the parent the writer watched, and "We had
# a call from the police saying …"; the second: a service's own account labelled as the
# writer's, above; the fourth and fifth: writers who left unflagged words the coach flags, such as
# "escalated", "on licence" and "supervised contact", and who labelled an agency's passed-on
# account and a service's own records differently from the cue lists; the eighth: a note
# the writer watched a child write, quoted, now read as the child's words passed on, since a
# quotation is the speaker's own, ``test_quoted_words.py``).
# Kind, source, jargon precision and jargon recall.
REGISTER_READINGS = {
    "first": (REGISTER_SET, 215 / 215, 233 / 235, 1.0, 1.0),
    "second": (SECOND_REGISTER_SET, 232 / 234, 226 / 254, 1.0, 37 / 38),
    "third": (THIRD_REGISTER_SET, 195 / 195, 198 / 208, 1.0, 1.0),
    "fourth": (FOURTH_REGISTER_SET, 172 / 172, 152 / 185, 15 / 26, 1.0),
    "fifth": (FIFTH_REGISTER_SET, 174 / 175, 175 / 194, 13 / 28, 1.0),
    "sixth": (SIXTH_REGISTER_SET, 197 / 197, 182 / 207, 35 / 54, 35 / 41),
    "seventh": (SEVENTH_REGISTER_SET, 174 / 175, 166 / 192, 40 / 54, 40 / 46),
    "eighth": (EIGHTH_REGISTER_SET, 184 / 184, 179 / 205, 25 / 37, 25 / 30),
}


def _read_at_least(path, kind, source, precision, recall):
    """The set read at least this well: kind, source, jargon precision and recall."""
    scores = _scored(path)
    assert scores.kind_accuracy >= kind
    assert scores.source_accuracy >= source
    assert scores.jargon.precision >= precision
    assert scores.jargon.recall >= recall


@pytest.mark.parametrize("name", list(REGISTER_READINGS))
def test_the_registers_trained_on_are_read_as_labelled(name):
    _read_at_least(*REGISTER_READINGS[name])


@pytest.mark.parametrize("path", [DEV_SET, TUNING_SET], ids=["dev", "tuning"])
def test_every_figure_is_perfect_on_the_sets_tuned_on(path):
    scores = _scored(path)
    assert scores.mistakes == []
    assert scores.kind_accuracy == scores.source_accuracy == 1.0
    assert scores.jargon.precision == scores.jargon.recall == 1.0


def test_accuracy_on_the_dev_set():
    scores = _scored(DEV_SET)
    assert scores.kind_accuracy >= TARGET_ACCURACY
    assert scores.source_accuracy >= TARGET_ACCURACY
    assert scores.jargon.recall >= TARGET_JARGON
    assert scores.jargon.precision >= TARGET_JARGON
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag


@pytest.mark.parametrize(
    "path",
    HELD_OUT,
    ids=[
        "held-out",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    ],
)
def test_accuracy_on_sentences_never_tuned_on(path):
    scores = _scored(path)
    assert scores.kind_accuracy >= UNSEEN_KIND
    assert scores.source_accuracy >= UNSEEN_SOURCE
    assert scores.jargon.precision >= UNSEEN_JARGON
    assert scores.jargon.recall >= UNSEEN_JARGON
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag


def test_accuracy_on_the_eleventh_set_now_it_is_informed():
    scores = _scored(ELEVENTH_UNSEEN_SET)
    assert scores.kind_accuracy >= UNSEEN_KIND
    assert scores.source_accuracy >= UNSEEN_SOURCE
    assert scores.jargon.recall >= UNSEEN_JARGON
    assert [m for m in scores.mistakes if " jargon " in m] == [ELEVENTH_LABEL_CONFLICT]
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag


def test_accuracy_on_the_twelfth_set_now_it_is_informed():
    scores = _scored(TWELFTH_UNSEEN_SET)
    assert scores.kind_accuracy >= UNSEEN_KIND
    assert scores.source_accuracy >= UNSEEN_SOURCE
    assert scores.jargon.recall >= UNSEEN_JARGON
    assert scores.mistakes == TWELFTH_LABEL_CONFLICTS
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag


def test_accuracy_on_the_thirteenth_set_now_it_is_informed():
    # The kind model is trained on it, and it chose how sure the model must be; no rule was
    # written from it, so its jargon and flags read as they did blind.
    scores = _scored(THIRTEENTH_UNSEEN_SET)
    assert scores.kind_accuracy == 1.0
    assert scores.source_accuracy >= UNSEEN_SOURCE
    for flag, counts in scores.flags.items():
        assert counts.f1 >= 0.84, flag


# Each set, the one time it was read blind (before the round written from it; the
# fifteenth is still blind): kind, source, jargon precision and jargon recall, which it may
# not fall below whatever later rounds do. The eleventh's precision is as the scorer then
# counted it; looking for whole words, it is 26/31. The fourteenth was first read with the
# kind model (with the cue lists alone it read kind 101/112, source 114/124); its writer
# left case-movement words unflagged (d018), which the coach flags, hence its precision.
BLIND_READINGS = {
    "ninth": (NINTH_UNSEEN_SET, 100 / 110, 105 / 116, 36 / 37, 1.0),
    "tenth": (TENTH_UNSEEN_SET, 103 / 110, 120 / 127, 15 / 18, 15 / 22),
    "eleventh": (ELEVENTH_UNSEEN_SET, 93 / 106, 108 / 123, 26 / 32, 1.0),
    "twelfth": (TWELFTH_UNSEEN_SET, 92 / 104, 113 / 123, 25 / 28, 1.0),
    "thirteenth": (THIRTEENTH_UNSEEN_SET, 99 / 113, 117 / 127, 28 / 31, 28 / 30),
    "fourteenth": (FOURTEENTH_UNSEEN_SET, 110 / 112, 120 / 124, 26 / 41, 1.0),
    "fifteenth": (FIFTEENTH_UNSEEN_SET, 95 / 111, 101 / 122, 32 / 49, 32 / 34),
    "sixteenth": (SIXTEENTH_UNSEEN_SET, 101 / 110, 114 / 124, 21 / 26, 1.0),
    "seventeenth": (SEVENTEENTH_UNSEEN_SET, 102 / 110, 114 / 124, 19 / 24, 19 / 22),
    "eighteenth": (EIGHTEENTH_UNSEEN_SET, 105 / 110, 114 / 125, 23 / 33, 23 / 25),
    "nineteenth": (NINETEENTH_UNSEEN_SET, 96 / 107, 113 / 124, 26 / 33, 26 / 30),
    # The second reading (the first, before the fifth register set: 90/105 and 106/123).
    "twentieth": (TWENTIETH_UNSEEN_SET, 89 / 105, 105 / 123, 31 / 37, 31 / 41),
    "twenty-first": (TWENTY_FIRST_UNSEEN_SET, 95 / 109, 108 / 124, 22 / 26, 22 / 26),
    # The second reading, with the seventh register set (the first: 90/105 and 108/123).
    "twenty-second": (TWENTY_SECOND_UNSEEN_SET, 91 / 105, 109 / 123, 26 / 29, 26 / 32),
    # The second reading, with the eighth register set (the first: 97/105 and 106/122).
    "twenty-third, blind": (BLIND_SET, 97 / 105, 105 / 122, 27 / 33, 27 / 34),
    # First readings, before this round's cues and jargon entries (after them: the
    # twenty-fourth 101/105 and 109/121; the twenty-fifth, informed, 101/105 and 111/121; the
    # twenty-sixth 99/105; the twenty-seventh 101/105).
    "twenty-fourth, blind": (TWENTY_FOURTH_UNSEEN_SET, 100 / 105, 107 / 121, 36 / 40, 36 / 39),
    # Jargon precision as read since the capacity entry: the row labels "capacity" in "has
    # capacity", and the scorer finds the label at its first whole word, in "Mental Capacity
    # Act", so the flag on "has capacity to make decisions" counts as both a miss and an extra.
    "twenty-fifth": (TWENTY_FIFTH_UNSEEN_SET, 97 / 105, 108 / 121, 27 / 30, 20 / 29),
    "twenty-sixth, blind": (TWENTY_SIXTH_UNSEEN_SET, 98 / 105, 113 / 122, 29 / 33, 29 / 40),
    "twenty-seventh, blind": (TWENTY_SEVENTH_UNSEEN_SET, 101 / 105, 115 / 121, 26 / 34, 26 / 40),
    "twenty-eighth, blind": (TWENTY_EIGHTH_UNSEEN_SET, 97 / 105, 107 / 121, 22 / 35, 22 / 29),
    "twenty-ninth": (TWENTY_NINTH_UNSEEN_SET, 102 / 105, 116 / 121, 29 / 38, 29 / 33),
    "thirtieth, blind": (THIRTIETH_UNSEEN_SET, 98 / 105, 108 / 121, 23 / 30, 23 / 25),
    "thirty-first, blind": (THIRTY_FIRST_UNSEEN_SET, 98 / 105, 109 / 121, 26 / 31, 26 / 27),
}


@pytest.mark.parametrize("name", list(BLIND_READINGS))
def test_accuracy_does_not_fall_below_a_sets_blind_reading(name):
    _read_at_least(*BLIND_READINGS[name])


def test_kind_accuracy_over_every_informed_held_out_sentence():
    # The ten informed held-out sets together: 773 of 773 today (766 of 773 before the
    # tenth round, when the tenth set was still blind).
    scores = [score(load_rows(path)) for path in HELD_OUT]
    right = sum(s.kind_right for s in scores)
    scored = sum(s.kind_scored for s in scores)
    print(f"\nKind over every held-out sentence: {right}/{scored} = {right / scored:.3f}")
    assert right / scored >= UNSEEN_KIND
