"""Harassment: threats, abuse, hate speech, personal attacks and defamatory statements.
"Attack an idea, not a person" (Appendix 1).

The rules look for an attack *and* its target: an insult that only names people ("moron",
"scumbag"), an insulting word said of a person or group ("she's lazy", "drivers are lazy
slobs", but not "this plan is stupid"), threats and wishes of harm, hate speech (slurs,
"go back where you came from", dehumanising a group), and accusations of crimes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.moderation import contacts
from bot.moderation.guidelines import MILD_WORDS, NOT_SAID_OF_A_FRIEND, explain
from bot.moderation.languages import language_of
from bot.moderation.lexicon import Lexicon
from bot.moderation.model import Finding, Post, Span
from bot.moderation.rules.hate_speech import KEY_WORDS, hate_group_named, hate_speech_spans
from bot.moderation.spelling import FuzzyIndex, repair
from bot.moderation.text import (
    CaseFoldPrefiltered,
    PatternSet,
    Prefiltered,
    at_words,
    fold,
    unleet,
    word_alternation,
)

# Slurs (written masked in our own test data; the lexicon reads masks and leetspeak).
SLURS = Lexicon(
    {
        "retard", "retards", "retarded", "tard", "tards", "paki", "pakis", "nigger", "niggers",
        "nigga", "niggas", "faggot", "faggots", "fag", "fags", "tranny", "trannies", "shemale",
        "shemales", "chink", "chinks", "gook", "gooks", "spic", "spics", "kike", "kikes",
        "wetback", "wetbacks", "raghead", "ragheads", "towelhead", "towelheads", "coon",
        "coons", "beaner", "beaners", "muzzie", "muzzies", "muzrat", "jihadi", "jihadis",
        "camelfucker", "camelfuckers", "sandnigger", "golliwog", "spaz", "mong", "dyke",
        "dykes", "gyppo", "pikey", "redskin", "redskins", "squaw", "injun", "halfbreed",
        "cripple", "cripples", "rapefugee", "rapefugees", "mongs",
    },
    masked_min_letters=2,
    fuzzy=True,
)
# Words that only ever name a person, as an insult: no target needed.
INSULTS = Lexicon(
    {
        "idiot", "idiots", "moron", "morons", "imbecile", "imbeciles", "cretin", "cretins",
        "dipshit", "dipshits", "cocksucker", "cocksuckers",
        "dimwit", "dimwits", "halfwit", "halfwits", "nitwit", "nitwits", "dumbass", "dumbasses",
        "jackass", "loser", "losers", "buffoon", "buffoons", "scumbag", "scumbags", "dirtbag",
        "dirtbags", "sleazebag", "lowlife", "lowlifes", "low-life", "low-lifes", "creep",
        "creeps", "pervert", "perverts", "degenerate", "degenerates", "subhuman", "subhumans",
        "hypocrite", "hypocrites", "traitor", "traitors", "coward", "cowards", "sellout",
        "sellouts", "dunce", "numbskull", "bozo", "bozos", "bonehead", "boneheads",
        "knucklehead", "witch", "hag", "slob", "slobs", "goon", "goons", "thug", "thugs",
        "parasite", "parasites", "leech", "leeches", "crook", "crooks", "liar", "liars",
        "thief", "thieves", "puppet", "clown", "clowns", "twit", "twits", "simpleton",
        "airhead", "bimbo", "prick", "pricks", "asshole", "assholes", "arsehole", "bastard",
        "bastards", "bitch", "bitches", "cunt", "cunts", "twat", "twats", "wanker", "wankers",
        "dickhead", "dickheads", "douchebag", "douchebags", "douche", "scum", "whore", "whores",
        "slut", "sluts", "psycho", "psychos", "lunatic", "lunatics", "fatso", "pig", "pigs",
        "snake", "snakes", "rat", "rats", "vermin", "cockroaches", "savages", "animals",
        "trash", "garbage", "filth", "plague", "cancer", "fool", "fools", "incompetents",
        "incompetent", "cow", "cows", "hack", "hacks", "disgrace", "joke", "predator",
        "npc", "npcs", "simp", "simps", "sheep", "sheeple",
        "pedophile", "paedophile", "pedo", "molester", "rapist", "brat", "brats", "weasel",
        "weasels", "slimeball", "scoundrel", "jerk", "jerks", "bootlicker", "busybody",
        "dork", "dweeb", "muppet", "numpty", "tosser", "git", "prat", "plonker", "bellend",
        "twerp", "sleaze", "sleazeball", "freeloader", "freeloaders", "deadbeat", "deadbeats",
        "hick", "hicks", "redneck", "rednecks", "bum", "bums", "dope", "nutjob", "nutcase",
        "crackpot", "blockhead", "dumbo", "karen", "drunk", "drunkard", "menace", "junkie",
        "freak", "freaks", "weirdo", "weirdos", "creepo", "bat", "bats", "assclown", "assclowns",
        "asshat", "asshats", "fraud", "frauds", "sociopath", "sociopaths", "psychopath",
        "grifter", "grifters", "yes-man", "yes-men", "snob", "snobs", "knob", "knobs", "stooge",
        "stooges", "goat", "toad", "pillock", "pussyhole", "pussyholes",
        "shill", "shills", "lapdog", "lapdogs", "crony", "cronies", "windbag", "blowhard",
        # vulgar words that only ever name a person: vulgarity and an insult at once
        "shithead", "shitheads", "shitbag", "shitbags", "shitstain", "shitstains", "fuckface",
        "fuckfaces", "fuckhead", "fuckheads", "fuckwit", "fuckwits", "dumbfuck", "dumbfucks",
        "motherfucker", "motherfuckers", "jackasses", "gasbag", "gasbags",
    },
    # What a disguised insult could stand for but that reads, symbol for letter, as a word
    # the City tolerates.
    exceptions=MILD_WORDS,
    masked_min_letters=3,
    fuzzy=True,
)
# Of these, the ones that also name things ("garbage collection", "a plague of raccoons")
# count only when said of a person or group.
_AMBIGUOUS_NOUNS = frozenset(
    {"pig", "pigs", "snake", "snakes", "rat", "rats", "vermin", "cockroaches", "animals",
     "trash", "garbage", "filth", "plague", "cancer", "scum", "clown", "clowns", "puppet",
     "fool", "fools", "witch", "bitch", "bitches", "savages", "cow", "cows", "predator",
     "weasel", "weasels", "bum", "bums", "dope", "karen", "git", "drunk", "menace", "bat", "bats",
     "crook", "knob", "knobs", "goat", "toad", "fraud", "frauds",
     # gamers' words for a person: "drivers are npcs", "such a simp" (not "the NPC in a game")
     "npc", "npcs", "simp", "simps", "sheep"}
)  # fmt: skip
# These also describe plans and meetings ("this budget is a joke"): only said to or of a
# person ("you're a joke", "Councillor X is a disgrace") are they attacks.
_PERSON_ONLY_NOUNS = frozenset({"hack", "hacks", "disgrace", "joke"})
# Said of a person they attack; said of a plan they are criticism.
_INSULTING = (
    r"(?:stupid|stupidest|dumb|dumbest|idiotic|moronic|lazy|laziest|useless|incompetent"
    r"|worthless|pathetic|disgusting|repulsive|corrupt|crooked|ugly|fat|smug|brain[- ]?dead"
    r"|brainless|witless|gormless|dimwitted|clueless|talentless|condescending|arrogant|pompous"
    r"|bossy|entitled|snobby|rude|sour|crooked|spineless|gutless|slimy|nosy|lying|miserable|ignorant|senile|annoying|evil|vile"
    r"|filthy|dirty|inferior|subhuman|sick|deranged|retarded|nasty|greedy|two-faced"
    r"|low-?life|scummy|sleazy|creepy|unhinged|dishonest|inbred|trashy|hateful)"
)
# An insulting word just before a word that can be an insult makes it one ("useless lying
# b*tch", "whiny little bitch"), unless it names an animal ("filthy rats in the park").
_INSULTING_BEFORE = re.compile(r"\b(?:" + _INSULTING[3:-1] + r"|whiny) (?:[a-z-]+ )?$")
_ANIMALS = frozenset(
    {"pig", "pigs", "snake", "snakes", "rat", "rats", "vermin", "cockroaches", "animals", "cow",
     "cows", "weasel", "weasels", "goat", "toad", "bat", "bats"}
)  # fmt: skip
_PEOPLE = (
    r"(?:people|persons?|folks?|guys?|lady|ladies|woman|women|man|men|girls?|boys?|kids"
    r"|staff|staffer|employees?|workers?|crews?|drivers?|officers?|councill?ors?|council"
    r"|mayor|politicians?|planners?|clerks?|managers?|directors?|lifeguards?|instructors?"
    r"|librarians?|teachers?|cops?|police|goons|renters|tenants|landlords|owners|neighbou?rs?"
    r"|residents|immigrants|refugees|migrants|foreigners|newcomers|muslims?|jews?|christians?"
    r"|hindus?|sikhs?|gays?|lesbians?|trans|transgender|blacks?|whites?|asians?|indians?"
    r"|chinese|arabs?|mexicans?|africans?|jamaicans?|filipinos?|tamils?|natives?|disabled"
    r"|seniors|boomers|millennials|liberals|conservatives|leftists|developers|builders"
    r"|commenters?|posters?|trolls?|buddies|friends|cronies|pals|management|managers"
    r"|executives|bureaucrats|officials|administrators|bosses|dispatchers?|operators?"
    r"|counsell?ors?|coaches|coach|nurses?|doctors?|guards?|attendants?|volunteers?|organi[sz]ers?"
    r"|coordinators?|flaggers?|treasurer|supervisors?|chair|chief|superintendent|receptionists?"
    r"|hosts?|guides?|narrator|designers?|engineers?|inspectors?|arborists?|rangers?|cashiers?"
    r"|caretakers?|janitors?|custodians?|commissioner|trustees?|deputy|realtors?|lawyers?"
    r"|artists?|candidates?|experts?|consultants?|contractors?|speakers?|presenters?|hosts?"
    r"|ppl|peeps|he|she|they|them|him|her|you|ya|u|y'?all)"
)
_PRONOUN_SUBJECT = r"(?:you(?:'re| are| r)?|ur|u r|he(?:'s| is)|she(?:'s| is)|they(?:'re| are))"
_COPULA = r"(?:is|are|'s|'re|was|were|r|=)"
_FILLER = r"(?:(?:so|such|just|really|truly|totally|complete|completely|absolute|absolutely|a|an"
_FILLER += r"|the|all|nothing but|bunch of|pack of|bloody|fucking|f\*+ing|damn|human|lying"
_FILLER += r"|spineless|smug|total|utter|most|bunch of) )*"

# Capitalised words that start sentences but do not name a person.
_NOT_NAMES = (
    r"(?:This|That|It|There|Here|What|Which|Everything|Nothing|Something|Anything|The|Our"
    r"|Your|My|Their|His|Her|Its|These|Those|Traffic|Parking|Transit|Density|Growth|Plan"
    r"|Policy|Pickering|Durham|Seaton|Kingston|Brock|City|Region|Council|Budget|Tax|Taxes"
    r"|Service|Schedule|Construction|Life|Today|Tonight|Everyone|Nobody|Somebody|Someone)"
)

_WISHED_HARM = "a wish of violence"  # only when said of people, not of weeds or plans

_PATTERNS: tuple[tuple[str, float, str], ...] = (
    # insulting word said of a person or group
    (rf"\b{_PRONOUN_SUBJECT} {_FILLER}{_INSULTING}\b", 0.8, "a personal insult"),
    (rf"\b{_PEOPLE} {_COPULA} {_FILLER}{_INSULTING}\b", 0.75, "an insult aimed at people"),
    (rf"\b{_PEOPLE} (?:who|that|pushing|running|behind|in charge of|at|on|from|in)\b"
     rf"[^.!?,;]{{0,35}}? {_COPULA} {_FILLER}{_INSULTING}\b", 0.75, "an insult aimed at people"),
    (rf"\b(?:the |this |that |a |our )?{_INSULTING} (?:\w+ )?{_PEOPLE}\b", 0.65,
     "an insult aimed at people"),
    (rf"(?:^|[.!?]\s+|\b(?:[Cc]ouncill?or|[Mm]ayor|Mr\.?|Ms\.?|Mrs\.?|Dr\.?) )(?!{_NOT_NAMES}\b)"
     rf"[A-Z][a-z]+ {_COPULA} "
     rf"{_FILLER}{_INSULTING}\b", 0.7, "a personal insult"),
    # whoever / people who ... are stupid: the person behind a decision, or a group by deed
    (rf"\b(?:whoever|anyone who|anybody who|those who|{_PEOPLE} who)\b[^.!?]{{0,60}}?"
     rf"\b(?:is|are|was|were|must be) {_FILLER}{_INSULTING}\b", 0.75,
     "an insult aimed at people"),
    # stock phrases that call a person stupid or worthless
    (r"\bwaste of (?:oxygen|skin|air|a human(?: being)?|a person|carbon|dna|a salary"
     r"|a pay ?cheque)\b"
     r"|\b(?:dumb|thick|dense|stupid|smart) as (?:a )?(?:bag|box|sack|pile|bucket) of (?:rocks"
     r"|bricks|hammers|hair|sand)\b|\bdumb as (?:rocks|bricks|a post|dirt|a stump)\b"
     r"|\b(?:brains?|iq|intelligence|personality|charisma|emotional range|common sense)"
     r" (?:of|like) an? (?:\w+ )?(?:sock|rock|brick|potato|goldfish|turnip|doorknob|houseplant"
     r"|sponge|slug|toaster|plank|rock|fence ?post|cabbage|lemming)\b|\bbrains? to match\b"
     r"|\bnot the (?:sharpest|brightest) (?:tool|knife|crayon|bulb)\b|\b(?:a few|one)"
     r" (?:fries|sandwiches|cards|bricks|screws) short\b|\blights are on but\b"
     r"|\bshould never be allowed near an? (?:crayon|computer|keyboard|pen|budget)\b"
     r"|\b(?:is|are|'s|'re|was|were) (?:a|an|such an?|a total|an absolute|a complete) (?:\w+ )?"
     r"know-?(?:nothing|it-?all)s?\b"
     r"|\b(?:dumber|thicker|stupider|dimmer|denser|slower) than (?:a|an|my|the|your|his|her)"
     r" (?:\w+ ){0,3}(?:rocks|hair|bricks|sand|rock|brick|post|potato|plank|stump|dirt|doorknob"
     r"|goldfish|turnip|toaster|sock|box)\b", 0.8,
     "a personal insult"),
    # taunts that only ever mock a person: "crybaby", "your two brain cells", "ok grandpa"
    (r"\bcry ?bab(?:y|ies)\b|\b(?:two|one|2|1|both|few|remaining)(?: of (?:your|his|her|their))?"
     r" (?:working |remaining )?brain cells?\b|\bsack of (?:sh\W?[i1!*]\W?t|s\*+t|crap|cr@p)\b"
     r"|\bok(?:ay)? (?:boomer|grandpa|grandma|gramps|karen)\b|\byell at (?:a |the )?clouds?\b"
     r"|\bold (?:nag|bag|fart|geezer|hag|coot|crone|biddy)s?\b(?! of\b)"
     # workers called names as a crew: "bunch of lazy sh*ts leaning on shovels"
     r"|\b(?:bunch|pack|gang|crew) of (?:lazy |useless |stupid |incompetent |overpaid |entitled )*"
     r"(?:sh\W?[i1!*]\W?ts|f\W?[u*]\W?c?\W?kers|bastards|a\W?[s$*]\W?[s$*]\W?holes"
     r"|dipsh\W?[i1!*]\W?ts|idiots|morons|losers)\b", 0.75,
     "a personal insult"),
    # mocking how a person looks or sounds, or calling them bad at their job in vulgar words
    (rf"\b(?:{_PEOPLE[3:-1]})(?: \w+){{0,2}}? (?:sounds|looks) like an? (?:[a-z-]+ ){{0,2}}"
     r"(?:walrus|goat|pig|cow|hippo|whale|troll"
     r"|prune|toad|donkey|weasel|zombie|corpse|gremlin|ogre|hyena)\b"
     rf"|\b(?:a|an|such a|what a) sh\W?[i1!*]\W?t (?:{_PEOPLE[3:-1]}|engineers?|human)\b",
     0.75, "a personal insult"),
    (r"\bshut (?:your|his|her|their|that|ur) (?:fat |big |stupid |ugly |dumb )?(?:[\w'*]+ )?"
     r"(?:mouth|trap|face|pie ?hole|yap|gob)\b", 0.8, "an abusive personal attack"),
    # threats and wishes of harm
    (r"\b(?:i'?m|we'?re|i am|we are) not (?:done|finished|through) with (?:you|him|her|them)\b"
     r"(?! yet,? (?:but|and) )|"
     r"\bteach (?:him|her|them|you|that \w+|the \w+|\w+) (?:a lesson|some manners|some respect)\b"
     r"|\b(?:someone|somebody|some ?1|we|y'?all) (?:should|oughta|ought to|needs? to|gotta"
     r"|has to|have to) teach (?:those|these|that|the) (?:\w+ ){1,4}(?:a lesson|some manners)\b"
     r"|\bif you know what i mean\b(?=[^\n]{0,5}$)|\bwatch (?:your|his|her|their) back\b"
     r"|\bgets? what'?s coming to (?:him|her|them|you)\b|\byou'?ll (?:regret|pay for) (?:this|it)\b"
     r"|\bbetter watch out\b|\bi know where you live\b|\bsleep with one eye open\b"
     r"|\bsee how (?:he|she|they) likes? it\b", 0.8, "a threat"),
    (r"\b(?:knock|punch|kick|smash|bash)\w* (?:the )?(?:\w+'s |his |her |their |your )?"
     r"(?:teeth|lights) (?:out|in)\b|\bbeat (?:the )?(?:crap|hell|snot|shit) out of\b", 0.85,
     "a threat of violence"),
    (r"\b(?:screw|f\W?u\W?c\W?k|fuck|f\*+k|eff|frick) (?:you|u|off|yourself|yourselves)\b"
     r"|\bgo (?:screw|f\W?u\W?c\W?k|fuck|f\*+k?|f\*+) (?:himself|herself|themselves)\b"
     r"|\bf\W{0,3}o\W?f\W?f\b|\bgo to hell\b|\bgo (?:crawl|jump) (?:back )?(?:under|in|off)\b",
     0.8, "abuse aimed at a person"),
    (r"\b(?:break|snap|smash|bash|punch|kick|slit|cut|stab|bust)\w*"
     r" (?:his|her|their|your|that \w+'s)"
     r" (?:legs?|arms?|necks?|face|jaw|nose|teeth|head|throat|kneecaps|skull)\b", 0.85,
     "a threat of violence"),
    (r"\b(?:just|go|and) die\b|\bdie (?:off )?already\b|\bdeserves? (?:a )?(?:beating|slap|punch"
     r"|kicking|bullet|to (?:be |get )?(?:beaten|hurt|punched|shot|slapped|kicked))\b", 0.85,
     _WISHED_HARM),
    (r"\b(?:councill?or|mayor|treasurer|clerk|director|manager|chief|staff|he|she|they)\b"
     r"[^.!?]{0,25}\b(?:has been|have been|is|are|was|were|keeps?|been) (?:\w+ )?(?:cooking the"
     r" books|fudging the (?:books|numbers)|rigging|stealing"
     r"|embezzling|skimming|defrauding|laundering|taking bribes|pocketing|on the take"
     r"|lining (?:his|her|their) pockets|bribing|paid off by"
     r"|paying off(?! (?:his|her|their|the|a|its|all|that) (?:\w+ )?(?:loans?|debts?|mortgages?"
     r"|cars?|bills?|balance|cards?|house|tab)))\b"
     # nepotism said of one person: "she's got family members on the payroll"
     r"|\b(?:he|she|they|councill?or \w+|mayor \w+)(?:'s| has| have|'ve)(?: got)? (?:family"
     r"(?: members)?|relatives|(?:his|her|their) (?:wife|husband|sons?|daughters?|brothers?"
     r"|sisters?|cousins?|buddies|friends)) on the (?:city |town )?payroll\b", 0.8,
     "an accusation of a crime"),
    (r"\b(?:should|ought to|deserves? to|needs? to|must) (?:all )?be (?:shot|killed|hanged|hung"
     r"|beaten|burned|burnt|drowned|executed|punched|gassed|exterminated|eradicated|lynched"
     r"|strung up|put down|wiped out|raped|tortured|dragged out|run out of town"
     r"|tarred and feathered)\b", 0.9, _WISHED_HARM),
    (r"\b(?:should|ought to|deserves? to|needs? to|must|can) (?:all |just )?(?:die|rot|burn"
     r"|suffer|choke|drown)\b(?=\s*(?:[.!?,]|$|in\b|slowly|alive|to death))", 0.9, _WISHED_HARM),
    (r"\bhope (?:he|she|they|you|the whole|the|all|every|that|(?:your|his|her|their) \w+)\b"
     r"[^.!?]{0,30}\b(?:chokes?|dies?"
     r"|gets? (?:hit|hurt|cancer|run over)|burns?|rots?|drowns?|suffers?|croaks?)\b", 0.85,
     "wishes harm on a person"),
    (r"\b(?:i'?ll|i will|i'?m (?:going to|gonna)|i am (?:going to|gonna)|we'?ll|we will"
     r"|we are going to|we'?re going to|gonna|i'?d like to|i want to|i wanna|i'?m coming to"
     r"|someone should|somebody should|if only someone would)\s+(?:\w+ ){0,2}(?:kill|hurt|shoot"
     r"|stab|beat|punch|slap|strangle|murder|snap|cut|torture|hang|burn|smash|end|rape"
     r"|slaughter|choke|(?:knife|shank)(?=\W{1,3}(?:you|u|ya|him|her|them)\b))\b(?! for\b)"
     # "my boss is gonna kill me": someone else's anger the poster expects, no threat
     r"(?! (?:me|us|myself|ourselves)\b)", 0.85,
     "a threat of violence"),
    (r"\b(?:kill|shoot|hang|murder|execute|exterminate|gas|eradicate|wipe out|get rid of"
     r"|deport|round up)\b (?:all|every|these|those|the|them)\b"
     r"(?! (?:an?|over|back) )"  # "shoot them an email", "shoot them over a note"
     r"[^.!?]{0,25}?" + _PEOPLE + r"\b",
     0.85, "calls for violence against people"),
    (r"\bcamel ?f\W*u?\W*c?\W*kers?\b", 0.9, "a slur"),
    (r"\bdeath to\b|\bkys\b|\bkill yourself\b|\bgo die\b|\bdrop dead\b|\bat my hands\b"
     # spelled out letter by letter: "k.i.l.l y.o.u.r.s.e.l.f", "k-y-s"
     r"|\bk[.\-_*]i[.\-_*]l[.\-_*]l[.\-_* ]{1,3}y[.\-_*]o[.\-_*]u[.\-_*]r[.\-_*]s[.\-_*]e[.\-_*]l"
     r"[.\-_*]f\b|\bk[.\-_*]y[.\-_*]s\b"
     r"|\bdie a (?:horrible|slow|painful) death\b|\bthroats? (?:cut|slit)\b"
     r"|\bmake (?:you|him|her|them|those \w+(?: \w+)?) suffer\b"
     # a weapon brought, a fight offered: "I'LL BRING MY SHOTGUN", "catch me at the plaza if
     # u disagree", "catch these hands"
     r"|\b(?:i'?ll|i will|imma|i'?m gonna|i'?m going to|we'?ll) bring (?:my|a|the|our)"
     r" (?:shotgun|gun|rifle|baseball bat|bat|machete|knife|axe|crowbar|piece)\b"
     r"|\bcatch (?:these|my) hands\b|\bcatch me (?:at|outside|behind|by) [^.!?]{0,30}\bif"
     r" (?:u|you) (?:disagree|want|got a problem)", 0.9, "a threat"),
    # keying or slashing a person's car, not the plows or "every bylaw car" (vandalism of the
    # City's things: illegal, no attack on anyone)
    (r"\bsomeone (?:should|needs to|ought to) (?:punch|hit|hurt|beat|deal with)\b"
     r"|\bsomeone (?:should|needs to|ought to) (?:key|slash)\b(?= (?:him|her|them)\b"
     r"| (?:\w+ ){0,3}?(?:his|her|their|\w+'s)\b)",
     0.8, "incites harm to a person"),
    (r"\b(?:i|we|a few of us|some of us) know where\b[^.!?]{0,60}\b(?:lives?|parks?|works?"
     r"|sleeps?|go(?:es)? to school"
     r"|walks?)\b" + NOT_SAID_OF_A_FRIEND + r"|\bpay (?:him|her|them) a visit\b"
     r"|\b(?:on|at|outside) (?:his|her|their) (?:lawn|house|home|door) at \d", 0.85,
     "threatens a person at home"),
    (r"\bgo (?:tell|show|teach|visit|confront) (?:him|her|them)\b"
     # (not "by-law should go knock on her door": the authority sent, not residents)
     r"|\b(?:(?<!should )go|maybe|just|let'?s|(?:we|someone|somebody|y'?all) should(?: go)?)"
     r" knock on (?:his|her|their) door\b",
     0.7,
     "incites others to confront a person"),
    (r"\b(?:egg|tp|toilet paper|vandali[sz]e|trash|key|spray paint|go to|show up at|protest at"
     r"|slash|smash|burn|torch|rip down)"
     r" [^.!?]{0,30}?(?:'s|\bhis|\bher|\btheir) (?:house|home|place|car|truck|lawn|driveway|tires"
     r"|windows?|mailbox)\b",
     0.8, "incites harassment of a person at home"),
    # hate speech
    (r"\bgo back (?:to )?where (?:you|they) came from\b|\bsend (?:them|'?em) (?:all )?back\b"
     r"|\bgo back to (?:your|their) (?:own )?country\b|\bdon'?t belong (?:here|in canada)\b"
     # "people who actually belong here", "all these newcomers who can't even speak English"
     r"|\b(?:people|folks|canadians|residents) who (?:actually|really|truly) belong here\b"
     r"|\b(?:all )?(?:these|those) (?:newcomers|immigrants|refugees|foreigners|migrants)"
     r" (?:who|that) can'?t (?:even )?speak (?:english|proper english)\b",
     0.9, "hate speech"),
    (r"\bi (?:hate|despise|loathe|detest|can'?t stand|cannot stand)\b (?:all |those |these )?"
     + _PEOPLE + r"\b(?! (?:who|that) (?:don'?t|do not|leave|park|let|litter|speed))",
     0.7, "hate aimed at people"),
    (r"\b(?:lives?|life) (?:aren'?t|are not|isn'?t|is not|ain'?t) worth\b|\b(?:lives|life)"
     r" (?:have|has) no value\b|\bno right to (?:live|exist|be alive)\b|\bnot worthy of"
     r" (?:living|life)\b|\bbelong in a (?:zoo|cage)\b", 0.85, "dehumanising hate speech"),
    # defamation: accusing a person of a crime or misconduct
    (r"\b(?:takes?|took|taking|accepts?|accepting|pockets?|pocketing|gets?|getting)"
     r" (?:bribes|kickbacks|envelopes? (?:of|full of) cash|payoffs|backhanders|cash"
     r" (?:from|under))\b|\bon the take\b"
     # "has been on the developer's payroll for years"
     r"|\bon (?:the|a|his|her|their) (?:\w+(?:'s|s')? )?(?:developers?|builders?|contractors?"
     r"|developers'|mob'?s?|casino'?s?|lobby(?:ist)?s?'?)(?:'s)? payroll\b"
     r"|\b(?:he|she|they)\b(?: \w+){0,6}? (?:should|ought to|needs? to) be (?:in jail|locked up"
     r"|behind bars|in prison)\b|\bbelongs? (?:in jail|in prison|behind bars)\b", 0.85,
     "an accusation of a crime"),
    (r"\bstares? at (?:teen|young|little|underage)? ?(?:girls|boys|kids|children)\b", 0.8,
     "a defamatory accusation"),
    # dismissing the person instead of the idea
    (r"\bget a (?:real )?(?:life|job|hobby)\b(?!-)|\bnobody (?:wants|asked for|cares about)"
     r" (?:your|ur) (?:\w+ )?(?:opinions?|kind|input|comments?|thoughts|two cents|takes?|rants?"
     r"|whining|story|stories|life|nonsense|excuses|posts?|type|face|drama|attitude|advice"
     r"|fun facts?)\b"
     # (not "nobody asked for" a thing, "nobody asked us" residents, nor "nobody asked." alone,
     # a dismissal of the topic)
     r"|\bnobody asked\b(?! for\b| us\b)(?!(?<=^nobody asked)[\W_]*$)"
     r"|\bshut (?:the \S+ )?up\b|\bstfu\b|\bgo away\b|\bwho asked you\b"
     r"|\bcry (?:more|harder|about it)\b(?=[ ,!.]*(?:nerd|loser|lol|lmao|baby|snowflake|boomer"
     r"|karen|buddy|pal|some of us|\W*$))"
     # "take your meds, grandpa", "touch grass", "don't you have a hobby"
     r"|\btake your meds\b(?! (?:with|before|after|on time|as))|\btouch (?:some )?grass\b"
     r"|\bcope (?:harder|and seethe)\b"
     r"|\bdon'?t you have (?:a hobby|a life|anything better to do)\b",
     0.75, "a personal attack on another commenter"),
)
# Matched against folded (lowercase) text, so no IGNORECASE: it costs time.
_COMPILED = tuple(
    (Prefiltered(re.compile(at_words(p))), conf, why) for p, conf, why in _PATTERNS
)
# The capitalised-name pattern reads the original text (it must not ignore case).
_NAME_PATTERN_INDEX = next(
    i for i, (pattern, _, _) in enumerate(_PATTERNS) if "(?:[Cc]ouncill?or" in pattern
)
_PATTERN_SET = PatternSet([pattern for pattern, _, _ in _COMPILED])
# The "f off" shape ("f.o.f.f") holds no literal string a prefilter can name, so its pattern
# was read in every post. The pattern's other shapes have such strings, and this shape read
# from its first letter (which the engine finds by a fast scan) says whether it is there:
# together they tell when the pattern cannot match (same matches when it can).
_F_OFF_SHAPE = r"|\bf\W{0,3}o\W?f\W?f\b"
_ABUSE_INDEX = next(i for i, (p, _, _) in enumerate(_PATTERNS) if _F_OFF_SHAPE in p)
_ABUSE_OTHER_SHAPES = Prefiltered(
    re.compile(at_words(_PATTERNS[_ABUSE_INDEX][0].replace(_F_OFF_SHAPE, "")))
)
_F_OFF = re.compile(r"f(?<![a-z0-9]f)\W{0,3}o\W?f\W?f\b")  # at_words' look-behind, after the f
# Its prefilter reads the folded text, as the others' do (one automaton pass a post).
_NAME_PREFILTER = CaseFoldPrefiltered(_COMPILED[_NAME_PATTERN_INDEX][0].pattern)
_CLOWNED = CaseFoldPrefiltered(
    re.compile(r"(?:[A-Z][a-z]+|\b(?:he|she|you|they|council\w*|mayor)\b)[^.!?]{0,12}🤡")
)
# Counter-speech and quotation: "calling people X is not okay", 'messages like "..."'.
_COUNTER = Prefiltered(re.compile(
    word_alternation(
        (
            r"(?:not okay|not ok|unacceptable|stop) (?:to )?(?:be )?call(?:ing)?\b",
            r"messages? like\b", r"stuff like\b", r"say(?:ing)? (?:things|stuff) like\b",
            r"call(?:ing)? (?:people|them|us)\b", r"how hateful\b", r"call for the death\b",
            r"okay to call\b", r"call me an? \b", r"can'?t seriously believe\b",
            r"says a lot about\b", r"threatening to\b",
        )
    )
))
# French: "ne sont pas des imbéciles", "c'est jamais un idiot" (not "pas mal idiot": quite)
_FRENCH_DENIAL = r"pas(?! mal\b)|jamais"
_NEGATED = re.compile(
    r"\b(?:not|never|no|\w+n't|(?:do|did|does|is|are|was|were|would|could|should|wo|ca|has|have"
    rf"|had)nt|{_FRENCH_DENIAL})\s+(?:\w+\s+){{0,2}}$"
)
# The same in French alone, for lists read in any language ("no" is "he" in Twi).
DENIED_IN_FRENCH = re.compile(rf"\b(?:{_FRENCH_DENIAL})\s+(?:\w+\s+){{0,2}}$")
# Ordinary uses of words that are insults elsewhere.
_INNOCENT = Prefiltered(re.compile(
    word_alternation(
        (
            r"(?:garbage|trash) (?:collection|pickup|pick-up|bags?|cans?|day|bins?|tags?|schedule"
            r"|posts?|trucks?|service)",
            r"(?:collect|pick up|put out|bag|dump|toss)\w* (?:the |your )?(?:garbage|trash)",
            r"(?:weekly|bi-?weekly|every other week|monthly) (?:garbage|trash)",
            # a car's transmission; an embankment
            r"tranny (?:mount|fluid|shop|rebuild|repair|flush|cooler|lines?|issues?|problems?"
            r"|went|died|slipping|is slipping)",
            # British faggots (meatballs) with their peas
            r"faggots? (?:and|&|with|in) (?:peas|mushy peas|gravy|mash|onion gravy)",
            r"(?:sea|flood|river|marsh) dykes?|dykes? (?:along|wall|road|path|erosion|breach"
            r"|is eroding|was built|protects?)",
            r"(?:a|the) plague of\b", r"clown (?:show|car|world|town|college)",
            r"puppet (?:show|theatre|theater)",
            r"(?:rats?|pigs?|snakes?|animals?|vermin) (?:in|around|near|under|got|are getting"
            r"|everywhere)",
            r"(?:wild|farm|stray) animals", r"(?:raccoons?|dogs?|cats?|pets?) (?:and|or) (?:rats?"
            r"|animals?)",
            r"fool(?:s)? (?:around|me)",
            r"cancer (?:patients?|survivors?|treatment|society|centre|center|research|screening)",
            r"bitch(?:es)? in (?:heat|season)", r"female (?:dogs?|canines?)",
            r"witch(?:es)? (?:hat|costume|craft|hunt)",
            # slang praise: "those librarians are dope", not "you dope"
            r"(?:is|are|was|were|so|pretty|really|super|looks?|sounds?) dope",
            # Jamaican cooking: "jerk chicken", not "you jerk"
            r"jerk (?:chicken|pork|fish|shrimp|sauce|seasoning|marinade|spice|rub|tofu|wings)",
            # French: "en retard" is late, "un retard" a delay
            r"(?:en|de|du|un|le|les|des|avec|sans|au|aucun|petit|leger|gros|long|tout) retards?",
            r"retards? (?:de|d'|dans|du|des|sur|a|au|aux)\b",
        )
    )
))


def harassment(post: Post) -> list[Finding]:
    text = post.text
    folded = fold(text)
    if _COUNTER.search(folded):
        return []
    innocent = [(m.start(), m.end()) for m in _INNOCENT.finditer(folded)]
    hits = [*_pattern_hits(text, folded), *_word_hits(text, folded, innocent)]
    hits += [(0.8, Span(s, e, text[s:e]), "hate speech against a group")
             for s, e in hate_speech_spans(unleet(folded))]
    hits += [(0.7, Span(m.start(), m.end(), m.group()), "mockery of a person")
             for m in _CLOWNED.finditer(text)]
    hits += _sent_to_a_home(text, folded)
    hits = [hit for hit in hits if not _inside(hit[1], innocent)]
    hits = _without_condemned_quotes(folded, hits)
    if not hits:
        hits = _misspelt_hits(text, folded)
    if not hits:
        return []
    best = max(hits, key=lambda hit: hit[0])
    reason = f"Post contains {best[2]} ('{best[1].text}')"
    evidence = tuple(sorted({span for _, span, _ in hits}, key=lambda s: (s.start, s.end)))
    return [Finding("harassment", best[0], evidence, explain("harassment", reason))]


# Latin-script languages whose ordinary words the English repairs turn into insults.
_REPAIRS_MISREAD = frozenset({"fr", "pt", "es", "it", "tl"})
# Words worth repairing: everything the insult, slur and hate-speech rules read.
_REPAIRABLE = FuzzyIndex(INSULTS.forms | SLURS.forms | KEY_WORDS | {"hate", "kill", "scum"})


def _misspelt_hits(text: str, folded: str) -> list[tuple[float, Span, str]]:
    """The rules again on the post with spelling tricks undone ("Ihate", "h a t e", "haet");
    the repaired text has other offsets, so the evidence is the whole post."""
    repaired = repair(folded, _REPAIRABLE)
    if repaired is None or _COUNTER.search(repaired):
        return []
    if language_of(text) in _REPAIRS_MISREAD:
        return []  # "moro" (pt), "fagots" (fr): their words, not misspelt English ones
    innocent = [(m.start(), m.end()) for m in _INNOCENT.finditer(repaired)]
    found = [*_pattern_hits(repaired, repaired), *_word_hits(repaired, repaired, innocent)]
    found += [(0.8, Span(s, e, ""), "hate speech against a group")
              for s, e in hate_speech_spans(repaired)]
    found = [hit for hit in found if not _inside(hit[1], innocent)]
    found = _without_condemned_quotes(repaired, found)
    if not found:
        return []
    best = max(found, key=lambda hit: hit[0])
    whole = Span(0, len(text), text)
    return [(best[0] - 0.05, whole, f"{best[2]}, misspelt")]


# Double quotes, curly quotes, or single quotes that open at a word's start and close at a
# word's end ("called him a 'r*tard'"; not the apostrophes of "don't" or "it's").
_QUOTED = Prefiltered(re.compile(
    r"\"[^\"]+\"|“[^”]+”|‘[^’]+’|«[^»]+»|(?<![a-z])'[^'\n]{2,60}'(?![a-z])"))
_ABOUT_SPEECH = re.compile(
    r"\b(?:say|says|said|saying|write|wrote|writing|written|statements?|things like|stuff like"
    r"|messages? like|hate like|calling|called|wishing|threats? like|tweets?|posts? like"
    r"|comments? like|bigot(?:ed)?|hateful|dehumani[sz]ing|hurtful|yelled|shouted|scrawled|told"
    r"|spray-?painted"
    # French, folded: "il a crié « ... »", "elle m'a traitée de « ... »"
    r"|a crie|criait|a hurle|hurlait|a dit|disait|a ecrit|ecrivait|a traitee?|traitait"
    r"|ecrire|je cite|haineux|haineuse)\b",
    re.IGNORECASE,
)


def reports_quoted_abuse(folded: str) -> bool:
    """Whether the post quotes words and says they were said ('he told her to "go home"'):
    what the words of a quote alone cannot tell a model."""
    return _QUOTED.search(folded) is not None and _ABOUT_SPEECH.search(
        _QUOTED.pattern.sub(" ", folded)) is not None


def _without_condemned_quotes(
    folded: str, hits: list[tuple[float, Span, str]]
) -> list[tuple[float, Span, str]]:
    """Abuse quoted in order to condemn it ('statements like "..." are hurtful') is dropped."""
    if not hits:
        return hits  # nothing to drop (most posts): the quotes need no reading
    return [hit for hit in hits if not in_reported_quote(folded, hit[1].start)]


@lru_cache(maxsize=64)
def reported_quotes(folded: str) -> tuple[tuple[int, int], ...]:
    """Where the post quotes words it says someone said ('he yelled "..." at her'), or none.
    Cached: harassment, vulgarity and each other-language finding ask it of the same post."""
    quoted = tuple((m.start(), m.end()) for m in _QUOTED.finditer(folded))
    if not quoted:
        return ()
    outside = _QUOTED.pattern.sub(" ", folded)
    if _ABOUT_SPEECH.search(outside) or _told_in_another_language(outside):
        return quoted
    return ()


def _told_in_another_language(outside: str) -> bool:
    """The post around the quotes is in neither English nor French: words quoted in them
    are someone else's, reported ('Un hombre le gritó a mi hijo "go back to Mexico"')."""
    return len(outside.split()) >= 4 and language_of(outside) not in ("en", "fr")


