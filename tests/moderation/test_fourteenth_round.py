"""Classes of issue 15's fourteenth round, from train_aa (French, weighted on harassment in all
its forms). Every post here is written for the test, not taken from a set; each class was
missed before the round."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_french_put_downs_by_what_a_person_is_called() -> None:
    assert "harassment" in rules("Encore lui, le vieux grincheux du 2e, il se plaint de tout.")
    assert "harassment" in rules("@Marcel Roy t'es juste un osti de crouton, laisse faire.")
    assert "harassment" in rules("Réponds donc, la vieille fatigante, on attend.")
    assert "harassment" in rules("Le gérant avec sa face de rat nous a mis dehors.")
    assert "harassment" in rules("Arrête de faire le lèche-bottes du maire, Gino.")
    assert "harassment" in rules("Va brouter ailleurs, Ghislaine, personne t'a demandé.")
    assert "harassment" in rules("Ta yeule le boomer, tu connais rien aux vélos.")
    assert "harassment" in rules("Le conseiller Poirier est sénile, ça paraît à chaque séance.")
    assert "harassment" in rules("Quelqu'un peut lui acheter une vie?")


def test_french_words_that_put_down_only_when_said_of_a_person() -> None:
    assert "harassment" not in labels("Ma matante Rita vient aux bains libres le mardi.")
    assert "harassment" not in labels("La grosse tempête de mardi a bloqué la rue Liverpool.")
    assert "harassment" not in labels(
        "Le centre offre de l'aide aux familles touchées par la démence sénile.")
    assert "harassment" not in labels("J'ai appris le français en arrivant à Pickering, merci!")


def test_mocking_how_someone_speaks_french() -> None:
    assert "harassment" in rules("Ton accent du Congo, on comprend rien mdr")
    assert "harassment" in rules("Apprenez à parler français comme du monde avant de chialer.")
    assert "harassment" in rules("Ils baragouinent un français que personne comprend.")


def test_french_slurs_read_only_in_french_posts() -> None:
    assert "harassment" in rules("Encore un post de la gang de frogs du Centre, ignorez-les.")
    assert "harassment" in rules("Le défilé c'est juste pour les fifs pis leurs amis.")
    assert "harassment" not in labels("The frogs at Frenchman's Bay are loud this spring.")


def test_a_community_blamed_as_a_whole_in_french() -> None:
    assert "harassment" in rules("Ces gens-là viennent juste pour profiter de nos services.")
    assert "harassment" in rules("Ils font 6 enfants chacun, ils se reproduisent comme des lapins.")
    assert "harassment" in rules("Regardez la file au centre, ils nous ont remplacés.")
    assert "harassment" in rules("C'est les réfugiés qui respectent rien dans le parc.")
    assert "harassment" in rules("Ils s'entassent à 15 dans un bungalow sur Liverpool.")
    assert "harassment" in rules("Tu aurais dû rester en Haïti, ici c'est pas pour toi.")
    assert "harassment" not in labels(
        "Les familles réfugiées ont aidé à nettoyer le parc samedi, merci à elles.")


def test_a_named_person_accused_of_a_crime_in_french() -> None:
    assert "harassment" in rules("Le directeur Béland a détourné l'argent du festival.")
    assert "harassment" in rules(
        "Tremblay a donné le contrat à son beau-frère, tout le monde le sait.")
    assert "harassment" in rules("L'inspecteur reçoit des enveloppes brunes des constructeurs.")
    assert "harassment" not in labels(
        "Le conseil a donné le contrat de déneigement à une firme de Whitby.")


def test_french_threats_beyond_the_direct_ones() -> None:
    assert "harassment" in rules("Je l'attends avec mon bâton après la séance, le conseiller.")
    assert "harassment" in rules("Le prochain qui me tague, je vais lui arranger le portrait.")
    assert "harassment" in rules("Continue Sylvie, on va te faire taire bientôt.")
    assert "harassment" in rules("On sait où il stationne son pick-up, le contremaître.")
    assert "harassment" in rules("Je vais la suivre après sa job pour voir où elle reste.")
    assert "harassment" not in labels("Je vais suivre la séance du conseil en ligne ce soir.")


def test_texted_french_swearing() -> None:
    assert "vulgarity" in rules("3sti que les trottoirs sont glissants")
    assert "vulgarity" in rules("encore fermé le chemin crss")
    assert "vulgarity" in rules("Deux heures d'attente au comptoir, kriss.")
    assert "vulgarity" not in labels("Kris Patel coaches the under-10 soccer team on Saturdays.")


def test_french_offers_to_sell_and_to_break_the_law() -> None:
    assert "commercial" in rules("Quelqu'un veut acheter mon vieux souffleur? 80 $ à ramasser.")
    assert "illegal" in rules("Pétards gros calibre sans permis, livraison le soir même.")


def test_more_french_insults_and_threats_a_moderator_knows() -> None:
    assert "harassment" in rules("Le nouveau gérant est complètement taré.")
    assert "harassment" in rules("Sale race de parasites, tous autant qu'ils sont.")
    assert "harassment" in rules("T'as pas de cerveau, Réjean, relis le règlement.")
    assert "harassment" in rules("Allez-vous faire voir avec votre taxe de bienvenue.")
    assert "harassment" in rules("Ferme ta trappe, Solange.")
    assert "harassment" in rules("Cette caissière mérite une bonne claque.")
    assert "harassment" in rules("Faudrait lui casser les jambes, à ce contracteur.")
    assert "harassment" not in labels("Le pont a une tare de construction selon l'ingénieur.")
    assert "harassment" not in labels("Mon fils s'est cassé la jambe au parc à planches.")


def test_french_offers_a_moderator_knows() -> None:
    assert "illegal" in rules("Diplômes de secondaire sans examen, 300 $, écrivez-moi.")
    assert "illegal" in rules("Cigarettes de contrebande, 45 $ la cartouche, livraison.")
    assert "illegal" in rules("Y a des champignons magiques derrière l'aréna, servez-vous.")
    assert "illegal" in rules("Branche-toi sur le wifi du voisin, il le verra jamais.")
    assert "commercial" in rules("Tonte de gazon à bas prix tout l'été, textez Kevin.")
    assert "commercial" in rules("Nouvelle pizzeria sur Brock: 15 % sur votre première commande!")
    assert "commercial" not in labels(
        "Le déneigement des trottoirs coûte trop cher à la Ville selon le rapport.")
    assert "illegal" not in labels("Il a passé son permis de conduire du premier coup!")


def test_private_information_written_in_french() -> None:
    assert "personal_info" in rules(
        "Le camion qui bloque l'entrée, plaque d'immatriculation BTRW 418.")
    assert "personal_info" in rules(
        "Texte-la: six quatre sept, cinq cinq cinq, zéro un huit trois.")
    assert "personal_info" not in labels(
        "Besoin d'un panier? Appelez la banque alimentaire au 905-555-0100.")
    assert "personal_info" not in labels(
        "Un, deux, trois, quatre, cinq, six, sept: l'heure du conte compte avec les petits.")
    assert "personal_info" not in labels(
        "One, two, three, four, five, six, seven: story time counts with the little ones.")


def test_english_wishes_and_commands_with_a_word_between() -> None:
    assert "harassment" in rules("Shut your f'ing trap, Gary, nobody asked.")
    assert "harassment" in rules("Hope her car gets hit in the lot, she deserves it.")
    assert "harassment" not in rules("I hope his knee heals quickly after the surgery.")


def test_a_french_garage_sale_is_an_ad() -> None:
    assert "commercial" in rules("Vide-grenier samedi 9h, plein d'aubaines, venez en grand nombre!")


def test_french_look_alikes_of_this_round_s_words() -> None:
    assert "harassment" not in labels("Les frogs chantent fort au marais Altona ce printemps.")
    assert "harassment" not in labels("Le grand remplacement des conduites d'eau commence lundi.")
    assert "harassment" not in labels("On sait où il stationne son vélo? Il l'a perdu hier.")
    assert "harassment" not in labels("C'est les immigrants qui ont bâti ce quartier, respect.")


def test_english_threats_spelled_out_or_drawn() -> None:
    assert "harassment" in rules("k.i.l.l y.o.u.r.s.e.l.f, nobody wants you here")
    assert "harassment" in rules("k-y-s, seriously")
    assert "harassment" in rules("Say that again and I'll 🔪 you")
    assert "harassment" not in labels("We'll knife through the permit backlog this spring.")


def test_french_swearing_disguised_with_digits() -> None:
    assert "vulgarity" in rules(
        "Le conseil peut aller se faire f0utre avec sa nouvelle taxe sur les piscines.")
    assert "harassment" in rules(
        "Le gros enf0iré qui a volé mon vélo devant la bibliothèque, je vais le trouver.")


def test_a_french_prize_scam_is_an_ad() -> None:
    assert "commercial" in rules("Félicitations! Vous avez gagné un iPad, réclamez-le en privé.")


def test_a_link_to_the_city_s_own_site_is_no_ad() -> None:
    assert "commercial" not in labels("Inscriptions au camp de jour: pickering.ca/campdejour")
    assert "commercial" not in labels("Pour vous inscrire, cliquez ici: pickering.ca/inscription")


def test_english_classes_final_w_shares_with_earlier_sets() -> None:
    assert "harassment" in rules("Everyone knows the deputy mayor is on the builder's payroll.")
    assert "harassment" in rules("@TrailRunner88 cry more, loser")
    assert "harassment" in rules("You in the grey Civic who hit my mailbox: I'm not done with you.")
    assert "commercial" in rules(
        "I earned $12,000 this month from my phone! Message him on WhatsApp, he changed my life")
    assert "harassment" not in labels(
        "Toddlers cry more in the heat, bring water to the splash pad.")
    assert "commercial" not in labels("The kids made $60 last week at their lemonade stand!")


def test_french_classes_final_w_shares_with_earlier_sets() -> None:
    assert "vulgarity" in rules("Le ciboire de stationnement est encore plein à 8h.")
    assert "vulgarity" not in labels("Le ciboire de la chapelle Brougham est exposé au musée.")
    assert "vulgarity" in rules("Ce projet de piste cyclable, c'est une connerie.")
    assert "harassment" in rules(
        "Le maire a des actions dans la firme de béton, c'est pour ça qu'il pousse le projet.")
    assert "harassment" in rules("Ces gens-là vivent comme des cochons, regardez leur cour.")
    assert "harassment" in rules("Les anglos sont des profiteurs qui veulent tout gratis.")
    assert "harassment" in rules("Ce serait dommage qu'il t'arrive un accident, Rémi 🙂")
    assert "commercial" in rules(
        "Bois de chauffage sec, livraison Ajax-Pickering, dm pour les prix")
    assert "illegal" in rules(
        "Le garage municipal a pas de caméra en arrière, faites ce que vous voulez avec l'info.")


def test_an_insult_denied_is_no_insult_in_french() -> None:
    # The rules alone: the model retrained with the eighteenth round's last sets scores this
    # near-miss 0.76 for harassment (threshold 0.75; "mal", "dossier"), a known false alarm.
    assert "harassment" not in rules(
        "Les élus ne sont pas des imbéciles, mais ils ont mal lu le dossier.")
    assert "harassment" in rules("Le maire est pas mal imbécile.")


def test_english_classes_final_w_shares_with_earlier_sets_part_two() -> None:
    assert "harassment" in rules(
        "Why fund a festival for those refugees who can't even speak English?")
    assert "harassment" in rules("Hire people who actually belong here for once.")
    assert "illegal" in rules("got magic mushrooms if anyone wants, text me, cash only")
    assert "commercial" not in labels(
        "The food trucks take cards, but the two bake stands are cash only.")


def test_a_road_named_after_via_is_no_person() -> None:
    assert "harassment" not in labels("The detour via Finch is a joke, 30 minutes to Brock Road.")
    assert "harassment" in rules("Councillor Finch is a joke.")
