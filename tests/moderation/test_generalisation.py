"""The classes of post the held-out sets showed the rules missing (tests/moderation/samples/
holdout_*.jsonl), each in wordings that are in none of the sets, with the hard negatives
that the broader rules must still let through."""

from __future__ import annotations

import pytest

from bot.moderation import ModerationSettings, Screener
from bot.moderation.contacts import AllowListCheck
from bot.moderation.rules.commercial import commercial
from bot.moderation.rules.disruption import disruption
from bot.moderation.rules.harassment import harassment
from bot.moderation.rules.illegal import illegal
from bot.moderation.rules.negativity import negativity
from bot.moderation.rules.personal_info import personal_info
from bot.moderation.rules.vulgarity import vulgarity
from bot.moderation.settings import AllowList
from bot.moderation.spelling import FuzzyIndex, repair
from tests.moderation.posts import post

ILLEGAL_ADVICE = [
    "Tip: take the batteries out of the smoke detector, it stops the beeping for good",
    "Just toss the old propane tanks in with the regular trash, nobody checks the bags",
    "Flip off their breaker at the side of the house, they'll shut the music off quick",
    "Open the hydrant with a big wrench and let the kids cool off",
    "Just park in the accessible spot by the doors, nobody tickets there on Sundays",
    "Easy: register the cottage under your brother's name and skip the licence fee",
    "Selling a pistol, no paperwork, cash only, meet at the plaza",
    "Disposable vapes for the teens, no ID needed, DM",
    "anyone got percs for the long weekend?",
    "Chop down the boulevard tree yourself if it blocks your view, faster than waiting",
    "Take the plates off your car before you go through the camera zone",
    "Just drive in the bus lane on Kingston, it's empty anyway",
    "Haul the old shingles out to the field behind the school after dark",
    "Pouring leftover paint down the storm drain is fine, did mine last week",
    "Use libgen for the textbooks, why pay $200",
    "I'm gonna rip out those new bollards tonight, who's with me?",
    "He lives at the end of my street, go tell him what you think of his fence",
    "Chuck eggs at the cars on the parade route, hilarious",
    "Ignore the fire ban, no one can stop you out here",
    "Pour a little gasoline on the stump and light it",
    "Got a raccoon with my pellet gun last night, works better than traps",
    "Just chuck the old tires into the pond behind the plaza",
    "Use the diamond whenever you want, the bylaw guys don't start till 10",
    "Drop a few carpet tacks at the end of the driveway, the speeders will learn",
    "Go vote online and then vote again at the library, nobody cross-checks",
    "Leave the mural a week and I know a few guys who'd love to redo it",
]
NOT_ILLEGAL = [
    "Please don't put propane tanks in the garbage, take them to the depot.",
    "Someone dumped shingles in the field behind the school. I reported it.",
    "Can I park in the accessible spots if I have a permit from my doctor?",
    "Swapping the smoke alarm batteries every spring is a good habit.",
    "Bylaw should go knock on the door at 44 Elm St about the dogs.",
    "The new bike lanes look great, I drive past them every day.",
    "Just put your bins out the night before, the raccoons won't get in with lid locks.",
    "Please don't throw snowballs at the floats, the horses spook.",
]


@pytest.mark.parametrize("text", ILLEGAL_ADVICE)
def test_new_wordings_of_illegal_advice_are_flagged(text: str) -> None:
    findings = illegal(post(text))
    assert findings and findings[0].confidence >= 0.5, text


@pytest.mark.parametrize("text", NOT_ILLEGAL)
def test_warnings_reports_and_questions_are_not_illegal(text: str) -> None:
    findings = illegal(post(text))
    assert not findings or findings[0].confidence < 0.5, text


