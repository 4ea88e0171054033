"""Classes of issue 15's sixteenth round: the residents' other languages read by the learned
model (with thresholds of their own, only where it knows most of a post's n-grams) and a word
masked with asterisks read as vulgar in any language. Every phrase here is written for the
test; none is from a labeled set."""

from __future__ import annotations

from tests.moderation.posts import labels, rules, screen


def _learned(text: str) -> dict[str, list[str]]:
    """The model's findings on `text`: category -> the words it shows as evidence."""
    return {f.category: [e.text for e in f.evidence]
            for f in screen(text).findings if f.kind == "learned"}


def test_a_masked_word_is_vulgar_in_a_language_no_list_holds() -> None:
    assert "vulgarity" in rules("Schei*wetter heute, und der Müll wieder nicht abgeholt")
    assert "vulgarity" in rules("Dit is echt k*tweer, weer geen bus naar het station")
    assert "vulgarity" in rules("Bãi rác 3 ngày không ai dọn, đ*t thật sự")


def test_asterisks_that_mask_no_word() -> None:
    assert "vulgarity" not in rules("Free parking* on weekends (*except holidays)")
    assert "vulgarity" not in rules("The pad is 3*4 metres, see the plan")
    assert "vulgarity" not in rules("**Update** the pool reopens Monday")


def test_a_masked_word_quoted_to_report_it() -> None:
    assert "vulgarity" not in labels('Someone wrote "k*tweer" on the bench by the library, '
                                     'can it be cleaned?')


def test_a_masked_slur_is_harassment_not_vulgarity() -> None:
    assert labels("Every year the p*kis light up the whole street like a war zone") == {
        "harassment"}


def test_the_model_reads_abuse_and_ads_in_other_languages() -> None:
    found = _learned("Ese concejal es un corrupto y un inútil, que renuncie ya")
    assert "harassment" in found
    assert "vulgarity" not in labels("Ese concejal es un corrupto y un inútil, que renuncie ya")
    assert "commercial" in _learned("Vendo cupones de descuento para el gimnasio, escríbeme "
                                    "por WhatsApp")


def test_the_models_evidence_in_other_languages_is_never_a_short_word() -> None:
    evidence = [word.lower() for words in _learned(
        "Ese concejal es un corrupto y un inútil, que renuncie ya").values() for word in words]
    assert evidence and all(len(word) >= 4 for word in evidence)


def test_civil_posts_in_other_languages_stay_clean() -> None:
    for text in (
        "¿A qué hora abre la piscina el domingo?",
        "Quanto custa a inscrição do futebol para crianças?",
        "Chiedo scusa, a che ora passa il camion dei rifiuti verdi?",
        "Dziękuję za szybkie odśnieżanie naszej ulicy, świetna robota!",
        "Спасибо за новую детскую площадку в парке, детям очень нравится",
    ):
        assert labels(text) == set(), text


def test_the_model_alone_never_calls_a_post_naming_a_community_an_attack_in_other_languages(
) -> None:
    # VADER's praise guard reads English only; there the rules judge what is said of a group.
    assert "harassment" not in labels("Punjabi log Vaisakhi pe langar lagaate hain, sab aao")
    assert "harassment" not in labels("Tamil families ku Pongal vazhthukkal, ellarum vaanga")


def test_a_place_of_worships_own_office_line_is_no_private_information() -> None:
    for text in (
        "Misa en portugués cada domingo en la parroquia Santa Ana. Oficina: 905-555-0142",
        "Gottesdienst am Sonntag in der Kirche St. Paul, alle willkommen. Gemeindebüro: "
        "905-555-0117",
        "Храм Святой Троицы приглашает всех на службу. Телефон храма: 905-555-0193",
        "Iftar sa Bay Ridges Islamic Centre ngayong Sabado, lahat welcome. Masjid office: "
        "905-555-0135",
    ):
        assert "personal_info" not in labels(text), text
    # a neighbour's number after the same labels is his
    assert "personal_info" in labels("Mi vecino Juan no recoge la basura, su teléfono: "
                                     "905-555-0178")
    assert "personal_info" in labels("Mój sąsiad Marek parkuje na trawniku, tel: 905-555-0166")
