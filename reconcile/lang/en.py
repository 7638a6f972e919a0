"""English: data only. Regular-expression fragments are matched case-insensitively."""

from __future__ import annotations

from reconcile.lang.rules import (
    Approximator,
    DateRules,
    EventRules,
    LangRules,
    NameRules,
    NumberRules,
    TextRules,
)

TEXT = TextRules(
    sentence_terminators=".!?",
    closing_marks="\"'”’)]",
    abbreviations=frozenset(
        {
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp",
            "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "gov", "dept",
            "univ", "approx", "fig", "est", "mt", "ft", "gen", "col", "lt", "sgt", "rep", "sen",
        }
    ),
    clause_separators=r",\s+(?:and|but|while|whereas|then)\s+|;\s+|,\s+(?=(?:and\s+)?(?:then|subsequently|later)\b)",
    space_after_terminator=True,
    header_fields={
        "published": ("published", "publication date", "date", "posted", "published on"),
        "author": ("author", "by", "written by"),
        "source": ("source", "url", "original link", "link"),
        "title": ("title",),
    },
)

NUMBERS = NumberRules(
    number_words={
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "a hundred": 100, "one hundred": 100, "a thousand": 1000, "a dozen": 12, "dozen": 12,
    },
    magnitudes={
        "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
        "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    },
    vague_magnitudes={
        "tens of billions": (1e10, 1e11), "hundreds of billions": (1e11, 1e12),
        "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
        "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
        "thousands": (1e3, 1e4), "millions": (1e6, 1e9), "billions": (1e9, 1e12),
        "trillions": (1e12, 1e15), "hundreds": (1e2, 1e3), "dozens": (24, 100),
    },
    approximators=(
        Approximator("nearly", "before", "below"),
        Approximator("almost", "before", "below"),
        Approximator("close to", "before", "below"),
        Approximator("just under", "before", "below"),
        Approximator("just shy of", "before", "below"),
        Approximator("under", "before", "below"),
        Approximator("less than", "before", "below"),
        Approximator("fewer than", "before", "below"),
        Approximator("over", "before", "above"),
        Approximator("more than", "before", "above"),
        Approximator("above", "before", "above"),
        Approximator("upwards of", "before", "above"),
        Approximator("in excess of", "before", "above"),
        Approximator("exceeding", "before", "above"),
        Approximator("at least", "before", "at_least"),
        Approximator("no less than", "before", "at_least"),
        Approximator("at most", "before", "at_most"),
        Approximator("up to", "before", "at_most"),
        Approximator("no more than", "before", "at_most"),
        Approximator("about", "before", "around"),
        Approximator("around", "before", "around"),
        Approximator("approximately", "before", "around"),
        Approximator("roughly", "before", "around"),
        Approximator("some", "before", "around"),
        Approximator("an estimated", "before", "around"),
        Approximator("or so", "after", "around"),
        Approximator("or more", "after", "at_least"),
        Approximator("plus", "after", "above"),
        Approximator("+", "after", "above"),
    ),
    range_separators=("-", "–", "—", "to", "and"),
    units={
        "parameter": "parameters", "parameters": "parameters",
        "gpu": "gpus", "gpus": "gpus", "graphics card": "gpus", "graphics cards": "gpus",
        "paper": "papers", "papers": "papers", "article": "papers", "articles": "papers",
        "patent": "patents", "patents": "patents",
        "people": "people", "person": "people", "persons": "people", "employees": "people",
        "staff": "people", "workers": "people", "students": "people", "residents": "people",
        "households": "households", "household": "households", "families": "households",
        "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
        "month": "months", "months": "months", "year": "years", "years": "years",
        "dollar": "usd", "dollars": "usd", "usd": "usd", "us dollars": "usd",
        "yuan": "cny", "rmb": "cny", "renminbi": "cny", "cny": "cny",
        "pound": "gbp", "pounds": "gbp", "gbp": "gbp", "euro": "eur", "euros": "eur",
        "eur": "eur", "percent": "percent", "per cent": "percent", "%": "percent",
        "models": "models", "model": "models", "tasks": "tasks", "stars": "stars",
        "citations": "citations", "kilometers": "km", "kilometres": "km", "km": "km",
        "meters": "m", "metres": "m", "tons": "tonnes", "tonnes": "tonnes",
        "years old": "age", "year-old": "age", "years of age": "age",
    },
    currency_prefixes={"$": "usd", "us$": "usd", "£": "gbp", "€": "eur", "¥": "cny", "rmb": "cny"},
    percent_phrases=("%", "percent", "per cent"),
    unit_gap=3,
)

DATES = DateRules(
    month_names={
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    relative_years={"last year": -1, "this year": 0, "next year": 1, "the previous year": -1},
    relative_days={"yesterday": -1, "today": 0, "tomorrow": 1},
    recent_phrases=("a few days ago", "recently", "the other day", "days ago", "earlier this week"),
    now_phrases=("now", "currently", "at present", "presently"),
    after_previous_phrases=("subsequently", "afterwards", "later", "then", "after that"),
    offset_units={"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
                  "months": "month", "year": "year", "years": "year"},
    offset_after=("later", "after"),
    offset_before=("earlier", "before", "ago"),
    year_parts={"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the end of": (10, 12),
                "the beginning of": (1, 3), "the start of": (1, 3), "the first half of": (1, 6),
                "the second half of": (7, 12)},
    before_phrases=("by", "by the end of", "before", "no later than", "until"),
    after_phrases=("since", "after", "from"),
)

NAMES = NameRules(
    honorifics=("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "madam"),
    person_pronouns=("she", "he", "her", "his", "him"),
    org_pronouns=("it", "its", "the company", "the firm", "the group"),
    org_suffixes=(
        "university", "college", "institute", "academy", "lab", "laboratory", "labs",
        "inc", "inc.", "corp", "corporation", "company", "co.", "ltd", "group", "bank",
        "ministry", "commission", "council", "committee", "agency", "bureau", "department",
        "center", "centre", "foundation", "association", "school", "hospital", "court",
        "party", "community", "team", "office", "administration", "authority", "press",
        "news", "times", "post", "journal", "organisation", "organization", "federation",
        "union", "society", "fund", "capital", "ventures", "technologies", "technology",
    ),
    name_stopwords=frozenset(
        {
            "the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "and", "or", "but",
            "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
            "however", "according", "with", "as", "from", "after", "before", "since", "while",
            "many", "some", "most", "when", "where", "what", "who", "why", "how", "all", "see",
            "also", "if", "so", "yet", "there", "here", "chinese", "china", "american",
            "english", "said", "says", "mr", "mrs", "ms", "dr", "prof",
        }
    ),
)

EVENTS = EventRules(
    predicates={
        "join": (r"\bjoin(?:s|ed|ing)?\b", r"\bhired\b", r"\brecruited\b", r"\bmoved to\b"),
        "leave": (r"\bleft\b", r"\bleav(?:e|es|ing)\b", r"\bquit(?:s|ting)?\b", r"\bresign(?:s|ed|ing)?\b",
                  r"\bdepart(?:s|ed|ing)?\b", r"\bstep(?:s|ped)? down\b", r"\bdeparture\b"),
        "report_to": (r"\breports? (?:directly )?to\b", r"\breporting (?:directly )?to\b"),
        "hold_role": (r"\bserv(?:es|ed|ing) as\b", r"\bappointed\b", r"\bnamed\b"),
        "lead": (r"\blead(?:s|ing)?\b", r"\bled\b", r"\bheads?\b", r"\bheaded\b", r"\bin charge of\b",
                 r"\bdirector of\b", r"\bleader of\b"),
        "release": (r"\breleas(?:e|es|ed|ing)\b", r"\bunveil(?:s|ed|ing)?\b", r"\bopen[- ]sourc(?:e|ed)\b",
                    r"\bopened up\b"),
        "launch": (r"\blaunch(?:es|ed|ing)?\b", r"\bstart(?:s|ed)?\b", r"\bkick(?:s|ed)? off\b",
                   r"\bimplement(?:s|ed)?\b"),
        "graduate": (r"\bgraduat(?:e|es|ed|ing)\b", r"\balumn(?:us|a)\b"),
        "study": (r"\bstudi(?:ed|es)\b", r"\bdoctorate\b", r"\bph\.?d\b"),
        "publish": (r"\bpublish(?:es|ed|ing)?\b", r"\bpapers?\b"),
        "found": (r"\bfound(?:s|ed|ing)\b", r"\bco-?found(?:ed|er)\b", r"\bestablish(?:es|ed)\b",
                  r"\bset up\b"),
        "invest": (r"\binvest(?:s|ed|ing|ment)?\b", r"\bfunding\b", r"\braised?\b", r"\bvaluation\b"),
        "train": (r"\btrain(?:s|ed|ing)?\b",),
        "award": (r"\baward(?:s|ed)?\b", r"\bwon\b", r"\bwins?\b", r"\bprize\b", r"\bhonou?red\b",
                  r"\bpraised\b"),
        "reach": (r"\breach(?:es|ed)?\b", r"\bhit\b", r"\bexceed(?:s|ed)?\b", r"\bgrew to\b"),
        "announce": (r"\bannounc(?:e|es|ed|ing)\b", r"\bconfirm(?:s|ed)?\b"),
        "acquire": (r"\bacquir(?:e|es|ed)\b", r"\bbought\b", r"\btakeover\b"),
        "hold_event": (r"\bheld\b", r"\bhold(?:s)?\b", r"\bhost(?:s|ed)?\b"),
        "die": (r"\bdied\b", r"\bkilled\b", r"\bdeath\b", r"\bdead\b"),
        "arrest": (r"\barrest(?:s|ed)?\b", r"\bdetained\b"),
        "visit": (r"\bvisit(?:s|ed|ing)?\b",),
        "sign": (r"\bsign(?:s|ed)\b",),
        "grow": (r"\bgrew\b", r"\bincreas(?:e|ed|es)\b", r"\brose\b", r"\bup\b \d"),
        "team_size": (r"\bteam size\b", r"\bheadcount\b"),
    }
)

STOPWORDS = frozenset(
    "the of and to in is was for on that with as by at from it its has have had be been "
    "are were this which an or but not will would their they he she his her".split()
)

RULES = LangRules(
    code="en",
    name="English",
    text=TEXT,
    numbers=NUMBERS,
    dates=DATES,
    names=NAMES,
    events=EVENTS,
    stopwords=STOPWORDS,
)