def in_reported_quote(folded: str, start: int) -> bool:
    """Whether `start` stands inside words the post says someone else said."""
    return any(a <= start < b for a, b in reported_quotes(folded))


_GO_CONFRONT = Prefiltered(re.compile(
    # (seeing a thing is no confronting: "go see it, they won't mind")
    r"\bgo (?:\w+ ){0,2}(?:complain|tell|yell|confront|visit|see(?! (?:it|this|that|the)\b)"
    r"|talk|knock|show|give|deal|ask)\b"
    r"|\bpay (?:him|her|them) a visit\b|\bshow up (?:at|on)\b|\bgo over there\b"
    r"|\bmake sure (?:he|she|they) (?:understands?|gets? the message|knows? how we feel)"
    r"|\btell (?:him|her|them) (?:what|how|he'?s|she'?s|they'?re|his|her|their)\b"
))
_AUTHORITY_BEFORE = re.compile(
    r"\b(?:by-?law|police|cops|the city|city staff|animal services|officers?|inspectors?)\b"
    r"[^.!?]{0,25}$"
)


def _sent_to_a_home(text: str, folded: str) -> list[tuple[float, Span, str]]:
    """A private address and others told to go there: harassment at a person's home."""
    confront = _GO_CONFRONT.search(folded)
    if confront is None or not any(contacts.street_addresses(text)):
        return []
    if _AUTHORITY_BEFORE.search(folded[max(0, confront.start() - 40) : confront.start()]):
        return []  # "Bylaw should go knock on her door" asks the City to enforce
    span = Span(confront.start(), confront.end(), text[confront.start() : confront.end()])
    return [(0.8, span, "incitement to confront a person at home")]


