"""Illegal activities: promoting illegal activities, or content likely to result in serious
harm to a person (Appendix 1, Terms of Use 04.03).

Promotion is the point: telling people to do it, offering it, or showing how to get away
with it. Reporting vandalism or dumping ("someone's been dumping... reported it") is not.
"""

from __future__ import annotations

import re

from bot.moderation.guidelines import NOT_SAID_OF_A_FRIEND, explain
from bot.moderation.model import Finding, Post, Span
from bot.moderation.text import PatternSet, Prefiltered, at_words, fold

# Words that turn an act into advice or an invitation: the act must follow one of these
# (checked on the text before the act, so the patterns below can start with the act).
_URGE_BEFORE = re.compile(
    r"(?:^|[.!?;:,\n]\s*|\bjust |\bsimply |\byou (?:can|could|should) |\bwe (?:should|could) "
    r"|\blet'?s (?:all )?(?:go )?|\bsome(?:one|body) (?:should|needs to|ought to) (?:go )?"
    r"|\bwho wants to (?:go )?|\bgo |\beveryone (?:should )?(?:go )?|\by'?all (?:should )?"
    r"|\bi say we |\bwhy not |\bwe need to |\bhow about we |\bif \w+ [^.]{0,40}?, "
    r"|\band (?:then )?|\bor )$"
)
_EVASION = "advice on getting away with it"
# "off the back of a truck" said of a deal, not of a box that fell off one on Bayly
_BACK_OF_A_TRUCK = r"\boff the back of a (?:\w+ )?truck\b"
_DEAL = (r"(?:\bcheap\b|\bcash\b|\$ ?\d|\bdm\b|\bhook (?:you|u) up\b|\bgot (?:a|some)\b"
         r"|if (?:you|u) know what i mean)")
# "no licence needed" beside an offer ("cash only", "$15", "DM me", "we deliver", "list it")
_NO_LICENCE = r"\b(?:no (?:\w+ )?licen[cs]e (?:needed|required|necessary)|without a licen[cs]e)\b"
_OFFER = (r"(?:\bcash\b|\$ ?\d|\$\$|\bdm\b|\bselling\b|\bsells?\b|\bdeliver|\bpick ?up\b"
          r"|\bhmu\b|\bhit me up\b|\btext me\b|\blist\b|\blisting\b|\brides?\b)")
_URGE = "(?<![a-z0-9])(?P<urge>)"  # marks a pattern whose act must follow advice or an invitation
_VEHICLE = (r"(?:car|truck|van|suv|vehicle|f-?150|ride|plow|bus|tires?|tesla|camry|civic|corolla"
            r"|bmw|audi|mercedes|lexus|jeep|pickup|minivan|motorcycle)")
