"""English: data only. Regular-expression fragments are matched case-insensitively."""

from __future__ import annotations

from reconcile.lang.rules import (
    Approximator,
    DateBound,
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
        "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
        "a dozen": 12, "dozen": 12, "a": 1,
    },
    multipliers=frozenset({"hundred", "dozen"}),
    context_words=frozenset({"one", "hundred", "dozen", "thousand", "million", "billion", "trillion"}),
    article_words=frozenset({"a"}),
    word_joiner=r"[\s-]+",
    magnitudes={"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12},
    abbreviations={"k": 1e3, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12},
    currency_abbreviations={"m": 1e6},
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
        Approximator("as many as", "before", "at_most"),
        Approximator("about", "before", "around"),
        Approximator("around", "before", "around"),
        Approximator("approximately", "before", "around"),
        Approximator("roughly", "before", "around"),
        Approximator("some", "before", "around"),
        Approximator("an estimated", "before", "around"),
        Approximator("or so", "after", "around"),
        Approximator("or more", "after", "at_least"),
        # "two other universities", "three more cases": part of a larger count
        Approximator("other", "after", "at_least"),
        Approximator("more", "after", "at_least"),
        Approximator("additional", "after", "at_least"),
        Approximator("odd", "after", "above"),
        Approximator("+", "after", "above"),
    ),
    stepped_approximators=frozenset({"odd"}),
    range_separators=("-", "–", "—", "to"),
    range_pairs=(("between", "and"),),
    units={
        "parameter": "parameters", "parameters": "parameters",
        "gpu": "gpus", "gpus": "gpus", "graphics card": "gpus", "graphics cards": "gpus",
        "paper": "papers", "papers": "papers", "article": "papers", "articles": "papers",
        "patent": "patents", "patents": "patents",
        "people": "people", "person": "people", "persons": "people", "individuals": "people",
        "employees": "people", "staff": "people", "workers": "people", "students": "people",
        "residents": "people", "teachers": "people", "doctors": "people", "athletes": "people",
        "players": "people",
        "households": "households", "household": "households", "families": "households",
        "homes": "households",
        "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
        "month": "months", "months": "months", "year": "years", "years": "years",
        "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
        "second": "seconds", "seconds": "seconds",
        "dollar": "usd", "dollars": "usd", "usd": "usd", "us dollars": "usd",
        "yuan": "cny", "rmb": "cny", "renminbi": "cny", "cny": "cny",
        "pound": "gbp", "pounds": "gbp", "gbp": "gbp", "euro": "eur", "euros": "eur",
        "yen": "jpy", "hong kong dollars": "hkd", "hk dollars": "hkd",
        "eur": "eur", "percent": "percent", "per cent": "percent", "%": "percent",
        "models": "models", "model": "models", "tasks": "tasks", "stars": "stars",
        "citations": "citations", "kilometers": "km", "kilometres": "km", "km": "km",
        "square meters": "m2", "square metres": "m2", "sq m": "m2", "square kilometers": "km2",
        "square kilometres": "km2", "sq km": "km2", "hectares": "hectares", "hectare": "hectares",
        "meters": "m", "metres": "m", "m": "m", "tons": "tonnes", "tonnes": "tonnes",
        "miles": "miles", "mph": "mph", "feet": "feet", "inches": "inches", "jin": "jin",
        "companies": "companies", "firms": "companies", "institutions": "institutions",
        "schools": "institutions", "universities": "institutions", "kinds": "kinds", "types": "kinds",
        "enterprises": "companies", "signatures": "signatures", "times": "times",
        "cases": "cases", "years old": "age", "year-old": "age", "years of age": "age",
    },
    classifiers={},
    currency_prefixes={"$": "usd", "us$": "usd", "usd": "usd", "hk$": "hkd", "£": "gbp", "€": "eur",
                       "¥": "cny", "rmb": "cny"},
    percent_prefixes=(),
    ordinal_prefixes=(),
    ordinal_suffixes=("st", "nd", "rd", "th"),
    unit_gap=3,
    # A gap word is a modifier ("nearly 100 top papers", "hundreds of millions of yuan");
    # a function word ends the phrase: "dozens of patients every day" does not count days.
    gap_token=(
        r"(?<![a-z\d])(?!(?:a|an|the|this|that|these|those|every|each|per|and|or|but|in|on|at|for|to|from|"
        r"with|by|after|before|since|than|as|is|are|was|were|be|been|has|have|had|will|would|can|could|"
        r"it|its|they|their|we|our|he|she|his|her)\s)[a-z][a-z'’-]*\s+"
    ),
    gap_needs_classifier=False,
    non_quantities=(
        # "September 11", "Dec. 7th", "November 26 and 27", "May 20, 2016", "March 2021"
        r"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|"
        r"July|August|September|October|November|December)\b\.?\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?"
        r"(?:\s*(?:-|–|and|to)\s*\d{1,2}(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?",
        r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
        r"\s+\d{4}",
        # "24 December", "11th of March"
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
        r"January|February|March|April|June|July|August|September|October|November|December)\b",
        # clock times: "9pm", "5.30pm", "10 a.m."
        r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?![a-z])",
        r"\b\d{1,2}\s*o['’]clock",
        # centuries are dates: "the 17th century"
        r"\b\d{1,2}(?:st|nd|rd|th)[\s-]+century",
        # house and list numbers, rankings: "No 10", "No. 3", "Top 10"
        r"(?-i:No)\.?\s*\d+",
        r"\btop[\s-]*\d+",
    ),
    year_span=(1800, 2100),
)

