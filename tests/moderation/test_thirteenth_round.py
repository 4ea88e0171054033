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
