"""Chinese (Simplified; Traditional input is folded to Simplified before matching): data only."""

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
    sentence_terminators="。！？!?",
    closing_marks="”’」』）)】\"'",
    abbreviations=frozenset(),
    clause_separators=(
        r"[，,、](?=[^，,]{0,3}(?:[一二三四五六七八九十]{1,3}[年月]|[此随之而]后|同时|今年|去年|明年))"
        r"|[，,](?=[^，,。]{0,12}\d)|[；;]|，(?=而|并|但|且)"
    ),
    space_after_terminator=False,
    header_fields={
        "published": ("发布时间", "发表时间", "发布日期", "日期", "时间", "發佈時間", "發布時間"),
        "author": ("文章作者", "作者", "记者", "來源作者"),
        "source": ("原文链接", "来源", "链接", "封面图链接", "發布地", "发布地"),
        "title": ("标题", "題目"),
    },
)

_NUMERALS: dict[str, float] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9, "十": 10, "百": 100, "千": 1000, "壹": 1, "贰": 2,
    "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9, "拾": 10, "佰": 100,
    "仟": 1000,
}
_MAGNITUDES: dict[str, float] = {
    "十万亿": 1e13, "百万亿": 1e14, "千万亿": 1e15, "万亿": 1e12, "千亿": 1e11,
    "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5,
    "万": 1e4, "千": 1e3, "百": 1e2,
}

