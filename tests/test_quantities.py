"""The quantities family on real phrases (from the seed and the development articles)."""

import re

import pytest
from extraction import read_sentence

from pipeline.extract import quantities
from pipeline.normalise.numbers import (
    number_pattern,
    parse_quantity,
    quantity_pattern,
    range_pattern,
)
from pipeline.read import read_bytes
from pipeline.segment import segment


def read(text: str) -> tuple[list[tuple], list[str]]:
    """The claims (property, value, quote, qualifiers, subject) and skipped quotes of one
    sentence."""
    drafts, skips = read_sentence(quantities, text)
    return [(d.property, d.value, quote, dict(d.qualifiers), d.subject)
            for d, quote in drafts], skips


def claims(text: str) -> list[tuple]:
    return read(text)[0]


def test_a_count_with_its_qualifier_and_unit():
    assert claims("The KIO operate an education system in areas under their control, running "
                  "over 200 schools.") == [
        ("quantity", "200", "over 200", {"quantity_qualifier": "over", "unit": "schools"}, None)]


def test_a_count_after_an_opening_date_has_that_point_in_time():
    got = claims("In 1960 two Kachin dissidents and ex-soldiers of the Burma Army, Lamung Tu Jai "
                 "and Lama La Ring, contacted fellow dissident Zau Seng.")
    assert got == [("quantity", "2", "two",
                    {"point_in_time": "1960", "unit": "Kachin dissidents"}, None)]


def test_size_of_a_force_written_as_an_adjective():
    assert claims("They provided the KIO with ammunition to form a 27-member private army.") == [
        ("member_count", "27", "27-member", {"unit": "members"}, None)]
    assert claims("A year later on 5 February 1961, the KIO's 100-strong private army was "
                  "reorganised into the Kachin Independence Army (KIA).") == [
        ("member_count", "100", "100-strong",
         {"point_in_time": "1961-02-05", "unit": "members"}, "KIO")]


def test_size_with_its_date_only_when_the_date_is_in_the_same_sentence():
    dated = ("In a December 2021 interview, Twan Mrat Naing claimed that the AA had grown to "
             "30,000 troops.")
    assert claims(dated) == [("member_count", "30000", "30,000",
                              {"point_in_time": "2021-12", "unit": "troops"}, "AA")]
    assert claims("The AA had grown to 30,000 troops.") == [
        ("member_count", "30000", "30,000", {"unit": "troops"}, "AA")]


def test_a_range_is_a_lower_and_an_upper_bound():
    got = claims("It is a well-equipped ethnic minority army of an estimated 20,000–30,000 Wa "
                 "soldiers, led by Bao Youxiang.")
    qualifiers = {"note": "estimated", "unit": "soldiers"}
    assert got == [
        ("member_count", "20000", "20,000", qualifiers | {"quantity_qualifier": "lower bound"},
         None),
        ("member_count", "30000", "30,000", qualifiers | {"quantity_qualifier": "upper bound"},
         None),
    ]


def test_the_size_of_another_organisation_is_about_it():
    assert claims("The Tatmadaw's 400,000 troops attacked in 2012.") == [
        ("member_count", "400000", "400,000", {"unit": "troops"}, "Tatmadaw")]


@pytest.mark.parametrize(("sentence", "value", "qualifiers"), [
    # invented sentences of other kinds of organisation
    ("The truce lasted for 17 years until June 2011, when fighting resumed.", "17",
     {"unit": "years", "end_time": "2011-06", "note": "truce"}),
    ("Its advertising ban lasted about three decades.", "3",
     {"unit": "decades", "quantity_qualifier": "about", "note": "advertising ban"}),
    ("The strike lasted 9 weeks until 3 March 1985.", "9",
     {"unit": "weeks", "end_time": "1985-03-03", "note": "strike"}),
    ("Government troops fought the rebels for over 33 years until a truce was signed in 1994.",
     "33", {"unit": "years", "end_time": "1994", "quantity_qualifier": "over",
            "note": "fought the rebels"}),
])
def test_how_long_a_named_conflict_or_period_lasted_is_a_duration(sentence, value, qualifiers):
    assert [claim[:2] + claim[3:] for claim in claims(sentence)] == [
        ("duration", value, qualifiers, None)]


