"""The events family on real phrases (from the seed and the development articles)."""


import pytest
from extraction import read_sentence

from pipeline.extract import events as events_family
from pipeline.extract.events import event_time, time_after
from pipeline.publish import build_article
from pipeline.resolve import resolve


def claims(text: str) -> list[tuple]:
    """(property, value, quote, qualifiers, subject) of every claim read from one sentence."""
    return [(d.property, d.value, quote, dict(d.qualifiers), d.subject)
            for d, quote in read_sentence(events_family, text)[0]]


def events(text: str) -> list[tuple]:
    return [(quote, qualifiers) for prop, _, quote, qualifiers, _ in claims(text)
            if prop == "significant_event"]


def test_founded_participle_is_inception_of_the_named_subject():
    assert claims("Founded in 1961, KIO seeks autonomy for Kachin State.") == [
        ("inception", "1961", "1961", {}, "KIO")]
    assert claims("Founded on 10 April 2009, the AA is the military wing of the United League "
                  "of Arakan (ULA).") == [("inception", "2009-04-10", "10 April 2009", {}, "AA")]


def test_founding_of_a_named_organisation_after_an_opening_date():
    got = claims("In 1960 two Kachin dissidents and ex-soldiers of the Burma Army, Lamung Tu Jai "
                 "and Lama La Ring, contacted fellow dissident Zau Seng and founded the Kachin "
                 "Independence Organisation.")
    assert got == [("inception", "1960", "1960", {}, "Kachin Independence Organisation")]
    assert claims("In 1974 three veterans, Saw Lin Htet and Naw Mya among them, founded the "
                  "front.") == [("inception", "1974", "1974", {}, None)]


def test_a_founding_elsewhere_in_the_article_is_about_the_organisation_founded():
    got = claims("In 1994, a group of Buddhist soldiers in the KNLA, citing discrimination by "
                 "the KNU's overwhelmingly Christian leadership against the Buddhist Karen "
                 "majority, broke away and established the Democratic Karen Buddhist Army "
                 "(DKBA).")
    assert ("inception", "1994", "1994", {}, "Democratic Karen Buddhist Army") in got
    assert ("significant_event", "1994") in [(c[0], c[3].get("point_in_time")) for c in got]


def test_passive_founding_by_pronoun_is_the_document_subject():
    got = claims("In 1961, the organisation was established as the Jinghpaw Independence "
                 "Organisation (Jinghpaw Shang Lawt Hpung), as the Jinghpaw were the most "
                 "numerous of the Kachin subgroups.")
    assert got[0] == ("inception", "1961", "1961", {}, None)
    assert got[1][2] == ("the organisation was established as the Jinghpaw Independence "
                         "Organisation (Jinghpaw Shang Lawt Hpung)")


def test_the_two_founding_years_are_published_as_conflicting(seeds):
    (seeds / "kio.txt").write_text(
        "= Kachin Independence Organisation =\n\nKachin Independence Organisation\n"
        "- Abbreviation: KIO\n\nFounded in 1961, KIO seeks autonomy for Kachin State. In 1960 "
        "two Kachin dissidents contacted fellow dissident Zau Seng and founded the Kachin "
        "Independence Organisation.\n", encoding="utf-8")
    article = build_article(seeds / "kio.txt", "kio.txt")
    rows = [c for c in resolve([article.facts])["claims"] if c["property_id"] == "inception"]
    assert [(c["value"], c["subject_id"]) for c in rows] == [
        ("1961", "kachin-independence-organisation"), ("1960", "kachin-independence-organisation")]
    assert rows[0]["conflicts_with"] == rows[1]["claim_id"]
    assert rows[1]["conflicts_with"] == rows[0]["claim_id"]


