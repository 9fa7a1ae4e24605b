"""The names family on real phrases (from the seed and the development articles)."""

import pytest
from extraction import read_sentence

from pipeline.extract import names
from pipeline.normalise.codes import language_of, language_tag, script_of
from pipeline.normalise.names import (
    abbreviated_name,
    clean_name,
    initials_match,
    name_kind,
)
from pipeline.read import read_article
from pipeline.segment import segment

KIO = "Kachin Independence Organisation"
UWSA, NHF = "United Wa State Army", "Northern Hills Front"
KIO_OPENING = ('The Kachin Independence Organisation (abbreviated KIO; ကချင်လွတ်လပ်ရေးအဖွဲ့ချုပ်; '
               'Kachin: Wunpawng Gumrawng Gumtsa Mungdan, "Sovereign Kachin nation state") is a '
               'Kachin political organisation in Myanmar.')


def found(tmp_path, text: str, title: str = "Test Front"):
    path = tmp_path / "article.txt"
    path.write_text(f"= {title} =\n\n{text}\n", encoding="utf-8")
    document = read_article(path, "article.txt")
    return document, names.find(document, segment(document))


def claims(tmp_path, text: str, title: str = "Test Front") -> list[tuple]:
    """(property, value, quote, subject, subject type, qualifiers) of every prose claim."""
    document, results = found(tmp_path, text, title)
    return [(d.property, d.value, document.text[f.evidence_start + d.start:
                                                f.evidence_start + d.end],
             d.subject, d.subject_type, dict(d.qualifiers))
            for f in results if f.rule_id != "names/title" for d in f.reading.drafts]


def skips(tmp_path, text: str, title: str = "Test Front") -> list[tuple]:
    document, results = found(tmp_path, text, title)
    return [(document.text[f.evidence_start + s.start:f.evidence_start + s.end], s.reason)
            for f in results for s in f.reading.skips]


def test_title_is_the_official_name(tmp_path):
    document, results = found(tmp_path, "It is a front.", title="Kachin Independence Organisation")
    title = [d for f in results if f.rule_id == "names/title" for d in f.reading.drafts]
    assert [(d.property, d.value, d.subject) for d in title] == [
        ("official_name", "Kachin Independence Organisation", None)]


def test_opening_parenthesis_in_three_languages_and_two_scripts(tmp_path):
    subject = (None, None)  # the lead's first sentence names the document's own subject
    assert claims(tmp_path, KIO_OPENING, KIO) == [
        ("official_name", "Kachin Independence Organisation", "Kachin Independence Organisation",
         *subject, {}),
        ("short_name", "KIO", "KIO", *subject, {}),
        ("native_label", "ကချင်လွတ်လပ်ရေးအဖွဲ့ချုပ်", "ကချင်လွတ်လပ်ရေးအဖွဲ့ချုပ်", *subject,
         {"language": "my", "script": "Mymr"}),
        ("native_label", "Wunpawng Gumrawng Gumtsa Mungdan", "Wunpawng Gumrawng Gumtsa Mungdan",
         *subject, {"language": "kac", "script": "Latn"}),
        ("name_translation", "Sovereign Kachin nation state", "Sovereign Kachin nation state",
         *subject, {}),
    ]


def test_name_parenthesis_after_the_lead_is_about_the_name_before_it(tmp_path):
    subject = ("Kachin Independence Organisation", "organisation")
    assert claims(tmp_path, "It is a front. " + KIO_OPENING) == [
        ("short_name", "KIO", "KIO", *subject, {}),
        ("native_label", "ကချင်လွတ်လပ်ရေးအဖွဲ့ချုပ်", "ကချင်လွတ်လပ်ရေးအဖွဲ့ချုပ်", *subject,
         {"language": "my", "script": "Mymr"}),
        ("native_label", "Wunpawng Gumrawng Gumtsa Mungdan", "Wunpawng Gumrawng Gumtsa Mungdan",
         *subject, {"language": "kac", "script": "Latn"}),
        ("name_translation", "Sovereign Kachin nation state", "Sovereign Kachin nation state",
         *subject, {}),
    ]