_TARGETS = (
    r"(?:barn|shed|garage|walls?|building|washrooms?|windows?|signs?|bus|shelter|statue|bench|fence|camera|park"
    r"|property|playground|station|library|school|sales cent(?:re|er)|office|city hall|car"
    r"|truck|van|suv|vehicle|f-?150|plow|tires?|bridge|railing|houses?|homes?|lawn|door|saplings?"
    r"|trees?|plants?|flowers?|garden|stakes?|cones?|barriers?|barricades?|meter|lights?"
    r"|mailbox(?:es)?|bins?|sprinklers?|trail|construction|site|trailer|flags?|banners?"
    r"|posters?|display|decorations|memorial|posts|bollards?|planters?|delineators?|cameras?"
    r"|lens|speed cameras?)"
)
# An illegal act, told or suggested to others (checked by _URGE_BEFORE / _ADVICE_CLAUSE).
_ACTS: tuple[tuple[str, str], ...] = (
    (r"(?:slash|puncture|flatten|let the air out of)\b[^.!?]{0,25}\btires?\b",
     "encourages damaging a vehicle"),
    (r"(?:spray ?paint|spray|glue|paint|tag|graffiti|deface|vandali[sz]e|smash|wreck|egg|break"
     r"|trash|key|scratch|damage|destroy|knock (?:over|down)|rip (?:out|up|down)"
     r"|pull (?:out|up|down)|uproot|cut down|chop down|throw (?:rocks|stones|eggs) at"
     r"|toilet ?paper|tp (?:the|his|her|their|that|those|every))"
     r"\b[^.!?]{0,40}?\b" + _TARGETS + r"\b", "encourages vandalism of property"),
    (r"(?:tear|rip|pull|knock|cut) (?:the |that |those |these |every |all |her |his |their )?"
     r"(?:\w+ )?" + _TARGETS + r" (?:down|up|out|off)\b", "encourages vandalism of property"),
    (r"(?:dump|toss|throw|chuck|leave|drop|ditch)\b[^.!?]{0,40}\b(?:garbage|trash|bags?|waste"
     r"|junk|mattress(?:es)?|tires|leaves|furniture|couch|appliances?|renovation)\b[^.!?]{0,60}"
     r"\b(?:dumpster|ravine|creek|river|lake|park|behind|bush|woods|field|ditch|side of the road"
     r"|lot|school)\b", "encourages illegal dumping"),
    (r"(?:sneak|slip|hop|jump|climb)\b[^.!?]{0,20}\b(?:in|into|over|through)\b",
     "encourages getting in without paying or trespassing"),
    # (not the names Rob and Nick, nor "swipe your card at the gate")
    (r"(?:(?:steal|loot|shoplift)\b|rob (?:a|the|them|him|her|it|banks?|stores?|houses?|cars?"
     r"|people|tourists)\b|nick (?:it|them|one|some)\b|swipe\b(?! (?:your |the |a |my |his "
     r"|her |their )?(?:cards?|pass(?:es)?|fobs?|badges?|presto|tickets?|left|right|up|down"
     r"|through)\b))", "encourages theft"),
    (r"(?:rip|tear|throw) (?:the|your|that) (?:ticket|fine|notice)|ignore (?:the|your) (?:ticket"
     r"|fine|notice)|(?:don'?t|never|no need to) (?:bother )?pay(?:ing)? (?:your|the|for)\b",
     "encourages evading a fine or payment"),
    (r"(?:rewire|tamper with|bypass|disable|unplug|cover|sabotage|mess with|cut the power to)"
     r" (?:the|your|that|their)\b[^.!?]{0,15}\b(?:meter|camera|alarm|plate|generator|equipment"
     r"|machines?|pump|panel|lights?|excavator|crane)", "encourages tampering or sabotage"),
    (r"(?:hop|jump|climb|cut through|go around|squeeze through) (?:over )?the (?:fence|gate"
     r"|barriers?|barricades?)|ignore (?:the )?(?:closure|closed|road closed|no trespassing"
     r"|keep out|warning) (?:signs?|tape|fence)", "encourages entering a closed area"),
    (r"skip (?:paying|the fee|the fare|the entry)|(?:walk|sneak|slip|get) in (?:through|by|via)"
     r" the (?:side|back|fire|emergency|staff) (?:door|exit|entrance)",
     "encourages getting in without paying"),
    (r"(?:torch|burn|set fire to|firebomb)\b[^.!?]{0,20}\b" + _TARGETS + r"\b|(?:torch|burn)"
     r" (?:the|that|his|her|their) (?:old )?(?:barn|shed|house|garage|building|office)",
     "incites arson"),
    (r"(?:turn on|open|unlock|start|switch on|get into)\b[^.!?]{0,40}?\b(?:with|using) (?:a |some "
     r"|your )?(?:screwdriver|crowbar|pry ?bar|bolt cutters?|hammer|wrench|lock ?pick|paperclip)",
     "encourages tampering with City property"),
    (r"move (?:the |their )?(?:\w+ )?(?:cones|fencing|fences?|barricades?|barriers|signs)\b",
     "encourages moving traffic or site protection"),
    (r"pry (?:the |that |its )?(?:\w+ )?(?:cover|lid|lock|panel|door|box|grate) (?:off|open)",
     "encourages tampering with City property"),
    (r"(?:book|buy|register|sign up|ride)\b[^.!?]{0,30}\bunder (?:your|a|someone|another)\b"
     r"[^.!?]{0,20}\b(?:account|name|card|pass|membership)",
     "encourages using someone else's account"),
    (r"block (?:the |their |all the )?(?:trucks|road|street|traffic|highway|entrance|driveway"
     r"|construction|site|crews?)\b", "encourages obstructing a road or work"),
    (r"skip (?:the|a|your) (?:permit|licen[cs]e|inspection)",
     "encourages skipping a required permit"),
    (r"(?:photocopy|copy|print|forge|fake|duplicate|reuse) (?:the|your|some|extra|old|your own)"
     r" (?:\w+ )?"
     r"(?:tags|tickets|permits|passes|stickers|ids?|receipts)", "encourages counterfeiting"),
    (r"(?:scatter|throw|put|leave|spread|drop) (?:some |a few |a bunch of )?(?:\w+ )?"
     r"(?:nails|tacks|glass"
     r"|screws|oil|thumbtacks)\b", "encourages endangering people"),
    (r"help yourself to\b[^.!?]{0,40}\b(?:in|at|from|behind) the (?:park|site|trail|construction"
     r"|city|yard|depot|lot)", "encourages theft of City property"),
    (r"burn (?:your|the|some|all|any|old|extra|those)\b[^.!?]{0,20}\b(?:garbage|trash|cardboard"
     r"|leaves|waste|brush|tires|plastic|boxes|furniture)\b", "encourages open burning"),
    (r"share (?:one|a|your|the|1) (?:\w+ )?(?:membership|pass|card|account|login|permit)",
     "encourages sharing a personal pass"),
    (r"(?:use|borrow) (?:someone else'?s|a friend'?s|your friend'?s|another) (?:pass|permit|id"
     r"|card|membership)", "encourages using someone else's pass"),
    # safety devices: an alarm without its battery is a fire code offence and a danger
    (r"(?:pull|take|rip|yank|remove|unplug|disconnect|disable|cover|tape over|unscrew)\b"
     r"[^.!?]{0,30}\b(?:batter(?:y|ies)|smoke alarms?|alarms?|detectors?|sprinklers?)\b",
     "encourages disabling a safety device"),
    # hazardous waste where it does not belong
    (r"(?:put|throw|toss|dump|pour|hide|stick|mix|slip|chuck)\b[^.!?]{0,40}\b(?:paint|propane"
     r"|motor oil|oil|chemicals?|batter(?:y|ies)|asbestos|needles|solvents?|antifreeze|gas cans?"
     r"|tanks?)\b[^.!?]{0,40}\b(?:garbage|trash|green bin|blue box|recycling|sewer|drain"
     r"|storm drain|toilet|creek|ditch)\b", "encourages illegal disposal of hazardous waste"),
    # another's utilities or City water
    (r"(?:flip|turn off|shut off|cut|kill|switch off|trip)\b[^.!?]{0,20}\b(?:their|his|her|the"
     r" neighbou?r'?s?|your neighbou?r'?s?)\b[^.!?]{0,20}\b(?:breakers?|power|hydro|water|gas"
     r"|meters?|meter box|electricity|internet|cable)\b", "encourages tampering with utilities"),
    (r"(?:open|crack|turn on|unscrew|tap)\b[^.!?]{0,15}\b(?:fire )?hydrants?\b",
     "encourages tampering with a fire hydrant"),
    (r"(?:chop|cut|saw|take) (?:down )?(?:the |that |their |his |her |a )?(?:\w+ )?(?:boulevard"
     r"|city|street|neighbou?r'?s?) trees?\b", "encourages destroying a tree"),
    (r"(?:park|leave your car|stop) (?:in|at) (?:the |an? )?(?:handicap(?:ped)?|accessible"
     r"|disabled|wheelchair|fire route|fire lane)\b", "encourages illegal parking"),
    (r"(?:tailgate|follow)\b[^.!?]{0,20}\b(?:through|past) the (?:turnstile|gate|door|entrance)",
     "encourages getting in without paying"),
    (r"(?:list|register|rent|put|book)\b[^.!?]{0,50}\bunder (?:your|a|someone|another|his|her"
     r"|their)\b[^.!?]{0,20}\bname", "encourages using a false name"),
    (r"(?:give|show|hand|send|tell)\b[^.!?]{0,30}\bfake\b", "encourages lying with false papers"),
    (r"(?:print|copy|make)\b[^.!?]{0,30}\b(?:on )?your own (?:sticker|tag|permit|pass|ticket"
     r"|label)s?", "encourages counterfeiting"),
    (r"(?:bring|get|grab|pick up)\b[^.!?]{0,15}\bspray ?(?:paint|cans?)\b",
     "encourages graffiti"),
    (r"(?:throw|chuck|toss|fling|pelt|launch|shoot|lob)\b[^.!?]{0,20}\b(?:snowballs|rocks|stones"
     r"|eggs|bottles|ice|water balloons|bricks|things|stuff|fireworks)\b[^.!?]{0,10}\bat"
     r" (?:the )?(?:\w+ )?(?:floats|cars|drivers|buses|people|kids|crowd|horses|cops|police"
     r"|trucks|vehicles|windows|riders|cyclists|marchers|performers)\b",
     "encourages endangering people"),
    (r"ignore (?:the |that |this |all the )?(?:by-?law|bylaws|rules?|law|ban|fire ban|permit"
     r"|licen[cs]e|cap|closure)\b", "advice to break a rule"),
    (r"(?:dump|toss|throw|chuck|ditch|tip|drop) (?:it|them|everything|the lot|the tree|the \w+)"
     r" (?:in|into|off|down) (?:the|a) (?:\w+ )?(?:creek|ravine|river|lake|bay|pond|woods|bush"
     r"|ditch|marsh|ravine)\b", "encourages illegal dumping"),
    (r"(?:hop|jump|climb|scale)(?: over)? (?:it|the gate|the fence|the wall|the barrier"
     r"|the railing|the turnstile)\b", "encourages trespassing"),
    (r"(?:swap|switch|trade|borrow|remove|take off|cover|bend|hide) (?:your |the |their |his"
     r" |her )?(?:licen[cs]e )?plates?\b|take (?:the |your |their )?(?:licen[cs]e )?plates? off\b",
     "encourages plate fraud"),
    (r"(?:drive|park|ride|cruise|stop)\b[^.!?]{0,10}\b(?:in|on|down|along) the (?:bike|bus|hov"
     r"|transit|emergency) lanes?\b|(?:drive|park) (?:on|along|down) the (?:sidewalk|shoulder"
     r"|trail|boardwalk)\b", "encourages illegal driving"),
    (r"(?:torch|firebomb|smash|wreck|destroy|trash) (?:it|the thing|that thing|them|the damn"
     r" thing|that damn thing)\b", "encourages destroying property"),
    (r"(?:rip|tear|pull|knock|yank) (?:every one of |all of |each of |every single one of )?"
     r"(?:them|those|these|it) (?:out|down|up)\b", "encourages vandalism of property"),
    (r"(?:drag|haul|drive|take|carry|bring|truck|roll)\b[^.!?]{0,30}\b(?:to|down to|into"
     r"|behind|out to|up to)\b[^.!?]{0,40}\b(?:field|ravine|hydro corridor|woods|creek|bush"
     r"|vacant lot|empty lot|farm|ditch|forest|side road)\b", "encourages illegal dumping"),
    (r"(?:light|start|set)\b[^.!?]{0,12}\b(?:brush piles?|bonfires?|fires?|piles?|leaves|garbage"
     r"|tires|burn barrels?)\b", "advice on burning"),
    (r"(?:download|stream|watch|get|read)\b[^.!?]{0,40}\bfree\b[^.!?]{0,40}\b(?:why pay"
     r"|instead of (?:paying|buying|waiting))\b", "promotes copyright infringement"),
    (r"tell (?:the|them|those|that) (?:\w+ ){0,2}(?:it'?s|they'?re|you'?re|that (?:it|they))\b",
     "advice on deceiving officials"),
    # "just shoot em": not "shoot them an email" or "shoot me a message"
    (r"shoot (?:them|em|'em|it|the (?:\w+ )?(?:coyotes?|geese|raccoons?|deer|foxes|dogs?|cats?"
     r"|squirrels?|rabbits?|birds))\b(?! (?:a|an|me|us|over|back|your|our|the|some|down|off"
     r"|out|up|with|on)\b)", "encourages shooting animals"),
)
_WEAK_ACTS = frozenset(
    {"advice on burning", "advice on deceiving officials", "advice to break a rule"}
)
_URGED_ACTS = tuple(
    (_URGE + pattern, 0.45 if why in _WEAK_ACTS else 0.85, why) for pattern, why in _ACTS
)

