"""What a word list misses because nothing in it is a bad word: veiled threats ("would be a
shame if...", "better watch himself", "I'm posting her home address"), generalisations about
a community ("the X families always...", "go back to India"), scams impersonating a
government agency or utility, and the sale of banned fireworks.

Each pattern needs two things together (a target and what is said of it, an agency and a
request for identity or payment), so a word alone never flags a post. Evidence is the
matched words.
"""

from __future__ import annotations

import re

from bot.moderation import contacts
from bot.moderation.contacts import AllowListCheck
from bot.moderation.guidelines import explain
from bot.moderation.model import Category, Finding, Post, Span
from bot.moderation.rules.harassment import in_reported_quote
from bot.moderation.text import AllOf, Gate, Prefiltered, fold

_S = r"[^.!?\n]{0,60}?"  # the rest of one sentence


def _prefiltered(pattern: str) -> Prefiltered:
    return Prefiltered(re.compile(pattern))


# Saying one will publish a person's home address or number: "I'll be posting Mayor X's home
# address tonight", "we're sharing her number", "je vais publier l'adresse de la Gauthier".
_PUBLISH_ADDRESS = (
    r"(?:(?:i(?:'ll| will|'m| am)|we(?:'ll| will|'re| are)|(?<!not )(?<!never )gonna"
    r"|(?<!not )(?<!never )going to)(?: be)?"
    r" (?:going to |gonna )?(?:post|posting|publish|publishing|share|sharing|leak|leaking"
    r"|drop|dropping|put|putting)(?: up| out)? (?:his|her|their|your|(?:(?:mayor|councill?or"
    r"|clr\.?|deputy mayor) )?[a-z]+'s) (?:home |house |personal |cell )?(?:address|phone number"
    r"|number|details|info)"
    r"|(?:je|j'|on) ?va(?:is)? (?:publier|poster|partager|mettre) (?:l'adresse|le numero"
    r"|son adresse|son numero|ton adresse|ton numero))"
)