def _pattern_hits(text: str, folded: str) -> list[tuple[float, Span, str]]:
    hits = []
    for index in _candidates(text, folded):
        pattern, confidence, why = _COMPILED[index]
        source = text if index == _NAME_PATTERN_INDEX else folded
        # A candidate's literal strings are in the post: its prefilter would only ask again.
        for match in pattern.pattern.finditer(source):
            if _NEGATED.search(folded[max(0, match.start() - 30) : match.start()]):
                continue
            if why == _WISHED_HARM and not _about_people(text, folded, match.start()):
                continue
            if folded.startswith("they", match.start()) and not _about_people(
                text, folded, match.start()
            ):
                continue  # "they're useless half the year" of bike lanes is not an attack
            start, end = _trimmed(folded, match.start(), match.end())
            hits.append((confidence, Span(start, end, text[start:end]), why))
    return hits


def _candidates(text: str, folded: str) -> list[int]:
    """The patterns that can match: the name pattern reads the text as written."""
    found = [i for i in _PATTERN_SET.candidates(folded) if i != _NAME_PATTERN_INDEX
             and (i != _ABUSE_INDEX or _abuse_may_match(folded))]
    if _NAME_PREFILTER.may_match(text):
        found = sorted([*found, _NAME_PATTERN_INDEX])
    return found