def test_romanized_name_keeps_the_language_of_the_name_before(tmp_path):
    text = ("The Arakan Army (Burmese: ရက္ခိုင့်တပ်တော်, romanized: Rakhaing Tattaw; abbreviated AA)"
            " is an ethnic armed organisation.")
    assert [(c[0], c[1], c[5]) for c in claims(tmp_path, text, "Arakan Army")] == [
        ("official_name", "Arakan Army", {}),
        ("native_label", "ရက္ခိုင့်တပ်တော်", {"language": "my", "script": "Mymr"}),
        ("native_label", "Rakhaing Tattaw", {"language": "my", "script": "Latn"}),
        ("short_name", "AA", {}),
    ]


def test_parauk_burmese_and_abbreviations_after_the_parenthesis(tmp_path):
    text = ("The United Wa State Army (Parauk: Kru' Naing' Rob Rom' Hak Tiex Praog, ; "
            "ဝပြည် သွေးစည်းညီညွတ်ရေး တပ်မတော်, /my/), abbreviated as the UWSA or the UWS Army, "
            "is the military wing of the party.")
    assert [(c[0], c[1], c[2], c[5]) for c in claims(tmp_path, text, UWSA)] == [
        ("official_name", "United Wa State Army", "United Wa State Army", {}),
        ("native_label", "Kru' Naing' Rob Rom' Hak Tiex Praog",
         "Kru' Naing' Rob Rom' Hak Tiex Praog", {"language": "prk", "script": "Latn"}),
        ("native_label", "ဝပြည် သွေးစည်းညီညွတ်ရေး တပ်မတော်", "ဝပြည် သွေးစည်းညီညွတ်ရေး တပ်မတော်",
         {"language": "my", "script": "Mymr"}),
        ("short_name", "UWSA", "UWSA", {}),
        ("short_name", "UWS Army", "UWS Army", {}),
    ]
    assert skips(tmp_path, text, UWSA) == [
        ("/my/", "a pronunciation or a language mark, not a name")]


def test_officially_known_as_names_a_place(tmp_path):
    text = ("It is the ruling party of Wa State (officially known as the Wa Self-Administered "
            "Division) in Myanmar.")
    assert claims(tmp_path, text) == [
        ("also_known_as", "Wa Self-Administered Division", "Wa Self-Administered Division",
         "Wa State", "place", {})]


def test_unknown_language_label_is_reported_not_guessed(tmp_path):
    text = 'The Northern Hills Front (abbreviated NHF; Hill: Loi Mawng Hpung) is a front.'
    assert [c[:2] for c in claims(tmp_path, text, NHF)] == [
        ("official_name", "Northern Hills Front"), ("short_name", "NHF")]
    assert skips(tmp_path, text, NHF) == [
        ("Hill: Loi Mawng Hpung",
         "a name in a language not in pipeline/rules/languages.yaml nor CLDR: 'Hill'")]


@pytest.mark.parametrize("text, subject, abbreviation", [
    ("Its armed wing, the Kachin Independence Army (KIA), is strong.",
     "Kachin Independence Army", "KIA"),
    ("It is the military wing of the United League of Arakan (ULA).",
     "United League of Arakan", "ULA"),
    ("It formed after the collapse of the armed wing of the Communist Party of Burma (CPB) in "
     "1989.", "Communist Party of Burma", "CPB"),
    ("In Democratic Karen Buddhist Army (DKBA) areas, they fought.",
     "Democratic Karen Buddhist Army", "DKBA"),
])
def test_abbreviation_in_brackets(tmp_path, text, subject, abbreviation):
    assert claims(tmp_path, text) == [
        ("short_name", abbreviation, abbreviation, subject, "organisation", {})]


