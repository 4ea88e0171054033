"""Classes of issue 15's third round (the misses of m3-m6 and final_g): each test is a shape,
written in words of its own, not a post copied from a set."""

from __future__ import annotations

from tests.moderation.posts import labels, screen


def test_sending_people_to_a_private_persons_home_or_phone_is_harassment() -> None:
    assert "harassment" in labels(
        "The contractor who left the mess is Phil Osborne, cell 416 555 0190, "
        "ring him at midnight and tell him what you think."
    )
    assert "harassment" in labels(
        "The crossing guard lives at 14 Birchwood Lane, go say hi to her about it."
    )
    # The writer's own plan, an authority's job, or one's own home: not sending anyone.
    assert "harassment" not in labels(
        "My neighbour at 12 Birchwood did the same repair, I'd call him and ask how he did it."
    )
    assert "harassment" not in labels(
        "The house at 63 Oak St has six dogs, bylaw should go knock on her door."
    )
    # Without any way to reach the person the words alone are not this rule's finding.
    found = screen("Dave from the market asked for feedback, so tell him what you think!")
    assert not [f for f in found.findings if f.kind == "veiled"]


def test_threats_in_other_languages_are_threats_of_harm() -> None:
    assert {"harassment", "illegal"} <= labels(
        "Si vuelven a subir los impuestos le voy a romper la cara al alcalde."
    )
    assert {"harassment", "illegal"} <= labels(
        "Se fecharem o parque outra vez eu quebro a cara do gerente."
    )
    assert {"harassment", "illegal"} <= labels("Agli vaar driver di gaddi te patthar maarunga.")


def test_insults_and_profanity_in_more_languages() -> None:
    assert "vulgarity" in labels("Porra, a prefeitura esqueceu a nossa rua outra vez.")
    assert "harassment" in labels("Le conseil est une bande de voleurs pis de menteurs.")
    assert "harassment" in labels("这些管理员都是废物，什么都不做。")
    assert {"harassment", "vulgarity"} <= labels("啲議員全部都係仆街。")
    assert "harassment" in labels("أنتم مجموعة حمير في البلدية.")
    # Civil posts in the same languages stay clean.
    assert not labels("A prefeitura vai limpar a neve da nossa rua amanhã?")
    assert not labels("请问垃圾车星期几来收废物和回收？")


def test_selling_fireworks_the_stores_cannot_sell_and_drugs_in_street_names() -> None:
    assert "illegal" in labels(
        "Selling fireworks from my basement this weekend, bigger than anything the stores "
        "can't sell you. Message me."
    )
    assert "illegal" in labels("top shelf bud and shrooms 🍄, same night delivery, msg me")
    assert "illegal" in labels("🌿💊 ready now, quick drop anywhere in Seaton, snap: @greenguy")
    # A bakery's cakes are not fireworks, and fireworks sold by a licensed store are legal.
    assert "illegal" not in labels(
        "Birthday cakes to order at Mia's Bakery, DM me or order at miasbakery.ca"
    )
    assert "illegal" not in labels(
        "The hardware store on Kingston Rd is selling fireworks for Victoria Day, permits not "
        "needed for the small ones."
    )


def test_plates_spelled_with_spaced_separators() -> None:
    assert "personal_info" in labels("the van blocking the lane, plate D Q R W - 5 5 1, is his")
    assert "personal_info" in labels("the pickup, plate MTRK ⋅ 208, speeds here every day")
    assert "personal_info" not in labels("left a plate of cookies at the door for 3 of them")


def test_phone_numbers_with_separators_no_parser_reads() -> None:
    assert "personal_info" in labels("her cell: 416 • 555 • 0107, tell her what you think")
    assert "personal_info" in labels("text him at 289*555*0123 any time")


def test_advice_to_dodge_the_rules_in_french_and_spanish() -> None:
    assert "illegal" in labels("Stationnez dans la rue la nuit, les agents checkent jamais.")
    assert "illegal" in labels("Para evitar multas, tapa la placa con cinta, nunca te pueden ver.")
    assert "illegal" not in labels("¿Dónde se paga la multa de estacionamiento en Pickering?")


def test_words_of_french_and_portuguese_are_not_english_insults_or_masks() -> None:
    assert not labels("Moro aqui há dez anos e a rua nunca foi limpa tão cedo, obrigado!")
    assert not labels("Les branches en fagots, c'est correct pour la collecte de mardi?")
    assert not labels("La rue n'a pas été déneigée depuis lundi, merci de vérifier.")
    assert "harassment" in labels("you are such a moronnn")


def test_saying_one_will_not_publish_a_persons_details() -> None:
    assert not labels(
        "I'm not going to post his info, but Animal Services should patrol there mornings."
    )


def test_clutter_words_repeated_or_strung_together() -> None:
    for text in ("bump bump bump", "first lol", "up up up!!"):
        assert [f.kind for f in screen(text).findings] == ["clutter"], text


def test_vulgar_words_aimed_at_people_are_insults() -> None:
    assert "harassment" in labels("Councillor Hale is a useless lying b*tch, vote her out")
    assert "harassment" in labels("the parks board is a bunch of nosy old b*tches")
    assert "harassment" in labels("read the bylaw before posting, you absolute d1psh!t")
    # Animals described in the same words are animals.
    assert "harassment" not in labels("Filthy rats all over the park by the splash pad again.")


def test_public_services_numbers_are_not_private() -> None:
    assert "personal_info" not in labels("Call Animal Services at 905-555-0100 about the coyote.")
    assert "personal_info" not in labels("The Claremont library branch is 905-555-0101, ask them.")
    assert "personal_info" in labels("my cell is 905-555-0133, call me about the library books")


def test_everyday_words_that_name_drugs_need_a_dealers_way_to_order() -> None:
    """A pharmacy's pill packs, a market's mushrooms and the City's garbage carts are
    delivered too: 'delivery' or 'cash only' beside them is not a drug sale."""
    for civil in (
        "Does the pharmacy at the Town Centre still do pill pack delivery for seniors?",
        "The market vendor had great mushroom and herb bundles, and they do delivery now!",
        "When will the new garbage carts be delivered on our street?",
        "Molly at the front desk said delivery of the new library cards starts Monday.",
        "Free Coke and chips at the Canada Day party in Esplanade Park, bring the kids!",
        "The crack in the sidewalk on Bayly got worse since the delivery trucks started.",
    ):
        assert "illegal" not in labels(civil), civil
    assert "illegal" in labels("carts and edibles in stock, dm me for the menu")


def test_everyday_advice_to_reach_someone_is_not_sending_people_after_them() -> None:
    for civil in (
        "For questions about the program call her directly: the coordinator, 905.683.7575.",
        "The swim instructor was amazing, go say hi to her at the pool on Saturday at 10!",
        "The library's outreach lead answers in 2 days, message her directly on its site.",
        "The fire chief is at the open house on May 4, tell him what you think of it.",
    ):
        assert not [f for f in screen(civil).findings if f.kind == "veiled"], civil
    assert "harassment" in labels(
        "That landlord lives at 22 Pine Ridge Rd, complain to him in person, every one of us.")
