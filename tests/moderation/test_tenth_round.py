"""Classes of issue 15's tenth round: posts in French, read as well as English ones. The
folders are written in English, so a French post cannot share their words; off-topic reads
its subjects and question forms in French (bot.moderation.subjects, rules/disruption.py)."""

from __future__ import annotations

from dataclasses import replace

from bot.moderation import ModerationSettings, Screener
from bot.moderation.learned import (
    LEARNED_CATEGORIES,
    MODEL_LANGUAGES,
    shipped_screen,
)
from bot.moderation.model import Finding, Post, Span
from bot.moderation.text import fold
from tests.moderation.posts import labels, post, rules, screen


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
    # the pool folder asked about the pool, in French: the rules keep it; the twentieth
    # round's model reads "Savez-vous ... dimanche" as off-topic (train_bl's off-topic
    # questions), a learned finding that waits for a moderator and is never removed on its own
    verdict = screen("Savez-vous si la piscine est ouverte le dimanche matin?", folder="pool")
    assert not verdict.auto_remove
    assert all(f.kind == "learned" for f in verdict.findings if f.category == "disruption")


def test_a_french_post_naming_a_civic_matter_is_not_off_topic_by_an_aside() -> None:
    # "plombier" is an everyday matter, but the post is about the City's subsidy and its bill
    assert "disruption" not in labels(
        "On a eu de l'eau au sous-sol; la facture du plombier compte pour la subvention?",
        folder="pool")


def test_english_posts_read_as_before() -> None:
    assert "disruption" in labels("Anyone know a good mechanic in Ajax?")
    # "match" is a word in English, not a hockey game. The rules only: the model, which reads
    # no folder, scores the question about 0.8 off-topic since the seventeenth round
    # (docs/moderation.md: its known false alarms)
    assert "disruption" not in rules("Do the new green bins match the old lids?")


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


def test_swearing_in_korean_farsi_arabic_and_cantonese() -> None:
    assert "vulgarity" in rules("주차 단속 또 왔네 씨발")
    assert "vulgarity" in rules("این ترافیک گوه واقعا")
    assert "vulgarity" in rules("خرا على هالزحمة كل يوم")
    assert "vulgarity" in rules("條路又封咗，屌")
    assert "vulgarity" in rules("DLLM the bus is late again")


def test_innocent_words_that_contain_those_swears() -> None:
    assert "vulgarity" not in labels("시발점은 시청 앞입니다, 모두 환영해요")  # starting point
    assert "vulgarity" not in labels("الحديقة خراب بعد العاصفة، نرجو الإصلاح")  # ruined
    assert "vulgarity" not in labels("Magdala ng puto at kutsinta sa potluck!")  # rice cakes


def test_insults_and_slurs_in_the_residents_languages() -> None:
    assert "harassment" in rules("اون مامور بی‌شعور فقط جریمه می‌نویسه")
    assert "harassment" in rules("那个前台又笨又懒，滚回家吧")
    assert "harassment" in rules("그 공무원 미친놈 아니야?")
    assert "harassment" in rules("Eh saare h*jre parade ch aa gaye")
    assert "harassment" in rules("Cheio de vi*dos no parque hoje")
    assert "harassment" in rules("Councillor Diaz es un hijo de puta")


def test_a_slur_written_here_is_not_read_into_an_english_word() -> None:
    assert "harassment" not in labels("Teens for hire to rake leaves, $30 a yard.")
    assert "harassment" not in labels("The church on Church St hosts the food drive.")


def test_threats_in_korean_farsi_arabic_and_tamil() -> None:
    assert "harassment" in rules("너 집 찾아가서 죽여버린다")
    assert "harassment" in rules("میدونم کجا زندگی میکنی، مواظب باش")
    assert "harassment" in rules("لو شفته والله لأكسر راسه")
    assert "harassment" in rules("Counter la irukura unna summa vida maaten")