def test_abbreviation_that_is_not_the_initials_is_reported(tmp_path):
    text = "It fought the Shan State Army (RCSS)."
    assert claims(tmp_path, text) == []
    assert skips(tmp_path, text) == [("the Shan State Army (RCSS)", "'RCSS' is not made of the "
                                      "initials of the name before it: not read as its "
                                      "abbreviation")]


def test_abbreviation_of_a_name_of_unknown_kind_is_reported(tmp_path):
    text = "Aung San Suu Kyi (ASSK) spoke."
    assert claims(tmp_path, text) == []
    assert "not known whether 'Aung San Suu Kyi'" in skips(tmp_path, text)[0][1]


def test_other_name_in_brackets(tmp_path):
    text = "It fought alongside the KIA against the Tatmadaw (Myanmar Armed Forces) in the war."
    assert claims(tmp_path, text) == [
        ("also_known_as", "Myanmar Armed Forces", "Myanmar Armed Forces", "Tatmadaw",
         "organisation", {})]


@pytest.mark.parametrize("text, quote", [
    ("It is based in Rakhine State (Arakan).", "Rakhine State (Arakan)"),
    ("Its headquarters are in Laiza (Kachin State).", "Laiza (Kachin State)"),
    ("It joined the Northern Alliance (Burma) in 2016.", "the Northern Alliance (Burma)"),
])
def test_brackets_that_may_tell_which_one_is_meant_are_reported(tmp_path, text, quote):
    assert claims(tmp_path, text) == []
    assert [s[0] for s in skips(tmp_path, text)] == [quote]


@pytest.mark.parametrize("text", [
    "Soldiers from Myanmar's Tatmadaw (armed forces) fought KIA insurgents.",
    "The Shan State Army (South) was formed in 1996.",
    "It fought the Burma state military (Tatmadaw) from jungle camps.",
])
def test_brackets_that_are_not_another_name(tmp_path, text):
    assert claims(tmp_path, text) == []


def test_other_name_of_unknown_kind_is_reported_not_typed(tmp_path):
    text = "It is a political organisation in Myanmar (Burma)."
    assert claims(tmp_path, text) == []
    assert skips(tmp_path, text) == [("Myanmar (Burma)", "'Burma' in brackets may be another "
                                      "name of 'Myanmar' or a place or kind that tells which "
                                      "one is meant: not read")]


def test_former_name_held_until_the_change_of_name(tmp_path):
    text = ("In 1961, the organisation was established as the Jinghpaw Independence Organisation "
            "(Jinghpaw Shang Lawt Hpung), as the Jinghpaw were the most numerous. It grew.\n\n"
            "In 1969, the KIO changed its name to Wunpawng Mungdan Shang Lawt Hpung, omitting a "
            "controversial reference.")
    years = {"start_time": "1961", "end_time": "1969"}
    assert claims(tmp_path, text) == [
        ("former_name", "Jinghpaw Independence Organisation", "Jinghpaw Independence Organisation",
         None, None, years),
        ("former_name", "Jinghpaw Shang Lawt Hpung", "Jinghpaw Shang Lawt Hpung", None, None,
         years),
        ("official_name", "Wunpawng Mungdan Shang Lawt Hpung", "Wunpawng Mungdan Shang Lawt Hpung",
         "KIO", None, {"start_time": "1969"}),
    ]


def test_name_given_at_founding_alone_is_not_called_former(tmp_path):
    text = ("In 1961, the organisation was established as the Jinghpaw Independence Organisation "
            "(Jinghpaw Shang Lawt Hpung).")
    assert [(c[0], c[1], c[5]) for c in claims(tmp_path, text)] == [
        ("official_name", "Jinghpaw Independence Organisation", {"start_time": "1961"}),
        ("official_name", "Jinghpaw Shang Lawt Hpung", {"start_time": "1961"}),
    ]


