"""Classes of the fourteenth round's last set in the residents' other languages (final_x), now
training data: masked and short swears (Tamil, Somali, Bengali, Farsi, Malayalam, Patois,
Greek), insults said of people, "who cares" and "how boring", offers (Polish, Russian,
Tagalog, Vietnamese, Italian, Korean, Arabic, Punjabi, Farsi), advice to break the rules and
off-topic questions for a shop or a match. Every post here is written for the test: none is
copied from the set (bot.moderation.rules.other_languages)."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_masked_and_short_swears() -> None:
    assert "vulgarity" in labels("Park light fix pannala, ellam th*vidiya vela")
    assert {"harassment", "vulgarity"} <= labels("Dadkan shaqada ka jooga waa dh1lloyin")
    assert "vulgarity" in labels("ei bus driver ta ekta boka*oda")
    assert "vulgarity" in labels("این قانون جدید کسخل بازیه")
    assert "vulgarity" in labels("parking fee veendum koodi, myru")
    assert "vulgarity" in labels("Di whole ting mash up to rass")
    assert "vulgarity" in labels("Αυτή η γαμημένη λακκούβα ακόμα εκεί")
    # Tamil "thevai" (need), Malayalam-looking "myriad", the Patois "rasta"
    assert "vulgarity" not in labels("Enaku oru form thevai, enga kidaikum?")
    assert "vulgarity" not in labels("There are a myriad of options for the park")
    assert "vulgarity" not in labels("Di rasta man sell fruit by di market Saturday")


def test_insults_said_of_people() -> None:
    assert "harassment" in labels("那些市议员都是煞笔")
    assert "harassment" in labels("管公園嗰班人全部廢柴")
    assert "harassment" in labels("እነዚህ ሰራተኞች ደደቦች ናቸው")
    assert "harassment" in labels("aqa reza khar nasho, in ghanoon ro bekhoon")
    assert "harassment" in labels("aap jaise jahil logon se baat karna bekaar hai")
    assert "harassment" in labels("Sei un finocchio, lascia stare il parco")
    assert "harassment" in labels("Ta głupia baba z rady nic nie rozumie")
    # a curse that opens a post is no insult said of someone
    assert "harassment" not in labels("Thevdiya payan, why is the gym closed again?")
    # fennel in a garden, a stupid idea rather than a person
    assert "harassment" not in labels("Ho piantato finocchio e basilico nell'orto comune")
    assert "harassment" not in labels("To głupi pomysł, ale rada i tak zagłosuje")


def test_who_cares_and_how_boring() -> None:
    assert "negativity" in labels("ይሄ ስብሰባ አሰልቺ ነው")
    assert "negativity" in labels("又講垃圾桶，好悶")
    assert "negativity" in labels("lại họp nữa à? chán quá, ai quan tâm")
    assert "negativity" in labels("aa bus vaali vaat ma koi ne ras nathi")
    assert "negativity" in labels("aarkku venam ee charcha")
    assert "negativity" in labels("eh program bore hi karda hai")
    # humid weather, and a question for whoever is interested
    assert "negativity" not in labels("今日天氣好悶熱，記得飲水")
    assert "negativity" not in labels("Ai quan tâm thì đến dự buổi họp tối thứ Năm nhé")


def test_offers_in_other_languages() -> None:
    assert "commercial" in labels("Sprzedam rower dziecięcy, stan bardzo dobry")
    assert "commercial" in labels("Продам диван, самовывоз из Pickering")
    assert "commercial" in labels("Follow niyo ako, may promo, link sa bio")
    assert "commercial" in labels("Tiệm phở mới khai trương ở Whites Rd")
    assert "commercial" in labels("Gelato artigianale, 15% di sconto questa settimana")
    assert "commercial" in labels("부업으로 월 500 수익 가능, 카톡 아이디 남겨요")
    assert "commercial" in labels("عطور أصلية بأسعار الجملة، للتواصل خاص")
    # a price cut the City announces, a code for the rink's door
    assert "commercial" not in labels("Thuế nhà giảm rồi à? Tốt quá")
    assert "commercial" not in labels("Il comune ha ridotto le tasse sui rifiuti")


def test_advice_to_break_the_rules() -> None:
    assert "illegal" in labels("plate te thodi si tape laga do, camera kuch nahi padhega")
    assert "illegal" in labels("ehna camera nu raat nu tod deyo")
    assert "illegal" in labels("nobar camera te rong spray kore dibo")
    assert "illegal" in labels("Dejen el colchón viejo en el parque de noche")
    # someone seen dumping, reported, is no advice
    assert "illegal" not in labels("Vi a alguien que tira basura en el parque anoche")


def test_off_topic_questions() -> None:
    assert "disruption" in labels("有人知道哪里有好的补习老师吗？")
    assert "disruption" in labels("有冇人知邊間茶樓好食？")
    assert "disruption" in labels("مين بيعرف مطعم شاورما طيب بأجاكس؟")
    assert "disruption" in labels("¿Alguien sabe dónde venden pan dulce?")
    assert "disruption" in labels("Quem viu o jogo do Porto?")
    assert "disruption" in labels("Koi batayega acha barber kahan hai?")
    # a question about the City's own service
    # The rules only: the model reads "koi batayega" (does anyone know) as an off-topic
    # question's opening (docs/moderation.md, the sixteenth round).
    assert "disruption" not in rules("Koi batayega meeting kab hai?")


def test_a_group_sent_back() -> None:
    assert "harassment" in labels("पार्क में कचरा है, इन पाकिस्तानियों को वापस भेजो")
    assert "harassment" in labels("رجعوهم على بلادهم، ما بدنا ياهم هون")
    # a parcel sent back, everyone home happy after the festival
    assert "harassment" not in labels("इस पार्सल को वापस भेजो, गलत पता है")
    assert "harassment" not in labels("المهرجان حلو، الكل رجع على بلاده مبسوط")