_VEILED_THREATS = _prefiltered(
    r"(?<![a-z])(?:"
    r"(?:would|it'?d|be) (?:be )?(?:a )?(?:real |big )?(?:shame|pity) if" + _S
    + r"(?:happened|showed up|went|found|caught|got|burn|fire|house|car|lexus|truck|home)"
    r"|(?:he|she|they|you|him|her)(?:'d| had| would)? (?:better|best) (?:watch|mind)"
    r" (?:him|her|them|your|their|my)(?:self|selves)?\b"
    r"|(?:tell|let) (?:him|her|them) (?:he|she|they)(?:'d| had)? (?:better|best) watch"
    r"|watch (?:your|his|her|their) backs?"
    r"|see what happens to (?:th(?:ose|at|is|eir)|your|his|her)"
    r"|(?:i(?:'m| am)|we(?:'re| are)) (?:going to |gonna )?(?:post|posting|publish|publishing"
    r"|share|sharing|leak|leaking) (?:his|her|their|your) (?:home )?(?:address|phone|number"
    r"|details|info)|" + _PUBLISH_ADDRESS
    + r"|(?:i|we) know (?:where|which house) (?:he|she|they|you|his|her)\b[^.!?\n]{0,30}"
    r"(?:lives?|parks?|stays?|live)\b"
    r"|(?:won'?t|will not) be (?:pretty|nice|good|a (?:ticket|warning|letter))"
    r"|(?:do|did) with (?:it|this|that|the info) what(?:ever)? you (?:want|will|like)"
    r"|(?:should|ought to|needs? to) (?:land|fall|go off) on (?:city hall|the (?:mayor|councillor)"
    r"|his|her|their)"
    # knowing a person's movements, said as a warning: "I know which school his kids go to",
    # "should be careful walking out to his car", "I've got her home address"
    r"|better (?:watch|mind) (?:him|her|them)(?:self|selves)\b"
    r"|(?:should|better|had better|needs? to|want to) be careful (?:walking|driving|going"
    r"|leaving|coming) (?:out |home |to )"
    r"|(?:i|we) know (?:which|what|where) (?:school|daycare|gym|office|car|truck|street|house"
    r"|driveway|route|time)\b[^.!?\n]{0,15}?(?<![a-z])(?:his|her|their|your|councill?or|mayor)\b"
    r"|(?:i|we) know (?:his|her|their|your) (?:street|car|plate|truck|schedule|route|kids"
    r"|shift)\b"
    r"|(?:i'?ve|i have|we'?ve|we have) got (?:his|her|their|your) (?:home address|address"
    r"|plate|truck number|licence plate|license plate)\b"
    r"|(?:find out|post|share) where (?:(?:\w+ ){0,3}(?:he|she|they|you)|(?:\w+ ){0,4}\w+)"
    r" (?:lives?|parks?|sleeps?)\b"
    r"|follow (?:him|her|them) home\b"
    r"|give (?:him|her|them) something to (?:really )?worry about"
    r"|(?:leave|leaving|go home|going home) in an? (?:ambulance|body bag|box)\b"
    r"|(?:again|one more time)[^.!?\n]{0,40}and see what happens\b"
    r"|i'?m (?:outside|parked outside|waiting outside) (?:your|his|her) (?:office|house|home"
    r"|door|place)"
    r"|(?:he|she|they|you)(?:'ll| will)? get what'?s coming"
    # French: "on connaît ta maison", "ce serait dommage qu'il arrive quelque chose à ta
    # voiture", an address given with "vous saurez quoi faire"
    r"|(?:je|on) (?:connait|connais|sait|sais) (?:c'est quoi )?(?:ta|sa|ton|son|votre|leur)"
    r" (?:maison|adresse|rue|char|voiture|auto)"
    r"|(?:ce )?serait (?:bien |vraiment )?dommage (?:qu'|que |s'|si )[^.!?\n]{0,30}?arrive"
    r"(?:r|rait)? (?:quelque chose|malheur|des problemes|un accident|des ennuis)"
    r"|(?:vous|vous autres) (?:saurez|savez) (?:quoi|ce que vous avez a|ce qu'il faut) faire"
    r"|(?:tes|ses|vos|leurs) pneus (?:vont|pourraient|risquent d')(?: etre| se faire)?"
    r" (?:creves|coupes|degonfles|crever|couper)"
    r"|(?:va|vont|vas) retrouver (?:ses|tes|vos|leurs) (?:\d+ |quatre )?pneus (?:a plat|creves"
    r"|coupes|degonfles)"
    r"|(?:surveiller|surveille|surveillez) (?:ses|tes|vos|leurs) arrieres"
    r"|(?:on|je) (?:n'?)?oubli(?:e|ons) pas (?:les visages|ta face|sa face|ton visage)"
    r"|(?:continue\w*|si |sinon|encore)[^.!?\n]{0,60}(?:vous allez|tu vas|vont) voir ce qui va"
    r" (?:arriver|se passer)"
    r"|(?:certains|plusieurs) d'entre nous ont fini de parler"
    # "funny how cars get keyed", "should think real hard about which street he parks on"
    r"|(?:funny|shame|weird|amazing) how (?:cars?|tires|windows|signs|houses) (?:can )?(?:get"
    r"|go) (?:keyed|slashed|smashed|broken|egged|vandali[sz]ed)"
    r"|(?:should|better|might want to) think (?:real |really |very )?(?:hard|carefully) about"
    r" (?:which|where|what) (?:street )?(?:he|she|they) (?:parks?|lives?|walks?)"
    # The eighteenth round: "would be a real shame if people started showing up at his place",
    # "we know what time you leave the gym", "would hate for anything to change", "everyone
    # knows which car is yours", "you'll get yours", "we're watching you", "deserve to lose a
    # finger"
    r"|(?:would|it'?d|be) (?:be )?(?:a )?(?:real |big )?(?:shame|pity) if" + _S
    + r"(?:showing up|turning up|turned up|knocking|visiting|waiting) (?:at|on|outside|for)"
    r"|(?:i|we|everyone|everybody|people)(?: here| around here| on this street)? (?:all )?knows?"
    r" (?:what time|when) (?:you|he|she|they)"
    r" (?:leave|leaves|get home|gets home|finish|finishes|walk|walks|drive|drives)\b"
    r"|(?:would|i'?d|we'?d) hate for (?:anything|something) to (?:change|happen)(?= ?[.!]|$"
    r"| to (?:him|her|them|you|your|his|their))"
    r"|(?:i|we|everyone|everybody|people)(?: here| around here| on this street)? (?:all )?knows?"
    r" which (?:car|truck|house|door|driveway"
    r"|unit|apartment) is (?:yours|his|hers|theirs)\b"
    r"|(?:you|he|she|they)(?:'ll| will) get (?:yours|his|hers|theirs)(?= ?[.!,]|$| soon| buddy"
    r"| pal| eventually)"
    r"|(?:we|i)(?:'re| are|'m| am|'ll| will)(?: all)? (?:be )?watching (?:you|him|her|them|that"
    r" (?:group|family|house|guy|woman|man)|those (?:people|guys|families))\b"
    r"|deserves? to (?:lose (?:a|an|their|his|her|your) (?:finger|hand|eye|arm|leg|tooth|teeth)"
    r"|get (?:hurt|hit|run over|beaten|beat up|shot|stabbed|punched)|be (?:beaten|shot|hurt"
    r"|punched|waterboarded|tortured|flogged|hanged|hung|lynched|tarred))\b"
    # "his kids play hockey at the rec complex Tuesdays at 6. Just saying."; "when mi find
    # him... 🔪" (the emoji read as its name)
    r"|(?:his|her|their) (?:kids|children|son|daughter|wife|husband) [^!?\n]{0,60}(?<![a-z])"
    r"(?:at|on|every) [^!?\n]{0,40}just saying(?=\W*$)"
    r"|(?:when|if|once) (?:i|mi|we) (?:find|catch|see) (?:him|her|them|dem)\W{0,8}(?:knife"
    r"|gun|pistol|dagger|bomb)\b"
    # The twentieth round: "should be dragged out of the chambers", "somebody should slow HIM
    # down, if you know what I mean", "I know which house it is", "his address isn't hard to
    # find"
    r"|(?:should|needs? to|ought to) be dragged out of (?:the |their |his |her )?(?:council )?"
    r"(?:chambers?|office|city hall|homes?|houses?|beds?)\b"
    r"|(?:someone|somebody) (?:should|needs? to|ought to) [^.!?\n]{0,40}(?<![a-z])(?:him|her"
    r"|them)\b[^.!?\n]{0,25}if (?:you|u) know what i mean"
    r"|(?:i|we) know which house (?:it is|is (?:his|hers|theirs))\b"
    r"|(?:his|her|their) (?:home )?address (?:isn'?t|is not|ain'?t) hard to find"
    r"|if i (?:ever )?(?:see|catch|run into) [^.!?,\n]{0,60}(?:he|she)(?:'s| is|'ll| will)"
    r" (?:going to |gonna )?regret it"
    r")"
)
# Sending people to a private person's door or phone: "his number is ..., call him at
# midnight", "lives at 88 Marchwood Cres, go say hi". Some phrases harass in themselves and
# need only a way to reach the person in the post (a number, a home); others are everyday
# advice ("go say hi to her at the pool", "message her directly on the library site", "tell
# him what you think at the open house") and harass only beside a private home.
_INCITE_HARASSING = _prefiltered(
    # (at a time, not at a number: "call him at 905-555-0118 and he'll swing by")
    r"(?<![a-z])(?:(?:call|text|phone|ring) (?:him|her) (?:at (?:dinner|night|midnight|home"
    r"|\d{1,2}(?::\d\d)? ?(?:am|pm|a\.m|p\.m|o'clock)|\d{1,2}:\d\d)|all night|tonight"
    r"|every (?:night|day|hour))|keep calling (?:him|her|them|until)"
    r"|blow up (?:his|her) (?:phone|cell)"
    r"|go knock on (?:his|her|their) door|pay (?:him|her|them) a (?:little )?visit"
    r"|flood (?:his|her|their) (?:inbox|e-?mail|phone|voicemail)"
    r"|(?:complain|talk|speak) to (?:him|her) at home|have a (?:little )?chat with (?:him|her)"
    r" at home"
    # French: "appelez-le vous autres pour vous plaindre", "allez cogner chez elle"
    r"|appelez-(?:le|la|les) [^.!?]{0,25}(?:toute la nuit|a minuit|a \d+ ?h)"
    r"|appelez-(?:le|la|les) (?:tous )?jusqu'a (?:ce qu|temps qu)"
    r"|appelez-(?:le|la|les) (?:vous autres |tous |toutes )?(?:pour (?:vous plaindre|lui dire"
    r"|y dire|voir|chialer|gueuler)|a (?:\d|minuit)|la nuit|tot|toute la nuit)"
    # (not a neighbourly check: "allez cogner chez eux pour voir si ça va")
    r"|(?:allez|aller) cogner (?:a sa porte|chez (?:lui|elle|eux))(?! pour (?:voir|prendre"
    r"|verifier|aider|offrir|savoir))|harcelez-(?:le|la|les)"
    r"|appelez-(?:le|la|les) tous|brassez-(?:le|la|les)"
    r"|(?:ecrivez|dites)-(?:lui|leur) ce que vous pensez|lui expliquer notre facon de penser"
    # "écrivez-lui tous, jour et nuit", "allons y rendre visite à 3h du matin", "on va aller
    # y expliquer notre point de vue à sa porte"
    r"|(?:ecrivez|appelez|textez)-(?:lui|leur|le|la) (?:tous|toutes|jour et nuit)"
    r"|allons (?:y |lui |leur )?rendre visite|(?:on va|allons) (?:aller )?(?:y |lui )?expliquer"
    r" [^.!?]{0,30}(?:a|devant) (?:sa|leur) porte"
    # picketing a private home, flooding a private inbox
    r"|picket (?:his|her|their) (?:driveway|house|home|lawn)|fill (?:his|her|their) inbox"
    r"|(?:allons|on va|allez) manifester devant chez (?:lui|elle|eux)"
    r"|remplissez (?:sa|leur) boite"
    r"|(?:allez|aller) (?:y|lui|leur) dire (?:votre|ta|leur) facon de penser"
    r"|(?:on va|allons) (?:aller [^.!?]{0,30}|faire du (?:bruit|train|tapage)[^.!?]{0,20})"
    r"devant (?:chez (?:lui|elle|eux)|sa maison|leur maison|sa porte|leur porte))"
)
_INCITE_AT_HOME = _prefiltered(
    r"(?<![a-z])(?:go (?:say hi|say hello|have (?:some )?fun)|(?:call|text|visit) (?:him|her)"
    r" (?:directly|any ?time)|tell (?:him|her) what (?:you|we|they) think"
    r"|(?:call|text|phone) (?:him|her) at \d"  # a number: harassing beside a private home
    r"|(?:might|may|would|could) be worth a (?:little )?visit"
    r"|(?:complain|talk|speak) to (?:him|her) (?:directly|in person)"
    # French: "allez lui dire ce que vous pensez", "allez voir par vous-mêmes"
    r"|(?:allez|aller) (?:lui|leur|y) (?:dire|parler)(?! (?:bravo|merci|bonjour|felicitations))"
    r"|(?:allez|aller) voir par vous-memes"
    r"|(?:allez|aller) (?:le|la|les) voir)"
)
# ...said to others, not what the writer or an authority will do ("I'd call him and ask",
# "bylaw should go knock on her door").
_NOT_SENDING = re.compile(
    r"(?:(?<![a-z])i(?:'d| would|'ll| will| can| could| might)|bylaw(?: officers?)?|police"
    r"|the city|staff)(?: should| could| can| will| to| just)?\s*$"
)
_WHERE_TO_REACH = re.compile(
    r"\d|(?<![a-z])(?:lives?|living|house|home|address|number|cell|door|street|adresse|chez"
    r"|maison|numero|email|e-mail|courriel)(?![a-z])|\w@\w"
)
_PRIVATE_HOME = re.compile(
    r"(?<![a-z])(?:lives? (?:at|on|in)|living at|(?:his|her|their) (?:house|home|place"
    r"|address|driveway|door))(?![a-z])|\d+ [a-z]+ (?:st|street|rd|road|ave|avenue|cres"
    r"|crescent|dr|drive|lane|ln|blvd|court|ct|crt|way|cir|circle|pl|place|trail|terr|terrace"
    r"|gate|row|sq|square|grove|gdns|gardens|pkwy|parkway|hts|heights)(?![a-z])"
    r"|(?<![a-z])(?:habite|habitent|reste|restent) (?:au|a|sur)(?![a-z])"
    r"|\d+,? (?:rue|chemin|avenue|boulevard|croissant|promenade|impasse|rang)(?![a-z])"
)
# Emoji read as words (bot.moderation.normalise) standing for a person: "Okafor = 💩",
# "the 🐷🐷 from bylaw", "a drunk 🐷 up there".
_ANIMAL = r"(?:pig|rat|snake|clown|shit)"
_EMOJI_INSULT = _prefiltered(
    rf"(?<![a-z])[a-z]+ *= *{_ANIMAL}\b"
    rf"|(?<![a-z])(?:the|a|you|drunk|fat|those|these|like a)  +{_ANIMAL}(?:  +{_ANIMAL})*"
    r"  +(?:from|at|of|in|on|up|and|who|that)\b"
    # "can go 🖕 themselves": the finger said in a picture
    r"|(?<![a-z])go +middle finger(?: emoji)? +(?:yourself|yourselves|themselves|himself"
    r"|herself)\b"
)
_PROPERTY_HARM = _prefiltered(
    r"(?<![a-z])(?:(?:i(?:'m| am| will|'ll)|we(?:'re| are| will|'ll)) (?:going to |gonna )?"
    r"(?:slash|slashing|key|keying|smash|smashing|torch|torching|burn|burning|trash|trashing)"
    r" (?:its|his|her|their|the|that)\b"
    r"|something happened to (?:th(?:at|ose|eir)|his|her)|what happens to th(?:ose|at|eir)"
    r"|land on city hall|go off on city hall|posting (?:his|her|their) (?:home )?address"
    r"|(?:post|publish|share) (?:his|her|their) (?:home )?address|" + _PUBLISH_ADDRESS
    # "I'll make sure they're gone by spring, one way or another", "the arena might just have
    # a little fire"
    + r"|make sure (?:they|it|those|these|the \w+)(?:'re| are| is|'s)? (?:gone|removed|torn out"
    r"|ripped out)[^.!?\n]{0,40}one way or (?:another|the other)"
    r"|(?:mi|i) (?:a go|ago|gonna|will|'ll) mash up (?:dem|him|her|his|their|di) (?:car|house"
    r"|ride|truck|window)"
    r"|(?:might|may|could) (?:just )?have (?:a )?(?:little|small|accidental) fire\b"
    r"(?! (?:risk|hazard|pit|ban|safety|alarm|drill|extinguisher))"
    ")"
)
# Following a person home is a threat and criminal harassment, whoever is asked to do it.
_FOLLOW_HOME = _prefiltered(
    r"(?<![a-z])(?:follow|tail) (?:him|her|them) home\b"
    r"|(?<![a-z])(?:follow|tail) \w+ home (?:after|from|tonight)\b"
)

