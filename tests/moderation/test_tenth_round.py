"""Classes of issue 15's tenth round: posts in French, read as well as English ones. The
folders are written in English, so a French post cannot share their words; off-topic reads
its subjects and question forms in French (bot.moderation.subjects, rules/disruption.py)."""

from __future__ import annotations

from tests.moderation.posts import labels


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
