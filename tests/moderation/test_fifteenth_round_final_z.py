"""Classes of the fifteenth round's last set in the residents' other languages (final_z):
swears as people mask or shorten them, insults said of people and a people called dirty or
not to be let in, threats that say where someone parks, "who cares" and "boring", a shop's
social handle given for orders, fakes and jammers sold, advice to damage a car, a camera or a
sign or to dump a sofa, off-topic questions for a shop or a match, "me too" and "bump" as
clutter, and a swear sworn at a thing, which is no insult.
Every post here is written for the test: none is copied from the set
(bot.moderation.rules.other_languages)."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_masked_and_short_swears() -> None:
    assert "vulgarity" in labels("Опять светофор сломан, бл**ь")
    assert "vulgarity" in labels("pqp, ônibus atrasado de novo")
    assert "vulgarity" in labels("Jebem ti ovu gužvu na mostu")
    assert "vulgarity" in labels("Parcul e închis iar, futu-i")
    assert "vulgarity" in labels("Dis bumboclaat bus late again")
    assert "vulgarity" in labels("ptngn@ wala pang bus")
    assert "vulgarity" in labels("இந்த பஸ் தே**யா மாதிரி லேட்")
    assert "vulgarity" in labels("این ترافیک کس‌شعره")
    # the Portuguese abbreviation spelled in a word, the Romanian "future" is not "futu-i"
    assert "vulgarity" not in labels("O pqpaulo é o nome do grupo do bairro")
    assert "vulgarity" not in labels("Viitorul parcului se discută joi")
    assert "vulgarity" not in labels("Опять светофор сломан, блин")


def test_insults_said_of_people() -> None:
    assert "harassment" in labels("Consilierul e un bou, nu face nimic")
    assert "harassment" in labels("Taj komunalac je kreten")
    assert "harassment" in labels("Thằng tài xế đó mất dạy thật")
    assert "harassment" in labels("Ця вчителька — дурепа")
    assert "harassment" in labels("그 공무원들 다 병1신들이야")
    # a wild ox in the zoo, the waste land in Tamil ("புறம்போக்கு நிலம்"). The rules only for
    # the ox: the model reads "bou" as the insult it learned it as (docs/moderation.md, the
    # seventeenth round: its false alarms in the other languages)
    assert "harassment" not in rules("La grădina zoologică e un zimbru, nu un bou")
    assert "harassment" not in labels("அந்த புறம்போக்கு நிலத்தில் பூங்கா வருகிறது")


def test_a_people_called_dirty_or_not_to_be_let_in() -> None:
    assert "harassment" in labels("یہ سب گندے اور چور لوگ ہیں، انہیں یہاں رہنے نہ دو")
    assert "harassment" in labels("Dadkaas waa dad wasakh ah")
    assert "harassment" in labels("Naselje će biti puno Cigana")
    # a dirty street, people who clean
    assert "harassment" not in labels("Waddada waa wasakh, fadlan nadiifiya")
    assert "harassment" not in labels("Ulica je puna smeća posle vikenda")


def test_threats_that_say_where_someone_parks() -> None:
    assert "harassment" in labels("Alam namin kung saan siya nakatira, ingat ka")
    assert "harassment" in labels("Cứ làm vậy đi, rồi sẽ có ngày phải cẩn thận đấy")
    # where the hall is, a driver told to be careful in the snow
    assert "harassment" not in labels("Alam namin kung saan ang bagong library, salamat")
    assert "harassment" not in labels("Trời tuyết, lái xe phải cẩn thận")


def test_who_cares_and_boring() -> None:
    assert "negativity" in labels("ስለ መንገድ ማውራት ሰለቸኝ")
    assert "negativity" in labels("이런 공지 누가 봐요? ㅋㅋ")
    assert "negativity" in labels("Plictisitor. Nimeni nu citește asta")
    assert "negativity" in labels("કોને પડી છે આ બધાની")
    # not boring, said in Korean; a Romanian question about the schedule
    assert "negativity" not in labels("전혀 지루하지 않았어요, 감사합니다")
    assert "negativity" not in labels("Cine știe programul parcului?")


def test_a_shop_handle_given_for_orders() -> None:
    assert "commercial" in labels("¡Pasteles caseros por encargo! Pedidos en Instagram @dulces_ana")
    assert "commercial" in labels("Торты на заказ! Insta: @tortiki_masha")
    # an English post pointing at the City's account is not an ad
    assert "commercial" not in labels("The schedule is on Instagram @cityofpickering")


def test_fakes_and_jammers_sold() -> None:
    found = labels("Sahte ehliyet lazım olan yazsın, uygun fiyat")
    assert "illegal" in found and "commercial" in found
    assert "illegal" in labels("جامر رادار دارم، دایرکت بدید")
    assert "illegal" not in labels("Ehliyet sınavı için randevu nasıl alınır?")


def test_advice_to_damage_or_dump() -> None:
    assert "illegal" in labels("Сусід не чистить сніг — проколіть йому шини")
    assert "illegal" in labels("Ρίξτε καρφιά στη γωνία να σταματήσουν")
    assert "illegal" in labels("大家去他车上划几道")
    assert "illegal" in labels("raat nu jaake stop sign hi ukhaad do")
    assert "illegal" in labels("پرانا گدا رات کو پارک کے پیچھے پھینک دو")
    # a flat tyre reported, a sofa picked up
    assert "illegal" not in labels("У мене прокол шини на Brock Rd, хто знає шиномонтаж")
    assert "illegal" not in labels("پرانا گدا اٹھانے کے لیے سٹی کو فون کریں")


def test_off_topic_questions_for_a_shop_or_a_match() -> None:
    assert "disruption" in labels("Qualcuno sa dove comprare il pane toscano?")
    assert "disruption" in labels("Fenerbahçe maçını izleyen var mı?")
    assert "disruption" in labels("Ko gleda utakmicu večeras?")
    assert "disruption" in labels("Ξέρει κανείς καλό οδοντίατρο;")
    # a question about the topic itself
    assert "disruption" not in labels("Qualcuno sa quando riapre il sentiero?")


def test_me_too_and_bump_as_clutter() -> None:
    assert "disruption" in labels("și eu")
    assert "disruption" in labels("podbijam")
    assert "disruption" not in labels("și eu am fost la ședință, drumul rămâne închis")


def test_a_swear_sworn_at_a_thing_is_no_insult() -> None:
    found = labels("3 din ho gaye, bhenchod eh snow kadon hategi")
    assert "vulgarity" in found and "harassment" not in found
    assert "harassment" not in labels("يلعن أبو هالثلج، ما حدا نضّف الرصيف")
    assert "harassment" in labels("يلعن أبو هالمدير")
