"""Vulgarity, insults, slurs and threats in the other languages of Pickering's residents:
French (Canada's other official language, Quebec's sacres included), Punjabi, Hindi and Urdu
(in their scripts and romanized), Tamil, Chinese (Mandarin and Cantonese), Tagalog, Spanish,
Portuguese and Arabic.

Words that only mean one thing count in any post; words that are innocent in another language
("con" in English, "bite", "puta" in Portuguese place names) count only when the post is
detected (bot.moderation.languages) to be in the language where they are vulgar. Latin-script
words are matched on the folded text (accents off: "encule" stands for "enculé"); other
scripts as written. Evidence is the words that matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.moderation import contacts
from bot.moderation.guidelines import NOT_SAID_OF_A_FRIEND, explain
from bot.moderation.languages import is_french, language_of
from bot.moderation.lexicon import Lexicon
from bot.moderation.model import Category, Finding, Post, Span
from bot.moderation.normalise import normalise
from bot.moderation.rules.harassment import DENIED_IN_FRENCH, in_reported_quote
from bot.moderation.rules.illegal import discourages
from bot.moderation.text import Alternatives, PatternSet, Prefiltered, fold, unleet


@dataclass(frozen=True)
class _List:
    category: Category
    reason: str
    confidence: float
    pattern: re.Pattern[str]
    language: str | None = None  # None: counts in any post
    alphabet: re.Pattern[str] | None = None  # read only in posts with one of these letters
    advice: bool = False  # advice to do something, which a warning against it is not
    reach: bool = False  # counts only in a post with a phone number or a street address


def _latin(*words: str) -> str:
    # Whole words, a letter of any alphabet ending one: Greek "τετάρτη" (Wednesday) is read as
    # "tetάptn", whose look-alike "ptn" is no French "putain". Chinese, Japanese and Korean
    # put no space between words ("开发商cnm"): their characters end none.
    return rf"(?<!{_LETTER_OF_A_SPACED_SCRIPT})(?:" + "|".join(words) + \
        rf")(?!{_LETTER_OF_A_SPACED_SCRIPT})"


_LETTER_OF_A_SPACED_SCRIPT = (
    "[^\\W_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _script(*words: str) -> str:
    return "(?:" + "|".join(map(_word_start, words)) + ")"


_ARABIC_LETTER = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"


def _word_start(word: str) -> str:
    """A word in Arabic letters (Arabic, Farsi, Urdu) begins a word: "کونی" is no part of
    "مسکونی" (residential), "خرا" none of "مؤخرا" (recently), "گشتی" none of "برگشتی". An
    Arabic word may carry the particles written onto it ("هالخرا", "بمكتب"); a word with
    letters Arabic does not have (Farsi, Urdu) none."""
    if not word[:1] or not "\u0600" <= word[0] <= "\u06ff":
        return word
    particles = "" if any(ch in _NOT_ARABIC for ch in word) else _ARABIC_PARTICLES
    return f"(?<![{_ARABIC_LETTER}]){particles}{word}"


_NOT_ARABIC = frozenset("گچپژکیٹڈڑںھے")
_ARABIC_PARTICLES = "(?:هال|وال|بال|فال|لل|ال|و|ب|ف|ل)?"


def _whole_words(*words: str) -> str:
    """Whole words of another alphabet (Cyrillic, Greek), read as the rules read a post: its
    letters that look Latin turned Latin by the normaliser and folded ("бл*ть" is "6л*tь"), so
    each word here is put through the same steps. Whole: "хуже" (worse) is not "ху..."."""
    read = [fold(normalise(spelling).plain.text) for word in words for spelling in _cased(word)]
    return r"(?<![^\W\d_])(?:" + "|".join(dict.fromkeys(read)) + r")(?![^\W\d_])"


def _as_read_cased(*words: str) -> str:
    """Words as the rules read them (`_as_read`), each also capitalised as a sentence starts
    it (`_cased`): labels of any script, written at a line's start or after a comma."""
    return _as_read(*(spelling for word in words for spelling in _cased(word)))


def _cased(word: str) -> tuple[str, ...]:
    """The word, and capitalised as a sentence starts it: folding lowercases Latin letters
    only, so "Пиздец" and "Γαμώ" stay capitals that a lowercase word would miss. A word that
    starts with a group ("(?:мы|я) знаем") has each of the group's words capitalised."""
    if word.startswith("(?:") and ")" in word:
        group, rest = word[3:].split(")", 1)
        return (word, "(?:" + "|".join(map(_capital, group.split("|"))) + ")" + rest)
    return tuple(dict.fromkeys((word, _capital(word))))


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:] if word[:1].isalpha() else word


def _as_read(*words: str) -> str:
    """Words of a script the normaliser changes, as the rules read them: Korean letters
    written alone ("ㅅㅂ") become their combining forms (NFKC), "đ" becomes "d"."""
    return _script(*dict.fromkeys(fold(normalise(word).plain.text) for word in words))


# A sacre as it is said, at the end of a clause or before what it swears at ("esti!", "câlis
# d'...", "esti 🙃": an emoji is read as its name between two spaces); not the same letters
# inside a sentence of another language (Romanian "ești sigur", Turkish "çalış saatleri").
_SAID_AS_A_SACRE = r"(?= d(?:e |')| qu| ?[!,.]|[^\w']*$|  )"
# The church's vessels named as things ("le calice en argent", "pas de ciboire"), not sworn.
_A_CHURCH_VESSEL = r"(?<!le )(?<!un )(?<!du )(?<!pas de )"
_VULGAR = (
    # French and Quebec French
    _latin(r"merdes?", r"putains?", r"p'?tain", r"connards?", r"connasses?", r"salopes?",
           r"salopards?", r"encul[eé]e?s?", r"enfoir[eé]e?s?", r"fils de putes?", r"putes?",
           r"ta gueule", r"ferme ta gueule", r"ta yeule", r"va te faire f[o0*]u?[t*]re",
           r"allez vous faire f[o0*]u?[t*]re", r"nique ta mere", r"(?<!pique-)(?<!pique )niquer?",
           r"bordel de merde",
           r"tabarn[ao@4][ck]k?s?", r"fif\*s?", r"tabarnak", r"ca?lisses?", r"caliss",
           r"calis" + _SAID_AS_A_SACRE, r"crisse",
           r"os+t+(?:i+e*)s?", r"hosties?(?= d(?:e |'))", r"criss(?= d(?:e |')| qu)",
           r"esti(?:e|s)?" + _SAID_AS_A_SACRE,
           r"(?:ben|mon|ah|oh|en) esti(?:e|s)?",
           r"esties?", r"3sti", r"crss", r"sti(?= que | qu'| de | d')", r"kriss(?:e|es)?",
           r"criss(?= ?[.!,]|$)",
           r"crisser", r"crisses",
           # the eighteenth round: sacres respelt, conjugated, shortened ("kaliss", "y s'en
           # crissent", "tbk"), "calvaire" said as one (not "un vrai calvaire pour
           # ceux qui marchent", an ordeal), "crosseurs"
           r"kaliss(?:e|es)?", r"crissent", r"crissez", r"crissait", r"tbk",
           r"calvaire(?= ?[!,]| de (?!l'|la |ceux|celles))", r"crosseu(?:r|rs|se|ses)",
           r"l['’]hostie(?= que| de)",
           r"(?:va|allez|aller) chier", r"bordel",
           # the sacres are also church words: "le calice en argent", "un ciboire ancien"
           _A_CHURCH_VESSEL + r"ciboire",
           r"(?:le|du) ciboire(?= de (?!l'|la |saint|ste? |notre|paroisse|chapelle|eglise))",
           _A_CHURCH_VESSEL + r"calice(?= ?[!,])", r"conneries?",
           # not the church's word in English ("the sacrament of confirmation")
           r"(?<!the )(?<!a )(?<!holy )(?<!of )sacrament(?! of\b)", r"marde", r"trou de cul",
           r"trou d'cul", r"couillons?", r"sous-merdes?", r"fait chier", r"fais chier",
           r"chiant(?:e|s|es)?", r"foutu(?:e|s|es)?", r"bande de cons",
           # "fils de pute" and "nique ta mère" as texted; "merdique" masked ("ma*rdique")
           r"fdp", r"ntm", r"ptn", r"enfants? d(?:e |')chienne",
           r"(?:nous|vous|se faire|te|me) fourrer", r"m(?:e|a|\*)rdiques?", r"ma\*rdiques?",
           r"me\*rdiques?",
           r"enc\*l[eé]e?s?", r"(?:se|te|vous) faire enc(?:u|\*)ler"),
    # Spanish
    _latin(r"mierda", r"hijos? de puta", r"joder", r"cabron(?:a|as|es)?", r"pendej[oa]s?",
           r"gilipollas", r"chingad[ao]", r"chinga tu madre", r"verga", r"me cago en",
           r"pinches? mamon(?:es|a|as)?",
           r"pinches?", r"culer[oa]s?", r"a la chingada", r"pendejadas?"),
    # Portuguese
    _latin(r"filh[oa]s? da p[u*]ta", r"(?:vai|vao|vão) se f[ou*]der", r"porra", r"caralho",
           r"puta que pariu", r"vai tomar no c[u*]", r"foda-se", r"cacete", r"puta merda"),
    # Punjabi, Hindi and Urdu, romanized
    _latin(r"b+e?h?e?n+ ?c+h+o+d+", r"b+h+e+n+ ?c+h+o+d+", r"pen ?chod", r"pencho",
           r"bhen ?di", r"maa ?di", r"ma+d+[ae]r ?c+h+o+d+", r"chut(?:i|ey?)(?:ya|ye|yon|a)",
           r"chutiye", r"bhosdi(?:ke|ka|wale)?", r"bhosda", r"gaa?ndu", r"gaand",
           r"lann", r"tatti", r"fudd?u", r"phuddu", r"kanjar", r"kanjri", r"teri maa ki",
           r"teri ma di", r"haramzad[ae]", r"haraamzad[ae]",
           r"saal[ae] (?:kutt[ae]y?|kamin[ae]y?|harami|gadh[ae])", r"kamine log",
           r"maa? chud(?:aye|ao|a|wa|ai)", r"maa? ki chut", r"chodu", r"chutiyo",
           r"(?:ke|ka|di|de) (?:l[a*]?[u*o]n?d[ae]|lavd[ae]|lo\*de)", r"lavd[ae]", r"bhosdina"),
    # Tamil, romanized
    # "sunni" only as a Tamil swear is used, never alone: Sunni Muslims are Pickering residents
    _latin(r"thevd?iy[ae]", r"thevidiya", r"otha", r"ommala", r"pundai", r"punda",
           r"koothi", r"mayir[ue]?", r"(?:en|un|unga|oru|oombu|umbu) sunni",
           r"sunni (?:payal\w*|paiya\w*|mavan\w*|moonji|oombu\w*|umbu\w*)"),
    # Tagalog
    _latin(r"putang ?ina", r"tang ?ina", r"punyeta", r"pakyu", r"hindot", r"kupal",
           r"kingina(?:mo)?", r"king ina(?:mo)?", r"pakshet"),
    # Cantonese in Latin letters
    _latin(r"on9", r"dllm", r"diu lei lo mo", r"diu nei", r"diu lei", r"pok gai", r"puk gai"),
    # Polish, Italian, Somali, Vietnamese and Tagalog as people mask them ("g@go", "p*nda")
    # (each written so its literal letters tell the prefilter: "g@go|g\*go", not "g[@*]go",
    # whose "go" is in nearly every post)
    _latin(r"kurw\w*", r"k\*rw\w*", r"chuj\w*", r"pierdol\w*", r"spierdal\w*",
           r"sp\*erdal\w*", r"pizda", r"pi\*da",
           r"stronz[oaie]", r"coglion[ei]", r"porca puttana", r"puttan[ae]", r"minchia",
           r"dh\*lo", r"dhillo", r"dit me", r"du ma", r"vai lon", r"g@go", r"g\*go", r"ul\*l",
           r"ul@l",
           r"p\*nda", r"thevd\*ya", r"k\*+dhi", r"ptm", r"cnm"),
    _script("vãi l", "chết mẹ", "傻[Bb]", "개색기",
            "좆같", "ك\\*?س ?[اأ]م", "شرم\\*+[ةه]", "भो\\*+के", "بہن چ\\*د"),
    # Korean swearing in initials ("ㅅㅂ" for 씨발), which the normaliser turns into the
    # combining letters (NFKC): written as it leaves them, or they would never match
    _as_read("ㅈ같", "ㅅㅂ", "ㅆㅂ", "ㅂㅅ", "ㅈㄹ"),
    # Scripts
    _script("ਭੈਣ ?ਚੋਦ", "ਮਾਦਰ ?ਚੋਦ", "ਕੰਜਰ", "ਚੂਤੀਆ", "ਗਾਂਡੂ", "ਭੈਣ ਦ[ਾੀ]", "ਮਾਂ ਦ[ਾੀ]",
            "भेन ?चोद", "बहन ?चोद", "मादर ?चोद", "चूतिया", "गांडू", "भोसडी",
            "بہن ?چود", "مادر ?چود", "چوتیا", "گانڈو", "حرامزاد",
            "தேவடியா", "ஓத்தா", "புண்டை", "கூதி",
            "他妈", "他媽", "操你", "肏", "傻逼", "傻屄", "煞笔", "妈的", "媽的", "草泥马",
            "尼玛", "狗屎", "婊子", "狗娘养的", "王八蛋", "傻[Xx×]", "仆街", "屌你", "冚家剷",
            # Cantonese
            "屌", "撚", "𨳒", "冚家鏟", "食屎", "戇鳩", "戆鸠", "閪", "妈逼", "媽逼",
            # Korean (시발 but not 시발점, "starting point", nor a first stop or station: 시발역,
            # 시발 정류장); their initials ("ㅅㅂ") are read above
            "씨발", "씨바", "시발(?!점|역| ?정류장)", "존나", "좆", "개새끼", "개새기", "병신",
            "지랄",
            # Farsi
            "گوه(?!ر)", "کس‌کش", "کسکش", "کس کش", "مادر ?جنده", "جنده", "پدرسوخته", "کونی",
            # Arabic
            "شرموط", "ابن ال?كلب", "خرا(?![ء-ي])", "كس ?[اأ]م", "يلعن"),
)
# More swearing, a list of its own: a list is read by its parts whose words are in the post
# only up to a number of parts (text.Alternatives), past which every part is read.
_VULGAR_MORE = (
    # Masked in Devanagari and romanized as people mask them ("च**िया", "bhen**od",
    # "bh***dina"): the letters around the stars say which word
    _script("चू?\\*+ि?या", "भ[ोे]?\\*+[डद]ी?"),
    _latin(r"bh[ae]{0,2}n ?\*+ ?c?h?od", r"b\*+n ?ch?od", r"bh\*+s?d(?:i|ike|ika|ina)",
           r"ch\*+t?iy[ae]", r"chu\*+ya", r"ma?d[ae]r ?\*+ ?c?h?od"),
    # "bastard" in Punjabi, Hindi and Urdu: a swear word as well as an insult
    _latin(r"harami", r"haraami"), _script("ਹਰਾਮੀ", "हरामी", "حرامی"),
    # Bengali, in its script (whole words: "বাল" is in "বালতি", a bucket) and romanized
    _script("(?<![\u0980-\u09ff])(?:বাল|মাগি|মাগী|খানকি|খানকী|চুদি|চোদা)(?![\u0980-\u09ff])",
            "বোকাচোদা", "চুদির ভাই", "কুত্তার বাচ্চা", "শুয়োরের বাচ্চা", "হারামজাদা"),
    _latin(r"bokachoda", r"khanki", r"chudir bhai", r"kuttar bachcha"),
    # Turkish: "amk" (amına koyayım), "siktir", "orospu çocuğu"
    _latin(r"amk", r"amina (?:koyayim|koyim|koydugum\w*)", r"siktir\w*", r"s\.ktir\w*",
           r"sikeyim",
           r"orospu\w*", r"yavsak\w*", r"pezevenk\w*"),
    # texted Spanish and Portuguese ("hijo de puta", "vai se foder"), Italian, romanized Farsi
    # ("kos kesh") and Malayalam ("myran")
    _latin(r"hdp", r"vsf", r"vaffanculo", r"kos ?kesh", r"myr[ae]n"),
    # Jamaican Patois "-claat" swears ("bumbaclaat", "bloodclaat", "rassclaat") and "rass"
    _latin(r"(?:bumb[ao]|bomb[ao]|blood|rass?|raas|pussy) ?cl(?:aa?t|ot)\w*",
           r"(?:bumb[ao]|blood|rass) ?cl\*+t", r"(?:like|yuh|yu|mi|fi|kiss mi) ra+ss"),
    # Twi: "wo maame twɛ" (your mother's...), written with "3" for "ɛ"
    _latin(r"(?:wo|w') ?(?:maame|maa|ni) tw[3ɛe]"),
    # Chinese "TM" for 他妈 between Han characters ("真TM烂"), and its other spellings
    _script("(?:真|太|好|就|是|都|个|個|你|他)tm(?:的|地)?", "特么", "他喵的"),
)
# Russian, Ukrainian and Greek, plain and masked ("бл*ть", "п***ец", "нах*й", "γ@μήσου"),
# "μαλάκα" but not "μαλακό" (soft). Read only in posts with letters of those alphabets: as
# the normaliser leaves them, few of their words keep a letter no Latin word has, so no
# literal can tell the posts to skip.
_VULGAR_ALPHABETS = (
    _whole_words(r"бл[яе*]+[тд]ь?", r"бля", r"сук[аи]", r"сучар\w*", r"х[у*]й\w*",
                 r"х[у*]ров\w*", r"пизд\w*", r"п\*+ец", r"п[и*]зд\w*", r"ёб\w*", r"еба\w*",
                 r"мудак\w*", r"нах[у*]й", r"в сраку", r"курв[аиу]", r"к\*рв[аиу]", r"говно",
                 r"говн[оа]м?"),
    _whole_words(r"μαλ[άα]κ(?:α|ας|ες)", r"γ[αά@*]μ[ήη*]σου", r"γαμ[ώω]", r"γ\*μημέν\w*",
                 r"σκατ[άα]"),
)
_INSULTS_ALPHABETS = (
    _whole_words(r"кацап\w*", r"дурень", r"дурак", r"мудак\w*", r"сучар\w*"),
    # Russian and Ukrainian names for a person ("урод", not "уродливый": an ugly building),
    # slurs for peoples ("москали", "хохлы", "чурки"; "жид" but not "жидкий", liquid), and
    # "go to hell" said to someone
    _whole_words(r"дебил\w*", r"урод(?:ы|ов|ина)?", r"идиот(?:ы|ов|ка|ки)?", r"придур\w*",
                 r"мраз(?:ь|и|ей)", r"твар(?:ь|и)", r"козл(?:ы|ина)", r"козёл", r"ворюг\w*",
                 r"воровк\w*", r"тупая \w+", r"тупой \w+", r"тупые \w+", r"падлюк\w*",
                 r"москал\w*", r"хохл(?:ы|ов|ам)", r"хохол", r"чурк\w*", r"жид(?:ы|ов|ам)?",
                 r"узкоглаз\w*", r"понаехавш\w*", r"черномаз\w*",
                 r"(?:иди|идите|іди|йди|йдіть|пошел|пошёл|пошли) (?:на )?(?:нах[у*]й|в жопу)",
                 # a people said to overrun the place or bring disease
                 r"(?:китайц|индус|мигрант|приезж|араб|негр|таджик|узбек|кавказц)\w*"
                 r"[^.!?]{0,40}(?:заполон\w*|понаех\w*|вирус\w*)", r"понаех\w*"),
    _whole_words(r"μαλ[άα]κ(?:α|ας|ες)", r"ηλίθι\w*"),
)
_CYRILLIC_OR_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")
_VULGAR_IN = {
    "fr": _latin(r"cons?", r"connes?", r"cul(?!-de-sac| de sac)", r"(?<!tick )(?<!bug )bite",
                 r"couilles",
                 r"foutre", r"chier"),
    # "ng puto" is Tagalog (a rice cake), which the detector often reads as Spanish
    "es": _latin(r"putas?", r"(?<!ng )putos?", r"cono"),
    "tl": _latin(r"puta", r"tae"),
    # Vietnamese initials ("đm", "đ.m", "vcl"): read as "dm", which is a direct message in
    # another language's post
    "vi": _latin(r"d\.?m+", r"dcm", r"vcl", r"vkl", r"clgt", r"vl", r"vcc", r"dmm", r"clm",
                 r"do cho (?:cai|de)(?= ?[.!,?]|$)"),
    # "o.ç." (orospu çocuğu), more often initials or an address than an insult outside
    # Turkish; not "piç": folded, its letters "pic" are in many posts ("topic"), all read
    "tr": _latin(r"o\.c\.?"),
}
_INSULTS = (
    # Hindi and Urdu ("nalayak", "badtameez"), Tamil English ("waste fellows"), Punjabi
    # ("chor banda"), Farsi, Malayalam, Polish ("złodziej i kłamca"); the texted "hdp" and
    # "vaffanculo" are swearing (above), which the sets' writers do not count as insults
    _latin(r"nalaa?yak", r"badtameez", r"waste fellows?", r"chor bandae?", r"kos ?kesh",
           r"myr[ae]n", r"zlodziej(?:e|u)?", r"klamc[ay]"),
    _latin(r"connards?", r"connasses?", r"salopes?", r"salopards?", r"salauds?",
           r"encul[eé]e?s?", r"enfoir[eé]e?s?", r"fils de putes?", r"abruti(?:e|s|es)?",
           r"cr[eé]tin(?:e|s|es)?", r"imb[eé]ciles?", r"incomp[eé]tents?",
           # said of a person, not of a topic ("sujet débile", "projet débile")
           r"(?<!trop )(?<!sujet )(?<!projet )(?<!plan )(?<!idee )(?<!video )(?<!debat )"
           r"(?<!programme )d[eé]biles?",
           r"bande d'incomp[eé]tents", r"minables?", r"tocards?", r"bouffons?", r"guignols?",
           # not "la collecte des ordures" (garbage collection): only a person called one
           r"(?:une|cette|quelle|sale|grosse|vieille|sont des|etes des|bande d') ?ordures?",
           r"raclures?", r"enflures?", r"pauvre cons?", r"pauvre type",
           r"espece de (?:con|conne|connard|idiot|imbecile|cretin|debile|salaud|malade|clown"
           r"|abruti|ordure|minable)\w*", r"bande de (?:cons|voleurs|menteurs|clowns|nuls|pourris)",
           r"[eé]lus pourris", r"escrocs?",
           r"bande de (?:branleurs|sans-desseins?|fatigants|imbeciles|epais|caves)",
           r"menteu(?:r|rs|se|ses)",
           # "niaiseux" said of a person, not of a topic ("c'est niaiseux comme sujet")
           r"tarla", r"(?:un|une|gros|grosse|maudite?|esti d[e']|vieux|vieille) niaiseu(?:x|se)",
           r"mange de la marde", r"tete de m[e*a]rde",
           # "ceux qui ont pondu ça ont de la m*rde dans la tête"
           r"(?:a|as|ont|avez|avoir) (?:de la|d'la) m[e*a]rde dans (?:la|leur|sa|ta|votre) tete",
           # "dégage!" said to someone, not a cleared sidewalk ("le trottoir est dégagé")
           r"(?<!est )(?<!sont )(?<!bien )(?<!ete )(?<!deja )(?<!a )(?<!ont )(?<!pas )"
           r"(?<!trottoir )(?<!trottoirs )(?<!rue )(?<!rues )(?<!chemin )(?<!entree )"
           r"(?<!allee )(?<!acces )(?<!stationnement )(?<!route )(?<!mal )(?<!sans )"
           r"(?<!etait )(?<!etaient )(?<!sera )(?<!seront )(?<!tout )degage"
           r"(?![a-z])",
           r"(?:c'est|est|t'es|sont des|c'est des) (?:une? |des )?(?:vraie? )?"
           r"(?:voleu(?:r|se)s?|criminel(?:le)?s?|bandits?)",
           r"fraudeu(?:r|rs|se|ses)", r"(?:va|allez) chier",
           r"(?:hosties?|osti|osties?|esti|maudite?s?|crisses?|criss|ca?lisses?|tabarna[ck]k?)"
           r" (?:de |d')"
           r"(?:clowns?|caves?|cons?|imbeciles?"
           r"|idiots?|incompetents?|epais|niaiseux|innocents?|fous|folles?|menteurs?"
           r"|voleurs?|crosseurs?|paresseux|porcs|corrompue?s?|trous? d(?:e |')?cul"
           r"|fatigants?|fatigantes?|branleurs?|sans-desseins?)",
           r"(?:bande|gang) d(?:e |')(?:(?:p'?tits? |petits? )?(?:osties?|hosties?|esti|maudits?"
           r"|crisses?|criss) d(?:e |'))?"
           r"(?:mangeux|trous? d(?:e |')?cul|caves|voleurs|crosseurs|incompetents|epais|bebes gates"
           r"|niaiseux|paresseux|tares|assistes|faineants|profiteurs|parasites|corrompus"
           r"|gratteux)",
           r"(?:sont|c'est) (?:tous |toutes |toute )?des (?:paresseux|voleurs|faineants"
           r"|incompetents|corrompus|menteurs|sans-gene|assistes|parasites|profiteurs"
           r"|sans-desseins?|branleurs|imbeciles|idiots|caves|epais|niaiseux)",
           r"(?:c'est|est|t'es|tu es) (?:un|une) (?:vrai |vraie |gros |grosse )?(?:corrompue?"
           r"|tas de (?:marde|merde|m\*rde))",
           r"mangeux de marde", r"gros caves?", r"d[eé]chets? humains?",
           # said to a person: "t'es juste une vieille folle", "esti de fêlé", "mongol fini"
           r"(?:t'es|tu es|vous etes|c'est) (?:juste |rien qu'|vraiment )?(?:un|une) (?:vrai"
           r"|vraie|vieux|vieille|gros|grosse|p'?tite?|sale) ?(?:fou|folle|fele|felee|cave"
           r"|idiote?|imbecile|mongol|malade|chialeux|chialeuse|epaisse?|niaiseuse|plouc|dinde"
           r"|chipie|vache|honte)",
           r"(?:c'est|sont|vous etes) (?:tous |toutes )?des (?:rats|porcs|chiens|vidanges|caves"
           r"|parasites|sangsues)",
           r"(?:une|cette|la|quelle) vieille (?:chipie|sorciere)", r"vautours? sans cervelle",
           r"bete comme ses pieds", r"vieux fossile", r"un vendu",
           r"(?:est|c'est|t'es|sont|des|un|une) (?:clairement |vraiment )?attarde(?:e|s|es)?",
           r"bande de mongols",
           r"(?:hostie|ostie|esti|crisse|calisse|maudite?) de (?:fele|felee|chialeux|chialeuse"
           r"|fou|folle|plouc|mongol)", r"mongol fini", r"plouc", r"(?:crisse|maudit) de chialeux",
           r"mele-toi de tes (?:\w+ )?(?:d')?affaires", r"ferme ta gueule",
           r"t'es (?:meme )?pas d'(?:ici|icitte)",
           # said of a person: "un incapable notoire", "une analphabète", "quelle gourde",
           # "un fainéant de première", "payé à rien foutre"; not "incapable de marcher"
           r"(?:un|une|des|cet|cette|bande d'|espece d'|gang d') ?(?:incapables?(?! de| d')"
           r"|analphabetes?)",
           r"quelle gourde(?= ?[.!]|$)", r"espece de gourde",
           r"(?:t'es|c'est|est) une (?:vraie |grosse )?gourde",
           r"(?:un|une|gros|grosse|maudite?s?) faineant(?:e|s|es)?", r"faineante? de premiere",
           r"payee?s? a (?:ne )?rien (?:foutre|faire|branler|crisser)",
           r"(?:grosse|maudite|esti de|osti de|crisse de|vieille) torche",
           r"bande de (?:pleurnichards|pleurnicheux|bebes gates|ignorants|hypocrites|voyous"
           r"|racailles|incapables|imbeciles|idiots|abrutis|cretins|debiles)",
           # "une vraie cruche" (not "une cruche d'eau"), "la crosseuse", "un maudit voleur",
           # "un enfant de chienne"
           r"(?:vraie|grosse|quelle|espece de|t'es une|c'est une) cruche(?! d)",
           r"(?:la|le|un|une|cette|ce|gros|grosse|maudite?) crosseu(?:r|se)",
           r"(?:un|une|le|la|ce|cette) maudite? (?:voleu(?:r|se)|menteu(?:r|se)|crosseu(?:r|se)"
           r"|incompetente?)", r"enfants? d(?:e |')chienne", r"niaiseux en maudit",
           # "c'est une sorcière corrompue", "Vasko = sorcière corrompue"
           r"(?:(?:c'est|est|t'es) une?|= ?(?:une? )?) (?:vieille |maudite |sale )?(?:sorciere"
           r"|corrompue?)",
           r"(?:c'est|sont) de la racaille",
           r"fdp", r"(?:aller|va|allez|peut aller|peuvent aller) (?:se|te|vous) faire"
           r" (?:foutre|enc(?:u|\*)ler)",
           # death wished on someone: "qu'il crève", "qu'il se noie avec ses roches"; not
           # "pour pas qu'il se noie" or "de peur qu'elle se noie"
           r"(?<!pas )(?<!peur )(?<!avant )(?<!crainte )qu'(?:il|elle|ils|elles)"
           r" (?:se noi(?:e|ent)|crev(?:e|ent)|aille(?:nt)? (?:crever|mourir))",
           r", ?crev(?:e|ez)(?= ?[.!]|$)"),
    _latin(r"pendej[oa]s?", r"idiotas?", r"estupid[oa]s?", r"imbeciles?",
           r"cabron(?:a|as|es)?", r"hijos? de puta", r"que se vaya a la chingada"),
    # Portuguese
    _latin(r"filh[oa]s? da p[u*]ta", r"vagabund[oa]s?", r"safad[oa]s?",
           r"corrupt[oa]s? de merda", r"vai tomar no c[u*]"),
    # (not "kutte da license": a dog's)
    _latin(r"chut(?:i|ey?)(?:ya|ye|yon|a)", r"chutiye", r"ma+d+[ae]r ?c+h+o+d+",
           r"kuttey?(?! (?:da|di|de|ka|ki|ke|nu|layi|lai|wala|wali|vaste|waste)\b)",
           r"kutti", r"kutte di", r"kamin[ae]y?", r"harami", r"haraami", r"haramzad[ae]",
           r"ullu (?:ka|ke|de|da) patt?h?[ae]y?",
           r"(?:sab|saare|sare) (?:\w+ ){0,3}chor", r"beghairat", r"be ?ghairat", r"bewakoof",
           r"khotey?", r"fuddu", r"kanjar", r"saala kutta",
           r"ch\W?t\W?iy[ae]", r"kameen[ae]y?", r"bh\W?[ae]?n\W?ch\W?o?d", r"gadh[ae]",
           r"jahil (?:aurat|insaan|aadmi|admi)", r"pagal aurat", r"nikamm[aie]",
           r"(?:tu|tum|tusi|oh|eh|woh|yeh) (?:toh |to |ta )?(?:pakka |ek |vadda )?chor"
           r" (?:hai|hain|ae|ho)",
           r"chutiyo", r"gando", r"chodu(?: log)?"),
    _latin(r"muttaa?l", r"loosu", r"porukki", r"naaye", r"baadu",
           r"punda", r"oomb(?:u|\*)thu"),
    _latin(r"stronz[oaie]", r"coglion[ei]", r"g@go", r"g\*go", r"ul\*l", r"ul@l"),
    _latin(r"gago", r"ulol", r"tarantado", r"hayop ka", r"bwisit",
           r"buwisit", r"walang kwenta", r"bobo ka", r"ang bobo"),
    _script("ਹਰਾਮੀ", "ਕਮੀਨ[ਾੇ]", "ਬੇਵਕੂਫ", "ਚੂਤੀਆ", "ਕੰਜਰ",
            "हरामी", "कमीन[ाे]", "बेवकूफ", "चूतिया",
            "حرامی", "کمینہ", "کمینے", "بے غیرت", "بےغیرت", "الو کا پٹھا",
            "بے وقوف", "بیوقوف", "چوتیا",
            "முட்டாள்", "லூசு", "பொறுக்கி", "நாயே", "பன்னி(?![\u0b80-\u0bff])", "தேவடியா",
            "混蛋", "王八蛋", "贱人", "賤人", "白痴", "笨蛋", "傻逼", "傻屄",
            "婊子", "狗娘养的", "人渣", "蠢货", "蠢貨", "垃圾官员", "狗官",
            "都是废物", "都是廢物", "一群废物", "傻[Xx×]", "仆街", "冚家剷", "屌你",
            "حمير", "يا حمار", "مثل الحمار", "أغبياء", "ਗਧਾ", "ਗਧੇ", "गधा", "गधे",
            # "كلاب" (dogs) only said of people: "يا كلاب", "ولاد الكلاب", "انتم كلاب"
            "يا كلاب", "(?:ولاد|اولاد|أولاد) ال?كلاب", "(?:انتم|أنتم|هم) كلاب",
            "ابن ال?كلب", "شرموط", "كذاب",
            # Cantonese, Mandarin
            "粉腸", "食屎啦你", "on9", "冚家鏟", "又笨又", "滚回家", "滾回家", "老太婆",
            # Korean
            "미친놈", "미친년", "개새끼", "병신", "꺼져",
            # Farsi
            "بی‌شعور", "بیشعور", "کثافت", "کس‌کش", "کسکش", "مادر ?جنده", "احمق",
            # Punjabi
            "ਚੁੜੇਲ", "ਪਾਗਲ"),
)
# More insults, a list of their own: the shared automaton names the literal words of a list
# only up to a number (text.Prefiltered), and a list is read by its parts only up to a
# number of parts (text.Alternatives); past either, all of it is read in many more posts.
_INSULTS_MORE = (
    # "a number-one thief", "all of them thieves", said of people in Hindi, Punjabi, Urdu,
    # Gujarati and Bengali ("চোর ধরা পড়েছে", a thief was caught, is a report: not read)
    _latin(r"(?:ek|1) number (?:ka|da|di|ki|no|ni|nu) (?:chor|harami|fraud|jhoot?ha|chamcha"
           r"|kamina|ghatiya)", r"(?:pakka|bada|vadda|sabse bada|sab ton vadda) chor",
           r"(?:badha|badhe|sab ke sab|saare de saare) (?:\w+ ){0,2}chor",
           r"bhosdi(?:ke|ka|wale|na)", r"bh\*+s?d(?:i|ike|ika|ina)", r"bh\*+dina"),
    _script("(?:एक नंबर का|सब|सारे|पक्का) चोर", "(?:سب|سارے|پکا) چور", "(?:બધા|પાકો) ચોર",
            "(?:সব|সবাই|সবকটা|গুলো সব) চোর", "চোরের দল", "(?:ਸਾਰੇ|ਪੱਕਾ) ਚੋਰ"),
    # Farsi: "a handful of donkeys", "all of them thieves"; "کونی" said of people
    _script("(?:یه|یک) مشت (?:خر|الاغ|احمق|دزد|بی‌?شعور|گاو|عوضی)", "همه?(?:شون)? (?:دزد|خر|کونی)",
            "کونی", "عوضی", "حرومزاده", "بی‌?شرف"),
    # Chinese: "a pack of", "is a", "really a" + fraud, waste, idiot ("废物回收", recycling,
    # is not: only the noun said of people)
    _script("(?:是个|是個|就是个|就是個|真是|都是|一帮|一幫|这帮|這幫|一群|这群|這群)"
            "(?:他妈的|他媽的)?(?:骗子|騙子|废物|廢物|蠢猪|蠢豬|白痴|傻子|混蛋|饭桶|飯桶)"),
    # Arabic: "all of them dirty / thieves / liars", "you filthy..."
    _script("كلهم (?:وسخين|وسخ|قذرين|حرامية|كذابين|حمير|كلاب|أغبياء|اغبياء)",
            "يا (?:وسخ|حقير|حيوان|غبي|زبالة)"),
)
# Turkish, Somali, Twi, Spanish, Polish and Patois insults, and the masked swears said to
# someone: a third list, for the same reason
_INSULTS_FURTHER = (
    # Turkish: "son of a whore" and its initials, "without honour", "moron"
    _latin(r"orospu cocu\w*", r"serefsiz\w*", r"gerizekal\w*", r"salak(?:lar)?",
           r"pezevenk\w*", r"hepsi (?:gurultucu|pis|hirsiz|yalanci|tembel|cahil)\w*"),
    # Somali "nacas" (fool) with its endings ("nacaskan", "nacasyahow"), "doqon"; Twi
    # "kwasia" (fool), "kwasiafoɔ" (fools), not "Kwasiada" (Sunday)
    _latin(r"nacas\w*", r"doqon\w*", r"kwasia(?:fo[ɔo]?|nom)?"),
    # the masked swear words above said to someone ("पूरी च**िया है", "DJ bhen**od")
    _script("चू?\\*+ि?या"),
    _latin(r"bh[ae]{0,2}n ?\*+ ?c?h?od", r"ch\*+t?iy[ae]", r"chu\*+ya"),
    # Patois: a "-claat" swear made a name ("one bumbaclaat bwoy"), and slurs for gay men
    _latin(r"(?:bumb[ao]|bomb[ao]|blood|rass?|raas|pussy) ?cl(?:aa?t|ot) (?:bwoy|boy|gyal"
           r"|girl|man|idiot|fool)", r"batty ?(?:bwoy|bwai|boy|man)s?", r"batty b\*w?o?y",
           r"chi ?chi (?:man|bwoy)"),
    # a people said to lack manners: "inko manners nahi", "इन लोगों को तमीज़ ही नहीं"
    _latin(r"(?:inko|inhe|inhein|unko|enu|ehna nu|inna nu|in logon ko|in logo ko) (?:koi )?"
           r"(?:manners|tameez|tamiz|tameej|akal|aqal|sharam|civic sense) (?:hi |bhi )?"
           r"(?:nahi|nai|nahin|ni)"),
    _script("(?:इन|उन|इन सब) लोगों को (?:तमीज़|तमीज|अक्ल|शर्म|सलीका) (?:ही |भी )?नहीं",
            "(?:انہیں|ان لوگوں کو) (?:تمیز|شرم|عقل) (?:ہی |بھی )?نہیں"),
    # an official said to take bribes ("lanch lidhi", "रिश्वत खाता है")
    _latin(r"(?:lanch|lach|rishwat|rishvat|ghoos|ghus) (?:lidhi|lidhu|leta|lete|khaata|khata"
           r"|khanda|khande|khadi|le rahe|li hai)"),
    _script("रिश्वत (?:ली|लेता|लेते|खाता|खाते)", "رشوت (?:لی|لیتا|لیتے|کھاتا|کھاتے)"),
    # Spanish: "those blacks", "those people don't even...", a people said to live off welfare
    _latin(r"esos (?:negros|chinos|moros|indios|gitanos|sudacas)", r"sudacas?",
           r"esa gente (?:ni|no|solo)", r"vienen a vivir del (?:welfare|gobierno|estado)",
           r"vete a la (?:mierda|verga|chingada)"),
    # Polish: "all these Hindus" in the scornful plural, and slurs for Black and brown people
    _latin(r"(?:te|tych) (?:wszystkie |wszystkich )?(?:hindusy|ciapaki|czarnuchy|arabusy)",
           r"ciapat\w*", r"ciapak\w*", r"czarnuch\w*"),
)
_INSULTS_IN_VI = _latin(r"(?:do|thang|bon|lu) ngu", r"ngu nhu (?:bo|cho|lon|heo)",
                        r"khon nan", r"thang khon", r"do cho (?:cai|de|chet)(?= ?[.!,?]|$)",
                        r"(?:dm|dmm|d\.m|dit me|du ma) (?:may|chung may)")
