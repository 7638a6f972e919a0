"""Chinese (Simplified; Traditional input is folded to Simplified before matching): data only."""

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
    sentence_terminators="。！？!?",
    closing_marks="”’」』）)】\"'",
    abbreviations=frozenset(),
    clause_separators=r"[，,、](?=[^，,]{0,3}(?:\d|[一二三四五六七八九十]{1,3}[年月]|[此随之而]后|同时|今年|去年|明年))|[；;]|，(?=而|并|但|且)",
    space_after_terminator=False,
    header_fields={
        "published": ("发布时间", "发表时间", "发布日期", "日期", "时间", "發佈時間", "發布時間"),
        "author": ("文章作者", "作者", "记者", "來源作者"),
        "source": ("原文链接", "来源", "链接", "封面图链接", "發布地", "发布地"),
        "title": ("标题", "題目"),
    },
)

NUMBERS = NumberRules(
    number_words={
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
        "七": 7, "八": 8, "九": 9, "十": 10, "百": 100, "千": 1000, "壹": 1, "贰": 2,
        "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9, "拾": 10, "佰": 100,
        "仟": 1000,
    },
    magnitudes={
        "十万亿": 1e13, "百万亿": 1e14, "千万亿": 1e15, "万亿": 1e12, "千亿": 1e11,
        "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5,
        "万": 1e4, "千": 1e3, "百": 1e2,
    },
    vague_magnitudes={
        "数十亿": (1e9, 1e10), "数亿": (1e8, 1e9), "数千万": (1e7, 1e8), "数百万": (1e6, 1e7),
        "数十万": (1e5, 1e6), "数万": (1e4, 1e5), "数千": (1e3, 1e4), "数百": (1e2, 1e3),
        "数十": (10, 100), "上千": (1e3, 1e4), "上万": (1e4, 1e5), "上亿": (1e8, 1e9),
        "亿级": (1e8, 1e9), "十万亿级": (1e13, 1e14), "万亿级": (1e12, 1e13),
        "千亿级": (1e11, 1e12), "百亿级": (1e10, 1e11),
    },
    approximators=(
        Approximator("近", "before", "below"),
        Approximator("将近", "before", "below"),
        Approximator("接近", "before", "below"),
        Approximator("不到", "before", "below"),
        Approximator("不足", "before", "below"),
        Approximator("少于", "before", "below"),
        Approximator("超过", "before", "above"),
        Approximator("超", "before", "above"),
        Approximator("逾", "before", "above"),
        Approximator("多于", "before", "above"),
        Approximator("高于", "before", "above"),
        Approximator("至少", "before", "at_least"),
        Approximator("不少于", "before", "at_least"),
        Approximator("最多", "before", "at_most"),
        Approximator("至多", "before", "at_most"),
        Approximator("约", "before", "around"),
        Approximator("大约", "before", "around"),
        Approximator("大概", "before", "around"),
        Approximator("左右", "after", "around"),
        Approximator("上下", "after", "around"),
        Approximator("余", "after", "above"),
        Approximator("多", "after", "above"),
        Approximator("以上", "after", "at_least"),
        Approximator("+", "after", "above"),
        Approximator("以下", "after", "at_most"),
    ),
    range_separators=("-", "–", "—", "~", "～", "至", "到"),
    units={
        "参数": "parameters", "参数量": "parameters", "张GPU": "gpus", "块GPU": "gpus",
        "块卡": "gpus", "张卡": "gpus", "GPU": "gpus", "显卡": "gpus",
        "篇论文": "papers", "篇": "papers", "论文": "papers", "项专利": "patents", "项": "patents",
        "专利": "patents", "人": "people", "名": "people", "位": "people", "户": "households",
        "天": "days", "日": "days", "周": "weeks", "个月": "months", "年": "years",
        "美元": "usd", "美金": "usd", "元人民币": "cny", "人民币": "cny", "元": "cny", "块钱": "cny",
        "英镑": "gbp", "欧元": "eur", "港元": "hkd", "港币": "hkd", "日元": "jpy",
        "%": "percent", "个模型": "models", "模型": "models", "种": "kinds", "岁": "age",
        "周岁": "age", "公里": "km", "千米": "km", "米": "m", "吨": "tonnes", "家": "companies",
        "所": "institutions", "个": "items",
    },
    currency_prefixes={"$": "usd", "US$": "usd", "£": "gbp", "€": "eur", "¥": "cny", "￥": "cny"},
    percent_phrases=("%", "百分之"),
    unit_gap=4,
)