@pytest.mark.parametrize(("sentence", "duration"), [
    ("Soldiers fought KIA insurgents for over 33 years until a ceasefire.", "over 33 years"),
    ("His tenure lasted ten years.", "ten years"),  # no conflict or period of the subject's
    ("She worked for the union for 19 years until her death in 2015.", "19 years"),
    ("The KIO had spent the 17 years building up its legitimacy.", "17 years"),
    ("Zau Seng was a veteran of the two-month long Pawng Nawng rebellion.", "two-month long"),
    ("The power vacuum would be filled by the AA over the next 18 months.", "18 months"),
    ("The KNU was dominated for three decades by its longtime leader Bo Mya.", "three decades"),
])
def test_a_duration_is_skipped_not_counted(sentence, duration):
    assert read(sentence) == ([], [duration])


@pytest.mark.parametrize("sentence", [
    "On 5 February 1960, the KIO's private army raided a bank.",
    "After the failed 8888 Uprising of the Burmese people in 1988, the army turned to China.",
    "Students of KIO schools who passed the 9th Standard to take their final 10th Standard "
    "examination.",
    "In 1989 the two parties signed a ceasefire agreement.",
    "a ceasefire was brokered between the two opposing sides in 1994.",
    "The power vacuum was filled with state-building efforts, like their COVID-19 vaccine "
    "rollouts.",
    "Zau Seng gathered other retired veterans from the 1948–50 era.",
    "It is one of Myanmar's most powerful ethnic armed groups.",
])
def test_numbers_in_dates_names_and_references_back_are_not_counts(sentence):
    assert read(sentence) == ([], [])


def test_number_words_ranges_and_multipliers():
    assert parse_quantity("two hundred").value == 200
    assert parse_quantity("30 thousand").value == 30000
    assert parse_quantity("Twelve").value == 12
    assert re.fullmatch(quantity_pattern(), "Over 200")
    assert re.fullmatch(number_pattern(), "over 200") is None
    match = re.fullmatch(range_pattern(), "20,000–30,000")
    assert (match["low"], match["high"]) == ("20,000", "30,000")
    assert claims("There are twelve villages and 200 to 300 schools.") == [
        ("quantity", "200", "200", {"quantity_qualifier": "lower bound", "unit": "schools"},
         None),
        ("quantity", "300", "300", {"quantity_qualifier": "upper bound", "unit": "schools"},
         None),
        ("quantity", "12", "twelve", {"unit": "villages"}, None),
    ]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It is made up of fifty-six national and international unions.",
     [("quantity", "56", "fifty-six", {"unit": "national and international unions"}, None)]),
    ("There are fifty-four affiliated unions.",
     [("quantity", "54", "fifty-four", {"unit": "affiliated unions"}, None)]),
    ("The main campus encompasses seven teaching and research colleges.",
     [("quantity", "7", "seven", {"unit": "teaching and research colleges"}, None)]),
    ("The party had some 12.5 million members.",
     [("member_count", "12500000", "some 12.5 million",
       {"quantity_qualifier": "about", "unit": "members"}, None)]),
    ("It counts 88 staff members in the Academy.",
     [("quantity", "88", "88", {"unit": "staff members"}, None)]),
])
def test_number_words_decimals_and_joined_modifiers(sentence, expected):
    assert claims(sentence) == expected