_INSULTS_IN: dict[str, str] = {
    "fr": _latin(r"(?:(?<!c')est|es|sont|un|une|quels?|quelles?|gros|grosse|sales?|pauvres?|vieux"
                 r"|vieille|bande de) (?:(?:vraie?|gros(?:se)?|sale|pauvre|maudite?|esti"
                 r"|p'?tite?s?|petite?s?) )*"
                 r"(?:cons?|connes?)"),
    "tl": _latin(r"bobo", r"tanga", r"gaga", r"hayop"), "es": _latin(r"tont[oa]s?"),
    # Turkish "o.ç." (orospu çocuğu), as above
    "tr": _latin(r"o\.c\.?"), "vi": _INSULTS_IN_VI}
# The fourteenth round (train_ab): swearing as the residents text and mask it. Hindi and
# Punjabi initials ("bsdk", and "bc" only beside the Hindi words it is said with: "BC" is a
# province), "ch*tiyapa"; Chinese initials ("TMD", "sb", "cao") only beside Han characters
# ("sb" is "somebody" in English texting, "cão" a dog in Portuguese) and Taiwanese curses;
# Korean "ㅅㄲ" (새끼); Arabic written in Latin letters ("khara 3ala"); Greek in Latin
# letters ("malakies", "gamo to"); Farsi ("گه", "kos she'r", masked "مادرج**ه"); masked
# Tamil, Bengali, Somali, Twi and Patois swears ("p***ai", "bokac**da", "s**lka", "wo maame
# t**", "p*ssyclaat"); Polish ("jebany", "ja pier***ę").
_VULGAR_TEXTED = (
    _latin(r"bsdk", r"bsdke", r"bkl", r"bkchod\w*", r"tmkc",
           r"bc (?:system|yaar|yar|kya|kitna|garmi|sarkar|ye|yeh|kuch|sala|saala)",
           r"(?:yaar|yar|bhai|arre|arey|oye|saala|sala|kya) bc",
           r"ch(?:u|\*+)t?iyap+(?:a|anti)", r"kutti (?:hai|ae|aa|h|ki tarah|kahin ki|saali)",
           r"kuttiy[ae]"),
    _script("(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][，,！!？?。 ]))"
            "(?:tmd|nmsl|wcnm|sb)(?![a-z0-9])",
            "(?<![a-z0-9])(?:tmd|nmsl|wcnm)(?=[，,！!？?。 ]?[\u4e00-\u9fff])",
            # "cao" said alone between a Chinese post's stops, not the surname ("Cao 先生")
            "(?:(?<=[\u4e00-\u9fff][，,！!？?。 ])|(?<=[，,！!？?。]))cao(?=[，,！!？?。~～]|$)",
            "靠北(?!边|邊|侧|側|面|方|部)", "靠杯", "靠腰", "靠夭",
            "幹(?:你|您)(?:娘|老母|老師|[xX×*＊])", "[機机雞鸡]掰"),
    _as_read("ㅅㄲ", "ㅆㄲ", "ㅄ"),
    _latin(r"khara (?:3ala|3a|ala|3le|3aleik|aleik|fi|fik|feek)", r"kol khara", r"ya khara",
           r"kos (?:omak|ommak|emak|okhtak|ukhtak)", r"sharmoo?t\w*",
           r"ibn el ?(?:kalb|sharmoo?ta)"),
    # ("Malaka" alone is also a Sinhala name)
    _latin(r"malakies", r"malakia", r"malakes", r"re malaka", r"gam(?:o|w) (?:to|ti|tin|ton|tous)",
           r"gamiesai", r"gamisou", r"gamhsou"),
    _latin(r"kos she'?r", r"kosshe'?r", r"kos ?nagoo?", r"madar ?jende", r"jende", r"p\*+ai",
           r"pu\*+dai",
           r"pun\*+ai", r"k\*+thi", r"boka ?c(?:ho|\*+)d[ae]", r"haraa?mjad[ae]", r"baa?l er",
           r"s(?:ii|\*+)lka", r"(?:wo|w') ?(?:maame|maa|ni) t\*+", r"p\*+ssy ?cl(?:aa?t|ot)\w*",
           r"pu\*+y ?cl(?:aa?t|ot)\w*"),
    _latin(r"pier\*+\w*", r"jeban\w*", r"jebac\w*", r"zajeb\w*", r"wkurw\w*", r"pojeb\w*",
           r"wypierdal\w*"),
    # "گه" alone or as "the shittiest" ("گه‌ترین", read without its joiner), not "گه‌گاه"
    # (now and then) nor "گهواره" (a cradle)
    _script("(?<![\u0600-\u06ff])گه(?:\u200c?ترین|\u200c?تر)?(?![\u0600-\u06ff])(?![\u200c ]?گ)",
            "مادر ?ج\\*+ه",
            "ک\\*+ ?کش", "ك\\*+ ?[اأ]م", "كس ?(?:امك|أمك|اختك|أختك)"),
)
# Russian and Ukrainian masked further ("П**дец", "й**ані") and "shat all over" ("засрали")
_VULGAR_ALPHABETS_MORE = (
    _whole_words(r"п\*+з?д\w*", r"пи\*+\w*", r"й\*+\w*", r"[её]\*+н\w*", r"[её]б\*+\w*",
                 r"засра\w*", r"обосра\w*", r"засранц\w*", r"сран(?:ый|ая|ое|ые|ого|ую)"),
)
# Insults of the same round: Vietnamese ("đồ ngu", "đồ chó cái", in Vietnamese posts only:
# folded, "ngu" is also "ngủ", sleep), Polish ("debil"), Greek ("βλάκα", "malaka"), Twi
# ("kwasea"), Somali ("dameer"), Bengali ("shuorer bachcha", "chor er dol"), Tamil ("k**thi
# mavan", said of someone), Tagalog ("kupal", "mga buwaya kayo"), Patois ("eediat", "b*tty
# bwoy"), Punjabi ("khotte"), Arabic ("انت حمار", "يلعن أبوه"), Farsi ("خر نفهم"), Chinese
# ("脑残", "滚回老家"), Korean ("개ㅅㄲ"), thieves called so ("ladrón", "ladrão")
_INSULTS_ROUND14 = (
    _latin(r"bsdk", r"bsdke", r"(?:to|jakis|ty|ten|zwykly|kompletny|skonczony) debil\w*",
           r"debil(?:u|em|ami|ow)", r"kretyn\w*", r"spierdalaj\w*",
           r"wypierdalaj\w*",
           r"re malaka", r"(?:re )?vlak(?:a|as)", r"kwase(?:a|afo[ɔo]?)", r"dameer\w*",
           r"eedi?at\w*", r"b\*+tt?y ?(?:bwoy|bwai|boy|man)s?", r"khott?(?:e|ey|ay|ya|iya|eya)"),
    _latin(r"shuo?y?o?r(?:er)? (?:bachcha|baccha|bacca|bacha)", r"kuttar (?:bachcha|baccha|bacha)",
           r"haraa?m[jz]ad[ae]", r"boka ?c(?:ho|\*+)d[ae]", r"chor(?: ?er)? dol",
           # said of someone ("Suresh oru thevd*ya paiyan"), not a curse that opens a post
           r"(?<=[a-z0-9,.!?] )(?:koothi|k\*+thi|k\*+dhi|thevd?iy[ae]|thevidiya|thevd\*ya|pundai"
           r"|p\*+ai) ?(?:mavan|magan|magane|payal|payale|paiyan|paya|pasanga|pasange)",
           r"gaa?ndu", r"kupal", r"(?:mga )?buwaya (?:kayo|sila|kau)",
           r"pakyu (?:sa|kayo|ka|kau)"),
    _latin(r"(?:alcalde|concejal\w*|es un|son unos|eres un|eres una|bola de|banda de|puros?"
           r"|prefeito|vereador\w*|e um|sao uns|bando de|seu) ladr(?:on|ona|ones|ao|oes)",
           r"ya ?7mar", r"7mir", r"ya (?:kalb|7ayawan|ghabi|wiskh)"),
    # said to someone; said of him only the words no animal is ("هو كلب" is a lost dog)
    _script("(?:انت|إنت|انتا|انتي|إنتي|انتو|إنتو) (?:حمار|حمارة|حمير|غبي|غبية|اغبياء"
            "|أغبياء|كلب|كلاب|حيوان|زبالة|واطي|حقير|جحش)",
            "(?:هو|هي|هم) (?:غبي|غبية|اغبياء|أغبياء|زبالة|واطي|حقير)",
            "يلعن (?:ابو|أبو|ابوك|أبوك|ابوه|أبوه|امك|أمك|اخت|أخت|دين|شكل|روحك)",
            "ك\\*+ ?[اأ]م", "خر نفهم", "(?:گاو|الاغ|آدم|ادم) نفهم",
            "(?:تو|اون|این|یه|عجب) (?:خر|الاغ|احمق)(?![\u0600-\u06ff])",
            "مادر ?ج\\*+ه"),
    _script("[脑腦][残殘]", "智障(?!人士|儿童|兒童|者)",
            "(?<!球)[滚滾]回(?:你|你们|你們)?(?:的)?(?:老家|国|國|家乡|家鄉|大陆|大陸|去)",
            "(?<!球)[滚滾]出(?:去|加拿大|这里|這裡)",
            "(?:是个|是個|就是|真是|都是|一群|这群|這群|一帮|这帮|這幫) ?(?:sb|傻b|脑残|腦殘)"
            "(?![a-z])",
            "幹(?:你|您)(?:娘|老母|[xX×*＊])"),
    _as_read("개ㅅㄲ", "ㅅㄲ야", "ㅅㄲ들"),
    # ("새끼들" alone is also an animal's young: "오리 새끼들", ducklings)
    # ("등신대" is a life-size standee)
    _script("새끼야", "(?:나쁜|미친|썩을) ?새끼들?", "등신(?!대)", "멍청이", "또라이",
            "미친 ?새끼"),
)
_INSULTS_ALPHABETS_MORE = (
    _whole_words(r"βλάκ(?:α|ας|ες)", r"βλακ(?:α|ας|ες)", r"ч\*+рк\w*",
                 r"(?:й|[её])\*+ан\w* (?:злоді\w*|ворюг\w*|вор\w*|ідіот\w*|идиот\w*|дебіл\w*"
                 r"|дебил\w*|радник\w*|депутат\w*|чиновник\w*)", r"злодюг\w*"),
)
# A group told to leave or called a people without sense, in Hindi, Punjabi and Urdu:
# "जाहिल कौम है, इनको यहाँ से भगाओ", "ਇਹਨਾਂ ਨੂੰ ਵਾਪਸ ਭੇਜੋ", "inko yahan se bhagao"
_GROUP_OUT = (
    _script("जाहिल (?:कौम|लोग|जात)",
            "(?:इनको|इन्हें|इन सबको|इन लोगों को|उनको|उन्हें) (?:यहाँ|यहां|इधर|देश|कनाडा) से"
            " (?:भगाओ|निकालो|बाहर करो)",
            "ਇਹਨਾਂ ਨੂੰ (?:ਵਾਪਸ|ਇੱਥੋਂ|ਏਥੋਂ) (?:ਭੇਜੋ|ਕੱਢੋ)",
            "(?:انہیں|ان کو|ان سب کو) (?:واپس|یہاں سے) (?:بھیجو|نکالو|بھگاؤ)",
            # a group sent back: "इन बांग्लादेशियों को वापस भेजो", "خلّوهم يرجعوا على بلادهم"
            "इन [^ ।,]{2,20}(?:ियों|ों) को (?:वापस|यहाँ से|यहां से) (?:भेजो|भेज दो|निकालो|भगाओ)",
            "(?:خل[ّ]?وهم|خليهم|رجعوهم|خلوهن) (?:يرجعوا|يرجعو|يروحوا|يروحو)? ?(?:على|ع|ل|إلى|الى)"
            " ?(?:بلادهم|بلدهم|بلدانهم)"),
    _latin(r"(?:inko|inhe|inhein|unko|ehna nu|inna nu|enu|ehnu) (?:wapas|vapas|yahan se|yaha se"
           r"|ithon|ethon|idhar se|desh se) (?:bhejo|bhagao|nikalo|kaddo|kadho|bhej do)",
           r"jahil (?:kaum|qaum|log)"),
)
# Threats of the round that say what the poster knows or will do: "maar maar ke bhurta bana
# dunga", "tainu theek karunga", "ghar da pata mainu pata aa", "sambhal ke ghoome ... kuch bhi
# ho sakta hai", Gujarati "amne khabar che e kya rahe che", Bengali "tor bari kothay ami jani",
# Farsi "adresesho daram", Portuguese "a gente sabe onde ele mora", Russian in Latin letters
# "ruki slomaem", Twi "me nim baabi a wote", Somali "waan ogahay halka aad degan tahay",
# Tamil, Arabic and Farsi in their scripts
_VEILED_THREATS_MORE = (
    _latin(r"bhurta bana (?:dunga|denge|du(?:n|ng)ga|deyanga)",
           r"maar maar ke (?:bhurta|bhurtha|haddi|kachumar|adhmara)",
           r"haddi(?:yan|yaan|an)? tod (?:dunga|denge|deyanga|du(?:n|ng)ga)",
           r"(?:tainu|tenu|tujhe|tujhko|tumhe|tuhanu|ohnu|usko|unko) (?:theek|thik|sidha|seedha)"
           r" kar(?:unga|anga|ange| ?d(?:unga|enge|u(?:n|ng)ga|eyanga))",
           r"ghar (?:da |ka )?(?:pata|address) (?:mainu|mujhe|sanu|menu|hume|humein|saanu)"
           r" (?:pata |maloom )?(?:hai|aa|ae|h)",
           r"sambh?al ke (?:ghoom|reh|nikl|chal)\w*[^.!?]{0,60}kuch bhi ho sakta hai",
           r"(?:amne|mane|ame) khabar (?:che|chhe) (?:e |te |tu |tame )?(?:kya|kyan|kyaa|kyai)"
           r" (?:rahe|raho|rahu|rehe)\w*"),
    _latin(r"(?:tor|tomar|apnar|or|tar) bari kothay (?:ami|amra) jani",
           r"(?:ami|amra) jani (?:tor|tomar|apnar|or|tar) bari kothay",
           r"tor (?:\w+ ){0,3}bhenge debo",
           r"adres(?:esh|esho|eshoo|et|eto|etoo|ash|esh ro) (?:ro )?(?:daram|darim|peyda kardam)",
           r"(?:midoonam|midunam|midonam|midoonim) koja (?:zendegi mikoni|zendegi mikone|mishini"
           r"|mishine|khoonat|khoonash)",
           r"(?:a gente|nos|eu|ja) (?:sabe|sabemos|sei) onde (?:voce|vc|tu|ele|ela|eles|o senhor)"
           r" (?:mora|moram|vive|trabalha)", r"vai ter troco(?! ?(?:pra|para|de|em|\?))",
           r"sabemos donde (?:vive|vives|viven)",
           r"ruki (?:slomaem|slomayu|slomaiu|perelomaem|polomaem)",
           r"(?:my|ya) zna(?:em|yu|iu) gde (?:\w+ ){0,4}zhiv(?:et|esh|ut|ete|yot)",
           r"me nim (?:baabi|faako|beae) a (?:wote|wo te|ote|mote)",
           r"waan ogahay (?:halka|meesha) (?:aad|uu|ay) (?:degan|deggan|ku nool|joog)\w*"),
    _script("வீடு எங்க(?:ே)? இருக்கு[\u0b80-\u0bff]* தெரியும்",
            "(?:نعرف|بنعرف|منعرف|أعرف|اعرف|بعرف|عارفين) (?:وين|فين) (?:ساكن|بيسكن|تسكن|ساكنة"
            "|ساكنين|بيته|بيتك|بيتو)",
            "آدرس(?:ش|شو|ت|تو) (?:رو )?دارم", "घर का पता (?:मुझे|हमें) (?:पता|मालूम) है"),
)
_VEILED_THREATS_ALPHABETS_MORE = (
    _whole_words(r"(?:мы|я|ми) (?:знаем|знаю|знаємо),? (?:где|де) (?:он|она|він|вона|живе\w*"
                 r"|живет\w*)",
                 r"(?:я|ми|мы) (?:знаю|знаємо|знаем) (?:його|її|его|ее|её|твою|твій|твой)"
                 r" (?:машину|адрес|адресу|дім|дом|будинок)",
                 r"(?<!не )(?:пожалеет|пожалкує\w*|пошкодує\w*|пожалкуєш)",
                 r"θα (?:δεις|δείτε|δει) τι θα (?:πάθεις|πάθετε|πάθει)"),
)
# Threatening to post someone's home address: harassment, and a crime as the writers read
# it ("把他家地址贴出来", "니 집 주소 알아냈다 ... 올린다", "tera address yahan daal dunga")
_DOXXING = (
    _script("(?:把|将|將)(?:他|她|你|他们|他們)(?:家|的)*(?:地址|住址|电话|電話)[^。，,.]{0,4}"
            "(?:贴|貼|发|發|公开|公開|放上)(?!给我|給我|给你|給你)",
            "(?:니|너|네|너네|그놈|걔) ?(?:집 ?)?주소[^.!?]{0,10}"
            "(?:알아냈|알아냄|올린다|올릴|공개)"),
    _latin(r"(?:tera|tumhara|uska|ohda|tuhada|tainu) (?:ghar ka |ghar da )?(?:address|pata)"
           r" (?:yahan|idhar|ethe|ithe|online|sab ko|sabko|sab nu|group (?:ch|mein|me))"
           r" (?:daal|dal|paa|pa|post kar|share kar|likh) ?(?:dunga|denge|du(?:n|ng)ga|deyanga"
           r"|dangi|doonga)",
           # French: "je vais trouver son adresse exacte", "on va publier ton adresse"
           r"(?:je vais|j'?vais|on va|je vas|m'as) (?:trouver|chercher|publier|poster|partager"
           r"|afficher) (?:son|ton|leur|votre|sa) (?:adresse|numero)"),
)
# More of the same kinds, as residents would write them beyond the set: Hindi, Punjabi and Urdu
# ("bhadwa", "suar ki aulad", "kutte da puttar"), Bengali ("khankir chele"), Tamil ("thayoli",
# "porambokku"), Telugu ("lanja"), Gujarati ("tari maa ne"), Tagalog ("pokpok", "walang hiya
# ka", "sira ulo"), Portuguese and Italian ("merda", "babaca", "arrombado", "porco dio",
# "cretino"), Polish ("skurwysyn", "dupek"), Turkish ("aptal", "kahpe"), Arabic in Latin
# letters ("a7a", "manyak", "khawal"), Farsi in Latin letters ("jakesh", "khafe sho"), Twi
# ("gyimi"), Patois ("pussyhole", "wutless"); "randi" only as Hindi says it ("Randi" is a name)
_VULGAR_FURTHER = (
    # Hindi "lodu" said of someone, not Polish "lodu" (of ice: "nie ma lodu na lodowisku")
    _latin(r"bhadw[ae]", r"bhadve", r"madarjaa?t", r"jhaa?nt(?:u|oo)?",
           r"lodu (?:hai|sala|saala|ho|insaan|aadmi|log|ke|ka|jevi|jevo|jevu|che|chhe)"
           r"|(?:tu|tum|ye|yeh|woh|sala|saala"
           r"|bada|ek) lodu",
           r"randi (?:hai|rona|khana|ka bachcha|ki aulaa?d)", r"randiy(?:an|on)", r"gaand mar\w*",
           r"khankir (?:chele|pola|meye)", r"magir pola",
           r"chudir pola", r"thaa?yoli", r"lanja(?:kodaka|koduka|kodukulu)?", r"poo?ri ?mone"),
    _latin(r"pokpok", r"kantot\w*", r"merda", r"arrombad[oa]s?", r"cuzao", r"porco dio",
           r"porca madonna", r"skurw\w*", r"sukinsyn\w*", r"cip[ay]", r"kahpe\w*", r"a7a",
           r"manyak\w*", r"pussyhole", r"p\*+ssyhole", r"kos ?nanat", r"kos ?nanet"),
    _script("कुत्ते की औलाद", "सू[अु]र की औलाद", "भड़व[ाे]", "रंडी", "हरामखोर",
            "(?:کتے|سور) (?:کی|کا|کے) اولاد", "بھڑو[اے]",
            "گشتی", "رنڈی", "ਕੁੱਤੇ ਦ[ਾੀ] ਪੁੱਤ", "ਭੜੂਆ", "ਰੰਡੀ",
            "卧槽", "臥槽", "我操(?!心|场|場|作|练|練)", "[鸡雞]巴", "日你(?:妈|媽|娘)",
            "[妈媽]了[个個][逼屄]",
            "撲街", "扑街", "씨팔", "씨빨", "씨벌", "개소리", "개같[은네이]", "(?<!전)염병",
            "(?<![\u0600-\u06ff])منيو?ك(?![\u0600-\u06ff])", "قحب[ةه]", "طيز",
            "(?<![\u0600-\u06ff])عرص(?![\u0600-\u06ff])", "کص ?کش", "کس ?ننت", "کص ?ننت"),
)
_INSULTS_FURTHER_MORE = (
    # (not "kutte ka baccha", a puppy)
    _latin(r"(?:suar|suwar|suvar|kutt[ey]+|kutti|khot[ey]+|gadh[ey]|ullu) (?:ki|ke|ka|di|de|da)"
           r" (?:aulaa?d|puttar|putt)", r"bhadw[ae]", r"bhadve", r"thaa?yoli",
           r"porambokk?u", r"lanja(?:kodaka|koduka)?", r"khankir (?:chele|pola)",
           r"haramir (?:bachcha|baccha|pola)"),
    _latin(r"walang ?hiya (?:ka|kayo|sila)", r"sira ?ulo (?:ka|kayo)", r"engot", r"pokpok",
           r"otarios?", r"babacas?", r"desgracad[oa]s?", r"cretin[oaie]", r"dupek", r"dupki",
           r"glupek", r"aptal\w*", r"dangalak\w*", r"manyak\w*", r"khawal", r"jakesh",
           r"bisharaf", r"avazi", r"khafe sho", r"gomsho", r"pedar ?sag", r"gyimi\w*",
           r"wutl[ie]ss", r"dutty (?:bwoy|gyal|dawg)"),
    _script("कुत्ते की औलाद", "सू[अु]र की औलाद", "भड़व[ाे]", "हरामखोर",
            "(?:کتے|سور) (?:کی|کا|کے) اولاد", "بھڑو[اے]",
            "ਕੁੱਤੇ ਦ[ਾੀ] ਪੁੱਤ", "ਭੜੂਆ",
            "狗东西", "狗東西", "贱货", "賤貨", "滚蛋", "滾蛋",
            "你(?:是)?(?:个|個)?(?:神经病|神經病)",
            "契弟", "柒[头頭]", "撲街", "扑街", "닥쳐", "찐따", "쪽바리", "짱개",
            "تف(?:و)? عليك", "قحب[ةه]", "(?<![\u0600-\u06ff])منيو?ك(?![\u0600-\u06ff])",
            "(?:خفه|گم) ?شو(?![\u0600-\u06ff])", "کص ?کش"),
)
# Cyrillic and Greek: more swearing ("долбоёб", "охуел", "πουτάνα", "μουνί") and insults
# ("сволочь", "ублюдок", "дура", Ukrainian "дебіл", "покидьок", "бидло"), and slurs for gay
# men ("пидор", "πούστης")
# The eighteenth round: swearing in Latin letters by those whose language has a script of its
# own (train_az): Russian ("blyat", "pizdets", "mudaki"), Greeklish ("malakas", "skata"),
# Arabizi ("kos omm", "sharmoota", "5ara"), Finglish ("koskesh", "pedar sag"), Mandarin and
# Cantonese pinyin ("shabi", "cao ni ma", "puk gai"). Only words no other language here
# writes innocently ("suka" is Malay for "like", "khara" Hindi for "standing").
_VULGAR_ROMANIZED = (
    _latin(r"bly[ae][td]", r"blya", r"blj[ae][dt]", r"pizde[ct]s?", r"mudak\w*", r"mudil\w*",
           # not Vietnamese "khuyến", "khuya" (late at night), "khuyết", "khuynh", "khuỷu"
           r"na ?k?huy", r"khuy(?!en|a\b|et|nh|u\b)\w*", r"(?:ni|na|do|ot) khuya", r"k?huynya",
           r"yob\w* tvoyu mat\w*", r"yoban\w*",
           r"yebat\w*", r"dolbo[ye]+[bp]\w*", r"govno", r"gavno", r"zhop[auy]", r"ebanat\w*"),
    # (Tagalog "malakas" is "strong": the Greek word after a Greek article only)
    _latin(r"(?:enas|ena|re|ton|san|gamimenos) malakas", r"malaka", r"malakes",
           r"malakismen\w*", r"gamimen\w*", r"skata",
           r"kariol\w*", r"mouni"),
    _latin(r"kos ?om+(?:ak|ek)?", r"kosomak", r"kuss? ?umm?ak", r"sharmoo?ta",
           r"sharmou?ta", r"charmou?ta", r"5ara", r"ayr[ei]? fi[kh]"),
    _latin(r"kos ?kesh", r"kos ?khol", r"madar ?jende", r"jende", r"pedar ?sag(?:-ha)?",
           r"pedar ?sookhte", r"gooh ?khor\w*", r"goh ?khor\w*", r"kir-?am", r"kiresh"),
    _latin(r"sha ?bi", r"cao ni ma", r"cnm", r"nmsl", r"ta ma de", r"wo cao", r"puk ?gai",
           r"pok ?gai", r"so ?hai", r"dnlm"),
)
_VULGAR_ALPHABETS_FURTHER = (
    _whole_words(r"долбо[её]б\w*", r"пидор\w*", r"пидар\w*", r"хуесос\w*", r"[ао]хуе\w*",
                 r"πουτάν\w*", r"μουν[ίι]\w*", r"αρχίδ\w*", r"καριόλ\w*"),
)
_INSULTS_ALPHABETS_FURTHER = (
    _whole_words(r"сволоч\w*", r"скотин\w*", r"ублюд\w*", r"дура", r"дуры", r"говнюк\w*",
                 r"пидор\w*", r"пидар\w*", r"дебіл\w*", r"ідіот\w*", r"покидьк\w*", r"покидьок",
                 r"бидло", r"виродк\w*", r"виродок", r"πούστ\w*", r"καριόλ\w*"),
)
# More threats of harm, harassment as this round's writer reads them: "tangde tod dunga", "sar
# phod dunga", "tujhe nahi chhodunga", "ghar jala dunga", Bengali "mere felbo", Tagalog
# "bubugbugin kita", "cuídate la espalda", Italian "ti ammazzo", "so dove abiti", Farsi
# "mikoshamet", Somali "waan ku dili", Twi "mekum wo", in their scripts too ("走着瞧", "죽일 거야")
_THREATS_FURTHER = (
    _latin(r"(?:taang|taange|tange|tangde|tangein|tangen|haath|haddi|haddiyan|sar|sir|munh|daant|daand)"
           r" tod (?:dunga"
           r"|denge|du(?:n|ng)ga|deyanga)", r"(?:sar|sir|munh) phod (?:dunga|denge|du(?:n|ng)ga"
           r"|deyanga)",
           r"(?:tujhe|tujhko|tainu|tenu|tumhe|usko|ohnu|unko|tinu) (?:\w+ ){0,2}(?:nahi|nai|ni)"
           r" chhod(?:unga|enge|anga|ange|dange)",
           r"(?:ghar|gaadi|gaddi|car) (?:ko |nu )?jala (?:dunga|denge|du(?:n|ng)ga|deyange)",
           r"mere fel(?:bo|bi|be)", r"sasaktan (?:kita|ka)", r"bubugbugin (?:kita|ka|namin)"),
    _latin(r"cuidate (?:la espalda|las espaldas)", r"ti ammazzo",
           r"(?<!non )so dove (?:abiti|vivi|abita"
           r"|vive)", r"te la faccio pagare", r"ti spacco la faccia", r"mikoshamet",
           r"hesabeto miresam", r"(?:waan|waxaan) ku dili", r"m[e3ɛ] ?kum wo"),
    _script("你等着瞧", "你等著瞧", "走着瞧", "走著瞧", "[让讓给給]你好看(?=[！!。，,~～ ]|$)",
            "죽일 거야", "패버린다",
            "패 버린다",
            "(?:بقتلك|هقتلك|رح اقتلك|راح اقتلك|حقتلك)", "بكسر(?:لك)? (?:راسك|رأسك|وجهك)",
            "بلایی سرت (?:میارم|می‌آرم|میاریم)", "دهنت(?:و)? (?:رو )?سرویس",
            "ਦੇਖ ਲਵਾਂਗ[ਾੇ]", "ਮਾਰ ਦੇਵਾਂਗ[ਾੇ]"),
)
_THREATS_ALPHABETS_FURTHER = (
    _whole_words(r"убью", r"прибью", r"урою", r"зарежу", r"вб['’]ю", r"приб['’]ю"),
)
_SLURS = (
    _latin(r"bougnoules?", r"n[eè]gres?", r"bicots?",
           # "pédé" said of someone, not Portuguese or Tagalog "pede" (asks; can)
           r"youpins?", r"(?:sale|sales|gros|maudits?|des|un|les|ces|bande de|espece de|t'es"
           r"|c'est|est|sont) pedes?",
           r"tapettes?(?! (?:a|de) (?:souris|rats?|mouches?))",  # not mousetraps
           r"gouines?", r"chinetoques?",
           r"sales? (?:arabes?|noirs?|juifs?|chinois|indiens?|immigr[eé]s?|hindous?"
           r"|musulmans?|pakis?)",
           # the caste name as a slur, not Portuguese "chamar" (to call)
           r"(?:ye|yeh|woh|wo|sale|saale|saala|ek|sab|tu|tum|ganda|gande) chamar"
           r"|chamar (?:log|hai|hain|jaat|ki|ka|ke|sala|saala)", r"chuhr[ae]", r"bhangi",
           r"paraiyan",
           # written here, not in the English slur lexicon, whose spelling repair would read
           # "hire" as "hijre"; masked as people mask them ("h*jre", "c**lie", "vi*do")
           r"ch(?:h?a|\*)kk[ae]", r"h(?:i|\*)j(?:r|d|\*)[ae]s?", r"c(?:oo|\*\*|o\*|\*o)lies?",
           r"c\*+ries", r"ch(?:uh|\*)r[ae] log", r"vi(?:a|\*)dos?", r"bh\*iy?ye"),
    _script("黑鬼", "支那", "阿三", "死基佬", "பறையன்", "چمار", "ਚਮਾਰ", "ਚੂਹੜ[ਾੇ]",
            # masked as people mask them: "黑*", "阿*", "짱*"
            "黑[*＊]", "阿[*＊]", "짱깨", "짱[*＊]",
            # "dirty Afghans / Arabs..." in Farsi
            "(?:افغانی|عرب|هندی|چینی|یهودی|ترک)(?:\u200c?ها(?:ی)?)? کثیف"),
)
_THREATS = (
    _latin(r"(?:je|on) sai[st] (?:ou|o[uù]) (?:tu (?:habites|restes|vis|gares|stationnes"
           r"|travailles)|t'habites|t'restes|vous (?:habitez|restez|travaillez)"
           r"|il (?:habite|reste|travaille)|elle (?:habite|reste|travaille))"
           + NOT_SAID_OF_A_FRIEND,
           r"(?:je vais|on va) (?:aller )?te (?:voir|trouver|rendre visite)"
           r"(?= ?[.!,]| ce soir| bientot| chez)",
           r"(?:tu|vous|il|elle) (?:va|vas|vont|allez) (?:le |la |les )?(?:regretter|payer)",
           r"(?:je|on) va(?:is)? te (?:tuer|buter|crever|retrouver|regler ton compte)",
           r"on va (?:le|la|les) (?:tuer|buter|retrouver)",
           r"(?:quelqu'un|on) va (?:leur|lui|te|vous) (?:le )?faire payer",
           r"(?:lui|leur) regler? son compte", r"(?:a|a coups?) de baton",
           r"(?:juste a|devrait|peut aller|va donc) (?:mourir|crever)",
           r"(?:fais|faites) attention (?:a toi|a vous|a ta famille)", r"gare a (?:toi|vous)",
           # not "il fait trop chaud, on va crever" (the poster's own hyperbole)
           r"(?<!on )(?<!nous )(?<!je )(?:va|allez) (?:crever|mourir)",
           r"mettre le feu (?:a|au|chez)",
           r"(?:te|vous) voy a matar", r"se donde vives",
           r"(?:te|le|les) voy a (?:romper|partir) la (?:cara|madre)",
           r"(?:eu )?(?:quebro|vou quebrar) a cara", r"vou te matar",
           r"(?:je vais|j'?vais) (?:aller )?(?:lui|te|leur) (?:crisser|sacrer|casser|peter)"
           r" (?:une volee|la gueule|la face|les dents)",
           r"a coups de (?:batte|bat de baseball|poing|pied)",
           r"(?:lui|leur|te|vous) faire une (?:petite )?visite", r"(?:devrait|ferait mieux de)"
           r" se cacher",
           r"(?:patthar|pathar|pathhar) maar(?:unga|anga|dunga|denge)",
           r"(?:sheeshe|shishe|sheeshay) tod (?:dunga|daunga|deyanga|denge)",
           r"(?:jaan se |goli )?maar (?:dunga|denge|daalunga|du(?:n|ng)ga|devange|deyange)",
           r"(?:tainu|tenu|tujhe|tujhko|tinu) (?:maar|chhad(?:da|dange)? nahi|dekh lunga)",
           r"dekh lunga", r"dekh l[aa]?[wv]ange?", r"khatam kar (?:dunga|denge|du(?:n|ng)ga)",
           r"ghar (?:pata|da pata) hai", r"konnu(?:du|ru)?ven", r"kolluven",
           r"papatayin (?:kita|ka)", r"patayin kita", r"lagot ka", r"humanda ka",
           r"alam ko (?:kung )?saan ka nakatira",
           r"(?:mujhe|mainu|menu|hume|sanu) pata hai (?:wo|woh|oh|uh|o) (?:kahan|kithe|kitthe)"
           r" (?:rehta|rehti|rehnda|rehndi|rehnde)", r"(?:ka|da|ki|di) haal dekh(?:na|ni|o|ange)",
           r"kavanama irukk?a? soll?\w*", r"summa vida maatt?en", r"veliya vandhu paaru",
),
    _script("杀了你", "殺了你", "弄死你", "打死你", "宰了你", "我知道你住(?:在)?哪",
            "烧了你", "燒了你", "سنحرق", "سأحرق", "سأقتل", "سنقتل",
            "你去死", "去死吧", "不得好死", "我知道[^。，,.]{0,12}住(?:在)?哪",
            "让?(?:他|她|你)小心点",
            "மார் ?டூங்கா", "கொல்லுவேன்", "கொன்னுடுவேன்", "கொன்று விடுவேன்",
            "مار دوں گا", "مار دیں گے", "جان سے مار", "تمہیں مار", "تجھے مار",
            "ਮਾਰ ਦਿਆਂਗ[ਾੇ]", "ਜਾਨੋਂ ਮਾਰ", "ਤੈਨੂੰ ਮਾਰ", "मार दूंगा", "जान से मार",
            # Korean, Farsi, Arabic
            "죽여버린다", "죽여버릴", "죽여 버린다", "가만 안 둬", "가만두지 않", "집 찾아가",
            "می‌?کشمت", "حسابتو (?:می‌?)?رسم", "(?:می‌?دونم|میدونم) کجا زندگی می‌?کنی",
            "(?:لأكسر|لاكسر|سأكسر|راح اكسر) (?:راس|رأس)"),
)
# Threats that say what the poster knows or will do without naming the harm ("we know where
# he lives", "I know who you are, be careful", "teach him a lesson"): harassment, and not
# read as a crime, as the residents' sets label them.
_VEILED_THREATS = (
    _latin(r"(?:mujhe|mainu|menu|hume|humein|sanu|saanu) pata (?:hai |aa |ae |h )?(?:wo|woh|oh"
           r"|uh|o|tu|tusi|tum) (?:kahan|kithe|kitthe) (?:rehta|rehti|rehnda|rehndi|rehnde"
           r"|rehte)",
           r"(?:ohnu|ohnoo|usko|usse|unko|ohna nu|tainu|tenu|tujhe|isko|enu|inko) sabak"
           r" sikha\w*",
           r"(?:main|mai|mein) jaanta (?:hoon|hu) (?:tum|tu|aap) kaun",
           r"(?:bach|sambhal) ke rehna",
           # harm hinted at: "raat ko akela na nikle", "brakes check kar le", "gaddi de sheeshe
           # safe nahi rehne" (not "mera ghar safe nahi hai": a leaking roof)
           r"(?:raat ko|raati|raat nu) akel[aie] (?:na|mat|nahi) nikl\w*",
           r"brakes? check kar (?:le|lo|lena|liyo)",
           r"(?:sheeshe|shishe|gaadi|gaddi)[^.!?]{0,20} safe nahi (?:rehne|rehnge|rahenge"
           r"|rahega|rahegi)"),
    _script("(?:আমি|আমরা) জানি (?:তুমি|তুই|আপনি) (?:কে|কোথায়)", "সাবধানে (?:থেকো|থাকিস|থাকবেন)",
            "দেখে নেব", "बच के रहना", "देख लूंगा", "देख लेंगे"),
)
# A community blamed as a whole in Hindi, Urdu or Punjabi written in Latin letters: "wahi
# Bangladeshi log", "ye Desi log", "saare sardar ek jaise", "Punjabi drivers sab"
_GENERALISATION_ROMANIZED = _latin(
    r"(?:ye|yeh|wahi|woh|saare|sare|sab|eh|ih) (?:desi|bangladeshi|pakistani|punjabi|indian"
    r"|bihari|gujarati|madrasi|tamil|sikh|muslim|musalman|hindu|afghani|chinese|sardar|s\*rdar"
    r"|jatt|bhaiya)s? (?:log|lok|wale|drivers|bande)",
    r"(?:desi|bangladeshi|pakistani|punjabi|indian|sikh|muslim|hindu|afghani|chinese|sardar)"
    r" (?:log|drivers|wale) sab",
    r"(?:saare|sare|sab) (?:sardar|s\*rdar|punjabi|pakistani|bangladeshi|desi) ek jaise",
)
# The same in Russian and Ukrainian: "we know where you live / park", "I'll find you", "you'll
# regret it" (read, like the words above, only in posts with those letters)
_VEILED_THREATS_ALPHABETS = (
    _whole_words(r"(?:мы|я|ми) (?:знаем|знаю|знаємо),? (?:где|де) (?:ты|вы|ти|ви) \w+",
                 r"(?:я|мы|ми) (?:тебя|вас|тебе) (?:найду|найдём|найдем|достану|достанем"
                 r"|знайду|знайдемо)",
                 r"тебе (?:конец|хана|не жить)", r"(?:ты|вы) (?:пожалеешь|пожалеете)"),
)
# Everyone told to call, write to or pester one person: "sab log call karke puchho",
# "大家发邮件骂他", "ਸਾਰੇ ਫ਼ੋਨ ਕਰਕੇ ਤੰਗ ਕਰੋ"
_PILE_ON = (
    _latin(r"(?:sab|saare|sare|sab log|saare log)(?: log)?(?: raat ko| milke| mil ke)?"
           r" (?:call|phone|fon|message|msg|text) kar(?:ke|o|ke puchho|ke tang karo)",
           r"tang karo (?:ohnu|usko|unko|ohna nu|isko)", r"(?:ohnu|usko|unko|isko) tang karo",
           r"sab (?:ja ke|jake|jaa ke) (?:milo|mil lo) (?:ohnu|usko|unko|ohna nu)"),
    _script("ਸਾਰੇ (?:ਫ਼ੋਨ|ਫੋਨ) ਕਰ", "ਤੰਗ ਕਰੋ", "सब (?:लोग )?(?:फ़ोन|फोन|कॉल) कर", "तंग करो",
            "परेशान करो",
            "大家(?:一起)?(?:发|發|打|寄)(?:邮件|郵件|电话|電話|短信|信息|訊息)",
            "(?:骂|罵|骚扰|騷擾)(?:他|她|他们|他們)",
            "روحوا (?:كلموه|كلموها|اتصلوا)", "(?:اتصلوا|كلموه) (?:عليه|فيه|به)"),
)


