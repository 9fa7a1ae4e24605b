"""Officers and founders of organisations of several kinds, on invented sentences: what the
people family publishes about the article's own subject, and what it must not give it (an
office or a founding that belongs to another organisation named in the same sentence)."""

import pytest

from pipeline.extract import gated, people
from pipeline.read import read_bytes
from pipeline.segment import segment


def claims(title: str, text: str) -> list[tuple]:
    """(property, person, subject, qualifiers) of every claim, through the value gates; the
    subject is None where it is the article's own."""
    document = read_bytes(f"= {title} =\n\n{text}\n".encode(), "article.txt")
    sentences = segment(document)
    spans = {s.sentence_id: (s.char_start, s.char_end) for s in sentences}
    found = [gated(f, document.text, spans[f.sentence_id])
             for f in people.find(document, sentences)]
    return [(d.property, d.value, d.subject, dict(d.qualifiers))
            for f in found for d in f.reading.drafts]


def own(title: str, text: str) -> set[tuple]:
    """(property, person, role) of the claims about the article's own subject."""
    return {(prop, person, qualifiers.get("role"))
            for prop, person, subject, qualifiers in claims(title, text) if subject is None}


@pytest.mark.parametrize("title, text, expected", [
    # a company, its name with a mark inside it
    ("Acme! Incorporated",
     "Jane Roe (born 1960) is an American executive who was the chairman and CEO of Acme! "
     "Incorporated.",
     {("chairperson", "Jane Roe", None), ("leader", "Jane Roe", "ceo")}),
    # post-nominal letters between the holder and the verb
    ("Health Futures Canada",
     "Ann Lee, OC, MD, FRSC, is Chief Executive Officer of Health Futures Canada and Director "
     "at the Hill Institute.",
     {("leader", "Ann Lee", "chief executive officer")}),
    # the organisation described before its name
    ("Toyworks",
     "Tom Hill (born 1963) is a producer and the chief executive officer of the Danish toy "
     "company Toyworks.",
     {("leader", "Tom Hill", "chief executive officer")}),
    # a surname alone after a courtesy title, and a generational suffix
    ("Acme Corporation", "Mr. Brandt was the President and CEO of Acme Corporation.",
     {("leader", "Brandt", "president"), ("leader", "Brandt", "ceo")}),
    ("Acme Bank", "Acme Bank's current interim CEO is John M. Starcher, Jr.",
     {("leader", "John M. Starcher, Jr.", "ceo")}),
    # a union: the clause that is headed by its officer names the union before "and"
    ("Metal Workers Union",
     "The Metal Workers Union is based in Leeds, and is currently headed by General Secretary "
     "Ms. Ann Lee.",
     {("leader", "Ann Lee", "general secretary")}),
    # offices coordinated in one sentence
    ("Gulf Energy", "Gulf Energy's chairman is Omar Haddad, a former minister, and the chief "
     "executive officer is Sara Nasser.",
     {("chairperson", "Omar Haddad", None), ("leader", "Sara Nasser", "chief executive officer")}),
    # a place before the holder's name is no part of it
    ("American Bakers Association",
     "Former Governor of Ohio Tom Hill is ABA's President and CEO.",
     {("leader", "Tom Hill", "president"), ("leader", "Tom Hill", "ceo")}),
    # offices before their holders, the subject named by "its" or not at all
    ("Harbour Trust", "Its founder and CEO is Ann Lee, a serial entrepreneur.",
     {("founded_by", "Ann Lee", None), ("leader", "Ann Lee", "ceo")}),
    ("Harbour Trust", "Its chief executive is Ann Lee and its chair is Tom Hill.",
     {("leader", "Ann Lee", "chief executive"), ("chairperson", "Tom Hill", None)}),
    ("Harbour Trust", "At this date, the President and Chief Executive Officer is Ann M. Lee.",
     {("leader", "Ann M. Lee", "president"), ("leader", "Ann M. Lee", "chief executive officer")}),
    ("Harbour Trust", "As of 2012, the HT's president and chief executive officer (CEO) is "
     "Tom Hill.",
     {("leader", "Tom Hill", "president"), ("leader", "Tom Hill", "chief executive officer")}),
    ("Harbour Trust", "Co-founder Tom Hill was appointed the trust's chairman of the board.",
     {("chairperson", "Tom Hill", None)}),
    ("Harbour Trust", "Tom Hill, chairman of the board and chief executive officer of the Trust, "
     "spoke.",
     {("chairperson", "Tom Hill", None), ("leader", "Tom Hill", "chief executive officer")}),
    ("Harbour Trust Co.", "The trust was bought by current Harbour Trust President and CEO Ann "
     "Lee.",
     {("leader", "Ann Lee", "president"), ("leader", "Ann Lee", "ceo")}),
    ("Gulf Wines", "Miguel A. Torres is the company’s current President and Managing Director.",
     {("leader", "Miguel A. Torres", "president"),
      ("leader", "Miguel A. Torres", "managing director")}),
    # the office of the article's subject, no organisation named with it
    ("Harbour Telecom", "As of May 2, 2016, Ann Lee was the CEO; she succeeded Tom Hill in 2010.",
     {("leader", "Ann Lee", "ceo"), ("leader", "Tom Hill", "ceo")}),
    # the one succeeded in an office held it before
    ("Harbour Institute", "On May 9, 2012, he was elected president and chief executive officer "
     "of the Harbour Institute, succeeding retired Navy admiral Tom Hill, Jr.",
     {("leader", "Tom Hill, Jr.", "president"),
      ("leader", "Tom Hill, Jr.", "chief executive officer")}),
    ("Harbour Systems", "He moved to Harbour Systems in January 1998, becoming Chairman of the "
     "Board and CEO, succeeding Ann B. Lee.",
     {("chairperson", "Ann B. Lee", None), ("leader", "Ann B. Lee", "ceo")}),
    ("Harbour Telecom", "Tom Hill is the chairman and managing director.",
     {("chairperson", "Tom Hill", None), ("leader", "Tom Hill", "managing director")}),
    # a name of one word that holds an office only a person holds
    ("Fishing Guides Ltd", "Iain was formerly chief executive officer of Fishing Guides Ltd and "
     "has eight years of experience.", {("leader", "Iain", "chief executive officer")}),
    ("Harbour Holdings, LLC", "Since their formation, Barden was also President and Chief "
     "Executive Officer of Harbour Holdings, LLC and Chairman of BDI.",
     {("leader", "Barden", "president"), ("leader", "Barden", "chief executive officer")}),
    ("Acme Ltd", "In 2009, Brandt was elected to the board and promoted to Chairman, "
     "President and CEO of Acme Ltd.",
     {("chairperson", "Brandt", None), ("leader", "Brandt", "president"),
      ("leader", "Brandt", "ceo")}),
    # a name of one word that founded the subject and held its offices, "he" or "she" after it
    ("Harbour Logistics", "Prior to Bigco, Dabbiere founded Harbour Logistics, a software "
     "firm, where he served as president and chief executive officer until 1999.",
     {("founded_by", "Dabbiere", None), ("leader", "Dabbiere", "president"),
      ("leader", "Dabbiere", "chief executive officer")}),
    ("Harbour Engineers", "In 1978 Lilia became the first African American to start an "
     "engineering firm when she founded and became CEO of Harbour Engineers.",
     {("founded_by", "Lilia", None), ("leader", "Lilia", "ceo"), ("inception", "1978", None)}),
    # offices named otherwise: the founder's, a role "her" refers forward to, a career's end,
    # an office glossed in brackets
    ("Harbour Golf", "Mr. Hill is best known as the founder of Harbour Golf, a company he "
     "started in 1990 and remained as President and CEO through its sale in 1997.",
     {("founded_by", "Hill", None), ("inception", "1990", None), ("leader", "Hill", "president"),
      ("leader", "Hill", "ceo")}),
    ("Harbour Chemicals", "Prior to her current role as CEO of Harbour Chemicals, K’Lynne was "
     "a vice president of Bigco.", {("leader", "K’Lynne", "ceo")}),
    ("Harbour Bank", "Sanford's career at Harbour Bank began in 1961 as an officer, and he was "
     "promoted through the ranks culminating in the positions of chairman and chief executive "
     "officer in 1987.",
     {("chairperson", "Sanford", None), ("leader", "Sanford", "chief executive officer")}),
    ("Royal Harbour Mint", "Ann Lee is the current Master of the Royal Harbour Mint (President "
     "and CEO).", {("leader", "Ann Lee", "president"), ("leader", "Ann Lee", "ceo")}),
    # an officer who heads the organisation's team, or the organisation named with its kind
    ("Harbour Resorts", "Harbour Resorts is backed by a team headed by CEO Ann Lee.",
     {("leader", "Ann Lee", "ceo")}),
    ("Harbour Trade", "The hotel was built with funds provided through Harbour Trade foreign "
     "trade company led at the time by the state-appointed CEO Tom Hill.",
     {("leader", "Tom Hill", "ceo")}),
    # an office last in a list of what the person is
    ("Harbour Age", "Ann Lee is the wife of Tom Lee and an author of three books, a speaker, "
     "and the co-founder of Harbour Age.", {("founded_by", "Ann Lee", None)}),
    ("Harbour Group", "Tom Hill (born 1944) is an Italian businessman, chairman of Bigco "
     "International, director of Gap Inc., and former president and CEO of Harbour Group.",
     {("leader", "Tom Hill", "president"), ("leader", "Tom Hill", "ceo")}),
    # the office named by "its", whoever else the sentence names
    ("Harbour Films", "Bigco holds 92% while the remaining 8% is held by its chief executive "
     "officer Ann Lee and other staff.",
     {("leader", "Ann Lee", "chief executive officer")}),
    # offices of the subject in a relative clause
    ("Sunfield", "Sunfield is a Danish shoe brand, founded in 1980 in the Vesterbro district of "
     "Copenhagen, whose chief executive officer (CEO) is Ann Lee.",
     {("leader", "Ann Lee", "chief executive officer")}),
    ("Harbour Aid", "From 2010 to 2014, HA was led by Ann Lee, a former executive with UNICEF "
     "who became Harbour Aid's first new CEO since its founder stepped down.",
     {("leader", "Ann Lee", "ceo")}),
    ("Harbour Academies Trust", "Parents met with Ann Lee the CEO of Harbour Academies Trust.",
     {("leader", "Ann Lee", "ceo")}),
])
def test_officers_of_the_subject(title, text, expected):
    assert own(title, text) == expected


