"""Classes of issue 15's second round (train_h.jsonl): each test is a shape, written in words
of its own, not a post copied from the set."""

from __future__ import annotations

from tests.moderation.posts import labels


def test_a_french_word_that_spells_an_english_slur_is_not_one() -> None:
    assert "harassment" not in labels(
        "Il est trop tard pour s'inscrire? Mieux vaut tard que jamais."
    )
    assert "harassment" in labels("Those people are retards, all of them.")


def test_dotted_letters_and_french_elisions_are_words_not_masks() -> None:
    found = labels("S.O.S. my furnace died, is the warming centre at the library open?")
    assert not found & {"harassment", "vulgarity"}
    assert not labels("Est-ce que la piscine ouvre s'il fait beau demain?") & {"harassment"}
    assert "vulgarity" in labels("this bylaw is s.h.i.t")


def test_scams_asking_for_identity_or_card_details() -> None:
    assert "illegal" in labels(
        "GOVERNMENT OF CANADA: your seniors grocery credit is waiting. Call 1-855-555-0199 "
        "with your SIN and bank card number to receive it."
    )
    assert "illegal" in labels(
        "Congratulations, you WON a free iPad from the City! Enter your card details at "
        "prize-pickering.net to pay shipping."
    )
    assert "illegal" not in labels(
        "Reminder: the CRA will never ask for your SIN or banking details by text. It's a scam."
    )


def test_saying_one_will_publish_a_persons_home_address() -> None:
    found = labels("I'm going to be sharing Councillor Dunn's home address tonight, enjoy.")
    assert {"harassment", "illegal"} <= found
    assert "illegal" in labels("Je vais publier l'adresse de la conseillère ce soir.")


def test_a_shame_if_threat_against_property_is_a_threat_of_harm() -> None:
    assert "illegal" in labels("Lovely new benches. Would be a shame if somebody set fire to them.")


def test_organisations_of_a_community_are_not_generalisations() -> None:
    assert "harassment" not in labels(
        "The Tamil community centre would use the hall every Sunday if we could book it."
    )
    assert "harassment" in labels(
        "Ship them all back where they came from and the traffic is fixed."
    )


def test_plates_in_new_shapes() -> None:
    assert "personal_info" in labels("Grey van, plate C·X·T·R·4·1·9, parks on the sidewalk daily.")
    assert "personal_info" in labels(
        "The owner's vanity plate 'BRKLYN' is on the blue Jeep in my spot."
    )
    assert "personal_info" not in labels(
        "THE PLATE POLICY AT THE DUMP IS DUMB AND NOBODY FOLLOWS IT"
    )


def test_french_street_address_and_dismissal() -> None:
    assert "personal_info" in labels(
        "Le voisin du 88, rue Liverpool laisse ses ordures dehors, c'est Marc Roy."
    )
    assert "negativity" in labels("Encore une consultation ennuyeuse. Qui regarde ça?")


def test_acknowledgement_only_and_spaced_out_clutter() -> None:
    assert "disruption" in labels("cool")
    assert "disruption" in labels("b u m p")
