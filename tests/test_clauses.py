"""Who acts in each clause (pipeline/extract/clauses.py), and the relations every organisation
article states, read through it: founding, founders, seat, officers, parent. Each sentence is
invented, in the forms English states these facts in, for organisations of several kinds; each
relation is shown published where the subject acts and not published where another does."""

import pytest

from pipeline.extract import events, names, people, places, relations
from pipeline.extract.clauses import actor, actors_of
from tests.extraction import read_sentence


def facts(family, text: str, title: str, prop: str) -> list[tuple]:
    """(subject, value, qualifiers) of each claim of one property; subject None: the
    article's own subject."""
    return [(draft.subject, draft.value, dict(draft.qualifiers))
            for draft, _ in read_sentence(family, text, title)[0] if draft.property == prop]


@pytest.mark.parametrize("text, trigger, who", [
    ("Foo Motor Company was a bus maker founded in 1925 and originally based in Troy.",
     "founded", "Foo Motor Company"),
    ("Foo Motor Company was a bus maker founded in 1925 and originally based in Troy.",
     "based", "Foo Motor Company"),
    ("Acme GmbH is a German subsidiary of Acme Group plc, a company based in the UK.",
     "based", "Acme Group plc"),
    ("The Riverside Choir, founded in 1950, sings in Leeds.", "founded", "The Riverside Choir"),
    ("It is a charity based in Leeds.", "based", "It"),
    ("Headquartered in Lyon, Orbis Bank has forty branches.", "Headquartered", "Orbis Bank"),
    ("The club owns Kestrel Park, which was built in 1901.", "built", "Kestrel Park"),
    ("The band was formed in 1991.", "formed", "The band"),
    ("Norvik Ltd was set up in 1985 and was originally based in Hull.", "based", "Norvik Ltd"),
    ("Orbis GmbH, the German subsidiary of Orbis, is based in Bonn.", "the German",
     "Orbis GmbH"),
    ("It is run by Ambit Media, which was founded in 2001.", "founded", "Ambit Media"),
    ("She is the CEO of Freshwater Films, based in Brisbane.", "based", "Freshwater Films"),
    ("Skyway Air Co. (NYSE: SKY) is a U.S. airline, the largest carrier, based in Dayton.",
     "based", "Skyway Air Co. (NYSE: SKY)"),  # a colon in brackets ends no clause
    ("Lyra is a bus maker, the largest in Ohio, based in Dayton.", "based", "Lyra"),
    ("He is CIO at Orbis Ltd, a firm established in 1979.", "established", "Orbis Ltd"),
    ("About Kite: Kite, LLC of Lisle, Ill., is a wholly-owned subsidiary of Orbis, Inc.",
     "a wholly", "Kite, LLC"),  # its town and state after its legal form: no part of the name
    ("Lyra Sound is a British music publishing company, and audio device maker, based in Leeds.",
     "based", "Lyra Sound"),  # a noun phrase joined by "and" without a determiner
])
def test_the_actor_of_a_clause(text, trigger, who):
    assert actor(text, text.index(trigger)) == who


@pytest.mark.parametrize("text, trigger", [
    ("He bought a company based in Ohio.", "based"),  # a nameless company: nobody's seat
    ("Lumen is a film channel owned by Turner Media based in Mumbai.", "based"),  # whose?
    ("Lynch Associates is a search firm based in Ridgefield, CT, established in 1988.",
     "established"),  # the firm's, but the comma after the place leaves it undecided
    ("Mira Vale was the treasurer of a unit of the SPF which was formed in 2001.", "formed"),
    ("She worked for a firm with a branch office headquartered in Cork.", "headquartered"),
    ("He was Manager in Ohio, a post based in Dayton.", "based"),  # not Ohio's
    ("He sells pipes and valves, based in Leeds.", "based"),
    ("Bank of Dayton, Ohio, is a unit of Orbis.", "a unit"),  # no legal form: "of" in the name
])
def test_no_actor_where_the_text_names_none(text, trigger):
    assert actor(text, text.index(trigger)) is None


def test_the_subject_by_name_short_form_abbreviation_pronoun_and_kind():
    actors = actors_of("Northfield Rovers F.C.", "= Northfield Rovers F.C. =\n\n"
                       "Northfield Rovers F.C. (NRFC) is a football club in Leeds.\n")
    for phrase in ("Northfield Rovers F.C.", "Northfield Rovers", "Northfield", "NRFC", "it",
                   "The club", "the football club"):
        assert actors.refers(phrase), phrase
    for phrase in ("Southfield Rovers", "he", "the council", "Rovers"):
        assert not actors.refers(phrase), phrase


