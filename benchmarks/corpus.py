"""A made-up archive of news-like saved pages, and stores of any size, for speed figures.

Every document is built from the templates and word lists below: a headline, a
byline with its date, article paragraphs whose sentences carry dates in many
written forms, and the furniture of a saved web page (navigation, credits,
adverts, newsletter blurbs, related-article teasers, reader comments, a copyright
line). Document `i` depends only on the seed and `i`, so a corpus of 100 is the
first 100 documents of a corpus of 10,000 and the same seed always gives the same
bytes.

Example:
    python benchmarks/corpus.py 1000 /tmp/corpus --seed 7      # 1,000 documents
    python benchmarks/corpus.py 100000 /tmp/events.yaml --store  # a store of 100,000 events
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random

from timeline.model import DocumentRecord, Event, Source, Store
from timeline.store import save

DEFAULT_SEED = 7
FIRST_PUBLISHED = date(2015, 1, 1)
ARCHIVE_DAYS = 3650
SMALL_SIZES = (2_000, 8_000)
LARGE_SIZES = (10_000, 40_000)
LARGE_SHARE = 0.12
EVENTS_PER_DOCUMENT = 20
UNDATED_SHARE = 0.7

MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
AP_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
SHORT_MONTHS = [name[:3] for name in MONTH_NAMES]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NUMBER_WORDS = "two three four five six".split()


def _words(text: str) -> tuple[str, ...]:
    """A word list written one entry per `|`, so entries may hold spaces."""
    return tuple(" ".join(entry.split()) for entry in text.split("|"))


COUNTRIES = """France Germany Japan Brazil India Kenya Nigeria Egypt Qatar Turkey Canada Mexico
    Indonesia Norway Chile Vietnam Poland Australia Argentina Ghana Morocco Peru Ethiopia
    Colombia Jordan Pakistan Spain Italy Senegal Malaysia Thailand Ukraine Sweden""".split()
CITIES = """Geneva Nairobi Doha Brussels Jakarta Lima Oslo Cairo Ottawa Seoul Warsaw Accra
    Istanbul Vienna Singapore Montevideo Rabat Lisbon Manila Dakar Amman Bogota""".split()
FIRST_NAMES = """Amara Lucas Mei Tomasz Ines Kwame Sofia Rahul Elena Omar Hannah Diego Yuki
    Fatima Pieter Aisha Marco Leila Jonas Chloe Ibrahim Nadia Felipe Grace Arjun Zanele""".split()
LAST_NAMES = """Okafor Lindqvist Tanaka Novak Haddad Mensah Rossi Kapoor Petrov Castillo Brandt
    Nakamura Diallo Moreau Kowalski Santos Farouk Jensen Mwangi Ortega Chen Baptiste""".split()
OUTLETS = _words("""The Daily Ledger|Northern Courier|The Evening Dispatch|Harbour Times
    |The Continental Review|Metro Observer|The Morning Record|Global Wire Weekly""")
DESKS = _words("diplomatic correspondent|business reporter|senior writer|staff reporter|editor")
AGENCIES = ["AP", "AFP", "Reuters", "Getty Images", "EPA", "Anadolu Agency", "Handout"]
SECTIONS = "Home World Business Markets Politics Tech Science Opinion Sport Culture Video".split()
USERS = _words("""nightowl42|J.Miller|truthseeker_88|Old Reader|mapmaker|lindaK|Pat from Ohio
    |skeptic2020|frank_talk|BlueRiver|Anon|quietobserver""")


@dataclass(frozen=True)
class Field:
    """The words of one kind of story: who acts in it, about what, and how it is told.

    In templates, {c} is a country, {a} and {b} a country or one of `bodies`,
    {p} a person with one of `titles`, {when} (or {When} at a sentence start) a
    date in one of many written forms.
    """

    bodies: tuple[str, ...]
    titles: tuple[str, ...]
    subjects: tuple[str, ...]
    headlines: tuple[str, ...]
    sentences: tuple[str, ...]


FIELDS: dict[str, Field] = {
    "diplomacy": Field(
        _words("""the United Nations|the European Union|the African Union|the Arab League
            |ASEAN|NATO"""),
        _words("Foreign Minister|Prime Minister|President|Ambassador|Special Envoy"),
        _words("""a prisoner exchange|the border dispute|a ceasefire|visa rules|fishing rights
            |the hostage talks|a water-sharing treaty"""),
        _words("""{c} and {b} agree to resume talks on {subj}|Envoys meet in {city} as {subj} stalls
            |{p} lands in {city} for talks|Hopes fade for {subj} after {c} walks out"""),
        _words("""{p} met {b} officials in {city} {when} to discuss {subj}.
            |{When}, {c} recalled its ambassador over {subj}.
            |{p} said {when} that {c} was ready to mediate on {subj}.
            |Delegations from {c} and {b} held talks in {city} {when}.
            |{a} proposed a new round of negotiations on {subj} {when}.
            |{p} spoke by phone with the leader of {c} {when}, according to a readout.
            |{When}, mediators from {c} presented a draft on {subj} to both sides.
            |{p} travelled to {city} {when} for a summit on {subj}."""),
    ),
    "trade": Field(
        _words("""the World Trade Organization|the European Commission|the Trade Ministry
            |the Customs Agency"""),
        _words("Trade Minister|Commerce Secretary|Trade Representative|Finance Minister"),
        _words("""tariffs on steel|a free trade agreement|export controls on chips|grain exports
            |the fisheries quota|duties on solar panels"""),
        _words("""{c} imposes {subj} as dispute with {b} deepens|Talks on {subj} resume in {city}
            |Exporters brace for {subj}|{p} defends {subj}"""),
        _words("""{c} imposed new duties on imports from {b} {when}.
            |{When}, {p} announced that talks on {subj} would resume in {city}.
            |Exports from {c} rose by {n} percent {when}, the ministry reported.
            |{b} filed a complaint with {body} {when} over {subj}.
            |{p} signed {subj} with {b} {when}.
            |{When}, customs officers in {city} halted {n} containers bound for {c}.
            |{body} published new figures on {subj} {when}.
            |Negotiators from {c} and {b} concluded a fourth round on {subj} {when}."""),
    ),
    "courts": Field(
        _words("""the Supreme Court|the Court of Appeal|the Constitutional Court|the High Court
            |the Bar Association"""),
        _words("Judge|Chief Justice|Attorney General|Chief Prosecutor|Defence Counsel"),
        _words("""the fraud case|the antitrust lawsuit|an extradition request
            |the election petition|the bribery trial|the data-protection complaint"""),
        _words("""{body} to rule on {subj}|Verdict in {subj} delayed again
            |{p} orders new hearing in {subj}|Appeal filed in {subj}"""),
        _words("""{body} ruled {when} that {subj} could proceed.
            |{p} adjourned the hearing on {subj} {when}.
            |{When}, prosecutors charged two former officials in {subj}.
            |Lawyers for the defendants appealed {when}, arguing that {subj} was flawed.
            |The jury began deliberations {when} after a trial lasting {n} weeks.
            |{p} sentenced a former minister of {c} to {n} years in prison {when}.
            |{When}, {body} heard closing arguments in {subj}.
            |A court in {city} acquitted the three accused in {subj} {when}."""),
    ),
    "companies": Field(
        _words("Norvale Shipping|Castellan Foods|Brightwater Energy|Orrin Telecom|Kestrel Air"),
        _words("""Chief Executive|Chief Financial Officer|Chairman|Board Director
            |Chief Operating Officer"""),
        _words("""the merger|quarterly earnings|a takeover bid|job cuts|the new plant
            |a share buyback|the recall"""),
        _words("""{body} shares fall after {subj}|{body} confirms {subj} talks
            |Investors cheer {subj} at {body}|{p} steps down after {subj}"""),
        _words("""{body} announced {subj} {when}, sending its shares up {n} percent.
            |{When}, {p} told analysts that {subj} would close next year.
            |Shares of {body} fell {n} percent {when} after regulators in {c} objected.
            |{body} agreed to buy a rival based in {city} {when}.
            |The board of {body} approved {subj} {when}.
            |{When}, {body} opened a factory near {city} employing {n} people.
            |{p} resigned {when} after investors criticised {subj}.
            |{body} reported a loss of {n} million dollars {when}."""),
    ),
    "disasters": Field(
        _words("""the Red Cross|the World Food Programme|UNICEF|the Disaster Management Agency
            |the Coast Guard"""),
        _words("Governor|Mayor|Relief Coordinator|Interior Minister|Fire Chief"),
        _words("""the floods|the earthquake|the cyclone|the wildfire|the landslide
            |the drought|the storm surge"""),
        _words("""Death toll rises after {subj} in {c}|Aid reaches {city} days after {subj}
            |{p} warns of more rain after {subj}|Survivors of {subj} wait for shelter"""),
        _words("""{subj_cap} struck the coast of {c} {when}, forcing thousands to flee.
            |{body} delivered {n} tonnes of food to {city} {when}.
            |{When}, {p} declared a state of emergency after {subj}.
            |Rescue teams from {c} arrived in {city} {when}.
            |Authorities evacuated {n} villages {when} as {subj} spread.
            |{When}, a bridge collapsed outside {city}, cutting off {n} families.
            |{p} toured the worst-hit districts {when}.
            |{body} launched an appeal for {n} million dollars {when}."""),
    ),
    "elections": Field(
        _words("""the Electoral Commission|the National Assembly|the Senate|the Opposition Alliance
            |the Ruling Party"""),
        _words("Opposition Leader|Candidate|Election Commissioner|Speaker|Party Chair"),
        _words("""the runoff|the presidential vote|the recount|the parliamentary election
            |the referendum|the local elections"""),
        _words("""{c} heads to {subj} amid disputes|{body} sets date for {subj}
            |{p} claims victory in {subj}|Turnout falls in {subj}"""),
        _words("""Voters in {c} went to the polls {when} in {subj}.
            |{When}, {body} announced the results of {subj}.
            |{p} conceded defeat {when} and called for calm.
            |{body} postponed {subj} {when}, citing security concerns.
            |Observers from {b} said {when} that {subj} had been orderly.
            |{p} launched a campaign in {city} {when} ahead of {subj}.
            |{When}, thousands rallied in {city} to demand {subj}.
            |{body} voted {when} to bring forward {subj}."""),
    ),
}

FILLER = _words("""\u201cWe are not there yet,\u201d {p} told reporters.
    |Analysts in {city} said the outcome remained uncertain.
    |The move drew criticism from {b}, which called it premature.
    |Officials declined to give further details, citing the sensitivity of {subj}.
    |Critics argue that {subj} has been handled poorly from the start.
    |It was not immediately clear how {c} would respond.
    |More than {n} people attended the session, according to organisers.
    |A further meeting is planned for {future}.
    |The next step is expected {future}, officials in {city} said.
    |The dispute has strained relations between {c} and its neighbours for years.
    |\u201cThis is a question of trust,\u201d said {p}, who has followed {subj} closely.
    |Neither side has published the full text, and both have played down expectations.
    |Several diplomats in {city}, speaking on condition of anonymity, described the mood as tense.
    |Opinion polls suggest most voters in {c} see {subj} as a priority.
    |{b} has long argued for a different approach, with mixed results.
    |The figures could not be independently verified.
    |Supporters say the plan would bring stability; opponents say it rewards delay.""")
FOLLOW_UPS = _words("""The following day, {a} said it would study the proposal.
    |Two days later, {p} rejected the terms.
    |A week later, talks resumed in {city}.
    |The next morning, {b} issued a statement welcoming the decision.
    |Three days later, {body} confirmed the figures.""")
COMMENTS = _words("""This has been going on for years and nothing ever changes.
    |Good reporting, but what about the people actually affected?
    |I remember when the same thing happened back in March. Same promises.
    |Does anyone know where the figures come from?
    |Finally some real news instead of opinion pieces.
    |Wait until next week, they will change their minds again.""")
SUBSCRIPTION = _words("""Subscribe for unlimited access to our journalism. Cancel anytime.
    |Sign up for our morning newsletter and get the day's top stories in your inbox.
    |You have read 3 of 5 free articles this month. Subscribe now to keep reading.
    |Support independent journalism: become a member from $1 a week.""")
ADVERTS = _words("""Advertisement|ADVERTISEMENT|Story continues below advertisement
    |Sponsored content""")


class Writer:
    """Builds one document from a seeded random source and its publication date."""

    def __init__(self, rng: Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.field = FIELDS[rng.choice(sorted(FIELDS))]

    # --- small pieces -------------------------------------------------------

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def person(self) -> str:
        return f"{self.rng.choice(self.field.titles)} {self.name()}"

    def actor(self) -> str:
        if self.rng.random() < 0.6:
            return self.rng.choice(COUNTRIES)
        return self.rng.choice(self.field.bodies)

    def past_day(self, most: int = 60) -> date:
        return self.published - timedelta(days=self.rng.randint(1, most))

    def clock(self) -> str:
        return f"{self.rng.randint(1, 12)}:{self.rng.randint(0, 59):02d}"

    def fill(self, template: str, when: str | None = None) -> str:
        """A template with every slot filled; `when` (or a fresh date phrase) where it asks."""
        when = when or self.date_phrase()[0]
        subject = self.rng.choice(self.field.subjects)
        text = template.format(
            a=self.actor(),
            c=self.rng.choice(COUNTRIES),
            b=self.actor(),
            p=self.person(),
            body=self.rng.choice(self.field.bodies),
            city=self.rng.choice(CITIES),
            subj=subject,
            subj_cap=subject[0].upper() + subject[1:],
            n=self.rng.choice((2, 3, 5, 12, 40, 150, 2300)),
            when=when,
            future=self.future_phrase(),
            When=when[0].upper() + when[1:],
        )
        return text[0].upper() + text[1:]

    # --- dates --------------------------------------------------------------

    def date_phrase(self) -> tuple[str, bool]:
        """A date in one of many written forms, and whether it names a single day."""
        form = self.rng.choice(DATE_FORMS)
        return form(self)

    def future_phrase(self) -> str:
        """A date after publication, for what is planned or expected."""
        day = self.published + timedelta(days=self.rng.randint(3, 40))
        phrases = (
            "next week",
            f"next {WEEKDAYS[day.weekday()]}",
            "later this month",
            f"{AP_MONTHS[day.month - 1]} {day.day}",
            f"the end of {MONTH_NAMES[day.month - 1]}",
        )
        return self.rng.choice(phrases)

    # --- page parts ---------------------------------------------------------

    def banner(self) -> str:
        sections = self.rng.sample(SECTIONS, self.rng.randint(5, 9))
        line = " | ".join(sections + ["Sign in", "Subscribe"])
        return f"Skip to main content\n{line}" if self.rng.random() < 0.5 else line

    def byline(self, outlet: str) -> str:
        day, clock, name = self.published, self.clock(), self.name()
        month, ap = MONTH_NAMES[day.month - 1], AP_MONTHS[day.month - 1]
        forms = (
            f"By {name} | {month} {day.day}, {day.year} {clock} p.m. ET",
            f"By {name} and {self.name()}, {outlet}\nPublished {ap} {day.day}, {day.year}",
            f"{name}, {self.rng.choice(DESKS)}\n"
            f"{WEEKDAYS[day.weekday()]} {day.day} {month} {day.year} {clock} GMT",
            f"Posted: {day.isoformat()} {clock} | By {name}",
        )
        return self.rng.choice(forms)

    def credit(self) -> str:
        agency = self.rng.choice(AGENCIES)
        forms = (
            f"Photo: {self.name()}/{agency}",
            f"(Image credit: {agency})",
            f"Delegates arrive in {self.rng.choice(CITIES)}. (Photo by {self.name()}/{agency})",
        )
        return self.rng.choice(forms)

    def headline(self) -> str:
        return self.fill(self.rng.choice(self.field.headlines))

    def paragraph(self) -> str:
        """Two to five sentences, most of them dated, some followed by a day counted on."""
        sentences = []
        for _ in range(self.rng.randint(2, 5)):
            if self.rng.random() < UNDATED_SHARE:
                sentences.append(self.fill(self.rng.choice(FILLER)))
                continue
            when, single_day = self.date_phrase()
            sentences.append(self.fill(self.rng.choice(self.field.sentences), when))
            if single_day and self.rng.random() < 0.4:
                sentences.append(self.fill(self.rng.choice(FOLLOW_UPS)))
        return " ".join(sentences)

    def related(self) -> str:
        heading = self.rng.choice(("Related articles", "You may also like", "More on this story"))
        teasers = []
        for _ in range(3):
            other = Writer(self.rng, self.past_day(400))
            stamp = other.published
            teasers.append(f"{other.headline()} ({AP_MONTHS[stamp.month - 1]} {stamp.day})")
        return "\n".join([heading, *teasers])

    def comments(self) -> str:
        count = self.rng.randint(2, 8)
        parts = [self.rng.choice((f"{count} Comments", "Comments", "Join the conversation"))]
        for _ in range(count):
            stamp = self.published + timedelta(days=self.rng.randint(0, 3))
            month = MONTH_NAMES[stamp.month - 1]
            user = self.rng.choice(USERS)
            header = self.rng.choice(
                (
                    f"{user} {month} {stamp.day}, {stamp.year} at {self.clock()} pm",
                    f"{user} \u00b7 {stamp.day} {SHORT_MONTHS[stamp.month - 1]} {stamp.year}",
                    f"{user}\n{self.rng.randint(1, 23)} hours ago",
                )
            )
            parts.append(f"{header}\n{self.rng.choice(COMMENTS)}\nReply")
        return "\n\n".join(parts)

    def document(self, target: int) -> str:
        """The whole saved page, with article paragraphs added until it reaches `target` chars."""
        outlet = self.rng.choice(OUTLETS)
        top = [self.banner(), self.headline(), self.byline(outlet)]
        if self.rng.random() < 0.6:
            top.append(self.credit())
        bottom = [
            "Share this article: Facebook Twitter LinkedIn Email",
            self.rng.choice(SUBSCRIPTION),
            self.related(),
            self.comments(),
            f"\u00a9 {self.published.year} {outlet}. All rights reserved.",
        ]
        body: list[str] = []
        size = sum(len(part) + 2 for part in top + bottom)
        while size < target:
            piece = self.paragraph()
            if body and self.rng.random() < 0.15:
                piece = self.rng.choice(ADVERTS)
            body.append(piece)
            size += len(piece) + 2
        return "\n\n".join(top + body + bottom) + "\n"


def _weekday(w: Writer) -> tuple[str, bool]:
    day = w.published - timedelta(days=w.rng.randint(1, 6))
    name = WEEKDAYS[day.weekday()]
    return w.rng.choice((f"on {name}", f"on {name} morning", f"late {name}")), True


def _calendar_day(w: Writer) -> tuple[str, bool]:
    day = w.past_day(w.rng.choice((60, 60, 400)))
    ap, month = AP_MONTHS[day.month - 1], MONTH_NAMES[day.month - 1]
    forms = (
        f"on {ap} {day.day}",
        f"on {month} {day.day}, {day.year}",
        f"on {day.day} {month}",
        f"on {day.isoformat()}",
    )
    return w.rng.choice(forms), True


def _relative(w: Writer) -> tuple[str, bool]:
    count = w.rng.choice(NUMBER_WORDS)
    phrases = _words(f"""last week|last month|yesterday|earlier this week|earlier this month
        |{count} weeks ago|{count} days ago|last year""")
    phrase = w.rng.choice(phrases)
    return phrase, phrase == "yesterday"


def _month_part_or_year(w: Writer) -> tuple[str, bool]:
    day = w.past_day(900)
    month = MONTH_NAMES[day.month - 1]
    part = w.rng.choice(("early ", "mid-", "late "))
    return w.rng.choice((f"in {part}{month}", f"in {month} {day.year}", f"in {day.year}")), False


def _range(w: Writer) -> tuple[str, bool]:
    first = w.past_day()
    last = first + timedelta(days=w.rng.randint(1, 4))
    ap, month = AP_MONTHS[first.month - 1], MONTH_NAMES[first.month - 1]
    if last.month != first.month:
        return f"from {ap} {first.day} to {AP_MONTHS[last.month - 1]} {last.day}", False
    forms = (
        f"on {ap} {first.day}-{last.day}",
        f"from {first.day} to {last.day} {month}",
        f"between {month} {first.day} and {month} {last.day}",
        f"from {month} {first.day} to {month} {last.day}, {first.year}",
    )
    return w.rng.choice(forms), False


DATE_FORMS: tuple[Callable[[Writer], tuple[str, bool]], ...] = (
    *(_weekday,) * 2,
    *(_calendar_day,) * 4,
    *(_relative,) * 2,
    *(_month_part_or_year,) * 2,
    _range,
)


# --- documents ---------------------------------------------------------------


def document_random(index: int, seed: int) -> Random:
    """The random source of document `index`: independent of how many come before it."""
    return Random(f"corpus:{seed}:{index}")


def published_day(rng: Random) -> date:
    """A publication day somewhere in a ten-year archive."""
    return FIRST_PUBLISHED + timedelta(days=rng.randint(0, ARCHIVE_DAYS))


def document_text(index: int, seed: int = DEFAULT_SEED) -> str:
    """The text of document `index` of the corpus made with `seed`."""
    rng = document_random(index, seed)
    published = published_day(rng)
    low, high = LARGE_SIZES if rng.random() < LARGE_SHARE else SMALL_SIZES
    target = rng.randint(low, high)
    return Writer(rng, published).document(target)


def document_name(index: int) -> str:
    return f"doc{index:05d}.txt"


def write_corpus(count: int, folder: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write `count` documents into `folder` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / document_name(index)
        path.write_text(document_text(index, seed), encoding="utf-8")
        paths.append(path)
    return paths


# --- stores ------------------------------------------------------------------


def store_date(day: date, precision: str) -> str:
    """`day` written at `precision`, as the store writes dates."""
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    if precision == "year":
        return str(day.year)
    return day.isoformat()


def store_document(index: int, rng: Random) -> DocumentRecord:
    writer = Writer(rng, published_day(rng))
    return DocumentRecord(
        id=f"doc{index:05d}",
        path=f"corpus/{document_name(index)}",
        sha256=hashlib.sha256(f"{index}".encode()).hexdigest(),
        title=writer.headline(),
        published=writer.published.isoformat(),
        published_from="byline",
    )


def store_event(index: int, rng: Random, documents: list[DocumentRecord]) -> Event:
    """One plausible extracted event citing one to three of `documents`."""
    cited = rng.sample(documents, min(len(documents), rng.choice((1, 1, 1, 2, 3))))
    writer = Writer(rng, date.fromisoformat(cited[0].published or "2020-01-01"))
    precision = rng.choices(("day", "month", "week", "year"), weights=(70, 15, 5, 10))[0]
    value = store_date(writer.past_day(), precision)
    sources = [
        Source(
            document=record.id,
            date=value,
            expression=writer.date_phrase()[0],
            quote=writer.fill(rng.choice(writer.field.sentences)),
            offset=rng.randint(0, 6000),
        )
        for record in cited
    ]
    return Event(
        id=hashlib.sha1(f"event:{index}".encode()).hexdigest()[:10],
        date=value,
        precision=precision,
        title=writer.headline(),
        actors=sorted({writer.actor().removeprefix("the ") for _ in range(rng.randint(1, 3))}),
        topics=sorted(rng.sample(sorted(FIELDS), rng.randint(1, 2))),
        sources=sources,
        status=rng.choices(("extracted", "confirmed", "edited"), weights=(90, 7, 3))[0],
        confidence=round(rng.uniform(0.5, 1.0), 2),
    )


def make_store(n_events: int, path: Path, seed: int = DEFAULT_SEED) -> Store:
    """Write a valid store of `n_events` events (one document per 20) to `path`."""
    rng = Random(f"store:{seed}")
    count = max(1, n_events // EVENTS_PER_DOCUMENT)
    documents = [store_document(index, rng) for index in range(count)]
    events = [store_event(index, rng, documents) for index in range(n_events)]
    store = Store(documents=documents, events=events)
    save(store, path)
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many documents (or events) to write")
    parser.add_argument("folder", type=Path, help="where to write them (or the store file)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--store", action="store_true", help="write a store of COUNT events")
    args = parser.parse_args(argv)
    if args.store:
        make_store(args.count, args.folder, args.seed)
        print(f"{args.count} events, {args.folder.stat().st_size / 1e6:.2f} MB → {args.folder}")
        return 0
    paths = write_corpus(args.count, args.folder, args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} documents, {size / 1e6:.2f} MB → {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