def test_renamed_with_the_old_name(tmp_path):
    text = "In 2009, the group was renamed from the Kokang Army to the Kokang Defence Army."
    assert [(c[0], c[1], c[5]) for c in claims(tmp_path, text)] == [
        ("official_name", "Kokang Defence Army", {"start_time": "2009"}),
        ("former_name", "Kokang Army", {"end_time": "2009"}),
    ]


def test_abbreviation_later_in_the_sentence_with_exactly_the_initials(tmp_path):
    text = ("In 1989, the New Democratic Army – Kachin split from the KIO due to its differences "
            "- the KIO was dominated by the Jingpo, while the NDA-K is led by the Lacid.")
    assert claims(tmp_path, text) == [
        ("short_name", "NDA-K", "NDA-K", "New Democratic Army – Kachin", "organisation", {})]


def test_no_pairing_of_names_and_abbreviations_that_do_not_match(tmp_path):
    text = ("A year later, the army was reorganised into the Kachin Independence Army and became "
            "the KIO's armed wing.")
    assert claims(tmp_path, text) == []


def test_every_claim_re_derives_from_its_evidence(tmp_path):
    text = (KIO_OPENING + " In 1989, the New Democratic Army – Kachin split, while the NDA-K "
            "stayed. It fought the Tatmadaw (Myanmar Armed Forces) and the Shan State Army "
            "(RCSS).")
    document, results = found(tmp_path, text, KIO)
    assert results
    for result in results:
        evidence = document.text[result.evidence_start:result.evidence_end]
        again = names.rederive(result.rule_id, evidence)
        assert {d.key() for d in result.reading.drafts} <= {d.key() for d in again.drafts}
        assert set(result.reading.skips) <= set(again.skips)


@pytest.mark.parametrize("name, abbreviation, exact, expected", [
    ("Kachin Independence Army", "KIA", False, True),
    ("United League of Arakan", "ULA", False, True),
    ("All Burma Students' Democratic Front", "ABSDF", False, True),
    ("Pa-O National Organisation", "PNO", False, True),
    ("Wa Self-Administered Division", "WSAD", False, True),
    ("Shan State Army", "RCSS", False, False),
    ("New Democratic Army – Kachin", "NDA-K", True, True),
    ("Kachin Independence", "KIA", True, False),
    ("United League of Arakan", "ULOA", True, False),
])
def test_initials(name, abbreviation, exact, expected):
    assert initials_match(name, abbreviation, exact=exact) is expected


def test_abbreviation_tells_where_the_name_starts():
    assert abbreviated_name("Arakan Army and Kachin Independence Army", "KIA") == \
        "Kachin Independence Army"
    assert abbreviated_name("Shan State Army", "RCSS") is None


@pytest.mark.parametrize("name, kind", [
    ("Shan State Army", "organisation"), ("Rakhine State", "place"),
    ("Wa Self-Administered Division", "place"), ("Nationwide Ceasefire Agreement", "event"),
    ("Myanmar", None), ("Aung San Suu Kyi", None),
])
def test_kind_from_head_noun(name, kind):
    assert name_kind(name) == kind


def test_script_and_language():
    assert script_of("ကရင် အမျိုးသား အစည်းအရုံး") == "Mymr"
    assert script_of("Kru' Naing' Rob Rom'") == "Latn"
    assert script_of("KIO ကချင်") is None
    assert language_tag("S'gaw Karen") == "ksw" and language_tag("Afrikaans") == "af"
    assert language_of("Jinghpaw") == language_tag("Jinghpaw") == "kac"  # CLDR: "Kachin"
    assert language_tag("Zorbish") is None


def lead(text: str) -> list[tuple]:
    """(property, value, quote, qualifiers) of every claim read from a lead sentence, each
    re-derived from its evidence; all are about the document's own subject."""
    drafts, _ = read_sentence(names, text)
    assert all(d.subject is None for d, _ in drafts)
    return [(d.property, d.value, quote, dict(d.qualifiers)) for d, quote in drafts]