@pytest.mark.parametrize("title, phrase", [
    ("Princeton Estates", "Princeton Estates, L.L.C."),
    ("Harbour Foods", "Harbour Foods Ltd."),
    ("Kestrel Software", "Kestrel Software, Inc. (KSI)"),
])
def test_the_subject_with_its_legal_form(title, phrase):
    assert actors_of(title, f"= {title} =\n\n{phrase} is a company.\n").refers(phrase)
    assert not actors_of("Harbour Trust", "= Harbour Trust =\n\nIt is a trust.\n").refers(phrase)


# --- founding date --------------------------------------------------------------------------

@pytest.mark.parametrize("title, text", [
    ("Foo Motor Company", "Foo Motor Company was a bus maker founded in 1925."),
    ("Grey Lantern", "Grey Lantern is an indie rock band formed in 1925 in Bristol."),
    ("Hollins Trust", "The Hollins Trust (HT), established in 1925, funds schools."),
    ("Kettle Party", "The party was founded in 1925 and won seats in 1930."),
    ("Marlow University", "It was chartered in 1925 as a college of engineering."),
    ("Fenwick Athletic", "Arthur Pell founded Fenwick Athletic in 1925."),
    ("Quill Labs", "In 1925 she co-founded Quill Labs with two friends."),
    ("Brightwater Relief", "Since founding Brightwater Relief in 1925, she has raised funds."),
    ("Quill Labs", "Her new business Quill Labs was born in 1925."),
    ("Larkhill Hospital", "She chairs Larkhill Hospital, which she founded in 1925."),
    ("Kettle Club", "He is a member of Kettle Club, a club that he co-founded in 1925."),
    ("Kettle Club", "Ann Lee was a co-founder of Kettle Club (KC) in 1925 with two friends."),
    ("Red Harbour Gazette", "Her father established the Red Harbour Gazette newspaper in 1925."),
    ("Hollins Trust", "The charity itself was already founded in 1925 under another name."),
    ("Hollins Cafe", "Hollins Cafe, established 1925, is a restaurant on the square."),
    ("Orbis Games", "Orbis Games is a toy maker established by Ann Lee in Troy, Ohio, in 1925."),
    ("Orbis Relief", "Following the 1925 creation of the Orbis Relief (OR) she joined it."),
])
def test_a_founding_date_is_the_subjects_inception(title, text):
    assert (None, "1925", {}) in facts(events, text, title, "inception")


@pytest.mark.parametrize("title, text", [
    # another named body's founding: the claim is that body's, never the subject's
    ("Grey Lantern", "Its singer joined Red Harbour, a label founded in 1925."),
    ("Marlow University", "He bought a college founded in 1925."),
    ("Kettle Party", "The first overseas Kettle Party was founded in Canada in 1925."),
    ("Quill Labs", "Its founder Ann Lee was born in 1925."),  # a birth founds no person
    ("Quill Labs", "It was born in Boston, where Ann Lee was born in 1925."),
])
def test_a_founding_that_is_not_the_subjects_is_not_its_inception(title, text):
    assert (None, "1925", {}) not in facts(events, text, title, "inception")


def test_another_bodys_founding_is_that_bodys():
    text = "Its singer joined Red Harbour, a label founded in 1925."
    assert facts(events, text, "Grey Lantern", "inception") == [("Red Harbour", "1925", {})]


# --- events: another actor's are not the subject's -------------------------------------------

@pytest.mark.parametrize("text", [
    "In 1998, Mayor Tom Reed discussed founding a college.",
    "Dr. Ann Oduya became the first mayor of Palo Alto in 1909.",
    "He graduated from Wesleyan University in 1936.",
])
def test_another_actors_event_is_not_the_subjects(text):
    assert facts(events, text, "Marlow University", "significant_event") == []


@pytest.mark.parametrize("text, event", [
    ("In 1998, the university opened a medical school.", "the university opened a medical school"),
    ("In 1998, Marlow opened a medical school.", "Marlow opened a medical school"),
    ("The two parties signed a ceasefire agreement in 1998.",
     "The two parties signed a ceasefire agreement"),  # nobody named: left as the article's
])
def test_the_subjects_own_event_is_kept(text, event):
    assert [f[1] for f in facts(events, text, "Marlow University", "significant_event")] == [
        event]