_PATTERNS: tuple[tuple[str, float, str], ...] = (
    *_URGED_ACTS,
    # (not "keyed in my Tesla's VIN": typed; not "someone keyed my car": a report)
    (r"\bkey(?:ed|ing)? (?!in |into |up |my |our )(?:his|her|their|the|that|your|a|them)?"
     r"[^.!?]{0,40}?\b" + _VEHICLE, 0.85,
     "encourages damaging a vehicle"),
    (_URGE + r"(?:burn|torch)\b[^.!?]{0,30}\bdown\b|\bset fire to\b", 0.9, "incites arson"),
    (r"\bblank wall is calling\b|\bbest (?:spot|wall|place) (?:for|to) (?:a |some )?(?:tag"
     r"|tagging|graffiti|bomb|piece)\b", 0.8, "encourages graffiti"),
    (r"\bbolt ?cutters?\b|\b(?:cut|snip) (?:the|a|through the) (?:fence|lock|chain|zip ?ties"
     r"|padlock|tape|mesh)", 0.8,
     "encourages breaking into a fenced area"),
    (r"\b(?:fences?|locks?|gates?|doors?|cones|barricades?|barriers|signs|panels?|windows?)\b"
     r"[^.!?]{0,25}\b(?:is|are) easy to (?:cut|climb|jump|move|remove|open|pick|break|lift"
     r"|get (?:around|over|through))\b"
     r"|\bmove the (?:cones|barricades?|barriers)\b"
     r"|\bdrive (?:right )?(?:through|around) the (?:closed|barricade)", 0.85,
     "encourages moving traffic control devices or entering a closed work zone"),
    (r"\bfree copper\b", 0.85, "encourages theft"),
    (r"\bfare evasion\b|\b(?:board|get on) (?:through|at) the back doors?\b"
     r"|\b(?:skip|dodge) (?:the|paying the) fare\b", 0.85, "promotes fare evasion"),
    (r"\bcheques? (?:from|on) a closed account\b|\bbounce a cheque\b", 0.85, "promotes fraud"),
    (r"\bfake (?:\w+ )?(?:parking )?(?:permits?|ids?|licen[cs]es?"
     r"|tickets?|receipts?|documents?|plates?)\b|\bforgery\b"
     # a document forged, not a blacksmith's forge ("my forge runs weekend classes")
     r"|\bforged? (?:a |the |your |some |my |his |her )?(?:\w+ )?(?:permits?|ids?"
     r"|documents?|signatures?|cheques?|checks?|licen[cs]es?|passports?|tickets?|receipts?"
     r"|notes?|plates?|papers?|stickers?|passes|pass)\b", 0.85,
     "promotes forged documents"),
    (r"\b(?:tinted|smoked) plate covers?\b|\bplate (?:cover|flipper)s?\b"
     r"|\bcan'?t read your plate\b", 0.85, "promotes evading enforcement"),
    # (not "a torrent of rain", "the old pirate ship" in the park)
    (r"\btorrent(?:ing|s)?\b(?! of\b)|\bpirat(?:ed|ing)\b|\bpirate (?:sites?|movies?|copies"
     r"|copy|streams?|software|games?|books?|ebooks?|pdfs?|links?)\b"
     r"|\bcracked (?:software|version|games?)\b",
     0.8, "promotes copyright infringement"),
    (r"\bno licen[cs]e needed\b|\bwithout a (?:permit|licen[cs]e)\b", 0.6,
     "promotes doing it without the required licence"),
    (r"\b(?:nobody|no one|no-one) (?:ever )?(?:checks?|monitors?|notices?|will (?:notice|know)"
     r"|enforces?|follows? up|cares?|patrols?|can tell)\b|\b(?:the )?(?:fire department"
     r"|inspectors?|the city|by-?law) (?:never|rarely|won'?t|doesn'?t) (?:even )?(?:comes?|shows?)"
     r" (?:out|up|by)\b|\b(?:the )?\w+ (?:doesn'?t|don'?t|never|won'?t)"
     r" (?:even )?(?:check|verify|scan|look at) (?:ids?|photos?|cards?|passes|bags|tickets)\b"
     r"|\b(?:security|staff|they|drivers|guards?|cops|police"
     r"|by-?law|the city|attendants?) (?:\w+ )?(?:never|don'?t|doesn'?t|won'?t|rarely) (?:even )?"
     r"(?:checks?|notices?|enforces?|follow up|cares?|looks?|patrols?)\b"
     r"|\bbefore they notice\b|\bwon'?t get caught\b|\blike i did\b|\bworks every time\b"
     r"|\bno one will know\b|\bthey can'?t prove\b"
     r"|\b(?:landlord|nobody|no one|no-one|they|bylaw|by-law|cops|police|the city|security"
     r"|staff|the guys|the crew|the desk|desk|anyone|neighbou?rs?)(?:'ll| will)? (?:never|won'?t"
     r"|can'?t|cannot|doesn'?t|don'?t) (?:even |ever )?(?:know|find out|notice|catch|prove|check"
     r"|do (?:a )?(?:thing|anything)|touch you|ticket|tell)\b"
     r"|\b(?:nobody|no one|no-one)(?:'s| is)? (?:ever )?(?:watching|looking|around|checking"
     r"|tickets?|patrolling)\b|\b(?:nobody|no one) can prove\b|\bcan'?t prove (?:a )?(?:thing"
     r"|anything)\b|\bnever (?:catch|find out|know)\b|\b(?:it'?s )?what i did\b"
     r"|\b(?:i'?ve|i have) done it for (?:years|months|ages)\b|\bdone it for years\b"
     r"|\bnever been caught\b|\bno questions asked\b"
     r"|\b(?:they|nobody|no one|the fire (?:guys|department|hall)|bylaw|by-law|cops|police)"
     r"(?:'ll| will)? (?:never|won'?t|don'?t|doesn'?t) (?:even )?(?:come|show) (?:out|up|by)\b"
     r"|\bdone it for (?:\d+|twenty|ten|five) years\b|\balready done (?:it|on|at)\b"
     r"|\bdid mine\b|\bproblem solved\b|\bno (?:cop|cops|police|officer|one) (?:ever )?"
     r"(?:sits?|parks?|patrols?|checks?|watches?)\b|\bwhen the fire hall'?s busy\b"
     r"|\b(?:nobody|no one|they) can (?:touch|stop|catch) you\b"
     r"|\b(?:nobody|no one)(?:'s| is)? (?:paying|checking|ticketing)\b"
     r"|\b(?:they|staff|nobody|no one)(?:'ll| will)? (?:never|don'?t|doesn'?t|won'?t) (?:even )?"
     r"cross-?check\b"
     r"|\b(?:by-?law|cops|police|staff|security|they|the guys|attendants?)(?: \w+)? (?:don'?t"
     r"|doesn'?t|won'?t) (?:start|come|show up|get here|arrive|work)\b[^.!?]{0,15}\b(?:till"
     r"|until|before|after)\b", 0.45,
     _EVASION),
    ("🤫", 0.45, _EVASION),
    (r"\bno cops\b|\b(?:cops|police|by-?law) never (?:come|show)\b", 0.45, _EVASION),
    (r"\b(?:nobody|no one|no-one) (?:ever )?watch(?:es)? (?:the|those|them|it)\b|\bno cameras\b"
     r"|\bcameras? (?:\w+ ){0,2}(?:don'?t|doesn'?t|never) (?:even )?work\b|\bnever stop you\b"
     r"|\b(?:by-?law|cops|police|they) can'?t (?:stop|touch) (?:me|us|you)\b|\bwon'?t even notice\b"
     r"|\bdon'?t care what the (?:by-?law|law|city) says\b|\bno permit needed\b"
     r"|\bso (?:they|nobody|no one) can'?t see\b", 0.45, _EVASION),
    (_URGE + r"(?:say|tell (?:them|bylaw|by-law|the cops|the police|the city|the inspector)"
     r"|claim|pretend) (?:that )?(?:they'?re|it'?s|you'?re|your \w+ (?:are|is))\b", 0.45,
     "advice on deceiving officials"),
    (_URGE + r"(?:grab|take|swipe|pinch|load up on|help yourself to)\b[^.!?]{0,50}\b(?:at night"
     r"|after dark|when nobody|when no one)\b", 0.8, "encourages theft"),
    # drugs: a drug (or a quantity) offered, brought or sold
    (r"(?:\b\d+ ?(?:g|grams?|oz|ounces?|zips?)|\bgrams|\$\d+ ?/ ?(?:g|gram)"
     r"|\b(?:percs?|percocets?|mdma|ecstasy|cocaine|meth|fentanyl|fent"
     r"|oxys?|xanax|xans|shrooms|lsd|acid tabs|ketamine"
     r"|(?:fun|magic|happy|special)\*? (?:mushrooms|shrooms)))\b"
     r"(?=[^.!?]{0,60}(?:\bdm\b|hit me up|selling|\bbuy\b|\$|delivery|bring|get lit|party|💊|💨"
     r"|find me|cash only|text me|meet me))"
     # names with an everyday sense too (a person called Molly, a Coke at the party, a crack
     # in the road, garbage carts delivered) count only beside a dealer's words
     r"|\b(?:molly|coke|crack|carts)\b(?=[^.!?]{0,60}(?:\bdm\b|hit me up|💊|💨))"
     r"|\b(?:selling|who'?s bringing|bringing the)\b[^.!?]{0,40}\b(?:percs?|molly|mdma|coke"
     r"|carts|weed|edibles|shrooms|pills|xanax|oxys?)\b", 0.85, "promotes illegal drugs"),
    # fireworks offered from a garage or a trunk ("hmu"), or asked for as the illegal ones; not
    # "someone's selling fireworks out of a van. Called by-law" (a report)
    (r"\b(?:sells?|selling|sold)\b[^.!?]{0,40}\b(?:mortars?|mortar ones|fireworks?"
     r"|firecrackers)\b(?=[^\n]{0,100}(?:\bhmu\b|\bdm\b|\bcheap|\btext me\b|\bhit me up\b))"
     r"|\billegal (?:fireworks|ones|mortars)\b[^\n]{0,40}\b(?:dm|hmu|text me)\b", 0.8,
     "promotes selling fireworks without a licence"),
    # harm to people
    (r"\b(?:launch|shoot|aim|fire|throw|point)\b[^.!?]{0,40}\b(?:fireworks?|mortars?|rockets?"
     r"|firecrackers|roman candles?|them|it)\b[^.!?]{0,30}\b(?:at|toward|towards|into)\b"
     r"[^.!?]{0,20}\b(?:people|boats?|cars?|houses?|crowds?|kids|them|him|her|windows?)\b",
     0.9, "encourages endangering people"),
    (r"\bi know where\b[^.!?]{0,60}\blives?\b" + NOT_SAID_OF_A_FRIEND
     + r"|\bpay (?:him|her|them) a visit\b"
     r"|\b(?:protest|show up|go|gather|meet)\b[^.!?]{0,20}\b(?:on|at|outside) (?:his|her"
     r"|their) (?:lawn|house|home|door|driveway)\b|\bhome address is\b", 0.85,
     "threatens a person at home"),
    (r"\bgo (?:tell|show|teach|visit|confront) (?:him|her|them)\b", 0.6,
     "incites others to confront a person"),
    (r"\bi know where\b[^.!?]{0,40}\b(?:parks?|works?|sleeps?|lives?|go(?:es)? to school"
     r"|walks)\b" + NOT_SAID_OF_A_FRIEND, 0.85, "threatens a person"),
    (r"\b(?:pour|dump|spill|splash)\b[^.!?]{0,30}\b(?:gas|gasoline|kerosene|lighter fluid"
     r"|diesel)\b[^.!?]{0,40}\b(?:light|torch|ignite|set fire)\b", 0.85,
     "encourages a dangerous fire"),
    (r"\b(?:pour(?:ing)?|dump(?:ing)?|tip(?:ping)?|drain(?:ing)?)\b[^.!?]{0,30}\b(?:oil|paint"
     r"|chemicals?|antifreeze|gas(?:oline)?|solvents?|bleach|pesticides?)\b[^.!?]{0,30}"
     r"\b(?:storm drains?|sewers?|drains?|creek|ditch|river|lake|ravine)\b(?=[^.!?]{0,30}"
     r"\b(?:is fine|is ok|no big deal|nobody|everyone does|did mine|works))", 0.85,
     "promotes dumping pollutants"),
    (r"\b(?:no tax|tax[- ]free|untaxed|off the books|out of (?:his|her|their|my|the) (?:trunk"
     r"|van)|fell off (?:a|the) truck)\b(?=[^\n]{0,80}\b(?:stock up|grab|cheap|half price"
     r"|selling|\$|get some|before (?:he'?s|she'?s|they'?re|it'?s) gone))|\b(?:selling|sells)"
     r"\b[^.!?]{0,40}\b(?:out of (?:his|her|their|a|the) (?:trunk|van)|no tax|untaxed"
     r"|tax[- ]free)\b", 0.8, "promotes buying contraband"),
    (r"\b(?:shadow librar\w*|libgen|z-?library|z-?lib|sci-?hub|warez|loaded firesticks?"
     r"|jailbroken firesticks?|free iptv|cracked (?:apps?|copies|copy))\b", 0.8,
     "promotes copyright infringement"),
    (r"\b(?:molly|mdma|ecstasy|percs?|percocets?|oxys?|oxycodone|fentanyl|xanax|xans|shrooms"
     r"|ketamine|lsd|meth|cocaine)\b(?=[^.!?\n]{0,30}(?:\?|\bhmu\b|\bdm\b))|\b(?:got|need"
     r"|want|looking for|hook me up with|anyone have) (?:any |some )?(?:molly|mdma|ecstasy|percs?"
     r"|oxys?|xans|shrooms|ketamine|lsd|coke|blow|cocaine)\b", 0.85, "promotes illegal drugs"),
    (r"\b(?:i'?ll|i will|i'?m gonna|i'?m going to|gonna|we'?ll|we should)\s+(?:\w+ ){0,2}"
     r"(?:rip|tear|pull|smash|wreck|break|cut|torch|burn|spray|key|slash|knock)\b[^\n]{0,60}"
     r"\b(?:anyone (?:want|wanna)|who'?s (?:in|with me)|join me|help me|want to help)\b", 0.85,
     "invites others to damage property"),
    (r"\b(?:lives|living|stays) (?:above|at|on|in|behind|next to|across from)\b[^\n]{0,80}"
     r"\b(?:go |)(?:tell|show|visit|teach|confront|knock on) (?:him|her|them)\b", 0.8,
     "incites others to confront a person at home"),
    (r"\b(?:pellet|bb|air) ?(?:guns?|rifles?|pistols?)\b[^.!?]{0,60}\b(?:shot|plinked|hit|got"
     r"|popped|killed|nailed)\b|\b(?:shot|plinked|popped|nailed) (?:one|a coyote|a raccoon"
     r"|a squirrel|a goose|some geese|a deer|a fox)\b|\b(?:shot|got|plinked|popped|nailed|killed)"
     r"\b[^.!?]{0,25}\bwith (?:my|a|the|his|her) (?:pellet|bb|air) ?(?:guns?|rifles?|pistols?)\b",
     0.8, "promotes shooting animals"),
    (r"\bi know (?:a few |some |a couple of )?(?:guys|people|kids|someone|a guy|friends) who'?d"
     r" (?:love|be happy|gladly|be glad)\b", 0.8, "offers to arrange damage or harm"),
    (r"\bvote (?:twice|two times|more than once|again in person)\b|\bvote online\b[^.!?]{0,60}"
     r"\b(?:and then|then|and also) (?:go )?vote\b|\bvote (?:for|as|under) (?:your|a|my) (?:dead"
     r" |late )?(?:\w+ )?(?:relative|grandma|grandpa|neighbou?r|roommate)'?s?\b", 0.85,
     "encourages election fraud"),
    # harm to animals
    (r"\b(?:poison|antifreeze|rat poison|bleach)\b[^.!?]{0,50}\b(?:cats?|dogs?|pets?|geese"
     r"|coyotes?|birds|squirrels)\b|\b(?:cats?|dogs?|pets?)\b[^.!?]{0,60}\b(?:antifreeze"
     r"|rat poison|poison (?:it|them|him|her))\b|\bpoison (?:the|their|his|her|that|those|your"
     r" neighbou?r'?s?) (?:\w+ )?(?:cats?|dogs?|pets?|birds|geese)\b", 0.85,
     "encourages harming animals"),
    # poisoned bait left out: it kills pets and wildlife alike
    (r"\b(?:antifreeze|rat poison|poison(?:ed)?)\b[^.!?]{0,30}\b(?:meat|beef|hot ?dogs?|treats"
     r"|bowl of (?:food|milk|water))\b|\bantifreeze works\b", 0.85, "encourages harming animals"),
    (r"\b(?:got|have|i'?ve got|bought) (?:a|my|an|the) (?:pellet|bb|air) ?(?:guns?|rifles?)\b"
     r"[^.!?]{0,50}\b(?:not afraid to use|take care of|deal with|use it)\b"
     r"|\b(?:got|have|i'?ve got) (?:a|my) (?:\.22|22|rifle|shotgun|crossbow)\b[^.!?]{0,50}"
     r"\b(?:not afraid to use|take care of|deal with)\b", 0.85, "threatens to shoot animals"),
    # damage and violence promised or invited in so many words
    (r"\b(?:help|make sure|see to it|ensure|happy to see)\b[^.!?\n]{0,40}\b(?:catch(?:es)? fire"
     r"|burns?(?: down)?|goes? up in flames)\b", 0.8, "incites arson"),
    (r"\b(?:will|gonna|going to) (?:be|get) (?:spray ?painted|smashed|torched|egged|keyed"
     r"|vandali[sz]ed|burn(?:ed|t) down)\b", 0.8, "threatens vandalism"),
    (r"\b(?:dump|pour|throw|spread|pile|spray)\b[^.!?\n]{0,40}\bon (?:his|her|their|the"
     r" \w+'s) (?:driveway|lawn|car|truck|porch|doorstep|front step)s?\b", 0.8,
     "encourages damaging a person's property"),
    (r"\bknock (?:some )?heads\b|\b(?:with|bring) (?:your |ur |the |some )?(?:baseball )?bats\b"
     r"[^\n]{0,40}\b(?:sort|teach|deal with|show)\b|\b(?:sort|teach|deal with|show) (?:them|him"
     r"|her|those)\b[^\n]{0,40}\bbats\b", 0.8, "incites violence"),
    (r"\b(?:got|have|i'?ve got) (?:my|a|the) (?:crossbow|bow|slingshot|rifle|shotgun|pellet gun"
     r"|bb gun)\b[^.!?\n]{0,30}\b(?:ready|loaded)\b", 0.8, "threatens to shoot animals"),
    (r"\b(?:8|eight)[ -]?ball\b[^\n]{0,30}(?:❄|snowflake|\bhalves\b|\bdm\b)", 0.8,
     "promotes illegal drugs"),
    (r"\bskips? (?:the|a) permits?\b(?=[^\n]{0,40}(?:cheap|cash|\$|sav))"
     r"|(?:cheap|cash)[^\n]{0,40}\bskips? (?:the|a) permits?\b", 0.75,
     "recommends work without the required permit"),
    # goods whose origin is not to be asked about, for cash: stolen goods
    (r"(?:\bcash\b|\$ ?\d+|\bdm\b|\bfor sale\b|\bselling\b|\bbuying\b)[^\n]{0,80}?"
     r"\bno questions(?: asked)?\b(?![\'\"’”]| asked)"
     r"|\bno questions(?: asked)?\b(?![\'\"’”]| asked)(?=[^\n]{0,60}(?:\bcash\b|\$ ?\d|\bdm\b))"
     r"|\bdon'?t ask where (?:it|they|this|that)(?:'?s| is| are)? ?(?:from|came from)\b"
     rf"|{_BACK_OF_A_TRUCK}[^\n]{{0,80}}?{_DEAL}|{_DEAL}[^\n]{{0,80}}?{_BACK_OF_A_TRUCK}", 0.8,
     "promotes trading in stolen goods"),
    # a service or sale offered without the licence it needs
    (rf"{_OFFER}[^\n]{{0,80}}?{_NO_LICENCE}|{_NO_LICENCE}(?=[^\n]{{0,80}}?{_OFFER})", 0.75,
     "offers what needs a licence, without one"),
    # killing a tree that is not yours
    (r"\b(?:copper nails?|salt|bleach|roundup|herbicide|weed killer|drill holes?)\b[^.!?]{0,40}"
     r"\b(?:roots?|trunk|the tree)\b|\b(?:kill|poison|girdle) (?:the|their|his|her|that"
     r"|(?:your |the )?neighbou?r'?s?|the city'?s?) (?:\w+ )?trees?\b", 0.8,
     "encourages destroying another's property"),
    (r"\b(?:look|be) (?:way |so much |a lot )?better (?:covered )?(?:in|with) graffiti\b"
     r"|\bspray ?cans?\b[^.!?]{0,30}\b(?:friday|saturday|tonight|night)\b", 0.8,
     "encourages graffiti"),
    # weapons and age-restricted goods
    (r"\b(?:guns?|handguns?|pistols?|glocks?|rifles?|shotguns?|ammo|ammunition|switchblades?"
     r"|brass knuckles|tasers?|ghost guns?)\b[^.!?]{0,40}\b(?:for sale|selling|no paperwork"
     r"|no licen[cs]e|no pal|no questions|cash only|unregistered|dm|hmu)\b|\b(?:selling|anyone"
     r" (?:selling|got|have)|who (?:sells|has)|for sale)\b[^.!?]{0,30}\b(?:guns?|handguns?"
     r"|pistols?|glocks?|ammo|unregistered)\b", 0.9, "promotes illegal weapons"),
    # Vapes, alcohol or cannabis offered without the age check the law asks for, beside an
    # offer ("no ID, DM", "$25, no ID"); not a clinic's "no ID needed, walk in".
    (r"\bno (?:id|age) ?(?:needed|required|check(?:s|ed)?|asked|verification)?\b"
     r"(?=[^\n]{0,60}(?:\bdm\b|\$ ?\d|\bdeliver|\bcash\b|\bhmu\b|\btext me\b))"
     r"|(?:\bdm\b|\$ ?\d|\bdeliver\w*|\bcash\b|\bflavou?rs\b|\bsell\w*)[^\n]{0,60}"
     r"\bno (?:id|age)\b",
     0.85, "sells age-restricted goods without checks"),
    (r"\blooks? (?:100% )?(?:real|legit|authentic|official)\b(?=[^\n]{0,80}(?:\$|\bdm\b"
     r"|selling|order))|\b(?:doctor'?s?|sick|vet|medical) (?:notes?|papers?|certificates?)\b"
     r"(?=[^\n]{0,60}(?:\$|\bdm\b|any clinic|looks real))", 0.85, "promotes forged documents"),
    # drugs sought: "anyone got molly", "who has percs"
    (r"\b(?:anyone|anybody|who|where)\b[^.!?]{0,20}\b(?:got|has|have|selling|sells|get|buy"
     r"|score|cop)\b[^.!?]{0,15}\b(?:molly|mdma|percs?|percocets?|coke|cocaine|meth|fent"
     r"|fentanyl|oxys?|xans?|xanax|shrooms|lsd|acid|ketamine|ecstasy|e pills|pills|a plug)\b"
     r"|\b(?:molly|mdma|percs?|coke|shrooms|xans?|oxys?)\b[^.!?]{0,40}\bhmu\b", 0.85,
     "promotes illegal drugs"),
)