def _abuse_may_match(folded: str) -> bool:
    return _ABUSE_OTHER_SHAPES.may_match(folded) or _F_OFF.search(folded) is not None


# ...or people called names ("these clowns at city hall should be strung up")
_PERSONISH = re.compile(
    rf"\b{_PEOPLE}\b|\bwho(?:ever)?\b|\b(?:clowns?|idiots?|morons?|fools?|crooks?|thieves"
    r"|losers?|jerks?|scumbags?|traitors?|city hall)\b")
_CLAUSE_START = re.compile(r"[.!?;\n][^.!?;\n]*$")


def _about_people(text: str, folded: str, start: int) -> bool:
    """Is the clause before `start` about people (a person word, a group, or a name)?"""
    window = max(0, start - 80)
    clause = folded[window:start]
    cut = _CLAUSE_START.search(clause)
    offset = window + (cut.start() + 1 if cut else 0)
    clause = folded[offset:start]
    if _PERSONISH.search(clause) or hate_group_named(clause):
        return True
    original = text[offset:start].split()
    return any(word[:1].isupper() and word[1:].islower() for word in original[1:])


def _word_hits(
    text: str, folded: str, innocent: list[tuple[int, int]]
) -> list[tuple[float, Span, str]]:
    hits = []
    for hit in SLURS.find(text):
        if _innocent_in_language(text, hit.start, hit.end):
            continue  # "mieux vaut tard que jamais": a French word, not the slur
        if hit.form.startswith("coon") and text[hit.start - 1 : hit.start] in ("'", "’"):
            continue  # "'coons" in the green bin: raccoons
        hits.append((0.9, Span(hit.start, hit.end, text[hit.start : hit.end]), "a slur"))
    for hit in INSULTS.find(text):
        span = Span(hit.start, hit.end, text[hit.start : hit.end])
        if _innocent_in_language(text, hit.start, hit.end):
            continue  # "Moro na Rosebank": Portuguese for "I live", not an insult
        if _NEGATED.search(folded[max(0, hit.start - 30) : hit.start]):
            continue
        if _IDEA_BEFORE_FR.search(folded[max(0, hit.start - 50) : hit.start]):
            continue  # "ce règlement est complètement idiot": the idea, not a person
        if hit.form in _AMBIGUOUS_NOUNS and not (
            said_of_people(folded, hit.start)
            or (hit.form not in _ANIMALS
                and _INSULTING_BEFORE.search(folded[max(0, hit.start - 40) : hit.start]))
        ):
            continue
        if hit.form in _PERSON_ONLY_NOUNS and not _said_to_person(text, folded, hit.start):
            continue
        if _A_TITLE_BEFORE.search(text[max(0, hit.start - 20) : hit.start]) and \
                text[hit.start : hit.start + 1].isupper():
            continue  # "Councillor Hicks", "Mr. Crook": a name after a title
        if _SELF.search(folded[max(0, hit.start - 40) : hit.start]) or _SELF_AFTER.match(
            folded, hit.end
        ):
            continue  # "I was a prick back then": owning up, not attacking anyone
        if not hit.form.endswith("s") and _A_STRANGER.search(folded[max(0, hit.start - 30) :
                                                                     hit.start]):
            continue  # "some a-hole took my son's skates": nobody anyone could name
        hits.append((0.75, span, "an insult"))
    return hits