# --- founders --------------------------------------------------------------------------------

@pytest.mark.parametrize("title, text, founders", [
    ("Trix Records", "Trix Records was a record label set up in 1972 by folklorist Peter B. Lowry.",
     ["Peter B. Lowry"]),
    ("Grey Lantern", "The band was formed in 1991 by Ana Ruiz and Tom Hale.",
     ["Ana Ruiz", "Tom Hale"]),
    ("Quill Labs", "Ana Ruiz co-founded Quill Labs.", ["Ana Ruiz"]),
    ("Orbis Bau", "Created in 1899 by French engineers Ana Ruiz and Tom Hale, Orbis Bau builds "
     "roads.", ["Ana Ruiz", "Tom Hale"]),  # a nationality and a trade before the names
    ("Kestrel Trust", "The Kestrel Trust is a charity founded by a Welsh teacher, Ana Ruiz.",
     ["Ana Ruiz"]),
    ("Lyra Press", "Lyra Press is a publisher established by Quill co-founder Ana Ruiz.",
     ["Ana Ruiz"]),
    # the name before a trade is the description's, never a founder
    ("Lyra Press", "Lyra Press is a label founded by Rolling Stone publisher Ana Ruiz.",
     ["Ana Ruiz"]),
])
def test_founders(title, text, founders):
    assert [f[1] for f in facts(people, text, title, "founded_by") if f[0] is None] == founders


@pytest.mark.parametrize("text", [
    "Lyra Press was founded by Orbis and Vela Media.",  # "Orbis and": no description
    "Lyra Press was founded by a group of Vela Media staff.",
])
def test_no_founder_where_the_words_before_the_name_are_no_description(text):
    assert facts(people, text, "Lyra Press", "founded_by") == []


def test_a_founder_list_without_and_is_one_founder():
    text = "Founded in 1870 by Jaime Torres, Bodegas Rubio is a wine maker."
    assert [f[1] for f in facts(people, text, "Bodegas Rubio", "founded_by")] == ["Jaime Torres"]


# --- seat ------------------------------------------------------------------------------------

@pytest.mark.parametrize("title, text, seat", [
    ("Park Lane Bancorp", "Park Lane Bancorp is a bank holding company headquartered in Newark, "
     "Ohio.", "Newark"),
    ("Hollins Trust", "The Hollins Trust is a charity based in Leeds.", "Leeds"),
    ("Grey Lantern", "Grey Lantern is an industry-leading, privately held label based in Bristol.",
     "Bristol"),
    ("Orbis Bank", "Headquartered in Lyon, Orbis Bank has forty branches.", "Lyon"),
    ("Fenwick Athletic", "Fenwick Athletic is a football club founded in 1925 and based in Hull.",
     "Hull"),
    ("Skyway Air", "Skyway Air Co. (NYSE: SKY) is a U.S. airline, the largest carrier in Ohio, "
     "headquartered in Dayton, Ohio.", "Dayton"),
    ("Princeton Estates", "Princeton Estates, L.L.C. is a privately held real estate company "
     "based in Troy, Michigan.", "Troy"),
    ("Ashby Public Library", "The Ashby Public Library is located in Ashby, Kent.", "Ashby"),
    ("Marlow Museum", "The museum is situated in Marlow.", "Marlow"),
])
def test_a_seat_is_the_subjects_headquarters(title, text, seat):
    assert (None, seat, {}) in facts(places, text, title, "headquarters")


@pytest.mark.parametrize("title, text, seats", [
    ("Rook Aviation, Inc.", "Rook Aviation, Inc. is an American aircraft maker originally based "
     "in Troy, Ohio, later in Dayton, Ohio and now in Austin, Texas.", ["Troy", "Dayton",
                                                                        "Austin"]),
    ("KRLW", "KRLW (1450 AM) was a radio station based out of Redding, California, U.S., and now "
     "in Hilo, Hawaii.", ["Redding", "Hilo"]),
    ("Vela Tools", "Vela Tools is a maker originally based in Ocala, Florida, and now in the "
     "Enterprise Zone in Star, Ohio.", ["Ocala"]),  # a zone within a town is not the next seat
    ("Larkhill Hospital", "Larkhill Hospital has more than 40 beds and is located in Preston.",
     ["Preston"]),
    ("Harbour Women's Club", "Harbour Women's Club, also known as Long Bridge House, is a "
     "historic women's club located at Gloucester Courthouse, Gloucester County, Virginia.",
     ["Gloucester Courthouse"]),
    ("Lyra Aid", "Lyra Aid is a 501(c)(3) non-profit based in New York City.",
     ["New York City"]),
    ("Kite Band of Lakota", "The Kite Band of Lakota, a recognized tribe of Lakota people, are "
     "headquartered in Kite Springs.", ["Kite Springs"]),
    ("Orbis Trust", "Orbis Trust is proudly located in Spokane, WA.", ["Spokane"]),
    ("A&J Wealth Limited", "A&J Wealth Limited was set up in 1985 and was originally based in "
     "Beaconsfield.", ["Beaconsfield"]),
])
def test_seats_one_after_another_and_seats_after_an_aside(title, text, seats):
    assert [value for subject, value, _ in facts(places, text, title, "headquarters")
            if subject is None] == seats