def test_a_compound_number_word_is_one_number_not_a_range():
    assert parse_quantity("fifty-six").value == 56
    assert parse_quantity("over 2.5 million").value == 2500000
    assert re.fullmatch(range_pattern(), "fifty-six") is None
    with pytest.raises(ValueError):
        parse_quantity("12.5")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ANU enrols 10,840 postgraduate students and employs 3,753 staff.",
     ("employees", "3753", "3,753", {"unit": "staff"})),
    ("The company employs over 80,000 people worldwide.",
     ("employees", "80000", "over 80,000", {"quantity_qualifier": "over", "unit": "people"})),
    ("The charity has a workforce of 10,000.", ("employees", "10000", "10,000", {})),
    ("Nokia had over 123,000 employees in 2018.",
     ("employees", "123000", "over 123,000",
      {"quantity_qualifier": "over", "unit": "employees"})),
])
def test_staff_an_organisation_employs(sentence, expected):
    assert claims(sentence)[0][:4] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("They are the most supported club, drawing an average home attendance of 16,144 in the "
     "2019–20 season.", ("16144", {"unit": "average home attendance"}, None)),
    ("Kaizer Chiefs had a support base of over 16,000,000 at the turn of the century.",
     ("16000000", {"quantity_qualifier": "over", "unit": "support base"}, None)),
    ("The team plays its home matches at the 94,797-capacity FNB Stadium.",
     ("94797", {"unit": "capacity"}, "FNB Stadium")),
    ("The newspaper reached a circulation of 400,000.", ("400000", {"unit": "circulation"}, None)),
])
def test_a_measure_written_before_its_number(sentence, expected):
    ((prop, value, _, qualifiers, subject),) = claims(sentence)
    assert (prop, (value, qualifiers, subject)) == ("quantity", expected)


def test_a_membership_is_the_member_count():
    assert claims("The union has a membership of about 2 million.") == [
        ("member_count", "2000000", "about 2 million",
         {"quantity_qualifier": "about", "unit": "membership"}, None)]


def test_a_count_after_a_named_body_is_that_body_s():
    assert claims("The largest union is the American Federation of State, County and Municipal "
                  "Employees (AFSCME), with approximately 1.4 million members.") == [
        ("quantity", "1400000", "approximately 1.4 million",
         {"quantity_qualifier": "about", "unit": "members"}, "AFSCME")]
    assert claims("It merged with the Kachin Defence Army, with 3,000 troops.") == [
        ("quantity", "3000", "3,000", {"unit": "troops"}, "Kachin Defence Army")]
    assert claims("It is a small party, with 500 members.") == [
        ("quantity", "500", "500", {"unit": "members"}, None)]


@pytest.mark.parametrize(("sentence", "skipped"), [
    ("The Tatmadaw, with 400,000 soldiers, is the largest army.", "400,000"),
    ("The party is based in Johannesburg, with over 1 million members.", "over 1 million"),
])
def test_a_count_after_a_name_that_may_be_a_place_is_skipped(sentence, skipped):
    assert read(sentence) == ([], [skipped])


def test_a_count_of_a_list_of_things_counts_them_together():
    assert claims("Five alumni, staff members, and researchers associated with UCT have won the "
                  "Nobel Prize.") == [
        ("quantity", "5", "Five", {"unit": "alumni, staff members, and researchers"}, None)]


@pytest.mark.parametrize("sentence", [
    "The membership of the council was disputed.",
    "It employs modern methods.",
    "The capacity of the stadium was increased.",
    "The team plays at a stadium with a capacity of 60,000.",
    "Around 12% of its budget comes from donations.",
])
def test_no_count_without_a_number_or_of_a_share(sentence):
    assert read(sentence) == ([], [])


@pytest.mark.parametrize(("text", "quote", "value", "qualifier"), [
    ("The bank serves its customers through more than a dozen branches.", "more than a dozen",
     "12", "over"),
    ("The choir has over a hundred members.", "over a hundred", "100", "over"),
])
def test_a_qualifier_before_an_article_and_a_number_word_is_kept(text, quote, value, qualifier):
    """"More than a dozen" is more than twelve, not twelve."""
    found = [(q, v, qualifiers.get("quantity_qualifier"))
             for _, v, q, qualifiers, _ in read(text)[0]]
    assert (quote, value, qualifier) in found