# Telling a group to leave, or what it is "good for", in French: "retournez au Québec",
# "c'est tout ce qu'ils sont bons à faire".
_EXCLUSION_FR = _latin(
    r"retourne(?:z|r)? (?:donc )?(?:au|en|dans|chez) (?:quebec|france|afrique|chine|inde|liban"
    r"|maroc|algerie|tunisie|haiti|syrie|pakistan|congo|cameroun|senegal|mexique|russie"
    r"|ton pays|votre pays|leur pays|vous|toi|eux)",
    r"retourne(?:z|r)? (?:donc )?a (?:montreal|quebec|gatineau|paris|toronto|kaboul|delhi)",
    # "on n'en veut pas icitte" said of people: "des immigrants ... on n'en veut pas ici"
    r"(?:immigrants?|etrangers|refugies|quebecois|anglais|locataires)[^.!?]{0,60}[.!?,]? ?on"
    r" (?:n')?en veut pas (?:icitte|ici)",
    r"(?:c'est )?tout ce qu'(?:ils|elles) sont bon(?:ne)?s? a faire",
    r"qu'(?:ils|elles) (?:retournent|s'en retournent|repartent) (?:chez eux|chez elles"
    r"|dans leur pays|d'ou (?:ils|elles) viennent)",
    r"(?:ces|les) (?:immigrants?|etrangers|immigres|arabes|noirs|chinois|indiens|musulmans)"
    r" (?:sont tous|sont toutes|volent|profitent)",
    # a group told where it belongs, or cursed as a people: "les handicapés devraient rester
    # chez eux", "maudits Anglais"
    r"(?:les|ces) (?:handicapes|immigrants?|immigres|etrangers|vieux|anglais|anglos|francos"
    r"|arabes|noirs|chinois|indiens|musulmans|autochtones) (?:devraient|doivent) (?:rester"
    r" chez (?:eux|elles)|retourner|partir|s'en aller)",
    # a community blamed or called dirty as a whole: "c'est toujours eux le problème"
    r"(?:les|ces) (?:petits )?(?:immigrants?|noirs|arabes|musulmane?s|indiens|haitiens"
    r"|africains|chinois|asiatiques|juifs|autochtones|hindous|sikhs|pakistanais|roms|gitans"
    r"|tamouls|philippins|jamaicains|somaliens|afghans|syriens|mexicains|latinos|vietnamiens)"
    r"[^.!?]{0,60}(?:c'est toujours eux|c'est eux|qui font ca|sont tous|c'est tous"
    r"|comprennent meme pas|refusent de s'integrer|ca pue|c'est culturel|prennent tout"
    r"|vident (?:la|le|les|tout)|faut leur interdire)",
    # "c'est toujours les Tamouls de la rue Finch qui laissent..."
    r"c'est (?:toujours|encore) (?:les|ces) (?:immigrants|noirs|arabes|musulmans|indiens"
    r"|haitiens|africains|chinois|asiatiques|tamouls|philippins|jamaicains|somaliens|afghans"
    r"|syriens|mexicains|latinos|vietnamiens|sikhs|hindous|pakistanais|roms|gitans|juifs)"
    r"[^.!?]{0,40} qui",
    r"c'est culturel chez eux",
    r"(?:indiens|noirs|arabes|immigrants|haitiens|chinois) sales",
    r"(?:c'est|sont) (?:tous |toutes |toute |que )des (?:immigrants|dealers|racailles|drogues"
    r"|voyous|criminels|bandits|bs|assistes sociaux|sauvages)",
    r"apprenez (?:l'anglais|le francais) comme tout le monde",
    r"plein de burqas", r"mafia chinoise", r"pas a kaboul",
    r"maudite?s? (?:anglais|anglos|francos|francais(?:e|es)?|immigres|immigrants|etrangers"
    r"|arabes|chinois"
    r"|indiens|musulmans|juifs|noirs|autochtones)",
)


