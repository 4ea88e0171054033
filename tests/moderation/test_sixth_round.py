"""Classes of issue 15's sixth round (what the rules missed or wrongly found in two new
writers' sets, train_l and train_m, read as classes): each test is a shape, written in words
of its own, not a post copied from a set."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_asking_for_banking_or_identity_secrets_is_a_scam_whoever_it_claims_to_be() -> None:
    assert "illegal" in rules(
        "HYDRO CREDIT for Amberlea homes! To get it, reply with your card number and CVV."
    )
    assert "illegal" in rules(
        "You're owed $312 from the arena refund. Send your SIN and online banking login to "
        "arena.refunds.desk@mailbox.org"
    )
    # A warning about the same thing, and a cousin is not a SIN.
    assert "illegal" not in labels(
        "Fake 'hydro credit' texts are going around asking for your CVV. The utility never "
        "does that."
    )
    assert "illegal" not in labels(
        "Any update on the library branch? My cousin says it opens in spring."
    )


def test_selling_reported_or_asked_about_is_not_soliciting() -> None:
    assert "commercial" not in rules(
        "Heads up, a man was selling 'discount' parking passes at the GO lot. Reported it."
    )
    assert "commercial" not in rules("Do the scouts need a permit for door to door selling?")
    assert "commercial" not in rules("Selling homemade jerky is not allowed at the market.")
    assert "commercial" not in rules("Council is selling out the waterfront, plain and simple.")
    assert "commercial" not in rules("So we just book online now? What about my dad?")
    # The seller's own offer still is.
    assert "commercial" in rules("Selling a kids' hockey bag, $30, pick up in Rosebank.")


def test_taunts_that_only_mock_a_person_are_harassment() -> None:
    assert "harassment" in rules("@lenny_b sit down, crybaby, nobody made you read it")
    assert "harassment" in rules("Try using both of your brain cells before you post, Gail.")
    assert "harassment" in rules("ok boomer, the world moved on without you")
    assert "harassment" in rules("Nobody asked you, you miserable old bag.")
    assert "harassment" in rules("Posting every hour about leaf blowers? Get a hobby, Rick.")
    assert "harassment" in rules("Trustee Lowe is a useless sack of sh!t.")
    # Things, not people.
    assert "harassment" not in labels("Found an old bag of road salt in the shed, free to anyone.")
    assert "harassment" not in labels("The rink volunteers get a life-changing amount of thanks.")


def test_a_disguised_mild_word_is_not_a_disguised_insult() -> None:
    assert "harassment" not in rules("Holy cr@p, the parking rates went up again")
    assert "harassment" not in rules("That detour is a load of cr*p")
    assert "harassment" in rules("you're a cr33p, stay away from the splash pad")


def test_a_dash_inside_a_word_masks_it_and_a_dash_between_words_does_not() -> None:
    assert "vulgarity" in rules("this f—ing condo will block my whole yard")
    assert "vulgarity" in rules("look at these sh!tboxes they call townhomes")
    assert "vulgarity" not in rules("Merci pour l'info — on y va samedi avec les enfants")


def test_a_court_abbreviated_is_still_a_home_address() -> None:
    assert "personal_info" in rules("The couple at 14 Glenanna Crt let their dog bark all night.")
    assert "personal_info" not in rules("Road work on Pickering Pkwy until Friday, use Bayly.")
