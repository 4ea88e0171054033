"""Classes of issue 15's fifth round (what rules alone missed in the sets of writers who never
saw the rules, and a new writer's 'hard middle' set, train_k): each test is a shape, written
in words of its own, not a post copied from a set."""

from __future__ import annotations

from tests.moderation.posts import labels, rules, screen


def test_poisoned_bait_and_shooting_animals_are_illegal() -> None:
    assert "illegal" in rules("Raccoons again. Leave out some hot dogs with rat poison, done.")
    assert "illegal" in rules("Easy fix for the geese: just shoot em at dawn.")
    assert "illegal" in rules(
        "I've got a pellet gun and I'll take care of that coyote myself this weekend."
    )
    # Everyday English that shares the words.
    assert "illegal" not in labels("Just shoot them an email, the clerk answers fast.")
    found = screen("Shoot them a message and they'll book you in.").findings
    assert not [f for f in found if f.category == "harassment" and f.kind != "learned"]


def test_advice_on_getting_away_with_it_in_new_words() -> None:
    assert "illegal" in rules("Just prop the side door at the rink, nobody watches the cameras.")
    assert "illegal" in rules("Just park on the boulevard overnight, by-law can't touch you.")


def test_fireworks_brought_in_past_the_rules_are_a_banned_sale() -> None:
    assert "illegal" in rules("Got mortars from across the border again, no permit needed")
    assert "illegal" not in labels(
        "Reminder: mortars and roman candles are banned in Pickering. Report sales to by-law."
    )


def test_a_sellers_cash_only_or_dm_offer_is_soliciting() -> None:
    assert "commercial" in rules("Two bikes, barely used, cash only, pick up near Bayly.")
    assert "commercial" in rules("Fresh eggs from my hens, DM me if you want some.")
    assert "commercial" not in labels("Is the farmers market cash only or can I tap?")


def test_knowing_a_persons_movements_said_as_a_warning_is_a_veiled_threat() -> None:
    assert "harassment" in rules(
        "The by-law officer should be careful walking out to her car after dark. Just saying."
    )
    assert "harassment" in rules("I know which daycare her kids go to, by the way.")
    assert "harassment" in rules("Ticket me again and see what happens, Officer Lam.")
    assert "harassment" not in labels("I know which school my kids go to next year, finally!")


def test_a_threat_found_by_a_rule_still_gets_the_models_other_categories() -> None:
    found = screen("Councillor Yip better watch himself. I know his car and his route home.")
    assert "harassment" in found.labels
    assert any(f.kind == "veiled" for f in found.findings)


def test_coded_remarks_about_a_community_are_harassment_unless_reported() -> None:
    assert "harassment" in rules(
        "These new builds will bring a certain type of people. You know what I mean."
    )
    assert "harassment" in rules("Learn English or leave, simple as that.")
    assert "harassment" not in labels(
        "A man on the bus told my neighbour to 'speak English or go home'. Awful."
    )


def test_chain_letters_keyboard_mash_and_link_strings_are_clutter() -> None:
    assert "disruption" in labels(
        "SEND THIS TO 10 FRIENDS OR YOU WILL HAVE BAD LUCK. It really works!!"
    )
    assert "disruption" in labels("Copy and paste this message before midnight to keep privacy")
    assert "disruption" in labels("qwertyuiop")
    assert "disruption" in labels("jhkdsfhkjsd lolol")
    assert "disruption" in labels("lol tinyurl.com/a1 tinyurl.com/b2 tinyurl.com/c3")
    asked = screen("Can someone share this with the library board?").findings
    assert not [f for f in asked if f.kind == "clutter"]
    assert "disruption" not in labels(
        "Pool, arena and camp schedules: pickering.ca/pools pickering.ca/arenas pickering.ca/camps"
    )


def test_french_everyday_words_are_not_insults() -> None:
    assert not labels("Le déneigement sur notre rue est encore en retard, pouvez-vous vérifier?")
    assert not labels("Encore un retard dans la collecte des ordures cette semaine.")
    assert "harassment" not in labels("C'est con que le marché soit annulé, j'avais hâte.")
    assert "illegal" not in labels("Mon voisin fait brûler ses feuilles, est-ce permis?")
    assert "harassment" in labels("Le conseiller est une ordure.")
    assert "harassment" in labels("the new clerk is a total r3tard")


