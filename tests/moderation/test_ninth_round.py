"""Classes of issue 15's ninth round (what the rules missed in two new writers' sets: train_r,
residents in their own languages, and train_s, the tricks people use), each a shape written in
words of its own."""

from __future__ import annotations

from bot.moderation.contacts import links
from tests.moderation.posts import labels, rules


def test_a_web_address_written_out_is_a_link() -> None:
    assert [c.value for c in links("loans in 24h, see fastcash4u dot online")] == [
        "fastcash4u.online"]
    assert [c.value for c in links("best roofers around: topnotchroofs . ca")] == [
        "topnotchroofs.ca"]
    assert links("the bus left at 5 . 30, I dot every i") == ()


def test_telling_a_named_person_to_go_f_themselves_or_die_off() -> None:
    assert "harassment" in rules("Councillor Ruiz can go f*** himself with this levy")
    assert "harassment" in rules("Landlords in this town should just die off already")


def test_vulgar_compounds_and_acronyms() -> None:
    assert "vulgarity" in rules("the parking office is run by sh1tbrains")
    assert "vulgarity" in rules("the new bus schedule is totally F.U.B.A.R.")


def test_french_insults_said_to_a_person() -> None:
    assert "harassment" in rules("Gilles, t'es juste un vieux fêlé, laisse faire.")
    assert "harassment" in rules("Mêle-toi de tes affaires, Sylvie.")
    assert "harassment" not in labels("Le vieux moulin de Claremont est magnifique cet automne.")


def test_dismissing_the_topic_in_french_and_other_languages() -> None:
    assert "negativity" in rules("Encore la collecte des feuilles... plate à mort.")
    assert "negativity" in rules("Des bancs de parc. Qui ça intéresse?")
    assert "negativity" in rules("Otra reunión del consejo, qué aburrido.")
    assert "negativity" in rules("又是修路，无聊")
    assert "negativity" not in labels(
        "Merci pour les bancs de parc, ça intéresse beaucoup les aînés!")


def test_french_advice_that_nobody_will_know() -> None:
    assert "illegal" in rules("Payez le plombier au noir, c'est moins cher.")
    assert "illegal" in rules("Stationnez sur le gazon, le by-law ne viendra jamais.")
    assert "illegal" not in labels("Le by-law est venu vite quand on a appelé, merci.")


def test_hindi_and_punjabi_insults_in_latin_letters() -> None:
    assert "harassment" in rules("yeh sab officers ch*tiye hain yaar")
    assert "harassment" in rules("tu gadha hai Ravi, kuch nahi pata tujhe")


def test_goods_off_the_back_of_a_truck_are_stolen_goods() -> None:
    assert "illegal" in rules("need patio stones? got a pallet off the back of a truck, cheap")
    assert "illegal" not in labels("A box fell off the back of a City truck on Bayly, heads up.")


def test_a_paid_service_offered_without_the_licence_it_needs() -> None:
    assert "illegal" in rules("Airport runs $40 flat, no taxi licence required, text me")
    assert "illegal" not in labels("Does a food truck need a licence to park at the market?")