NUMBERS = NumberRules(
    number_words=_NUMERALS,
    multipliers=frozenset("十百千拾佰仟"),
    context_words=frozenset(_NUMERALS) | frozenset(_MAGNITUDES),
    article_words=frozenset({"一"}),
    word_joiner="",
    magnitudes=_MAGNITUDES,
    abbreviations={"k": 1e3},
    currency_abbreviations={},
    vague_magnitudes={
        "数十亿": (1e9, 1e10), "数亿": (1e8, 1e9), "数千万": (1e7, 1e8), "数百万": (1e6, 1e7),
        "数十万": (1e5, 1e6), "数万": (1e4, 1e5), "数千": (1e3, 1e4), "数百": (1e2, 1e3),
        "数十": (10, 100), "几十": (10, 100), "几百": (1e2, 1e3), "几千": (1e3, 1e4),
        "几万": (1e4, 1e5), "十几": (11, 20), "上百": (1e2, 1e3), "上千": (1e3, 1e4),
        "上万": (1e4, 1e5), "上亿": (1e8, 1e9),
        "亿级": (1e8, 1e9), "十万亿级": (1e13, 1e14), "万亿级": (1e12, 1e13),
        "千亿级": (1e11, 1e12), "百亿级": (1e10, 1e11),
    },
    approximators=(
        Approximator("近", "before", "below"),
        Approximator("将近", "before", "below"),
        Approximator("接近", "before", "below"),
        Approximator("不到", "before", "below"),
        Approximator("不足", "before", "below"),
        Approximator("低于", "before", "below"),
        Approximator("少于", "before", "below"),
        Approximator("超过", "before", "above"),
        Approximator("超", "before", "above"),
        Approximator("逾", "before", "above"),
        Approximator("多于", "before", "above"),
        Approximator("高于", "before", "above"),
        Approximator("至少", "before", "at_least"),
        Approximator("至少有", "before", "at_least"),
        Approximator("不少于", "before", "at_least"),
        Approximator("不低于", "before", "at_least"),
        Approximator("最多", "before", "at_most"),
        Approximator("至多", "before", "at_most"),
        Approximator("不超过", "before", "at_most"),
        Approximator("不高于", "before", "at_most"),
        Approximator("多达", "before", "at_most"),
        Approximator("约", "before", "around"),
        Approximator("约为", "before", "around"),
        Approximator("约有", "before", "around"),
        Approximator("大约为", "before", "around"),
        Approximator("大约", "before", "around"),
        Approximator("大概", "before", "around"),
        Approximator("左右", "after", "around"),
        Approximator("上下", "after", "around"),
        Approximator("余", "after", "above"),
        Approximator("多", "after", "above"),
        Approximator("以上", "after", "at_least"),
        Approximator("+", "after", "above"),
        Approximator("以下", "after", "at_most"),
        Approximator("以内", "after", "at_most"),
    ),
    stepped_approximators=frozenset({"余", "多"}),
    range_separators=("-", "–", "—", "~", "～", "至", "到"),
    range_pairs=(),
    units={
        "参数": "parameters", "参数量": "parameters", "张GPU": "gpus", "块GPU": "gpus",
        "块卡": "gpus", "张卡": "gpus", "GPU": "gpus", "显卡": "gpus",
        "篇论文": "papers", "论文": "papers", "项专利": "patents", "专利": "patents",
        "人": "people", "人士": "people", "学生": "people", "教师": "people",
        "户": "households", "户家庭": "households",
        "天": "days", "日": "days", "周": "weeks", "个星期": "weeks", "个月": "months",
        "年": "years", "载": "years", "周年": "years",
        "天时间": "days", "年时间": "years", "小时": "hours", "个小时": "hours", "分钟": "minutes",
        "秒": "seconds", "秒钟": "seconds",
        "美元": "usd", "美金": "usd", "元人民币": "cny", "人民币": "cny", "元": "cny", "块钱": "cny",
        "英镑": "gbp", "欧元": "eur", "港元": "hkd", "港币": "hkd", "日元": "jpy",
        "%": "percent", "个模型": "models", "模型": "models", "任务": "tasks", "岁": "age",
        "周岁": "age", "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "平米": "m2", "公顷": "hectares",
        "公里": "km", "千米": "km", "km": "km", "米": "m", "吨": "tonnes", "英里": "miles",
        "英尺": "feet", "英寸": "inches", "斤": "jin",
        "倍": "times", "签名": "signatures", "颗星": "stars", "次引用": "citations", "英里每小时": "mph",
    },
    classifiers={
        "个": "", "名": "people", "位": "people", "篇": "papers", "项": "", "种": "kinds",
        "家": "companies", "所": "institutions", "次": "times", "届": "ordinal", "张": "", "块": "",
        "支": "", "件": "", "条": "", "台": "", "部": "", "场": "", "例": "cases", "批": "",
        "只": "", "颗": "", "座": "", "艘": "", "棵": "", "规模": "",
    },
    currency_prefixes={"$": "usd", "US$": "usd", "HK$": "hkd", "£": "gbp", "€": "eur", "¥": "cny",
                       "人民币": "cny"},
    percent_prefixes=("百分之",),
    ordinal_prefixes=("第",),
    ordinal_suffixes=(),
    unit_gap=4,
    gap_token=r"(?:[\u4e00-\u9fff]|(?<![a-z\d])[a-z]+)\s*",
    gap_needs_classifier=True,
    non_quantities=(
        r"\d{1,2}\s*[至到~—–-]\s*\d{1,2}\s*(?:月|[日号])",  # 3至6月, 28至30日
        r"\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?",  # 9月, 12月11日 (not 6个月)
        r"\d{1,2}\s*[日号]",  # 23日, 唐宁街 10 号
        r"\d{1,2}\s*[点时](?:\s*(?:\d{1,2}\s*分|半|许))?",  # 10点, 15时许
        r"(?:\d{2,4}|[一二三四五六七八九十]{1,4})\s*年代",  # 80 年代, 六七十年代 (decades)
        r"\d{1,2}\s*世纪",  # 17 世纪
        r"第一时间",  # "at once", not the first of anything
        r"千万(?=[不别要莫记])",  # 千万不要: "by all means", not ten million
        r"(?<![0-9一二两三四五六七八九十])四周(?![后内前])",  # 四周: "all around"
        r"(?<![第十百千零〇一二三四五六七八九\d])二次",  # 二次销售: "secondary" (not 第十二次)
        r"[一二三四五六七八九\d]{1,4}\s*年级",  # 二年级: a school grade
        r"千篇一律|千家万户|万家灯火|千军万马|千方百计|三番五次|一五一十",  # idioms
        # words holding a hedge character: 节约90%的水 saves 90%, it is not "about 90%"
        r"节约|预约|签约|合约|公约|条约|制约|最近|附近|靠近",
        # fractions (四分之一); 百分之 is a percentage and stays
        r"(?:\d{1,6}|[一二两三四五六七八九十千万]{1,4})\s*分之\s*(?:\d{1,6}(?:\.\d+)?|[零一二两三四五六七八九十]{1,4})",
    ),
    year_span=(1800, 2100),
)