# A person put down in French by what they are called, how they look, how old they are or
# how they speak: "vieux chialeux", "la vieille fatigante", "face de rat", "lèche-cul",
# "ma grosse" said to someone, "ferme ta yeule", "ton accent de l'Afrique", "sénile". Not a
# relative ("ma matante"), not a thing ("une grosse tempête").
_SWEAR_FR = (r"(?:crisse|criss|kriss|krisse|osti|ostie|hostie|esti|3sti|tabarnak|calisse"
             r"|maudite?)s?")
_PUT_DOWNS_FR = _latin(
    rf"(?:mon |ma |un |une |le |la |{_SWEAR_FR} d[e'] ?)?(?:vieux|vieille|gros|grosse)"
    r" (?:chialeu(?:x|se)|grincheu(?:x|se)|crouton|fatig(?:u)?ante?|folle?|bebe lala"
    r"|paresseu(?:x|se)|pathetique|senile|fossile|torche|truie|vache|cochonne?)",
    r"(?:le|la|un|une|du|des|vieux|vieille|3sti d[e']|osti d[e']|criss d[e']|crisse d[e'])"
    r" ?chialeu(?:x|se)(?: officiel(?:le)?| pathetique| fini)?",
    rf"{_SWEAR_FR} d[e'] ?(?:vieux |vieille |p'?tite? |grosse )?(?:princesse|profiteu(?:r|se)"
    r"|fatig(?:u)?ante?|crouton|grincheu(?:x|se)|paresseu(?:x|se)|vendue?s?|morveu(?:x|se)"
    r"|twit|frustree?|colon|clown|cochon|truie|baleine|boomer|bs|lache|parasite|farce"
    r"|mal eleve(?:e|s|es)?)",
    r"face de (?:rat|pet(?: sec)?|singe|beu|porc|cochon|bouledogue|pizza|carême|careme)",
    r"(?:une |sa |ta )?tete de (?:poisson|rat|singe|cochon|porc|mule|noeud|gland|veau)",
    r"lech(?:e|eux|euse)[- ](?:cul|bottes?)", r"(?:p'?tits?|petits?|vos|tes|des|ces) morveux",
    r"ma grosse(?= ?(?:[.!,?]|$|paresseuse|truie|vache|torche)|\W*$)",
    r"(?:t'es|tu es|elle est|il est|vous etes|t'etais) (?:ben |beaucoup |bien |juste )?trop"
    r" gross?e? (?:pour|pis)", r"(?:fais|faites)-(?:toi|vous) (?:refaire|reparer) la face",
    r"t'es-tu (?:con|conne|cave|folle?|niaiseu(?:x|se)|epaisse?|malade|sourde?)",
    # told to shut up or go away: "ferme ta yeule", "ferme-la la vieille", "va brouter"
    r"(?:ferme )?ta (?:yeule|yeul|gueule|gueul|grande gueule)(?! (?:de|du|des) )",
    r"ferme[- ]la(?= ?(?:[,.!]|la |le |ma |mon |$))",
    r"(?:va|allez) (?:brouter|japper|chialer|niaiser|brailler|pleurer) (?:ailleurs|dans ton coin)",
    r"va (?:donc )?tricoter", r"(?:ntm|tg|ok|ta gueule|ta yeule)[, ]+(?:le|la|toi le|mon) (?:boomer"
    r"|vieux|vieille|cave|clown)",
    r"(?:merci|bravo|salut|hey|ben voyons|non merci)[, ]+les caves",
    r"(?:vous etes|c'est|sont) (?:des|juste des|toutes? des) caves",
    # the person called stupid: "elle est tellement conne", "vous êtes cons"
    r"(?:elle est|il est|t'es|tu es|vous etes|ils sont|elles sont) (?:tellement |vraiment |ben "
    r"|juste |trop |assez )?conn?e?s?(?![a-z])",
    r"(?:qu'il|qu'elle|qu'ils|qu'elles) aille(?:nt)? se faire (?:foutre|enculer|enc\*ler|voir)",
    r"mange(?:z)? (?:de la|d'la|du) (?:marde|merde|m\*rde)",
    r"(?:achete|trouve|achetez|trouvez)[- ](?:toi|vous) une vie",
    r"(?:acheter|trouver) une vie(?= ?\?)",
    # an age or a mind mocked: "sénile", "devrait être dans un CHSLD pas au conseil"
    r"(?<!demence )(?<!demences )senile",
    r"(?:devrait|devraient|ferait mieux d'etre) (?:etre )?(?:dans un|en) (?:chsld|hospice"
    r"|foyer|centre d'accueil)(?: pas| plutot)",
    # someone's accent or French mocked: "ton accent de l'Afrique", "apprends à parler
    # français comme du monde", "leur français de brousse"
    r"(?:ton|ta|son|leur|vos|tes|avec quel) accent[^.!]{0,30}(?:on comprend(?:ra)? rien"
    r"|comprend rien|mdr|lol|😂)", r"on comprend(?:ra)? rien[^.!?]{0,30}(?:ton|leur|quel) accent",
    r"(?:francais|accent) de (?:la )?brousse", r"baragouin\w*",
    r"(?:apprends|apprenez) (?:a parler |a ecrire )?(?:le |un )?(?:vrai |bon )?(?:francais"
    r"|anglais)(?: comme du monde| du canada| avant de| comme tout le monde)",
    r"(?:apprends|apprenez) a parler (?:francais|anglais|comme du monde)",
    r"(?:bonnes? femmes?|m[eè]res?|madames?|vieilles?|femmes?) hysteriques?",
    r"bande de (?:crisses|osties|tabarnaks|calisses)",
    r"(?:gang|bande) de (?:clowns|malades|frogs|morveux)",
    r"(?:ok|encore|hey|ben|criss|osti) (?:la )?(?:matante|mononc(?:le)?)",
    r"la matante(?! de| d')", r"phoque (?:you|u|off)",
    r"(?:fk|fuck) off (?:mononc|matante|le vieux|la vieille)",
    # "il est taré", "sale race de profiteurs", "t'as pas de cerveau", "ferme ta boîte",
    # "t'es laide en criss", "mange un char de marde", "allez-vous faire voir"
    r"(?:est|t'es|es|sont|etes|un|une|des|gang de|bande de) (?:completement |vraiment |ben )?"
    r"tar(?:e|ee|es|ees)(?! de| d')",
    r"sale race(?: de)?", r"race de (?:profiteurs|parasites|voleurs|chiens|cons|caves)",
    r"(?:t'as|tu as|il a|elle a|ils ont|vous avez|ont) (?:pas|jamais eu) (?:de|d'un|un) cerveau",
    r"ferme ta (?:boite|trappe|clapette|grande gueule)",
    r"(?:t'es|tu es|elle est|il est|sont|vous etes) (?:\w+ )?(?:laide?s?|laids) (?:en (?:criss"
    r"|osti|tabarnak|maudit|esti)|comme (?:un|des) poux?|a faire peur)",
    r"mange(?:z)? (?:un char|une tonne|un tas|une claque|un bol) de (?:marde|merde)",
    r"(?:allez|va|aller)[- ](?:vous|te|se) faire (?:voir|foutre|enculer|enc\*ler)",
    # "le conseil sont des ptits cons", "c'est un gros con" (not "des contrats")
    r"(?:sont|est|t'es|tu es|etes|c'est) (?:des|un|une) (?:p'?tits? |petits? |gros |grosses? "
    r"|vieux |vieilles? |maudits? )?con(?:ne)?s?(?![a-z])",
)
# Words said of the French themselves or of gay men, in French posts only ("frog", "fif"
# and "bloke" are other words in English): "toé pis ta gang de frogs", "les fif*s".
_SLURS_FR = _latin(
    r"(?:maudits?|sales?|(?:ta |sa |leur |la )?gang de|bande de|le|criss de|osti de) frogs?",
    r"fif(?:s|\*s|\*|fe|fes|ure)?", r"fifi(?:s)?(?= ?[.!,]|$)",
    r"(?:les |des |ces |maudites? |gang de )tetes? carrees?",  # the English, in Quebec
    r"(?:a moitie|maudits?|sales?|des|les|un|une|gang de) blokes?",
)
# "tg" ("ta gueule", shut up) said to someone, in French posts only: not Telegram ("sur TG")
_TG = _latin(r"(?<!sur )(?<!via )(?<!par )(?<!de )(?<!on )tg(?= ?(?:[,!.]|frerot|frere|mec|toi"
             r"|wesh|sale|bro|gros|\W*$))")
# A community blamed as a whole, beyond the words above: "ces gens-là viennent ici juste pour
# profiter", "se reproduisent comme des lapins", "ils nous ont remplacés", "maudits
# envahisseurs", "toutes des familles de voleurs", "c'est les immigrants qui savent pas".
_GENERALISATION_FR = _latin(
    r"ces gens-?la (?:prennent toute|viennent (?:ici )?(?:juste )?pour|se reproduisent"
    r"|respectent rien|sont tous|c'est tous|coutent|profitent|volent|salissent)",
    r"se reproduisent comme des (?:lapins|rats)",
    r"(?:ce monde-?la|ces gens-?la|eux autres|ils|elles) (?:vit|vivent|vivent tous) comme des"
    r" (?:porcs|cochons|animaux|rats|sauvages|betes)",
    r"(?:les|ces) (?:francos|anglos|anglais|quebecois|immigrants?|immigres|refugies|etrangers"
    r"|arabes|noirs|indiens|africains|haitiens|chinois|musulmans) sont (?:tous |toutes |juste )?"
    r"des (?:queteux|quêteux|profiteurs|parasites|voleurs|bs|assistes|paresseux|sauvages)",
    r"(?:ils|elles|on) nous (?:ont|a|vont|va|sont en train de nous) rempla\w*",
    r"(?:maudits?|des|ces|les) envahisseurs", r"grand remplacement(?! d)",
    r"(?:toutes?|tous) des (?:familles |gangs )?de (?:voleurs|bandits|criminels|racailles"
    r"|profiteurs|parasites|bs)", r"rempli(?:e|s|es)? de racailles?",
    r"c'est (?:les|ces) (?:immigrants?|immigres|refugies|noirs|arabes|indiens|africains"
    r"|haitiens|chinois|musulmans|etrangers) qui (?:savent pas|savent rien|respectent"
    r" rien|comprennent pas|salissent|volent|profitent|coutent|font (?:rien|ca))",
    r"de certaines (?:cultures|communautes|ethnies|races)[^.!?]{0,60}(?:respectent"
    r"|laissent|salissent|savent pas|comprennent pas)",
    r"(?:vous |ils |elles )?(?:coutez|coutent) (?:assez |trop |une fortune |cher |ben cher )+"
    r"(?:au|a la|a notre) (?:systeme|societe|contribuable)",
    r"(?:t'aurais|tu aurais|vous auriez|ils auraient|elle aurait|il aurait) du rester"
    r" (?:au|en|dans|chez)", r"billet (?:d'avion )?aller simple",
    r"(?:ca|un papier|une carte) (?:te )?fait pas de (?:toi|vous|lui|eux) (?:un|une|des)"
    r" (?:vrai |vraie )?(?:canadien|quebecois|franco)",
    r"veulent endoctriner nos enfants", r"s'entass\w* a \d+", r"(?:ils|elles) vivent a \d+ dans",
    r"(?:vienne|viennent) (?:juste )?profiter",
    # the replacement story told of a faith: "ils vont transformer nos églises en mosquées"
    r"(?:vont|veulent|va) (?:bientot )?(?:transformer|changer) (?:cette|nos|les|notre"
    r"|toutes (?:les|nos)) (?:eglises?|ville|pays|ecoles?|quartiers?) en (?:mosquees?"
    r"|temples?|gurdwaras?|synagogues?|ghettos?)",
)
# A named person accused of a crime or a scandal, in French: "a détourné l'argent", "a donné
# le contrat à son cousin", "reçoit du cash des propriétaires", "couche avec un directeur",
# "on dit qu'il fréquente des gamins".
_DEFAMATION_FR = _latin(
    r"(?:a|ont|aurait|auraient) (?:detourne|vole|pige dans|empoche) (?:l'argent|les fonds"
    r"|la caisse|la subvention|le budget|nos taxes)",
    r"(?:a|ont|aurait) donne (?:le|les) contrats? a (?:son|sa|ses|leur|leurs) (?:cousin"
    r"|cousine|beau-frere|frere|soeur|chum|blonde|amis?|famille|femme|mari)",
    r"(?:recoit|recoivent|prend|prennent|a recu|a pris|accepte) (?:du cash|des pots-de-vin"
    r"|des enveloppes|des enveloppes brunes|de l'argent sous la table|des bribes)",
    r"couche avec (?:un|une|le|la|son|sa) (?:directeur|directrice|patron|patronne|conseiller"
    r"|conseillere|maire|gerant|boss)",
    r"(?:frequente|aime trop|tourne autour) (?:des|les) (?:gamins|gamines|mineurs|mineures"
    r"|petits gars|petites filles|enfants)",
    r"parce que (?:le|les) promoteurs? (?:a|ont|lui a|leur a) (?:paye|donne|offert)",
    r"pour caser (?:la blonde|le chum|sa blonde|son chum|sa femme|son cousin|sa cousine)",
    # "a des parts dans une chaîne d'hôtels, c'est pour ça qu'elle pousse ce règlement"
    r"(?:a|ont) des (?:parts|actions|interets) dans[^.!?]{0,50}c'est pour ca qu",
)
# Threats in French beyond those above: a bat waited with, a face "arranged", a window
# something will be thrown into, someone followed home, harm hoped to fall on them.
_THREATS_FR = _latin(
    r"(?:je|on) (?:l'|les |t'|vous )attend(?:s|ons)? avec (?:mon|un|des|nos|ma) (?:baton"
    r"|batte|bat|hache|gun|fusil)",
    # "si je vois encore des jeunes..., je sors le fusil"
    r"(?:je|j'|on) (?:sors|sort|vais sortir|va sortir) (?:le|mon|ma|la|les|mes) (?:fusil|gun"
    r"|carabine|batte|hache|12)\b",
    r"(?:je vais|j'?vais|on va) (?:lui|leur|te|vous) arranger le portrait",
    r"(?:quelqu'un|on|je) va (?:t'en |lui en |vous en )?(?:lancer|garrocher|envoyer|crisser)"
    r" (?:un |une |des )?[^.!?]{0,20}dans (?:ta|sa|votre|leur|ses|tes) (?:fenetre|vitre"
    r"|face|gueule|char|maison)",
    r"on va (?:te|vous|le|la|les) faire taire",
    # "je lui casse la gueule" (a threat in the present tense, after "si...")
    r"(?:je|j'|on) (?:lui|leur|te|vous) (?:casse|pete|defonce|crisse|sacre|arrange)"
    r" (?:la|les|sa|ta|le) (?:gueule|face|yeule|dents|margoulette|portrait)",
    # "on va régler son cas", "manifester devant chez lui ce soir"
    r"(?:regler|reglerai|reglera|reglerons) (?:son|ton|leur|votre) (?:cas|compte)",
    r"(?:manifester|cogner|sonner|crier|debarquer|se pointer) (?:tous |toutes )?(?:devant"
    r"|a la porte de) chez (?:lui|elle|eux)",
    # "quelqu'un devrait lui casser la gueule", "je vais te défoncer la face", "tu mérites
    # une claque"
    r"(?:je vais|j'?vais|on va|quelqu'un (?:va|devrait)|faudrait|faut|devrait|vont|va)"
    r" (?:aller )?(?:lui|leur|te|vous) (?:casser|peter|crisser|sacrer|defoncer|refaire|peter)"
    r" (?:la|les|sa|ta) (?:gueule|face|yeule|dents|jambes|tete|margoulette)",
    r"(?:merites|merite|meritent|meriterait|meriteraient) (?:une|des|un|une bonne|un bon)"
    r" (?:claques?|volee|coup de poing|baffes?|gifles?|mornifle|raclee)",
    r"certains (?:d'entre nous )?ont des (?:briquets|allumettes|bidons d'essence|batons|bats)",
    r"(?:je vais|j'?vais|on va) (?:le|la|les|te|vous) suivre (?:apres|jusqu|chez|pour)",
    r"j'espere qu'(?:ils|elles|il|elle)[^.!?]{0,30} (?:vont|va) (?:tous |toutes )?(?:sauter"
    r"|crever|y passer|mourir|y rester)",
    r"(?:va|vont) (?:leur|lui|te|vous) tomber dessus",
    r"(?:savent|savons|on sait|je sais|on connait|je connais) (?:ou|o[uù]) (?:il|elle|tu|vous)"
    r" (?:gare|stationne|parque|laisse) (?:son|sa|ton|ta|votre|leur) (?:char|auto|voiture"
    r"|truck|pick-?up)",
)

