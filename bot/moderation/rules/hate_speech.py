"""Hate speech, the part of harassment aimed at a group for who they are: a group named by a
protected characteristic together with contempt, dehumanisation, a threat or exclusion.

Two shapes cover most of it: something hateful done to the group ("I loathe Muslims",
"stab those immigrants", "contempt for black people") and something hateful said of it
("women are a virus", "gay people like you should all be killed", "immigrants are not
human"). Quoting hate to condemn it, and negating it ("no one ought to be executed"), is
not hate speech.
"""

from __future__ import annotations

import re

from bot.moderation.text import Prefiltered, required_literals

_GROUP = (
    r"(?:wom[ae]n|females?|girls"
    r"|trans(?:gender)?(?: (?:people|persons?|wom[ae]n|m[ae]n|folks?|kids))?"
    r"|gay(?:s| (?:people|persons?|m[ae]n|folks?|couples?))?|lesbians?|homosexuals?|queers"
    r"|bisexuals?|black(?:s| (?:people|persons?|m[ae]n|wom[ae]n|folks?|lives|kids))"
    r"|disabled (?:people|persons?|folks?|lives|kids)|the disabled|cripples|handicapped people"
    r"|muslims?|islam|jews?|jewish (?:people|persons?)|hindus?|sikhs?|christians?"
    r"|immigrants?|refugees?|migrants?|foreigners|newcomers|asians?|chinese(?: people)?"
    r"|indians?|pakistanis?|arabs?|africans?|mexicans?|jamaicans?|filipinos?|tamils?"
    r"|natives?|indigenous (?:people|persons?)|first nations|latinos?|hispanics?"
    # Places of origin, creeds, ages and disabilities the Human Rights Code protects too
    r"|somalis?|afghans?|syrians?|haitians?|bangladeshis?|sri lankans?|koreans?|vietnamese"
    r"|iranians?|iraqis?|nigerians?|ethiopians?|eritreans?|ukrainians?|russians?|roma|gypsies"
    r"|south asians?|east asians?|middle easterners?|punjabis?|gujaratis?|bengalis?"
    r"|whites(?! r(?:oa)?d\b)|white (?:people|folks?|m[ae]n|wom[ae]n)|illegals"  # Whites Rd
    r"|illegal immigrants"
    r"|catholics?|mormons?|atheists?|jehovah'?s witnesses"
    r"|seniors|old people|the elderly|elderly people|boomers"
    r"|autistics?|autistic (?:people|persons?|kids|adults)|the mentally ill"
    r"|mentally ill (?:people|persons?)|(?:blind|deaf|disabled) (?:people|persons?|folks?|kids)"
    r"|wheelchair users|drag queens?|trannies|homos|homosexuality|transgenderism"
    r"|(?:kids|people) in wheelchairs"
    r"|(?:female|immigrant|muslim|gay|trans|black|disabled|jewish|brown|asian|chinese|indian"
    r"|arab|african|somali|tamil|sikh|hindu|filipino|jamaican|refugee|native|indigenous"
    r"|korean|pakistani|afghan|syrian|haitian|mexican|white)"
    r" (?:lives|people|persons?|families|kids|women|men|folks?|guys|neighbours|neighbors"
    r"|students|youths?|drivers|buyers|grannies|community|communities|crowd|types))"
)
# Done to the group: contempt, violence, exclusion.
_AGAINST = (
    r"(?:hate|hatred|loathe|despise|detest|abhor|contempt|scorn|disdain|disgusted by|sick of"
    r"|can'?t stand|cannot stand|kill|murder(?:ing)?|stab|shoot|hang|burn|drown|strangle|slaughter"
    r"|execute|exterminate|eradicate|lynch|rape|raping|torture|gas|deport|get rid of"
    r"|put an end to|wipe out|fuck|f\*+k|attack(?:ing)?|hurt|punch|beat up|never trust"
    r"|rather die than|anywhere near|like less than|smarter than|more intelligent than"
    r"|difference between a dead \w+ and|mistake|care more about|no place for"
    r"|no space on this planet for|better off without|execution is the only solution for"
    r"|pissed off by|pissing me off|worse than|furious|angry)"
)
# Said of the group: what it is, deserves or should suffer.
_SAID_OF = (
    r"(?:worst|worthless|useless|stupid(?:est)?|dumb(?:est)?|brainless|ignorant|idiots"
    r"|uncivili[sz]ed|savages?|violent|cruel|dangerous|a danger|a threat|pests?|a plague"
    r"|a virus|a disease|a cancer|vermin|rats|cockroaches|parasites|animals|apes|monkeys"
    r"|trash|garbage|refuse|scum(?:bags)?|filth(?:y)?|dirt|a waste of space|lesser beings"
    r"|subhuman|inferior|disgusting|revolting|repulsive|repugnant|despicable|sickening|vile"
    r"|evil|pathetic|worth (?:absolutely )?nothing"
    r"|(?:aren'?t|not) worth (?:shit|anything|a thing|living)"
    r"|no value"
    r"|not human|not our equals?|never (?:be )?(?:as )?(?:smart|attractive|any intelligent)"
    r"|never any intelligent|never be a valuable"
    r"|(?:do not|don'?t) deserve to (?:live|exist|be alive)"
    r"|(?:do not|don'?t) belong|(?:do not|don'?t) matter|should not apply"
    r"|make me (?:sick|furious|angry|boil)|disgust me|be (?:shot|killed|hanged|hung|burned"
    r"|executed|gassed|eradicated|exterminated|deported|locked up|dumped)|all be dead|be dead"
    r"|throats cut|suffer|die|get the fuck out|fuck off|go fuck themselves|fucked in the head"
    r"|motherfuckers|shitheads?|shitty|assholes|dickheads|bullshit|ruin\w*|destroy\w*"
    r"|taking over|invading|infesting|poisoning|a mistake"
    r"|be (?:sent (?:home|back)|kicked out|thrown out|banned|removed)|go back"
    r"|decriminali[sz]ed|not be illegal|in cages"
    # What a generalisation says of a whole group: crime, filth, sponging, menace
    r"|criminals|crooks|thieves|thugs|gangbangers|gangsters|terrorists|predators|paedophiles"
    r"|pedophiles|groomers|rapists|frauds|liars|cheats|scammers|drunks|addicts|druggies"
    r"|locusts|feral|leeches|leeching|bloodsuckers|invaders|an invasion|a burden|a drain"
    r"|a liability|nothing but trouble|unstable|incapable|backwards?|primitive|barbaric"
    r"|barbarians|dirty|smelly|smell|stinks?|stinking|reeks?|lazy|freeloaders|moochers"
    r"|looking for handouts|want handouts|(?:get|gets|getting) (?:free|everything|all the)"
    r"|handed (?:to them|everything)|breed like|steal(?:s|ing)? (?:our|your|the|jobs)"
    r"|take our|taking our|took our|bring(?:s|ing)? (?:crime|disease|drugs|trouble)"
    r"|(?:control|controls|own|owns|run|runs) (?:the|our|all the) (?:banks|media|world"
    r"|government|money|city|country)"
    r"|jump(?:s|ing)? the (?:queue|line)|play(?:s|ing)? the race card"
    r"|never (?:integrate|assimilate|work|contribute|pay|learn)"
    r"|refuse to (?:integrate|assimilate|learn|speak|work)|(?:don'?t|do not) integrate"
    r"|can'?t be trusted|cannot be trusted|(?:can'?t|cannot) (?:behave|make decisions|drive)"
    r"|(?:should(?:n'?t| not)|must not|not) be allowed|be stopped|stopped at the"
    r"|rounded up|be kept (?:out|off|away|home)|put (?:them )?in a home|aggressive"
    r"|special treatment|a (?:mental )?(?:illness|sickness)|mentally ill|sick in the head)"
)
_SAME_SENTENCE = r"[^.!?\n]{0,45}?"
_PRONOUNS = r"(?:them|they|they'?re|your kind|their kind|these people|those people)"