# A title before a capitalised word: the word is a name ("Councillor Hicks asked...").
_A_TITLE_BEFORE = re.compile(
    r"\b(?:Councill?or|Coun\.|Cllr\.?|Mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Chief|Trustee|Reeve)\s+$")


# One unnamed stranger in a story ("some drunk a$$hole knocked over the stroller"): the writers
# call it vulgar when it is, never an attack on a person (5 posts in 6; the sixth threatens).
_A_STRANGER = re.compile(r"\bsome (?:\w+ )?$")


# A French adjective said of a decision: "ce règlement est complètement idiot".
_IDEA_BEFORE_FR = re.compile(
    r"(?:reglement|projet|plan|idee|decision|regle|politique|systeme|debat|choix|vote|sondage"
    r"|horaire|changement)s? (?:est|sont|etait|etaient) (?:completement |vraiment |tellement "
    r"|totalement |juste |carrement )?$"
    # ...or the adjective right after the idea: "sujet débile", "projet idiot"
    r"|(?:sujet|projet|plan|idee|reglement|debat|video|programme|sondage)s? $"
)


# Listed words that are ordinary words in another language, by the language (detected by
# bot.moderation.languages, not guessed) in which they are innocent.
_INNOCENT_IN: dict[str, frozenset[str]] = {
    word: frozenset(languages) for word, languages in {
        "tard": ("fr",), "tards": ("fr",), "fagot": ("fr",), "fagots": ("fr",), "moro": ("pt",),
        # French: a shower ("les douches de la piscine", "se doucher"), psychosis
        "douche": ("fr",), "douches": ("fr",), "doucher": ("fr",), "psychose": ("fr",),
        # Tagalog "paki-" (please: "Paki-check naman"); Vietnamese "mồng" (the first days of a
        # month), "mộng", "móng", "mỏng" and the H'Mông; Polish and Czech "brat" (brother);
        # Italian "bimbo" (child); Romanian "negre" (black, of things)
        "paki": ("tl",), "mong": ("vi",), "brat": ("pl", "cs", "sk", "ro"),
        "bimbo": ("it",), "negre": ("ro",),
    }.items()}