# French, beyond insults: selling and advertising, dismissing the topic, clutter, and
# advice to break the rules (matched on folded text: accents off).
_COMMERCIAL_FR = _latin(
    r"a vendre", r"en vente", r"vente de garage", r"vide-?greniers?", r"vente-debarras",
    r"(?:bons|meilleurs|petits) prix",
    r"(?:\d+ ?%|\d+ ?\$) de rabais", r"rabais de \d", r"(?:gros|super|grands?) rabais",
    r"en rabais", r"code promo", r"en promotion", r"livraison (?:gratuite|rapide|incluse)",
    # "écrivez-moi" alone is a lost cat or a swapped swim class; with cash or a price it
    # is an offer ("80 $/mois cash, écrivez-moi"); a business writes "nous"
    r"ecrivez-?nous", r"(?:cash|comptant|\d+ ?\$)[^\n]{0,120}(?:ecrivez|ecris)-?moi",
    r"(?:ecrivez|ecris)-?moi[^\n]{0,120}(?:cash|comptant|\d+ ?\$)",
    # "appelez-moi" alone is a resident's carpool or lost helmet, not an offer
    r"(?:contactez|appelez|textez)-?nous", r"(?:textez|texte|contactez)-?moi",
    r"message prive",
    # a rate or a unit price as an ad writes it, not a wage or a fee discussed ("17 $ de
    # l'heure", "35 $ par jour va exclure les familles")
    r"dm moi",
    # not a fee complained of ("6 $/h c'est du vol")
    r"\d+ ?\$ ?/ ?h(?:eure)?(?![^.!?]{0,25}(?:vol\b|voleurs|trop cher|abusif|ridicule|exagere"
    r"|scandal))",
    r"\d{1,2} ?% (?:de rabais )?(?:sur )?(?:la|votre) premiere (?:visite|commande|session"
    r"|heure|semaine|coupe)",
    r"(?:deneigement|tonte de gazon|tonte|menage|entretien menager|peinture|renovations?"
    r"|demenagement|nettoyage de gouttieres)(?: residentiel| commercial)?[^.!?]{0,25}(?:pas"
    r" chers?|abordables?|a bas prix|meilleurs? prix|appelez|textez|contactez)",
    r"\d+ ?\$ (?:chaque|la boite|la piece)",
    r"evaluation gratuite", r"vendez votre (?:maison|condo|propriete)", r"reservez",
    r"visitez (?:notre|mon) (?:site|boutique|page|magasin)", r"devis gratuits?",
    r"(?:achetez|commandez|abonnez-vous|suivez-nous)", r"(?:je|on) vends?",
    r"abonne-toi", r"(?:suivez|abonnez-vous a) ma (?:chaine|page)",
    r"qui veut acheter", r"vous avez gagne (?:un|une|des|\d)",
    r"(?:quelqu'un|qqn) (?:veut|voudrait) acheter (?:ma|mon|mes)",
    r"\d+ ?\$ a ramasser", r"dm pour (?:les |le )?(?:prix|details|infos?|commander)",
    r"si ca (?:interesse|vous interesse|t'interesse) (?:quelqu'un|qqn|du monde),? (?:dm|mp"
    r"|ecrivez|texte)",
    r"travail a domicile", r"argent (?:rapide|facile)", r"gagnez (?:de l'argent|\d+)",
    # an ad's price and its channel: "prix spécial été", "-15% pour les jardiniers",
    # "30% moins cher", "WhatsApp 647-...", "livraison discrète"
    r"prix (?:special|speciaux|imbattables?|reduits?|d'ami)",
    r"-\d{1,2} ?% (?:pour|sur|a l'achat|de rabais)", r"\d{1,2} ?% moins cher",
    r"whatsapp ?:? ?\+?\d", r"livraison (?:discrete|a domicile)",
    # "1re leçon GRATUITE", "Vends iPhone 15 neuf" (a post that opens with what it sells)
    r"(?:1re|premiere|1ere) (?:lecon|seance|visite|consultation|heure|semaine|classe) gratuite",
    r"(?:^|(?<=[.!?] ))vends?(?= (?!pas\b))",
    # "On ramasse TOUT!", "Places limitées", "5 $ seulement", "suivez notre page"
    r"on (?:ramasse|enleve|achete|repare|installe|nettoie|deneige) (?:tout|toute|vos|votre)",
    r"places limitees", r"\d+ ?\$ seulement", r"seulement \d+ ?\$",
    r"\d+ ?\$ (?:la|le|par) (?:douzaine|paquet|boite|livre|kilo|sac|unite|plat)",
    r"suivez (?:notre|ma) page",
)
_NEGATIVITY_FR = _latin(
    # not "c'est plate mais le rivage est dangereux" (regret, then the reason)
    # nor "c'est plate que l'heure du conte soit annulée" (a pity that...)
    r"c'est (?:tellement |vraiment |donc )?(?:nul|plate|ennuyant|ennuyeux|poche|lame|inutile)"
    r"(?!,? mais| que | qu'| de | d')",
    r"(?:ca|ce debat|ce sujet|ce fil)(?:-la)? m'ennuie", r"m'ennuie a mourir",
    r"(?:on|je) s'en (?:fout|fiche|calisse|crisse|balance|sacre)",
    r"(?:je |j')?m'en (?:fous|fiche|calisse|crisse|sacre|balance)",
    r"qui s'en (?:soucie|fout|fiche|calisse|crisse|sacre)",
    r"plus personne (?:lit|va|utilise|ecoute|regarde)",
    r"(?:sont|est) (?:tellement |vraiment |donc )(?:nulles?|plates?|ennuyant(?:e|s|es)?"
    r"|ennuyeu(?:x|se|ses))",
    r"tout le monde s'en (?:fout|fiche)", r"personne ne s'en soucie",
    r"(?:quel |ce |un )?sujet (?:plate|ennuyant|ennuyeux|nul|inutile)",
    r"(?:ca|cela) n'interesse personne", r"qui (?:lit|lis) (?:ca|cela)",
    r"qui (?:regarde|ecoute|lit) (?:ca|cela|ce truc)", r"^\W*(?:ennuyeux|ennuyant|plate|nul)\W*$",
    r"(?:activite|evenement|video|sujet|programme|consultation|affaire|idee|fete)"
    r" (?:tellement |vraiment )?(?:plate|ennuyante?|ennuyeuse|nulle?|inutile)",
    r"(?:ennuyante?|ennuyeuse|ennuyeux|plate) (?:a mourir|a mort|en maudit|en esti|en crisse)",
    r"qui (?:ca|cela|ce sujet|ce fil) interesse", r"^\W*bof\b",
    # not "ça sert à rien de s'inscrire, c'est toujours complet" (a complaint about a service)
    r"(?:ca )?sert a rien(?! de | d')", r"perte de temps", r"blabla pour rien",
    r"pas interessant(?: pantoute| du tout)?",
    r"c'est quoi l'interet", r"qui a demande ca", r"ville de nuls",
    r"(?:la ville|le conseil|ce projet|cette ville) (?:est|sont) (?:tellement )?nulle?s?",
    r"(?:^|[.!] ?)(?:meh|zzz+|plate|next)\W*(?:$|[.!])",
)
# Dismissing the topic in the other languages residents write in.
_NEGATIVITY_OTHER = (
    _latin(r"que aburrido", r"muy aburrido", r"a nadie le importa", r"que tedio", r"que chatice",
           r"ninguem liga", r"boring (?:topic|hai|he) yaar", r"koi aur baat karo",
           r"nakakabagot", r"walang pakialam", r"bakwas (?:program|topic|vishay)",
           r"koi nahi padhta", r"waste topic", r"koi ne interest nathi", r"boring na",
           r"ang boring", r"sino (?:ba )?(?:nagbabasa|nanonood|may pake)", r"bore adikuthu",
           r"yaarukum interest illa"),
    _script("无聊", "無聊", "谁在乎", "誰在乎", "没人关心", "沒人關心", "没意思", "沒意思",
            "કોને ફરક પડે", "બેકાર વિષય", "موضوع ممل", "مين يهتم", "بی‌?مزه", "کی اهمیت میده"),
    # Italian, Portuguese, Spanish, Hindi: "who cares", "how boring", "who watches this rubbish"
    _latin(r"a chi interessa", r"che noia", r"chi se ne frega", r"quem liga", r"que pereza",
           r"a quien le importa", r"(?:kaun|kon) (?:\w+ )?(?:dekhta|jaata|jata|padhta|sunta) hai"
           r"(?: ye| yeh)?(?: bakwas)?", r"ye bakwas"),
    # Vietnamese: "dull as anything", "who even watches this"
    _latin(r"chan ngat", r"nham chan", r"(?:ai ma|chang ai) (?:xem|doc|quan tam) (?:cai nay|cai do"
           r"|chu)"),
    # Turkish, Polish, Hindi and Punjabi: "who cares", "how boring"
    _latin(r"kimin umurunda", r"cok sikici", r"kogo to obchodzi", r"(?:co za|ale) nuda",
           r"(?:kisko|kis ko|kinu|kise nu) (?:parwah|parwa|farak|fark) (?:hai|painda|padta)"),
    _script("노잼", "재미없(?:다|네|어)", "چه مزخرف"),
)
_NEGATIVITY_ALPHABETS = (
    _whole_words(r"кому (?:вообще |это )?(?:интересн\w*|нужн\w*)", r"скука", r"скукота",
                 r"кого (?:це|это) цікавить", r"нудьга", r"ποιος νοιάζεται", r"βαρετ(?:ό|ο|ή)"),
)
# Asking the board for a shop, a service or a game that is no City matter, in the residents'
# other languages: "koi accha tuition teacher jaanta hai?", "có ai biết tiệm làm móng...?",
# "أحد يعرف مطعم...؟", "کسی آرایشگاه خوب سراغ داره؟", "chi guarda la partita?" (read only in
# a short question: see _asks_elsewhere)
_ASKS_ELSEWHERE = (
    _latin(r"koi (?:accha|achha|acha|changa|vadiya|badhiya|sasta|sasti) (?:\w+ ){0,2}(?:teacher"
           r"|tutor|tuition|dentist|doctor|mechanic|vakeel|lawyer|restaurant|dhaba|salon"
           r"|parlou?r|barber|plumber|electrician|caterer|dj|photographer|shop|dukaan)s?"
           r"(?: \w+){0,2} (?:jaanta|janta|jaandi|jaanda|janda|pata|dass sakda|bata sakta)",
           r"koi bata sakta hai[^?]{0,60}(?:match|stream|link|movie|restaurant|tuition|teacher"
           r"|vakeel|lawyer|dukaan|shop|salon|parlour|parlor)",
           r"co ai biet (?:quan|tiem|nha hang|tho|cho lam (?:mong|toc|nail))",
           r"sino (?:may alam|nakakaalam|marunong)(?: ng| kung saan)? (?:masarap|magandang"
           r"|murang|mura)", r"alguem (?:vende|conhece|indica) (?:um |uma )?(?:carro|bom|boa"
           r"|restaurante|mecanico|dentista|cabeleireiro)",
           r"chi guarda (?:la partita|il match|la gara)",
           r"alguien (?:sabe|conoce|recomienda) (?:de )?(?:un|una) (?:buen|buena) (?:restaurante"
           r"|mecanico|dentista|peluqueria|abogado)"),
    _script("ਕੋਈ ਦੱਸ ਸਕਦਾ[^?]{0,40}(?:ਵਕੀਲ|ਡਾਕਟਰ|ਦੁਕਾਨ|ਰੈਸਟੋਰੈਂਟ|ਮਕੈਨਿਕ)",
            "(?:آرایشگاه|رستوران|دندانپزشک|مکانیک|وکیل|آرایشگر|نانوایی) خوب",
            "(?:أحد|احد|حدا|حد) (?:يعرف|بيعرف|بعرف) (?:مطعم|حلاق|محامي|ميكانيكي|طبيب|دكتور)",
            "有人知道[^？?]{0,20}(?:餐厅|餐廳|理发|理髮|美甲|律师|律師|好吃)"),
)
_CLUTTER_FR = re.compile(
    r"\W*(?:(?:moi aussi|pareil|idem|meme chose)(?: que \w+| pour moi| ici)?|d'accord|suivi"
    r"|je suis|je suis ce fil|(?:up|bump)(?: pour ce (?:post|fil|sujet)| svp)?|\+1"
    r"|1er|premi+e+r+e*|(?:ca|ceci) ?\^+)\W*"
)
_ILLEGAL_FR = _latin(
    # told to ("brulez vos feuilles"), not asked about ("il fait bruler ses feuilles?")
    r"brul(?:ez|e) (?:vos|tes|les|nos) (?:feuilles|dechets|ordures|branches|vidanges)",
    r"(?:vend|vends|vendre|livre|livrons) (?:du|de la|des)"
    r" (?:pot|weed|drogue|coke|cocaine|pilules|edibles|champignons|champis|mush|acide|mdma"
    r"|ecstasy|speed|crack|meth|percocets?|xanax)",
    # drugs picked, contraband sold, a licence without the exam, a neighbour's power taken
    r"champignons magiques", r"cigarettes? (?:de la reserve|de contrebande|pas taxees)",
    r"\d+ ?\$ la cartouche",
    r"(?:permis|diplomes?|cartes? (?:de |d')?\w+)[^.!?]{0,25}sans (?:examen|test|cours)",
    r"branche(?:z|r)?(?:-vous|-toi)? sur (?:le compteur|l'electricite|le wifi|le cable)"
    r" (?:du|de la|des|de ton|de votre) voisin",
    r"(?:vend|vends|vendre)[^.!?]{0,40}(?:des faux|des fausses|\bfakes?\b)",
    # goods "found" or fallen off a truck: stolen
    r"(?:vend|vends|vendre)[^.!?]{0,40}(?:[«\"] ?trouve(?:e|s|es)? ?[»\"]|volee?s?\b"
    r"|tombee?s? (?:du|d'un) camion)",
    r"(?:je|j'|on) (?:lui|leur|te|vous) (?:creve|crevera|crever|perce|coupe) (?:les|ses|tes|leurs)"
    r" pneus",
    r"(?:cover|couvre|housse|film|spray|cache)[^.!?]{0,15}plaques? anti-?(?:photo|radar|camera)",
    r"(?:les )?cameras? (?:peuvent|pourront|pourra|peut) (?:pas|plus) (?:lire|voir)",
    r"(?:petards|feux d'artifice|mortiers|feux professionnels|feux de categorie)[^\n]{0,60}"
    r"(?:j'en vends|je vends|\bdm\b|cash)",
    r"(?:j'en vends|je vends|vend|vends)[^\n]{0,60}(?:petards|mortiers|categor(?:y|ie) 3"
    r"|feux professionnels|professionnels genre)",
    r"(?:qui|ou) (?:vend|acheter) (?:du|de la) (?:pot|weed|drogue|coke|cocaine)",
    # offered without the permit, not a report or a reminder ("sans permis c'est une amende")
    r"pas besoin de permis",
    r"(?:fais|fait|faites) ce que (?:tu veux|vous voulez) avec (?:l'info|ca|cette info)",
    r"(?:sans permis|pas besoin de permis)[^.!?]{0,40}livraison",
    r"sans permis(?=[^.!?]{0,40}(?:cash|dm|ecri|texte))",
    r"cash[^.!?]{0,40}(?:sans|pas de) permis", r"pas besoin de passer par la ville",
    # paid cash to skip the tax: "cash, pas de reçu", "paiement cash = pas de taxes"
    r"(?:cash|comptant)[^.!?]{0,40}(?:pas de|sans) (?:taxes?|recus?|factures?)",
    r"(?:pas de|sans) (?:taxes?|recus?|factures?)[^.!?]{0,30}(?:cash|comptant)",
    r"pas (?:legaux|legales?|legal) ici",
    r"(?:sans|pas) poser de questions",
    r"fau(?:x|sses?) (?:recus|documents|papiers|permis|billets|cartes?|plaques?)",
    r"(?:vends?|vente de|offre|j'ai des)[^.!?]{0,40}pirat\w*",
    r"pirat\w*[^.!?]{0,60}(?:ecrivez|ecris|dm|texte|envoie)",
    r"(?:lancer|lancez|lance|garrocher|garrochez) des (?:oeufs|œufs|roches|pierres)",
    r"brul(?:ez|e)(?:-les| les)? dans la rue",
    r"(?:un |mon |ton )?plug pour (?:du|de la|des)",
    r"(?:jujubes|bonbons|biscuits|gummies) au (?:pot|thc|cannabis)",
    r"(?:mettez|mets|laissez|laisse) (?:du |de la |de l')?(?:poison|mort-aux-rats|antigel)",
    r"borne[- ]fontaine[^.!?]{0,40}cle (?:a molette|anglaise)",
    r"(?:carabine|fusil|\.22)[^.!?]{0,60}(?:regle|regler|tirer|tire)",
    r"(?:gros |des )mortiers|mortiers (?:achetes|importes)",
    r"(?:qui veut|veux-tu|voulez-vous) (?:de la|du) (?:weed|pot|drogue|coke|pilules)",
    # said as an invitation or an order, not a report ("les jeunes sautent la clôture")
    r"(?:venez|on va|allez|qui veut venir|viens) sauter la cloture",
    r"cadenas[^.!?]{0,30}facile a (?:peter|casser|briser)",
    r"allez chercher[^.!?]{0,40}la nuit",
    r"(?:lance|lancez|lancer) (?:un|une|des) (?:bloc|roche|pierre|boule)[^.!?]{0,40}"
    r"(?:pare-brise|vitre|fenetre)",
    r"(?:agents?|by-?law|police|patrouilleurs?) (?:du by-?law )?"
    r"(?:travaille(?:nt)?|patrouille(?:nt)?) (?:pas|jamais) (?:la nuit|le soir|la fin de semaine)",
    r"antigel[^.!?]{0,60}(?:coyotes?|chats?|chiens?|ratons?|animaux|oiseaux)",
    r"(?:coyotes?|chats?|chiens?|ratons?|animaux)[^.!?]{0,60}antigel",
    r"(?:je|on) (?:tire|tirerais|va tirer) (?:dessus|sur (?:les|le|la|eux))",
    r"(?:pas|jamais) barree?s?[^.!?]{0,40}(?:servez-vous|allez-y)",
    r"(?:on va|faudrait|faut|allons|allez) (?:aller )?(?:peter|casser|briser|crever|defoncer)"
    r" (?:le|la|les|leurs?|ses)",
    r"(?:avec votre|envoyez|entrez|fournissez|confirmez)[^\n]{0,60}(?:numero d'assurance"
    r" sociale|nas|nip|numero de carte|code de securite|informations bancaires)", r"nas requis",
    r"pas de recus?,? pas de questions", r"pas de permis,? pas d'inspection",
    r"pas de permis,? pas de (?:limite|quota|taxes?|questions)",
    # a dog poisoned, cannabis sold outside the licensed stores
    r"(?:devrait|faudrait|faut|on va|je vais|donnez|donne|lancez|lance) (?:lui |leur )?"
    r"(?:donner |lancer )?(?:une |des )?boulettes? empoisonnees?",
    r"moins cher(?:e|es|s)? qu(?:e |'a |'au |e la |e l')(?:la |l')?(?:sqdc|ocs)",
    r"(?:weed|pot|cannabis|champis|coke|pilules)[^\n]{0,80}livraison (?:rapide|discrete"
    r"|a domicile)",
    r"(?:la police|les policiers|le gardien|les gardes|by-?law) (?:est|sont|passe|passent)"
    r" jamais (?:la|par la|icitte)", r"personne (?:va|ne va) (?:trouver|voir|le savoir)",
    r"(?:videz|vide|jetez|versez)[^.!?]{0,40}(?:egout|grille|fosse|ruisseau|dans le lac)",
    r"coup(?:e|er|ez) (?:la|les) (?:cloture|barrieres?)", r"(?:on a|j'ai) coupe (?:les|la)"
    r" (?:barrieres?|cloture|fil)", r"faire pousser (?:\d+ )?plants",
    r"copies? a\+", r"contrefa\w+", r"(?:enlevez|enleve) la plaque", r"cache-plaque",
    r"plaque teintee", r"detecteurs? (?:de )?radar", r"un accident est (?:vite|si vite) arrive",
    r"(?:boulettes?|viande)[^.!?]{0,40}(?:chocolat|clous|poison|antigel)",
    r"pieges? a machoires?", r"s'ouvre avec un tournevis",
    r"(?:passez|passer|cachez)[^.!?]{0,30}(?:a|aux) (?:la )?(?:frontiere|douanes?)",
    r"(?:garroche|garrochez|pousse|poussez|pellete|pelletez|souffle|soufflez) (?:ta|votre|la)"
    r" neige dans la rue", r"carte (?:sante|d'assurance maladie) de quelqu'un d'autre",
    r"(?:faire|on fait|fait) des (?:runs|courses) sur",
    r"(?:personne|ils|les \w+) (?:ne |n'?)?(?:verifie|verifient|checke|checkent|viennent"
    r"|surveille|surveillent)"
    r" jamais",
    r"(?:jetez|jette|jeter|crisser|crissez|sacrer|sacrez|domper|dompez|dumper)"
    r" (?:mes|vos|tes|nos|les|ses) (?:vieux |vieilles )?(?:dechets|ordures|vidanges|poubelles"
    r"|meubles|sacs)"
    r"[^.!?]{0,20}(?:dans|au|a la|en arriere|derriere)",
    r"(?:empoisonner|empoisonnez|empoisonne)[^.!?]{0,30}(?:chats?|chiens?|coyotes?|oiseaux"
    r"|animaux|pigeons|ratons?|bibittes)",
    r"(?:chats?|chiens?|coyotes?|oiseaux|animaux|pigeons|ratons?)[^.!?]{0,40}(?:les )?"
    r"empoisonner",
    r"(?:allez|on va|va|vas|faudrait) (?:aller )?(?:arracher|voler|taguer|tagger|graffiter)"
    r" (?:les|leurs|ses|la|le)",
    r"(?:mes|des) cannes de (?:spray|peinture)",
    r"(?:enjambez|enjambe|sautez|passez par-dessus) (?:les|la) (?:barrieres?|cloture)",
    r"s'enjambe(?:nt)? (?:facile|facilement|bien|sans probleme)",
    # a permit or a fine dodged: "pour éviter le permis: ...", "la Ville peut rien faire"
    r"pour (?:eviter|contourner|pas payer) (?:le permis|la licence|les taxes?|l'amende"
    r"|la contravention|le ticket|l'inspection)",
    r"la ville (?:ne )?(?:peut|pourra) rien (?:faire|y faire|prouver)",
    r"ouvr(?:ir|ez|e) la borne[- ]fontaine",
    r"(?:on les|les) lachera sur la patinoire",
    # told or planned, not reported ("quelqu'un a crevé les pneus de mon char")
    r"(?<!a )(?<!ont )(?<!avait )(?<!avaient )crev(?:er|ez|e|ons)(?:-y|-lui|-leur)?"
    r" (?:ses|les|leurs)(?: \d| quatre)? pneus",
    # someone else's card to get in under age: "prends la carte de ton grand frère"
    r"(?:prends|prenez|emprunte|empruntez|utilise|utilisez) la carte (?:d'identite |sante"
    r" |d'assurance maladie )?(?:de ton|de ta|de votre|d'un|d'une) (?:grand |grande )?"
    r"(?:frere|soeur|cousin|cousine|chum|ami|amie|pere|mere|chum)",
    r"pas de permis (?:necessaire|requis)",
    r"mortiers (?:des states|des etats|des etats-unis|de l'autre bord|du nouveau-brunswick)",
    r"pret[^.!?]{0,40}\d+ ?% (?:par|chaque|a la) (?:semaine|jour)",
    r"(?:peche|pecher|pechent|on peche) (?:avec|a) (?:du poison|de la javel|des explosifs"
    r"|de la dynamite|la dynamite|l'explosif|la javel)",
    r"pinces? coupantes?[^\n]{0,100}(?:cloture|grillage|barriere|cadenas)",
    r"vandalis(?:er|ez)", r"volez",
    r"(?:la police|la ville|le fiscal|by-?law|les cops?) (?:ne |n')?(?:vient|viendra|viennent"
    r"|le saura|saura|verra) (?:jamais|rien)",
    r"(?:louez|louer|loue|travaillez|travailler|payez|payer|paye)(?:-le|-la)?(?: \w+){0,2}"
    r" au noir",
    r"on va (?:les|la|le) (?:arracher|casser|briser|bruler|voler)",
)


# Others urged to damage a person's things, as "someone should key his car" is read in English:
# "qqn devrait rayer la Tesla de Menon", "faudrait peinturer son char".
_PROPERTY_HARM_FR = _latin(
    r"(?:qqn|quelqu'un|on|faudrait|faut|il faut) (?:devrait |pourrait |va )?(?:rayer"
    r"|egratigner|peinturer|egger|casser les vitres d[eu']|crever les pneus d[eu'])"
    r" ?(?:la|le|les|son|sa|ses|leur|leurs|l')",
    # "on va voir s'il va aimer trouver ses pneus crevés"
    r"(?:aimer|aime|aimera) (?:trouver|retrouver) (?:ses|tes|vos|leurs|son|ton|sa|ta) (?:pneus"
    r"|char|auto|voiture|vitres?)[^.!?]{0,12}(?:creves|rayee?s?|cassees?|a plat|brises?)",
)


