"""Classes of issue 15's fifteenth round, from train_ac (English, long and messy posts) and
train_ad (French, every register). Every post here is written for the test, not taken from a
set; each class was missed (or wrongly flagged) before the round."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_scams_in_french_impersonating_an_agency() -> None:
    assert "illegal" in rules(
        "AGENCE DU REVENU DU CANADA : un remboursement de 312 $ vous attend. Confirmez vos "
        "coordonnées bancaires sur arc-retour.net avant vendredi.")
    assert "illegal" in rules(
        "Hydro One : coupure de courant ce soir. Payez maintenant en cartes-cadeaux au "
        "1-866-555-0142 pour éviter la coupure.")
    assert "illegal" in rules(
        "Service Canada : votre numéro d'assurance sociale est bloqué. Appelez le "
        "1-855-555-0190 et ayez vos infos bancaires.")


def test_warnings_about_french_scams_are_not_scams() -> None:
    assert "illegal" not in labels(
        "Attention : l'ARC n'appelle jamais pour demander vos infos bancaires, c'est une "
        "arnaque, raccrochez.")
    assert "illegal" not in labels("L'arc-en-ciel au-dessus de la baie ce matin, wow!")


def test_french_threats_to_find_an_address_or_settle_a_score() -> None:
    found = rules("Le gars du camion de vidanges, je vais trouver son adresse, tu vas voir.")
    assert {"harassment", "illegal"} <= found
    assert "harassment" in rules("Ce voisin-là, on va régler son cas une fois pour toutes.")
    assert "harassment" in rules("Allons tous cogner devant chez eux à minuit, ils comprendront.")
    assert "harassment" not in labels("J'ai trouvé son adresse courriel sur le site de la Ville.")


def test_french_put_down_of_people_as_cons() -> None:
    assert "harassment" in rules("Les gens du comité sont des petits cons prétentieux.")
    assert "harassment" in rules("Franchement, t'es un gros con, Réal.")
    assert "harassment" not in labels("Ces contrats sont des contrats de cinq ans, signés en 2025.")


def test_the_replacement_story_told_of_a_faith_in_french() -> None:
    assert "harassment" in rules("Ils veulent transformer nos écoles en mosquées, ouvrez les yeux.")
    assert "harassment" not in labels(
        "L'ancienne église de Brougham a été transformée en salle communautaire.")


def test_french_advice_to_poison_a_dog_or_buy_unlicensed_cannabis() -> None:
    assert "illegal" in rules("Faudrait lancer une boulette empoisonnée par-dessus sa clôture.")
    assert "illegal" not in labels(
        "Avis : des boulettes empoisonnées ont été trouvées au parc, tenez vos chiens en laisse.")
    assert "illegal" in rules("Du pot moins cher qu'à la SQDC, écris-moi pour le menu.")
    assert "illegal" in rules("Weed de qualité, livraison rapide partout à Pickering.")


def test_french_sacres_stretched_hyphened_or_before_que() -> None:
    assert "vulgarity" in rules("c-a-l-i-s-s-e, encore le bac de recyclage dans la rue")
    assert "vulgarity" in rules("ossstiiie que la rue est mal déneigée")
    assert "vulgarity" in rules("criss qu'on attend longtemps pour le bus 110")
    assert "vulgarity" not in labels("Le cul-de-sac de la rue Rosebank est dégagé, merci.")


def test_french_write_me_is_an_ad_only_with_a_price() -> None:
    assert "commercial" not in labels(
        "Mon chat gris s'est sauvé près de Bayly. Si vous le voyez, écrivez-moi svp!")
    assert "commercial" in rules("Je fais le déneigement de votre entrée, 40 $ cash, écrivez-moi.")


def test_a_fee_complained_of_is_not_an_ad() -> None:
    assert "commercial" not in labels(
        "Le stationnement de la plage à 8 $/h c'est du vol, les familles vont aller ailleurs.")
    assert "commercial" in rules("Gardiennage à 15 $/h, soirs et fins de semaine, textez-moi.")


def test_a_pity_in_french_is_not_disliking_the_topic() -> None:
    assert "negativity" not in rules("C'est plate qu'on ait annulé le bain libre de dimanche.")
    assert "negativity" not in rules(
        "Ça sert à rien de s'inscrire à 9 h, tout est déjà complet à 9 h 01.")
    assert "negativity" in rules("trois heures de blabla pour rien")


def test_a_french_word_is_not_an_english_off_topic_subject() -> None:
    # "finalement" is not a TV finale: a snow-clearing remark stays on topic
    assert "disruption" not in rules("Ma rue est finalement déneigée après quatre jours. Pas fort.")


def test_a_post_that_says_it_is_off_topic() -> None:
    assert "disruption" in rules("Off topic but did anyone see the fireworks over Ajax last night?")
    assert "disruption" in rules("Hors sujet mais quelqu'un a trouvé un vélo bleu?")
    assert "disruption" not in rules("Off-topic posts should be removed faster on this page.")


def test_someone_elses_anger_the_poster_expects_is_not_a_threat() -> None:
    assert "harassment" not in labels("if the bus is late again my manager is gonna kill me lol")
    assert "harassment" in rules("that driver is gonna get hurt, I'm gonna kill him")


def test_short_words_in_a_row_are_not_a_word_spaced_out() -> None:
    assert "harassment" not in labels("anyone need their walk shovelled, I do it for 30 a storm")
    assert "harassment" in rules("you are an i d i o t")


def test_a_wish_of_harm_said_of_people_called_names() -> None:
    assert "harassment" in rules(
        "5% more tax. Those clowns at city hall should be strung up for this, just saying")


def test_a_crew_called_names_and_people_told_to_take_their_meds() -> None:
    assert "harassment" in rules("three weeks on one pothole, bunch of lazy sh*ts on Brock")
    assert "harassment" in rules("@Gary take your meds grandpa, nobody asked")
    assert "harassment" in rules("lol cry about it, some of us have jobs")
    assert "harassment" not in labels("Reminder for seniors: take your meds with water in heat.")


def test_someone_oughta_teach_them_a_lesson() -> None:
    assert "harassment" in rules("somebody oughta teach those parking officers on Brock a lesson")
    assert "harassment" in rules("a few of us know where that inspector parks his truck")


def test_a_named_official_accused_of_bribery_or_nepotism() -> None:
    assert "harassment" in rules("Councillor Brant's been paying off the snow contractor for years")
    assert "harassment" in rules("she's got her cousins on the payroll, ask anyone at city hall")
    assert "harassment" not in labels("He's been paying off his student loans since 2019.")
    assert "harassment" not in labels("The City has been paying off the arena debt early.")


def test_a_mocking_name_for_gay_and_trans_people() -> None:
    assert "harassment" in rules("the alphabet mafia wants every washroom changed now")
    assert "harassment" not in labels("My kid learned the whole alphabet at story time!")


def test_a_resident_telling_how_to_book_is_not_an_ad() -> None:
    assert "commercial" not in labels(
        "you can register online or you used to book at the front desk, not sure now")
    assert "commercial" in rules("Spring hockey camp! Register now, spots limited")


def test_a_sentence_end_is_not_part_of_a_street_name() -> None:
    assert "personal_info" not in rules(
        "Branches are half empty in 2027, people read online. Close a couple of them.")
    assert "personal_info" in rules("He lives at 22 St. Martins Dr, the grey house")


def test_the_posters_own_street_without_a_number() -> None:
    assert "personal_info" not in rules(
        "Parking is a mess for those of us who live on Wharf St every summer weekend")
    assert "personal_info" in rules("we live on Rosebank Rd, #41, drop the keys off please")


def test_a_digit_masking_a_letter_is_not_a_number_in_a_dismissal() -> None:
    assert "negativity" in rules("lame video lol who even watches this sh1t")