@pytest.mark.parametrize("text, expected", [
    # a charity, a company, a club: other names after a prefix; in capitals, a short name
    ("Sample Rights (commonly known as Rights or SR) is a charity.",
     [("official_name", "Sample Rights"), ("also_known_as", "Rights"), ("short_name", "SR")]),
    ("Sample Motors Limited (formerly SAMCO, short for Sample Engineering Company) is a company.",
     [("official_name", "Sample Motors Limited"), ("former_name", "SAMCO"),
      ("former_name", "Sample Engineering Company")]),
    ("Sample Games (formerly Zip Studios, Sample Games Oslo and Black Fox Studios) is a "
     "video game developer.",
     [("official_name", "Sample Games"), ("former_name", "Zip Studios"),
      ("former_name", "Sample Games Oslo"), ("former_name", "Black Fox Studios")]),
    ("Sample City Football Club (often known as City) is a football club.",
     [("official_name", "Sample City Football Club"), ("also_known_as", "City")]),
    # a front: a list of names before the verb, and a clause on where the name comes from
    ("The Sample Front, Frente Sample, FRESAM or simply SAMPLE, from the Spanish name, is a front.",
     [("official_name", "Sample Front"), ("also_known_as", "Frente Sample"),
      ("short_name", "FRESAM"), ("short_name", "SAMPLE")]),
    # an economic union, a federation: the name in capitals first, its full name after
    ("SAMU (/ˈsɑːmuː/ SAH-moo), officially the Sample Union, is an economic union.",
     [("short_name", "SAMU"), ("official_name", "Sample Union")]),
    ("The Sample Confederation (Spanish: Confederación Sample), known by the acronym SAMCON "
     "(/ˈsæmkɒn/ SAM-kon) or SC, is the governing body.",
     [("official_name", "Sample Confederation"), ("native_label", "Confederación Sample"),
      ("short_name", "SAMCON"), ("short_name", "SC")]),
])
def test_names_of_the_subject_in_the_lead(text, expected):
    assert [c[:2] for c in lead(text)] == expected


def test_lead_parentheses_in_languages_of_cldr_and_abbreviations_joined_by_and():
    assert lead("The University of Sample Town (UST) (Afrikaans: Universiteit van Sample, "
                "Xhosa: iYunivesithi yaseSample) is a university.") == [
        ("official_name", "University of Sample Town", "University of Sample Town", {}),
        ("short_name", "UST", "UST", {}),
        ("native_label", "Universiteit van Sample", "Universiteit van Sample",
         {"language": "af", "script": "Latn"}),
        ("native_label", "iYunivesithi yaseSample", "iYunivesithi yaseSample",
         {"language": "xh", "script": "Latn"}),
    ]
    assert lead("The Sample Armed Forces—People's Army (Spanish: Fuerzas Sample—Ejército del "
                "Pueblo, SAF–EP and SAF) is a guerrilla movement.")[2:] == [
        ("short_name", "SAF–EP", "SAF–EP", {}), ("short_name", "SAF", "SAF", {})]


def test_scripts_from_unicode_and_their_default_language():
    assert lead("The Sample Front (Arabic: جبهة العينة; ကချင်) is a front.")[1:] == [
        ("native_label", "جبهة العينة", "جبهة العينة", {"language": "ar", "script": "Arab"}),
        ("native_label", "ကချင်", "ကချင်", {"language": "my", "script": "Mymr"})]
    assert names.script_of("தென்கிழக்காசிய") == "Taml"
    assert names.script_of("Hiệp hội các quốc gia") == "Latn"
    assert names.script_of("Kruʼ Naing") == "Latn"  # a modifier letter goes with its word


@pytest.mark.parametrize("text, skipped", [
    ("Sample Corporation (Finnish pronunciation: [ˈsɑmple]) (OMXSAM1V, NYSESAM, FWB: SAM3) is "
     "a corporation.", ["Finnish pronunciation: [ˈsɑmple]", "OMXSAM1V, NYSESAM, FWB: SAM3"]),
])
def test_pronunciations_and_codes_are_reported_not_read(text, skipped):
    assert [c[:2] for c in lead(text)] == [("official_name", "Sample Corporation")]
    assert read_sentence(names, text)[1] == skipped