@pytest.mark.parametrize(("sentence", "quote", "time"), [
    ("On 5 February 1960, the KIO's private army raided a bank, among other activities.",
     "the KIO's private army raided a bank", {"point_in_time": "1960-02-05"}),
    ("However, by 1960 the dissent had grown, in part as new Kachin leaders born after World "
     "War II began to win the support of prominent community leaders.",
     "the dissent had grown", {"point_in_time": "../1960"}),
    ("A year later on 5 February 1961, the KIO's 100-strong private army was reorganised into "
     "the Kachin Independence Army (KIA) and became the KIO's armed wing, with Zau Seng as "
     "commander in chief.",
     "the KIO's 100-strong private army was reorganised into the Kachin Independence Army "
     "(KIA) and became the KIO's armed wing", {"point_in_time": "1961-02-05"}),
    ("In 1964, the KIO banned the traditional Gumsa feudal village system, with many "
     "traditional headmen killed in the upheaval.",
     "the KIO banned the traditional Gumsa feudal village system", {"point_in_time": "1964"}),
    ("In 1989, the New Democratic Army – Kachin split from the KIO due to its political and "
     "ethnic differences - the KIO was dominated by members of the Jingpo subgroup.",
     "the New Democratic Army – Kachin split from the KIO due to its political and ethnic "
     "differences", {"point_in_time": "1989"}),
    ("Despite appearances during the ceasefire, the KIO resurged after 2011 and has continued "
     "to make uncompromising political demands.",
     "the KIO resurged", {"point_in_time": "2011/.."}),
    ("Aside from its major towns and railway corridor, KIO/A-controlled areas in Kachin State "
     "remained virtually independent and isolated from the rest of Myanmar from the mid-1960s "
     "through 1994, with an economy based on cross-border jade trade.",
     "KIO/A-controlled areas in Kachin State remained virtually independent and isolated from "
     "the rest of Myanmar", {"start_time": "196X", "end_time": "1994"}),
    ("In 2005, the KIO moved its headquarters from Pajau to Laiza, and established a military "
     "academy and training school.",
     "the KIO moved its headquarters from Pajau to Laiza, and established a military academy "
     "and training school", {"point_in_time": "2005"}),
    ("Until 2010, KIO operated secondary schools remained in contact with the Ministry of "
     "Education.",
     "KIO operated secondary schools remained in contact with the Ministry of Education",
     {"end_time": "2010"}),
    ("In response to the central government cutting ties with KIO schools, the KIO opened Mai "
     "Ja Yang National College as its first tertiary education school in 2015.",
     "the KIO opened Mai Ja Yang National College as its first tertiary education school",
     {"point_in_time": "2015"}),
    ("In 2010, following the end of a ceasefire, the KIO resumed tax collection in Hpakant.",
     "the KIO resumed tax collection in Hpakant", {"point_in_time": "2010"}),
    ("In a December 2021 interview, Twan Mrat Naing claimed that the AA had grown to 30,000 "
     "troops.",
     "Twan Mrat Naing claimed that the AA had grown to 30,000 troops",
     {"point_in_time": "2021-12"}),
    ("In the early 2010s, the Arakan Army fought alongside the Kachin Independence Army (KIA) "
     "against the Tatmadaw (Myanmar Armed Forces) in the Kachin conflict.",
     "the Arakan Army fought alongside the Kachin Independence Army (KIA) against the Tatmadaw "
     "(Myanmar Armed Forces) in the Kachin conflict", {"point_in_time": "201X"}),
    ("The AA reached a ceasefire in late 2020 after eroding the central government's control.",
     "The AA reached a ceasefire", {"point_in_time": "2020"}),
    ("Some of the Karen, led primarily by the Karen National Union (KNU), have waged a war "
     "against the central government since early 1949.",
     "Some of the Karen, led primarily by the Karen National Union (KNU), have waged a war "
     "against the central government", {"start_time": "1949"}),
    ("Since 1976 the armed group has called for a federal system rather than an independent "
     "Karen State.",
     "the armed group has called for a federal system rather than an independent Karen State",
     {"start_time": "1976"}),
    ("Padoh Mahn Sha La Phan, the secretary-general of the union was shot dead in his home in "
     "Mae Sot, Thailand, on 14 February 2008, possibly by soldiers of the DKBA.",
     "the secretary-general of the union was shot dead in his home in Mae Sot",
     {"point_in_time": "2008-02-14"}),
])
def test_one_dated_clause_is_one_event(sentence, quote, time):
    assert events(sentence) == [(quote, time)]


def test_a_period_counted_back_from_its_end_and_what_happened_at_the_end():
    assert events("The ceasefire lasted for 17 years until June 2011, when the Tatmadaw resumed "
                  "operations against the KIA.") == [
        ("the Tatmadaw resumed operations against the KIA", {"point_in_time": "2011-06"}),
        ("The ceasefire lasted", {"start_time": "1994-06", "end_time": "2011-06"}),
    ]


def test_a_state_until_an_event_ends_when_the_event_happens():
    assert events("Soldiers from Myanmar's Tatmadaw (armed forces) fought KIA insurgents for "
                  "over 33 years until a ceasefire was brokered between the two opposing sides "
                  "in 1994.") == [
        ("Soldiers from Myanmar's Tatmadaw (armed forces) fought KIA insurgents for over 33 "
         "years", {"end_time": "1994"}),
        ("a ceasefire was brokered between the two opposing sides", {"point_in_time": "1994"}),
    ]