@pytest.mark.parametrize(("title", "sentence", "skipped"), [
    # a person opens the clause: the count is theirs, not the subject's
    ("Acme Instruments", "Jane Roe is the chief designer of more than 20 products.",
     "more than 20"),
    ("Acme Design", "She has designed more than 40 buildings in Lagos.", "more than 40"),
    # what is counted acts in its own clause
    ("Northern League", "Among the 34 states in 1861, seven Southern states declared secession.",
     "seven"),
    ("Harbour Bank", "Two families, the Okafors and the Bellos, founded the bank in 1870.",
     "Two"),
    # a rank, or a number in a name, is no count
    ("Acme Design", "It studied one of the top ten universities in Moscow.", None),
    ("Acme Magazine", "The magazine became the #1 fitness magazine.", None),
    ("Acme Calls", "Acme Calls runs call centres serving Fortune 500 clients.", "500"),
])
def test_a_count_that_is_not_the_subjects_is_not_published(title, sentence, skipped):
    drafts, skips = read_sentence(quantities, sentence, title)
    assert drafts == []
    assert skips == ([skipped] if skipped else [])


@pytest.mark.parametrize(("title", "sentence", "value"), [
    ("Harbour Bank", "Harbour Bank operates 3,076 branches worldwide.", "3076"),
    ("Kaizer Chiefs F.C.", "Chiefs have won 13 league titles.", "13"),  # a word of its name
    ("Harbour Bank", "As of 2008, the company has 40 branches.", "40"),
    ("Riverside College", "Today there are around 3200 students.", "3200"),
])
def test_a_count_of_the_subjects_clause_is_published(title, sentence, value):
    drafts, _ = read_sentence(quantities, sentence, title)
    assert [draft.value for draft, _ in drafts] == [value]


def test_a_reflexive_pronoun_is_not_the_thing_counted():
    assert claims("The former one established themselves as the leading installer.") == []


def counts_in(title: str, text: str) -> tuple[list[tuple], list[str]]:
    """(property, value, unit, subject) of each count an article publishes, and the quotes
    it skips, sentence by sentence as a publish reads them."""
    document = read_bytes(f"= {title} =\n\n{text}\n".encode(), "article.txt")
    drafts, skips = [], []
    for found in quantities.find(document, segment(document)):
        evidence = document.text[found.evidence_start:found.evidence_end]
        drafts += [(d.property, d.value, dict(d.qualifiers).get("unit"), d.subject)
                   for d in found.reading.drafts]
        skips += [evidence[s.start:s.end] for s in found.reading.skips]
    return drafts, skips


@pytest.mark.parametrize(("text", "skipped"), [
    # "the Corporation" is the corporation named last before it, not the division
    ("Acme Pipes is a division of Beta Holding Corporation. Founded in 1802, the Corporation is "
     "present in 34 countries.", ["34"]),
    # "the firm" and "it" go on about the firm the sentence before defines
    ("Acme Ratings is a ratings agency. Beta KMV is a leading provider of credit software. The "
     "firm serves more than 1,600 clients.", ["more than 1,600"]),
    ("Acme Ratings is a ratings agency. Beta KMV is a leading provider of credit software. It "
     "was sold in 2002. It serves more than 1,600 clients.", ["more than 1,600"]),
    # the parent or holding company is another organisation
    ("Acme Pharma is a subsidiary of Beta Corp. The holding company is one of the largest "
     "makers of drugs. It operates 150 affiliates.", ["150"]),
    ("Acme Pharma is a maker of drugs. The parent company employs 30,000 people.",
     ["employs 30,000"]),
])
def test_a_count_of_another_organisation_the_text_refers_back_to_is_not_the_subjects(
        text, skipped):
    assert counts_in(text.split(" is ")[0], text) == ([], skipped)