DATES = DateRules(
    patterns=(
        r"{year} 年 {month} 月 {day} [日号]",
        r"{year} 年 {month} 月(?! [活薪供租均])(?: 份)?(?: {month_part})?",
        r"{year} 年(?: {part}(?![次步期衷心中]))?",  # 2016年初 but not 2016年初中 (junior school)
        r"{year}[-/.]{month}[-/.]{day}",
        r"{year}-(?P<month>0[1-9]|1[0-2])(?![0-9])",
        r"{rel_year} {month} 月 {day} [日号]",
        r"{rel_year} {month} 月(?: 份)?(?: {month_part})?",
        r"{rel_year}(?: {part}(?![次步期衷心中]))?",
        r"{prev_rel}(?: {month} 月(?: {day} [日号])?)?",
        r"{month} 月 {day} [日号]",
        # A month alone only in digits: 十月 and 一月 are too often something else.
        r"(?<![0-9.])(?P<month>1[0-2]|0?[1-9]) 月(?! [活薪供租均])(?: 份)?(?: {month_part})?",
        r"{rel_month}(?: {day} [日号]| {month_part})?",  # 本月6日, 本月初
        # A day alone (记者２０日获悉) only in digits, and not a count of days (10日内).
        r"(?<![0-9.月年])(?P<day>3[01]|[12][0-9]|0?[1-9]) 日(?![元本语文])(?! (?:内|以内|之内|左右|以上|多|余))",
        r"{rel_day}(?!头条)",  # 今日头条 is a product
        r"(?P<part>年初|年底|年末|上半年|下半年)",
        r"(?<![0-9])(?P<decade>(?:19|20)[0-9]0) 年代",
        r"(?<![0-9])(?P<century>1[0-9]|2[01]) 世纪 (?P<decade>[0-9]0) 年代",
        r"{count} {unit} {later}",
        r"{count} {unit} {ago}",
        r"{recent}(?!的)",  # 最近的医院 is "the nearest hospital"
        r"{now}",
        r"{subsequently}",
        r"(?:^|(?<=[，。；：,;:!?！？\s]))(?P<subsequently>之后|以后)",  # 之后 alone opens a clause
    ),
    gap=r"\s*",
    word_boundaries=False,
    month_names={},
    numerals={
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
        "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "十七": 17,
        "十八": 18, "十九": 19, "二十": 20, "二十一": 21, "二十二": 22, "二十三": 23, "二十四": 24,
        "二十五": 25, "二十六": 26, "二十七": 27, "二十八": 28, "二十九": 29, "三十": 30, "三十一": 31,
    },
    count_words={"两": 2},  # with `numerals`
    relative_years={"去年": -1, "今年": 0, "明年": 1, "前年": -2, "后年": 2, "本年": 0, "大前年": -3,
                    "上年": -1},
    relative_months={"上个月": -1, "上月": -1, "本月": 0, "这个月": 0, "下个月": 1, "下月": 1},
    relative_days={"昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1, "前天": -2,
                   "后天": 2, "昨晚": -1, "今晨": 0},
    month_shifts={},
    previous_relative={
        "同年": (0, "year"), "当年": (0, "year"), "次年": (1, "year"), "翌年": (1, "year"),
        "第二年": (1, "year"), "前一年": (-1, "year"), "同月": (0, "month"), "当月": (0, "month"),
        "次月": (1, "month"), "同日": (0, "day"), "当日": (0, "day"), "当天": (0, "day"),
        "次日": (1, "day"), "翌日": (1, "day"), "第二天": (1, "day"), "前一天": (-1, "day"),
    },
    recent_phrases={"日前": 14, "近日": 14, "这几天": 14, "前不久": 30, "不久前": 30, "最近": 30,
                    "近期": 30},
    now_phrases=("如今", "目前", "现在", "当前", "眼下", "当下", "现阶段"),
    after_previous_phrases=("此后", "随后", "其后", "后来", "而后", "接着", "之后不久"),
    offset_units={"天": "day", "周": "week", "个星期": "week", "星期": "week", "个月": "month",
                  "年": "year"},
    offset_after=("后", "之后", "以后", "过后"),
    offset_before=(),
    offset_ago=("前", "之前", "以前"),
    year_parts={"初": (1, 3), "年初": (1, 3), "上半年": (1, 6), "年中": (5, 8), "下半年": (7, 12),
                "底": (10, 12), "年底": (10, 12), "末": (10, 12), "年末": (10, 12),
                "第一季度": (1, 3), "一季度": (1, 3), "第二季度": (4, 6), "二季度": (4, 6),
                "第三季度": (7, 9), "三季度": (7, 9), "第四季度": (10, 12), "四季度": (10, 12)},
    month_parts={"初": (1, 10), "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "底": (21, 31),
                 "末": (21, 31)},
    bounds=(
        DateBound("截至|截止(?:到)?", "before", "at_most"),
        DateBound("(?<![达来回得收遇想提直])到", "before", "at_most"),
        DateBound("为止|止", "after", "at_most"),
        DateBound("之前|以前", "after", "below"),
        DateBound("自从|自", "before", "at_least"),  # not 从 alone: 从近日…会议上获悉 is "from"
        DateBound("以来|起(?![草诉飞步])|开始", "after", "at_least"),
        DateBound("之后|以后", "after", "above"),
    ),
    range_separators=("至", "到", "-", "–", "—", "~"),
)