def _shapes(target: str) -> tuple[Prefiltered, Prefiltered]:
    done_to = re.compile(
        rf"(?<![a-z0-9]){_AGAINST}\b[^.!?\n]{{0,30}}?"
        rf"\b(?:all |those |these |the |any |every |you |a |an )?"
        rf"(?P<group>{target})\b",
    )
    said = re.compile(
        rf"(?<![a-z0-9])(?P<group>{target})\b(?P<gap>{_SAME_SENTENCE})\b(?P<said>{_SAID_OF})\b"
    )
    # Prefiltered by the words of contempt and what is said of the group, not by the group:
    # hate_speech_spans only reads a post that names a group, and most such posts say
    # nothing hateful (on a long post naming "families" or "seniors" a scan costs 50-150 µs).
    # Every match holds a match of _AGAINST or _SAID_OF, so one of their literal strings.
    return (Prefiltered(done_to, needles=_literals(_AGAINST)),
            Prefiltered(said, needles=_literals(_SAID_OF)))


def _literals(words: str) -> tuple[str, ...] | None:
    """Strings one of which is in every match of `words` (None: the shape is always read)."""
    return required_literals(re.compile(words))


_DONE_TO, _SAID = _shapes(_GROUP)
# Most posts name no group: the shared prefilter says so without a scan (same matches).
_ANY_GROUP = Prefiltered(re.compile(rf"(?<![a-z0-9]){_GROUP}\b"))
GROUP_NAMES = _ANY_GROUP  # read by the learned model, which sees every group as one word
# Once a post names a group, "them" and "they" in the next sentence refer to it.
_DONE_TO_REF, _SAID_REF = _shapes(_PRONOUNS)
_NEGATED_GAP = re.compile(r"\b(?:not|never|no|n'?t|opposite of|any less|than anyone)\b")
# "...for disabled people is the worst": the group is an object, not the subject.
_GROUP_AS_OBJECT = re.compile(r"\b(?:for|to|with|about|help(?:ing)?|serving|from)\s+$")
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|never|nobody|don'?t|doesn'?t|isn'?t|aren'?t|without|condone|stop)\b"
    r"[^.!?]{0,25}$"
)
# Rhetorical questions are assertions: "isn't it obvious that I hate...", "why don't we...".
_RHETORICAL = re.compile(
    r"\b(?:isn'?t it|is it not|why don'?t we|why not|do people (?:really )?not|why do people not"
    r"|don'?t you think)\b"
)
# Hate reported in order to condemn it: "saying that you hate X shows...", "calling X...".
_REPORTED = re.compile(
    r"\b(?:saying|said|say|says|telling|tell|calling|call out|consequences for|for wishing"
    r"|wrote|writes|writing|posted|posting|claims?|claiming|claimed|shouted|yelled"
    r"|threats like|(?:your|the|open|obvious) (?:obvious |open )?(?:contempt|hatred) for)\b"
    r"[^.!?]{0,40}$"
)
# Condemning or refuting hate in so many words.
_COUNTER_SPEECH = re.compile(
    r"\bokay to call\b|\bok to call\b|\bcan'?t seriously (?:believe|think)\b|\bsays a lot about\b"
    r"|\bthreatening to\b|\bcall(?:s|ing)? for the death\b"
    r"|\bwill get you (?:banned|thrown|arrested)"
    r"|\bhow hateful\b|\bis hateful\b|\bnot okay to\b|\bstop calling\b|\bcondone\b"
    r"|\bstand by while\b|\bno (?:hatred|hate) in my heart\b|\bwriting that\b"
)


