"""Classes of issue 15's tenth round: posts in French, read as well as English ones. The
folders are written in English, so a French post cannot share their words; off-topic reads
its subjects and question forms in French (bot.moderation.subjects, rules/disruption.py)."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_a_french_question_for_the_board_about_something_else_is_off_topic() -> None:
    assert "disruption" in labels("Salut, quelqu’un connaît un bon garagiste à Ajax?")
    assert "disruption" in labels("Y a-tu du monde qui veut jouer au hockey bottine dimanche?")
    assert "disruption" in labels("Savez-vous si Dollarama est ouvert le lundi de Pâques?")


def test_a_french_post_about_everyday_matters_elsewhere_is_off_topic() -> None:
    assert "disruption" in labels("Quelle game des Canadiens hier soir, Suzuki en feu!!")
    assert "disruption" in labels("Ma recette de tourtière est la meilleure, je la partage.")


def test_french_questions_on_the_folders_matter_are_not_off_topic() -> None:
    # the green bin folder: collection, bins, pickup
    assert "disruption" not in labels(
        "Quelqu’un sait si la collecte est retardée à cause de la neige?")
    assert "disruption" not in labels("Est-ce que le bac vert peut contenir des sacs compostables?")
    # the pool folder asked about the pool, in French
    assert "disruption" not in labels(
        "Savez-vous si la piscine est ouverte le dimanche matin?", folder="pool")


def test_a_french_post_naming_a_civic_matter_is_not_off_topic_by_an_aside() -> None:
    # "plombier" is an everyday matter, but the post is about the City's subsidy and its bill
    assert "disruption" not in labels(
        "On a eu de l'eau au sous-sol; la facture du plombier compte pour la subvention?",
        folder="pool")


def test_english_posts_read_as_before() -> None:
    assert "disruption" in labels("Anyone know a good mechanic in Ajax?")
    # "match" is a word in English, not a hockey game
    assert "disruption" not in labels("Do the new green bins match the old lids?")


def test_quebec_sacres_in_their_other_spellings() -> None:
    assert "vulgarity" in rules("Le 905 est encore en retard, esti que c'est long")
    assert "vulgarity" in rules("Une gang d'hosties d'incompétents à la voirie")
    assert "vulgarity" in rules("Calice! Encore un avis d'ébullition?")
    assert "vulgarity" in rules("Elle est une vraie conne, celle-là.")


def test_church_words_and_place_words_that_look_like_sacres() -> None:
    assert "vulgarity" not in labels("Le calice de l'ancienne chapelle sera exposé au musée.")
    assert "vulgarity" not in labels("Un ciboire du XIXe siècle fait partie de la collection.")
    assert "vulgarity" not in labels("On habite dans un cul-de-sac près de Rosebank.")
    assert "vulgarity" not in labels("Le pique-nique du quartier est samedi au parc.")


def test_insults_of_the_sacre_de_x_shape() -> None:
    assert "harassment" in rules("Les cols bleus, des osties de paresseux.")
    assert "harassment" in rules("Le voisin est un ostie de trou de cul.")


def test_not_caring_said_in_the_first_person_in_french() -> None:
    assert "negativity" in rules("Bof, je m'en fous de votre festival.")
    assert "negativity" in rules("Ces consultations sont tellement ennuyantes.")
    assert "negativity" not in labels("Je m'en fous pas, je veux juste des réponses sur le budget "
                                      "de la piscine, les chiffres, les dates et les coûts réels "
                                      "pour les familles du quartier qui paient déjà beaucoup.")


def test_one_letter_and_a_symbol_is_not_a_disguised_word() -> None:
    assert "vulgarity" not in labels("La rénovation coûte 2,3 M$ de plus que prévu.")
    assert "vulgarity" not in labels("The rink repair came in at 1.2 M$ over budget.")
    assert "vulgarity" in rules("what a load of b$llsh!t")