DATES = DateRules(
    month_names={},
    relative_years={"去年": -1, "今年": 0, "明年": 1, "前年": -2, "后年": 2, "本年": 0},
    relative_days={"昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "前天": -2},
    recent_phrases=("日前", "近日", "前不久", "不久前", "最近", "近期"),
    now_phrases=("如今", "目前", "现在", "当前", "眼下"),
    after_previous_phrases=("此后", "随后", "之后", "其后", "后来", "接着"),
    offset_units={"天": "day", "日": "day", "周": "week", "个星期": "week", "个月": "month",
                  "月": "month", "年": "year"},
    offset_after=("后", "之后", "以后"),
    offset_before=("前", "之前", "以前"),
    year_parts={"年初": (1, 3), "初": (1, 3), "上半年": (1, 6), "年中": (5, 8),
                "下半年": (7, 12), "年底": (10, 12), "年末": (10, 12), "底": (10, 12)},
    before_phrases=("截至", "截止", "到", "之前", "以前"),
    after_phrases=("自", "从", "以来", "起"),
)

NAMES = NameRules(
    honorifics=("教授", "博士", "先生", "女士", "老师", "院士", "总裁", "董事长", "总经理",
                "首席执行官", "副总裁", "主任", "书记", "部长", "局长", "市长", "省长", "主席",
                "总理", "校长", "院长", "记者", "研究员", "CEO", "CTO"),
    person_pronouns=("她", "他", "其", "她们", "他们"),
    org_pronouns=("该公司", "该", "公司", "其"),
    org_suffixes=(
        "大学", "学院", "研究院", "研究所", "研究中心", "实验室", "公司", "集团", "银行", "中心",
        "委员会", "部", "局", "厅", "署", "协会", "学会", "基金会", "医院", "法院", "检察院", "学校",
        "中学", "小学", "社", "台", "报", "团队", "事业部", "科技", "网", "政府", "办公室", "联盟",
    ),
    name_stopwords=frozenset(),
)

EVENTS = EventRules(
    predicates={
        "join": ("加入", "入职", "加盟", "就职于", "投身", "回国入职"),
        "leave": ("离职", "离开", "辞职", "辞去", "卸任", "出走", "退出"),
        "report_to": ("汇报", "向.{1,30}负责", "直接向"),
        "hold_role": ("担任", "出任", "任职", "任命", "兼任", "任.{1,12}(?:教授|专家|主任|总监|总裁|经理|科学家)"),
        "lead": ("领导", "主导", "带领", "负责", "牵头", "掌舵", "负责人", "一把手"),
        "release": ("发布", "推出", "开源", "亮相", "问世", "上线"),
        "launch": ("启动", "开启", "开工", "试点", "实施", "开展"),
        "graduate": ("毕业", "校友"),
        "study": ("就读", "博士", "攻读", "师从", "求学"),
        "publish": ("发表", "论文", "出版"),
        "found": ("创立", "创办", "成立", "创建", "联合创始", "创始人", "创业"),
        "invest": ("投资", "融资", "估值", "注资"),
        "train": ("训练",),
        "award": ("获奖", "荣获", "奖项", "表彰", "获得.{0,6}奖", "称赞", "赞扬", "评价"),
        "reach": ("达到", "突破", "超越", "成为", "扩展", "进化"),
        "announce": ("宣布", "官宣", "证实", "确认", "透露", "披露"),
        "acquire": ("收购", "并购", "买下"),
        "hold_event": ("举办", "举行", "召开", "主办"),
        "die": ("去世", "逝世", "死亡", "遇难", "身亡"),
        "arrest": ("逮捕", "拘留", "被捕", "抓获"),
        "visit": ("访问", "参观", "视察", "到访"),
        "sign": ("签署", "签订", "签约"),
        "grow": ("增长", "上涨", "提高", "增加", "下降", "减少"),
        "team_size": ("团队规模", "人数"),
    }
)

STOPWORDS = frozenset("的 了 是 在 和 与 也 就 都 而 及 着 或 一个 没有 我们 他们 这 那".split())

RULES = LangRules(
    code="zh",
    name="Chinese",
    text=TEXT,
    numbers=NUMBERS,
    dates=DATES,
    names=NAMES,
    events=EVENTS,
    stopwords=STOPWORDS,
)
