"""What a text is about, as a set of subjects: a small hand-made thesaurus of the matters a
city's pages discuss, and of the everyday matters that are off-topic on all of them.

Off-topic is a question of meaning, and a thesaurus is a light way to get at meaning: "the
Leafs", "playoffs" and "hockey" are all *sports*; "windrow", "plow" and "salt" are all
*winter maintenance*. Two texts are related when their subjects are the same or neighbours
(a council meeting touches every civic matter; a beach video touches parks and water).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.moderation.text import Prefiltered, literal_trie

# subject -> word stems (matched at the start of a word, case-insensitive)
CIVIC_SUBJECTS: dict[str, tuple[str, ...]] = {
    "waste": ("garbage", "trash", "recycl", "compost", "green bin", "blue box", "bin", "bins",
              "bag tag", "landfill", "waste", "collection", "pickup", "pick-up", "lid", "diaper",
              "raccoon", "odour", "odor", "smell", "dumpster", "yard waste", "curbside"),
    "winter": ("snow", "plow", "plough", "windrow", "salt", "ice", "icy", "sidewalk clearing",
               "storm", "sand", "slush", "blizzard", "shovel", "winter"),
    "roads": ("road", "street", "lane", "pothole", "detour", "traffic", "construction",
              "closure", "intersection", "crosswalk", "sidewalk", "paving", "speed",
              "interchange", "highway",
              "commute", "cyclist", "bike lane", "multi-use path"),
    "transit": ("bus", "buses", "drt", "transit", "route", "pulse", "go station", "go train",
                "shuttle", "terminal", "stop", "fare", "service change", "presto"),
    # before "parking", so "parking ticket" reads as enforcement
    "enforcement": ("parking ticket", "parking fine", "ticket", "dispute", "enforcement",
                    "by-law officer", "towed", "infraction", "penalty"),
    "parking": ("parking", "park at", "parked", "fire route", "overnight", "parking lot"),
    "tax": ("tax", "taxes", "instalment", "installment", "mpac", "assessment", "bill",
            "pre-authorized", "levy", "mill rate", "property value", "due date"),
    "gardening": ("tomato", "zucchini", "cucumber", "seedling", "seeds", "weeds", "weeding",
                  "soil", "mulch", "raised bed", "trellis", "vegetable", "veggies", "herbs",
                  "harvest", "watering", "pollinator", "perennial", "garden plot", "plot"),
    "recreation": ("pool", "swim", "aquafit", "lane swim", "lifeguard", "chdrc", "recreation",
                   "arena", "skating", "fitness", "gym", "hot tub", "program", "registration",
                   "camp", "class", "lesson", "complex", "court", "badminton", "splash pad",
                   "rink", "skate", "pickleball", "tennis", "yoga", "community centre"),
    # the museum village and the City's heritage buildings
    "heritage": ("museum", "heritage", "historic", "history", "pioneer", "archives",
                 "schoolhouse", "blacksmith", "old church"),
    "library": ("library", "libraries", "book", "library branch", "librarian", "reading", "borrow",
                "study space", "ebook", "story time", "storytime"),
    # a heat warning's folder: where to cool down ("is the library air conditioned?")
    "heat": ("heat", "heatwave", "cooling", "air condition", "air-condition", "a/c", "humidex",
             "hydrat"),
    "parks": ("park", "trail", "beach", "waterfront", "pier", "spit", "bay", "marsh", "dog",
              "off-leash", "leash", "playground", "picnic", "washroom", "boardwalk", "kayak",
              "nature", "tree", "garden", "lake", "water quality", "e coli", "e. coli",
              "sunset", "bird", "heron", "willow", "fish", "drone", "view", ),
    "events": ("canada day", "fireworks", "festival", "event", "celebration", "concert",
               "parade", "show", "stage", "diwali", "new year", "victoria day",
               "performing arts", "music"),
    "planning": ("development", "redevelop", "intensification", "zoning", "condo", "tower",
                 "storey", "density", "growth", "housing", "affordab", "official plan",
                 "planning", "mid-rise", "high-rise", "subdivision", "builder", "developer",
                 "city centre", "town centre", "retail", "shops",
                 "servicing", "infrastructure", "water/sewer", "sewer", "parkland"),
    "schools": ("school", "schools", "elementary", "high school", "kids go to", "classroom",
                "school board", "ddsb", "trustee"),
    "council": ("council", "councillor", "mayor", "vote", "motion", "delegat", "committee",
                "agenda", "ward", "election", "minutes", "livestream", "city hall", "presentation",
                "staff report", "meeting"),
    "finance": ("budget", "capital", "operating", "reserve", "spending", "levy", "debt",
                "taxpayer"),
    "bylaw": ("by-law", "bylaw", "fine", "fines", "amendment", "consultation", "enforce"),
    "safety": ("fireworks", "police", "drps", "fire", "emergency", "safety", "noise", "mortar",
               "veteran", "ptsd", "pets", "dog"),
}
# Matters that belong on no City board unless a folder is about them.
OFF_TOPIC_SUBJECTS: dict[str, tuple[str, ...]] = {
    # Professional sport apart from playing it: a sports-field folder covers "baseball" but
    # not the Leafs' season.
    "pro_sports": ("cfl", "grey cup", "argos", "tiger-cats", "world series", "leafs", "raptors",
                   "jays", "blue jays", "habs", "oilers", "senators", "nhl", "nba", "nfl", "mlb",
                   "playoff", "stanley cup", "super bowl", "draft pick", "fantasy league"),
    "sports": ("hockey", "football", "basketball", "baseball", "hockey game",
               "world cup", "the game tonight", "watching the game", "goal!", "score", "f1",
               "formula 1", "formula one", "grand prix", "nascar", "ufc", "wrestling",
               "the race sunday"),
    "holidays": ("happy diwali", "happy eid", "eid mubarak", "merry christmas", "happy hanukkah",
                 "happy new year", "happy easter", "happy thanksgiving", "happy holidays",
                 "happy mother's day", "happy father's day", "happy lunar new year",
                 "happy valentine", "happy halloween", "happy friday", "happy monday",
                 "halloween party", "christmas party", "new year's party", "costume party"),
    "telecom": ("rogers", "bell outage", "internet down", "internet is down", "wifi down",
                "cell service", "phone plan", "wi-fi password", "wifi password", "outage in"),
    "money": ("bitcoin", "crypto", "ethereum", "dogecoin", "stock market", "stocks", "nasdaq",
              "forex", "to the moon", "200k", "100k", "portfolio"),
    "personal": ("happy birthday", "birthday", "anniversary", "love you", "miss you",
                 "congrats to my", "congratulations to my", "my sister", "my brother",
                 "my cousin", "shoutout to my", "rest in peace"),
    "shopping": ("costco", "walmart", "amazon", "best buy", "black friday", "open on good friday",
                 "open on easter", "store hours", "mall hours", "sale at", "iphone",
                 "android phone", "samsung", "playstation", "xbox", "nintendo"),
    "home_services": ("any good", "know a good", "recommend a good", "recommendation for a",
                      "recommendations for", "hair salon", "barber",
                      "plumber", "electrician", "roofer", "contractor recommendation",
                      "handyman", "babysitter", "nanny", "mechanic", "dentist", "realtor",
                      "good lawyer", "hvac", "furnace", "tax accountant", "accountant",
                      "tax preparer", "bookkeeper", "mortgage broker"),
    "food": ("restaurant", "takeout", "recipe", "recipes", "baking", "butter tarts", "cookies",
             "dinner ideas", "pizza",
             "sushi", "shawarma", "brunch", "best place to eat", "place to eat", "wings"),
    # "lost and found" so a lost-and-found folder covers the lost pets posted in it
    "lost_found": ("lost and found", "lost & found", "lost cat", "lost dog", "missing cat",
                   "missing dog", "last seen",
                   "answers to", "please share", "found a wallet", "lost wallet", "lost keys",
                   "if seen", "have you seen", "reward if found", "lost black", "lost grey",
                   "lost white", "lost orange", "lost brown"),
    "pets_animals": ("for adoption", "kittens", "puppies", "adopt a", "rehome", "rehoming"),
    "jobs": ("hiring", "summer job", "job opening", "looking for work", "resume",
             "part-time job", "need a job"),
    "entertainment": ("netflix", "tv show", "movie", "episode", "celebrity", "taylor swift",
                      "bachelor", "season finale", "series finale", "who's watching",
                      "whos watching", "reality show",
                      "podcast", "audiobook", "playlist", "binge",
                      "video game", "fortnite", "tiktok trend", "concert tickets"),
}

# The same subjects in French, for posts written in French (folded: no accents; "’" kept).
# They are read only in French posts: "match", "cours" or "tour" mean other things in English.
CIVIC_SUBJECTS_FR: dict[str, tuple[str, ...]] = {
    "waste": ("ordure", "poubelle", "vidange", "bac bleu", "bac vert", "bacs", "collecte",
              "dechet", "encombrant", "feuilles mortes"),
    "winter": ("neige", "deneig", "chasse-neige", "souffleuse", "glace", "verglas", "tempete",
               "hiver", "gadoue", "sloche", "banc de neige", "bancs de neige"),
    "roads": ("rue", "chemin", "nid de poule", "nid-de-poule", "nids-de-poule", "nids de poule",
              "circulation", "trafic", "travaux", "chantier", "trottoir", "autoroute", "pont",
              "vitesse", "asphalte", "pavage", "piste cyclable"),
    "transit": ("autobus", "arret", "gare", "titre de transport"),
    "enforcement": ("contravention", "remorqu", "constat"),
    "parking": ("stationn", "se garer"),
    "tax": ("taxe", "impot", "facture", "evaluation fonciere", "fonciere", "versement"),
    "recreation": ("piscine", "natation", "bain libre", "patin", "patinoire", "gymnase",
                   "inscription", "cours de", "centre communautaire", "centre recreatif",
                   "jeux d'eau", "jeux d’eau", "conditionnement physique", "activites"),
    "library": ("bibliotheque", "livre", "lecture", "heure du conte"),
    "heritage": ("musee", "patrimoine", "historique", "histoire", "archives", "ancetres",
                 "calvaire", "croix de chemin", "vieille eglise"),
    "heat": ("chaleur", "canicule", "climatis", "rafraichi", "humidex", "hydrat"),
    "gardening": ("potager", "parcelle", "arrosage", "robinet", "semis", "jardinier",
                  "jardiniere", "paillis"),
    "parks": ("parc", "sentier", "plage", "lac", "baie", "arbre", "chien", "jardin",
              "aire de jeu", "terrain de jeu", "toilettes"),
    "events": ("feux d'artifice", "feux d’artifice", "fete du canada", "spectacle", "defile",
               "evenement", "musique", "feux"),
    "planning": ("developpement", "logement", "zonage", "immeuble", "densite", "promoteur",
                 "amenagement", "urbanisme", "egout", "aqueduc", "eau potable",
                 "conduite d'eau", "conduite d’eau", "bris d'aqueduc"),
    "schools": ("ecole", "conseil scolaire", "eleves"),
    "council": ("conseil", "maire", "mairesse", "reunion", "seance", "hotel de ville",
                "elections", "quartier", "comite", "proces-verbal"),
    "finance": ("depense", "dette", "contribuable"),
    "bylaw": ("reglement", "amende", "municipal"),
    "safety": ("pompier", "incendie", "urgence", "bruit", "securite"),
}
OFF_TOPIC_SUBJECTS_FR: dict[str, tuple[str, ...]] = {
    "pro_sports": ("canadiens", "canadien de montreal", "les habs", "alouettes", "lnh",
                   "coupe stanley", "series eliminatoires"),
    "sports": ("le match", "la partie de hockey", "match des", "match du", "hockey bottine"),
    "holidays": ("joyeux noel", "bonne annee", "joyeuses fetes", "bonne st-jean",
                 "bonne saint-jean", "joyeuses paques", "bonne action de grace"),
    "personal": ("joyeux anniversaire", "bon anniversaire", "repose en paix", "je t'aime",
                 "je t’aime"),
    "telecom": ("forfait cell", "forfait cellulaire", "videotron", "fizz"),
    "shopping": ("canadian tire", "dollarama", "air fryer", "vendredi fou", "centre d'achat",
                 "centre d’achat", "heures d'ouverture du", "heures d’ouverture du"),
    "home_services": ("un bon dentiste", "plombier", "electricien", "garagiste", "mecanicien",
                      "gardienne", "coiffeu", "barbier", "comptable", "notaire", "courtier",
                      "connait un bon", "connait une bonne", "recommander un",
                      "recommander une"),
    "food": ("recette", "tourtiere", "boulangerie", "resto", "poutine", "pizzeria", "patisserie",
             "souper"),
    "lost_found": ("chat perdu", "chien perdu", "perdu mon", "perdu ma", "a vu mon chat",
                   "a vu mon chien", "portefeuille", "recompense"),
    "pets_animals": ("a adopter", "chatons", "chiots"),
    "jobs": ("on embauche", "emploi d'ete", "emploi d’ete", "job d'ete", "job d’ete",
             "cherche du travail", "cherche un emploi", "offre d'emploi", "offre d’emploi"),
    "entertainment": ("film", "serie", "emission", "pokemon", "jeu video", "jeux video",
                      "balado"),
}

# Neighbouring civic subjects: a post on one is not off-topic in a folder on the other.
_BROAD = frozenset({"council", "finance"})  # a council meeting or a budget touches everything
_NEIGHBOURS: dict[str, frozenset[str]] = {
    "council": frozenset(CIVIC_SUBJECTS),
    "finance": frozenset(CIVIC_SUBJECTS),
    "bylaw": frozenset({"council", "safety", "parking", "enforcement"}),
    "schools": frozenset({"planning", "transit", "roads"}),
    "planning": frozenset({"schools", "roads", "transit", "parking", "parks", "recreation",
                           "library", "council", "finance", "waste", "events"}),
    "roads": frozenset({"winter", "transit", "parking", "planning", "safety"}),
    "winter": frozenset({"roads", "parking", "transit", "safety"}),
    "transit": frozenset({"roads", "parking", "planning", "events"}),
    "parking": frozenset({"roads", "transit", "winter", "events", "parks", "bylaw", "enforcement"}),
    "enforcement": frozenset({"parking", "bylaw"}),
    # an event folder covers the greetings of its holiday ("bonne année lunaire à tous")
    "events": frozenset({"parks", "parking", "transit", "roads", "safety", "holidays"}),
    "parks": frozenset({"events", "parking", "planning", "safety", "gardening"}),
    "gardening": frozenset({"parks", "waste"}),
    "heritage": frozenset({"events", "parks", "library", "recreation"}),
    "safety": frozenset({"events", "parks", "roads", "bylaw", "parking"}),
    "waste": frozenset({"bylaw"}),
    "tax": frozenset({"finance"}),
    "recreation": frozenset({"planning", "heat"}),
    "library": frozenset({"planning", "heat"}),
    "heat": frozenset({"recreation", "library", "parks", "safety"}),
}


def _stem_tail(stem: str) -> str:
    """Long stems match as word beginnings ("recycl" in "recycling"); short ones only as
    words with their endings, or "tow" would be found in "towers" and "town"."""
    if len(stem) >= 6:
        return ""
    return r"(?:s|es|ed|ing|er|ers)?\b"


class _Thesaurus:
    """Every subject's stems in one alternation, so a single scan finds them all, factored by
    leading letters (text.literal_trie: several times faster than one group per subject, with
    the same matches and the same preferred alternative). Each stem ends with an empty named
    group that says which subject matched (`subject`)."""

    def __init__(self, subjects: dict[str, tuple[str, ...]]) -> None:
        names: dict[str, str] = {}
        alternatives: list[tuple[str, str]] = []
        for name, stems in subjects.items():
            for stem in stems:
                marker = f"s{len(alternatives)}"
                names[marker] = name
                alternatives.append((stem, _stem_tail(stem) + f"(?P<{marker}>)"))
        self._names = names
        # Most posts name no off-topic subject: one automaton pass says so (bot.moderation.text).
        # Every match begins with one of the stems: they are the prefilter's strings (the
        # factored pattern hides them from text.required_literals).
        self.pattern = Prefiltered(  # the look-behind: see text.word_alternation
            re.compile(rf"(?<![a-z0-9])(?:{literal_trie(alternatives)})"),
            needles=[stem for stem, _ in alternatives],
        )

    def subject(self, match: re.Match[str]) -> str:
        return self._names[match.lastgroup or ""]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)


def _with_french(english: dict[str, tuple[str, ...]],
                 french: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    # English stems stay: French posts say "Costco", "hockey" and "Netflix" too.
    return {name: (*english.get(name, ()), *french.get(name, ()))
            for name in {**english, **french}}


_CIVIC = {"en": _Thesaurus(CIVIC_SUBJECTS),
          "fr": _Thesaurus(_with_french(CIVIC_SUBJECTS, CIVIC_SUBJECTS_FR))}
_OFF_TOPIC = {"en": _Thesaurus(OFF_TOPIC_SUBJECTS),
              "fr": _Thesaurus(_with_french(OFF_TOPIC_SUBJECTS, OFF_TOPIC_SUBJECTS_FR))}


def main_civic_subjects(text: str, language: str = "en") -> tuple[frozenset[str], int]:
    """The civic subjects `text` mentions most (its main matter), and all mentions."""
    thesaurus = _CIVIC[language]
    counts: dict[str, int] = {}
    for match in thesaurus.finditer(text):
        name = thesaurus.subject(match)
        counts[name] = counts.get(name, 0) + 1
    top = max(counts.values(), default=0)
    return frozenset(n for n, c in counts.items() if c == top), sum(counts.values())


def off_topic_subjects(text: str, language: str = "en") -> frozenset[str]:
    thesaurus = _OFF_TOPIC[language]
    return frozenset(thesaurus.subject(match) for match in thesaurus.finditer(text))


def without_off_topic(text: str, language: str = "en") -> str:
    """`text` with its off-topic phrases blanked, so "lost dog, please share" is not read as
    a post about parks because of "dog"."""
    return _OFF_TOPIC[language].pattern.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=1024)
def folder_subjects(folder: str, topic: str, language: str = "en") -> frozenset[str]:
    """The subjects a folder covers, for a post in `language`: those its name and topic
    mention, and the neighbours of its main ones (the most mentioned, and any broad one).
    Cached: folders repeat."""
    about = f"{folder}. {topic}".lower()
    thesaurus = _CIVIC[language]
    counts: dict[str, int] = {}
    for match in thesaurus.finditer(about):
        name = thesaurus.subject(match)
        counts[name] = counts.get(name, 0) + 1
    own = set(counts) | off_topic_subjects(about, language)
    top = max(counts.values(), default=0)
    main = {name for name, count in counts.items() if count == top or name in _BROAD}
    for name in main:
        own |= _NEIGHBOURS.get(name, frozenset())
    return frozenset(own)