@pytest.mark.parametrize("text, seat", [
    ("Lyra Loans headquartered in Tulsa Oklahoma lends to farmers.", "Tulsa"),
    ("Lyra Loans is headquartered in Austin TX.", "Austin"),
    ("Headquartered in Taizhou City of Zhejiang Province, Lyra Loans lends.", "Taizhou City"),
    ("Lyra Loans is headquartered in Port Washington.", "Port Washington"),
    ("Lyra Loans is headquartered in West Virginia.", "West Virginia"),
    ("Lyra Loans, headquartered in the Township of Washington, lends.", "Township of Washington"),
])
def test_a_state_written_after_a_town_without_a_comma_is_not_part_of_it(text, seat):
    assert facts(places, text, "Lyra Loans", "headquarters") == [(None, seat, {})]


def test_a_name_ending_in_a_kind_word_is_a_name_not_the_subjects_kind():
    text = ("Park Lane Corp is a bank. The Park Lane Bank operates as a subsidiary of Park Lane "
            "Corp.")
    assert facts(relations, text, "Park Lane Corp", "parent_organization") == [
        ("Park Lane Bank", "Park Lane Corp", {})]
    text = ("Orbis is a foundation. The Vela Medical Foundation, a private foundation, was "
            "founded in 1997 and is located in Bethesda.")
    assert facts(places, text, "Orbis", "headquarters") == [
        ("Vela Medical Foundation", "Bethesda", {})]


def test_whose_headquarters_is_the_seat_of_the_name_it_hangs_on():
    text = ("Vela Golf is a wholly owned subsidiary of Rook Sports Ltd, whose headquarters are in "
            "Tokyo.")
    assert facts(places, text, "Vela Golf", "headquarters") == [("Rook Sports Ltd", "Tokyo", {})]
    text = "Larkhill Hospital, whose head office is in Preston, treats sight loss."
    assert facts(places, text, "Larkhill Hospital", "headquarters") == [(None, "Preston", {})]


def test_a_seat_of_a_place_named_before_the_verb_is_nobodys():
    text = "In 2007, Vela Works located at Solapur, Maharashtra has been acquired by Orbis Ltd."
    assert facts(relations, text, "Vela Works", "parent_organization") == []
    assert facts(places, text, "Vela Works", "headquarters") == [(None, "Solapur", {})]


def test_a_seat_in_apposition_is_the_named_bodys():
    text = "Acme GmbH is a German subsidiary of Acme Group plc, a company based in London."
    assert facts(places, text, "Acme GmbH", "headquarters") == [("Acme Group plc", "London", {})]


@pytest.mark.parametrize("text", [
    "He bought a company based in Ohio.",
    "She worked for a firm with an office headquartered in Cork.",
])
def test_no_seat_for_a_body_the_text_does_not_name(text):
    assert facts(places, text, "Hollins Trust", "headquarters") == []


# --- officers --------------------------------------------------------------------------------

@pytest.mark.parametrize("title, text, person, role", [
    ("Basic Foods", "Dana Gray is the president and chief executive officer of Basic Foods.",
     "Dana Gray", "chief executive officer"),
    ("Marlow University", "Dana Gray (born 1950) is a British physicist, Vice-Chancellor of "
     "Marlow University.", "Dana Gray", "vice-chancellor"),
    ("Kettle Party", "Kettle Party leader Dana Gray spoke.", "Dana Gray", "leader"),
    ("Hollins Trust", "The Hollins Trust's Chief Executive Officer is Dana Gray.", "Dana Gray",
     "chief executive officer"),
    ("Grey Lantern", "Dana Gray, Founder and CEO of Grey Lantern, spoke.", "Dana Gray", "ceo"),
    ("Beams", "Its chief executive officer (CEO) is Dana Gray.", "Dana Gray",
     "chief executive officer"),  # the abbreviation in brackets after the office
    ("Hollins Trust", "The trust is led by board president Dana Gray.", "Dana Gray",
     "board president"),
])
def test_an_officer_of_the_subject(title, text, person, role):
    assert (None, person, {"role": role}) in facts(people, text, title, "leader")