# Matched against folded (lowercase) text, so no IGNORECASE: it costs time.
_COMPILED = tuple(
    (Prefiltered(re.compile(at_words(p))), conf, why) for p, conf, why in _PATTERNS
)
_PATTERN_SET = PatternSet([pattern for pattern, _, _ in _COMPILED])
# Reporting or warning about an act is the opposite of promoting it.
_REPORTING = re.compile(
    r"\bi(?:'ve| have)? reported\b|\breported (?:it|this|them)\b|\bplease report\b"
    r"|\breport (?:it|this|them|graffiti|dumping|vandalism)\b|\bplease don'?t\b|\bdo not\b"
    r"|\bshouldn'?t\b|\bis illegal\b"
    r"|\bit'?s illegal\b|\bagainst the law\b|\bcall(?:ed)? (?:by-?law|the police|911|drps)\b"
    r"|\b(?:was|were|got|been|bikes?|cars?|trucks?) stolen\b"  # "3rd bike stolen: bolt cutters"
    # French: "j'ai porté plainte", "j'ai appelé la police", "je l'ai signalé"
    r"|\bj'ai port[ée] plainte\b|\bj'ai (?:appel[ée]|call[ée]) (?:la police|le 911|le by-?law)\b"
    r"|\bje (?:l'|les )?ai signal[ée]s?\b|\bj'ai fait un rapport\b"
    # a warning about what was found: "poisoned treats were found at the park", "des
    # boulettes empoisonnées ont été trouvées au parc" (not "AVIS :" or "PSA:", which scams
    # dressed as notices open with)
    r"|\b(?:was|were|have been|has been) found\b|\b(?:ont|a) [ée]t[ée] trouv[ée]e?s?\b",
    re.IGNORECASE,
)
# Discouraging an act or warning about a scam: what a model reading "illegal" words misses.
_DISCOURAGING = re.compile(
    r"\b(?:don'?t do (?:that|this|it)|please don'?t|do not|never ask|will never|is a scam"
    r"|it'?s a scam|against the (?:by-?law|law|rules)|(?:can|could) be (?:up to )?a \$?[\d,]+ fine"
    r"|just get the (?:licen[cs]e|permit)|hang up"
    # French: "c'est illégal", "SVP mettez PAS de poison" (not "fais pas de reçu", which is
    # the advice itself)
    r"|c'est ill[ée]gal|c'est contre (?:la loi|le r[èe]glement)|c'est une infraction"
    r"|[çc]a vaut pas la peine|(?:svp|s'il vous pla[iî]t),? (?:ne )?(?:mettez|faites|jetez)"
    r" (?:pas|jamais))\b",
    re.IGNORECASE,
)