_ILLEGAL_ES = _latin(
    r"para evitar (?:multas|la multa|el ticket|pagar)",
    r"nunca te (?:pueden|van a) (?:escanear|multar|pillar|agarrar|cachar|ver)",
    r"nadie (?:revisa|verifica|checa) nunca",
)
# The residents' other languages, beyond insults: telling others nobody will see or check
# ("koi check nahi karta", "没人查", "không ai kiểm tra", "егерей нет"), that no permit or
# exam is needed for what is offered, and ways around the tax or the by-law.
_ILLEGAL_OTHER = (
    _latin(r"koi (?:nahi|nai|ni) (?:dekhda|dekhu|dekhega|dekhuga|puchda|pucchda"
           r"|check karta|check karda)", r"koi check (?:nahi|nai|ni) kar(?:ta|da|du)",
           r"kisi ko (?:pata|pta) (?:nahi|nai) chal(?:ega|da|u)",
           r"kise nu (?:pata|pta) (?:nahi|nai|ni) (?:lagna|lagu|chalna|chalu)",
           # dumping, letting tyres down, cutting wires: said as an order ("... deo")
           r"(?:jungle|trail|nadi|creek|ravine|khet|park|jhaadi|jhadiyon) (?:mein|me|ch|vich"
           r"|wich|de vich) (?:phenk|phek|sutt|sut|daal) (?:do|deo|diyo|dena|dao)",
           r"hawa (?:kad|kadd|kaad|nikal) (?:deo|do|diyo|dena|dao)",
           r"wire (?:kaat|kat|vadh|vaddh) (?:deo|do|diyo|dena|dao)",
           # the tax man kept out of it: "CRA nu dasso hi na", "tax kyu bharna"
           r"(?:cra|tax wale?|taxman|income tax) (?:nu|ko|ne) (?:dasso|dasna|batao|batana)"
           r" (?:hi )?(?:na|nahi|mat)", r"tax (?:kyu|kyun|kiyon|kyon) (?:bharna|bharo|dena)",
           # papers or permits without the exam or the permit, offered
           r"(?:certificate|degree|diploma|license|licence|permit|passport|marksheet)"
           r" (?:\w+ ){0,2}bina (?:exam|test|padhai|pariksha)",
           r"bina (?:exam|test|permit|license|licence|inspection) (?:ke|de|to)"
           r" (?:bhi|vi)",
           r"genuine lag(?:ta|da|egi|ega|di)",
           r"(?:sin|work permit) (?:di|ki|ka|da) (?:lod|lorh|zaroorat|jarurat|need)"
           r" (?:nahi|nai|ni)",
           r"20 (?:hrs|hours|ghante) (?:ton|se) (?:vadh|zyada|upar)",
           # Vietnamese, Portuguese, Tagalog, Turkish: "nobody checks", "no permit needed"
           r"khong ai (?:kiem tra|biet dau|thay dau)", r"khong can giay phep",
           r"ninguem (?:fiscaliza|vai saber|ve nada)", r"walang (?:huhuli|makakaalam|nagbabantay)",
           r"kimse (?:kontrol etmiyor|bilmez|gormez)", r"ruhsat (?:gerekmez|lazim degil)",
           # transit fares dodged for money: "Presto card hack", "unlimited rides $30"
           r"presto (?:card )?hacks?", r"hacked presto"),
    _script("ਬਿਨਾਂ (?:permit|ਪਰਮਿਟ|ਲਾਇਸੈਂਸ) (?:ਦੇ|ਤੋਂ) ਵੀ", "बिना (?:परमिट|लाइसेंस|परीक्षा) के भी",
            "ਕਿਸੇ ਨੂੰ ਪਤਾ ਨਹੀਂ (?:ਲੱਗਣਾ|ਲੱਗੂ)", "किसी को पता नहीं चलेगा",
            "कोई चेक नहीं करता",
            # papers in Chinese: sitting the exam for you, a pass guaranteed, no exam needed,
            # fake certificates ("代考", "包过", "无需考试", "假的收入证明")
            "代考", "包过", "包過", "(?:无需|無需|不用|免)考试", "(?:无需|無需|不用|免)考試",
            "不用本人", "代写论文", "代寫論文",
            # (not leave taken, "请假证明", "假期": a fake paper is "假的..." or "假证件")
            "(?<![请請放休病寒暑度])假(?:的[\u4e00-\u9fff]{0,4})?(?:证明|證明|证件|證件|驾照|駕照"
            "|文凭|文憑)",
            "(?:不用|无需|無需|不需要)(?:许可证|許可證|执照|執照|牌照)",
            "(?:没人|沒人|没有人|沒有人)(?:查|检查|檢查)", "不会被(?:发现|抓)",
            "不會被(?:發現|抓)"),
)
# The same in Russian and Ukrainian: "no licence needed", "no wardens here", "nobody checks"
_ILLEGAL_ALPHABETS = (
    _whole_words(r"(?:ліцензія|лицензия|дозвіл|разрешение) не (?:потрібна|потрібен|нужна|нужно"
                 r"|нужен)", r"без (?:ліцензії|лицензии|дозволу|разрешения)",
                 r"(?:егерей|инспекторов|рыбнадзора|ментов|копов|єгерів|інспекторів)"
                 r" (?:тут |здесь |там )?(?:нет|немає)",
                 r"никто не (?:проверяет|узнает|заметит|увидит)",
                 r"ніхто не (?:перевіряє|дізнається|помітить|побачить)"),
)
# Selling and advertising in the other languages: "precios bajos, llame a...", "加微信",
# "PM lang", "inbox karo", "alguém vende...".
_COMMERCIAL_OTHER = (
    _latin(r"precios? (?:bajos|economicos|especiales|de mayoreo)",
           r"(?:llame|llamenos|llamanos|escribanos|contactenos) (?:a|al|hoy|ya|ahora)",
           r"(?:presupuestos?|cotizaci[oó]n(?:es)?|orcamentos?) gratis", r"se vende",
           r"alguem (?:vende|vendendo|tem pra vender)", r"chama no (?:zap|whats|privado|inbox)",
           r"pm (?:lang|mo ako|me po|po)", r"(?:sino|may) (?:bibili|gustong bumili)",
           r"for sale po", r"ai muon mua", r"inbox kar(?:o|do|na)",
           r"(?:sasta|saste|sasti) (?:rate|rates|daam|price)"),
    _script("加(?:我)?微信", "微信[:：]? ?[a-z0-9_]{5,}", "私聊", "私信我", "内部价", "內部價",
            "特惠",
            "优惠价", "優惠價", "(?:只需|只要)?先付", "ਸਸਤੇ ਰੇਟ", "सस्ते रेट"),
)

# Advice to break the rules, the fourteenth round: a disabled permit that is not one's own
# ("vecchio permesso disabili", "nessuno controlla"), poison put out for animals ("pongan
# veneno"), bulk waste left in a park ("gece parka bırakın"), a camera lens spray-painted
# ("spray paint maar deyo lens te"), edibles and unlicensed fireworks offered
_ILLEGAL_MORE = (
    _latin(r"(?:vecchio|falso|finto|altrui) (?:permesso|contrassegno|pass) (?:disabili|invalidi"
           r"|handicap)", r"nessuno (?:controlla|se ne accorge|lo sapra)",
           r"(?<!no )(?:pongan|pon|echen|echa|tiren|usen|ponle|ponganle|coloquem|ponham|joguem"
           r"|botem|mettete|mettere|metti) (?:del |il |un poco de |un poquito de )?ve(?:le|ne)no",
           r"ve(?:le|ne)no (?:con|en|na|nella|nel|col|com) (?:la |el |a )?(?:carne|comida|salchicha"
           r"|salsiccia|polpett\w*)",
           r"(?:buzdolab|koltu|kanepe|esya|cop|mobilya|yatak|camasir makine|televizyon|moloz)\w*"
           r"[^.!?]{0,30}(?:parka|sokaga|ormana|dereye|yol kenarina|bos arsaya) (?:birakin|birak"
           r"|atin|at|dokun|dok|koyun)",
           r"spray paint (?:maar|mar|kar|fer|phera|pher) (?:deyo|do|diyo|deo|dena|dao)",
           r"(?:lens|camera|camere) (?:te|pe|par|nu|ko) (?:spray|paint|rang)",
           r"mi (?:have|got|ave|a sell|sell) (?:di |de |some )?(?:good |nuff |bare |fresh )?"
           r"(?:edibles|ganja|kush|gummies)"),
    _script("(?:ألعاب|العاب|مفرقعات)[^.!؟]{0,30}(?:مش|غير|بدون) (?:مرخص|مرخصة|ترخيص)"),
)
# Offers of the round: "link mi inna DM", "Message lang po sa FB page namin", "agency kami",
# "راسلوني خاص", "بسعر حلو", Urdu "واٹس ایپ کریں", "ہم سستے میں"
_COMMERCIAL_MORE = (
    _latin(r"link mi (?:inna|in di|in de|pon|in) (?:dm|inbox|di dm)",
           r"message (?:lang|na lang) (?:po )?sa (?:fb|facebook|page|inbox|messenger)",
           r"agency (?:po )?kami"),
    _script("راسلوني (?:خاص|ع الخاص|على الخاص|عالخاص)", "(?:عندي|عنا) كميات",
            "بسعر (?:حلو|منافس)", "واٹس ?ایپ کریں", "ہم (?:بہت )?سستے"),
)
# Off-topic questions of the round: money sent home ("taka pathanor bhalo rate", "lacag loogu
# diro"), a shop asked for ("may alam ba kayo na Filipino store"), a match abroad ("match kal
# raat kisne dekha")
_ASKS_ELSEWHERE_MORE = (
    _latin(r"taka (?:\w+ )?(?:pathanor|pathano|pathate)", r"lacag (?:\w+ )?(?:loogu diro|u diro)",
           r"(?:india|pakistan|desh|ghar|bangladesh|nepal) (?:paisa|paise|pese) (?:bhejne|bhejna"
           r"|bhejan)", r"(?:pera|padala) sa (?:pinas|pilipinas|probinsya)",
           r"may alam (?:ba )?(?:kayo|kau|po kayo|ba kayo) (?:na|ng|kung saan)[^?]{0,40}(?:store"
           r"|tindahan|grocery|restaurant|resto|kainan|salon|bakery|bakeshop|karinderya)",
           r"(?:match|game) (?:kal raat |kal |kal rati )?(?:kisne|kis ne|kinne|kine) dekh\w*"),
)

# Selling drugs in the residents' other languages: "vendo mota", "maconha barata", "卖大麻",
# "حشيش للبيع", "ganja milega"
_ILLEGAL_FURTHER = (
    _latin(r"vendo (?:mota|marihuana|hierba|maconha|erva|beck)",
           r"(?:maconha|mota|marihuana) (?:a venda|en venta|barata)",
           r"ganja (?:milega|chahiye|available|bechta|bechte)"),
    _script("(?:卖|賣|出售)大麻", "大麻(?:出售|便宜|私聊|有货|有貨)", "حشيش (?:للبيع|متوفر)"),
)

# The classes final_x shares with earlier sets. Masked and short swears: Tamil "th*vdiya",
# Somali "dh!llo" (not the Punjabi name Dhillon), Bengali "boka*oda", Farsi "ک*خل",
# Malayalam "myre", Cantonese "好撚悶", Patois "to rass"
_VULGAR_ROUND14X = (
    _latin(r"th[e*]?[v*][i*]?d[i*]?y[ae]\w*", r"dh[i!1*]ll?o+(?:o?yin)?",
           r"boka ?[c*]+h?[o*]+da\w*",
           r"bokachod\w*", r"my[r*][ue]", r"(?:to|fi|a) ra+ss(?: clot| claat)?"),
    _script("ک[س*]خل", "کصخل", "好撚", "撚樣", "仆街", "屌你", "on9"),
)
_VULGAR_ALPHABETS_ROUND14X = (
    _whole_words(r"γαμημέν\w*", r"γαμημεν\w*", r"γαμιόλ\w*"),
)
# Insults said of people, the same words: "th*vdiya pasanga", "煞笔", "一班废柴", Amharic
# "ደደብ", Farsi "khar nasho", Urdu "jahil logon", Italian "quel finocchio", Polish "głupia krowa"
_INSULTS_ROUND14X = (
    # said of someone, not a curse that opens a post
    _latin(r"(?<=[a-z0-9,.!?] )th[e*]?[v*][i*]?d[i*]?y[ae] (?:pasang[ae]|payan|paiyan|kootam"
           r"|naaye)",
           r"dh[i!1*]ll?o+(?:oyin|ooyin|yin)", r"boka ?[c*]+h?[o*]+da\w*",
           r"khar (?:nasho|nashin|nasho dige)", r"ja+hil (?:logon|logo|log|insaan|aadmi)",
           r"(?:quel|quello|sei un|brutto|sporco|quei|sporchi) finocch(?:io|i)",
           r"glupi[aey]? (?:krow\w*|baba|babsztyl|swini\w*|cip\w*)"),
    _script("煞笔", "煞筆", "傻比", "废柴", "廢柴", "ደደብ", "ደደቦች", "ک[س*]خل"),
)
# "Who cares", "how boring": Amharic "አሰልቺ ነው", "ማን ግድ አለው", Cantonese "好悶", "邊個睇",
# Vietnamese "chán, ai quan tâm", Gujarati "koi ne rasa nathi", Malayalam "aarkku venam",
# Punjabi "bore hi karde ne"
_NEGATIVITY_ROUND14X = (
    _latin(r"chan(?: qua| that)?,? ai (?:ma |them )?quan tam(?=\s*[.!?]|\s*$)",
           r"koi ne (?:ras|rasa|interest) nathi", r"bekar (?:topic|vaat|vishay|program)",
           r"verum boring", r"aa?rkk?u venam", r"bore (?:hi )?kar(?:de|da|di|dey) (?:ne|han|hai)"),
    _script("አሰልቺ ነው", "ማን ግድ (?:አለው|ይለዋል)", "好(?:撚)?悶(?!熱)", "悶到死", "邊個(?:會)?睇"),
)
# Offers: Polish "sprzedam", "pisać na priv", Tagalog "subscribe kayo", "link sa bio",
# Vietnamese "khai trương", "giảm 20% cho", "hàng xách tay", "bán pháo", Italian "10% di
# sconto", Korean "카톡 ID", "월 300 수익", Arabic "أسعار جملة", "للتواصل واتساب", Punjabi
# "wholesale rate te", "ghar delivery", Farsi "ترانسفر فرودگاه"
_COMMERCIAL_ROUND14X = (
    _latin(r"sprzedam", r"(?:pisac|pisz|piszcie|prosze pisac) (?:na )?priv\w*",
           r"subscribe (?:na )?(?:kayo|po kayo|kau|naman)", r"link (?:sa|nasa) bio",
           r"khai truong", r"giam \d+ ?% (?:cho|khi)", r"hang xach tay", r"ban phao(?: no| hoa)?",
           r"\d+ ?% di sconto", r"codice sconto", r"con il codice",
           r"wholesale rate (?:te|pe|par|ch|vich)", r"ghar (?:tak )?delivery"),
    _script("카톡 ?(?:id|아이디)", "월 ?\\d+ ?(?:만원 )?수익", "أسعار (?:جملة|الجملة)",
            "للتواصل (?:واتساب|واتس|خاص)", "ترانسفر (?:به )?فرودگاه"),
)
_COMMERCIAL_ALPHABETS_ROUND14X = (
    _whole_words(r"продаю", r"продам", r"пишите в личку", r"пишіть в (?:приват|особисті)"),
)
# Advice to break the rules: tape on a number plate, a camera broken or sprayed ("tod deyo",
# "rong spray kore dibo"), no permit needed ("koi permit di lod nahi", "không cần giấy phép",
# "walang work permit ok lang"), furniture tipped in a ravine ("tiren sus muebles ... en el
# barranco"), herb on offer ("di good herb")
_ILLEGAL_ROUND14X = (
    _latin(r"(?:number plate|plate) (?:pe|par|te|ko|nu) (?:\w+ ){0,2}tape",
           r"tape (?:laga|lagao|lagado|laga do) (?:do|deyo|diyo)?",
           r"camera[^.!?]{0,40} (?:tod|todd|bhann|phod|bhan) (?:deyo|do|diyo|dena|dao|dio|dibo)",
           r"(?:rong|color|colour|paint) spray kor(?:e|bo) (?:dibo|debo|dao|dio)",
           r"(?:koi )?permit (?:di|ki|ka) (?:lod|zaroorat|zarurat|jarurat) nahi",
           r"khong can giay phep", r"walang (?:work )?permit(?:,)? (?:ok|okay|pwede) lang",
           r"(?:tiren|dejen|boten|echen) (?:sus |los |el |la |tus )?(?:muebles|colchon"
           r"|basura|escombros|sofa|refri\w*)[^.!?]{0,40}(?:barranco|parque|bosque|arroyo|rio"
           r"|terreno|baldio)",
           r"(?:di|de) (?:good|nice|fresh|bes) (?:herb|weed|kush|ganja|trees)"),
)

# Off-topic questions: a shop or a class asked for ("有人知道哪家奶茶店", "有冇人知邊度有好嘅點心",
# "مين بيعرف محل حلويات", "alguien sabe dónde venden", "keu ki jane ... kothay pawa jay",
# "koi batayega ... darzi kahan hai"), a match abroad ("alguém viu o jogo", "ke ke dekhbe")
_ASKS_ELSEWHERE_ROUND14X = (
    _latin(r"alguien sabe (?:donde|en donde|de donde) (?:venden|compro|comprar|puedo comprar)",
           r"(?:alguem|quem) (?:viu|assistiu) (?:o )?jogo", r"ke ke dekh(?:be|bo|chhe|eche)",
           r"keu ki jan(?:e|en) [^?]{0,60}kothay (?:pawa|paoa|pabo|pai)",
           r"koi batayega [^?]{0,60}(?:darzi|tailor|restaurant|dukaan|shop|salon|parlou?r|biryani"
           r"|mithai|halwai|barber|naai)"),
    _script("有人知道[^？?]{0,20}(?:奶茶|补习|補習|中文学校|中文學校|好喝)",
            "有冇人知[^？?]{0,20}(?:好食|好嘅|點心|点心|飲茶|餐廳|茶樓)",
            "(?:مين|مين بـ?) ?(?:يعرف|بيعرف|بعرف) (?:محل|مطعم|حلاق|محامي|ميكانيكي|طبيب|دكتور)"),
)

