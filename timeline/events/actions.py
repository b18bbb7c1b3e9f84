"""What counts as a happening: the verbs and nouns of events, by kind of action.

A dated sentence is an event only when it says that something was done (a call,
a visit, an attack, a release, a statement, a ruling); "the minister had run out
of patience by March 4" is dated but reports no action. The kind of action also
tells two mentions of one happening ("freed three aid workers", "released the aid
workers") from two happenings on the same day (a release and a statement).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from timeline.dates.lexicon import has_case_twins
from timeline.trie import first_characters, trie_pattern

# Phrases of each kind, separated by spaces; "_" joins the words of one phrase.
ACTIONS: dict[str, str] = {
    "release": """release releases released releasing free frees freed freeing liberate liberated
        liberating liberation handed_over hand_over hands_over set_free swap swapped
        exchange exchanged""",
    "violence": """attack attacks attacked attacking strike strikes struck airstrike airstrikes
        air_strike air_strikes bomb bombs bombed bombing bombings bombardment
        bombardments shelled shelling raid raids raided invade invaded invading
        invasion incursion incursions offensive assault assaulted aggression fire fired
        firing shoot shot shot_down downed downing intercept intercepted interception
        ambush ambushed stormed seize seized capture captured abduct abducted kidnap
        kidnapped massacre kill killed killing wound wounded injure injured die died
        explosion exploded blast""",
    "contact": """call calls called phone_call phone_calls phoned spoke spoken speak speaks
        talked conversation video_call""",
    "meeting": """meet meets met meeting meetings talks held_talks took_place take_place
        takes_place was_held were_held be_held summit conference visit visits
        visited visiting travel travels traveled travelled traveling travelling trip
        tour toured arrive arrives arrived arrival landed returns returned hosts hosted
        convene convened discuss discussed discusses discussion discussions round_of_talks
        rounds_of_talks round_of_negotiations negotiating_round further_round new_round
        next_round another_round fresh_round""",
    "negotiation": """negotiate negotiates negotiated negotiating negotiation negotiations mediate
        mediated mediating mediation broker brokered brokering propose proposes
        proposed proposal offer offers offered request requests requested asked push
        pushed pressure pressured pressed lobbied""",
    "statement": """say says said saying tell tells told telling stated statement statements
        announce announces announced announcement declare declares declared declaration
        claim claims claimed confirm confirms confirmed deny denies denied warn warns
        warned warning urge urges urged urging demand demands demanded call_on calls_on
        called_on call_for calls_for called_for condemn condemns condemned condemnation
        praise praised hail hailed hint hinted insist insisted stress stressed
        emphasize emphasized emphasise emphasised pledge pledged vow vowed promise
        promised acknowledge acknowledged admit admits admitted reject rejects rejected
        refuse refused dismiss dismissed disavow disavowed accuse accused threaten
        threatened posted tweet tweeted wrote remarks speech interview briefing
        press_conference news_conference report reports reported publish published
        replied responded backtracked argued signalled signaled voiced cautioned
        compared comparison""",
    "agreement": """agree agrees agreed agreement deal truce ceasefire cease-fire accord signs
        signed signing treaty reach reached approve approves approved approval ratify
        ratified endorse endorsed accept accepts accepted secure secured conclude
        concluded finalize finalized finalise finalised settle settled settlement pact
        initialled initialed
        take_effect takes_effect took_effect went_into_effect go_into_effect
        come_into_force came_into_force entered_into_force apply_from applies_from
        applied_from""",
    "court": """ruled verdict sentenced convict convicted acquit acquitted indict
        indicted charged sue sued suing filed lawsuit hearing trial testify testified
        appealed fined deliberate deliberated deliberations""",
    "decision": """decide decided decision vote votes voted passed adopt adopted veto vetoed ban
        banned impose imposed sanction sanctioned lift lifted suspend suspended extend
        extended extension expire expired resume resumed halt halted pause paused
        postpone postponed delay delayed cancel cancelled canceled reopen reopened
        opened closed blocked allow allowed authorize authorized authorise authorised
        election elections referendum
        ordered appoint appointed resign resigned elect elected win won lose lost""",
    "operation": """begin begins began begun starts started end ends ended wrap_up wraps_up
        founded established took_over take_over takes_over seized_control took_control
        wrapped_up complete completed finish finished launch launches launched deploy
        deployed withdraw withdrew withdrawn enter entered cross crossed evacuate
        evacuated deliver delivered delivery deliveries send sent ship shipped provide
        provided produce produced mobilize mobilized mobilise mobilised""",
    "business": """merge merged merger acquire acquired acquisition buy bought sell sold purchase
        purchased takeover invest invested investment bid""",
    "market": """rose fell jumped surged soared plunged plummeted slumped tumbled climbed
        dropped""",
    "disaster": """landfall made_landfall erupted earthquake flooded flooding collapsed
        crashed sank derailed burned""",
    "protest": """protest protests protested demonstrate demonstrated demonstration
        demonstrations rally rallies rallied marched""",
}

# Words that put the clause they open before or after another happening.
SUBORDINATORS = (
    "after",
    "before",
    "following",
    "since",
    "until",
    "till",
    "from",
    "prior to",
    "ahead of",
    "in the wake of",
    "amid",
)
# Words that, right before a date, make it a boundary rather than the time of a happening.
BOUNDARY_WORDS = frozenset({"since", "until", "till", "through", "throughout"})
AUXILIARIES = frozenset(
    "is are was were be been being has have had get got gets will would".split()
)
GERUND_PREPOSITIONS = frozenset("of for about by without towards toward".split())
IRREGULAR_PARTICIPLES = frozenset(
    "taken held seen made done given sent built begun shot struck fought won lost "
    "brought caught hit kept left met paid put set sold spent told thrown written".split()
)
LETTERS = re.compile(r"[A-Za-z]+")
# How many texts' kinds of action are remembered: a document's clauses, and more.
KINDS_CACHE_SIZE = 1024


@cache
def _action_index() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The pattern of every action phrase, case-blind and for lower-cased text; each one's kind."""
    kinds = {
        phrase.replace("_", " "): kind
        for kind, words in ACTIONS.items()
        for phrase in words.split()
    }
    phrases = rf"(?<![\w-]){first_characters(kinds)}(?:{trie_pattern(kinds)})(?![\w-])"
    return re.compile(phrases, re.IGNORECASE), re.compile(phrases), kinds