def test_an_officer_of_another_body_is_that_bodys():
    text = "Dana Gray is the president and chief executive officer of Basic Foods Company."
    found = facts(people, text, "Marlow University", "leader")
    assert found and all(subject == "Basic Foods Company" for subject, _, _ in found)


def test_no_officer_of_something_that_is_not_an_organisation():
    text = "Dana Gray, President of Chad, spoke."
    assert facts(people, text, "Kettle Party", "leader") == []


# --- parent ----------------------------------------------------------------------------------

@pytest.mark.parametrize("title, text, parent", [
    ("Cathay Savings", "Cathay Savings is a wholly owned subsidiary of Cathay General Bancorp.",
     "Cathay General Bancorp"),
    ("Northport Capital", "Northport Capital, a subsidiary of Resource America, lends money.",
     "Resource America"),
    ("Verizon Mobile", "Verizon Mobile is wholly owned by Verizon Communications Group.",
     "Verizon Communications Group"),
    ("Therm Rest", "It was renamed Cascade Designs, which is now the parent company of Therm "
     "Rest.", "Cascade Designs"),
    ("Harbour Coding", "Harbour Coding is a wholly owned subsidiary of Provistas, Incorporated.",
     "Provistas, Incorporated"),  # the parent's legal form stays in its name
    ("Kestrel Press", "Kestrel Press, a division of Orbis Media, Inc. (NYSE: ORB), prints books.",
     "Orbis Media, Inc."),
])
def test_a_parent_of_the_subject(title, text, parent):
    found = facts(relations, text, title, "parent_organization")
    assert [value for subject, value, _ in found if subject in (None, title)] == [parent]


@pytest.mark.parametrize("title, text, parent", [
    ("Lyra Clinic", "A subsidiary of Vela Health, Lyra Clinic treats sight loss.", "Vela Health"),
    ("Kite Tours", "As the travel subsidiary of Rook Holdings, Kite Tours sells trips.",
     "Rook Holdings"),
    ("Kite Tours", "As of May 1, 2010, Kite Tours operates as a subsidiary of Rook Holdings.",
     "Rook Holdings"),
    ("Kite Tours", "Kite Tours, a Rook Company, is a subsidiary of Rook.", "Rook"),
    ("Kite Tours", "Kite Tours, Inc., doing business as Kite, is an American subsidiary of the "
     "Swiss travel group Rook.", "Rook"),
    ("Kite Tours", "Kite Tours is a small travel agent and wholly-owned subsidiary of Rook "
     "S.A.S. (Paris).", "Rook S.A.S."),
    ("Kite Tours", "Kite Tours is a wholly owned and independently run subsidiary of ROOK CO., "
     "LTD.", "ROOK CO., LTD"),  # the sentence's full stop is not the abbreviation's
    ("Kite Tours", "Kite Tours has become a 100% subsidiary of Rook Group, Inc. (CEO: Ann Lee).",
     "Rook Group, Inc."),
    ("Vela Care", "Vela Health is the US arm of care giant Rook, which itself is a subsidiary "
     "of Germany's Orbis Care.", None),
    ("Larkhill Hospital", "Orbis Care has served as the Hospital's parent company since 2001.",
     "Orbis Care"),
    ("Harbour Rowing Club", "Orbis Sport's youth subsidiary, Harbour Rowing Club, trains "
     "juniors.", "Orbis Sport"),
    ("AT&T Mobile", "AT&T Mobile is a wireless subsidiary of AT&T Holdings.", "AT&T Holdings"),
    ("Kite Tours", "Kite Tours is a subsidiary of The Rook Group, a maker of kites.",
     "The Rook Group"),  # a capital "The" inside the sentence is the name's
    ("Kite Tours", "Kite Tours is a subsidiary of the Rook Group.", "Rook Group"),
    ("Kite Tours", "Kite Tours is a US subsidiary of Rook Co., Ltd., a maker of kites.",
     "Rook Co., Ltd."),  # the comma after it shows the dot is the abbreviation's
])
def test_a_parent_of_the_subject_in_more_forms(title, text, parent):
    found = facts(relations, text, title, "parent_organization")
    assert [value for subject, value, _ in found if subject in (None, title)] == (
        [parent] if parent else [])


