"""The people family on real phrases (from the seed and the development articles)."""

import pytest

from pipeline.extract import people
from pipeline.read import read_article
from pipeline.segment import segment


def found(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(f"= Test Front =\n\n{text}\n", encoding="utf-8")
    document = read_article(path, "article.txt")
    return document, people.find(document, segment(document))


def claims(tmp_path, text: str) -> list[tuple]:
    """(property, person, quote, subject, qualifiers) of every claim."""
    document, results = found(tmp_path, text)
    return [(d.property, d.value, document.text[f.evidence_start + d.start:
                                                f.evidence_start + d.end],
             d.subject, dict(d.qualifiers))
            for f in results for d in f.reading.drafts]


def skips(tmp_path, text: str) -> list[tuple]:
    document, results = found(tmp_path, text)
    return [(document.text[f.evidence_start + s.start:f.evidence_start + s.end], s.reason)
            for f in results for s in f.reading.skips]


def test_founders_and_the_one_they_contacted(tmp_path):
    text = ("In 1960 two Kachin dissidents and ex-soldiers of the Burma Army, Lamung Tu Jai and "
            "Lama La Ring, contacted fellow dissident Zau Seng and founded the Kachin "
            "Independence Organisation.")
    subject, when = "Kachin Independence Organisation", {"point_in_time": "1960"}
    assert claims(tmp_path, text) == [
        ("founded_by", "Lamung Tu Jai", "Lamung Tu Jai", subject, when),
        ("founded_by", "Lama La Ring", "Lama La Ring", subject, when),
        ("founded_by", "Zau Seng", "Zau Seng", subject, when),
    ]


def test_first_holders_of_each_role(tmp_path):
    text = ("Zau Seng became the first leader of the KIO, Zau Tu became the first deputy leader, "
            "and Lama La Ring became the first secretary.")
    assert claims(tmp_path, text) == [
        ("leader", "Zau Seng", "Zau Seng", "KIO", {"role": "leader", "series_ordinal": "1"}),
        ("leader", "Zau Tu", "Zau Tu", "KIO", {"role": "deputy leader", "series_ordinal": "1"}),
        ("leader", "Lama La Ring", "Lama La Ring", "KIO",
         {"role": "secretary", "series_ordinal": "1"}),
    ]


def test_holder_named_when_the_organisation_was_formed(tmp_path):
    text = ("A year later on 5 February 1961, the KIO's 100-strong private army was reorganised "
            "into the Kachin Independence Army (KIA) and became the KIO's armed wing, with Zau "
            "Seng as commander in chief.")
    assert claims(tmp_path, text) == [
        ("leader", "Zau Seng", "Zau Seng", "Kachin Independence Army",
         {"role": "commander in chief", "start_time": "1961-02-05"})]


def test_current_leaders_with_role_and_rank_apart_from_the_name(tmp_path):
    text = ("It is currently led by commander in chief Major General Twan Mrat Naing and vice "
            "deputy commander Brigadier General Nyo Twan Awng.")
    assert claims(tmp_path, text) == [
        ("leader", "Twan Mrat Naing", "Twan Mrat Naing", None,
         {"role": "commander in chief", "rank": "Major General", "status": "current"}),
        ("leader", "Nyo Twan Awng", "Nyo Twan Awng", None,
         {"role": "vice deputy commander", "rank": "Brigadier General", "status": "current"}),
    ]


def test_longtime_leader_with_the_years_of_the_role(tmp_path):
    text = ("The KNU was dominated for three decades by its longtime leader Bo Mya, who was "
            "president from 1976–2000.")
    assert claims(tmp_path, text) == [
        ("leader", "Bo Mya", "Bo Mya", "KNU",
         {"role": "president", "start_time": "1976", "end_time": "2000"})]


def test_representative_in_a_country(tmp_path):
    text = "The representative of the organization in the United Kingdom is Nant Bwa Bwa Phan."
    assert claims(tmp_path, text) == [
        ("representative", "Nant Bwa Bwa Phan", "Nant Bwa Bwa Phan", None,
         {"note": "United Kingdom"})]


def test_title_before_the_name_is_a_rank(tmp_path):
    text = ("Padoh Mahn Sha La Phan, the secretary-general of the union was shot dead in his "
            "home.")
    assert claims(tmp_path, text) == [
        ("leader", "Mahn Sha La Phan", "Mahn Sha La Phan", None,
         {"role": "secretary-general", "rank": "Padoh"})]


def test_officer_of_a_named_organisation_who_led_talks(tmp_path):
    text = ("Aung Min, the Railway Minister, and General Mutu Saipo of the KNU led the peace "
            "talks.")
    assert claims(tmp_path, text) == [
        ("leader", "Mutu Saipo", "Mutu Saipo", "KNU", {"rank": "General"})]


def test_led_by_after_a_description_of_the_subject(tmp_path):
    text = ("It is a well-equipped ethnic minority army of an estimated 20,000–30,000 Wa "
            "soldiers, led by Bao Youxiang.")
    assert claims(tmp_path, text) == [("leader", "Bao Youxiang", "Bao Youxiang", None, {})]


def test_a_missing_full_stop_does_not_glue_a_word_to_the_name(tmp_path):
    text = ("The de facto President is Bao Youxiang Although the Government of Myanmar does not "
            "recognise it.")
    assert claims(tmp_path, text) == [
        ("leader", "Bao Youxiang", "Bao Youxiang", None,
         {"role": "president", "note": "de facto"})]


def test_role_of_a_named_organisation(tmp_path):
    text = "Since 2012 the current chairman of the KNU is Mutu Say Poe."
    assert claims(tmp_path, text) == [
        ("chairperson", "Mutu Say Poe", "Mutu Say Poe", "KNU", {"status": "current"})]


def test_role_that_is_its_own_property(tmp_path):
    text = ("The group's spokesman, Khine Thu Kha, said so. The KIO's chairman, General N'Ban La, "
            "met them.")
    assert claims(tmp_path, text) == [
        ("spokesperson", "Khine Thu Kha", "Khine Thu Kha", None, {}),
        ("chairperson", "N'Ban La", "N'Ban La", "KIO", {"rank": "General"}),
    ]


def test_leader_of_an_unnamed_body_is_reported_not_published(tmp_path):
    text = ("Following the 1962 coup, the KIO grew with recruits who dissented against the new "
            "military junta under General Ne Win.")
    assert claims(tmp_path, text) == []
    assert skips(tmp_path, text) == [
        ("junta under General Ne Win",
         "a leader of a body the text does not name (no entity to be the subject)")]


def test_role_in_something_not_known_to_be_an_organisation_is_reported(tmp_path):
    text = "Myanmar's president, Htin Kyaw, visited the camp."
    assert claims(tmp_path, text) == []
    assert skips(tmp_path, text) == [
        ("Htin Kyaw", "'Myanmar' is not known to be an organisation (no abbreviation or head "
                      "noun)")]


@pytest.mark.parametrize("text", [
    "The attack on Laiza was led by General Soe Win.",
    "They were led by a monk widely thought to be an agent of the dictatorship.",
    "Some of the Karen, led primarily by the Karen National Union (KNU), have waged a war.",
    "In a December 2021 interview, Twan Mrat Naing claimed that the AA had grown.",
    "The KNU was founded by the Karen National Association and the Karen Youth Organisation.",
    "The KNU met officials, and a reporter said the president was Thein Sein.",
])
def test_sentences_that_name_no_office_holder(tmp_path, text):
    assert claims(tmp_path, text) == []


def test_every_claim_re_derives_from_its_evidence(tmp_path):
    text = ("It is currently led by commander in chief Major General Twan Mrat Naing and vice "
            "deputy commander Brigadier General Nyo Twan Awng. The KNU was dominated by its "
            "longtime leader Bo Mya, who was president from 1976–2000. Zau Seng became the "
            "first leader of the KIO, and Zau Tu became the first deputy leader.")
    document, results = found(tmp_path, text)
    assert len([d for f in results for d in f.reading.drafts]) == 5
    for result in results:
        evidence = document.text[result.evidence_start:result.evidence_end]
        again = people.rederive(result.rule_id, evidence)
        assert {d.key() for d in result.reading.drafts} <= {d.key() for d in again.drafts}