def _innocent_in_language(text: str, start: int, end: int) -> bool:
    word = fold(text[start:end]).split("-")[0].split("'")[-1]  # "Paki-check", "H'Mông"
    return word in _INNOCENT_IN and language_of(text) in _INNOCENT_IN[word]


_SAID_OF = re.compile(
    rf"\b{_PEOPLE} {_COPULA} {_FILLER}(?:[a-z-]+ )?$"
    rf"|\b(?:you|ya|u|ur)(?:'re| are| r)? (?:[a-z-]+ ){{0,3}}$|\b(?:such|what) an? (?:[a-z-]+ )?$"
    rf"|\blike you(?:r)? $|\bwhoever\b[^.!?]{{0,40}}\b(?:is|was) (?:a|an) (?:[a-z-]+ ){{0,2}}$"
    r"|\b(?:is|'s) (?:a|an|such a) (?:[a-z*#@$!.-]+ ){0,2}$|\bbunch of (?:[a-z-]+ ){0,2}$"
    r"|\b(?:is|'s|was) the (?:[a-z]+est|worst|biggest) (?:[a-z*#@$!.-]+ )?$"
    r"|(?:^|[.!?]\s*|\b(?:is|are|was|were|'re|'s|be) |\ban? )(?:an? )?(?:absolute|total|complete"
    r"|utter|bloody|pure|f\w*ing)(?: [a-z-]+)? $"
    r"|\b(?:were|are|is|was|'re|'s) (?:such |a bunch of |just |all )?" + _INSULTING + r" $",
)