_COMMUNITY = (
    r"(?:indian|chinese|tamil|punjabi|sikh|hindu|muslim|filipino|pakistani|jamaican|somali"
    r"|afghan|syrian|arab|african|black|asian|korean|vietnamese|mexican|polish|russian"
    r"|ukrainian|italian|portuguese|greek|jewish|irish|caribbean|nigerian|iranian|persian"
    r"|brown|desi|immigrant|newcomer|foreign|refugee)"
)
_MEMBERS = (
    r"(?:families|households|people|folks|guys?|drivers|landlords|nannies|parents|kids"
    r"|students|owners|men|women|tenants|neighbou?rs|community|crowd|immigrants|newcomers)"
)
# "the Chinese community club", "Filipino community centre": an organisation, not the people.
_NOT_AN_ORGANISATION = (
    r"(?! (?:club|centre|center|association|society|council|group|festival|organi[sz]ation"
    r"|church|temple|mosque|gurdwara|school|choir|team|booth|event|network|services?|hub))"
)
_GENERALISATION = _prefiltered(
    rf"(?<![a-z])(?:(?:the|these|those|all (?:the|these|those)?|every|some|of course the"
    rf"|always the) ?{_COMMUNITY}s? {_MEMBERS}\b{_NOT_AN_ORGANISATION}{_S}"
    r"(?:always|never|every|all|just how|the ones|can(?:'t|not|not even)? barely|typical"
    r"|everybody knows|take over|takes over|leave it|think the rules|are the same|is the same"
    r"|who (?:can'?t|don'?t|never)|stuffing|that'?s why|like that)"
    rf"|{_COMMUNITY}s? {_MEMBERS}\b{_S}(?:that'?s (?:just )?(?:how|why|what) they"
    r"|every (?:single )?one of them|they'?re all|they all)"
    rf"|(?:always|of course|typical(?:ly)?|it'?s always) (?:the |these |those )?{_COMMUNITY}s?"
    rf" {_MEMBERS}\b"
    r"|(?:go|going|should go|can go) back to (?:india|china|pakistan|africa|your country"
    r"|where (?:you|they) came from|the philippines|jamaica|somalia|syria"
    # more of the countries the City's residents came from
    r"|sri lanka|bangladesh|nepal|iran|iraq|afghanistan|nigeria|ghana|ethiopia|eritrea"
    r"|mexico|haiti|vietnam|korea|russia|ukraine|poland|italy|portugal|greece|turkey|lebanon"
    r"|egypt|guyana|trinidad|the caribbean|the middle east|asia|your (?:own )?village)\b"
    r"|certain (?:cultures|communities|groups|people|countries|religions)"
    r"(?: here| around here| in (?:this|our) (?:town|city|country))? (?:just )?(?:don'?t"
    r"|never|always|can'?t|won'?t|bring|refuse)"
    r"|we all know which (?:ones|groups|communities|people) (?:bring|cause|commit|are behind)"
    # a sweeping "are all" about a people or the homeless: "Filipinos are all nannies anyway",
    # "homeless people are all addicts"
    rf"|(?:{_COMMUNITY}s|homeless (?:people|folks)) (?:are|r) all (?:just )?(?:\w+ )?"
    r"(?:nannies|criminals|thieves|terrorists|scammers|addicts|junkies|drunks|gang ?members"
    r"|freeloaders|illegals|on welfare|the same)\b"
    r"|(?:these|those) people have (?:zero|no) (?:respect|manners|shame|consideration)"
    r"|(?:go|should go) (?:celebrate|live|do that) in (?:your|their) own country"
    r"|go back (?:to )?where (?:you|u|they) came from"
    r"|go (?:play|do|celebrate|practi[sc]e) (?:that|it|this|them) back home"
    r"|breed like (?:rabbits|rats|cockroaches|flies|vermin)"
    r"|(?:these|those) people (?:demand|want|expect|think|always|never|are all)"
    r"|(?:for|by) canadians?\W+(?:not|half)\b" + _S + r"immigrants"
    r"|we all know who'?s (?:really )?running (?:this|the) (?:town|city|place)"
    r"|(?:ship|send|kick|deport|pack) (?:them|'?em|these people|those people)(?: all)? (?:back|out)"
    r"\b[^.!?\n]{0,20}(?:where (?:they|you) came from|(?:their|your) (?:own )?country)"
    r"|(?:it'?s|its|that'?s) in their (?:culture|blood|nature|dna|genes)"
    r"|(?:refuse|refuses|won'?t|will not|can'?t be bothered) (?:to )?(?:learn|speak) english"
    r"|(?:they|these people|those people) (?:don'?t|do not|never) (?:respect|belong in)"
    r" (?:this|our) (?:country|culture|values|way of life)"
    r"|that'?s (?:apparently )?who (?:\w+ )?is (?:built|made|run) for"
    r")"
)

