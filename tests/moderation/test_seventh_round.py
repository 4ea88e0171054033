"""Classes of issue 15's seventh round (what the rules missed in final_l after its one scoring,
and in the round's new writers' sets), each a shape written in words of its own."""

from __future__ import annotations

from bot.moderation import ModerationSettings, Screener
from tests.moderation.posts import labels, post


def rules(text: str) -> set[str]:
    """What the rules alone find (the model knows the sets it was trained on)."""
    return set(Screener(ModerationSettings(learned_screen=False)).screen(post(text)).labels)


def test_a_vulgar_word_that_only_names_a_person_is_an_insult_too() -> None:
    assert rules("The night crew at the depot are a pack of sh1theads.") >= {
        "harassment", "vulgarity"}
    assert rules("move your truck, dumbf*ck") >= {"harassment", "vulgarity"}
    # Vulgar, but nobody is called anything.
    assert "harassment" not in labels("who gives a sh!t about the parking study")


def test_spanish_insults_in_the_feminine_too() -> None:
    assert "harassment" in rules("La concejal Ruiz es una pendeja y una cabrona.")
    assert "harassment" not in labels("La biblioteca abre a las diez, gracias a todos.")


def test_a_delivery_anywhere_offer_or_a_clear_out_sale_advertises() -> None:
    assert "commercial" in rules("gummies and pre-rolls, delivery anywhere in Ajax, snap me")
    assert "commercial" in rules("Moving out Friday, everything must go, 620 Annland St")
    assert "commercial" not in labels("Does leaf pickup reach anywhere north of Finch?")