NAMES = NameRules(
    honorifics=("教授", "博士", "先生", "女士", "老师", "院士", "总裁", "董事长", "总经理",
                "首席执行官", "副总裁", "主任", "书记", "部长", "局长", "市长", "省长", "主席",
                "总理", "校长", "院长", "记者", "研究员", "CEO", "CTO"),
    person_pronouns=("(?<![其吉])[她他](?![们人])", "(?<![尤极与])其(?![中他它实余次后])"),
    org_pronouns=("该(?:公司|企业|集团|机构|模型|项目)", "(?<![其])它(?!们)"),
    org_suffixes=(
        "大学", "学院", "研究院", "研究所", "研究中心", "实验室", "公司", "集团", "银行",
        "委员会", "协会", "学会", "基金会", "医院", "法院", "检察院", "学校", "中学", "小学",
        "日报", "晚报", "时报", "通讯社", "新闻社", "电视台", "广播电台", "出版社", "政府",
        "办公室", "联盟", "联合会", "科学院", "工程院", "部", "局", "厅", "署", "总署", "总局",
    ),
    name_stopwords=frozenset(
        """
        一家 这家 那家 多家 两家 几家 各家 某 一所 这所 多所 两所 几所 各大 其他 其它 相关 有关
        母 子 分 总 本 新 老 大 小 大型 中小 小型 头部 知名 重点 名牌 顶尖 一流 高等 综合 公立
        私立 国有 民营 外资 合资 跨国 上市 初创 创业 投资 咨询 科技 科技型 创新型 独角兽 互联网
        大模型 AI 电商 主管 国内 国外 海外 本地 当地 地方 各级 省级 市级 县级 国家级 名校 高校
        内部 外部 全部 局部 干部 总部 俱乐部 大部 东部 西部 南部 北部 中部 头部 底部 顶部 本部
        分部 支部 一部 这部 该部 每部 部分 部署 签署 格局 布局 当局 结局 大局 出局 开局 邮局
        饭局 僵局 政局 时局 战局 变局 骗局 大厅 客厅 展厅 门厅 局势 局面 局限 部队 部位 部件
        哪家 有关部 一所 这所 所谓 上过 迫使 推动 统筹 推进 借鉴 学习 衡量 坚守 引用 减缓 培训
        反映 影响 滥用 荣膺 鼓励 支持 要求 加入 进入 访问 前往 来到 离开 成立 创办 创立 建立
        组建 宣布 批准 同意 拒绝 邀请 联合 委托 授权 资助 捐赠 收购 投资 起诉 调查 批评 指责
        称赞 感谢 帮助 协助 参与 参加 举办 主办 承办 怀疑 希望 尽管 认为 表示 指出 建设 发展
        打造 成为 担任 任职 就职 入职 毕业 就读 考入 考上 空袭 袭击 攻击 关闭 开设 设立 创建
        包括 以及 还有 通过 根据 按照 依据 经过 作为 属于 位于 来自 联手 携手 合作 其中 很难
        难以 想象 有人 始终 要 会让 让 他会 我们 这些 那些 很多 许多 各地 全国 万名 乡村 试点
        本科 中职 高职 一流 世界一流 威权 右翼 左翼 临时 联邦 私营 我国 当地 该国 本国 各国
        年前 后警方 不超过 比例 有哪 采取 讨论 规范 指 所 全省 全市 无人机
        """.split()
    ),
    titles=(
        "记者", "通讯员", "摄影", "编辑", "作者", "负责人", "创始人", "联合创始人", "合伙人",
        "总裁", "副总裁", "董事长", "副董事长", "董事", "总经理", "副总经理", "经理", "总监",
        "首席执行官", "首席科学家", "首席技术官", "科学家", "工程师", "研究员", "教授",
        "副教授", "讲师", "博士", "博士生", "硕士生", "研究生", "学生", "同学", "老师", "校长",
        "副校长", "院长", "副院长", "所长", "主任", "副主任", "书记", "副书记", "主席",
        "副主席", "总理", "副总理", "部长", "副部长", "局长", "副局长", "厅长", "省长", "副省长",
        "市长", "副市长", "县长", "区长", "镇长", "村长", "委员", "常委", "代表", "大使",
        "发言人", "主持人", "总统", "首相", "国王", "女王", "院士", "专家", "医生", "护士",
        "律师", "法官", "队长", "教练", "选手", "运动员", "队员", "导演", "演员", "歌手",
        "作家", "画家", "市民", "村民", "居民", "网友", "患者", "先生", "女士", "夫人",
        "总书记", "国务委员", "外长", "防长", "议员", "馆长", "社长", "台长", "行长", "处长",
        "科长", "组长", "团长", "主编", "总编辑", "创办人", "掌门人", "操盘手", "分析师",
        "秘书长", "秘书", "司长", "姐姐", "哥哥", "妹妹", "弟弟", "父亲", "母亲", "儿子",
        "女儿", "丈夫", "妻子", "爸爸", "妈妈", "爷爷", "奶奶",
        "CEO", "CTO", "COO", "CFO",
    ),
    speech_verbs=(
        "表示", "说", "称", "指出", "认为", "介绍", "透露", "强调", "告诉", "坦言", "解释",
        "回忆", "提到", "谈到", "补充", "建议", "提出", "宣布", "发自", "摄", "报道",
        "出席", "主持", "会见", "致辞", "讲话", "发言", "宣读", "率领", "率团", "一行",
        "等人", "同志", "教授", "先生", "女士", "博士", "院士", "老师", "团队", "课题组",
    ),
    unit_suffixes=("团队", "小组", "课题组", "事业部", "事业群", "部门", "中心"),
    org_designators=("股份有限公司", "有限责任公司", "有限公司", "控股", "公司", "集团"),
    possessives=("的",),
    place_suffixes=("省", "市", "县", "区", "镇", "乡", "村", "路", "街", "州", "岛"),
    list_separators=("、", "和", "与", "及", " "),
    boundary_chars="的了是在和与及或也就而着被把将为于从向对由到给跟其该这那此各每等入任据称说并又还却但再已很最更",
)

EVENTS = EventRules(
    predicates={
        "join": ("加入", "入职", "加盟", "就职于", "投身", "回国入职"),
        "leave": ("离职", "离开", "辞职", "辞去", "卸任", "出走", "退出"),
        "report_to": ("汇报", "向.{1,30}负责", "直接向"),
        "hold_role": ("担任", "出任", "任职", "任命", "兼任", "任.{1,12}(?:教授|专家|主任|总监|总裁|经理|科学家)"),
        "lead": ("(?<![校市省县区部局厅院所司中央国家公司单位])领导(?!人|者|小组|干部|班子)", "主导", "带领", "负责", "牵头", "掌舵", "负责人", "一把手"),
        "debut": ("首次发布", "首发", "首次亮相", "首次推出", "首度发布"),
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


RULES = LangRules(
    code="zh",
    name="Chinese",
    text=TEXT,
    numbers=NUMBERS,
    dates=DATES,
    names=NAMES,
    events=EVENTS,
)