# Coded talk about a community: "a certain type of people, you know what I mean", "speak
# English or go home", "you know exactly which 'community' I'm talking about".
_DOG_WHISTLE = _prefiltered(
    r"(?<![a-z])(?:you know (?:exactly )?(?:who|what|which)\b[^.!?\n]{0,30}(?:i mean"
    r"|i'?m talking about|i'?m referring to)"
    r"|(?:a certain|the wrong|that) (?:kind|type|sort|crowd|element) of (?:people|person|folks"
    r"|neighbou?rs|residents)|a certain (?:crowd|element|community)"
    r"|(?:speak|learn) english or (?:go|leave|get|walk|move)"
    r"|more of (?:them|those people) (?:around|here|in)"
    # names for gay and trans people that mock them as a crowd
    r"|alphabet (?:people|mafia|crowd|gang|soup (?:people|crowd|gang))"
    # the country kept for some: "Canada Day for REAL Canadians only"
    r"|(?:real|true|old[- ]stock|pure) canadians only)"
)
# ...unless someone else said it: "a man told my mom to 'learn English or get out'".
_REPORTED_SPEECH = re.compile(
    r"(?:told|said|says|yelled|shouted|wrote|called)\b[^.!?\n]{0,40}$|['\"‘“]\s*$"
)