def test_not_caring_said_in_the_residents_languages() -> None:
    assert "negativity" in rules("又开会，没意思")
    assert "negativity" in rules("Ang boring naman ng topic na ito")
    assert "negativity" in rules("موضوع ممل جدا")


def test_first_and_bump_on_chinese_boards_and_korean_lol() -> None:
    assert "disruption" in labels("沙发")
    assert "disruption" in labels("顶顶")
    assert "disruption" not in labels("沙发区的垃圾桶满了，请来清理")  # the sofa area's bins


def test_a_time_before_a_street_is_not_an_address() -> None:
    assert "personal_info" not in labels("Los camiones empiezan a las 6:30 am en Brock Rd.")
    assert "personal_info" in labels("Il reste au 48 Fieldstone Cres, allez le voir")


def test_french_swearing_disguised_is_read_in_french_posts() -> None:
    assert "vulgarity" in rules("Encore fermé, c'est d'la c@l1sse de farce")
    assert "vulgarity" in rules("Le conseil, tous des c*ns pis des menteurs")
    assert "vulgarity" in rules("tabarn@k, 40 minutes sur Brock à cause du chantier")
    assert "harassment" in rules("Les t@pettes du comité vont encore décider pour nous")
    # the same disguise in an English post is not read as French
    assert "vulgarity" not in labels("The pros and c*ns of the new bus route, discussed.")


def test_plain_french_compounds_are_not_disguises() -> None:
    assert "vulgarity" not in labels(
        "NOTRE CUL-DE-SAC SUR OAKWOOD N'EST PAS DÉNEIGÉ, merci d'envoyer quelqu'un")
    assert "vulgarity" not in labels("Mon chien a une tick bite, attention dans les hautes herbes!")
    assert "vulgarity" not in labels("Le dépôt charge 20 piasses pour un vieux divan, c'est cher.")


def test_french_insults_a_person_is_called() -> None:
    assert "harassment" in rules("Madame Roy, t'es une vraie dinde avec tes chiffres")
    assert "harassment" in rules("Les inspecteurs du by-law, c'est des rats.")


def test_french_incitement_to_a_private_home() -> None:
    assert "harassment" in labels("Le voisin reste au 18, rue Liverpool. Allez lui dire ce que "
                                  "vous pensez de son chien.")
    assert "harassment" in labels("Son cell c'est 905-555-0177, appelez-le toute la nuit.")


def test_french_offers_that_break_the_law() -> None:
    assert "illegal" in rules("Toiture refaite, 15 % de rabais si c'est cash, pas de reçu.")
    assert "illegal" in rules("Je vends des films piratés, 3$ chaque, écrivez-moi.")
    assert "illegal" in rules("Je loue ma cour 10$/jour cash, pas besoin de passer par la Ville.")
    assert "illegal" in rules("Un bol d'antigel au bord du bois pis les coyotes reviendront plus.")
    assert "illegal" in rules("La Ville vous rembourse 300$! Réclamez avec votre NAS ici.")
    assert "illegal" in rules("Faudrait aller briser les vitres de leur bureau.")
    assert "illegal" in rules("Les agents du by-law travaillent pas la nuit, lâchez-vous.")


def test_french_reminders_about_a_permit_are_not_offers() -> None:
    assert "illegal" not in labels("Rappel: stationner sans permis c'est une amende de 50$.")
    assert "illegal" not in labels("Le camion du voisin est stationné sans permis chaque nuit.")


def test_french_offers_and_prices() -> None:
    assert "commercial" in rules("Cours de guitare chez vous, 35$/h, texte-moi")
    assert "commercial" in rules("Vendez votre maison avant la baisse! Évaluation gratuite.")
    assert "commercial" not in labels("Covoiturage pour le festival? J'habite à Rosebank, "
                                      "appelez-moi si vous passez par là.")


def test_french_dismissals() -> None:
    assert "negativity" in rules("Un pilote de vélos électriques. Ça sert à rien.")
    assert "negativity" in rules("Le nouveau parc à chiens, perte de temps.")
    assert "negativity" in rules("meh.")
    assert "negativity" not in labels(
        "Le rapport explique pourquoi la piste cyclable sert à rien l'hiver: la neige n'y est "
        "pas enlevée, les trottoirs sont prioritaires et le budget de déneigement est fixe.")


