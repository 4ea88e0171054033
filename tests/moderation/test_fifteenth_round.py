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


# train_af (English comments under the City's videos) and train_ag (French and bilingual)


def test_a_sentence_start_is_not_a_name_called_a_joke() -> None:
    assert "harassment" not in labels("Enforcement is a joke. Either enforce it or scrap it.")
    assert "harassment" not in rules("This is a joke.")
    assert "harassment" in rules("honestly Gary is a joke")


def test_gamers_words_for_people() -> None:
    assert "harassment" in rules("the crossing guards are npcs fr, zero awareness")
    assert "harassment" in rules("the kid at 1:10 is such a simp lol")
    assert "harassment" not in labels("The NPC in the library's coding camp game was fun to build.")


def test_a_weapon_brought_or_a_fight_offered() -> None:
    assert "harassment" in rules("IF THEY PARK ON MY LAWN AGAIN I'LL BRING MY BAT...")
    assert "harassment" in rules("pickering kids are soft, catch me behind the arena if u disagree")
    assert "harassment" in rules("maybe someone should knock on his door at midnight and ask")
    assert "harassment" not in rules(
        "The lady at 12 Elm Ct has six dogs. Bylaw should go knock on her door.")


def test_slang_dismissals_and_ratio_replies() -> None:
    assert "negativity" in rules("the parade was mid ngl")
    assert "negativity" in rules("b0ring video")
    assert "negativity" not in labels("We'll be there mid-July for the splash pad opening.")
    assert "negativity" not in labels("the arena was mid renovation when we went")
    assert "disruption" in rules("L + ratio to whoever posted this")
    assert "disruption" not in labels("The ratio of trees to new houses in Seaton is too low.")


def test_age_restricted_goods_sold_without_id() -> None:
    assert "illegal" in rules("Disposable vapes, 3 for $40, no ID, DM me")
    assert "illegal" not in labels("Free flu clinic at the rec complex, no ID needed, walk in.")


def test_graffiti_invited() -> None:
    assert "illegal" in rules("somebody should tag the sound walls on Brock, so plain")
    assert "illegal" in rules("the underpass is the best wall for a piece, bring cans")


def test_trade_ads_by_their_wording() -> None:
    assert "commercial" in rules("Furnace out? Call Dave's HVAC, 24/7, fair rates")
    assert "commercial" in rules("Call us today for all your landscaping needs")
    assert "commercial" in rules("Fresh samosas, same-day delivery in Pickering")


def test_french_put_downs_from_teen_and_quebec_slang() -> None:
    assert "harassment" in rules("@Rémi tg frérot, personne t'a demandé")
    assert "harassment" not in labels("Contactez le club sur TG ou par courriel, merci!")
    assert "harassment" in rules("ntm le boomer, retourne à ta télé")
    assert "harassment" in rules("Le directeur a une tête de poisson, pas capable de répondre")
    assert "harassment" in rules("Vous êtes tellement cons au conseil, franchement.")
    assert "harassment" in rules("Nettoyer le parc gratis? non merci les caves")
    assert "harassment" in rules("va donc tricoter, Madame la police du quartier")
    assert "harassment" in rules("Retourne au Maroc si t'es pas content")
    assert "harassment" in rules("Les têtes carrées du conseil ont encore refusé le drapeau")
    assert "harassment" in rules("ces ados sont des maudits de mal élevés")


def test_french_topic_called_stupid_and_heat_hyperbole() -> None:
    assert "harassment" not in labels("bof, sujet débile, next")
    assert "harassment" not in labels("il fait tellement chaud, on va crever 🥵")
    assert "harassment" in rules("le conseiller Roy est un débile")


def test_french_fakes_plate_covers_and_fireworks_sold() -> None:
    assert "illegal" in rules("Je vends des billets de concert fake, 10 $ DM")
    assert "illegal" in rules("Un spray pour plaque anti-radar, les caméras peuvent pas la lire")
    assert "illegal" in rules("Des pétards pour la Saint-Jean? j'en vends, cash")
    assert "illegal" not in labels("Les feux d'artifice de la Ville commencent à 22 h au parc.")


def test_french_unit_prices_and_texting_a_number() -> None:
    assert "commercial" in rules("Samoussas maison 12 $ la douzaine, livraison le samedi")
    assert "commercial" not in labels("Chat perdu près de Liverpool, textez au 905 555 0199 svp")


# final_y (English and French, the round's last set), after its one scoring


def test_a_laugh_and_nothing_else_is_clutter() -> None:
    assert "disruption" in rules("lmaoooo")
    assert "disruption" in rules("Hahahaha.")
    assert "disruption" not in labels("haha the new splash pad is great, thanks!")


def test_french_ads_by_a_free_first_lesson_or_an_opening_vends() -> None:
    assert "commercial" in rules("Cours de piano, 1re leçon gratuite! WhatsApp : +1 905 555 0133")
    assert "commercial" in rules("Vends vélo de route presque neuf, 300 $, à Amberlea.")
    assert "commercial" not in rules("Le dépanneur du coin a fermé, c'est plate.")


def test_french_threats_in_the_present_tense() -> None:
    found = rules("Si tu rebloques mon entrée, je te crève les pneus pis je te casse la gueule.")
    assert {"harassment", "illegal"} <= found
    assert "harassment" in rules("Encore elle, une mère hystérique qui crie sur tout le monde.")


def test_french_goods_found_or_fallen_off_a_truck() -> None:
    assert "illegal" in rules("Vends des outils « trouvés », prix d'ami, écrivez-moi.")
    assert "illegal" not in labels("J'ai trouvé des outils dans le parc, qui les a perdus?")


def test_sheep_said_of_a_person_and_the_country_kept_for_some() -> None:
    assert "harassment" in rules("@Dana that's cause ur a sheep, you believe anything")
    assert "harassment" not in labels("The sheep at the Museum Village farm are so cute")
    assert "harassment" in rules("Canada Day should be for real Canadians only")