def _dog_whistles(post: Post, folded: str) -> list[Finding]:
    spans = tuple(Span(m.start(), m.end(), post.text[m.start() : m.end()])
                  for m in _DOG_WHISTLE.finditer(folded)
                  if not _REPORTED_SPEECH.search(folded[max(0, m.start() - 45) : m.start()]))
    if not spans:
        return []
    reason = f"Coded generalisation about a community ('{spans[0].text}')"
    return [Finding("harassment", 0.75, spans, explain("harassment", reason), "veiled")]


_AGENCY = (
    r"(?:cra|canada revenue agency|service canada|serviceontario|service ontario|hydro one"
    r"|elexicon|enbridge|rcmp|ontario provincial police|opp|durham regional police|drps"
    r"|canada post|ircc|immigration canada|(?:city of pickering|region of durham|the city)"
    r"(?: tax| revenue| finance| billing)? (?:office|department|notice|alert)"
    r"|government of (?:canada|ontario)|(?:city of pickering|region of durham)"
    r" (?:payment|account|bill|tax|refund)"
    # French: the same agencies, by their French names ("ARC", not "arc-en-ciel")
    r"|arc(?!-en-ciel)|agence du revenu du canada|gouvernement du (?:canada|quebec)"
    r"|gouvernement de l'ontario|postes canada|grc|ville de pickering|region de durham)"
)
_IDENTITY_OR_PAYMENT = (
    r"(?:sin\b|social insurance|banking|bank (?:info|details|account|login)|card (?:details"
    r"|number|info)|credit card|gift cards?|google play|itunes|bitcoin|crypto|e-?transfer|wire"
    r"|pay (?:immediately|now|today)|settle the (?:outstanding )?balance|login details"
    r"|password|date of birth|bank card|online banking|banking login"
    r"|(?:to )?avoid (?:a |the )?(?:\$[\d,.]+ )?(?:penalty|late fee|cancellation|suspension"
    r"|arrest|disconnection|legal action|shut-?off|fine)"
    # French: "numéro d'assurance sociale", "infos bancaires", "cartes-cadeaux", "payez
    # immédiatement", "pour éviter l'arrestation"
    r"|numero d'assurance sociale|\bnas\b|(?:informations?|infos?|coordonnees|details)"
    r" bancaires|cartes?[- ]cadeaux|carte de credit|mot de passe|date de naissance"
    r"|payez (?:immediatement|maintenant|aujourd'hui)|(?:pour )?eviter (?:l'|la |une |les )?"
    r"(?:arrestation|penalite|amende|coupure|suspension|poursuites))"
)
_ASK = (r"(?:verify|confirm|submit|re-?submit|provide|enter|update|send|settle|pay|claim|call"
        r"|(?:must|to) be paid|apply (?:now|today|here)"
        r"|click|reply with|dm us|dm me|text us|email us|message us"
        # French: "appelez", "confirmez", "déposez-le", "en entrant", "préparez"
        r"|appelez|composez|confirmez|verifiez|entrez|entrant|envoyez|payez|deposez|cliquez"
        r"|preparez|fournissez|repondez avec|ecrivez-nous)")
