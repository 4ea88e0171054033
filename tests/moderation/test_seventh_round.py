"""Classes of issue 15's seventh round (what the rules missed in final_l after its one scoring,
and in the round's new writers' sets), each a shape written in words of its own."""

from __future__ import annotations

from dataclasses import replace

from bot.moderation import ModerationSettings, Screener
from bot.moderation.model import Verdict
from tests.moderation.posts import labels, post, rules


def screen_in(text: str, *, folder: str, topic: str) -> Verdict:
    """What the rules alone find in a post under a given folder and topic."""
    return Screener(ModerationSettings(learned_screen=False)).screen(
        replace(post(text), folder=folder, topic=topic))



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


def test_an_off_topic_question_asks_about_another_service_not_the_folders_own_matter() -> None:
    tour = dict(folder="Tour of the new Claremont arena", topic="A video tour of the new arena.")
    assert "disruption" in set(screen_in("When is the next tax instalment due?", **tour).labels)
    # Questions about the folder's own building or event, and suggestions, are the discussion.
    assert "disruption" not in set(
        screen_in("Is there going to be enough parking? The lot looks small.", **tour).labels)
    assert "disruption" not in set(
        screen_in("Could there be a water fountain near the benches? Summer gets hot.",
                  **tour).labels)


def test_mocking_how_a_named_person_looks_or_does_their_job_is_harassment() -> None:
    assert "harassment" in rules("The host sounds like a wheezing old goat, painful to watch.")
    assert "harassment" in rules("Dalby is a sh!t planner and everyone at City Hall knows it.")
    assert "harassment" not in labels("The new library roof looks like a whale, I love it.")


def test_following_a_person_home_is_a_threat_and_against_the_law() -> None:
    found = rules("We should follow Nadeau home after council and tell her what we think.")
    assert {"harassment", "illegal"} <= found
    assert "illegal" not in labels("Follow the detour signs home after the parade.")


def test_saying_a_named_person_belongs_in_jail_accuses_them_of_a_crime() -> None:
    assert "harassment" in rules("Soares fiddled the budget and she should be locked up.")
    assert "harassment" not in labels("Drivers who pass a stopped school bus get a big fine.")


def test_announcing_ones_own_garage_sale_with_its_day_advertises() -> None:
    assert "commercial" in rules("YARD SALE sunday 8am, 31 Wingarden Cres, toys and tools")
    assert "commercial" not in labels("Do I need a permit to hold a garage sale on my street?")


def test_who_gives_a_damn_dismisses_the_topic_however_it_is_cussed() -> None:
    assert "negativity" in rules("who gives a sh!t about the ward boundary review lol")
    assert "negativity" in rules("who the f*ck cares about the rink schedule")
    assert "negativity" not in labels("I give a damn about our parks, and so should council.")