def test_offices_in_two_universities_each_go_to_their_own():
    text = ("Mary Major served as president of Northfield College from 1990 to 1995 and "
            "president of Southfield University from 2001 to 2008.")
    assert claims("Southfield University", text) == [
        ("leader", "Mary Major", "Northfield College",
         {"role": "president", "start_time": "1990", "end_time": "1995"}),
        ("leader", "Mary Major", None,
         {"role": "president", "start_time": "2001", "end_time": "2008"}),
    ]


@pytest.mark.parametrize("title, text, person", [
    # the CEO of another organisation named in the same sentence
    ("Acme", "Bigco CEO Tom Hill met Acme chairman Ann Lee.", "Tom Hill"),
    ("Acme Ltd", "Ann Lee is the daughter of Tom Hill, owner of Hill Farms and CEO of Acme Ltd.",
     "Ann Lee"),
    ("Acme Ltd", "Acme Ltd was founded in 1990 by Tom Hill, CEO of Bigco.", "Tom Hill"),
    ("Acme Ltd", "Acme Ltd was founded in 1990 by Tom Hill, the former CEO.", "Tom Hill"),
    # a sentence word before the organisation's name is no part of it
    ("Besides Acme", "Besides Acme CEO Tom Hill, the board includes Ann Lee.", "Tom Hill"),
    # a one-word name in an office a state or a firm may hold, or before another person
    ("Acme Ltd", "Norway was elected to the council and named chair of Acme Ltd.", "Norway"),
    ("Acme", "Lilia met Ann Lee, when she founded and became CEO of Acme.", "Lilia"),
    # the office of another organisation, or another holder's
    ("Acme Tools", "Acme Tools is a unit of Bigco Group, whose CEO is Ann Lee.", "Ann Lee"),
    ("Acme Tools", "Ann Lee was the CEO, the chairman of Bigco.", "Ann Lee"),
    ("Acme Tools", "Ann Lee was the managing director, a post she held at Bigco until 2001.",
     "Ann Lee"),
    ("Acme Bank", "Tom Hill, a friend of Ann Lee who became Acme Bank's CEO, spoke.", "Tom Hill"),
    ("Acme", "Bigco said its CEO Tom Hill would resign.", "Tom Hill"),
    ("Acme Tools", "He met Tom Hill. Ann Lee was the president.", "Ann Lee"),
    # a name of one word in an office a state or a firm may hold
    ("Acme", "Norway was chair of Acme.", "Norway"),
    ("Acme", "Bigco was the leader of Acme.", "Bigco"),
    # the one succeeded in another organisation's office, or in an office a state may have
    ("Acme", "He moved to Bigco Group in 1998, becoming CEO, succeeding Tom Hill.", "Tom Hill"),
    ("Acme", "He became president, succeeding Tom Hill.", "Tom Hill"),
    # another organisation's office, or another person whom "he" may refer to
    ("Acme", "Prior to her current role as CEO of Bigco, Lee was a vice president of Acme.",
     "Lee"),
    ("Acme", "Ann Lee is the founder of Acme, a company she started in 1990 and remained as "
     "president of Bigco.", "Ann Lee"),
    ("Acme", "Sanford's career at Bigco began in 1961, and he was promoted to CEO of Acme.",
     "Sanford"),
    ("Acme", "Sanford's career at Acme began in 1961 when Tom Hill hired her, and he was "
     "promoted to CEO in 1987.", "Sanford"),
    ("Royal Acme Mint", "Ann Lee is the current Master of the Royal Acme Mint (a Crown "
     "corporation).", "Ann Lee"),
    # a team or a company of another organisation's; an aside's office
    ("Acme", "Acme is a unit of Bigco Group, a team headed by CEO Tom Hill.", "Tom Hill"),
    ("Acme", "Acme bought Bigco, a trade company led by CEO Tom Hill.", "Tom Hill"),
    ("Acme Homes", "Ann Lee is the daughter of Tom Lee, co-owner of Bigco and chief executive "
     "officer of Acme Homes, a builder.", "Ann Lee"),
    ("Acme", "Ann Lee is the wife of Tom Lee, a speaker, and the CEO of Acme.", "Ann Lee"),
    # a kind's noun alone is another organisation's name, not the subject's
    ("Acme Bank", "Tom Hill has been President of Bank member Oritani Bank since 1993.",
     "Tom Hill"),
])
def test_no_office_of_the_subject(title, text, person):
    assert not {c for c in own(title, text) if c[0] in ("leader", "chairperson")
                and c[1] == person}