def test_the_parent_of_a_list_is_each_ones_and_a_short_form_there_is_another_body():
    text = "Rook Care Ltd is the parent company for Lyra Home, Vela Home and Rook Care Home."
    found = read_sentence(relations, text, "Rook Care Home")[0]
    assert sorted((d.subject or "", d.property, d.value) for d, _ in found) == [
        ("", "parent_organization", "Rook Care Ltd"),
        ("Lyra Home", "parent_organization", "Rook Care Ltd"),
        ("Rook Care Ltd", "subsidiary", "Lyra Home"),
        ("Rook Care Ltd", "subsidiary", "Rook Care Home"),
        ("Rook Care Ltd", "subsidiary", "Vela Home"),
        ("Vela Home", "parent_organization", "Rook Care Ltd")]


def test_a_charity_and_its_subsidiary_both_named():
    text = "Similarly, Orbis Aid and its trading subsidiary Orbis Shops fund the work."
    found = read_sentence(relations, text, "Orbis Shops")[0]
    assert sorted((d.subject or "", d.property, d.value) for d, _ in found) == [
        ("", "parent_organization", "Orbis Aid"), ("Orbis Aid", "subsidiary", "Orbis Shops")]


def test_a_possessive_that_is_not_the_parents_name_gives_no_parent():
    text = "Kite Tours is a wholly owned subsidiary of Rook's brothers travel Group AB."
    assert facts(relations, text, "Kite Tours", "parent_organization") == []


@pytest.mark.parametrize("text", [
    "Lyra Clinic is a subsidiary of Vela Health, AG Barr and Norn.",
    "Lyra Clinic is a division of Vela, Co-op Care and Norn.",
])
def test_a_legal_form_word_opening_the_next_name_of_a_list_stays_out(text):
    found = facts(relations, text, "Lyra Clinic", "parent_organization")
    assert all("," not in value for _, value, _ in found)


def test_a_parent_of_another_body_is_that_bodys():
    text = "Its shares are held by Northport Capital, a subsidiary of Resource America."
    assert facts(relations, text, "Harbour Loans", "parent_organization") == [
        ("Northport Capital", "Resource America", {})]


def test_a_nameless_noun_phrase_joined_by_and_gives_no_parent():
    text = ("Its beers are sold by Harbor USA, which has been independent of the Canadian firm "
            "and a subsidiary of the privately held Lakes Breweries Group.")
    assert facts(relations, text, "Harbor Brewing Company", "parent_organization") == []


def test_a_place_named_like_the_subject_stays_a_place():
    text = "Norton Rovers F.C. were an English football club based in Norton, Stockton-on-Tees."
    assert facts(places, text, "Norton Rovers F.C.", "located_in") == [
        ("Norton", "Stockton-on-Tees", {})]


@pytest.mark.parametrize("text, title, published", [
    # "the Corporation" is the corporation named last: the parent, not the subject
    ("Orbis Pipes is one of three divisions within Halden Holding Corporation. Founded in "
     "1850, the Corporation is headquartered in Norway.", "Orbis Pipes Asia", False),
    ("Orbis Pipes Corporation makes pipes. The Corporation is headquartered in Norway.",
     "Orbis Pipes Corporation", True),
    # a name's end is the subject's too ("the Gates Foundation")
    ("Lund & Berg Foundation (or the Berg Foundation) is a charity. The foundation is "
     "headquartered in Norway.", "Lund & Berg Foundation", True),
    # in another section, the name no longer stands before "the Corporation"
    ("Orbis Pipes is a division of Halden Holding Corporation.\n\n== History ==\n\nThe "
     "Corporation is headquartered in Norway.", "Orbis Pipes", True),
])
def test_the_kind_is_the_one_of_that_kind_named_last(text, title, published):
    seats = facts(places, text, title, "headquarters")
    assert seats == ([(None, "Norway", {})] if published else [])


def test_a_founding_of_the_kind_named_last_is_not_the_subjects():
    text = ("Orbis Pipes is one of three divisions within Halden Holding Corporation. Founded "
            "in 1850, the Corporation has 30 plants.")
    assert all(subject is not None for subject, _, _ in
               facts(events, text, "Orbis Pipes Asia", "inception"))