# The fifteenth round (train_ae, the other languages). Masked and short swears: Russian
# "какого хуя", Greek "γαμώτο", Punjabi "maa chod ditti" (wrecked), Tagalog "p*tang 1na",
# Portuguese "vai tnc" (vai tomar no cu)
_VULGAR_ROUND15 = (
    _latin(r"p\*tang ?[i1*]na", r"putang ?1na", r"maa? chod (?:ditti|diti|ditta|dita|dendi|dende)",
           r"(?:vai|vao|va) (?:tnc|tmnc)"),
)
_VULGAR_ALPHABETS_ROUND15 = (
    _whole_words(r"х[у*][яеёю]\w*", r"γαμ[ώω]το"),
)
# Insults said of people: Arabic "يا ك*س أمك" masked (not "ك*س ام هالشوارع", the streets
# cursed), Bengali "খানকির পোলা" (son of a whore), "একটা বাল" (a worthless one), Portuguese
# "seu corrupto", "vai tnc" said to someone; slurs masked as people mask them ("ch*mar",
# "ciap*ki")
_INSULTS_ROUND15 = (
    _script("(?:يا )?ك\\*+س ?[اأ]مك", "يا ك\\*?س ?[اأ]م", "(?:খানকির|মাগির) (?:পোলা|ছেলে|বাচ্চা)",
            "(?:একটা|একটি) বাল(?![\u0980-\u09ff])"),
    _latin(r"seu (?:corrupto|safado|vagabundo|lixo|canalha)",
           r"(?:vai|vao) (?:tnc|tmnc) (?:prefeito|vereador\w*|seu|sua|voce|vc)",
           r"ch\*+ma?r(?:an|aan|on|s)?", r"ciap\*+\w*", r"c\*+ap(?:ak|at)\w*"),
)
# A people told it may not live, settle or buy a home here, or called vermin: Arabic
# "اليهود ما لازم يسكنوا", Turkish "Suriyeliler yerleşmesin, hepsi bela", Tamil "... kaaranga
# ... veedu kudukka koodadhu", Punjabi "ohna ...an nu ghar nahi vechne chahide", Cantonese
# "大陸人 ... 正一蝗蟲" (locusts)
_GROUP_OUT_ROUND15 = (
    _script("(?:اليهود|العرب|الهنود|المسلمين|المسيحيين|السود|الأجانب|الاجانب|اللاجئين|المهاجرين"
            "|السوريين|الباكستانيين|الصينيين|الأفغان|الافغان) (?:ما لازم|لازم ما|مش لازم|ممنوع)"
            " (?:يسكنوا|يسكنو|يعيشوا|يعيشو|يجوا|يجو|يشتروا)",
            "(?:大陸人|大陆人|內地人|内地人|印度人|黑人|阿差|中國人|中国人|新移民)[^。，,.！!]{0,20}"
            "蝗(?:蟲|虫)", "(?:正一|一班|一群|班|啲)蝗(?:蟲|虫)(?!災|灾)",
            "唔好(?:畀|俾)(?:佢哋|佢地|佢們)(?:買|住|搬)"),
    _latin(r"(?:suriyeli|afgan|arap|kurt|ermeni|yahudi|gocmen|multeci|hintli|pakistanli|cinli)\w*"
           r"[^.!?]{0,30}(?:yerlesmesin|gelmesin|oturmasin|ev almasin)",
           r"hepsi (?:bela|belali|serseri|hirsiz)\w*",
           r"(?:sinhala|tamil|muslim|telugu|malayali|vadakkan|north indian|hindi)\w*"
           r" (?:kaaranga|karanga|kaarargal|aalunga|makkal|pasanga)[^.!?]{0,80}(?:veedu kudukka"
           r" koodadhu|vara koodadhu|naasam pannuvaanga|naasam panniduvaanga)",
           r"(?:ohna|ehna|inna|unna|in|un) [\w*]+(?:an|aan|on|ian) (?:nu|ko) ghar (?:hi |vi |bhi )?"
           r"(?:nahi|na|nai|mat) (?:vechne|vechna|vecho|dene|dena|becho|bechna|bechne)"
           r" (?:chahide|chahida|chahiye)"),
)
# Threats: Italian "sappiamo dove abita ... stia attento quando esce", Turkish "kapısına
# geleceğim, sonrasına karışmam", Portuguese "dar uma lição nele", Spanish "darle una
# lección", Urdu "گاڑی صحیح سلامت نہیں پائے گا" (won't find his car in one piece)
_THREATS_ROUND15 = (
    _latin(r"sappiamo dove (?:abita|abiti|abitate|vive|vivi|vivete|lavora)",
           r"st(?:ia|ai|ate) attent[oaie] quando (?:esc\w*|torn\w*)",
           r"(?:kapisina|kapina|kapiniza|evine|evinize) (?:gelecegim|gelirim|gelecegiz|geliriz)"
           r"[^.!?]{0,40}(?:sonras\w* karismam|gorur|gorursun)",
           r"sonras(?:i|in)a karismam",
           r"dar (?:uma )?lic(?:ao|oes) (?:nele|nela|neles|nelas|nesse|nessa|a ele|a ela)",
           r"(?:darle|darles|dale|denle) una leccion (?:a ese|a esa|al vecino|a ese tipo)?",
           r"sahi salamat nahi (?:milegi|milega|payega|paayega|milni|milna)"),
    _script("(?:گاڑی|گھر|دکان)[^.۔!]{0,12}(?:صحیح|صحيح) سلامت نہیں (?:پائے|ملے)",
            "गाड़ी (?:सही|सहीसलामत) सलामत नहीं (?:पाएगा|मिलेगी)"),
)
# Everyone told to call one person, with a number or a home in the post (read in
# findings_in): Polish "dzwońcie do niego wszyscy", Cantonese "大家打去投訴佢", Spanish
# "llámenle a las 3am", Hindi "सब उसे कॉल करो", Somali "wac oo u sheeg"
_PILE_ON_ROUND15 = (
    _latin(r"dzwoncie do (?:niego|niej|nich)",
           r"(?:piszcie|dzwoncie) (?:do niego |do niej )?wszyscy",
           r"llamen(?:le|la|les)? (?:todos|a las \d{1,2}(?:am|pm)?|a media ?noche|toda la noche"
           r"|de madrugada)",
           r"(?:liguem|ligue) (?:pra ele|pra ela|para ele|para ela) (?:todos|de madrugada|a noite)",
           r"wac(?:a|ay)? oo u sheeg"),
    _script("大家(?:一齊|一起)?(?:打(?:去|電話|电话)?|致電|致电)(?:投訴|投诉|鬧|闹|罵|骂)?(?:佢|他|她)",
            "सब (?:लोग )?(?:उसे|उसको|इसे|इसको|उन्हें) (?:कॉल|फ़ोन|फोन) करो"),
)
# "Who cares", "how boring": Punjabi and Hindi "ਬਹੁਤ ਬੋਰਿੰਗ", "ਕੌਣ ਦੇਖਦਾ", Urdu "کسی کو پرواہ
# نہیں", Cantonese "咁悶嘅...", "邊個理你", Russian "кому это вообще интересно", "скучная тема"
_NEGATIVITY_ROUND15 = (
    _script("(?:ਬਹੁਤ|ਬੜੀ|ਬੜਾ) ਬੋਰਿੰਗ", "ਕੌਣ (?:ਦੇਖਦਾ|ਪੜ੍ਹਦਾ|ਸੁਣਦਾ)", "(?:बहुत|बड़ा) बोरिंग",
            "कौन (?:देखता|पढ़ता|सुनता) है", "(?:کسی|کِسی) کو (?:پرواہ|پروا|فرق) نہیں",
            "किसी को (?:परवाह|फ़र्क|फर्क) नहीं", "咁悶(?!熱)", "邊個理(?:你|佢|呀)"),
    _latin(r"kisi ko (?:parwah|parwa|farak|fark) (?:nahi|nai|ni)"),
)
_NEGATIVITY_ALPHABETS_ROUND15 = (
    _whole_words(r"кому (?:это |вообще |же |ж ){1,3}(?:интересн\w*|нужн\w*)",
                 r"скучн(?:ая|ый|ое) (?:тема|мероприяти\w*|собрани\w*)",
                 r"нудн(?:а|ий|е) (?:тема|захід)"),
)
# Offers: a remittance rate quoted ("1 CAD = 250 PKR", "zero fees", "sem taxas", "khidmad
# la'aan"), card numbers, PINs or bank logins asked for in the other languages (the writers
# count these as spam), a guaranteed visa, a shop's discount ("۵۰٪ تخفیف"), an appointment
# number ("Randevu: 647..."), "I have stock, PM me" ("我有貨，PM我"), "mi have a piece fi sell"
_COMMERCIAL_ROUND15 = (
    _latin(r"1 cad ?= ?\d+ ?(?:pkr|php|inr|bdt|ngn|ghs|lkr|npr|brl|mxn|cop|vnd|try|egp|sos|kes)",
           r"(?:sem taxas|sin comision(?:es)?|khidmad la'?aan|xawaalad lacag la'?aan"
           r"|koi fee (?:nahi|nai|ni))",
           r"(?:mandar|envie|enviar|manda)[^.!?]{0,30}(?:numero do cartao|senha do banco|a senha)",
           r"(?:kaarka bangiga|lambarka kaarka)[^.!?]{0,30}pin",
           r"(?:online banking|bank) (?:username|login|password)[^.!?]{0,30}(?:whatsapp kar\w*"
           r"|ipadala|para ma-?verify)",
           r"(?:ipadala|whatsapp kar\w*)[^.!?]{0,30}(?:password|login)",
           r"gui so sin(?: va tai khoan ngan hang)?", r"so sin va tai khoan ngan hang",
           r"randevu(?: icin)?:? ?\+?\(?\d{3}", r"(?:sac|sakal)[^.!?]{0,20}kesimi \d+",
           r"(?:mi|wi|me) (?:have|got|ave|av) (?:a |some |nuff )?\w+ fi sell",
           r"(?:sasti|sasta|saste|vadiya|changi) (?:insurance|bima|policy)",
           r"sab (?:da|ka|ton) best rate", r"\$ ?\d+ (?:mein|mai|me|ch|vich)[^.!?]{0,20}dm kar\w*"),
    _script("[\\d۰-۹]+ ?[٪%] ?تخفیف", "(?:فيزا|تأشيرة|تاشيرة)[^.!؟]{0,15}مضمون\\w*",
            "نضمن لك", "(?:我有貨|我有货)", "(?:pm|PM|私)我(?![\u4e00-\u9fff])",
            "sin (?:और|अउर) बैंक", "sin ਅਤੇ ਬੈਂਕ"),
)
_COMMERCIAL_ALPHABETS_ROUND15 = (
    _whole_words(r"πουλ[άα](?:ω|με)", r"στείλτε μήνυμα", r"продаю", r"продаём", r"продаем"),
)
# Advice to break the rules: a plate covered ("takpan ... yung plate", "用胶带把车牌挡一下"),
# tickets not paid ("罚单别交"), a neighbour's tyres let down or punctured ("hawa kadd ke valve
# tod dena", "pónchenle las llantas"), sugar in a machine's tank, his power cut at the meter
# ("اقطع الكهرباء عن بيته"), copper to take at night ("dá pra pegar à noite"), goods "don't
# ask where from",
# fake permits and passes ("lewe pozwolenia", "продаю ... не зовсім справжні"), unlicensed
# fireworks
# ("πουλάω ... χωρίς άδεια", "唔使理規定"), a gunpowder recipe, a gun for sale ("a piece fi sell")
_ILLEGAL_ROUND15 = (
    _latin(r"takpan (?:nyo|mo|niyo|ninyo|natin)[^.!?]{0,30}(?:plate|plaka)",
           r"valve tod (?:deo|do|dena|diyo|dao|deyo)",
           r"ponch(?:enle|ale|en|arle|enles) (?:las|sus|la) llantas?",
           r"(?:echenle|echale|tirenle) (?:la )?nieve (?:encima )?(?:a su|al) (?:coche|carro|auto)",
           r"(?:tank|tankla|petrol tank|diesel tank)(?: la| le|-la)? (?:sugar|sakkarai|seeni)"
           r" (?:pottu|podu|podunga|pottunga|potta)",
           r"(?:da|dá) pra (?:pegar|levar|tirar|arrancar) (?:a noite|de noite|à noite)",
           r"lew(?:e|ych|a|y) (?:pozwoleni\w*|papier\w*|prawo jazdy|zaswiadczeni\w*|legitymacj\w*)",
           r"(?:piece|gun|strap|burner|glock|mash) fi sell"),
    _script("(?:把|将|將)(?:车牌|車牌)(?:挡|擋|遮)(?:一下|住就行|住就好|起来就|起來就)",
            "(?:罚单|罰單|告票)(?:别|別|唔好|不用|唔使)(?:交|俾|畀)",
            "根本不会追究", "根本不會追究",
            "唔使理(?:規定|规定|啲規矩)",
            "(?:اقطع|اقطعوا|اقطعلو|قطّع) (?:الكهرباء|الكهربا|الكهربائية|المي|الماي) (?:عن|على)"
            " (?:بيته|بيتهم|بيت جارك|جارك|الجيران)",
            "فرمول باروت"),
)
_ILLEGAL_ALPHABETS_ROUND15 = (
    _whole_words(r"откуда[ ,—–-]{0,3}не спрашивай\w*", r"звідки[ ,—–-]{0,3}не питай\w*",
                 r"(?:продаю|продам|продаём|продаем)[^.!?]{0,60}не (?:зовсім|совсем)"
                 r" (?:справжн\w*|настоящ\w*)",
                 r"πουλ[άα](?:ω|με)[^.!;]{0,40}χωρίς άδεια"),
)
# Off-topic questions: a shop, bread or a tutor asked for (Hindi "कोई अच्छा ... स्टोर बताओ",
# Farsi "کسی میدونه کجا ... میفروشن", Ukrainian and Russian "хтось знає, де купити", Bengali
# "কেউ কি ভালো ... টিউটর চেনেন"), a match ("¿alguien vio el partido?")
_ASKS_ELSEWHERE_ROUND15 = (
    _latin(r"alguien (?:vio|miro|vi) el (?:partido|juego|clasico)"),
    _script("कोई (?:अच्छा|अच्छी|सस्ता|सस्ती|बढ़िया) [^?]{0,40}(?:स्टोर|दुकान|टीचर|ट्यूटर|डॉक्टर|वकील"
            "|रेस्टोरेंट|सैलून|पार्लर) (?:बताओ|बताइए|बताएं|बता सकता|जानता)",
            "کسی (?:میدونه|می‌دونه|می دونه|میشناسه|می‌شناسه) (?:کجا|یه)[^؟?]{0,40}(?:میفروشن"
            "|می‌فروشن|بخرم|پیدا میشه|خوبه)",
            "কেউ কি (?:ভালো|ভাল) [^?]{0,30}(?:টিউটর|শিক্ষক|ডাক্তার|দোকান|রেস্টুরেন্ট|উকিল)"
            " (?:চেনেন|চেনো|জানেন)"),
)
_ASKS_ELSEWHERE_ALPHABETS_ROUND15 = (
    _whole_words(r"(?:хтось|кто-нибудь|кто-то|хто-небудь) (?:знає|знает),? (?:де|где)"
                 r" (?:купити|купить|знайти|найти)"),
)
# The fifteenth round's last set (final_z). Swears as people mask or shorten them: Russian
# "бл**ь", Polish "ch*j", Portuguese "pqp", Serbo-Croatian "jebem ti", "jebo ga ćaća",
# Romanian "futu-i", Jamaican "bombocl**t", Somali "sharmuuto", Tagalog "ptngn@", Malayalam
# "p**rimone", Tamil "oombura", Vietnamese "đ.m", Farsi "کس‌شعر", Arabic "ولاد كلب", and the
# masked letters of Amharic, Malayalam, Tamil, Gujarati and Korean words
_VULGAR_ROUND15Z = (
    _latin(r"pqp", r"ch\*+j(?:u|a|e|em|owy|owa|owe)?", r"jebem (?:ti|vam|mu)",
           r"jebo (?:ga|te|ih|vas) (?:caca|cale|otac|mater|majka)", r"futu-?(?:i|ti|va)",
           r"(?:bombo|bumbo|blood|rass|ras) ?cl\W{0,3}a?\W{0,3}t", r"sharmuut\w*",
           r"pt\W?ng\W?[i1]?n\W?[a@]", r"p(?:\*+|oo|u)r[ia*]mon[ea]?", r"oomb(?:ura|ra|uda)",
           r"(?<!\.)d\.m(?!\.)"),
    _script("کس\u200c?شعر", "کس ?شر(?![\u0600-\u06ff])",
            "(?:و|ا|أ)?(?:ولاد|اولاد|أولاد) (?:ال)?(?:كلب|كلاب)",
            "ሸ\\*+ሙጣ", "ሸርሙጣ", "മൈ\\*+ൻ", "മൈരൻ", "தே\\*+யா", "தேவடியா", "ભેં\\*+ચો",
            "ભેંચો", "ભેનચોદ", "병[0-9!*.]신"),
)
_VULGAR_ALPHABETS_ROUND15Z = (
    _whole_words(r"бл\*+[дт]?ь", r"бл\*+дь"),
)
# Insults said of people: Romanian "e un bou", Serbo-Croatian "je kreten", Vietnamese "thằng
# ... mất dạy", Tamil "பொறம்போக்கு" (not "புறம்போக்கு நிலம்", waste land), Gujarati
# "હરામખોર", Ukrainian "дурепа", and the masked words above said of a person ("የሸ*ሙጣ ልጅ",
# "ஒரு மை**ன்", "병1신들이야"); slurs: Vietnamese "Tàu khựa"
_INSULTS_ROUND15Z = (
    _latin(r"(?:e|este|esti|sunt) (?:un |niste )?(?:bou|boi|magar|magari|cretin|cretini|idiot"
           r"|idioti|tampit\w*)", r"(?:je|si|su|ste) (?:kreten|idiot|budala|debil|majmun|stoka)\w*",
           r"(?:thang|con|bon|lu|do) [a-z ]{0,25}mat day", r"tau khua",
           r"jebo (?:ga|te|ih|vas) (?:caca|cale|otac|mater|majka)"),
    _script("(?:ஒரு )?(?:பொறம்போக்கு|புறம்போக்கு)(?! ?(?:நில|இட))", "હરામખોર",
            "የሸ\\*?[ርሙ]?\\*?ሙጣ ልጅ", "(?:ഒരു )?മൈ(?:\\*+|ര)ൻ", "தே(?:\\*+|வடி)யா பையன்",
            "병[0-9!*.]신(?:들|아|이|새끼)"),
)
_INSULTS_ALPHABETS_ROUND15Z = (
    _whole_words(r"дуреп\w*"),
)
# A people called dirty or thieves, or not to be let in: Urdu "گندے اور چور لوگ ہیں",
# "انہیں یہاں آنے ہی نہ دو", Somali "waa dad wasakh ah", Arabic "هالهنود ... صارت وسخة",
# Serbo-Croatian "puni Cigana"
_GROUP_OUT_ROUND15Z = (
    _script("(?:گندے|غلیظ)(?: اور (?:چور|گندے))? لوگ ہیں", "انہیں یہاں (?:آنے|رہنے) (?:ہی )?نہ دو",
            "(?:هال|كل ال|ال)(?:هنود|عرب|سوريين|أفغان|افغان|باكستانيين|صينيين|سود|أجانب|اجانب"
            "|لاجئين)[^.!؟]{0,30}(?:وسخ|وسخة|وسخه|قذرة|قذره)"),
    _latin(r"waa dad (?:wasakh|tuugo|xun)\w*", r"(?:puni|pun|puna|punih|pune|puno) cigan\w*"),
)
# Threats: Tagalog "alam namin kung saan siya nakatira / nagpa-park", Vietnamese "sẽ có ngày
# ra đường phải cẩn thận"; Russian "звоните им в 3 ночи" beside a number (reach)
_THREATS_ROUND15Z = (
    _latin(r"alam (?:namin|ko|naming|natin) kung saan (?:siya|sya|ka|kayo|sila) (?:nakatira"
           r"|nagpa-?park|nagpapark|nagtatrabaho|umuuwi|dumadaan)",
           r"(?:se|roi se) co ngay[^.!?]{0,30}(?:can than|coi chung)"),
)
_PILE_ON_ALPHABETS_ROUND15Z = (
    _whole_words(r"звоните (?:им|ему|ей) (?:в \d{1,2} ночи|ночью|среди ночи|все|всем)"),
)
# "Who cares", "boring": Amharic "ማን ያስባል", "ሰለቸኝ", Korean "누가 봐요?", "지루함", Hindi
# "बेकार टॉपिक", "क्या रखा है", Romanian "plictisitor", "cui îi pasă", Gujarati "કોને પડી
# છે", "કંટાળો આવે છે", romanized Punjabi "boring video", "kaun dekhda"
_NEGATIVITY_ROUND15Z = (
    _script("ማን ያስባል", "ሰለቸኝ", "누가 (?:봐요|봄|보냐|봐)", "지루(?:함|해요|하네)(?! ?않)",
            "बेकार (?:टॉपिक|विषय|वीडियो)", "में क्या रखा है", "કોને પડી છે", "કંટાળો આવે છે"),
    _latin(r"plictisitor", r"cui (?:ii|i) pasa", r"boring (?:video|topic|post) (?:yaar|yar|ji)",
           r"kaun (?:dekhda|dekhta|padhda|sunda) (?:eh|hai|ae)"),
)
# Offers: a shop's social handle given for orders in another language's post ("Instagram:
# @...", "IG: @...", "ቴሌግራም @...", "انسٹاگرام @..."), counted only in a post with letters
# English has not (the alphabet guard); fakes and jammers sold (illegal too)
_COMMERCIAL_ROUND15Z = (
    _latin(r"(?:instagram|insta|ig|telegram|tiktok)\s*:?\s*@\w{3,}"),
    _script("(?:ቴሌግራም|ኢንስታግራም|انسٹاگرام|اینستاگرام|انستغرام|انستقرام|تلگرام)\\s*:?\\s*@\\w{3,}"),
)
_NOT_ENGLISH_LETTERS = re.compile(
    "[¡¿ñãõçàáâéêíóôúüăâîșțşğışąęłńśźżćđÑÇÁÉÍÓÚŞŁŚŻĐ\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u0900-\u0dff"
    "\u1200-\u137f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_SOLD_FAKES_ROUND15Z = (
    _latin(r"sahte (?:engelli|ehliyet|rapor|park|kimlik|diploma)\w*[^.!?]{0,30}(?:lazim"
           r"|satilik|uygun fiyat|yazsin)"),
    _script("(?:جمر|جامر) (?:رادار|پلیس)", "(?:رخص|رخصة|رخص?ة?) (?:سواقة|سياقة|قيادة)[^.!؟]{0,15}"
            "(?:بدون|بلا|من غير) (?:امتحان|فحص)"),
)
# Advice to break the rules: a neighbour's tyres punctured ("проколіть йому шини"), nails
# thrown on the road ("ρίξτε καρφιά στον δρόμο"), a car scratched ("去他车上划几道"), a camera
# sprayed ("கேமரா மேல ஸ்ப்ரே"), a sign pulled out ("sign hi ukhaad do"), a sofa dumped in the
# park ("پارک کے پیچھے پھینک دو"), "run when the police come" ("police aave to bhaagi javanu")
_ILLEGAL_ROUND15Z = (
    _latin(r"(?:sign|board|camera|signboard) (?:hi |vi |nu |ko )?(?:ukhaad|ukhad|ukhaar|ukhar)"
           r" (?:do|deo|diyo|dena|dao|dio)",
           r"police (?:aave|aaye|aa jaye|aa jae|aaye to|ave) to bhaag\w*"),
    _script("(?:车|車)上(?:划|劃|刮)(?:几|幾)?道", "(?:划|劃|刮)花(?:他|她|佢)(?:的|嘅)?(?:车|車)",
            "(?:கேமரா|camera)[^.!]{0,10}(?:ஸ்ப்ரே|spray)",
            "(?:صوفہ|صوفے|گدا|کچرا|کوڑا|فرنیچر)[^۔.!]{0,30}(?:پارک|سڑک|نالے)[^۔.!]{0,20}پھینک"
            " (?:دو|دیں|دینا)"),
)
_ILLEGAL_ALPHABETS_ROUND15Z = (
    _whole_words(r"прокол(?:іть|ите|ить|и)\w* (?:йому |ему |їм |им |ей |їй )?шин\w*",
                 r"(?:ρίξτε|ρίχνουμε|ρίξε) καρφιά"),
)
# Off-topic questions: a shop (Italian "qualcuno sa dove comprare", Somali "qof ma yaqaan
# meel laga iibsado", Greek "ξέρει κανείς καλό συνεργείο", Gujarati "koi ne khabar che ...
# Costco"), a match ("Galatasaray maçını izleyen var mı", "ko gleda utakmicu")
_ASKS_ELSEWHERE_ROUND15Z = (
    _latin(r"qualcuno (?:sa|conosce) dove (?:comprare|trovare|posso comprare|si compra)",
           r"qof ma yaqaan (?:meel|dukaan|makhaayad)", r"\w+ mac(?:ini|i) izleyen var mi",
           r"ko (?:gleda|je gledao|je gledala) utakmicu",
           r"koi ne khabar (?:che|chhe)[^?]{0,40}(?:sale|costco|walmart|store|dukan|dukaan)"),
)
_ASKS_ELSEWHERE_ALPHABETS_ROUND15Z = (
    _whole_words(r"ξέρει κανείς (?:καλό|καλή|κανένα|κανέναν|πού)"),
)
# Clutter in the other languages, the whole post: "first" (Russian, Ukrainian, Cantonese and
# Taiwanese "頭香"), laughing ("ㅋㅋㅋ", as the normaliser leaves it), "same po", a New Year
# wished to all, a team cheered ("Forza Juve", "X şampiyon!", "X πρωταθλητής")
_CLUTTER_OTHER = re.compile(
    r"\W*(?:" + "|".join(
        fold(normalise(word).plain.text) for word in (
            "первый", "Первый", "перший", "Перший", "頭香", "头香", "搶頭香", "抢头香",
            "ㅋㅋ+", "ㅎㅎ+", "same po", "same here po", "ako rin po",
            "chúc mừng năm mới(?: cả nhà| mọi người| tất cả)?", "新年快乐(?:大家)?",
            "新年快樂(?:大家)?", "새해 복 많이 받으세요", "feliz año nuevo(?: a todos)?",
            "forza \\w+", "\\w+ şampiyon", "și eu", "si eu", "podbijam", "\\w+ πρωταθλητής",
            "(?:vamos|dale) \\w+ campe[oó]n")
    ) + r")\W*"
)


# An organisation's own contact in its own post, in the other languages: a parish, a temple,
# an association or a community group says who it is and gives its line or mailbox after a
# contact label ("Contacto: ...", "연락처: ...", "मंदिर ऑफिस: 905..."). The guideline excepts
# non-profit organisations' contacts, as personal_info's English and French resource words
# ("church office", "organisme communautaire") do in those languages; a mailbox on a free
# mail service counts here only with both the label and the organisation named.
_ORGANISATION_LATIN = _latin(
    r"comunidad", r"parroquia", r"iglesia", r"asociacion", r"comunidade", r"paroquia", r"igreja",
    r"associacao", r"rancho folclorico", r"coro", r"associazione", r"parrocchia", r"chiesa",
    r"derne(?:k|g)\w*", r"camii", r"vakf\w*", r"xarunta", r"bulshada", r"ururka", r"asore",
    r"asɔre", r"simbahan", r"parokya", r"samahan", r"cong dong", r"nha tho", r"parafi\w*",
    r"kirche\w*", r"kirchengemeinde", r"masjid\w*", r"mandir", r"gurdwara", r"kultur merkez\w*",
    r"islamic cent(?:re|er)", r"temple",
    # The eighteenth round: centres, clubs, foundations and parishes in more languages, and
    # the English names other-language posts use ("Filipino Community Association").
    r"centro (?:comunit\w+|cultural\w*|islamico|hispano|latino\w*)", r"centrum", r"klub\w*",
    r"fundaci(?:on|ones)", r"fundacao", r"fondazione", r"fundacj\w+", r"stowarzyszeni\w*",
    r"towarzystw\w*", r"wspolnot\w+", r"kosci(?:ol|ele)\w*", r"parafi\w*", r"biserica\w*",
    r"asociati\w*", r"parohi\w*", r"masaajid\w*", r"jaaliyad\w*", r"giao xu", r"tinh xa",
    r"thien vien", r"phat giao", r"kapisanan", r"verein\w*", r"gemeinde\w*", r"cemiyet\w*",
    r"(?:community|cultural|seniors'?|women'?s|youth) (?:association|society|club|centre|center)",
    r"association", r"society", r"church", r"ministry", r"parish", r"mosque", r"synagogue",
    r"vihara", r"pagoda")
_ORGANISATION_SCRIPTS = _script(
    "교회", "성당", "한인회", "협회", "انجمن", "کانون", "مسجد", "جمعية", "الجالية", "كنيسة",
    "সমিতি", "সংঘ", "মন্দির", "মসজিদ", "સમાજ", "મંદિર", "મંડળ", "मंदिर", "समाज", "गुरुद्वारा",
    "मस्जिद", "संस्था", "ਗੁਰਦੁਆਰਾ", "ਮੰਦਰ", "ਸਭਾ", "கோவில்", "கோயில்", "சங்கம்", "மன்றம்",
    "தேவாலய", "ஆலய", "教会", "教會", "协会", "協會", "同乡会", "同鄉會", "المركز الإسلامي",
    # The eighteenth round: the same words in more of the residents' languages.
    "مركز", "نادي", "رابطة", "مؤسسة", "مرکز", "بنیاد", "کلیسا", "تنظیم", "संघ", "समिति",
    "समुदाय", "केंद्र", "केन्द्र", "सभा", "চার্চ", "সংগঠন", "কেন্দ্র", "ਸੁਸਾਇਟੀ", "ਸੰਸਥਾ",
    "ਕਲੱਬ", "સંસ્થા", "કેન્દ્ર", "મંડળ", "மையம்", "அமைப்பு", "பள்ளிவாசல்", "പള്ളി",
    "ക്ഷേത്ര", "സംഘടന", "സമാജ", "അസോസിയേഷൻ", "దేవాలయ", "ఆలయ", "సంఘ", "చర్చి", "විහාර",
    "පන්සල", "සංගම", "පල්ලිය", "中心", "會館", "会馆", "寺", "社区", "社區", "长者会", "長者會",
    "联合会", "聯合會", "基金会", "基金會", "日系人会", "協会", "センター", "사찰", "센터",
    "노인회", "단체", "성당", "វត្ត", "ဘုန်းကြီးကျောင်း", "วัด", "בית הכנסת", "קהילה", "עמותה",
    "եկեղեցի", "համայնք", "միություն", "ቤተ ክርስቲያን", "ቤተክርስቲያን", "ማህበር", "መስጊድ",
    "ቤተ ክርስትያን", "ማሕበር")
_ORGANISATION_ALPHABETS = _whole_words(
    r"κοινότητ\w*", r"εκκλησί\w*", r"σύλλογ\w*", r"ενορί\w*", r"приход\w*", r"церк\w*",
    r"общин\w*", r"громад\w*", r"товариств\w*", r"парафі\w*", r"храм\w*",
    r"центр\w*", r"клуб\w*", r"ассоциаци\w*", r"асоціаці\w*", r"обществ\w*", r"спілк\w*",
    r"собор\w*", r"κέντρ\w*", r"λέσχ\w*")
_ORGANISATION = re.compile(
    f"{_ORGANISATION_LATIN}|{_ORGANISATION_SCRIPTS}|{_ORGANISATION_ALPHABETS}")
_CONTACT_LABEL = re.compile(
    _as_read_cased(
            "contacto", "contato", "per informazioni", "informazioni", "iletişim", "la xiriir",
            "liên hệ", "makipag-ugnayan", "office", "επικοινωνία", "контакт", "контакты",
            "контакти", "연락처", "문의", "تماس", "للتواصل", "التواصل", "যোগাযোগ", "સંપર્ક",
            "संपर्क", "ਸੰਪਰਕ", "தொடர்பு", "联系", "聯絡", "联络", "ऑफिस", "कार्यालय", "ਦਫ਼ਤਰ",
            "ਦਫਤਰ", "அலுவலக", "oficina", "secretaria", "kancelaria", "biuro", "gemeindebüro",
            "büro", "tel", "telefon", "telefone", "teléfono", "telefono", "phone", "телефон",
            "тел", "γραφείο", "τηλ", "điện thoại", "bilgi", "xafiiska", "للاستفسار",
            "parrocchia", "parroquia", "paróquia",
            # The eighteenth round: "Info:", "Вопросы:", "查詢:", "सम्पर्क:", "විස්තර:"...
            "info", "infos", "information", "informations", "informações", "información",
            "informacion", "informacje", "kontakt", "correo", "e-mail", "email", "e-posta",
            "вопросы", "питання", "информация", "інформація", "詳細", "详情", "詳情", "查詢",
            "查询", "सम्पर्क", "विवरण", "বিস্তারিত", "විස්තර", "ബന്ധപ്പെടുക", "தொடர்புக்கு",
            "اطلاعات", "رابطه", "رابطہ", "معلومات", "ទំនាក់ទំនង", "liên lạc", "impormasyon",
            "πληροφορίες") + r"[^:\n]{0,25}:\s*$"
)


