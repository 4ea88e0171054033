"""Classes of the fifteenth round's set in the residents' other languages (train_ae): masked
and short swears, insults and slurs as people mask them, a people told it may not live here,
threats that say what the poster knows or will do, everyone sent to call one person, "who
cares" and "how boring", offers (a remittance rate, bank secrets asked for, a shop's
discount, an appointment line), advice to break the rules, off-topic questions for a shop
or a match, clutter ("first", laughing, a New Year wished to all, a team cheered), an organisation's
own contact in its own post, which is no private information, and a swear sworn at a thing,
which is no insult.
Every post here is written for the test: none is copied from the set
(bot.moderation.rules.other_languages)."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_masked_and_short_swears() -> None:
    assert "vulgarity" in labels("Какого хуя опять перекрыли дорогу?")
    assert "vulgarity" in labels("Γαμώτο, πάλι κλειστό το πάρκο")
    assert "vulgarity" in labels("Snow plow ne gali di maa chod ditti")
    assert "vulgarity" in labels("P*tang 1na, sira na naman ang ilaw sa kanto")
    assert "vulgarity" in labels("Vai tnc, mais um buraco na rua")
    # worse, a Greek wedding, a mother leaving for work
    assert "vulgarity" not in labels("Дорога стала хуже после ремонта")
    assert "vulgarity" not in labels("Ο γάμος θα γίνει στο πάρκο το Σάββατο")
    assert "vulgarity" not in labels("Maa chod ke gayi kaam te, main bachean nal park gaya")


def test_insults_said_of_people() -> None:
    assert "harassment" in labels("يا ك*س أمك يا مدير المشروع")
    assert "harassment" in labels("ওই অফিসার একটা খানকির পোলা")
    assert "harassment" in labels("Seu corrupto, devolve o dinheiro da praça")
    assert "harassment" in labels("Na przystanku same ciap*ki")
    # the swear at the streets is swearing, not an insult said to someone
    assert "harassment" not in labels("ك*س ام هالحفر، كل يوم وحدة جديدة")
    assert "harassment" not in labels("O prefeito disse que o corrupto foi preso ontem")


def test_a_people_told_it_may_not_live_here() -> None:
    assert "harassment" in labels("المهاجرين ما لازم يسكنوا بهالحي")
    assert "harassment" in labels("Afganlar bu mahalleye yerleşmesin, hepsi bela")
    assert "harassment" in labels("Malayali pasanga inga vandha naasam pannuvaanga")
    assert "harassment" in labels("嗰啲新移民正一蝗蟲")
    # a locust plague on crops, a park where nobody may build
    assert "harassment" not in labels("今年蝗蟲災害影響咗好多農作物")
    assert "harassment" not in labels("Parka kimse ev yapmasın, yeşil alan kalsın")


def test_threats_that_say_what_the_poster_knows_or_will_do() -> None:
    assert "harassment" in labels("Sappiamo dove abita il consigliere, stia attento quando esce")
    assert "harassment" in labels("Bir daha bağırırsa kapısına geleceğim, sonrasına karışmam")
    assert "harassment" in labels("Vamos dar uma lição nele amanhã")
    assert "harassment" in labels("اگر پھر شور کیا تو گاڑی صحیح سلامت نہیں پائے گا")
    # where the hall is, a lesson at school
    assert "harassment" not in labels("Sappiamo dove si trova la sala, grazie")
    assert "harassment" not in labels("A professora vai dar uma lição de história no parque")


def test_everyone_sent_to_call_one_person() -> None:
    assert "harassment" in labels(
        "Właściciel psa mieszka na 12 Maple St, tel 905-555-0177, dzwońcie do niego wszyscy")
    assert "harassment" in labels("隔籬個阿伯電話 905-555-0133，大家打去罵佢")
    assert "harassment" in labels("Su teléfono es 289-555-0164, llámenle a las 4am")
    # the same words with no number or home of anyone in the post
    # The rules only: the model reads "dzwońcie" (call) as the pile-on it learned it from
    # (docs/moderation.md, the sixteenth round: its false alarms in the other languages).
    assert "harassment" not in rules("Radny nie odpowiada, dzwońcie do niego wszyscy do biura")
    assert "harassment" not in labels("Llámenle todos al ayuntamiento para quejarse")


def test_who_cares_and_how_boring() -> None:
    assert "negativity" in labels("ਇਹ ਵਿਸ਼ਾ ਬਹੁਤ ਬੋਰਿੰਗ ਹੈ")
    assert "negativity" in labels("इतना लंबा भाषण, कौन सुनता है")
    assert "negativity" in labels("咁悶嘅會議")
    assert "negativity" in labels("Опять про мусор, кому это вообще нужно")
    assert "negativity" in labels("Скучная тема, опять парковка")
    assert "negativity" in labels("یہ سب فضول ہے، کسی کو پرواہ نہیں")
    # a humid day, a topic said not to be dull
    assert "negativity" not in labels("今日咁悶熱，記得飲水")
    assert "negativity" not in labels("Тема совсем не скучная, спасибо за отчёт")


def test_offers_in_other_languages() -> None:
    assert "commercial" in labels("India paise bhejo, 1 CAD = 61 INR, koi fee nahi")
    assert "commercial" in labels("Transferência para Portugal, é só mandar o número do cartão")
    assert "commercial" in labels("کفش زنانه ۳۰٪ تخفیف در فروشگاه ما")
    assert "commercial" in labels("Kadın kuaförü açıldı, randevu: 905-555-0112")
    assert "commercial" in labels("Πουλάω ποδήλατο παιδικό, σε καλή κατάσταση")
    assert "commercial" in labels("新鮮海鮮，我有貨，PM我")
    assert "commercial" in labels("Mi have some mangoes fi sell by di gate")
    # a shop's parking complained about, an appointment asked about, a time of day
    assert "commercial" not in labels("پارکینگ جلوی فروشگاه ما همیشه پره")
    assert "commercial" not in labels("Kur farkı çok, randevu almak için ne yapmalıyım?")
    assert "commercial" not in labels("下午3pm我们在公园见")


def test_advice_to_break_the_rules() -> None:
    assert "illegal" in labels("Para di ma-ticket, takpan nyo ng tape ang plate")
    assert "illegal" in labels("违章停车的罚单别交，把车牌挡住就行")
    assert "illegal" in labels("Si no quita la nieve, pónchenle las llantas")
    assert "illegal" in labels("Uski gaddi di hawa kadd ke valve tod do")
    assert "illegal" in labels("Продаю колёса, недорого, откуда — не спрашивайте")
    assert "illegal" in labels("Robię lewe prawo jazdy, pisz")
    assert "illegal" in labels("Πουλάω βεγγαλικά χωρίς άδεια")
    # a plate read, a tyre that went flat, reports of what someone else did, a permit
    # missing reported, a scrapyard sale
    assert "illegal" not in labels("Kisi ne meri gaddi di hawa kadd ke valve tod ditta")
    assert "illegal" not in labels("有人把车牌挡住了，已经举报")
    assert "illegal" not in labels("Ο γείτονας χτίζει χωρίς άδεια, το δήλωσα στον δήμο")
    assert "illegal" not in labels("Vendi meu carro velho no ferro-velho ontem")
    assert "illegal" not in labels("Ang plate ng kotse ay nakita sa camera")
    assert "illegal" not in labels("Meri gaddi de tyre di hawa nikal gayi, koi pump hai?")
    assert "illegal" not in labels("Не спрашивайте меня, я не знаю, когда откроют парк")


def test_off_topic_questions() -> None:
    assert "disruption" in labels("कोई अच्छी मिठाई की दुकान बताओ Ajax में?")
    assert "disruption" in labels("کسی میدونه کجا شیرینی تازه میفروشن؟")
    assert "disruption" in labels("Кто-нибудь знает, где купить хороший торт?")
    assert "disruption" in labels("কেউ কি ভালো গানের শিক্ষক চেনেন?")
    assert "disruption" in labels("¿Alguien vio el partido de anoche?")
    # a question about the City's own service. The rules only: the model reads no folder, and
    # "does anyone know" opens most off-topic questions it learned from (docs/moderation.md,
    # the seventeenth round: its false alarms in the other languages)
    assert "disruption" not in rules("Кто-нибудь знает, когда вывозят мусор?")


def test_clutter_in_other_languages() -> None:
    assert "disruption" in labels("Первый!")
    assert "disruption" in labels("頭香 😎")
    assert "disruption" in labels("ㅋㅋㅋㅋ")
    assert "disruption" in labels("Same po!!")
    assert "disruption" in labels("Chúc mừng năm mới mọi người 🧧")
    assert "disruption" in labels("Forza Inter!!!")
    # the same words with something said
    assert "disruption" not in labels("Первый раз вижу такой хороший парк")
    assert "disruption" not in labels("Chúc mừng năm mới! Xe buýt có chạy ngày Tết không?")


def test_an_organisations_own_contact_in_its_post() -> None:
    assert "personal_info" not in labels(
        "La parroquia prepara tamales para la fiesta. Contacto: tamales.parroquia@gmail.com")
    assert "personal_info" not in labels(
        "Derneğimiz kermes düzenliyor. İletişim: kermes.dernek@gmail.com")
    assert "personal_info" not in labels(
        "한인교회 바자회를 엽니다. 연락처: bazaar.church@gmail.com")
    assert "personal_info" not in labels("मंदिर में भंडारा होगा। मंदिर ऑफिस: 905-555-0111")
    # a person's own address after a label, an organisation named and a person's mailbox
    # given without a label
    assert "personal_info" in labels("Perdí mi perro café. Contacto: lucia.perez88@gmail.com")
    assert "personal_info" in labels(
        "La señora de la parroquia tira basura, su correo es maria.g77@gmail.com")
    assert "personal_info" in labels("मंदिर के पास मेरा घर है, मेरा नंबर 905-555-0111")


def test_a_swear_sworn_at_a_thing_is_no_insult() -> None:
    swore = labels("巴士又遲咗半個鐘，仆街！")
    assert "vulgarity" in swore and "harassment" not in swore
    swore = labels("Library band fer, bhenchod system kadi theek nahi hunda")
    assert "vulgarity" in swore and "harassment" not in swore
    swore = labels("Ennada idhu, thayoli traffic Kingston Rd la")
    assert "vulgarity" in swore and "harassment" not in swore
    # said of people it is an insult
    assert "harassment" in labels("嗰班議員一班仆街")
    assert "harassment" in labels("Oh inspector bhenchod kuch nahi karda")