def test_an_event_folder_covers_its_holidays_greetings() -> None:
    # a greeting of the day is part of the event's folder, in either language
    assert "disruption" not in labels("Bonne année lunaire à tous! 🐉", folder="lunar_new_year")
    assert "disruption" not in labels("Happy holidays to all!", folder="lunar_new_year")
    assert "disruption" in labels("Happy holidays to all!", folder="green_bin")


class _FlagsEverything:
    """A stand-in for the learned model that calls every post it is asked about harassment,
    saying whether it was asked as a post in one of the other languages."""

    def reads(self, language: str) -> bool:
        return True

    def findings(self, post: Post, language: str = "en") -> list[Finding]:
        span = Span(0, len(post.text), post.text)
        other_language = language not in MODEL_LANGUAGES
        return [Finding("harassment", 0.9, (span,), f"other language: {other_language}",
                        "learned")]


def _asked_the_model_as(text: str) -> str | None:
    """How the screener asked the stand-in model about `text`, or None if it did not."""
    screener = Screener(ModerationSettings())
    screener._learned = _FlagsEverything()  # type: ignore[assignment]
    asked = [f.explanation for f in screener.screen(post(text)).findings if f.kind == "learned"]
    return asked[0] if asked else None


def test_the_model_is_asked_about_every_language_the_others_with_their_own_thresholds() -> None:
    assert _asked_the_model_as("Merci pour les nouveaux bancs au parc, c'est très apprécié") == (
        "other language: False")
    assert _asked_the_model_as("Thanks for the new benches at the park, they are lovely") == (
        "other language: False")
    assert _asked_the_model_as("ਪਾਰਕ ਵਿੱਚ ਨਵੇਂ ਬੈਂਚਾਂ ਲਈ ਧੰਨਵਾਦ, ਬਹੁਤ ਵਧੀਆ") == (
        "other language: True")
    assert _asked_the_model_as("Salamat po sa mga bagong upuan sa parke, ang ganda talaga") == (
        "other language: True")


def test_the_model_says_nothing_of_a_post_in_a_script_it_never_read() -> None:
    # Every threshold at its lowest: only knowing none of the post's n-grams keeps it silent.
    eager = replace(shipped_screen(), other_thresholds=(0.01,) * len(LEARNED_CATEGORIES))
    never_read = "დიდი მადლობა ახალი სკამებისთვის პარკში"  # Georgian: thanks for the benches
    well_read = "Ese concejal es un corrupto y un inútil, que renuncie ya"
    assert eager.known_share(fold(never_read).lower()) == 0.0
    assert eager.findings(post(never_read), "ka") == []
    assert eager.known_share(fold(well_read).lower()) > 0.5
    assert eager.findings(post(well_read), "es")


def test_the_models_evidence_is_never_a_french_function_word() -> None:
    verdict = screen("Ce conseiller est une honte qui devrait démissionner au plus vite")
    shown = {e.text.lower() for f in verdict.findings if f.kind == "learned" for e in f.evidence}
    assert shown and not shown & {"un", "qui", "ce", "est", "au"}


def test_french_incitement_and_threats_at_a_home() -> None:
    assert "harassment" in labels("Gagnon reste au 40 rue Poprad, allez y dire votre façon de "
                                  "penser")
    assert "harassment" in labels("Quelqu'un a l'adresse du maire? On va aller fêter ça devant "
                                  "chez lui")
    assert "harassment" in labels("La voisine du 12 ch. Rosebank, harcelez-la jusqu'à ce "
                                  "qu'elle coupe sa haie")