def test_following_a_dated_event_is_after_it():
    assert events("Following the 1962 Burmese coup d'état, the KIO expanded its armed wing with "
                  "new recruits, who dissented against the new military junta.") == [
        ("the 1962 Burmese coup d'état", {"point_in_time": "1962"}),
        ("the KIO expanded its armed wing with new recruits", {"point_in_time": "1962/.."}),
    ]
    assert events("The UWSA was formed after the collapse of the armed wing of the Communist "
                  "Party of Burma (CPB) in 1989.") == [
        ("the collapse of the armed wing of the Communist Party of Burma (CPB)",
         {"point_in_time": "1989"}),
        ("The UWSA was formed", {"point_in_time": "1989/.."}),
    ]


def test_eight_eight_eight_eight_is_a_name_not_a_date():
    assert events("After the failed 8888 Uprising of the Burmese people in 1988, the Burmese "
                  "military government turned to China for help in consolidating its power.") == [
        ("the failed 8888 Uprising of the Burmese people", {"point_in_time": "1988"}),
        ("the Burmese military government turned to China for help in consolidating its power",
         {"point_in_time": "1988/.."}),
    ]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Amnesty International was founded in London in 1961, following the publication of the "
     "article in The Observer on 28 May 1961, by the lawyer Peter Benenson.",
     [("the publication of the article in The Observer", {"point_in_time": "1961-05-28"}),
      ("Amnesty International was founded in London", {"point_in_time": "1961"})]),
    ("The club was banned from African competitions until 2009 after their abrupt withdrawal "
     "from the 2005 CAF Confederation Cup.",
     [("their abrupt withdrawal from the 2005 CAF Confederation Cup", {"point_in_time": "2005"}),
      ("The club was banned from African competitions", {"end_time": "2009"})]),
    ("The party has governed as part of a grand coalition since December 2013 following the "
     "results of the 2013 federal election.",
     [("the results of the 2013 federal election", {"point_in_time": "2013"}),
      ("The party has governed as part of a grand coalition", {"start_time": "2013-12"})]),
])
def test_a_dated_cause_after_the_main_clause(sentence, expected):
    assert sorted(events(sentence)) == sorted(expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cyril Ramaphosa, the incumbent President of South Africa, has served as President of the "
     "ANC since 18 December 2017.",
     ("Cyril Ramaphosa, the incumbent President of South Africa, has served as President of the "
      "ANC", {"start_time": "2017-12-18"})),
    ("The union, a federation of craft unions, merged with the CIO in 1955.",
     ("The union, a federation of craft unions, merged with the CIO", {"point_in_time": "1955"})),
    ("Tata Sons, the parent company of the group, bought the firm in 2008.",
     ("Tata Sons, the parent company of the group, bought the firm", {"point_in_time": "2008"})),
])
def test_an_apposition_between_subject_and_verb_stays_in_the_clause(sentence, expected):
    assert events(sentence) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It was established on 26 May 2001 in Addis Ababa, Ethiopia and launched on 9 July 2002 in "
     "South Africa.", [("It was established", {"point_in_time": "2001-05-26"})]),
    ("The Revolutionary Armed Forces of Colombia—People's Army (Spanish: Fuerzas Armadas, FARC–EP "
     "and FARC) is a guerrilla movement involved in the armed conflict starting in 1964.", []),
    ("The Sample Front (Burmese: Sample, SF) is a group which fought the army in 1964.",
     [("The Sample Front (Burmese: Sample, SF) is a group which fought the army",
       {"point_in_time": "1964"})]),
])
def test_no_clause_starts_inside_a_name_list_or_a_parenthesis(sentence, expected):
    assert events(sentence) == expected


def test_two_dated_clauses_in_one_sentence():
    assert events("In 1989 the two parties signed a ceasefire agreement, and in 2013 signed a "
                  "peace deal.") == [
        ("the two parties signed a ceasefire agreement", {"point_in_time": "1989"}),
        ("signed a peace deal", {"point_in_time": "2013"}),
    ]


@pytest.mark.parametrize("sentence", [
    "In 2004, the trust opened a clinic in Leeds and expanded it in 2011.",
    "In the 1990s, the union organised dockers and won a strike in 1998.",
])
def test_a_clause_after_an_opening_date_is_not_dated_by_a_date_at_its_end(sentence):
    assert not [quote for quote, qualifiers in events(sentence)
                if qualifiers.get("point_in_time") in ("2011", "1998")]


def test_a_clause_after_a_dated_clause_and_a_conjunction_keeps_its_own_date():
    assert ("sold to Harbour Foods", {"point_in_time": "1981"}) in events(
        "The bakery was founded in 1967, but sold to Harbour Foods in 1981.")