ATTACKS = [
    "The new clerk is a waste of oxygen",
    "whoever approved the detour must be brain dead",
    "folks who park on the sidewalk are total idiots",
    "That inspector has the brains of a turnip",
    "tell that loudmouth on council to shut his big mouth",
    "The pool manager is an absolute weasel",
    "ur a complet moron",  # a dropped letter
    "you are such an idoit",  # two letters swapped
    "someone should knock the treasurer's teeth out",
    "f off Gary, nobody asked",
    "the lifeguard on duty is a smug little toad",
    "that ranger is thicker than a bag of bricks",
    "the treasurer has been fudging the numbers for years",
    "the host who runs that party house is an arrogant pig",
    "someone needs to teach that clerk some manners",
    "the new receptionist is a total know-it-all",
    "Councillor Price is a gutless coward",  # a named person: read in its own case
    "that consultant is a f**king clown",
    "Candidate Lee is a shameless grifter",
]
CIVIL = [
    "Is the therapist at the seniors centre still taking new clients?",  # not "the rapist"
    "Look at the moon over Frenchman's Bay tonight",  # "moon" is not "moron" misspelt
    "The crook of the trail by the marsh floods every spring.",
    "The detour signs are useless half the time, they point the wrong way.",
    "Otherwise they're pointless in winter.",
    "Whoever planned the detour did not think about the buses.",
    "The goat cheese at the market is amazing",
    "The door knob on the washroom is broken again",
    "Sour cherries are in season at the farm stand",
    "The host of the library podcast interviewed the mayor",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_paraphrased_and_misspelt_attacks_are_harassment(text: str) -> None:
    assert harassment(post(text)), text


@pytest.mark.parametrize("text", CIVIL)
def test_ordinary_words_near_insults_are_not(text: str) -> None:
    assert harassment(post(text)) == [], text


@pytest.mark.parametrize(
    "text",
    ["I h a t e immigrants", "Ihate muslims", "I haet gay people", "so muchhatred for women"],
)
def test_spelling_tricks_do_not_hide_hate_speech(text: str) -> None:
    findings = harassment(post(text))
    assert findings and "misspelt" in findings[0].explanation


def test_repair_joins_splits_and_corrects_but_leaves_real_words() -> None:
    index = FuzzyIndex({"hate", "idiot", "women", "moron"})
    assert repair("i h a t e them", index) == "i hate them"
    assert repair("ihate women", index) == "i hate women"
    assert repair("an idoit", index) == "an idiot"
    assert repair("the moon and the therapist", index) is None


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("what a load of bullsht", "bullsht"),
        ("this is fukcing ridiculous", "fukcing"),
        ("what the f is going on with the trail", "what the f"),
    ],
)
def test_misspelt_and_cut_vulgarity(text: str, evidence: str) -> None:
    findings = vulgarity(post(text))
    assert findings and findings[0].evidence[0].text == evidence


@pytest.mark.parametrize(
    "text",
    [
        "The cocks crowing at 5am next door will be the real noise problem.",
        "Got an A+ on my project about the library!",
        "The hockey puck went right through the rink boards",
        "Sitting in the Scunthorpe Cafe at the Essex St corner",
    ],
)
def test_roosters_grades_and_near_misses_are_not_vulgar(text: str) -> None:
    assert vulgarity(post(text)) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Firewood for sale, face cord $140, call 905-555-0171",
        "Lawn aeration $60/lawn, text Sam 289 555 0166",
        "Who wants my old treadmill? Free, just pick it up",
        "Home-made tamales 6 for $20, message to order",
        "Refinance your mortgage now, rates are dropping!",
        "2-for-1 wings every Thursday, come try our new patio",
    ],
)
def test_new_kinds_of_offers_are_commercial(text: str) -> None:
    assert commercial(post(text), _check()), text


@pytest.mark.parametrize(
    "text",
    [
        "Parking went from $2 to $4 an hour at the beach, and the machines are broken.",
        "The membership is $55 a month now. Is there a family rate?",
    ],
)
def test_prices_in_complaints_are_not_commercial(text: str) -> None:
    assert commercial(post(text), _check()) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Reach me at sam dot li at gmail dot com about the petition",
        "We're at 12 Sideline 4, come see the hens",
    ],
)
def test_contacts_written_out_or_rural_are_personal_info(text: str) -> None:
    assert personal_info(post(text), AllowList())


def test_toll_free_business_lines_are_not_private_numbers() -> None:
    assert personal_info(post("Call the furnace company at 1-877-555-0140"), AllowList()) == []


@pytest.mark.parametrize(
    "text",
    ["Me as well.", "following.", "Agreed!", "Happy Eid everyone! 🌙", "@CityofPickering bump",
     "Who else is going to the Drake show?", "anyone else think the new iPhone is a ripoff?",
     "Anyone else's Bell internet down in Bay Ridges?", "Who's streaming the UFC fight?"],
)
def test_clutter_greetings_and_unrelated_questions_are_disruption(text: str) -> None:
    assert disruption(post(text, folder="pool"), _check()), text


@pytest.mark.parametrize(
    "text",
    ["Our street got missed again, who do we call?", "We pay taxes for this? The bins stink.",
     "Do the branches from the hedge go in the green bin or with yard waste?"],
)
def test_passing_mentions_do_not_make_a_post_off_topic(text: str) -> None:
    assert disruption(post(text), _check()) == [], text


@pytest.mark.parametrize(
    "text",
    ["the dullest update ever", "wow, riveting stuff. not.", "green bin posts put me to sleep",
     "bin schedule update, so exciting, said no one ever", "green bin news, riveting",
     "nobody reads these updates lol"],
)
def test_new_dismissals_are_negativity(text: str) -> None:
    assert negativity(post(text)), text


@pytest.mark.parametrize(
    "text",
    ["Who cares about the rain, the fireworks were great!", "Who wants to help clean the park?"],
)
def test_praise_and_invitations_are_not_negativity(text: str) -> None:
    assert negativity(post(text)) == [], text


def test_a_verdict_on_a_misspelt_attack_removes_the_post() -> None:
    verdict = Screener(ModerationSettings()).screen(post("ur such a compleet idoit"))
    assert "harassment" in verdict.labels


def _check() -> AllowListCheck:
    return AllowListCheck(AllowList())