def test_french_calls_to_damage_dump_or_poison() -> None:
    assert "illegal" in rules("Allez arracher leurs affiches sur Kingston cette nuit")
    assert "illegal" in rules("Moi je vais sacrer mes vieux meubles dans le boisé derrière l'aréna")
    assert "illegal" in rules("Les pigeons du stationnement, faudrait les empoisonner")
    assert "illegal" in rules("Enjambez les barrières, la glace est correcte")
    assert "illegal" not in labels("On a vu quelqu'un arracher les affiches, on l'a signalé "
                                   "à la police.")


def test_french_curses_on_a_people_and_a_group_told_to_stay_home() -> None:
    assert "harassment" in rules("Maudits Anglais, toujours les mêmes")
    assert "harassment" in rules("Les handicapés devraient rester chez eux le jour du vote")


def test_french_accusations_and_the_word_degage() -> None:
    assert "harassment" in rules("Le conseiller Morin c'est un voleur, point.")
    assert "harassment" not in labels("Le trottoir est dégagé jusqu'au lac, merci aux équipes!")
    assert "harassment" not in labels("Un voleur a pris mon vélo devant la bibliothèque hier.")


def test_eleventh_round_french_insults_of_staff_and_groups() -> None:
    assert "harassment" in rules("Les cols bleus du secteur nord sont des fainéants pis voleurs")
    assert "harassment" in rules("Le conseiller Talbot, c'est un corrompu, tout le monde le sait")
    assert "harassment" in rules("Retourne donc en France si t'aimes pas ça, maudite Française")
    assert "harassment" not in labels("Les voleurs de vélos sont revenus au parc, soyez prudents.")


def test_eleventh_round_french_veiled_threats() -> None:
    assert "harassment" in rules("Quelqu'un a son adresse? On va aller lui faire une petite visite")
    assert "harassment" in rules("Le maire devrait se cacher le soir du vote, je dis ça de même")
    assert "harassment" not in labels("On est plusieurs parents intéressés par des cours en "
                                      "français à la piscine.")


def test_eleventh_round_french_illegal_advice_and_offers() -> None:
    assert "illegal" in rules("Laissez du poison à rat dans la viande au bord du ravin")
    assert "illegal" in rules("Qui veut de la weed pour le festival? Livraison sur le quai")
    assert "illegal" in rules("Le cadenas de la patinoire est facile à péter, venez ce soir")
    assert "illegal" in rules("Je fais des faux reçus de la Ville pour 40 $, écrivez-moi")
    assert "illegal" in rules("Si on crève les pneus de leurs camions, ils vont comprendre")
    assert "illegal" not in labels("Quelqu'un a crevé les pneus de mon char hier soir, j'ai "
                                   "porté plainte.")


def test_a_slur_quoted_after_a_word_is_reported_not_said() -> None:
    assert "harassment" not in labels("Un gars a crié « sale n*gre » à mon voisin au parc, "
                                      "je l'ai signalé à la police.")


def test_after_final_r_french_offers_taunts_and_exclusion() -> None:
    assert "illegal" in rules("J'ai des films piratés, écrivez-moi je vous les envoie")
    assert "illegal" in rules("qqn sait où avoir une fausse carte Presto?")
    assert "illegal" in rules("Qui vient lancer des œufs sur la maison du maire?")
    assert "illegal" in rules("qqn a un plug pour des jujubes au pot samedi?")
    assert "harassment" in rules("Ces nouveaux voisins, qu'ils retournent chez eux")
    assert "harassment" in rules("le conseiller c'est un ostie de corrompu")
    assert "commercial" in rules("Abonne-toi à ma chaîne pour plus de vidéos!!")


def test_after_final_r_what_is_not_an_attack_or_an_offer() -> None:
    assert "harassment" not in labels("Le drapeau à l'hôtel de ville? C'est niaiseux comme sujet.")
    assert "commercial" not in labels("17 $ de l'heure pour des shifts coupés, personne veut ça.")
    assert "illegal" not in labels("Soumission gratuite pour vos gouttières: paysagerpro-durham.ca")
    assert "illegal" in labels("Votre amende impayée: réglez sur pickering-taxpay.com aujourd'hui")