def discourages(text: str) -> bool:
    """Whether a post warns against an act rather than promoting it."""
    return _REPORTING.search(text) is not None or _DISCOURAGING.search(text) is not None


def illegal(post: Post) -> list[Finding]:
    text = post.text
    folded = fold(text)
    hits: list[tuple[float, Span, str]] = []
    for index in _PATTERN_SET.candidates(folded):
        pattern, confidence, why = _COMPILED[index]
        for match in pattern.pattern.finditer(folded):
            if why == "threatens a person at home" and _AUTHORITY_SENT.search(
                folded[max(0, match.start() - 30) : match.start() + 3]
            ):
                continue
            if "urge" in match.groupdict() and not _URGE_BEFORE.search(
                folded[max(0, match.start() - 60) : match.start()]
            ):
                continue
            start, end = _trimmed(folded, match.start(), match.end())
            hits.append((confidence, Span(start, end, text[start:end]), why))
    if not hits:
        return []
    if _is_evasion_advice(folded, hits):
        hits.append((0.7, hits[0][1], "advice on breaking a rule without getting caught"))
    hits = [hit for hit in hits if hit[0] >= 0.8 or not (
        _in_a_question(folded, hit[1]) or _states_the_rule(folded, hit[1]))]
    if not hits:
        return []
    # Several signs together (an act and how to get away with it) are surer than one.
    reasons = {why for _, _, why in hits}
    confidence = min(0.95, max(conf for conf, _, _ in hits) + 0.1 * (len(reasons) - 1))
    if _REPORTING.search(folded):
        confidence -= 0.4
    if confidence <= 0.0:
        return []
    best = max(hits, key=lambda hit: hit[0])
    reason = f"Post {best[2]} ('{best[1].text}')"
    evidence = tuple(sorted({span for _, span, _ in hits}, key=lambda s: (s.start, s.end)))
    return [Finding("illegal", round(confidence, 2), evidence, explain("illegal", reason))]