# A prize or payout that asks for identity or card details: "WIN a free iPhone! ... enter
# your card details for shipping", "your benefit bonus is ready. DM us your SIN".
_PRIZE = (r"(?:you(?:'ve| have)? won|win|winner|free (?:iphone|ipad|gift|prize|trip)|prize"
          r"|benefit bonus|bonus is ready|unclaimed (?:refund|rebate|credit))")
_SCAM = _prefiltered(
    rf"(?<![a-z]){_AGENCY}\b[^\n]{{0,200}}?\b{_ASK}\b[^\n]{{0,80}}?{_IDENTITY_OR_PAYMENT}"
    rf"|(?<![a-z]){_ASK}\b[^\n]{{0,60}}?{_IDENTITY_OR_PAYMENT}[^\n]{{0,120}}?\b{_AGENCY}\b"
    rf"|(?<![a-z]){_PRIZE}\b[^\n]{{0,160}}?\b{_ASK}\b[^\n]{{0,60}}?{_IDENTITY_OR_PAYMENT}"
)
# Every scam shape asks (_ASK) for identity or payment (_IDENTITY_OR_PAYMENT) as an agency or
# a prize: a post without the literal strings of all three cannot match (its everyday words
# alone, "call", "pay", "update", are in one post in six).
_SCAM_PARTS = AllOf([_prefiltered(_ASK), _prefiltered(_IDENTITY_OR_PAYMENT),
                     _prefiltered(f"{_AGENCY}|{_PRIZE}"), _SCAM])
# What no agency, utility or business ever asks for in a public post, whoever the post says
# it is from: "reply with card number + CVV", "send SIN and online banking login".
_SECRET = (r"(?:\bcvv|\bcvc|card security code|(?:online )?banking (?:login|password)"
           r"|bank (?:login|password)|\bsin\b|social insurance|bank transit|transit (?:and|\+|&)"
           r" account)")
_SECRET_ASKED = _prefiltered(rf"(?<![a-z]){_ASK}\b[^\n]{{0,80}}?{_SECRET}")
_SCAM_WARNING = re.compile(
    r"\b(?:will never|never ask|never does|don'?t (?:ever )?(?:give|send|pay)"
    r"|do not (?:give|send|pay)|is a scam|are scams?|it'?s a scam|phishing|hang up"
    r"|report (?:it|them)|arnaques?|fraudes?|hameconnage|ne (?:donnez|payez|envoyez) jamais"
    r"|raccrochez)\b"
)

_A_SCAM_NAMED = re.compile(r"\b(?:scam\w*|fraud\w*|phishing|arnaques?|hameconnage)\b")
_NAMED_AS_A_SCAM = re.compile(
    r"\b(?:a|another|total|pure) scam\b|\bscam alert\b|\bdon'?t click\b"
    r"|\bne cliquez (?:pas|jamais)\b|\bfrauduleu(?:x|se|ses)\b"
)
_NOT_A_SCAM = re.compile(r"\b(?:not|no|never) (?:an? )?(?:scam|fraud)")