def test_dissolution_and_period_of_activity():
    assert claims("The front was dissolved in 2001.")[0] == (
        "dissolved", "2001", "2001", {}, None)
    assert claims("The group was active from 1976 to 2000.")[0] == (
        "active_period", "1976/2000", "1976 to 2000", {}, None)


@pytest.mark.parametrize("sentence", [
    "Zau Seng became the first leader of the KIO, Zau Tu became the first deputy leader.",
    "Zau Seng was a veteran of the two-month long Pawng Nawng rebellion and gathered other "
    "retired veterans from the 1948–50 era.",
    "The KNU was dominated for three decades by its longtime leader Bo Mya, who was president "
    "from 1976–2000.",
    "Its leader, Bo Mya, was born in 1927.",
    "The KNU and DKBA have since been in regular fighting.",
    "Students of KIO schools who passed the 9th Standard to take their final 10th Standard "
    "examination at a government school.",
    "In 1990 and 1991, the group attacked the army.",
])
def test_no_event_without_a_dated_clause(sentence):
    assert claims(sentence) == []


def test_no_founding_of_a_place_or_a_pronoun():
    assert [c[0] for c in claims("In 1998, the AA established Laiza as its base.")] == [
        "significant_event"]
    assert claims("He was established as leader in 1990.")[0][4] is None


def test_event_time_reads_periods_and_bounds():
    assert event_time("1961") == {"point_in_time": "1961"}
    assert event_time("since 2005") == {"start_time": "2005"}
    assert event_time("Until 2010") == {"end_time": "2010"}
    assert event_time("by 1960") == {"point_in_time": "../1960"}
    assert event_time("1994", "start_time") == {"start_time": "1994"}
    assert time_after("1962") == "1962/.."
    assert time_after("1994–2000") == "2000/.."


@pytest.mark.parametrize("sentence", [
    "The current Vela Records is a hybrid of two rival labels between the 1940s and 1980s.",
    "He is also the founder and CEO of Vela Labs which opened in Oslo in 2010.",
    "Ann Lyra is an American producer and the founder of Vela Films in 2007.",
    "He was professor of astronomy at Vela University in 1730.",
    "She previously served as President of the Vela Museum from 1988.",
    # a present definition and its founding: the founding is the inception
    "Vela Trust is a charity founded in 1994.",
])
def test_a_present_state_or_a_persons_role_is_no_event_and_takes_no_date(sentence):
    assert events(sentence) == []


@pytest.mark.parametrize(("sentence", "quote"), [
    ("Vela Trust was a charity founded in 1994.", "Vela Trust was a charity founded"),
    ("Vela Dairies Limited is a society that was first registered in 1922.",
     "Vela Dairies Limited is a society that was first registered"),
    ("Vela Records was a hybrid of two labels between 1940 and 1985.",
     "Vela Records was a hybrid of two labels"),
    ("He founded the Vela Observatory in 1741.", "He founded the Vela Observatory"),
    ("In 2012, he was elected president of Vela.", "he was elected president of Vela"),
])
def test_a_clause_that_goes_on_about_the_subject_or_a_past_state_is_dated(sentence, quote):
    assert [e[0] for e in events(sentence)] == [quote]


def test_the_agent_of_a_passive_is_no_event_of_its_own():
    sentence = "Vela was founded in Oslo, Norway, in 1881 by Ann Lyra and moved to Bergen in 1891."
    assert not [quote for quote, _ in events(sentence) if quote.startswith("by ")]


@pytest.mark.parametrize("text, subject, year", [
    ("It was merged with Orbis in 1998, forming Orbis Lyra (now Lyra).", "Orbis Lyra", "1998"),
    ("Kite and Vela amalgamated in 1921 to form the Kite Vela Company.", "Kite Vela Company",
     "1921"),
])
def test_a_merger_dates_the_founding_of_the_body_it_formed(text, subject, year):
    assert [c for c in claims(text) if c[0] == "inception"] == [
        ("inception", year, year, {}, subject)]


@pytest.mark.parametrize("text", [
    "Kite merged with Vela in 1998, forming part of the Orbis Group.",
    "Kite merged with Vela in 1998, forming Europe's largest bank.",
    "Kite merged with Vela in 1998.",
])
def test_a_merger_that_forms_no_named_body_founds_nothing(text):
    assert [c for c in claims(text) if c[0] == "inception"] == []


@pytest.mark.parametrize("sentence", [
    "The chain undertook a major expansion program during the 1990s and 2000s adding screens.",
    "The band toured Japan in 1998 and 2001, each time with a new singer.",
    "The network was broadened through new partnerships in 1988, 1990, 1997 and 2006.",
])
def test_a_clause_with_two_dates_is_not_dated_by_the_first(sentence):
    assert events(sentence) == []