_ADVICE_OPENING = re.compile(
    r"(?:^|[.!?;:,\n]\s*)(?:(?:nah|yeah|lol|honestly|ok|so)[,!]? )?"
    r"(?:pro tip|tip|trick|hack|life hack|just|you can|you could|bring|go"
    r"|easiest way|easy way|best way|easy|fill|flip|snip|tailgate|give|list|pour|open|chop"
    r"|drag|haul|carry|chuck|roll|toss|light|swap|download|stock up|spray|torch|rip|smash"
    r"|spray|remove|unplug|stick|hide|pretend|say|claim|if (?:they|your|you)\b[^.!?]{0,60}just"
    r"|use|take|grab|park|leave|share|try|put|throw|skip|sneak|walk|drive|tell|buy|get|cut"
    r"|pull|move|push|turn|open|climb|jump|hop|burn|dump|ignore)\b"
)


def _is_evasion_advice(folded: str, hits: list[tuple[float, Span, str]]) -> bool:
    """"Pro tip: bring your own booze, security never checks": advice plus how to get away
    with it, even when the act itself is not in the lists above."""
    evasion = any(why == _EVASION for _, _, why in hits)
    return evasion and _ADVICE_OPENING.search(folded) is not None


# "Drones aren't allowed over the beach without a permit": the rule said, not broken.
_RULE_BEFORE = re.compile(
    r"\b(?:(?:not|\w+n'?t|never) (?:be )?(?:allowed|permitted|legal)|illegal to|against the"
    r" (?:law|by-?law|rules)|prohibited|(?:need|needs|needed|require|requires|required) an?"
    r" (?:permit|licen[cs]e))\b[^.!?\n]*$")


