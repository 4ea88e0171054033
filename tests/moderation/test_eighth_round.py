"""Classes of issue 15's eighth round (what the rules missed or wrongly found in two new
writers' sets, train_p and train_q), each a shape written in words of its own."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_friends_tagged_with_nothing_said_are_clutter() -> None:
    assert "disruption" in rules("@Priya Nair @Owen Blake")
    assert "disruption" in rules("@Dana Whitfield 👀")
    assert "disruption" not in labels("@CityofPickering 🎉🎉")
    assert "disruption" not in labels("@Owen Blake the pool opens at 6 on Saturdays.")


def test_a_word_said_over_and_over_or_a_mixed_emoji_string_is_clutter() -> None:
    assert "disruption" in rules("snow snow snow snow")
    assert "disruption" in rules("🎃🎃🎃👻👻👻🍬🍬🍬")
    assert "disruption" not in labels("🇨🇦🇨🇦🇨🇦")


def test_keyboard_mash_with_a_laugh_is_clutter() -> None:
    assert "disruption" in rules("qwertyuiop lmfaooo")


def test_a_personal_ad_is_off_topic_on_a_city_board() -> None:
    assert "disruption" in rules("single f 31 looking for a boyfriend who likes hiking, dm")
    assert "disruption" in rules("Looking for a roommate near the GO, $950, quiet, no pets")
    assert "disruption" not in labels("Is the seniors' fair looking for more volunteers?")


def test_a_chain_letter_that_asks_to_be_copied_to_friends() -> None:
    assert "disruption" in rules(
        "The spirit of autumn is with you 🍂 copy this to 7 friends tonight or lose your luck")


def test_a_charitys_number_is_not_a_persons() -> None:
    assert "personal_info" not in rules(
        "If you're stuck, YMCA Durham still has subsidized camp spots, 905-555-0122.")


def test_a_slur_in_single_quotes_reported_as_said_to_someone_is_not_an_attack() -> None:
    assert "harassment" not in rules(
        "A man at the rink called my son a 'r*tard' and nobody said anything. Not okay.")
    assert "harassment" in rules("you're such a 'r*tard' lol")
