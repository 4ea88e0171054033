"""Disguises undone once per post, other languages, veiled threats and scams, new shapes of
personal information: each through the whole screener, evidence checked against the post."""

from __future__ import annotations

import pytest

from bot.moderation.normalise import normalise
from tests.moderation.posts import labels, screen


def _evidence(text: str, category: str) -> list[str]:
    verdict = screen(text)
    found = [s for f in verdict.findings if f.category == category for s in f.evidence]
    for span in found:
        assert text[span.start : span.end] == span.text  # always words of the original post
    return [span.text for span in found]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("what a ѕһіт show", "ѕһіт"),  # Cyrillic look-alikes
        ("f\u200bu\u200dc\u2060k this plan", "f\u200bu\u200dc\u2060k"),  # zero-width joiners
        ("ｆｕｃｋ this plan", "ｆｕｃｋ"),  # fullwidth compatibility forms
        ("\u202eso shit\u202c is this", "shit"),  # bidi controls
        ("s̷h̶i̴t̵ plan", "s̷h̶i̴t̵"),  # stacked combining marks
        ("what a ꜱʜɪᴛ show", "ꜱʜɪᴛ"),  # Latin small capitals
    ],
)
def test_disguised_vulgarity_is_found_and_shown_as_written(text: str, shown: str) -> None:
    assert shown in _evidence(text, "vulgarity")


def test_emoji_are_read_as_words_and_shown_as_emoji() -> None:
    assert _evidence("Okafor = 💩 and everyone knows it", "vulgarity") == ["💩"]
    assert "harassment" in labels("mayor looked like a drunk 🐷 up there lol")
    assert _evidence("what a 🖕 decision", "vulgarity") == ["🖕"]


def test_normalised_text_maps_back_to_the_original() -> None:
    original = "call 9️⃣0️⃣5️⃣ now 🐀"
    normalised = normalise(original)
    assert normalised.plain.text.startswith("call 905 now")
    read = normalised.read
    start = read.text.index("rat")
    begin, end = read.original_span(start, start + 3)
    assert original[begin:end] == "🐀"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "conne" is as vulgar as "con" (below), as two writers labeled it
        ("La conseillère Dubois est une vraie conne, aucune idée.", {"harassment", "vulgarity"}),
        ("Ta gueule espèce de connard", {"harassment", "vulgarity"}),
        ("Merci pour les nouvelles heures de collecte, c'est très utile!", set()),
        ("Le bac vert sera-t-il ramassé lundi de Pâques?", set()),
        ("你他妈的是个混蛋", {"harassment", "vulgarity"}),
        ("请问图书馆有没有中文儿童读物？", set()),
        ("Ang tanga mo talaga gago", {"harassment"}),
        ("நீ ஒரு முட்டாள்", {"harassment"}),
        ("Mujhe pata hai wo kahan rehta hai, agli baar dekh lunga", {"harassment", "illegal"}),
    ],
)
def test_other_languages(text: str, expected: set[str]) -> None:
    assert labels(text) == expected


def test_a_word_vulgar_only_in_french_counts_only_in_french() -> None:
    assert labels("Le maire est un con, franchement") >= {"vulgarity"}
    assert labels("That pro and con list was helpful, thanks") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Abernathy voted against it. Would be a shame if something happened to that shiny "
        "Lexus of his in the City Hall lot.",
        "Tell him he'd better watch himself in the parking lot.",
        "It's always the Indian families on our street who leave 4 cars on the road.",
    ],
)
def test_veiled_threats_and_generalisations_are_harassment(text: str) -> None:
    assert "harassment" in labels(text)


def test_government_impersonation_scam_is_flagged_but_the_warning_is_not() -> None:
    scam = ("CRA ALERT: You are eligible for a $1,200 benefit. Claim now by submitting your SIN "
            "and banking info at cra-benefit-claim.net")
    warning = ("For those asking: CRA and Service Canada will never ask for your SIN or payment "
               "in gift cards. Hang up and call the number on your tax bill.")
    assert "illegal" in labels(scam)
    assert "illegal" not in labels(warning)


def test_a_reply_discouraging_an_illegal_act_is_not_flagged() -> None:
    reply = ("^ don't do that, the draft bylaw has fines per day and staff said they'll monitor "
             "listings. Just get the licence.")
    assert labels(reply) == set()
    assert labels("Just burn your leaves at night, nobody checks") == {"illegal"}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The Equinox on Sandy Beach Rd is plate CBRT·417, ticket it", "CBRT·417"),
        ("the Ram with plate KRZY 4U has been parked in the lane all week", "KRZY 4U"),
        ("Got his number too: 905 five-five-five 0 1 5 6.", "905 five-five-five 0 1 5 6"),
    ],
)
def test_new_shapes_of_personal_information(text: str, shown: str) -> None:
    assert shown in _evidence(text, "personal_info")


def test_an_advertisement_with_its_website_gives_its_own_number() -> None:
    ad = ("Fall cleanup & gutter cleaning, Pickering/Ajax, seniors 10% off. Call 647-555-0152 "
          "or book at mo-landscaping.ca")
    assert labels(ad) == {"commercial"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Venez à notre vente de garage samedi! Meubles à vendre, écrivez-moi en privé",
         {"commercial"}),
        ("Ce sujet est plate, on s'en fout des bacs verts", {"negativity"}),
        ("Moi aussi", {"disruption"}),
        ("Brûlez vos feuilles dans la cour la nuit, les pompiers ne viennent jamais", {"illegal"}),
        ("Est-ce que la collecte sera décalée la semaine de Pâques? Rien sur le site.", set()),
    ],
)
def test_french_in_every_category(text: str, expected: set[str]) -> None:
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The woman at the desk (name tag said Denise) is the rudest b1tch I've ever dealt with",
        "Whoever built this registration site is a f.u.c.k.i.n.g clown",
    ],
)
def test_masked_insults_said_of_a_person_are_harassment_and_vulgarity(text: str) -> None:
    assert labels(text) == {"harassment", "vulgarity"}