def _is_gerund(text: str, found: re.Match[str]) -> bool:
    """Whether an "-ing" action word is a noun after a preposition ("a means of negotiating")."""
    if not found.group().lower().endswith("ing"):
        return False
    before = LETTERS.findall(text[max(0, found.start() - 40) : found.start()])
    if before and before[-1].lower() in ("and", "or") and len(before) > 1:
        return before[-2].lower().endswith("ing") or before[-2].lower() in GERUND_PREPOSITIONS
    return bool(before) and before[-1].lower() in GERUND_PREPOSITIONS


def action_words(text: str) -> list[re.Match[str]]:
    """Every action phrase in `text`, longest first, left to right; gerunds left out.

    Text without case twins is searched lower-cased, where the plain pattern
    finds the same phrases at the same offsets faster than the case-blind one:
    the matches are then of the lower-cased copy.
    """
    case_blind, lower_case, _ = _action_index()
    pattern = case_blind
    if not has_case_twins(text):
        pattern, text = lower_case, text.lower()
    return [m for m in pattern.finditer(text) if not _is_gerund(text, m)]


def actions_in(text: str) -> set[str]:
    """The kinds of action `text` reports ("release", "statement", ...)."""
    return set(_action_kinds(text))


@lru_cache(maxsize=KINDS_CACHE_SIZE)
def _action_kinds(text: str) -> frozenset[str]:
    """`actions_in`, remembered: a clause is asked about several times as it is read."""
    _, _, kinds = _action_index()
    return frozenset(kinds[m.group().lower()] for m in action_words(text))


def is_participle(word: str) -> bool:
    """Whether `word` looks like a past participle ("seized", "taken")."""
    lowered = word.lower()
    return lowered in IRREGULAR_PARTICIPLES or (len(lowered) > 4 and lowered.endswith("ed"))
