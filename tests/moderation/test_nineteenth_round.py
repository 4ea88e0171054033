"""The nineteenth round: residents' names and faiths that looked like swearing, the f-word's
initials after a question word, dismissals of a thing, and a French insult of the mind."""

from __future__ import annotations

import pytest

from tests.moderation.posts import labels, rules


@pytest.mark.parametrize("text", [
    # Dhillon, a Punjabi family name, began like Somali "dhillo"
    "2:31:10 Councillor Dhillon asking the right questions about the reserve fund, finally",
    "my neighbour Harpreet Dhillon plows the whole street every winter, legend",
    # Sunni Muslims, not the Tamil swear
    "The Sunni and Shia communities in Pickering are holding a joint iftar at the rec centre",
    "Sunni Muslims make up much of the congregation at the mosque on Brock Rd",
])
def test_residents_names_and_faiths_are_no_swearing(text: str) -> None:
    assert labels(text) == set()


@pytest.mark.parametrize("text", [
    "waa dhillo", "dh!llo", "dhillooyin ah",
    "Garbage truck driver oru sunni, veetu munnadi bin irukku",
    "sunni payale, bin ellam road la",
])
def test_the_swears_those_words_were_written_for_still_are(text: str) -> None:
    assert "vulgarity" in rules(text)


@pytest.mark.parametrize("text", [
    "who tf watches this 💀",
    "ok but why tf is Brock closed again",
    "where tf is the plow",
])
def test_the_f_words_initials_after_a_question_word_are_vulgar(text: str) -> None:
    assert "vulgarity" in rules(text)


@pytest.mark.parametrize("text", [
    "the TF card in my dashcam died in the cold",
    "Parent info night for the TF-CBT program at the clinic",
])
def test_tf_as_letters_is_not(text: str) -> None:
    assert "vulgarity" not in rules(text)


@pytest.mark.parametrize("text", [
    "Nobody asked for universal change rooms. Nobody.",
    "Seaton resident here. Nobody asked us about 1,400 more homes on roads that flood.",
    "Bi-weekly garbage for a family of 6 is not enough, this is a joke.",
])
def test_dismissing_a_plan_or_a_service_attacks_nobody(text: str) -> None:
    assert "harassment" not in rules(text)


@pytest.mark.parametrize("text", [
    "@Marlene nobody asked you Karen",
    "@Gord nobody asked, karen. go walk off a pier",
    "nobody asked for ur opinion stan",
])
def test_dismissing_the_person_still_is(text: str) -> None:
    assert "harassment" in rules(text)


@pytest.mark.parametrize("text", [
    "Ceux qui ont pondu ça ont de la m*rde dans la tête.",
    "Franchement vous avez de la marde dans la tête au conseil",
])
def test_french_shit_in_the_head_is_an_insult(text: str) -> None:
    assert "harassment" in rules(text)


@pytest.mark.parametrize("text", [
    "Someone should slash the tires on the plow that keeps burying my driveway.",
    "Someone should key every bylaw car in the Civic Complex lot.",
])
def test_vandalising_the_citys_things_is_illegal_not_an_attack(text: str) -> None:
    found = rules(text)
    assert "illegal" in found and "harassment" not in found


@pytest.mark.parametrize("text", [
    "someone should key Menon's Tesla in the civic centre lot",
    "someone should slash his tires",
])
def test_a_persons_car_is_still_an_attack_on_them(text: str) -> None:
    assert {"illegal", "harassment"} <= rules(text)


@pytest.mark.parametrize("text", [
    "Some a-hole took my son's skates off the bench at Don Beer while we were on the ice.",
    "some a55hole in a BMW just drove right through the cones on Brock",
])
def test_an_unnamed_stranger_called_names_is_vulgar_not_harassed(text: str) -> None:
    found = rules(text)
    assert "vulgarity" in found and "harassment" not in found


def test_a_named_group_called_names_still_is_harassed() -> None:
    assert "harassment" in rules("some idiots on council approved this again")


@pytest.mark.parametrize(("text", "illegal"), [
    ("Loved the blacksmith demo! My forge runs weekend classes for kids 10+", False),
    ("just forge a parking permit, nobody checks", True),
    ("Drones aren't allowed over the beach without a permit, hope the city had one", False),
    ("You're not allowed to have a fire without a permit", False),
    ("sold my lemonade without a licence all summer lol", True),
    ("my buddy sells the big mortar ones outta his garage in Bay Ridges, hmu", True),
    ("anyone know where to get the big illegal ones before Victoria Day lol. DM me", True),
    ("Canadian Tire sells fireworks for Victoria Day, check the bylaw first", False),
    ("Heads up, someone's selling fireworks out of a van at the plaza. Called by-law.", False),
    ("@tyler_k99 forging a permit is an offence, not worth it", False),
])
def test_illegal_acts_promoted_not_named(text: str, illegal: bool) -> None:
    assert ("illegal" in rules(text)) is illegal


@pytest.mark.parametrize("text", [
    "Sign the petition to keep the towers under 20 storeys: change.org/p/pickering-height-limits",
    "Signez la pétition : change.org/p/sauvons-le-parc-de-la-baie",
])
def test_a_petitions_link_is_no_commercial_website(text: str) -> None:
    assert "commercial" not in rules(text)