def hate_group_named(folded: str) -> bool:
    return _ANY_GROUP.pattern.search(folded) is not None  # a clause: too short to prefilter


def hate_speech_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of `folded` (lowercase text) that are hate speech against a group."""
    # Every shape needs a group named (the pronoun shapes only count once one is), and
    # most posts name none: one scan for a group answers for all four.
    if _ANY_GROUP.search(folded) is None or _COUNTER_SPEECH.search(folded):
        return []
    shapes = [_DONE_TO, _SAID, _DONE_TO_REF, _SAID_REF]
    spans = []
    for shape in shapes:
        for match in shape.finditer(folded):
            if not _condemned_or_negated(folded, match):
                spans.append((match.start(), match.end()))
    return spans


# Hate named in order to refute it: "it's a myth that immigrants bring crime", "the idea that
# ... are dangerous is a myth", "saying ... is racist".
_REFUTED_BEFORE = re.compile(
    r"\b(?:myth|false|untrue|not true|a lie|nonsense|racist|bigoted|stereotype)\b"
    r"[^.!?]{0,12}\b(?:that|is|to say)\b[^.!?]{0,20}$|\bthe idea that\b[^.!?]{0,20}$"
)
_REFUTED_AFTER = re.compile(
    r"^[^.!?]{0,25}?\b(?:is|are|was)\s+(?:a |just a |an? (?:ugly |old |racist )?)?"
    r"(?:myth|lie|false|untrue|nonsense|racist|bigoted|hateful|stereotype|garbage)\b"
)


def _condemned_or_negated(folded: str, match: re.Match[str]) -> bool:
    before = folded[max(0, match.start() - 40) : match.start()]
    if _REPORTED.search(before):
        return True
    if _REFUTED_BEFORE.search(before) or _REFUTED_AFTER.search(folded[match.end():][:60]):
        return True
    if _NEGATION_BEFORE.search(before[-30:]) and not _RHETORICAL.search(before):
        return True
    if "said" in match.groupdict():
        if _NEGATED_GAP.search(match.group("gap")):
            return True
        if _GROUP_AS_OBJECT.search(before[-15:]):
            return True
    return False


# The words hate speech is read by (group names, verbs of contempt, what is said of a group):
# a misspelling of one of them is repaired before reading (see bot.moderation.spelling).
KEY_WORDS = frozenset(re.findall(r"[a-z]{4,}", _GROUP + _AGAINST + _SAID_OF))
