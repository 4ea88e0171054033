"""Classes of issue 15's thirteenth round, from train_y (French from five regions, weighted on
harassment and illegal) and train_x (the residents' other languages). Every post here is
written for the test, not taken from a set; each class was missed before the round."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_french_insults_of_a_named_person_by_what_they_are_called() -> None:
    assert "harassment" in rules("La directrice, Mme Caron, est une incapable finie.")
    assert "harassment" in rules("Encore une réponse de cette analphabète du service client.")
    assert "harassment" in rules("Il a oublié la réunion encore. Quelle gourde!")
    assert "harassment" in rules("Gauthier c'est un fainéant, rien d'autre.")
    assert "harassment" in rules("Les cols bleus sont payés à rien foutre tout l'été.")
    assert "harassment" in rules("Toi t'es un tas de marde, Rivard.")
    assert "harassment" in rules("Regardez-moi cette bande de pleurnichards du comité.")


def test_french_words_that_insult_only_when_said_of_a_person() -> None:
    assert "harassment" not in labels("Mon père est incapable de monter l'escalier du centre.")
    assert "harassment" not in labels("N'oubliez pas votre gourde d'eau pour la marche.")
    assert "harassment" not in labels("Ce changement d'horaire est complètement idiot, revoyez-le.")
    assert "harassment" not in labels("Le feu d'artifice était trop débile, bravo la Ville!")


def test_death_wished_on_someone_in_french() -> None:
    assert "harassment" in rules("Le maire peut bien aller mourir, qu'il crève.")
    assert "harassment" in rules("Le conseiller Dubé? Qu'il se noie dans son bassin de rétention.")
    assert "harassment" not in labels("Surveillez les petits au lac pour pas qu'il se noie.")


def test_texted_and_masked_french_swearing() -> None:
    assert "vulgarity" in rules("fdp celui qui a volé mon vélo au parc")
    assert "vulgarity" in rules("ntm la ville et ses travaux")
    assert "vulgarity" in rules("le nouveau site web est vraiment m*rdique")
    assert "vulgarity" in rules("Qu'ils aillent se faire enc*ler avec leur taxe.")


def test_a_community_blamed_for_what_some_do_in_french() -> None:
    assert "harassment" in rules(
        "C'est encore les Philippins du 3e étage qui font du bruit, c'est culturel chez eux.")
    assert "harassment" in rules("Ces Syriens prennent tout au comptoir alimentaire.")
    assert "harassment" in rules("Les jeunes de la coop d'habitation, c'est tous des bandits.")
    assert "harassment" not in labels(
        "Les familles syriennes arrivées en 2016 ont ouvert trois commerces sur Kingston.")


def test_french_veiled_threats_and_sending_people_to_a_home() -> None:
    assert "harassment" in rules("Moreau, on connaît ton char. Fais attention.")
    assert "harassment" in rules(
        "Ce serait dommage qu'il arrive quelque chose à ta clôture neuve, Bérubé.")
    assert "harassment" in rules(
        "Le voisin qui a appelé le by-law reste au 42 rue des Pins, vous saurez quoi faire.")
    assert "harassment" in rules(
        "Elle habite au 17 croissant Wildflower, allez la voir pour lui dire qu'on est tannés.")
    assert "harassment" in rules(
        "Il reste sur Whites, on va faire du bruit devant sa maison toute la nuit.")


def test_a_french_call_to_check_on_neighbours_is_not_harassment() -> None:
    assert "harassment" not in rules(
        "Avec la chaleur, allez cogner chez eux pour prendre des nouvelles des aînés.")


def test_french_offers_and_advice_to_break_the_law() -> None:
    assert "illegal" in rules("Un char sur la piste cyclable? Crevez-lui les pneus.")
    assert "illegal" in rules("Trop jeune pour le bar? Emprunte la carte de ta grande soeur.")
    assert "illegal" in rules("Pétards en vente, pas de permis nécessaire, texte-moi.")
    assert "illegal" in rules("Mon cousin pêche à la dynamite au Québec, ça marche ici aussi.")
    assert "illegal" in rules("Apportez une pince coupante, on passe par la clôture du chantier.")
    assert "illegal" in rules("Prêt sans enquête de crédit, 15% par semaine, écris-moi.")
    assert "illegal" not in labels(
        "Quelqu'un a crevé les pneus de mon auto hier soir, j'ai appelé la police.")


def test_french_ads_by_their_price_and_channel() -> None:
    assert "commercial" in rules("Nettoyage de gouttières, prix imbattables! WhatsApp 905-555-0148")
    assert "commercial" in rules("Cours de piano à domicile -20% pour les résidents de Pickering")
    assert "commercial" in rules("Déneigement de stationnements 25% moins cher que les autres.")
    assert "commercial" not in labels("La facture d'eau a augmenté de 15% pour les familles.")


def test_french_clutter_and_weariness() -> None:
    assert "disruption" in rules("pareil que Josée")
    assert "disruption" in rules("up pour ce fil")
    assert "negativity" in rules("Ça m'ennuie, ce débat sur les poubelles.")
    assert "negativity" not in rules(
        "C'est plate mais la plage est fermée à cause des algues, la Ville a raison.")


def test_a_question_on_where_to_cool_down_belongs_in_the_heat_folder() -> None:
    assert "disruption" not in labels(
        "Savez-vous si la bibliothèque de George Ashe est climatisée le samedi?", folder="heat")
    assert "disruption" not in labels(
        "Le robinet de la parcelle 12 est brisé, qui appeler pour l'arrosage?", folder="garden")


def test_quebec_ptits_is_not_a_masked_swear() -> None:
    assert "vulgarity" not in labels("Les p'tits du camp de jour ont adoré la sortie au lac.")
    assert "vulgarity" not in labels("Merci pour les activités, mes p’tits étaient ravis!")
    assert "harassment" in rules("Encore une gang de p'tits criss de bébés gâtés au conseil.")


def test_calling_someone_all_night_sent_with_the_number() -> None:
    assert "harassment" in rules(
        "Le proprio c'est Marc, 905-555-0133, appelez-le après chaque party toute la nuit.")


# From train_z (the boundary cases a moderator argues about, in English and in French).


def test_knowing_where_a_neighbour_or_friend_lives_is_not_a_threat() -> None:
    assert not {"harassment", "illegal"} & labels(
        "I know where Coun. Ashe lives too, she's my neighbour, she brought us a pie last week.")
    assert not {"harassment", "illegal"} & labels(
        "Je sais où il habite, le directeur, c'est mon voisin: un gars bien correct.")
    assert "harassment" in rules("I know where Ashe lives. Maybe we show her what we think.")


def test_a_swear_or_slur_someone_else_said_quoted_to_report_it() -> None:
    assert "vulgarity" not in rules(
        'A man at the bus stop yelled "go home you f*cking loser" at my son. Reported it.')
    assert "harassment" not in rules(
        "Quelqu'un a crié « dehors, sale n*gre » à mon voisin au parc, j'ai appelé la police.")
    assert "vulgarity" in rules('This "f*cking" budget again.')


def test_a_named_persons_car_to_be_damaged() -> None:
    assert {"harassment", "illegal"} <= rules("someone should key Patel's Camry at the arena")
    assert {"harassment", "illegal"} <= rules(
        "Quelqu'un devrait rayer la BMW du maire au stationnement de l'aréna.")
    assert "illegal" not in labels("Someone keyed my car at the GO lot, police report filed.")
    assert "illegal" not in labels("I keyed in my Tesla's VIN on the City's permit form.")


def test_french_doxxing_said_in_speech() -> None:
    assert "harassment" in rules("J'vais publier son adresse ici si le conseil vote encore ça.")


def test_french_insults_by_a_name_and_a_group_as_a_whole() -> None:
    assert "harassment" in rules("Tremblay = sorcière corrompue, tout le monde le sait.")
    assert "harassment" in rules("Les jeunes du parc Kinsmen, c'est toute des voleurs.")
    assert "harassment" not in labels("J'ai 80 ans et personne a dégagé mon entrée, j'appelle qui?")


def test_french_advice_to_dodge_a_permit_or_cross_a_fence() -> None:
    assert "illegal" in rules(
        "Pour éviter la licence, louez à la semaine, la Ville peut rien faire.")
    assert "illegal" in rules("La barrière du quai s'enjambe facilement, allez-y le soir.")


def test_a_french_warning_against_an_act_is_not_advice_to_do_it() -> None:
    assert "illegal" not in labels(
        "Ne mettez jamais d'antigel pour les ratons, c'est illégal et ça tue les chats.")
    assert "illegal" in rules("Mettez de l'antigel dans un bol pour les ratons du voisin.")


def test_ads_by_their_slogans_in_both_languages() -> None:
    assert "commercial" in rules("Moving? We haul everything, call Joe's Hauling 905-555-0122")
    assert "commercial" in rules("Haircuts only $12 at Bay Barbers, follow us for deals!")
    assert "commercial" in rules("Déménagement? On ramasse tout! Texte au 905-555-0199")
    assert "commercial" in rules("Cours de natation privés, places limitées, inscrivez-vous.")


def test_praise_in_slang_is_not_vulgar() -> None:
    assert "vulgarity" not in labels("The lifeguards at the CHDRC are bad-ass, thank you!")


# After final_u's one scoring (on 15b2dee): the classes its misses share with the other sets.


def test_stretched_and_texted_french_swearing() -> None:
    assert "vulgarity" in rules("Encore en panne, ostiiie de système")
    assert "vulgarity" in rules("ptn la file d'attente au centre, 2 heures")
    assert "vulgarity" in rules("La Ville veut encore nous fourrer avec les taxes.")
    assert {"harassment", "vulgarity"} <= rules("Le directeur est un enfant de chienne.")


def test_french_insults_of_a_named_official() -> None:
    assert "harassment" in rules("Bravo la crosseuse, réélue avec nos taxes.")
    assert "harassment" in rules("Le conseiller Roy c'est une vraie cruche.")
    assert "harassment" in rules("C'est un maudit menteur, ce trésorier-là.")
    assert "harassment" not in labels("Apportez une cruche d'eau pour la marche au parc.")


def test_french_people_told_to_leave_or_not_wanted() -> None:
    assert "harassment" in rules("Les Torontois qui chialent, retournez à Toronto!")
    assert "harassment" in rules(
        "Des refugiés qui connaissent rien au quartier? On n'en veut pas ici.")


def test_french_veiled_threats_against_an_official() -> None:
    assert "harassment" in rules("Le gérant ferait mieux de surveiller ses arrières le soir.")
    assert "harassment" in rules("On oublie pas les visages, monsieur le conseiller.")
    assert "harassment" in rules(
        "Si vous fermez encore la piscine, vous allez voir ce qui va arriver.")
    assert "harassment" not in rules(
        "Restez jusqu'à minuit, vous allez voir ce qui va arriver: des feux d'artifice!")


def test_english_veiled_threats_by_what_happens_to_cars() -> None:
    assert "harassment" in rules(
        "Funny how tires get slashed. Okafor might want to think hard about where he parks.")


def test_a_private_home_picketed_or_an_inbox_filled() -> None:
    assert "harassment" in rules(
        "The CEO lives at 40 Maple Cres. Let's all picket his driveway Sunday.")
    assert "harassment" in rules(
        "Le promoteur reste au 12 rue Dixie, on va manifester devant chez lui samedi.")


def test_french_clutter_claims_and_carets() -> None:
    assert "disruption" in rules("1er!!")
    assert "disruption" in rules("ceci ^^")
    assert "disruption" not in labels("Le premier avis de la Ville est arrivé hier.")


def test_french_ads_and_their_near_misses() -> None:
    assert "illegal" in rules("Gummies au THC, 25 $ le sac, écris-moi.")
    assert "commercial" not in rules("RAMENEZ LE RABAIS POUR LES AÎNÉS, LA TAXE EST TROP HAUTE")
    assert "illegal" not in rules(
        "Fabriquer un faux permis c'est une infraction, ça vaut pas la peine.")


def test_a_french_order_not_to_write_a_receipt_is_still_advice() -> None:
    assert "illegal" in rules("Fais pas de reçu, cash seulement, pas de taxes.")