# Found by screening each of the most frequent words of the residents' languages alone
# (wordfreq's lists) and reading what the rules flagged.
@pytest.mark.parametrize("text", [
    "Paki-check naman po yung schedule ng garbage collection",  # Tagalog: please
    "Pwede pede ba mag park dito sa kalye?",  # Tagalog: can
    "Ele pede que a prefeitura limpe a rua",  # Portuguese: asks
    "Vamos chamar a prefeitura",  # Portuguese: to call
    "Mồng 1 Tết chúc mừng năm mới",  # Vietnamese: the first day
    "Khuyến mãi lớn tại cửa hàng",  # Vietnamese: a promotion
    "Người H'Mông ở Pickering",
    "Ești sigur că parcul e deschis?",  # Romanian: you are
    "Mój brat mieszka w Pickering",  # Polish: brother
    "Nie ma lodu na lodowisku",  # Polish: no ice
    "Il mio bimbo adora il parco",  # Italian: child
    "Il faut se doucher avant d'entrer dans la piscine",
    "Elle souffre de psychose, soyez gentils",
    "Nick from the rec centre was super helpful",
    "Rob Smith's daughter won the art contest",
    "Swipe your card at the gate",
    "my head would throb the whole night after the fireworks",
    "Kutte da license renew karna si online, sadda kutta Sheru 3 saal da aa",
    "Grabe ang tagal ng 900 kanina sa Kingston Rd, 25 mins kami naghintay",
    "Llevan semanas los conos en Brock Rd y casi no veo trabajadores",
    "May libreng puto, bibingka at salabat pagkatapos ng misa",
    "Le cours d'aquaforme pour aînés à 5 $ est complet chaque semaine",
    "The only thing that stopped the 'coons at our place was a bungee cord on the bin",
    "My tranny mount went after hitting the pothole on Whites",
    "We show English Cocker Spaniels and have a breeding bitch and two dogs",
    "She saw 'spotted dick' on one of the historic recipe cards",
    "The dyke along the Hydro Marsh is eroding again",
    "Pas de tabernacle, pas de calice, pas de ciboire comme dans nos églises",
    "Quelqu'un y a posé des tapettes à souris, attention aux enfants",
    "The pirate ship playground at Esplanade Park is finally open",
    "a torrent of rain flooded Rougemount",
    "I just finished my Ph.D at Ontario Tech",
    "my kid got all A's and B's this term",
    "Councillor Hicks asked about the budget",
    "First Communion and the sacrament of confirmation at St. Mary's this Sunday",
    "S.H.I.E.L.D. cosplay at the library comic day",
    "مجتمع مسکونی جدید در پیکرینگ",  # Farsi: a new residential complex
    "الگوهای جدید ترافیک",  # Farsi: patterns
    "گوهر خانم از همسایه‌ها تشکر کرد",  # Farsi: a name (a jewel)
    "افتتح المركز مؤخرا",  # Arabic: recently
    "çalış saatleri nedir?",  # Turkish: working hours
    "Çetin Bey toplantıya geldi",  # Turkish: a name
    "tot a.s. zaterdag bij de bibliotheek",  # Dutch: next Saturday
    "ABC Yapı A.Ş. yeni binayı inşa ediyor",  # Turkish: Inc.
    "Τετάρτη το πρωί κλειστός ο δρόμος",  # Greek: Wednesday (read "tetάptn", no "ptn")
    "ο χάρτη της πόλης",  # Greek: the map
    "замки на дверях зламані",  # Ukrainian: locks (no Turkish "amk")
    "전염병 예방 주사 일정",  # Korean: an epidemic
    "பன்னிரண்டு மணிக்கு கூட்டம்",  # Tamil: twelve
])
def test_everyday_words_of_the_residents_languages_are_no_abuse(text: str) -> None:
    assert not {"vulgarity", "harassment", "illegal"} & rules(text)


@pytest.mark.parametrize(("text", "category"), [
    ("go home paki", "harassment"),
    ("c'est un pédé", "harassment"),
    ("ye chamar log kabhi nahi sudhrenge", "harassment"),
    ("tu lodu hai", "vulgarity"),
    ("Booking system lodu jevi chhe, 3 vaar fail", "vulgarity"),
    ("khuy tebe", "vulgarity"),
    ("ni khuya ne delayut", "vulgarity"),
    ("Esti! encore de la neige", "vulgarity"),
    ("plate en esti ce live", "vulgarity"),
    ("ma rue est pas faite pis y'a déjà 30 cm, esti 🙃", "vulgarity"),
    ("m e r d e, encore plus cher", "vulgarity"),
    ("b u l l s h i t, we pay taxes for this?", "vulgarity"),
    ("just steal one, nobody checks", "illegal"),
    ("you can torrent every new release over the library wifi", "illegal"),
    ("the mayor is a bimbo", "harassment"),
    ("شو هالخرا، ولا مرة بيشيلوا الثلج بالوقت", "vulgarity"),
    ("گوه خوردی", "vulgarity"),
    ("calis! encore de la neige", "vulgarity"),
    ("s.h.i.t show at council tonight", "vulgarity"),
    ("开发商cnm，sb市议会只会收钱", "vulgarity"),
    ("ptn encore la neige", "vulgarity"),
    ("amk belediye yine yolu kapattı", "vulgarity"),
    ("oye kutte, gaddi hata", "harassment"),
    ("my neighbour at 1530 Major Oaks Rd leaves his trash out", "personal_info"),
    ("calice! encore de la neige", "vulgarity"),
    ("that dyke on council", "harassment"),
    ("des tapettes comme lui", "harassment"),
    ("완전 염병하네 시의회", "vulgarity"),
])
def test_the_words_those_rules_were_written_for_still_are_read(text: str, category: str) -> None:
    assert category in rules(text)