@pytest.mark.parametrize("text", [
    "It is the military wing of the Sample Party.",
    "The Shan State Army (South) was formed in 1996.",
])
def test_no_lead_name_from_a_pronoun_or_a_branch(text):
    assert [c for c in lead(text) if c[0] == "official_name"] == []


def test_language_tags_from_languages_yaml_then_cldr():
    assert [names.language_tag(label) for label in
            ("Kachin", "Xhosa", "Tagalog", "Finnish pronunciation", "FWB")] == [
        "kac", "xh", "fil", None, None]


def test_abbreviation_expanded_in_its_language_with_gloss_and_other_script():
    assert lead('The Sample Front, FRESAM, from the Spanish abbreviation of Frente Sample de Oro '
                '("Sample Front of Gold" Arabic: جبهة العينة Jabhat al-Sample), is a front.') == [
        ("official_name", "Sample Front", "Sample Front", {}),
        ("short_name", "FRESAM", "FRESAM", {}),
        ("native_label", "Frente Sample de Oro", "Frente Sample de Oro",
         {"language": "es", "script": "Latn"}),
        ("name_translation", "Sample Front of Gold", "Sample Front of Gold", {}),
        ("native_label", "جبهة العينة", "جبهة العينة", {"language": "ar", "script": "Arab"}),
        ("native_label", "Jabhat al-Sample", "Jabhat al-Sample",
         {"language": "ar", "script": "Latn"}),
    ]


def test_a_name_in_its_script_then_in_latin_letters():
    # a union and a party: the Latin letters after the native script are its romanisation
    assert lead("The Sample Union (Burmese: ဆမ် ယူနီယံ Hsam Yuniyan) is a trade union.")[1:] == [
        ("native_label", "ဆမ် ယူနီယံ", "ဆမ် ယူနီယံ", {"language": "my", "script": "Mymr"}),
        ("native_label", "Hsam Yuniyan", "Hsam Yuniyan", {"language": "my", "script": "Latn"})]
    assert lead("The Sample Party (Hindi: नमूना दल Namuna Dal) is a party.")[2] == (
        "native_label", "Namuna Dal", "Namuna Dal", {"language": "hi", "script": "Latn"})


@pytest.mark.parametrize(("title", "text"), [
    ("Grand Widgets", "Jane Roe, MBA, is the chief executive officer of Grand Widgets."),
    ("Castle Tree Care", "Castle Estate Gardens is the parent company of Castle Tree Care."),
    ("Harbour Hospice", "Dr. Ann Lee is the surgeon who founded Harbour Hospice in 1990."),
    ("River Choir", "Tom Fry was the first conductor of the River Choir."),
])
def test_a_sentence_naming_the_title_after_its_verb_gives_the_subject_no_name(tmp_path, title,
                                                                               text):
    """Its first name is another's (a chief executive, a parent, a founder): not the subject's
    official name, nor any other name of it."""
    assert [c[:2] for c in claims(tmp_path, text, title)] == []


@pytest.mark.parametrize(("title", "text", "name"), [
    ("Nokia", "Nokia Corporation is a Finnish telecommunications company.", "Nokia Corporation"),
    ("Harbour Hospice", "The Harbour Hospice (HH) is a charity in Leith.", "Harbour Hospice"),
])
def test_the_lead_names_the_subject_where_the_title_is_its_subject(tmp_path, title, text, name):
    """The title before the verb. (A first sentence that names neither the title nor a name
    that starts as it does is not taken for the subject's official name: see
    test_a_lead_names_the_subject_only_where_it_starts_as_the_title_or_names_it.)"""
    assert ("official_name", name) in [c[:2] for c in claims(tmp_path, text, title)]