def test_an_organisations_desk_and_a_files_number_are_not_a_persons_details() -> None:
    assert "personal_info" not in labels(
        "Minor hockey registration closes Friday, questions to registration@pickeringminor.org"
    )
    assert "personal_info" not in labels(
        "The councillor's office line is 905-555-0102, they got back to me the same day."
    )
    assert "personal_info" not in labels("My ticket PKG-2027-118342 was never processed.")
    assert "personal_info" not in labels("It's a 15 minute drive from Claremont, worth it.")
    # ...while a person's own number stays private whatever office is named beside it.
    assert "personal_info" in labels(
        "Her personal cell is 905-555-0161, she ignores the office line anyway."
    )
    assert "personal_info" in labels("Write to him at greg.paulson77@gmail.com and complain.")


def test_a_theft_reported_with_the_thieves_tools_is_not_promotion() -> None:
    assert "illegal" not in labels(
        "Second bike stolen from the library rack this week, bolt cutters right through the lock."
    )
    assert "illegal" in rules("Bring bolt cutters Saturday, the lock on the pool gate is cheap.")


def test_the_f_word_in_its_initials_and_quebec_swearing_are_vulgar() -> None:
    assert "vulgarity" in labels("WTF is a 9am open house on a weekday")
    assert "vulgarity" in labels("two hours in line, ffs")
    assert "vulgarity" in labels("Ostie que c'est long, ce conseil")
    assert "vulgarity" not in labels("L'hostie à la messe de minuit, comme chaque année.")


def test_civil_words_that_look_like_attacks() -> None:
    # slang praise, a negated "go away", French counter-speech quoting the abuse it rejects
    assert not labels("The lifeguards at the Rec Complex are dope, my son loves the swim club!")
    assert not labels("The speeding didn't go away when the cameras came down, it got worse.")
    assert not labels("Quelqu'un a écrit « retournez au Québec » sous la publication. "
                      "Ce genre de commentaire n'a pas sa place ici.")
    assert "harassment" in labels("Go away, you dope, nobody wants you on council.")
    assert "harassment" in labels("Les francos, retournez au Québec!")


def test_a_payment_page_dressed_as_a_public_bodys_is_phishing() -> None:
    assert "illegal" in rules(
        "Your water bill is overdue. Settle it at pickering-water-billing.net before Friday."
    )
    assert "illegal" in rules("Carbon rebate waiting: see canada-rebate-portal.info 🇨🇦")
    # Warnings about the same text, the City's own pages and local clubs are not.
    assert "illegal" not in rules(
        "Got a text saying to pay at pickering-water-billing.net, is this legit?"
    )
    assert "illegal" not in rules("Pay your water bill online at pickering.ca/water, it's easy.")
    assert "illegal" not in rules("Register and pay by Friday at pickeringsoccer.org")


def test_goods_whose_origin_is_not_to_be_asked_about_are_stolen_goods() -> None:
    assert "illegal" in rules("Buying copper pipe and converters, cash, no questions asked.")
    assert "illegal" in rules("PS5 for $200, don't ask where it's from lol")
    # Quoted to report it, or a library's amnesty: not a sale.
    assert "illegal" not in rules(
        "That bike listed for $150 'no questions asked' is mine. I've reported it to DRPS."
    )
    assert "illegal" not in rules("Return overdue books this week, no questions asked, no fines.")


def test_damage_and_violence_promised_in_so_many_words() -> None:
    assert "illegal" in rules("If they approve the towers I'll make sure the site office burns.")
    assert "illegal" in rules("Those new speed cameras will be spray painted by Friday.")
    assert "illegal" in rules("Let's dump the leaves on his driveway since he blew them onto ours")
    assert "illegal" in rules("Meet at the park at 9 and bring bats, we'll sort them out.")
    assert "illegal" in rules("Raccoons in the bins again, got my slingshot loaded tonight.")
    assert "illegal" in rules("anyone split an 8 ball ❄️ this weekend")
    assert "illegal" in rules("Call my roofer, cash only and he skips the permit, half the price")
    assert "illegal" not in rules("The heritage barn burned down in 1978, the plaque says.")
    assert "illegal" not in rules("Bring bats and gloves, softball at Kinsmen Park Saturday!")


def test_coded_exclusion_and_threats_in_new_words() -> None:
    assert "harassment" in rules("Nobody wants your festival here, go back where u came from")
    assert "harassment" in rules("cricket in the park again, go play that back home")
    assert "harassment" in rules("They breed like rabbits and take every unit in the new builds")
    assert "harassment" in rules("Truck 12 driver again. He'll get what's coming, mark my words.")
    assert "harassment" not in rules("Home from the cricket final, we'll play it again next year")


def test_a_phone_number_after_tel_or_cell_stays_a_phone_number() -> None:
    assert "personal_info" in labels("Call my neighbour's cell-416-555-0199, he never answers.")
    assert "personal_info" in labels("Dave TEL-905-555-0142 if the dog gets out again")