def _states_the_rule(folded: str, span: Span) -> bool:
    """A weak sign ("without a permit") in a sentence that says the rule is not breaking it."""
    sentence_start = max(folded.rfind(c, 0, span.start) for c in ".!?\n") + 1
    return _RULE_BEFORE.search(folded[sentence_start : span.start]) is not None


_QUESTION_START = re.compile(r"(?:^|[.!?\n]\s*)(?:can|may|could|do|does|is|are|should|would|will"
                             r"|am|what|how|where|when|who|why)\b[^.!?\n]*$")


def _in_a_question(folded: str, span: Span) -> bool:
    """"Can I use a fire table without a permit?" asks; it does not promote."""
    end = folded.find("?", span.end)
    sentence_end = min((i for i in (folded.find(c, span.end) for c in ".!\n") if i != -1),
                       default=len(folded))
    return end != -1 and end <= sentence_end and bool(_QUESTION_START.search(folded[: span.start]))


# "Bylaw should go knock on her door": asking the City to enforce, not inciting a visit.
_AUTHORITY_SENT = re.compile(
    r"\b(?:by-?law|police|cops|the city|city staff|animal services|officers?|inspectors?"
    r"|someone from the city)\b[^.!?]{0,20}$|\b(?:by-?law|police|officers?)\b[^.!?]{0,15}\bgo\b"
)


def _trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not folded[start].isalnum():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end
