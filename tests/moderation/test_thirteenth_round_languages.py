"""Classes of the thirteenth round's training set in the residents' other languages (train_x):
swearing, insults, threats, offers and questions in Punjabi, Hindi, Urdu, Bengali, Chinese,
Korean, Vietnamese, Russian, Ukrainian, Greek, Turkish, Farsi, Arabic, Somali, Twi, Patois and
others, in their scripts and romanized. Every post here is written for the test: none is
copied from the set (bot.moderation.rules.other_languages)."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_korean_initials_and_vietnamese_initials_are_swearing() -> None:
    # "ㅅㅂ" becomes combining letters once normalised; "đm" becomes "dm"
    assert "vulgarity" in labels("ㅅㅂ 주차 요금 또 올랐네")
    assert "vulgarity" in labels("ㅈㄹ하네 진짜, 버스가 안 와")
    assert "vulgarity" in labels("Đường chưa dọn tuyết, đm thành phố làm ăn kiểu gì vậy")
    assert "vulgarity" in labels("Lại trễ xe buýt, vcl")


def test_vietnamese_and_korean_near_misses_stay_clean() -> None:
    # "DM" in an English post is a direct message; "시발역" is a starting station
    assert "vulgarity" not in labels("DM me if you want the rink schedule")
    assert "vulgarity" not in labels("시발역에서 첫차가 몇 시에 출발하나요?")
    assert "vulgarity" not in labels("Tôi muốn đi du lịch mùa hè này với gia đình")


def test_cyrillic_and_greek_swearing_at_the_start_of_a_sentence() -> None:
    # folding lowercases Latin letters only: a capital first letter must still be read
    assert "vulgarity" in labels("Пиздец, опять отключили свет на нашей улице")
    assert "vulgarity" in labels("Сука, третий раз за неделю ломается автобус")
    assert "vulgarity" in labels("Γαμώ το, πάλι έκλεισε η πισίνα")


def test_masked_hindi_and_punjabi_swearing() -> None:
    assert "vulgarity" in labels("Ye parking wala bhen**od har roz ticket deta hai")
    assert "vulgarity" in labels("Woh naya manager पूरा च**िया है")
    assert "harassment" in labels("Councillor sahab ek number ka ch**tiya hai")
    assert "vulgarity" in labels("Snow plow driver harami hai, sidewalk pe sab fenk diya")


def test_bengali_turkish_patois_and_twi_swearing() -> None:
    assert "vulgarity" in labels("বাল, আবার বাস দেরি করছে")
    assert "vulgarity" in labels("Belediye yine yolu açmamış amk")
    assert "vulgarity" in labels("Orospu çocuğu biri arabamı çizmiş")
    assert "vulgarity" in labels("Di bus late again, bloodclaat!")
    assert "vulgarity" in labels("Rasclaat, dem lock di whole park")
    assert "vulgarity" in labels("Kɔkɔɔ no ayɛ basaa, wo maame twɛ")
    assert "vulgarity" in labels("这公交车真TM慢")


def test_innocent_words_that_look_like_those_swears() -> None:
    # a bucket (বালতি), a boy (বালক); Turkish "resim" is a picture, "pic" in English too
    assert "vulgarity" not in labels("বালতি আর বালক দুটোই পার্কে হারিয়ে গেছে")
    assert "vulgarity" not in labels("Can you post a pic of the new rink?")
    assert "vulgarity" not in labels("Rasmussen Claat and family say thanks to the crew")
    assert "harassment" not in labels("Yɛbɛhyia wɔ library no mu Kwasiada anɔpa")


def test_russian_and_ukrainian_insults_and_slurs() -> None:
    assert "harassment" in labels("Наш советник просто дебил, ничего не понимает")
    assert "harassment" in labels("Эта тупая корова в мэрии опять отказала")
    assert "harassment" in labels("Понаехавшие опять заняли все места на парковке")
    assert "harassment" in labels("Москалі, забирайтеся з нашого фестивалю")
    assert "harassment" in labels("Иди нах*й со своими налогами")


def test_russian_words_that_contain_an_insult_stay_clean() -> None:
    # "уродливый" (ugly) of a building, "жидкий" (liquid) soap
    assert "harassment" not in labels("Новое здание библиотеки довольно уродливое")
    assert "harassment" not in labels("В туалете парка нет жидкого мыла")


def test_insults_in_farsi_chinese_arabic_turkish_somali_and_twi() -> None:
    assert "harassment" in labels("اینا یه مشت احمق هستن که هیچی نمی‌فهمن")
    assert "harassment" in labels("区议员就是个骗子，只会作秀")
    assert "harassment" in labels("这帮废物连垃圾都收不好")
    assert "harassment" in labels("موظفين البلدية كلهم كذابين")
    assert "harassment" in labels("Belediye başkanı şerefsiz, hiçbir şey yapmıyor")
    assert "harassment" in labels("Guddoomiyaha waa nacas aan waxba garanayn")
    assert "harassment" in labels("Mayor no yɛ kwasia paa")


def test_insult_words_used_innocently_stay_clean() -> None:
    # recycling waste (废物回收) is no insult
    assert "harassment" not in labels("废物回收站周六开放吗？")
    assert "harassment" not in labels("Aş evinde hepsi çok güzeldi, teşekkürler")


def test_officials_called_thieves_or_bribe_takers() -> None:
    assert "harassment" in labels("Ye councillor ek number ka fraud hai, sab paisa kha gaya")
    assert "harassment" in labels("Aa badha neta chor che, koi kaam nathi karta")
    assert "harassment" in labels("এই মেয়র আর তার লোকেরা সব চোর")
    assert "harassment" in labels("Engineer saheb e contractor pase thi lanch lidhi")


def test_a_thief_reported_is_not_an_insult() -> None:
    assert "harassment" not in labels("গতকাল পার্কে একজন চোর ধরা পড়েছে")
    assert "harassment" not in labels("Kal raat ek chor ne meri cycle chura li, police ko bataya")


def test_peoples_demeaned_as_a_whole() -> None:
    assert "harassment" in labels("Ye Bihari log sadak pe thookte hain, inko tameez nahi")
    assert "harassment" in labels("Esos chinos siempre llenan el parque con su ruido")
    assert "harassment" in labels("Te wszystkie ciapaki parkują gdzie chcą")
    assert "harassment" in labels("Yeni gelenler çok, hepsi pis ve gürültücü")


def test_veiled_threats() -> None:
    assert "harassment" in labels("Mainu pata hai oh kithe rehnda, agli vaar dekhange")
    assert "harassment" in labels("Usko sabak sikhana padega, bahut bolta hai")
    assert "harassment" in labels("আমরা জানি তুমি কোথায় থাকো, সাবধানে থেকো")
    assert "harassment" in labels("Мы знаем, где вы живёте. Подумайте ещё раз.")
    assert "harassment" in labels("Я тебя найду, урод")


def test_everyone_urged_to_pester_someone() -> None:
    assert "harassment" in labels("Iska number mil gaya, sab log call karke puchho")
    assert "harassment" in labels("大家一起打电话给他，问他为什么涨价")
    assert "harassment" in labels("ਇਹਦਾ ਘਰ ਇੱਥੇ ਆ, ਸਾਰੇ ਫੋਨ ਕਰਕੇ ਪੁੱਛੋ")


def test_questions_to_the_city_are_not_pestering() -> None:
    assert "harassment" not in labels("City nu call karke puchho, oh dassange kado pickup hai")
    assert "harassment" not in labels("请问市政府的电话号码是多少？")


def test_nobody_will_see_or_check_in_other_languages() -> None:
    assert "illegal" in labels("Purani battery kooday mein daal do, koi check nahi karta")
    assert "illegal" in labels("Raat nu fence tap lao, koi nahi dekhda")
    assert "illegal" in labels("河边可以钓鱼带回家，没人查的")
    assert "illegal" in labels("Cứ đốt pháo ngoài công viên, không ai kiểm tra đâu")
    assert "illegal" in labels("В парке можно жечь костёр, инспекторов тут нет")
    assert "illegal" in labels("Рибу можна ловити сітками, ніхто не перевіряє")


def test_orders_to_damage_or_dump() -> None:
    assert "illegal" in labels("Jo car driveway block kare, uski hawa nikal do")
    assert "illegal" in labels("Purane gadde ravine mein phenk do, spring tak gal jayenge")
    assert "illegal" in labels("Camera di wire kaat deo, fer koi record nahi hunda")


def test_papers_without_the_exam_and_work_around_the_tax() -> None:
    assert "illegal" in labels("Driving licence bina test ke chahiye? Inbox karo")
    assert "illegal" in labels("Basement kirayedar toh cash lo, CRA nu dasso hi na")
    assert "illegal" in labels("ਬਿਨਾਂ ਪਰਮਿਟ ਦੇ ਵੀ deck ਬਣਾ ਦਿੰਦੇ ਹਾਂ, call karo")
    assert "illegal" in labels("烟花随便放，不用许可证")
    assert "illegal" in labels("Можно ставить киоск без разрешения, никто не проверяет")
    assert "illegal" in labels("G1笔试代考，包过，私聊")
    assert "illegal" in labels("可以帮你做假的收入证明")


def test_rule_talk_that_is_not_advice_stays_clean() -> None:
    # a complaint that nobody came, a permit asked about, a report of dumping
    assert "illegal" not in labels("Maine by-law ko call kiya, koi nahi aaya teen ghante tak")
    assert "illegal" not in labels("Deck banane ke liye permit chahiye ki nahi?")
    assert "illegal" not in labels("Kisi ne ravine mein sofa phenk diya, please City saaf kare")
    assert "illegal" not in labels("请问烟花需要许可证吗？")
    # leave from work, and a road nobody looks after, are no advice to break a rule
    assert "illegal" not in labels("孩子生病了，学校要请假证明吗？")
    assert "illegal" not in labels("这条路坏了半年都没人管")
    assert "illegal" not in labels("Footpath toot gaya hai, koi nahi dekhta")


def test_ads_in_other_languages() -> None:
    assert "commercial" in labels("Pintamos casas, precios bajos, llame a Rosa 905-555-0100")
    assert "commercial" in labels("Alguém vende bicicleta infantil? Pago bem")
    assert "commercial" in labels("Homemade ube halaya, ₱ para sa Pasko, PM lang")
    assert "commercial" in labels("春节年货团购，加微信 nianhuo2030")
    assert "commercial" in labels("Tiffin service ghar ka khana, inbox karo")


def test_talk_of_prices_and_messages_is_not_an_ad() -> None:
    assert "commercial" not in labels("Los precios de los boletos subieron mucho este año")
    assert "commercial" not in labels("市政府有微信公众号吗？")


def test_dismissing_the_topic_in_other_languages() -> None:
    assert "negativity" in labels("Che noia questi concerti, a chi interessa")
    assert "negativity" in labels("Parade? kaun dekhta hai ye bakwas")
    assert "negativity" in labels("Quem liga pra esse festival")
    assert "negativity" in labels("Кому вообще интересны эти выборы?")


def test_questions_about_the_topic_stay_clean() -> None:
    assert "negativity" not in labels("Che bello il concerto, a che ora inizia?")
    assert "negativity" not in labels("Кому можно позвонить насчёт вывоза снега?")


def test_first_and_same_as_above_in_other_languages_are_clutter() -> None:
    assert "disruption" in labels("पहला कमेंट 🙌")
    assert "disruption" in labels("同上")
    assert "disruption" in labels("Primeiro!")


def test_a_first_question_is_not_clutter() -> None:
    assert "disruption" not in labels("ਪਹਿਲਾ ਸਵਾਲ: ਬੱਸ ਕਦੋਂ ਆਵੇਗੀ?")


def test_a_vietnamese_name_is_not_a_misspelt_swear() -> None:
    assert "vulgarity" not in labels("Cảm ơn chú Phúc đã dọn tuyết giúp cả xóm")
    assert "vulgarity" in labels("phuck this budget")


def test_a_swear_quoted_as_graffiti_is_a_report() -> None:
    assert "vulgarity" not in labels("Кто-то написал 'сука' на двери раздевалки, уберите")
    assert "vulgarity" in labels("Сука, опять отменили автобус")


def test_asking_the_board_for_a_shop_or_a_game_elsewhere_is_off_topic() -> None:
    assert "disruption" in labels("Koi accha dentist jaanta hai Ajax mein?")
    assert "disruption" in labels("Có ai biết tiệm phở ngon gần đây không?")
    assert "disruption" in labels("أحد يعرف حلاق كويس في بيكرينغ؟")
    assert "disruption" in labels("کسی مکانیک خوب تو ایجکس می‌شناسه؟")
    assert "disruption" in labels("Chi guarda la partita stasera al bar?")
    assert "disruption" in labels("有人知道附近哪里有好吃的火锅吗？")


def test_questions_about_city_services_in_other_languages_stay_on_topic() -> None:
    # The rules only: the model, which reads no folder, scores "có ai biết" and "koi bata
    # sakta hai" (does anyone know) as the off-topic questions it learned (docs/moderation.md,
    # sixteenth and seventeenth rounds).
    assert "disruption" not in rules("Có ai biết chỗ đậu xe gần tòa thị chính không?")
    assert "disruption" not in rules("Koi bata sakta hai green bin kab aayega?")
    # a good way to clean the bin is the folder's matter
    assert "disruption" not in labels("Koi accha tareeka pata hai green bin saaf karne ka?",
                                      folder="green_bin")


# After final_v's one scoring (on 15b2dee): classes its misses share with train_u, train_x and
# final_t, in Hindi, Urdu and Punjabi written in Latin letters above all.


def test_harm_hinted_at_in_romanized_hindi_and_punjabi() -> None:
    assert "harassment" in rules("Councillor ko bata do, raat ko akeli na nikle.")
    assert "harassment" in rules("Usko bolo apni car ke brakes check kar le.")
    assert "harassment" in rules("Jo vote against karega, ohdi gaddi de shishe safe nahi rehnge")
    assert "harassment" in rules("Yaad rakhi, asi tenu dekh lavange")
    assert "harassment" not in labels("Mera ghar safe nahi hai, roof leak karda")


def test_everyone_sent_to_meet_someone_at_home() -> None:
    assert "harassment" in rules("Ohda ghar 9 Rougemount Dr aa, sab ja ke milo ohnu")


def test_a_community_blamed_in_romanized_hindi() -> None:
    assert "harassment" in rules("Park mein kachra wahi Pakistani log chhodte hain")
    assert "harassment" in rules("Saare sardar ek jaise, signal todte hain")
    assert "harassment" not in labels("Punjabi log Vaisakhi pe langar lagaate hain, sab aao")


def test_swearing_and_insults_new_to_the_lists() -> None:
    assert "vulgarity" in rules("Что за говно с этим парком")
    assert "vulgarity" in rules("s.ktir git, yol hala kapali")
    assert "vulgarity" in rules("hdp el que rompió los columpios")
    assert {"harassment", "vulgarity"} <= rules("Ee councillor oru myran aanu")
    assert "harassment" in rules("Parks manager nalayak aadmi hai, kuch kaam nahi karta")
    assert "harassment" in rules("Burmistrz to złodziej i kłamca")
