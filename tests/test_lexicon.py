"""The actor and topic lexicons: shipped coverage, lookups, matching and user files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import InputError, UsageError
from timeline.lexicon import DATA, Lexicon

# The 193 member states of the United Nations, as our lexicon names them.
UN_MEMBERS = """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|
Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|
Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|
Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|
Czech Republic|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|
Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|
Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Laos|
Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|
Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|
Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|
Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|
Romania|Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|
Samoa|San Marino|São Tomé and Príncipe|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|
South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Tajikistan|Tanzania|
Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|
Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|
Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe""".replace("\n", "").split("|")
OTHER_STATES = ["Holy See", "Palestine", "Taiwan", "Kosovo"]
SHIPPED = Lexicon.load()


@pytest.fixture
def lexicon() -> Lexicon:
    return SHIPPED


def names_in(text: str, lexicon: Lexicon) -> list[tuple[str, str | None]]:
    return [(text[m.start : m.end], m.canonical) for m in lexicon.find_names(text)]


def write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# ── shipped coverage ──────────────────────────────────────────────────────────


def test_every_un_member_and_observer_is_a_country(lexicon: Lexicon) -> None:
    assert len(UN_MEMBERS) == 193
    for name in [*UN_MEMBERS, *OTHER_STATES]:
        assert lexicon.actor_of(name)["kind"] == "country", name


def test_every_shipped_spelling_names_one_actor() -> None:
    data = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for entry in data["actors"]:
        for spelling in [entry["name"], *entry.get("aliases", []), *entry.get("demonyms", [])]:
            key = spelling.casefold().removeprefix("the ")
            assert owner.setdefault(key, entry["name"]) == entry["name"], spelling


def test_people_of_the_field_belong_to_their_side(lexicon: Lexicon) -> None:
    expected = {
        "Joe Biden": "United States",
        "Antony Blinken": "United States",
        "Lloyd Austin": "United States",
        "Jake Sullivan": "United States",
        "William Burns": "United States",
        "Benjamin Netanyahu": "Israel",
        "Yoav Gallant": "Israel",
        "Tamim bin Hamad Al Thani": "Qatar",
        "Mahmoud Abbas": "Palestine",
        "Mohammed Shia al-Sudani": "Iraq",
        "Hassan Nasrallah": "Hezbollah",
        "Vladimir Putin": "Russia",
        "Dmitry Peskov": "Russia",
        "Sameh Shoukry": "Egypt",
        "Khaled Mashaal": "Hamas",
        "Ismail Haniyeh": "Hamas",
    }
    for person, side in expected.items():
        assert lexicon.actor_of(person)["kind"] == "person"
        assert lexicon.principals(person) == [side], person


# ── lookups ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("US", "United States"),
        ("u.s.", "United States"),
        ("the White House", "United States"),
        ("Washington", "United States"),
        ("Qatari", "Qatar"),
        ("Doha", "Qatar"),
        ("the Kremlin", "Russia"),
        ("Downing Street", "United Kingdom"),
        ("Türkiye", "Turkey"),
        ("Al-Qassam Brigades", "Hamas"),
        ("IDF", "Israel Defense Forces"),
        ("Bill Burns", "William Burns"),
        ("WSJ", "The Wall Street Journal"),
        ("Jerusalem", None),
        ("Atlantis", None),
    ],
)
def test_canonical_actor(name: str, canonical: str | None, lexicon: Lexicon) -> None:
    assert lexicon.canonical_actor(name) == canonical


def test_members_are_found_through_the_chain(lexicon: Lexicon) -> None:
    members = lexicon.actor_members("the U.S.")
    assert {"Joe Biden", "Antony Blinken", "CIA", "William Burns", "State Department"} <= members
    assert "United States" not in members and "Benjamin Netanyahu" not in members
    assert lexicon.actor_members("Israel") >= {"Israel Defense Forces", "Herzi Halevi"}
    assert lexicon.actor_members("Nowhere") == set()


def test_actor_entry(lexicon: Lexicon) -> None:
    entry = lexicon.actor_of("Qatari")
    assert entry["name"] == "Qatar" and entry["kind"] == "country"
    assert "Doha" in entry["aliases"] and "Qatari" in entry["demonyms"]
    assert lexicon.actor_of("Reuters")["kind"] == "outlet"
    with pytest.raises(UsageError, match="unknown actor"):
        lexicon.actor_of("Atlantis")


def test_names_are_sorted_and_complete(lexicon: Lexicon) -> None:
    names = lexicon.actor_names()
    assert names == sorted(names) and "United Nations" in names
    assert lexicon.topic_names() == sorted(lexicon.topic_names())
    assert {"hostages", "truce and ceasefire", "humanitarian aid", "statements"} <= set(
        lexicon.topic_names()
    )


# ── finding names in text ────────────────────────────────────────────────────


def test_names_match_as_written(lexicon: Lexicon) -> None:
    assert names_in("Let us talk to US officials.", lexicon) == [("US", "United States")]
    assert names_in("We had turkey in China.", lexicon) == [("China", "China")]


def test_longest_name_wins(lexicon: Lexicon) -> None:
    text = "The Times of Israel said Palestinian Islamic Jihad and the Israeli army clashed."
    assert names_in(text, lexicon) == [
        ("Times of Israel", "The Times of Israel"),
        ("Palestinian Islamic Jihad", "Palestinian Islamic Jihad"),
        ("Israeli army", "Israel Defense Forces"),
    ]


def test_phrases_that_are_no_actor_hide_the_names_inside(lexicon: Lexicon) -> None:
    assert names_in("Latin American leaders met.", lexicon) == [("Latin American", None)]


def test_demonyms_are_marked(lexicon: Lexicon) -> None:
    [match] = lexicon.find_names("Egyptian mediators")
    assert match.canonical == "Egypt" and match.demonym


def test_lower_case_aliases_match_capitalised(lexicon: Lexicon) -> None:
    assert names_in("The War Cabinet met; the war cabinet agreed.", lexicon) == [
        ("War Cabinet", "Israeli war cabinet"),
        ("war cabinet", "Israeli war cabinet"),
    ]


def test_surnames_are_offered_only_when_safe(lexicon: Lexicon) -> None:
    assert lexicon.surname_of("Lloyd Austin") == "Austin"
    assert lexicon.surname_of("Tamim bin Hamad Al Thani") is None
    assert lexicon.surname_of("Qatar") is None


@given(st.text(max_size=200))
def test_finding_names_never_fails(text: str) -> None:
    for match in SHIPPED.find_names(text):
        assert 0 <= match.start < match.end <= len(text)


# ── topics ────────────────────────────────────────────────────────────────────


def test_topics_in_a_sentence(lexicon: Lexicon) -> None:
    assert lexicon.topics_in("The militia freed four hostages during the truce.") == [
        "hostages",
        "truce and ceasefire",
    ]
    assert lexicon.topics_in("She said nothing more.") == ["statements"]
    assert lexicon.topics_in("The rapids were fast.") == []


def test_longest_keyword_wins(lexicon: Lexicon) -> None:
    assert lexicon.topics_in("More military aid arrived.") == ["arms and weapons"]
    assert lexicon.topics_in("More aid arrived.") == ["humanitarian aid"]


def test_topics_of_telling_are_not_carried(lexicon: Lexicon) -> None:
    sentence = "She insisted the captives be freed before any agreement."
    assert lexicon.topics_in(sentence) == ["diplomacy and negotiations", "hostages", "statements"]
    assert lexicon.carried_topics(sentence) == ["diplomacy and negotiations", "hostages"]


def test_user_file_may_stop_a_topic_from_being_carried(tmp_path: Path) -> None:
    topics = write(tmp_path / "t.yaml", {"topics": [{"name": "hostages", "carried": False}]})
    assert Lexicon.load([topics]).carried_topics("the hostages") == []


def test_canonical_topic(lexicon: Lexicon) -> None:
    assert lexicon.canonical_topic("Ceasefire") == "truce and ceasefire"
    assert lexicon.canonical_topic("aid") == "humanitarian aid"
    assert lexicon.canonical_topic("HOSTAGES") == "hostages"
    assert lexicon.canonical_topic("astrology") is None


# ── user files ────────────────────────────────────────────────────────────────


def test_user_files_extend_and_override(tmp_path: Path) -> None:
    actors = write(
        tmp_path / "actors.yaml",
        {
            "actors": [
                {"name": "Harbor Lines", "kind": "organisation", "aliases": ["HL"]},
                {"name": "Ines Kallas", "kind": "person", "member_of": ["Harbor Lines"]},
                {"name": "Qatar", "aliases": ["the Gulf mediator"]},
                {"name": "Lloyd Austin", "member_of": []},
            ],
            "not_actors": ["Harbor Lines Arena"],
        },
    )
    topics = write(
        tmp_path / "topics.yaml",
        {"topics": [{"name": "shipping", "aliases": ["ferries"], "keywords": ["ferry"]}]},
    )
    lexicon = Lexicon.load([actors, topics])
    assert lexicon.canonical_actor("hl") == "Harbor Lines"
    assert lexicon.canonical_actor("Gulf mediator") == "Qatar"
    assert lexicon.canonical_actor("Doha") == "Qatar"
    assert lexicon.actor_members("Harbor Lines") == {"Ines Kallas"}
    assert lexicon.principals("Lloyd Austin") == []
    assert lexicon.canonical_topic("ferries") == "shipping"
    assert lexicon.topics_in("The ferry sailed.") == ["shipping"]
    assert [m.canonical for m in lexicon.find_names("at Harbor Lines Arena")] == [None]


def test_later_alias_moves_to_the_later_actor(tmp_path: Path) -> None:
    extra = write(
        tmp_path / "mine.yaml",
        {"actors": [{"name": "George Washington", "kind": "person", "aliases": ["Washington"]}]},
    )
    lexicon = Lexicon.load([extra])
    assert lexicon.canonical_actor("Washington") == "George Washington"
    assert [m.canonical for m in lexicon.find_names("Washington said")] == ["George Washington"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors: [", "not valid YAML"),
        ("- just a list", "must be a mapping"),
        ("people: []", "must be a mapping"),
        ("actors: [{kind: person}]", "needs a name"),
        ("actors: [{name: Nobody}]", "needs a kind"),
        ("actors: [{name: Nobody, kind: wizard}]", "kind must be one of"),
        ("actors: [{name: Nobody, kind: person, member_of: [Atlantis]}]", "unknown actors"),
        ("actors: [{name: Nobody, kind: person, aliases: {a: b}}]", "list of names"),
        ("topics: {name: x}", "must be a list"),
        ("topics: [{name: x, carried: maybe}]", "carried must be true or false"),
    ],
)
def test_malformed_user_files_are_refused(content: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        Lexicon.load([path])


def test_missing_user_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        Lexicon.load([tmp_path / "absent.yaml"])


def test_empty_user_file_changes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert Lexicon.load([empty]).actor_names() == Lexicon.load().actor_names()