@pytest.mark.parametrize(("title", "name", "note"), [
    ("The View (band)", "The View", "band"),
    ("The National Archives", "The National Archives", None),
    ("The Coalition", "The Coalition", None),
    ("Shan State Army (RCSS)", "Shan State Army (RCSS)", None),
])
def test_a_title_keeps_its_article_and_its_disambiguator_is_a_note(tmp_path, title, name, note):
    document, results = found(tmp_path, "It is a band.", title=title)
    drafts = [d for f in results if f.rule_id == "names/title" for d in f.reading.drafts]
    assert [(d.value, dict(d.qualifiers).get("note")) for d in drafts] == [(name, note)]


@pytest.mark.parametrize(("title", "lead", "name", "note"), [
    ("St Anne's College, Exbridge", "St Anne's College is a college of the University of "
     "Exbridge.", "St Anne's College", "Exbridge"),
    ("Lyra School, Vela", "Lyra School, Vela is a school.", "Lyra School, Vela", None),
    ("Lyra School, Vela", "It is a school in Vela.", "Lyra School, Vela", None),
    ("Lyra Tools, Inc.", "Lyra Tools is a maker of tools.", "Lyra Tools, Inc.", None),
    ("Lyra Tools, Limited", "Lyra Tools is a maker of tools.", "Lyra Tools, Limited", None),
    ("Ann Vela, MBA", "Ann Vela is a consultant.", "Ann Vela, MBA", None),
])
def test_a_title_ending_in_a_place_after_a_comma_is_named_as_the_lead_writes_it(
        tmp_path, title, lead, name, note):
    """A title tells namesakes apart by ", Place" as by "(band)": the official name is the
    name before the comma where the lead writes it so, never a legal form cut off."""
    document, results = found(tmp_path, lead, title=title)
    drafts = [d for f in results if f.rule_id == "names/title" for d in f.reading.drafts]
    assert [(d.value, dict(d.qualifiers).get("note")) for d in drafts] == [(name, note)]


@pytest.mark.parametrize(("title", "text", "name"), [
    ("Harbour Bank", "Vela Bancorp is the parent of 1st Harbour Bank, which lends.", None),
    ("Harbour Bank", "The United Harbour Bank lends. United Harbour Bank was set up in 1990.",
     None),
    ("Harbour Bank", "Harbour Bank lends. The parent of 1st Harbour Bank is Vela.",
     "Harbour Bank"),
    ("Harbour Bank", "In Harbour Bank's first year, The Harbour Bank lent.", "Harbour Bank"),
    ("Harbour Bank", "Oslo-based Harbour Bank lends.", "Harbour Bank"),
])
def test_a_title_written_only_as_the_end_of_a_longer_name_is_cut_short(tmp_path, title, text,
                                                                       name):
    """"1st Harbour Bank" in the article "Harbour Bank": the title is no name of the subject."""
    document, results = found(tmp_path, text, title=title)
    drafts = [d.value for f in results if f.rule_id == "names/title" for d in f.reading.drafts]
    assert drafts == ([name] if name else [])


@pytest.mark.parametrize(("title", "lead", "published"), [
    # a lead that neither names the title nor starts as it does names someone else
    ("Harbour Design Studio", "Coastline Interiors Studio is an interior design company.", []),
    ("List of awards received by Panda", "Panda is a Mexican rock band.", []),
    # ... but the same name written otherwise, a rank before it, or the title in the lead are it
    ("GreyWolf Therapeutics", "Grey Wolf Therapeutics is a drug company.",
     ["Grey Wolf Therapeutics"]),
    ("Budget Carrier, LLC", "Pobeda Airlines LLC (Budget Carrier, LLC) is an airline.",
     ["Pobeda Airlines LLC"]),
    ("AFL–CIO", "The American Federation of Labor is a federation of unions.",
     ["American Federation of Labor"]),
    # the title's name cut short of the "The" the title gives it whole
    ("The View (band)", "The View are a Scottish indie rock band.", []),
    ("The Harbour Trust", "The Harbour Trust is a charity.", []),
])
def test_a_lead_names_the_subject_only_where_it_starts_as_the_title_or_names_it(
        tmp_path, title, lead, published):
    got = [c[1] for c in claims(tmp_path, lead, title) if c[0] == "official_name" and c[3] is None]
    assert got == published