# An office named, or a call asked for, just before a number or mailbox, no colon needed
# ("교회 사무실 905...", "ਦਫ਼ਤਰ ਦਾ ਨੰਬਰ 905...", "اتصلوا بمكتب المسجد 905...").
_OFFICE_BEFORE = re.compile(
    _as_read_cased(
            "office", "oficina", "escritório", "ufficio", "biuro", "kancelaria", "канцелярія",
            "канцелярия", "офис", "офіс", "γραφείο", "büro", "xafiis", "مكتب", "دفتر", "ऑफिस",
            "कार्यालय", "दफ्तर", "ਦਫ਼ਤਰ", "ਦਫਤਰ", "অফিস", "কার্যালয়", "ઓફિસ", "કાર્યાલય",
            "அலுவலக", "ഓഫീസ്", "കാര്യാലയ", "කාර්යාලය", "사무실", "事務所", "办公室", "辦公室",
            "会址", "會址", "משרד", "գրասենյակ", "ቢሮ", "văn phòng", "điện thoại",
            # Asked to call or write, or told where to read more ("Llamar al 905...",
            # "Naga soo wac 905...", "詳細は ...まで")
            "llamar al", "llame al", "llámenos", "ligue", "ligar para", "chiamate", "chiamare",
            "zadzwoń", "звоните", "звоніть", "naga soo wac", "wac", "اتصلوا", "اتصل", "تماس",
            "فون کریں", "call us", "tawagan", "gọi", "電話", "电话", "致電", "致电", "전화",
            "फोन करें", "ফোন করুন", "அழைக்க", "መረጃ", "詳細は", "お問い合わせ") + r"[^\n]{0,30}$"
)
# Words whose folded spelling means something else ("chùa", a temple; "chưa", not yet).
_ORGANISATION_AS_WRITTEN = re.compile(r"\b(?:[Cc]hùa|[Gg]iáo xứ|[Nn]hà thờ)\b")


def organisation_contact(text: str, start: int) -> bool:
    """The contact starting at `start` follows a contact label or an office's name, in a post
    that names an organisation: the organisation's own line or mailbox."""
    before = fold(text[max(0, start - 50) : start])
    return ((_CONTACT_LABEL.search(before) is not None
             or _OFFICE_BEFORE.search(before) is not None)
            and names_organisation(text))


def names_organisation(text: str) -> bool:
    """The post names a parish, temple, association, centre or community group."""
    return (_ORGANISATION.search(fold(text)) is not None
            or _ORGANISATION_AS_WRITTEN.search(text) is not None)


def _compile(parts: tuple[str, ...] | str) -> re.Pattern[str]:
    return re.compile("|".join(parts) if isinstance(parts, tuple) else parts)


def _list(category: Category, reason: str, confidence: float) -> Callable[..., _List]:
    """A kind of list: its category, the reason a moderator reads and how sure it is, said once
    for every list of that kind."""
    def one(parts: tuple[str, ...] | str, language: str | None = None, *,
            alphabet: re.Pattern[str] | None = None, advice: bool = False,
            reach: bool = False) -> _List:
        return _List(category, reason, confidence, _compile(parts), language, alphabet, advice,
                     reach)
    return one


_vulgar = _list("vulgarity", "Vulgar language in another language", 0.9)
_insult = _list("harassment", "Insult in another language", 0.8)
_threat = _list("harassment", "Threat in another language", 0.85)
_advice = _list("illegal", "Advice to break the rules, in another language", 0.7)
_selling = _list("commercial", "Selling or advertising, in another language", 0.7)
_asking_elsewhere = _list("disruption", "Asks about something else, in another language", 0.65)
_dismissal = _list("negativity", "Only says the topic is disliked, in another language", 0.7)
_group_out = _list("harassment", "Exclusion of a group, in another language", 0.8)
_pile_on = _list("harassment", "Urging others to pester someone, in another language", 0.8)


_LISTS: tuple[_List, ...] = (
    _vulgar(_VULGAR),
    _vulgar(_VULGAR_MORE),
    *(_vulgar(p, lang) for lang, p in _VULGAR_IN.items()),
    _vulgar(_VULGAR_ALPHABETS, alphabet=_CYRILLIC_OR_GREEK),
    _vulgar(_VULGAR_TEXTED),
    _vulgar(_VULGAR_ALPHABETS_MORE, alphabet=_CYRILLIC_OR_GREEK),
    _vulgar(_VULGAR_FURTHER),
    _vulgar(_VULGAR_ROMANIZED),
    _vulgar(_VULGAR_ALPHABETS_FURTHER, alphabet=_CYRILLIC_OR_GREEK),
    _insult(_INSULTS),
    _insult(_INSULTS_MORE),
    _insult(_INSULTS_FURTHER),
    _insult(_INSULTS_ALPHABETS, alphabet=_CYRILLIC_OR_GREEK),
    _insult(_INSULTS_ROUND14),
    _insult(_INSULTS_ALPHABETS_MORE, alphabet=_CYRILLIC_OR_GREEK),
    _group_out(_GROUP_OUT),
    _insult(_INSULTS_FURTHER_MORE),
    _insult(_INSULTS_ALPHABETS_FURTHER, alphabet=_CYRILLIC_OR_GREEK),
    *(_List("harassment", "Insult in another language", 0.75, _compile(p), lang)
      for lang, p in _INSULTS_IN.items()),
    _List("harassment", "Slur in another language", 0.9, _compile(_SLURS)),
    _threat(_THREATS),
    _threat(_VEILED_THREATS),
    _threat(_VEILED_THREATS_ALPHABETS, alphabet=_CYRILLIC_OR_GREEK),
    _threat(_VEILED_THREATS_MORE),
    _threat(_VEILED_THREATS_ALPHABETS_MORE, alphabet=_CYRILLIC_OR_GREEK),
    _threat(_THREATS_FURTHER),
    _threat(_THREATS_ALPHABETS_FURTHER, alphabet=_CYRILLIC_OR_GREEK),
    _List("harassment", "Threat to post someone's address, in another language", 0.85,
          _compile(_DOXXING)),
    _List("illegal", "Threat to post someone's address, in another language", 0.8,
          _compile(_DOXXING)),
    # Threatening to hurt someone is also a crime, as the English threats are read.
    _List("illegal", "Threat of harm in another language", 0.8, _compile(_THREATS)),
    _pile_on(_PILE_ON),
    _List("harassment", "Generalisation about a community, in another language", 0.75,
          _compile(_GENERALISATION_ROMANIZED)),
    _List("harassment", "Exclusion of a group, in French", 0.8, _compile(_EXCLUSION_FR)),
    _List("harassment", "Insult in French", 0.8, _compile(_PUT_DOWNS_FR)),
    _List("harassment", "Slur in French", 0.85, _compile(_SLURS_FR), "fr"),
    _List("harassment", "Insult in French", 0.8, _compile(_TG), "fr"),
    _List("vulgarity", "Vulgar language in French", 0.85, _compile(_TG), "fr"),
    _List("harassment", "Generalisation about a community, in French", 0.8,
          _compile(_GENERALISATION_FR)),
    _List("harassment", "Accuses a person of a crime, in French", 0.8,
          _compile(_DEFAMATION_FR)),
    _List("harassment", "Threat in French", 0.85, _compile(_THREATS_FR)),
    _List("commercial", "Selling or advertising, in French", 0.7, _compile(_COMMERCIAL_FR)),
    _List("negativity", "Only says the topic is disliked, in French", 0.7,
          _compile(_NEGATIVITY_FR)),
    _dismissal(_NEGATIVITY_OTHER),
    _List("illegal", "Advice to break the rules, in French", 0.7, _compile(_ILLEGAL_FR),
          advice=True),
    _List("illegal", "Advice to break the rules, in Spanish", 0.7, _compile(_ILLEGAL_ES),
          advice=True),
    _List("harassment", "Incites harm to a person's property, in French", 0.8,
          _compile(_PROPERTY_HARM_FR)),
    _List("illegal", "Incites harm to a person's property, in French", 0.8,
          _compile(_PROPERTY_HARM_FR)),
    _advice(_ILLEGAL_OTHER, advice=True),
    _advice(_ILLEGAL_ALPHABETS, alphabet=_CYRILLIC_OR_GREEK, advice=True),
    _selling(_COMMERCIAL_OTHER),
    _selling(_COMMERCIAL_MORE),
    _advice(_ILLEGAL_MORE, advice=True),
    _List("illegal", "Selling drugs, in another language", 0.7, _compile(_ILLEGAL_FURTHER)),
    _dismissal(_NEGATIVITY_ALPHABETS, alphabet=_CYRILLIC_OR_GREEK),
    _vulgar(_VULGAR_ROUND14X),
    _vulgar(_VULGAR_ALPHABETS_ROUND14X, alphabet=_CYRILLIC_OR_GREEK),
    _insult(_INSULTS_ROUND14X),
    _dismissal(_NEGATIVITY_ROUND14X),
    _selling(_COMMERCIAL_ROUND14X),
    _selling(_COMMERCIAL_ALPHABETS_ROUND14X, alphabet=_CYRILLIC_OR_GREEK),
    _advice(_ILLEGAL_ROUND14X, advice=True),
    _asking_elsewhere(_ASKS_ELSEWHERE_ROUND14X),
    _asking_elsewhere(_ASKS_ELSEWHERE),
    _asking_elsewhere(_ASKS_ELSEWHERE_MORE),
    # the fifteenth round (train_ae)
    _vulgar(_VULGAR_ROUND15),
    _vulgar(_VULGAR_ALPHABETS_ROUND15, alphabet=_CYRILLIC_OR_GREEK),
    _insult(_INSULTS_ROUND15),
    _group_out(_GROUP_OUT_ROUND15),
    _threat(_THREATS_ROUND15),
    _pile_on(_PILE_ON_ROUND15, reach=True),
    _dismissal(_NEGATIVITY_ROUND15),
    _dismissal(_NEGATIVITY_ALPHABETS_ROUND15, alphabet=_CYRILLIC_OR_GREEK),
    _selling(_COMMERCIAL_ROUND15),
    _selling(_COMMERCIAL_ALPHABETS_ROUND15, alphabet=_CYRILLIC_OR_GREEK),
    _advice(_ILLEGAL_ROUND15, advice=True),
    _advice(_ILLEGAL_ALPHABETS_ROUND15, alphabet=_CYRILLIC_OR_GREEK, advice=True),
    _asking_elsewhere(_ASKS_ELSEWHERE_ROUND15),
    _asking_elsewhere(_ASKS_ELSEWHERE_ALPHABETS_ROUND15, alphabet=_CYRILLIC_OR_GREEK),
    # the fifteenth round's last set (final_z)
    _vulgar(_VULGAR_ROUND15Z),
    _vulgar(_VULGAR_ALPHABETS_ROUND15Z, alphabet=_CYRILLIC_OR_GREEK),
    _insult(_INSULTS_ROUND15Z),
    _insult(_INSULTS_ALPHABETS_ROUND15Z, alphabet=_CYRILLIC_OR_GREEK),
    _group_out(_GROUP_OUT_ROUND15Z),
    _threat(_THREATS_ROUND15Z),
    _pile_on(_PILE_ON_ALPHABETS_ROUND15Z, alphabet=_CYRILLIC_OR_GREEK, reach=True),
    _dismissal(_NEGATIVITY_ROUND15Z),
    _selling(_COMMERCIAL_ROUND15Z, alphabet=_NOT_ENGLISH_LETTERS),
    _selling(_SOLD_FAKES_ROUND15Z),
    _advice(_SOLD_FAKES_ROUND15Z, advice=True),
    _advice(_ILLEGAL_ROUND15Z, advice=True),
    _advice(_ILLEGAL_ALPHABETS_ROUND15Z, alphabet=_CYRILLIC_OR_GREEK, advice=True),
    _asking_elsewhere(_ASKS_ELSEWHERE_ROUND15Z),
    _asking_elsewhere(_ASKS_ELSEWHERE_ALPHABETS_ROUND15Z, alphabet=_CYRILLIC_OR_GREEK),
)
# Each list first asks the shared automaton whether its literal words are in the post (most
# posts: none of them), see bot.moderation.text.Prefiltered; a list of several languages'
# words is then read with only the languages whose words are there (text.Alternatives).
_PATTERNS = [Prefiltered(entry.pattern) for entry in _LISTS]
_PATTERN_SET = PatternSet(_PATTERNS)
_READERS = [Alternatives(entry.pattern) for entry in _LISTS]


@lru_cache(maxsize=64)
def _matches(folded: str, text: str) -> tuple[tuple[int, tuple[tuple[int, int], ...]], ...]:
    """(list index, match spans) of every list that matches: one reading per post, shared by
    the categories that ask. A list of one language's words is read only when the post is in
    that language (its findings need it): the language is asked first, being cheaper."""
    found = []
    language = None
    readings = _readings(folded)
    candidates = (_PATTERN_SET.candidates(folded) if len(readings) == 1 else
                  sorted({i for reading in readings for i in _PATTERN_SET.candidates(reading)}))
    for index in candidates:
        alphabet = _LISTS[index].alphabet
        if alphabet is not None and alphabet.search(text) is None:
            continue
        if _LISTS[index].language is not None:
            if language is None:
                language = language_of(text)
            if language != _LISTS[index].language:
                continue
        if len(readings) == 1 or _LISTS[index].category not in _READ_UNMASKED:
            spans = tuple(m.span() for m in _READERS[index].finditer(folded))
        else:
            spans = tuple(sorted({m.span() for reading in readings
                                  for m in _READERS[index].finditer(reading)}))
        if spans:
            found.append((index, spans))
    return tuple(found)


# Swearing and insults are what people mask; a dismissal's "on s'en c@lisse" is its swearing.
_READ_UNMASKED = frozenset({"vulgarity", "harassment"})


def _readings(folded: str) -> tuple[str, ...]:
    """The folded post, and, when a letter in a word is masked ("th@yoli", "p0rra"), the post
    with it unmasked (`text.unleet`: spans stay the post's; a word's opening left as written,
    which the lists already spell: "3sti", "1na")."""
    unmasked = unleet(folded, opening=False)
    return (folded,) if unmasked == folded else (folded, unmasked)

_SHORT_POST_WORDS = 25


def _reported(folded: str, start: int) -> bool:
    """Quoted to report it, or denied in French ("ne sont pas des imbéciles"; English negation
    is read by the English rule, and "no" is "he" in Twi: "Mayor no yɛ kwasia")."""
    return (_REPORTED.search(folded[max(0, start - 40) : start]) is not None
            or DENIED_IN_FRENCH.search(folded[max(0, start - 30) : start]) is not None
            or in_reported_quote(folded, start))


# Someone else's words quoted to object to them: "quelqu'un a ecrit « retournez au Quebec »".
_REPORTED = re.compile(
    r"(?:ecrit|ecrire|cite|dit|crie|lance|ecrivait|disait|traite de|wrote|said|told|yelled"
    r"|called|quote|quoting)\s*[:,]?\s*"
    r"[«\"“'‘]\s*(?:[a-z'-]+\s+){0,3}$"
)
# A swear word quoted as what someone wrote or scratched somewhere, in a report of the
# vandalism: "кто-то нацарапал 'сука' на машине", "ktoś napisał sprayem 'KURWA'". The verbs
# as the rules read them (Cyrillic letters that look Latin turned Latin).
_WRITTEN = re.compile(
    "(?:" + "|".join(fold(normalise(verb).plain.text) for verb in (
        r"нацарапал\w*", r"написал\w*", r"написав\w*", r"намалюва\w*", r"нарисова\w*",
        r"napisal\w*", r"nabazgral\w*", r"namalowal\w*", r"escribi\w*", r"pintaron",
        r"escreve\w*", r"picha\w*", r"(?:ha|hanno) scritto")) + r")(?:\s+\S+){0,3}\s*[:,]?\s*"
    r"[«\"“'‘]\s*$"
)


# A swear word that is also an insult, sworn at a thing or a moment rather than said of a
# person: Cantonese "仆街" alone between stops ("...遲咗成個鐘，仆街", "扑街，第三次啦！"; not
# "一班仆街", "個市長正一仆街"), romanized "bhenchod", "bh*sdina", "thayoli" right before what
# went wrong ("bhenchod trijivaar!", "bh*nch*d traffic", "thayoli schedule"; not "plow driver
# bhenchod andha aa"). Vulgar still; no insult.
_SWORN_ALONE = re.compile("仆街|扑街|撲街")
_SWORN_AT_THINGS = re.compile(
    r"bh\W?[ae]?n\W?ch\W?o?d|bh\*+s?d(?:i|ike|ika|ina)|bhosdi(?:ke|ka|wale|na)|thaa?yoli"
    r"|thevd?iy[ae]|thevidiya|th[e*]?[v*][i*]?d[i*]?y[ae]|يلعن (?:أبو|ابو)"
)
_A_THING_NEXT = re.compile(
    r"\s+(?:(?:eh|ih|yeh|ye|is|iss) )?(?:traffic|schedule|system|maintenance|service|bus|buses"
    r"|road|roads|weather|snow|barf"
    r"|construction|parking|tickets?|rules?|trijivaar|trijivar|teeji vaar|tijivaar|again)(?![a-z])"
    r"|\s+هال(?:خدمة|خدمه|ثلج|طريق|طرقات|شارع|شوارع|بلدية|بلديه|زحمة|حفر|وضع|سيستم|نظام|طقس"
    r"|برد)(?![\u0621-\u064a])"
)
_STOPS = "，,。！!？?～~"


def _exclaimed(folded: str, start: int, end: int) -> bool:
    word = folded[start:end]
    if _SWORN_ALONE.fullmatch(word):
        before, after = folded[:start].rstrip(), folded[end:].lstrip()
        return (not before or before[-1] in _STOPS) and (not after or after[0] in _STOPS)
    return (_SWORN_AT_THINGS.fullmatch(word) is not None
            and _A_THING_NEXT.match(folded, end) is not None)


def _written(folded: str, start: int) -> bool:
    return _WRITTEN.search(folded[max(0, start - 60) : start]) is not None


def _clutter(post: Post, folded: str) -> list[Finding]:
    if len(folded) > 30 or not (_CLUTTER_FR.fullmatch(folded) or _CLUTTER_OTHER.fullmatch(folded)):
        return []
    reason = f"Clutter post with no content ('{post.text.strip()[:40]}')"
    whole = (Span(0, len(post.text), post.text),)
    return [Finding("disruption", 0.85, whole, explain("disruption", reason), "clutter")]


def _asks_elsewhere(post: Post, folded: str) -> list[Finding]:
    """A short question asking the board for a shop, a service or a game elsewhere."""
    matches = _matches(folded, post.text)
    if not matches or not _QUESTION_MARK.search(post.text):
        return []
    if len(folded.split()) > _SHORT_POST_WORDS:
        return []
    for index, matched in matches:
        if _LISTS[index].category == "disruption":
            start, end = matched[0]
            reason = (f"Off-topic for '{post.folder}' (asks about something else: "
                      f"'{post.text[start:end]}')")
            whole = (Span(0, len(post.text), post.text),)
            return [Finding("disruption", _LISTS[index].confidence, whole,
                            explain("disruption", reason), "off_topic")]
    return []


_QUESTION_MARK = re.compile("[?？؟;\u037e]")  # the Greek question mark is ";"


def _reachable(text: str) -> bool:
    """A phone number or a street address in the post (whose, the personal-information rule
    says): what a call to pester someone needs."""
    return (next(contacts.phone_numbers(text), None) is not None
            or next(contacts.street_addresses(text), None) is not None)


def findings_in(post: Post, category: Category) -> list[Finding]:
    """The `category` findings the other-language lists give."""
    folded = fold(post.text)
    if category == "disruption":
        return _clutter(post, folded) or _asks_elsewhere(post, folded)
    matches = _matches(folded, post.text)
    if not matches:
        return []  # most posts: no list matched (asked first, the answer is shared)
    if category == "negativity" and len(folded.split()) > _SHORT_POST_WORDS:
        return []  # a long post has substance besides its dismissal
    found: list[Finding] = []
    for index, matched in matches:
        entry = _LISTS[index]
        if entry.category != category:
            continue
        if entry.language and language_of(post.text) != entry.language:
            continue
        if entry.advice and discourages(post.text):
            continue  # "SVP mettez PAS d'antigel comme qqn a suggéré, c'est illégal"
        if entry.reach and not _reachable(post.text):
            continue  # "call him, all of you" with no number or home of his in the post
        spans = [Span(start, end, post.text[start:end]) for start, end in matched
                 if not (category == "harassment" and (_reported(folded, start)
                                                       or _exclaimed(folded, start, end)))
                 and not (category == "vulgarity" and _written(folded, start))]
        if not spans:
            continue
        quoted = ", ".join(f"'{s.text}'" for s in spans[:3])
        found.append(Finding(category, entry.confidence, tuple(spans),
                             explain(category, f"{entry.reason} ({quoted})"), "other_language"))
    return found


# Quebec's sacres and French swearing and slurs as people disguise them ("tabarn@k", "câl1ss",
# "ost!es", "c*ns", "s t i", "t*pettes"), read by the disguised-word lexicon (bot.moderation.
# lexicon) in French posts only: "con" and "cul" are English words too, "bloke" is English.
_FRENCH_DISGUISED: tuple[tuple[Category, str, Lexicon], ...] = (
    ("vulgarity", "Vulgar language in French", Lexicon({
        "tabarnak", "tabarnac", "tabarnack", "tabarnaque", "calisse", "calisses", "caliss",
        "crisse", "crisses", "criss", "ostie", "osties", "hostie", "hosties", "esti", "estie",
        "sti", "ciboire", "ciboere", "sacrament", "marde", "merde", "merdes", "putain",
        "con", "cons", "conne", "connes", "connard", "connards", "connasse", "salope",
        "salopes", "cul", "encule", "encules", "chier", "bordel", "fourrer",
        "foutre", "enculer", "enfoire", "enfoires", "batard", "batards", "salaud", "salauds"})),
    ("harassment", "Slur in French", Lexicon({
        "bloke", "blokes", "fif", "fifs", "tapette", "tapettes", "mongol", "mongols",
        # person-nouns, insults whenever disguised ("une vraie c0nne")
        "conne", "connes", "connard", "connards", "connasse", "salope", "salopes",
        "salopard", "salopards", "enfoire", "enfoires", "batard", "batards", "salaud",
        "salauds",
        "negre", "negres", "bougnoule", "bougnoules", "youpin", "youpins", "gouine",
        "gouines", "pede", "pedes"}, masked_min_letters=2)),
)
_FRENCH_DISGUISED_CATEGORIES = frozenset(c for c, _, _ in _FRENCH_DISGUISED)


@lru_cache(maxsize=64)
def _french_disguised(text: str) -> tuple[tuple[Category, str, int, int], ...]:
    """(category, reason, start, end) of each disguised French word in a French post."""
    folded = fold(text)
    if not _disguised(folded) or not is_french(text, folded):
        return ()  # plain words are the lists' (above): only a disguise needs reading here
    return tuple((category, reason, hit.start, hit.end)
                 for category, reason, lexicon in _FRENCH_DISGUISED
                 for hit in lexicon.find(text)
                 if _disguised(folded[hit.start:hit.end]))


# A mask symbol ("n@k", "c*n"), a digit inside a word ("l1s"), or letters spaced out ("s t i")
# or hyphened one by one ("c-a-l-i-s-s-e"); not a hyphen, an apostrophe or a dot between
# words, which plain compounds and addresses have ("cul-de-sac", "pickering.ca"). Asked first:
# few posts have one, so few are asked their language.
_MASK_SYMBOL = re.compile(r"[*@!$|#%^~]")
_DIGIT = re.compile(r"[0-9]")
_DIGIT_IN_WORD = re.compile(r"[a-z][0-9]+[a-z]")
_SPACED_LETTERS = re.compile(r" [a-z] [a-z] [a-z] ")
_HYPHENED_LETTERS = re.compile(r"(?<![a-z])[a-z]-[a-z]-[a-z]-[a-z](?![a-z])")


def _disguised(folded: str) -> bool:
    # Searches each led by one character class or a literal: several times faster
    # than one alternation of them, which the engine tries at every position.
    return (_MASK_SYMBOL.search(folded) is not None
            or (_DIGIT.search(folded) is not None and _DIGIT_IN_WORD.search(folded) is not None)
            or _SPACED_LETTERS.search(f" {folded} ") is not None
            or ("-" in folded and _HYPHENED_LETTERS.search(folded) is not None))


def _disguised_findings(post: Post, category: Category) -> list[Finding]:
    found = []
    folded = fold(post.text)
    for hit_category, reason, start, end in _french_disguised(post.text):
        if hit_category == category and not (category == "harassment" and _reported(folded, start)):
            span = Span(start, end, post.text[start:end])
            found.append(Finding(category, 0.85, (span,),
                                 explain(category, f"{reason} ('{span.text}')"), "other_language"))
    return found


# The categories the lists give findings in, apart from disruption (clutter, read apart).
_LIST_CATEGORIES: tuple[Category, ...] = tuple(
    dict.fromkeys(entry.category for entry in _LISTS if entry.category != "disruption")
)


def findings_by_category(post: Post) -> dict[Category, list[Finding]]:
    """`findings_in` for every category but disruption, asked once a post instead of once a
    category: most posts match no list, and one look-up says so for all of them."""
    disguised = _french_disguised(post.text)
    if not _matches(fold(post.text), post.text) and not disguised:
        return {}
    found = {category: findings_in(post, category) for category in _LIST_CATEGORIES}
    for category in _FRENCH_DISGUISED_CATEGORIES if disguised else ():
        found[category] = found.get(category, []) + _disguised_findings(post, category)
    return found
