"""The definitions family: the kind and place of the subject, from the lead's first sentence."""

from types import SimpleNamespace

import pytest
from extraction import read_sentence

from pipeline.extract import definitions, engine


def claims(text: str) -> list[tuple]:
    """(property, value, quote) of every claim read from a lead sentence (each re-derived)."""
    drafts, _ = read_sentence(definitions, text)
    assert all(d.subject is None for d, _ in drafts)  # the lead is about the document's subject
    return [(d.property, d.value, quote) for d, quote in drafts]


@pytest.mark.parametrize("text, kind", [
    # a university, a union, a party, an armed group, a company, a club, a charity
    ("The Sample University (SU) is a public research university.", "public research university"),
    ("The Sample Congress is a national trade union centre, a federation of unions.",
     "national trade union centre"),
    ("The Sample Front is a social-democratic political party.", "political party"),
    ("The Sample Army (Burmese: ဆမ်, SA) is an ethnic armed organisation based in Sample State.",
     "ethnic armed organisation"),
    ("Sample Motors Limited is an Indian multinational automotive manufacturing company "
     "headquartered in Mumbai.", "multinational automotive manufacturing company"),
    ("Sample City Football Club is a South African professional football club.",
     "professional football club"),
    ("Sample Aid is an international confederation of charitable organizations.",
     "international confederation of charitable organizations"),
    ("The Sample Confederation is the continental governing body of football in Europe.",
     "continental governing body of football"),
])
def test_the_kind_without_origin_or_leaning(text, kind):
    assert claims(text)[0] == ("instance_of", kind, kind)


@pytest.mark.parametrize("text", [
    "The Sample Union is the largest union in the country.",  # a rank, not a kind
    "The Sample Trust is a university clinic in Germany.",  # the head would be cut short
    "The Sample Front is led by Ko Ko.",
])
def test_no_kind_where_the_sentence_does_not_state_one(text):
    assert claims(text) == []


def test_places_by_the_kind_of_place():
    assert claims("The Sample University is a public university in Cape Town, South Africa.") == [
        ("instance_of", "public university", "public university"),
        ("located_in", "Cape Town", "Cape Town"),
        ("country", "South Africa", "South Africa"),
    ]
    assert claims("The Sample Union is an economic union comprising 10 member states in "
                  "Southeast Asia, which promotes trade.")[1:] == [
        ("operating_area", "Southeast Asia", "Southeast Asia")]
    assert claims("The Sample Party is a political party in Myanmar (Burma).")[1:] == [
        ("country", "Myanmar", "Myanmar")]


def test_a_place_with_initials_is_not_cut_in_two():
    assert claims("The Sample Council is a labour federation in Washington, D.C.") == [
        ("instance_of", "labour federation", "labour federation")]


def test_focus_and_conflict():
    assert claims("Sample Rights is a London-based non-governmental organization focused on "
                  "human rights.") == [
        ("instance_of", "non-governmental organization", "non-governmental organization"),
        ("field_of_work", "human rights", "human rights")]
    assert claims("The Sample Forces are a guerrilla movement involved in the continuing "
                  "Colombian armed conflict starting in 1964.")[1:] == [
        ("conflict", "Colombian armed conflict", "Colombian armed conflict")]
    # a focus that the sentence goes on from is not cut short
    assert claims("Sample Aid is a charity focused on poverty in rural areas.") == [
        ("instance_of", "charity", "charity")]


@pytest.mark.parametrize(("title", "text", "lead"), [
    ("List of awards received by Sample Band", "Sample Band is a rock band.", False),
    ("GreyWolf Sample", "Grey Wolf Sample is a drug company.", True),  # the same name, spaced
    ("SAMPLE–CIO", "The Sample Federation is a federation of unions.", True),  # an abbreviation
])
def test_a_first_sentence_opening_with_another_name_is_no_lead(title, text, lead):
    heading = SimpleNamespace(kind="heading", text=title, section_id="lead")
    sentence = SimpleNamespace(kind="prose", text=text, section_id="lead")
    assert engine.lead_sentence([heading, sentence], [sentence]) == ([sentence] if lead else [])