@pytest.mark.parametrize(("text", "person", "rank"), [
    ("Many students dissented against the military junta under General Ne Win.", "Ne Win",
     "General"),
    ("The union was banned by the regime of Lagos, and later by the government under President "
     "Ada Okafor.", "Ada Okafor", "President"),
    ("Its members fought rebel forces led by Colonel Musa Bello.", "Musa Bello", "Colonel"),
])
def test_the_rank_of_one_who_leads_another_body_is_that_persons(tmp_path, text, person, rank):
    assert [(c[0], c[1], c[3], c[4]) for c in claims(tmp_path, text, KIO)] == [
        ("honorific_prefix", rank, person, "person")]


@pytest.mark.parametrize("text", [
    "The company was acquired by General Motors in 1999.",  # no body led by a person
    "Its army under the new charter grew.",
])
def test_no_rank_without_someone_leading_a_body(tmp_path, text):
    assert [c for c in claims(tmp_path, text, KIO) if c[0] == "honorific_prefix"] == []


@pytest.mark.parametrize("title, text, name", [
    ("Orbis-Vela B.C.", "Orbis-Vela B.C. is a Greek basketball club based in Athens.",
     "Orbis-Vela B.C."),
    ("Lyra Foods", "Lyra Foods Inc. (NYSE: LYF) is a food company.", "Lyra Foods Inc."),
    ("Vela Co", "Vela Co. is a trading firm.", "Vela Co."),
    # the sentence's own full stop is no part of the name
    ("Orbis Group", "Orbis Group is a unit of Lyra Foods Inc.", "Orbis Group"),
])
def test_a_name_ending_in_an_abbreviation_keeps_its_full_stop(tmp_path, title, text, name):
    assert [c[1] for c in claims(tmp_path, text, title) if c[0] == "official_name"] == [name]


@pytest.mark.parametrize("title, text, names", [
    # a title in capitals of several words is the name in capitals, not an abbreviation
    ("ORBIS SPORTS GROUP PLC", "Vela Acquisitions is a venture capital firm.", []),
    ("ORBIS SPORTS GROUP PLC", "Orbis Sports Group PLC is a holding company.",
     ["Orbis Sports Group PLC"]),
    # one word in capitals may be the name's abbreviation
    ("AFL–CIO", "The American Federation of Labor is a federation of unions.",
     ["American Federation of Labor"]),
])
def test_a_lead_name_unlike_a_title_in_capitals(tmp_path, title, text, names):
    assert [c[1] for c in claims(tmp_path, text, title) if c[0] == "official_name"] == names


@pytest.mark.parametrize("title, text, names", [
    ("Orbis Golf", "Orbis Golf, Inc. is a wholly owned subsidiary of Vela Sports.",
     {"Orbis Golf, Inc."}),
    ("Lyra Estates", "Lyra Estates, L.L.C. is a privately held real estate company.",
     {"Lyra Estates, L.L.C."}),
    # a comma before anything else still ends the name
    ("Vela Union", "Vela Union, also known as VU, is a trade union.", {"Vela Union"}),
])
def test_a_legal_form_after_a_comma_is_part_of_the_lead_name(tmp_path, title, text, names):
    assert {c[1] for c in claims(tmp_path, text, title) if c[0] == "official_name"} == names


@pytest.mark.parametrize("written", ["ACME BUILDERS LTD.", "ACME BUILDERS INC.",
                                     "Acme Builders Ltd."])
def test_a_legal_form_in_capitals_keeps_its_full_stop(written):
    assert clean_name(written) == written