@pytest.mark.parametrize("text", [
    # the subject's own company, though another company was named before
    "Acme Bakery is a bakery. We own Beta Baking Company. Our company has 400 delivery vans.",
    # "it" after the subject's own definition, and after a person's
    "Acme Bakery is a bakery. It has 400 delivery vans.",
    "Acme Bakery is a bakery. John Smith is its chief executive. It has 400 delivery vans.",
])
def test_a_count_the_subject_s_own_sentences_give_is_published(text):
    assert counts_in("Acme Bakery", text)[0] == [("quantity", "400", "delivery vans", None)]


def test_staff_in_the_description_of_another_name_are_that_name_s():
    assert counts_in("Acme Services", "In 2014 Acme Services acquired Beta Group, a Canadian "
                     "maker of pumps, recording sales of $420 million, and employing "
                     "approximately 1,700 people.")[0] == [
        ("employees", "1700", "people", "Beta Group")]


def test_a_count_acting_in_a_clause_a_conjunction_opens_is_skipped():
    assert read("In 2010 the Association publicised the fact that around six million people in "
                "the UK have failed to buy a receiver.") == ([], ["six million"])


def test_a_noun_ending_in_ss_or_us_is_a_modifier_of_the_thing_counted():
    assert claims("It delivers three key business outcomes to its clients.")[0][3] == {
        "unit": "key business outcomes"}


def test_counts_in_the_brackets_after_another_name_are_not_the_subjects():
    assert counts_in("Acme Support", "Acme Support is a subsidiary of Beta Sons, the holding "
                     "company of the Beta Group (150 years old, over 600,000 employees and "
                     "operations in over 100 countries). It serves 300 clients.") == (
        [("quantity", "300", "clients", None)],
        ["150 years old, over 600,000 employees and operations in over 100 countries"])


@pytest.mark.parametrize(("text", "counts", "skipped"), [
    # the -ing phrase's actor is the clause's subject: a nameless one is not the subject
    ("Acme Caterers is a caterer. Knowing only two people in town, a busy catering company "
     "was the perfect place to begin.", [], ["two"]),
    # ... the subject by its kind or its name is
    ("Acme Caterers is a caterer. Serving over 300 clients, the company is the largest one.",
     [("quantity", "300", "clients", None)], []),
    ("Acme Caterers is a caterer. Operating in 12 states, Acme Caterers is the largest one.",
     [("quantity", "12", "states", None)], []),
])
def test_a_count_in_an_opening_ing_phrase_is_its_actors(text, counts, skipped):
    assert counts_in("Acme Caterers", text) == (counts, skipped)


def test_a_count_in_a_relative_clause_on_a_name_is_that_name_s():
    text = ("Acme Garage is a museum. One of its first customers was Vela Studios, which "
            "purchased eight oscillators to test its theatres. Acme Garage, which has two "
            "rooms, is small.")
    assert counts_in("Acme Garage", text)[0] == [
        ("quantity", "8", "oscillators", "Vela Studios"), ("quantity", "2", "rooms", None)]


def test_a_count_of_the_parent_named_by_a_short_form_of_the_title_is_not_the_subjects():
    text = ("Acme Power is a subsidiary of Acme (NYSE: A), a maker of energy. Acme has a "
            "portfolio of 20,400 megawatts. Acme Power has 2,000 employees.")
    assert counts_in("Acme Power", text) == ([("employees", "2000", "employees", None)],
                                             ["20,400"])


def test_a_number_with_a_thousands_mark_is_not_read_from_its_last_digits():
    assert read("Its approximately 15’835 employees generated sales.") == ([], [])


def test_a_measure_whose_number_counts_things_of_its_own_is_that_count():
    assert claims("The college has a student body of approximately 390 undergraduates.") == [
        ("quantity", "390", "approximately 390",
         {"quantity_qualifier": "about", "unit": "undergraduates"}, None)]