def test_the_chairman_of_a_board_left_unnamed_is_not_the_subjects():
    text = ("In 2014, the Chairman of the Board is Tom L. Hill, President and CEO of Acme "
            "Health.")
    assert own("Acme Health", text) == {("leader", "Tom L. Hill", "president"),
                                        ("leader", "Tom L. Hill", "ceo")}


@pytest.mark.parametrize("title, text, expected", [
    # a charity whose founder holds its office
    ("Helping Hands Trust",
     "Helping Hands Trust was founded in 1990 by John Smith, who serves as its chief executive.",
     {("founded_by", "John Smith", None), ("leader", "John Smith", "chief executive")}),
    ("Riverside Food Bank", "The Riverside Food Bank was started in 1983 by Dr. Ann Lee.",
     {("founded_by", "Ann Lee", None)}),
    # a company described, then founded by people described
    ("Acme Games",
     "Acme Games is a video game developer based in Austin, Texas, founded in 2005 by "
     "ex-Bigco Studios employees Tom Hill and Ann Lee.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    ("Riverside Capital",
     "Riverside Capital, a venture firm based in Leeds and co-founded by Bigco CEO Tom Hill and "
     "Ann Lee, backs start-ups.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    # the people named after "with" founded it too
    ("Harbour Arts Society",
     "In 2001, she founded the Harbour Arts Society with her husband Tom McHill and Ann Lee.",
     {("founded_by", "Tom McHill", None), ("founded_by", "Ann Lee", None),
      ("inception", "2001", None)}),
    ("Snow Boards Inc.",
     "In 1982, Lee co-founded Snow Boards Inc. with her husband, Tom Hill, in Lake Tahoe.",
     {("founded_by", "Lee", None), ("founded_by", "Tom Hill", None),
      ("inception", "1982", None)}),
    ("Food First",
     "Per Holm is a co-founder of the charity Food First together with Ann Lee and Tom Hill.",
     {("founded_by", "Per Holm", None), ("founded_by", "Ann Lee", None),
      ("founded_by", "Tom Hill", None)}),
    ("Union of Bakers", "The Union of Bakers is a creation of Tom Hill and Ann Lee.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    ("Hill Press", "He was the son of journalist Tom Hill, who established the Hill Press in 1880.",
     {("founded_by", "Tom Hill", None)}),
    ("Acme Media", "Acme Media was founded by Tom Hill and co-founder Ann Lee.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    ("Acme Media", "Tom Hill and Ann Lee are the co-founders of Acme Media.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    ("Hill College", "It was renamed by the college's two founders, Tom Hill and Ann Lee.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    ("Workers Party", "The Workers Party is a political party in Lebanon established by Prince "
     "Tom Hill in 2001.", {("founded_by", "Tom Hill", None)}),
    ("Acme Lending", "It was founded in 1995 by a group of former managers at Bigco, including "
     "former CEO Tom Hill.", {("founded_by", "Tom Hill", None)}),
    # an aside between the founder and the verb; the kind's noun before the name
    ("Harbour Wines", "In 1861, Tom Hill, a representative of the Bavarian firm Bigco and Co. "
     "established the winery Harbour Wines, which was run by his heirs.",
     {("founded_by", "Tom Hill", None)}),
    ("Acme Ltd", "Tom Hill, a friend of Ann Lee, founded Acme Ltd in 1990.",
     {("founded_by", "Tom Hill", None)}),
    # the person the sentence opens with, a given name alone too, founded it
    ("Harbour Cleaning", "In 2008 Graeme founded Harbour Cleaning by buying two small firms.",
     {("founded_by", "Graeme", None)}),
    ("Harbour Trading", "Mike moved to Japan in 1981 and set up Harbour Trading (HT) in 1985.",
     {("founded_by", "Mike", None)}),
    ("Harbour Advisers", "Tom Hill then left Bigco, joined a fund and simultaneously founded "
     "Harbour Advisers, his new firm.", {("founded_by", "Tom Hill", None)}),
    ("Harbour Advisers", "Tom met Ann Lee, who founded Harbour Advisers.",
     {("founded_by", "Ann Lee", None)}),
    # the organisation described by a noun before its name
    ("Harbour Bay", "Ann Lee (born 1984), alias annie, is a Swedish engineer, known as the former "
     "co-owner of the web host BigHost and co-founder of the file site The Harbour Bay.",
     {("founded_by", "Ann Lee", None)}),
    # the one named with a founder founded it too, a name of one word too
    ("Harbour Post", "With its executive editor, Tom Hill, Harris founded Harbour Post in 2007.",
     {("founded_by", "Tom Hill", None), ("founded_by", "Harris", None)}),
    # people named after "with", a given name alone after words of kinship
    ("The Hills", "She is a member of the band The Hills, which she co-founded in 1990 with "
     "her elder brother Jim and younger sisters Caroline and Andrea.",
     {("founded_by", "Jim", None), ("founded_by", "Caroline", None),
      ("founded_by", "Andrea", None)}),
    # the founders, no organisation named
    ("Harbour Music", "The name derives from the founders' first names: Ann van Lee, Tom Hill, "
     "Mary Major.",
     {("founded_by", "Ann van Lee", None), ("founded_by", "Tom Hill", None),
      ("founded_by", "Mary Major", None)}),
    ("Harbour Music", "Its founders were Ann Lee and Tom Hill.",
     {("founded_by", "Ann Lee", None), ("founded_by", "Tom Hill", None)}),
    # a given name before "and" shares the surname after it; a name joined by "&"
    ("Michael & Ann Hill Foundation",
     "Michael & Ann Hill Foundation (or the Hill Foundation) is the largest private charity "
     "in the world, founded by Michael and Ann Hill.",
     {("founded_by", "Michael", None), ("founded_by", "Ann Hill", None)}),
    # an aside in brackets after each founder, with names in it that are no founders
    ("Harbour Referees League",
     "The Harbour Referees League was formed by Tom Hill (a former referee) and Ann Lee (a "
     "former player at Bigco Rangers F.C. and pundit on Sky Sports Channel).",
     {("founded_by", "Tom Hill", None), ("founded_by", "Ann Lee", None)}),
    # a name of one word that "he", "she", "his" or "her" refers back to
    ("Harbour Media LLC", "Jordan formed Harbour Media LLC his senior year of high school.",
     {("founded_by", "Jordan", None)}),
    ("Harbour Marketing", "When Laurel formed Harbour Marketing in 2005, she had three goals.",
     {("founded_by", "Laurel", None)}),
    ("Harbour Age", "Maddy is a Senior Vice President at Harbour Age, a firm that she "
     "co-founded in 1986.", {("founded_by", "Maddy", None), ("inception", "1986", None)}),
])
def test_founders_of_the_subject(title, text, expected):
    assert own(title, text) == expected


@pytest.mark.parametrize("title, text", [
    # the description names another organisation the founding may be about
    ("Acme Games", "Acme Games is a subsidiary of Bigco Holdings, founded in 1990 by Tom Hill."),
    # one word is a fragment, not a founder
    ("Acme Ltd", "In 2008 Bigco founded Acme Ltd."),
    ("Acme", "She founded Acme in 1990 with funding from Bill Gates."),
    ("Acme", "Lee founded Acme after meeting Tom, who later founded Bigco."),
    ("Acme Ltd", "Lady Mary founded Acme Ltd in 1990."),
    ("Acme", "Microsoft formed Acme in 1990, and its revenue grew."),
    ("Acme", "When Bigco formed Acme in 1990, its chief said he was pleased."),
    # a person named between the one-word name and the pronoun may be whom it refers to
    ("Acme", "Jordan formed Acme in 1990 when Tom Hill left his job."),
    ("Acme", "Lilia met Ann Lee, when she founded and became CEO of Acme."),
    ("Acme", "Maddy is a friend of Ann Lee at Acme, a firm that she founded."),
    ("Acme", "The founders of Bigco were Ann Lee and Tom Hill."),
    # a name after "the first" is another thing of that name
    ("Acme", "Tom Hill is the founder of the first Acme store in Leeds."),
    ("Acme", "Ann Lee founded the first Acme outside Leeds in 1990."),
])
def test_no_founder_of_the_subject(title, text):
    assert not {c for c in own(title, text) if c[0] == "founded_by"}


@pytest.mark.parametrize("title, text, year", [
    ("Harbour Engineers", "In 1978 Lilia became the first woman to start an engineering firm "
     "when she founded and became CEO of Harbour Engineers.", "1978"),
    ("Harbour Age", "Maddy is a vice president at Harbour Age, a firm that she co-founded in "
     "1986.", "1986"),
    ("Harbour Films", "She is the CEO of Harbour Films, based in Leeds, Yorkshire, which she "
     "founded in 2001.", "2001"),
    # a missing full stop glues the sentence to the one before
    ("Harbour Party", "He was the longest serving Marshal of the Sejm In January 2001, he "
     "founded the Harbour Party with Tom Hill and Ann Lee.", "2001-01"),
])
def test_a_persons_founding_clause_dates_the_founding(title, text, year):
    """"when she founded", "which she founded in 2001": the founding the person's clause
    dates is the organisation's."""
    assert {value for prop, value, subject, _ in claims(title, text)
            if prop == "inception" and subject is None} == {year}


def test_every_claim_re_derives_from_its_evidence():
    text = ("Mary Major served as president of Northfield College from 1990 to 1995 and "
            "president of Southfield University from 2001 to 2008. Southfield University was "
            "founded in 1990 by John Smith, CEO. Its founder was described as Hugh McColl, Jr., "
            "the former Chairman and CEO of Southfield University.")
    document = read_bytes(f"= Southfield University =\n\n{text}\n".encode(), "article.txt")
    for found in people.find(document, segment(document)):
        evidence = document.text[found.evidence_start:found.evidence_end]
        again = people.rederive(found.rule_id, evidence)
        assert [d.key() for d in again.drafts] == [d.key() for d in found.reading.drafts]


@pytest.mark.parametrize("title, text, status", [
    # an office in apposition, "former" before it
    ("Orbis Bank", "The firm was founded in 2006 by Jane Roe, the former Chairman and CEO of "
     "Orbis Bank.", "former"),
    # the copular form, "former" and "current"
    ("Lyra Guild", "Mr. John Roe is a former Chairman of the Lyra Guild.", "former"),
    ("Lyra Guild", "John Roe is the current chairman of the Lyra Guild.", "current"),
    # the holder after the organisation's name and the office
    ("Vela Foods", "Vela Foods former CEO Mark Doe joined the board.", "former"),
    # the one succeeded in the office
    ("Vela Foods", "He became CEO, succeeding Mark Doe, who stepped down.", "former"),
])
def test_a_former_or_current_office_says_so(title, text, status):
    """"former"/"current" before an office is the claim's status, never left out: a former
    chairman published without it reads as the chairman now."""
    statuses = {q.get("status") for prop, _, subject, q in claims(title, text)
                if subject is None and prop in ("chairperson", "leader")}
    assert statuses == {status}