_SELF = re.compile(
    r"\b(?:i'?m|im|i am|i was|i can be|i felt like|i feel like|am i|my own|myself|for being"
    r"|i'?m being|was being|we'?ll try"
    r"|nobody needs to be|i'?d be)\b(?:(?!\byou\b)[^.!?])*$"
)
_SELF_AFTER = re.compile(r"\s+(?:move of me|self\b)")

_SAID_TO = re.compile(
    rf"(?:\b(?:you|ya|u|ur|he|she|they)(?:'re|'s| are| is| r)? |\b{_PEOPLE} {_COPULA} )"
    rf"{_FILLER}(?:[a-z-]+ )?$|\bwhoever\b[^.!?]{{0,40}}\b(?:is|was) (?:a|an) (?:[a-z-]+ ){{0,2}}$"
)
# Not a road or a place named after a preposition ("Detour via Brock is a joke").
_NAMED_IS = re.compile(
    r"(?<!\bvia )(?<!\bon )(?<!\bat )(?<!\bdown )(?<!\balong )(?<!\bto )(?<!\bfrom )"
    r"(?<!\bof )(?<!\bin )(?P<name>[A-Z][a-z]+) (?:is|was) (?:a|an|such a|the) (?:[a-z-]+ )?$")
# A sentence's first word is capitalised whatever it is: "This is a joke", "Enforcement is a
# joke", "Parking is a joke" name no one ("Gary is a joke" does).
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\W*$")
_NOT_A_NAME = frozenset({
    "this", "that", "it", "everything", "nothing", "which", "what", "there", "here", "life",
    "today", "tonight", "council", "transit", "parking", "enforcement", "bylaw", "budget",
})  # fmt: skip
_NOUN_ENDING = re.compile(r"(?:ment|tion|sion|ness|ity|ing|ism|ance|ence|ship|age|ure)$")