@pytest.mark.parametrize("title, lead, work", [
    ("Lyra (Vela song)", "", True),
    ("Lyra (album)", "", True),
    ("Lyra", '"Lyra" is a song written by Ann Vela for the band Orbis.', True),
    ("Lyra", "Lyra is the self-titled second album of the band Lyra.", True),
    ("Lyra Value", "Lyra Value: How Firms Do Good is a book by Ann Vela published in 2008.", True),
    ("Lyra (band)", "Lyra are a Scottish rock band.", False),
    ("Lyra Library", "Lyra Library was a New York paperback book company.", False),
    ("Lyra Films", "Lyra Films is a film production company.", False),
    ("Lyra", "Lyra is a company that made a film.", False),
])
def test_an_article_on_a_creative_work_is_not_on_an_organisation(title, lead, work):
    assert (definitions.not_an_organisation(title, lead) == "a creative work") is work


@pytest.mark.parametrize("title, lead, kind", [
    ("List of awards received by Vela", "Vela is an American rock band formed in 1970.",
     "a list"),
    ("Ann Vela", "Ann Vela (born 12 May 1950) is the head of Lyra Group.", "a person"),
    ("Theodore Vela", 'Theodore "Ted" Vela (June 23, 1913 - March 13, 1989) was an American trial '
     "lawyer.", "a person"),
    ("Jo Lyra", "Jo Lyra is a British businesswoman and the founder of Vela Foods.", "a person"),
    # a firm named as a person, or by a trade, is an organisation
    ("Jo Lyra", "Jo Lyra is a British fashion house founded in 1983.", None),
    ("Vela Lawyers", "Vela Lawyers is a lawyer referral service based in Leeds.", None),
    ("Lyra Bankers", "Lyra Bankers is an investment bank.", None),
    # a title written as a person's name, a lead that calls it no organisation
    ("George Vela", "George is a senior professional with twenty years of experience.",
     "a person"),
    ("John Lyra", '"Integrity is the core of my business," says John Lyra.', "a person"),
    ("John Lyra", "John Lyra is a British department store company.", None),
    # a title written as a person's name, with a common given name
    ("Todd Vela", "Todd Vela is an American film producer and the founder of Lyra Films.",
     "a person"),
    ("Janice Vela", "I am married to my high school sweetheart, Tom Vela.", "a person"),
    # an office only a person holds, at another organisation
    ("Rodney Vela", "Rodney Vela is the managing partner at Lyra Equity Group.", "a person"),
    ("Vela Marsh", "Vela Marsh was the chief executive of Lyra Foods.", "a person"),
    # an organisation that is another's owner, member, partner or head office is one
    ("Vela Holdings", "Vela Holdings is the owner of Lyra Hotel.", None),
    ("Vela Partners", "Vela Partners is a founding member of the Lyra Alliance.", None),
    ("Vela Bank", "Vela Bank is the leading partner of Lyra Pay.", None),
])
def test_an_article_on_a_list_or_a_person_is_not_on_an_organisation(title, lead, kind):
    assert definitions.not_an_organisation(title, lead) == kind


def test_no_organisation_fact_is_read_about_a_song():
    """An article on a song publishes no official name, event or count of its own subject."""
    from pipeline.extract import extract
    from pipeline.read import read_bytes
    from pipeline.segment import segment
    text = (b'= Lyra (Vela song) =\n\n"Lyra" is a song by the band Vela. In 2010, a video for '
            b'"Lyra" was released.\n')
    document = read_bytes(text, "lyra.txt")
    found = extract(document, segment(document))
    assert [d for f in found for d in f.reading.drafts if d.subject is None] == []
    assert any("creative work" in s.reason for f in found for s in f.reading.skips)


def test_a_lead_on_another_person_leaves_the_article_on_its_organisation():
    lead = "Ann Vela, Founder and CEO of Lyra Marketing, is an entrepreneur and speaker."
    assert definitions.not_an_organisation("Lyra Marketing", lead) is None