_BANNED_FIREWORKS = (
    r"(?:m-?80s?|m-?100s?|roman candles?|mortars?|quarter sticks?|cherry bombs?"
    r"|(?:\d+ ?-?g(?:rams?)? |firework |display )cakes"  # a bakery's cakes are cakes
    r"|bottle rockets?"
    r"|patake|pataka)"  # Punjabi and Hindi: firecrackers
)
_SELLING = (
    r"(?:dm (?:me|for)|for prices|cash only|delivery|selling|for sale"
    r"|got (?:the )?(?:real|good))"
)
# Selling fireworks that are not sold in stores: "selling fireworks out of my garage, the big
# ones the stores can't sell".
_UNLICENSED = (
    r"(?:out of (?:my|the) (?:garage|trunk|basement|car|van|house|backyard)"
    r"|stores? (?:can'?t|cannot|won'?t|don'?t) (?:sell|carry)|no permit|without (?:a )?permit"
    r"|not legal|illegal (?:ones|kind|here|wale)|actually illegal|banned)"
)
# Offered as brought in past the rules: "from the US", "no permit needed".
_SMUGGLED = r"(?:no permit (?:needed|required)|(?:from )?across the border|from the (?:us|states))"
_FIREWORK_SALE = _prefiltered(
    rf"(?<![a-z])(?:{_BANNED_FIREWORKS}[^\n]{{0,80}}?(?:{_SELLING}|{_SMUGGLED})"
    rf"|{_SELLING}{_S}(?<![a-z]){_BANNED_FIREWORKS}"
    rf"|(?:selling|sells?|for sale)[^\n]{{0,40}}?fireworks[^\n]{{0,120}}?{_UNLICENSED})"
)
# Drugs offered in their street names or as emoji (read as words: "herb", "pill"), with a
# way to order: "good bud, dm me, delivery", "🍃💨 + ❄️ delivered, DM for menu". Names that are
# only drugs pair with any way to order; words with an everyday sense too (a pharmacy's pill
# packs, a market's mushrooms, garbage carts, a person called Molly) only with a dealer's way
# to order (a DM, a "drop", a Snapchat handle), never with "delivery" or "cash only" alone.
_STREET_DRUGS = (
    r"(?:(?:good|loud|top shelf|cheap) (?:bud|pack)|loud pack|shrooms|special brownies"
    r"|percs?|oxys?|xans?|zaza)"
)
_EVERYDAY_OR_DRUGS = r"(?:carts|edibles|clones|molly|herb|leaf fluttering in wind|mushroom|pill)"
_DEALERS_ORDERING = (
    r"(?:dm (?:me|for)|dm$|quick drop|fast drop|msg me|message me|snap(?: me)?:? @?\w+|hmu"
    r"|for (?:the )?menu)"
)
_ORDERING = rf"(?:{_DEALERS_ORDERING}|delivery|delivered|cash only|meetups?)"
_DRUG_SALE = _prefiltered(
    r"(?<![a-z])(?:(?:best )?prices? on (?:coke|blow|molly|percs?|oxys?|xans?)"
    r"|(?:coke|blow|molly|percs?|oxys?|xans?) prices|where you go to buy"
    r"|ask for \w+ (?:by|at|behind|near) the"
    rf"|{_STREET_DRUGS}\b[^\n]{{0,80}}?{_ORDERING}|{_ORDERING}[^\n]{{0,60}}?{_STREET_DRUGS}\b"
    rf"|{_EVERYDAY_OR_DRUGS}\b[^\n]{{0,80}}?{_DEALERS_ORDERING}"
    rf"|{_DEALERS_ORDERING}[^\n]{{0,60}}?{_EVERYDAY_OR_DRUGS}\b)"
)


def _found(
    category: Category, pattern: Prefiltered, post: Post, folded: str, confidence: float,
    reason: str,
) -> list[Finding]:
    spans = tuple(Span(m.start(), m.end(), post.text[m.start() : m.end()])
                  for m in pattern.finditer(folded))
    # Words the post reports someone said ('a man yelled "go back to India" at her').
    spans = tuple(span for span in spans if not in_reported_quote(folded, span.start))
    if not spans:
        return []
    return [Finding(category, confidence, spans,
                    explain(category, f"{reason} ('{spans[0].text}')"), "veiled")]


def veiled_harassment(post: Post) -> list[Finding]:
    folded = fold(post.text)
    if not _HARASSMENT_GATE.may_match(folded):
        return []
    return [
        *_found("harassment", _VEILED_THREATS, post, folded, 0.8, "Veiled threat"),
        *_found("harassment", _GENERALISATION, post, folded, 0.75,
                "Generalisation about a community"),
        *_found("harassment", _EMOJI_INSULT, post, folded, 0.7, "Emoji used as an insult"),
        *_found("harassment", _FOLLOW_HOME, post, folded, 0.85,
                "Incites following a person home"),
        *_dog_whistles(post, folded),
        *_incitement(post, folded),
    ]


def _incitement(post: Post, folded: str) -> list[Finding]:
    # The phrases first: they are prefiltered, so most posts stop here.
    spans = _sent(post, folded, _INCITE_HARASSING)
    if spans and not _WHERE_TO_REACH.search(folded):
        spans = ()
    if not spans:
        spans = _sent(post, folded, _INCITE_AT_HOME)
        if not spans or not _PRIVATE_HOME.search(folded):
            return []
    reason = f"Sends people to a private person's home or phone ('{spans[0].text}')"
    return [Finding("harassment", 0.75, spans, explain("harassment", reason), "veiled")]


def _sent(post: Post, folded: str, phrases: Prefiltered) -> tuple[Span, ...]:
    """Where the post tells others to go at someone (not the writer's or an authority's plan)."""
    return tuple(Span(m.start(), m.end(), post.text[m.start() : m.end()])
                 for m in phrases.finditer(folded)
                 if not _NOT_SENDING.search(folded[max(0, m.start() - 25) : m.start()]))


# "Would be a shame if a brick went through them", "ce serait dommage si quelqu'un
# déplaçait vos cônes": harm wished in so many words, to property or to a person.
_SHAME_IF = _prefiltered(
    r"(?<![a-z])(?:(?:would|it'?d|be) (?:be )?(?:a )?(?:real |big )?(?:shame|pity) if"
    r"|(?:ce )?serait (?:bien |vraiment )?dommage (?:si|qu)|(?:ca|ce) serait plate (?:si|qu))"
    r"[^.!?\n]{0,80}?(?:got|get|went|go|found|caught|happened|burn|fire|broke|smash|dump"
    r"|egg|key|slash|brick|rock|paint|spray|deplac|cass|brul|vol|tomb|disparai|feu|incendi"
    r"|crev)"
)