DATES = DateRules(
    patterns=(
        r"{month_name} {day}(?:st|nd|rd|th)?,? {year}",  # December 11, 2016
        r"(?:the )?{day}(?:st|nd|rd|th)?(?: of)? {month_name},? {year}",  # 11 December 2016
        r"{month_name}(?:,| of)? {year}",  # March 2021, August, 2019
        r"{month_name} {day}(?:st|nd|rd|th)?{not_unit}",  # December 11, March 27th
        r"(?:the )?{day}(?:st|nd|rd|th)?(?: of)? {month_name}",  # 11 December, the 11th of December
        r"(?P<cue>on) the {day}(?:st|nd|rd|th)",  # on the 23rd
        r"{month_name}(?: {day}(?:st|nd|rd|th)?)?,? {rel_year}",  # September last year
        r"{day}(?:st|nd|rd|th)?(?: of)? {month_name},? {rel_year}",  # 18 December last year
        r"{month_shift} {month_name}",  # last September, this May
        r"{month_part}(?: |-){month_name}(?:,? {year})?",  # early May, mid-May 2021
        r"(?P<cue>in|during|since|by|until|till|from|before|after|through|throughout) {month_name}",
        # ^ a bare month name only after a cue: "may be" and "march on" are verbs
        r"{year}-{month}-{day}",
        r"{year}/{month}/{day}",
        r"{year}-(?P<month>0[1-9]|1[0-2])(?![0-9])",  # 2021-10
        r"{part}(?: |-)(?:the year )?{year}",  # early 2023, mid-2020, the end of 2022
        r"{part} {rel_year}",  # late last year
        r"{month_part} {rel_month}",  # at the beginning of this month
        r"(?P<cue>in|during|since|by|until|till|from|before|after|through|throughout|between|and|to"
        r"|of|the year) {year}{not_unit}",  # a bare year only after a cue ("2,016 people" is not one)
        r"(?:the )?(?P<decade>(?:1[89]|20)[0-9]0)'?s",  # the 1990s
        r"{count} {unit} {later}",
        r"{count} {unit} {earlier}",
        r"{count} {unit} {ago}",
        r"{rel_year}",
        r"{rel_month}",
        r"{rel_day}",
        r"{prev_rel}",
        r"{recent}",
        r"{now}",
        r"{subsequently}(?!-)",  # not "the then-director"
    ),
    gap=r"\s+",
    word_boundaries=True,
    month_names={
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    numerals={},
    count_words={
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
        "twenty": 20, "thirty": 30, "fifty": 50, "a hundred": 100,
    },
    relative_years={"last year": -1, "this year": 0, "next year": 1, "the year before last": -2,
                    "the year after next": 2},
    relative_months={"last month": -1, "this month": 0, "next month": 1},
    relative_days={"yesterday": -1, "today": 0, "tomorrow": 1, "last night": -1, "tonight": 0,
                   "this morning": 0, "this afternoon": 0, "this evening": 0},
    month_shifts={"last": -1, "this past": -1, "this": 0, "next": 1, "this coming": 1},
    previous_relative={
        "the previous year": (-1, "year"), "the year before": (-1, "year"),
        "the following year": (1, "year"), "the next year": (1, "year"), "that year": (0, "year"),
        "the same year": (0, "year"), "the previous month": (-1, "month"),
        "the following month": (1, "month"), "the next month": (1, "month"),
        "that month": (0, "month"), "the same month": (0, "month"), "the previous day": (-1, "day"),
        "the day before": (-1, "day"), "the following day": (1, "day"), "the next day": (1, "day"),
        "that day": (0, "day"), "the same day": (0, "day"),
    },
    recent_phrases={"a few days ago": 14, "days ago": 14, "the other day": 14,
                    "earlier this week": 7, "last week": 14, "recently": 30, "lately": 30},
    now_phrases=("now", "currently", "at present", "presently", "at the moment", "at this stage",
                 "nowadays"),
    after_previous_phrases=("subsequently", "afterwards", "afterward", "later", "then",
                            "after that", "thereafter"),
    offset_units={"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
                  "months": "month", "year": "year", "years": "year"},
    offset_after=("later", "afterwards", "after that"),
    offset_before=("earlier", "before that", "previously", "prior"),
    offset_ago=("ago",),
    year_parts={"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the end of": (10, 12),
                "the beginning of": (1, 3), "the start of": (1, 3), "the middle of": (5, 8),
                "the first half of": (1, 6), "the second half of": (7, 12),
                "the first quarter of": (1, 3), "the second quarter of": (4, 6),
                "the third quarter of": (7, 9), "the fourth quarter of": (10, 12),
                "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)},
    month_parts={"early": (1, 10), "mid": (11, 20), "late": (21, 31), "the beginning of": (1, 10),
                 "the start of": (1, 10), "the middle of": (11, 20), "the end of": (21, 31)},
    bounds=(
        DateBound("by", "before", "at_most"),
        DateBound("(?:up )?until", "before", "at_most"),
        DateBound("till", "before", "at_most"),
        DateBound("through", "before", "at_most"),
        DateBound("no later than", "before", "at_most"),
        DateBound("as late as", "before", "at_most"),
        DateBound("before", "before", "below"),
        DateBound("prior to", "before", "below"),
        DateBound("since", "before", "at_least"),
        DateBound("from", "before", "at_least"),
        DateBound("starting(?: in| from)?", "before", "at_least"),
        DateBound("as early as", "before", "at_least"),
        DateBound("after", "before", "above"),
        DateBound("onwards?", "after", "at_least"),
        DateBound("or later", "after", "at_least"),
        DateBound("or earlier", "after", "at_most"),
    ),
    range_separators=("to", "until", "through", "and", "-", "–", "—"),
)

NAMES = NameRules(
    honorifics=("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
                "madam", "lord", "lady", "rev", "reverend"),
    person_pronouns=(r"\b(?:she|he|her|his|him)\b",),
    org_pronouns=(r"\b(?:it|its|the company|the firm|the group)\b",),
    org_suffixes=(
        "university", "college", "institute", "academy", "lab", "laboratory", "labs",
        "inc", "inc.", "corp", "corporation", "company", "co.", "ltd", "group", "bank",
        "ministry", "commission", "council", "committee", "agency", "bureau", "department",
        "center", "centre", "foundation", "association", "school", "hospital", "court",
        "party", "community", "office", "administration", "authority", "press",
        "news", "times", "post", "journal", "organisation", "organization", "federation",
        "union", "society", "fund", "capital", "ventures", "technologies", "police",
    ),
    name_stopwords=frozenset(
        {
            "the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "and", "or", "but",
            "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
            "however", "according", "with", "as", "from", "after", "before", "since", "while",
            "many", "some", "most", "when", "where", "what", "who", "why", "how", "all", "see",
            "also", "if", "so", "yet", "there", "here", "chinese", "china", "american",
            "english", "said", "says", "mr", "mrs", "ms", "dr", "prof", "general", "deputy",
        }
    ),
    titles=(
        "president", "vice", "prime", "premier", "minister", "chancellor", "secretary",
        "secretary-general", "director-general",
        "governor", "senator", "congressman", "congresswoman", "mayor", "ambassador",
        "chairman", "chairwoman", "ceo", "cto", "cfo", "coo", "founder", "co-founder",
        "director", "judge", "justice", "colonel", "commander", "captain", "coach",
        "skipper", "king", "queen", "prince", "princess", "pope", "bishop", "father",
        "sister", "spokesman", "spokeswoman", "spokesperson", "inspector", "detective",
        "sergeant", "officer", "reporter", "reporters", "journalist", "journalists",
        "correspondent", "editor", "author", "writer", "analyst", "economist", "scientist",
        "researcher", "lawyer", "attorney", "sheriff", "commissioner", "chief", "head", "leader",
        "manager", "executive", "chair", "dean", "superintendent", "envoy", "deputy", "mp",
        "mr.", "dr.", "prof.",
    ),
    speech_verbs=("said", "says", "told", "added", "noted", "explained", "stressed", "wrote"),
    unit_suffixes=("team", "teams", "unit", "division", "business group"),
    org_designators=("inc.", "inc", "ltd.", "ltd", "co., ltd.", "co. ltd", "corp.", "corp",
                     "llc", "plc", "gmbh", "ag", "s.a.", "limited", "holdings"),
    possessives=("'s", "’s", "‘s", "'"),
    place_suffixes=("street", "road", "avenue", "square", "lake", "river", "province",
                    "county", "district", "island", "islands", "mountain", "mountains",
                    "valley", "bay", "city", "state", "airport", "station", "bridge"),
    list_separators=(",", "and", "&"),
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
        "debut": (r"\bfirst (?:released|unveiled|launched|introduced)\b", r"\breleased for the first time\b",
                  r"\bdebut(?:s|ed)?\b"),
        "release": (r"\breleas(?:e|es|ed|ing)\b", r"\bunveil(?:s|ed|ing)?\b", r"\bopen[- ]sourc(?:e|ed)\b",
                    r"\bopened up\b"),
        "launch": (r"\blaunch(?:es|ed|ing)?\b", r"\bstart(?:s|ed)?\b", r"\bkick(?:s|ed)? off\b",
                   r"\bimplement(?:s|ed)?\b"),
        "graduate": (r"\bgraduat(?:e|es|ed|ing)\b", r"\balumn(?:us|a)\b"),
        "study": (r"\bstudi(?:ed|es)\b", r"\bdoctorate\b", r"\bph\.?d\b"),
        "publish": (r"\bpublish(?:es|ed|ing)?\b", r"\bpapers?\b"),
        "found": (r"\bfound(?:s|ed|ing)\b", r"\bco-?found(?:ed|er)\b", r"\bestablish(?:es|ed)\b",
                  r"\bset up\b"),
        "invest": (r"\binvest(?:s|ed|ing|ment)?\b", r"\bfunding\b", r"\braised? (?=[$£€\d])", r"\bvaluation\b"),
        "train": (r"\btrain(?:s|ed|ing)?\b",),
        "award": (r"\baward(?:s|ed)?\b", r"\bwon\b", r"\bwins?\b", r"\bprize\b", r"\bhonou?red\b",
                  r"\bpraised\b"),
        "reach": (r"\b(?:changed|upgraded|expanded|scaled(?: up)?|grown) to\b", r"\breach(?:es|ed)?\b", r"\bhit\b", r"\bexceed(?:s|ed)?\b", r"\bgrew to\b"),
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

RULES = LangRules(
    code="en",
    name="English",
    text=TEXT,
    numbers=NUMBERS,
    dates=DATES,
    names=NAMES,
    events=EVENTS,
)