@pytest.mark.parametrize("title, text, seat", [
    ("Lyra Racing", "Lyra Racing was originally based in Ostbach Germany with an office in "
     "Reading.", "Ostbach"),
    ("Lyra Loans", "Lyra Loans is headquartered in Fresno Ca.", "Fresno"),
    ("Lyra Loans", "Lyra Loans is headquartered in Equatorial Guinea.", "Equatorial Guinea"),
    ("Lyra Loans", "Lyra Loans is headquartered in West Germany.", "West Germany"),
])
def test_a_country_written_after_a_town_without_a_comma_is_not_part_of_it(title, text, seat):
    assert facts(places, text, title, "headquarters") == [(None, seat, {})]


@pytest.mark.parametrize("title, text", [
    # the title extended by a place, or by a name with a legal form, the title never alone
    ("Orbis Food Services", "As a subsidiary of Vela Group, Orbis Food Services of Leeds "
     "sells fresh fruit."),
    ("Lund & Partners", "Lund & Partners, Asset Counsel Inc. is a subsidiary of Vela Group."),
    # a name written with the title in brackets
    ("ORB", "ORB Field Works, LLC (ORB) is a survey firm, a subsidiary of Vela Group."),
    # a name cut by the clause reader ("Factory Company"), and one glued to another by "and"
    ("Nordic stone & tile Factory Company", "Nordic stone & tile Factory Company is a "
     "subsidiary of Vela Group."),
    ("Lyra Cell Therapeutics", "GmbH and Lyra Cell Therapeutics, a subsidiary of Vela Group."),
    # renamed: the new name is the same organisation
    ("Dayton Sheet Glass Company", "He founded the Dayton Sheet Glass Company, now known as "
     "DSG Industries, a subsidiary of Vela Group."),
])
def test_the_subject_under_another_name_the_text_writes_for_it(title, text):
    assert facts(relations, text, title, "parent_organization") == [(None, "Vela Group", {})]


@pytest.mark.parametrize("title, text", [
    # the title's abbreviation spelt out
    ("Orbis Rovers F.C.", "Orbis Rovers Football Club were a club based in Leeds, England."),
    # renamed from the title, its final full stop left out in the brackets
    ("Lyra Hellas B.C.", "Lyra Athens B.C. (formerly Lyra Hellas B.C) is a club based in Leeds."),
])
def test_the_subjects_seat_under_another_name(title, text):
    assert facts(places, text, title, "headquarters") == [(None, "Leeds", {})]


def test_a_longer_name_is_another_company_where_the_title_is_written_alone():
    text = "Orbis Motor Company of Canada is a subsidiary of Orbis Motor Company."
    assert facts(relations, text, "Orbis Motor Company", "parent_organization") == [
        ("Orbis Motor Company of Canada", "Orbis Motor Company", {})]


def test_offices_joined_before_of_are_no_part_of_the_name():
    text = "Mira Vale is the Founder & CEO of Lyra Print India, a firm based in Pune."
    assert actor(text, text.index("based")) == "Lyra Print India"


def test_a_position_held_since_a_date_is_no_event():
    text = "Mira Vale is CEO and Chair of Lyra Print (LYP), a position she has held since 2004."
    assert facts(events, text, "Lyra Print", "significant_event") == []


@pytest.mark.parametrize("text, parent", [
    ("Founded in 1990, Kite Way, LLC (KITE) is a survey firm, owned by its parent company, "
     "Orla's FieldMart, Inc.", "Orla's FieldMart, Inc"),
    ("Kite is a survey firm owned by its parent company, Vela Holdings.", "Vela Holdings"),
])
def test_an_owner_the_text_calls_its_parent_company(text, parent):
    assert facts(relations, text, "KITE", "parent_organization") == [(None, parent, {})]


@pytest.mark.parametrize("text, child", [
    ("Its tours are sold through Kite Travel's parent company Orla Holdings.", None),
    ("Mira Vale, Chair of Lund's parent company, Orla Holdings, spoke.", "Lund"),
])
def test_a_named_companys_parent_company(text, child):
    assert facts(relations, text, "Kite Travel", "parent_organization") == [
        (child, "Orla Holdings", {})]