def test_twelfth_round_french_generalisations_and_threats() -> None:
    assert "harassment" in rules("Les Haïtiens du quartier, c'est toujours eux le problème")
    assert "harassment" in rules("Des Indiens sales dans les maisons de chambres")
    assert "harassment" in rules("Karim, on sait où t'habites et on oublie rien")
    assert "harassment" in rules("Un jour quelqu'un va leur faire payer, à ces conseillers")
    assert "harassment" in rules("Les agents de stationnement, des vautours sans cervelle")
    assert "harassment" not in labels("Les nouveaux arrivants haïtiens sont bienvenus au "
                                      "centre communautaire samedi.")


def test_twelfth_round_french_incitement() -> None:
    assert "harassment" in labels("C'est le 12 rue Fieldlight, son cell 905-555-0190, "
                                  "appelez-le tous ce soir")
    assert "harassment" in labels("Sa fille va à l'école du coin, il reste au 88 Dunn Cres, "
                                  "brassez-le un peu")


def test_twelfth_round_french_illegal_said_casually() -> None:
    assert "illegal" in rules("Je ramasse vos électros 40$ le voyage, pas de reçu pas de questions")
    assert "illegal" in rules("Videz votre vieille huile dans la grille d'égout, ni vu ni connu")
    assert "illegal" in rules("Une boulette de viande avec du chocolat pis le chien se taira")
    assert "illegal" in rules("Un cache-plaque à 30$ et les caméras lisent plus rien")
    assert "illegal" in rules("Poussez votre neige dans la rue, la charrue repassera")
    assert "illegal" not in labels("Un voisin pousse sa neige dans la rue chaque matin, à qui "
                                   "on le signale?")


def test_swearing_in_russian_ukrainian_greek_polish_and_italian() -> None:
    assert "vulgarity" in rules("Бюджет — п***ец, опять налоги")
    assert "vulgarity" in rules("Ρε μαλάκα, πάλι κλειστή η παραλία")
    assert "vulgarity" in rules("Znowu korek na Kingston, kurwa")
    assert "harassment" in rules("Quel consigliere è uno stronzo")
    assert "harassment" in rules("Сергію, кацапе, йди геть")


def test_words_of_those_alphabets_that_only_start_like_swears() -> None:
    assert "vulgarity" not in labels("Дорога стала ещё хуже после зимы")  # worse
    assert "vulgarity" not in labels("Το μαξιλάρι στο παγκάκι είναι μαλακό")  # soft
    assert "vulgarity" not in labels("Porca miseria, che traffico oggi su Brock Rd")  # mild


def test_after_final_s_french_and_english_incitement_and_offers() -> None:
    assert "harassment" in labels("Il reste au 40 rue Poprad, allons faire du bruit devant chez "
                                  "lui à 3h du matin")
    assert "harassment" in labels("Son numéro c'est le 905-555-0152, appelez-la pour chialer!")
    assert "harassment" in labels("Mark lives at 12 Krosno Blvd, somebody should have a chat "
                                  "with him at home")
    assert "harassment" in rules("Ferme ta gueule Sandrine, t'es même pas d'icitte")
    assert "harassment" in rules("ce conseiller est un osti de crosseur")
    assert "illegal" in rules("Je vends des permis de la marina, des faux mais ça passe, DM")
    assert "illegal" in rules("Je vends des edibles derrière l'aréna, écrivez-moi")
    assert "harassment" not in labels("On va faire une fête pour ses 50 ans devant chez lui, "
                                      "apportez des chaises!")


def test_reports_and_errands_are_not_invitations_to_trespass_or_steal() -> None:
    assert "illegal" not in rules("Les jeunes sautent la clôture du parc, c'est dangereux")
    assert "illegal" not in rules("Ça se revend bien, une Civic 2015 avec peu de km")
    assert "illegal" in rules("Qui veut venir sauter la clôture de la piscine ce soir?")
    assert "harassment" not in rules("Une décision sans cervelle du conseil, encore")