def _said_to_person(text: str, folded: str, start: int) -> bool:
    before = folded[max(0, start - 60) : start]
    if _SAID_TO.search(before):
        return True
    window = text[max(0, start - 60) : start]
    named = _NAMED_IS.search(window)
    return named is not None and not _only_a_sentence_start(window, named)


def _only_a_sentence_start(window: str, named: re.Match[str]) -> bool:
    word = named.group("name").lower()
    return _SENTENCE_START.search(window[: named.start()]) is not None and (
        word in _NOT_A_NAME or _NOUN_ENDING.search(word) is not None)


# "you're a real ...", "the bylaw guy is a ...", "that councillor is such a ...": a person or
# people are the subject, not a plan ("this plan is a piece of ...").
_PERSON_IS = re.compile(
    rf"(?:\b(?:you|u|ya|he|she|they|him|her)(?:'re| are| r|'s| is| was)?"
    rf"|\b{_PEOPLE}(?: (?!(?:is|are|was|were)\b)[a-z]+){{0,3}} {_COPULA})"
    r" (?:(?:a|an|such a|such|real|total|complete|absolute|utter|fucking|worthless|lying"
    r"|useless|little|big|lazy|fat|stupid) )*$"
)


def person_said_to_be(folded: str, start: int) -> bool:
    """The words starting at `start` are said of a person or people as their subject."""
    return _PERSON_IS.search(folded[max(0, start - 60) : start]) is not None


def said_of_people(folded: str, start: int) -> bool:
    """The word starting at `start` is said of a person or people ("is a total ...", "you
    are ...", "a bunch of ...")."""
    before = folded[max(0, start - 60) : start]
    return _SAID_OF.search(before) is not None


def _inside(span: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= span.start < e for s, e in ranges)


def _trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not folded[start].isalnum():
        start += 1
    return start, end