def veiled_illegal(post: Post, allowed: AllowListCheck) -> list[Finding]:
    folded = fold(post.text)
    found = [
        *_found("illegal", _SHAME_IF, post, folded, 0.75, "Veiled threat of harm"),
        *_found("illegal", _PROPERTY_HARM, post, folded, 0.75,
                "Threat of harm to property or of publishing a home address"),
        *_found("illegal", _FIREWORK_SALE, post, folded, 0.8, "Sale of banned fireworks"),
        *_found("illegal", _DRUG_SALE, post, folded, 0.8, "Selling drugs"),
        *_found("illegal", _FOLLOW_HOME, post, folded, 0.75, "Incites following a person home"),
    ] if _ILLEGAL_GATE.may_match(folded) else []
    if _SCAM_PARTS.may_match(folded) and not _SCAM_WARNING.search(folded):  # cheap tests first
        found += _found("illegal", _SCAM, post, folded, 0.85,
                        "Scam impersonating a government agency or utility, asking for "
                        "identity or payment details")
    if not found and _SECRET_ASKED.may_match(folded) and not _warned_about(folded):
        found += _found("illegal", _SECRET_ASKED, post, folded, 0.85,
                        "Scam asking for banking or identity secrets")
    if not found:
        found += _dressed_as_public(post, folded, allowed)
    return found


# A payment or claim page named like a public body's ("pickering-ca-parking.com",
# "cra-benefit-claim.net", "serviceontario-renewals.info") and not on the City's allow list:
# phishing, whatever the post's words.
_SPELLED_OUT = ("pickering", "durham", "ontario", "canada", "gov", "presto", "hydro")
# The CRA's initials, English and French, as parts of their own: not "marc", "search", "craft"
_INITIALS = ("cra", "arc")
_PUBLIC_NAMES = (*_SPELLED_OUT, *_INITIALS)
_PUBLIC_NAME = re.compile(
    "|".join(_SPELLED_OUT) + r"|(?<![a-z])(?:" + "|".join(_INITIALS) + r")(?![a-z])")
# A part of the domain's name made of such words ("taxpay", "renewals", "secureportal"), not
# one that merely starts like one ("paysagerpro", a landscaper).
_PAYMENT_NAME = re.compile(
    r"(?<![a-z])(?:pay|tax|ticket|parking|refund|rebate|fine|violation|renew|bill|secure"
    r"|portal|claim|benefit|verify|account|login|licen[cs]e|permit|fee|registration"
    # French: "arc-remboursement", "credit-proprietaire", "promo", "paiement", "reclamer"
    r"|rembours|remboursement|credit|taxe|paiement|reclam|promo|prime|cadeau)+"
    r"(?:s|als?|ments?|ing|online|now|here|er|ez)?(?![a-z])"
)
_DIGITS_AS_LETTERS = str.maketrans("013", "oie")
_PUBLIC_NAME_IN_A_DOMAIN = re.compile(rf"(?:{'|'.join(_PUBLIC_NAMES)})[a-z0-9-]*\.[a-z]{{2}}")
_WARNED = re.compile(
    r"\b(?:fake|is (?:this|it) (?:legit|real)|got (?:a|this|the same) (?:text|email|call|message)"
    r"|screenshot)\b"
)


def _warned_about(folded: str) -> bool:
    return bool(_SCAM_WARNING.search(folded) or _WARNED.search(folded))


def warns_of_a_scam(folded: str) -> bool:
    """Whether the post names a scam and warns against it ("Obviously a scam. The City will
    never ask for gift cards", "des textos frauduleux... Ne cliquez pas"): the price and the
    number in it are the scammer's, quoted, not an offer. "Not a scam" is what scams say."""
    return (
        _A_SCAM_NAMED.search(folded) is not None and _NOT_A_SCAM.search(folded) is None
        and (_SCAM_WARNING.search(folded) is not None
             or _NAMED_AS_A_SCAM.search(folded) is not None)
    )


def _dressed_as_public(post: Post, folded: str, allowed: AllowListCheck) -> list[Finding]:
    if "." not in folded or not any(name in folded for name in _PUBLIC_NAMES) or (
            _PUBLIC_NAME_IN_A_DOMAIN.search(folded) is None):
        return []  # most posts: no public body's name runs into a dot and a domain
    for link in contacts.links(post.text):
        # digits standing for letters, as in "arc-remb0urs-canada.info"
        name = link.value.rsplit(".", 1)[0].translate(_DIGITS_AS_LETTERS)
        if (allowed.domain(link.value) or _PUBLIC_NAME.search(name) is None
                or _PAYMENT_NAME.search(name) is None):
            continue
        if _warned_about(folded):
            return []  # "got a text saying pay at pickering-taxpay.com, is this legit?"
        reason = f"Link to a payment or claim page dressed as a public body's ('{link.value}')"
        return [Finding("illegal", 0.85, (link.span,), explain("illegal", reason), "veiled")]
    return []


# Every veiled shape needs one of its phrases' literal strings: most posts hold none of any.
_HARASSMENT_GATE = Gate(
    (_VEILED_THREATS, _GENERALISATION, _EMOJI_INSULT, _DOG_WHISTLE, _INCITE_HARASSING,
     _INCITE_AT_HOME, _FOLLOW_HOME)
)
# (Not the scam shapes: their literal strings are everyday words, "call", "pay", "update".)
_ILLEGAL_GATE = Gate((_SHAME_IF, _PROPERTY_HARM, _FIREWORK_SALE, _DRUG_SALE, _FOLLOW_HOME))