@pytest.mark.parametrize("text, published", [
    ("It was first based in Leeds, and later moved to Otley, Yorkshire on 3 May 1990.",
     [(None, "Leeds", {}), (None, "Otley", {"start_time": "1990-05-03"})]),
    ("Kite Arts relocated to Little Rock, Arkansas in 1977.",
     [(None, "Little Rock", {"start_time": "1977"})]),
    ("In 1996 she moved to Dayton and started a career.", []),  # a person moves too
])
def test_an_organisation_that_moves_moves_its_seat(text, published):
    assert facts(places, text, "Kite Arts", "headquarters") == published


@pytest.mark.parametrize("text", [
    "Kite Inc., a subsidiary of Kite Group, is based in Leeds.",
    "Kite Inc. is a subsidiary of Kite Group and is based in Leeds.",
])
def test_a_subsidiary_named_by_a_short_form_of_the_title_is_another_company(text):
    assert facts(places, text, "Kite Group", "headquarters") == [("Kite Inc.", "Leeds", {})]
    assert facts(relations, text, "Kite Group", "parent_organization") == [
        ("Kite Inc.", "Kite Group", {})]


def test_a_lead_on_the_titles_unit_gives_none_of_its_names_to_the_subject():
    text = "Kite Express (USA) is the US arm of delivery giant Kite, a subsidiary of Vela Post."
    assert read_sentence(names, text, "Kite")[0] == []
    assert facts(relations, text, "Kite", "parent_organization") == [
        ("Kite Express", "Kite", {}), (None, "Vela Post", {})]


@pytest.mark.parametrize("text", [
    "After Vela Foods merged with Orbis Group in 1992, Lyra Dairies absorbed Orbis Milk.",
    # two sentences the copy glued together without a space
    "It became a large dairy in the north.After Vela Foods merged with Orbis Group in 1992, "
    "Lyra Dairies absorbed Orbis Milk.",
])
def test_a_clause_that_only_times_the_main_clause_is_no_event(text):
    values = [value for _, value, _ in facts(events, text, "Lyra Dairies", "significant_event")]
    assert not [v for v in values if "After" in v], values


@pytest.mark.parametrize("text, year", [
    ("Lyra Brewing Ltd. (French: Brasseries Lyra) is a Belgian-owned beer company founded by "
     "Jo Lyra in 1847 in London, Ontario.", "1847"),
    ("Lyra Brewing is a record label formed in Monterrey in 1996.", "1996"),
])
def test_a_present_definition_with_its_founding_is_the_inception_not_an_event(text, year):
    assert facts(events, text, "Lyra Brewing", "significant_event") == []
    assert [value for _, value, _ in facts(events, text, "Lyra Brewing", "inception")] == [year]


def test_a_past_definition_with_its_founding_stays_an_event():
    text = "Lyra Poets was a band founded in the Philippines in 1997."
    assert facts(events, text, "Lyra Poets", "significant_event")


def test_a_relative_clause_prior_to_which_is_no_event():
    text = ("It has been directed by Ann Vela since 1996, prior to which it was directed by "
            "Jo Lyra from 1993.")
    values = [value for _, value, _ in facts(events, text, "Vela Chorus", "significant_event")]
    assert not [v for v in values if v.startswith("prior")], values


@pytest.mark.parametrize("title, text, family, prop, value", [
    ("Vela children products Co.,ltd", "Vela children products Co.,ltd  is a subsidiary of  the "
     "Orbis Group, focusing on prams.", relations, "parent_organization", "Orbis Group"),
    ("Kite (Holdings) Limited", "Kite (Holdings) Limited, was a conglomerate, based in Leeds.",
     places, "headquarters", "Leeds"),
    ("Lyra Polymer Co.,ltd.", "Lyra Polymer Co.,ltd.(LPC), established in 2001, is a maker of "
     "resins.", events, "inception", "2001"),
])
def test_a_title_not_shaped_as_a_name_opens_the_subjects_clause(title, text, family, prop,
                                                                 value):
    """Lower-case words, a bracket inside or a legal form glued to its comma: the title as
    written is still the subject's name."""
    assert facts(family, text, title, prop) == [(None, value, {})]


@pytest.mark.parametrize("text", [
    "Vela children products Co.,ltd bought a firm based in Leeds.",
    "The Orbis Group, which owns Vela children products Co.,ltd, is based in Leeds.",
])
def test_a_title_not_shaped_as_a_name_gives_it_no_other_bodys_seat(text):
    assert [s for s, _, _ in facts(places, text, "Vela children products Co.,ltd",
                                   "headquarters") if s is None] == []
