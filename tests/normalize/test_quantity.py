"""Quantity normaliser: phrase tables per language, look-alikes that are not amounts, properties.

Rows come from the seed articles, from WMT22 news sentence pairs
(/work/shared/eval/wmt22-zhen-news.jsonl, marked "wmt") and from phrases of the same shapes.
Every input goes through fold() first, as the extract stage does, so full-width and
Traditional input is covered by the same tables. Each row holds exactly one quantity.
"""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.lang import rules_for
from reconcile.model import SINGULAR_UNITS, Quantity, Slot
from reconcile.normalize.quantity import find_quantities
from reconcile.normalize.text import fold

INF = math.inf
EN = rules_for("en")
ZH = rules_for("zh")


def exact(value: float, unit: str = "") -> Quantity:
    return Quantity(value, value, value, unit)


def below(value: float, unit: str = "") -> Quantity:
    """Hedged below ("nearly N", 近N): [0.9N, N)."""
    return Quantity(value, 0.9 * value, value, unit, high_open=True)


def above(value: float, unit: str = "", high: float = INF) -> Quantity:
    """Hedged above ("more than N"): (N, inf); 100余 / 50多: (N, next step of the last digit)."""
    return Quantity(value, value, high, unit, low_open=True, high_open=True)


def around(value: float, unit: str = "") -> Quantity:
    return Quantity(value, 0.9 * value, 1.1 * value, unit)


def at_least(value: float, unit: str = "") -> Quantity:
    return Quantity(value, value, INF, unit, high_open=True)


def at_most(value: float, unit: str = "") -> Quantity:
    return Quantity(value, -INF, value, unit, low_open=True)


def span(low: float, high: float, unit: str = "") -> Quantity:
    """A range "30 to 40": value is the midpoint, and the two numbers are kept as stated."""
    return Quantity((low + high) / 2, low, high, unit, stated_range=(low, high))


def scale(low: float, unit: str = "", high: float | None = None) -> Quantity:
    """An order of magnitude: "trillion parameters" = [1e12, 1e13)."""
    return Quantity(low, low, 10 * low if high is None else high, unit, high_open=True)


WAN, MILLION, YI, BILLION, TRILLION = 1e4, 1e6, 1e8, 1e9, 1e12


def whole(value: float, unit: str = "", *, of: float) -> Quantity:
    """A whole number written with a magnitude word ("126 trillion", 15亿) is known to its last
    digit too: half a unit of the magnitude, at most a twentieth of the number."""
    half = min(0.5 * of, 0.05 * value)
    return Quantity(value, value - half, value + half, unit, high_open=True, rounded=True)


def last_digit(value: float, half: float, unit: str = "") -> Quantity:
    """A number written with a decimal point is known to its last digit: 1.5 = [1.45, 1.55)."""
    return Quantity(value, value - half, value + half, unit, high_open=True, rounded=True)


EN_QUANTITIES: list[tuple[str, Quantity]] = [
    # seed article (Pandaily)
    ("She has nearly 100 top papers in international conferences", below(100, "papers")),
    ("the first multi-modal large model with 100 billion parameters in China", whole(1e11, "parameters", of=BILLION)),
    ("Subsequently, it was changed to trillion parameters", scale(1e12, "parameters")),
    ("with 480 GPUs", exact(480, "gpus")),
    # "model" in the singular ends its phrase: the number describes the model, it counts no models
    ("then successfully trained a 10 trillion model within", whole(1e13, of=TRILLION)),
    ("within 10 days on the basis of", exact(10, "days")),
    ("on the basis of 512 GPUs", exact(512, "gpus")),
    ("but its energy consumption is only 1%.", exact(1, "percent")),
    ("from only tens of billions of parameters", scale(1e10, "parameters")),
    ("to trillions of parameters", scale(1e12, "parameters", high=1e15)),
    ("had opened up more than 300 AI models", above(300, "models")),
    ("to hundreds of millions of yuan.", scale(1e8, "cny")),
    ("At present, the team size is about ten people", around(10, "people")),
    # wmt
    ("graduates in Beijing is expected to reach 268,000", exact(268_000)),
    ("a physician organization composed by more than 5,000 doctors", above(5000, "people")),
    ("most of them can recover after quarantine of 10 to 14 days", span(10, 14, "days")),
    ("only 30% of them were severe cases", exact(30, "percent")),
    ("the new cases detected increased by 400%", exact(400, "percent")),
    ("Omicron variant cases accounted for more than 90%", above(90, "percent")),
    ("You cannot expect a 2-year-old child to protect himself", exact(2, "age")),
    ("the criminal penalty starting point is 5 years", exact(5, "years")),
    ("in 60 secondary vocational schools", exact(60, "institutions")),
    ("one master can teach 2 to 5 apprentices", span(2, 5)),
    ("with about 50 apprentices in each experiment unit", around(50)),
    ("and a total of around 3000 students", around(3000, "people")),
    ("attended by leaders from 110 countries", exact(110)),
    ("sanctions on 15 individuals", exact(15, "people")),
    ("Jiangxi will train 10,000 rural elementary school teachers", exact(10_000, "people")),
    ("teachers of other subjects under 45 years old", below(45, "age")),
    ("nearly 3,600 athletes from the whole city", below(3600, "people")),
    ("After development for more than 10 years", above(10, "years")),
    ("human target, 10 yuan for each arrow", exact(10, "cny")),
    ("Since more than 300 thousand yuan was still required", above(300_000, "cny")),
    ("transaction reached 1.77 trillion yuan", last_digit(1.77e12, 0.005e12, "cny")),
    ("the financial literacy index of national consumers is 66.81", last_digit(66.81, 0.005)),
    ("86.6% of young people are using credit products", last_digit(86.6, 0.05, "percent")),
    ("He noted that up to 90% of all Russian investments", at_most(90, "percent")),
    ("making up some 80% of all Arab investments", around(80, "percent")),
    ("it has reached almost 4,000", below(4000)),
    ("the trade turnover reached $3.3 billion", last_digit(3.3e9, 0.05e9, "usd")),
    ("its volume exceeded $4 billion", whole(4e9, "usd", of=BILLION)),
    ("it had approved the sale for $6.9 billion", last_digit(6.9e9, 0.05e9, "usd")),
    ("a separate $2.5 billion program", last_digit(2.5e9, 0.05e9, "usd")),
    ("the sale of warships to Athens for around $3.5 billion", around(3.5e9, "usd")),
    ("to increase its trade turnover with Russia to $20 billion", whole(2e10, "usd", of=BILLION)),
    ("were stuck in snow for seven hours", exact(7, "hours")),
    ("following three days of continuous rainfall", exact(3, "days")),
    ("Sold for £25 plus VAT", exact(25, "gbp")),
    ("An almost two-minute long video", below(2, "minutes")),
    ("At least 30 tornadoes were reported", at_least(30)),
    ("and over 100 people are expected killed", above(100, "people")),
    ("a petition that she claimed gained 663,000 signatures", exact(663_000, "signatures")),
    ("Let's get to 1 million ASAP.", whole(1e6, of=MILLION)),
    ("the central character in the 13-book Chronicles series", exact(13)),
    ("Five agitators were killed", exact(5)),
    ("sales of smaller trees are up 50 per cent this year", exact(50, "percent")),
    ("and finish in the 43rd minute", exact(43, "ordinal")),
    ("Missing 17 players to injury", exact(17, "people")),
    ("were missing 34 squad personnel", exact(34)),
    ("will face gusts of up to 85mph", at_most(85, "mph")),
    ("the potential of gusts reaching 80-85mph", span(80, 85, "mph")),
    ("locally in excess of 90mph in some areas", above(90, "mph")),
    ("More than 100,000 homes had their power cut off", above(100_000, "households")),
    ("Storm Barra disrupted supplies to around 10,000", around(10_000)),
    ("taking 10 to 15 minutes to thank and motivate his staff", span(10, 15, "minutes")),
    ("in the 44th International Exhibition of Inventions", exact(44, "ordinal")),
    # wmt: "Yale and two other Ivy League universities" (耶鲁等3所): part of a larger count
    ("Yale and two other Ivy League universities", at_least(2, "institutions")),
    ("three more people were infected", at_least(3, "people")),
    ("an area of nearly twelve thousand square meters", below(12000, "m2")),
    # seed: the unit stands before the number, linked by a verb
    ("By the end of 2021, its parameters had reached 10 trillion", whole(1e13, "parameters", of=TRILLION)),
    ("at the 2nd Global Grand Challenge Summit", exact(2, "ordinal")),
    # ordinal words rank as "-th" does ("first" is left out: mostly "earliest", 首)
    ("Xi secured a third term as party leader", exact(3, "ordinal")),
    ("the three companies raised their prices", exact(3, "companies")),  # a noun: still counted
    ("the two months since the attack", exact(2, "months")),
    ("the three-day summit", exact(3, "days")),
    ("Scholz became Germany's ninth post-World War II chancellor", exact(9, "ordinal")),  # wmt
    ("He also said that the second global Summit for Democracy was scheduled", exact(2, "ordinal")),  # wmt
    ("the tally fell as the fifth wave of the pandemic subsided", exact(5, "ordinal")),  # wmt
    ("the Second World War", exact(2, "ordinal")),
    ("Zheng will face world number one Iga Swiatek next", exact(1, "ordinal")),
    ("Omicron cases are emerging in dozens of countries", scale(24, high=100)),
    ("in the first 10 months of 2021", exact(10, "months")),
    ("a plant that can produce 150,000 cars a year", exact(150_000, "vehicles")),
    ("Founder and chief executive Lei Jun, 54, said", exact(54, "age")),  # an age set off after a name
    ("Mary Smith, 34, a teacher from Leeds", exact(34, "age")),
    ("On May 5, 12 people were hurt", exact(12, "people")),
    ("A magnitude 7.4 earthquake struck off Hualien", last_digit(7.4, 0.05, "magnitude")),
    ("a 7.4-magnitude quake", last_digit(7.4, 0.05, "magnitude")),
    ("a 10 car pileup on the motorway", exact(10, "vehicles")),  # "car" modifies "pileup"
    ("will bring the UK's commitment to Afghanistan to £286 million", whole(2.86e8, "gbp", of=MILLION)),
    ("pledged £75m in aid", exact(7.5e7, "gbp")),
    ("the registration of nearly 3 million voters", below(3e6, "people")),
    ("a 424.4 million USD initiative", last_digit(424.4e6, 0.05e6, "usd")),
    ("nearly 180 million gymnocypris przewalskii", below(1.8e8)),
    ("the resources have been increased by 7.1 thousand tons", last_digit(7100, 50, "tonnes")),
    ("a total of 448.3 thousand rural public welfare positions", last_digit(448_300, 50)),
    ("more than 1.3 trillion jin", above(1.3e12, "jin")),
    ("an increase of more than 40 times", above(40, "times")),
    ("children aged 5 to 11 years", span(5, 11, "years")),
    ("were 2,000 feet above sea level", exact(2000, "feet")),
    # the shapes
    ("raised $2.4bn in funding", last_digit(2.4e9, 0.05e9, "usd")),
    ("2.4k stars on GitHub", last_digit(2400, 50, "stars")),
    ("US$ 5 million", whole(5e6, "usd", of=MILLION)),
    ("€20 million", whole(2e7, "eur", of=MILLION)),
    ("£1.2bn", last_digit(1.2e9, 0.05e9, "gbp")),
    ("1.5 million euros", last_digit(1.5e6, 0.05e6, "eur")),
    ("$1.5 billion", last_digit(1.5e9, 0.05e9, "usd")),
    ("$5 million dollars", whole(5e6, "usd", of=MILLION)),
    ("between 30 and 40 million", span(3e7, 4e7)),
    ("30 to 40 million yuan", span(3e7, 4e7, "cny")),
    ("3.5 per cent", last_digit(3.5, 0.05, "percent")),
    ("1 percent", exact(1, "percent")),
    ("3.1%", last_digit(3.1, 0.05, "percent")),
    ("1,016 patents", exact(1016, "patents")),
    ("over 1,016 patents", above(1016, "patents")),
    ("close to 100 papers", below(100, "papers")),
    ("less than 10 percent", below(10, "percent")),
    ("no more than 5 days", at_most(5, "days")),
    ("at least 3 patents", at_least(3, "patents")),
    ("approximately 20 households", around(20, "households")),
    ("100-odd papers", above(100, "papers", high=200)),
    ("50 or so people", around(50, "people")),
    ("three or more", at_least(3)),
    ("900+ citations", above(900, "citations")),
    ("a dozen", exact(12)),
    ("about a dozen people", around(12, "people")),
    ("two dozen eggs", exact(24)),
    ("two hundred", exact(200)),
    ("two hundred thousand people", exact(200_000, "people")),
    ("a hundred twenty people", exact(120, "people")),
    ("twenty-five people", exact(25, "people")),
    ("five", exact(5)),
    ("ten people", exact(10, "people")),
    ("a million people", exact(1e6, "people")),
    ("one person tweeting back", exact(1, "people")),
    ("the trillion-dollar company", scale(1e12, "usd")),
    ("hundreds of people", scale(100, "people")),
    ("thousands of households", scale(1000, "households")),
    ("480 graphics cards", exact(480, "gpus")),
    ("a 5km run", exact(5, "km")),
    ("a 100m sprint", exact(100, "m")),
    ("the 2019 people who applied", exact(2019, "people")),
    ("about 2000", around(2000)),
    ("The contract runs 2 years", exact(2, "years")),
    # a singular noun after a number: the unit when it modifies the next word, else what is described
    ("We offer a 30 day refund policy", exact(30, "days")),  # wmt
    ("put a large 500 dollar socket set in it", exact(500, "usd")),  # wmt
    ("This has a 1-3 day delivery estimate.", span(1, 3, "days")),  # wmt
    ("a 10 trillion parameter model", whole(1e13, "parameters", of=TRILLION)),
    ("a 512-GPU cluster", exact(512, "gpus")),
    ("a 10 trillion AI model.", whole(1e13, of=TRILLION)),
    ("one model was trained", exact(1, "models")),
    ("Only 200 were saved", exact(200)),  # a capitalised word that opens the text names nothing
    ("Ningcheng Balihan Aged Cellar 42 Degrees 500 ML", exact(42)),  # wmt: a plural after it is counted
    # "and a half" adds to the number, before its magnitude
    ("a signing ceremony that lasted two and a half hours", exact(2.5, "hours")),
    ("I've waited one and a half hours for one meal.", exact(1.5, "hours")),  # wmt
    ("He served 3-and-a-half years", exact(3.5, "years")),
    # "a" is one only with a hedge or a half: "a year" is no amount to compare, these are
    ("It lasted a year and a half.", exact(1.5, "years")),
    ("The talks took an hour and a half", exact(1.5, "hours")),
    ("He spent more than a year in hiding", above(1, "years")),
    ("The search went on for nearly a year", below(1, "years")),
    ("The meeting lasted about an hour", around(1, "hours")),
    ("He faces up to a year in prison", at_most(1, "years")),
    ("Blast Kills Six in Kabul Market", exact(6)),  # a headline capitalises its number words too
    ("Temperatures dropped to minus 16 degrees Celsius overnight.", exact(-16, "celsius")),
    ("It was 30 degrees Celsius in the shade", exact(30, "celsius")),
    ("It fell to nearly minus 16 degrees Celsius.", Quantity(-16, -16, -14.4, "celsius", low_open=True)),
    # A minus sign counts before a temperature; before a percentage it is left to the verb ("fell")
    ("Overnight lows fell to -5°C in Harbin", exact(-5, "celsius")),
    ("Temperatures of −12 °C were recorded", exact(-12, "celsius")),
    ("Lows of -5 to -10°C are expected", span(-10, -5, "celsius")),
    ("Lows of -10 to -5 degrees Celsius", span(-10, -5, "celsius")),
    ("It was -40°F in Winnipeg", exact(-40, "fahrenheit")),
    ("It was 98 degrees Fahrenheit", exact(98, "fahrenheit")),
    ("Shares closed -3% lower", exact(3, "percent")),
    ("China cut its benchmark lending rates by 25 basis points on Monday", exact(25, "bps")),
    ("The phone weighs 298 grams", exact(298, "g")),
    ("and is 3.6 millimetres thick when fully opened", last_digit(3.6, 0.05, "mm")),
    ("The top model has 1 terabyte of storage", exact(1, "tb")),
    ("it is only using 15GBs for documents and data", exact(15, "gb")),  # wmt
    ("a 5,600 mAh battery", exact(5600, "mah")),
    ("Ernie Bot had more than 200 million users by the end of 2023", above(2e8, "users")),
    # wmt: "dozens of thousands" is tens of thousands (数万), not dozens and thousands
    ("The US army has killed dozens of thousands of innocent Afghanistan civilians", scale(1e4, "people")),
    ("More than 21,000 delegates attended the forum", above(21000, "people")),
    ("unemployment fell 0.3 percentage points", last_digit(0.3, 0.05, "pp")),
    ("Nourishing and Rejuvenating Six Piece Set (skincare, cosmetics set, for student girls)", exact(6)),  # wmt
]

ZH_QUANTITIES: list[tuple[str, Quantity]] = [
    # seed article (量子位)
    ("在顶级会议和期刊上发表论文100余篇", above(100, "papers", high=200)),
    ("在美国和中国拥有50多项专利", above(50, "patents", high=60)),
    ("M6大模型从百亿、", exact(1e10)),
    ("千亿参数量进化到", exact(1e11, "parameters")),
    ("进化到万亿规模的主要功臣", scale(1e12)),
    ("快速完成从亿级到", scale(1e8)),
    ("到十万亿级规模扩展", scale(1e13)),
    ("2021年5月发布万亿参数规模M6并投入使用", scale(1e12, "parameters")),
    ("M6正式成为全球首个10万亿参数多模态大模型", whole(1e13, "parameters", of=TRILLION)),
    ("M6实现了同等参数规模下所需能耗仅为1%", exact(1, "percent")),
    ("单一模型就可以同时处理超过10项跨模态任务", above(10, "tasks")),
    ("升级后可以处理超过30种", above(30, "kinds")),
    ("这项工作对外开源，目前被引用数超过900+", above(900, "citations")),
    ("GitHub星标2.4k", last_digit(2400, 50, "stars")),  # 星标 right before the number is what it counts
    ("团队正在筹备组建中，已获得3000-4000万美元投资", span(3e7, 4e7, "usd")),
    ("投后估值1.5亿美元", last_digit(1.5e8, 0.05e8, "usd")),
    ("M6项目在启动研发1年时间左右", around(1, "years")),
    ("不过短短1年时间，她就又从字节离职", exact(1, "years")),
    ("而就在这项重磅发布1个月后", exact(1, "months")),
    ("欢迎投稿专题一千零一个AI应用", exact(1001)),
    # wmt
    ("2022年北京地区高校毕业生预计达26.8万人", last_digit(268_000, 500, "people")),
    ("比去年增加1.6万人", last_digit(16_000, 500, "people")),
    ("我市将在60所中职学校试点", exact(60, "institutions")),
    ("顶岗实习一般为6个月", exact(6, "months")),
    ("根据不同专业的特点，师傅可带2～5个徒弟", span(2, 5)),
    ("每个试点人数在50人左右", around(50, "people")),
    ("总共培养3000名左右学生", around(3000, "people")),
    ("南非豪登省的一个五千多名医生组成医师组织", above(5000, "people", high=6000)),
    ("大多数人在隔离10至14天内康复", span(10, 14, "days")),
    ("只有30%是严重病症", exact(30, "percent")),
    ("平均住院时间缩短到2.8天", last_digit(2.8, 0.05, "days")),
    ("死亡比例达20 %", exact(20, "percent")),
    ("新病例增加了400 %", exact(400, "percent")),
    ("奥密克戎变体的病例占90%以上", at_least(90, "percent")),
    ("不能期待一个两岁的孩子具有足够的自我保护技能", exact(2, "age")),
    ("拐卖儿童罪的法定刑起刑点为5年", exact(5, "years")),
    ("从党的百年奋斗史中汲取奋进力量", exact(100, "years")),
    ("有全球110个国家的政府", exact(110)),
    ("对中国、朝鲜等几个国家的15名个人", exact(15, "people")),
    ("10个实体依法实施制裁", exact(10)),
    ("江西３年内将培训乡村小学音体美教师", exact(3, "years")),
    ("将培训万名乡村小学音体美教师", scale(1e4, "people")),
    ("共计１万名", whole(1e4, "people", of=WAN)),
    ("为全省１００个县", exact(100)),
    ("共计３００名培训者", exact(300, "people")),
    ("共吸引全市256支代表队", exact(256)),
    ("全市的近3600名球员参加", below(3600, "people")),
    ("北京市青少年冰球俱乐部联赛经过十余年的发展", above(10, "years", high=20)),
    ("人肉靶子，十元一箭", exact(10, "cny")),
    ("摆摊的女孩子均为20岁左右", around(20, "age")),
    ("但由于治疗仍需要30余万费用", above(3e5, high=4e5)),
    ("全国网络支付业务交易金额达到1.77万亿元", last_digit(1.77e12, 0.005e12, "cny")),
    ("全国消费者金融素养指数为66.81", last_digit(66.81, 0.005)),
    ("86.6%的年轻人都在使用信贷产品", last_digit(86.6, 0.05, "percent")),
    ("为每位毕业生推荐不少于5个岗位信息", at_least(5)),
    ("确保困难家庭毕业生100%实现帮扶", exact(100, "percent")),
    ("他用了 10 到 15 分钟感谢并激励他的员工", span(10, 15, "minutes")),
    ("这款衬衫的售价为 25 英镑", exact(25, "gbp")),
    ("（33 美元），外加增值税", exact(33, "usd")),
    ("在推特上发布的一段近两分钟长的视频", below(2, "minutes")),
    ("据报道，至少有 30 场龙卷风席卷了", at_least(30)),
    ("预计超过 100 人死于这场风暴", above(100, "people")),
    ("声称已经获得了 66.3 万个签名", last_digit(663_000, 500, "signatures")),
    ("让我们尽快拿到一百万个签名", exact(1e6, "signatures")),
    ("《夜访吸血鬼》的作者安妮·赖斯去世，享年 80 岁", exact(80, "age")),
    ("莱斯特是《编年史》13 部全集的中心人物", exact(13)),
    ("在阿萨姆邦的反 CAA 风波中，五名示威者被杀", exact(5, "people")),
    ("今年它的 58 个销售点的小树销量", exact(58)),
    ("小树销量增长了 50%", exact(50, "percent")),
    ("黄蜂队 17 名队员因伤缺阵", exact(17, "people")),
    ("第 43 分钟结束比赛", exact(43, "ordinal")),
    ("已经批准以 69 亿美元的价格出售", whole(6.9e9, "usd", of=YI)),
    ("另一项价值 25 亿美元的计划", whole(2.5e9, "usd", of=YI)),
    ("价格约为 35 亿美元", around(3.5e9, "usd")),
    ("计划在未来将与俄罗斯的贸易额提高到 200 亿美元", whole(2e10, "usd", of=YI)),
    ("前往贝尔格莱德的当地火车上的乘客被困在雪中 7 个小时", exact(7, "hours")),
    ("应对连续三天的雨雪造成的洪水", exact(3, "days")),
    ("占阿拉伯对俄罗斯经济投资的 80% 左右", around(80, "percent")),
    ("阿联酋的俄罗斯公司有将近 4000 家", below(4000, "companies")),
    ("两国之间的贸易额达到 33 亿美元", whole(3.3e9, "usd", of=YI)),
    ("贸易额超过 40 亿美元，创下了新的纪录", above(4e9, "usd")),
    ("已经过去 30 多年前了", above(30, "years", high=40)),
    ("将遭遇时速 85 英里的大风", exact(85, "miles")),
    ("风速可能达到每小时 80-85 英里", span(80, 85, "miles")),
    ("导致超过 10 万户家庭断电", above(1e5, "households")),
    ("中断了约 1 万人的物资供应", around(1e4, "people")),
    ("提供 7500 万英镑的援助", whole(7.5e7, "gbp", of=WAN)),
    ("承诺达到 2.86 亿英镑", last_digit(2.86e8, 0.005e8, "gbp")),
    ("2300 万人面临严重饥饿", whole(2.3e7, "people", of=WAN)),
    ("长达 20 年的占领宣告结束", exact(20, "years")),
    ("俄罗斯可能部署多达 17.5 万", at_most(175_000)),
    ("累计实施人工增殖放流近1.8亿尾", below(1.8e8)),
    ("对资源恢复的贡献率超过23 %", above(23, "percent")),
    ("青海湖裸鲤资源蕴藏量今年增加0.71万吨", last_digit(7100, 50, "tonnes")),
    ("累计增长40余倍", above(40, "times", high=50)),
    ("云南共开发44.83万个乡村公益性岗位", last_digit(448_300, 50)),
    ("全年粮食保持在1.3万亿斤以上", at_least(1.3e12, "jin")),
    ("12岁以上旅客", at_least(12, "age")),
    ("5岁至11岁儿童", span(5, 11, "age")),
    ("积雪深度达 12 至 15 英寸", span(12, 15, "inches")),
    ("海拔 2000 英尺", exact(2000, "feet")),
    ("一项金额4.244亿美元的倡议", last_digit(4.244e8, 0.0005e8, "usd")),
    # the shapes, Traditional and full-width input
    ("五人", exact(5, "people")),
    ("十二人", exact(12, "people")),
    ("两百万美元", exact(2e6, "usd")),
    ("兩百萬美元", exact(2e6, "usd")),
    ("約三千人", around(3000, "people")),
    ("１２３，４５６人", exact(123_456, "people")),
    ("５１２張ＧＰＵ", exact(512, "gpus")),
    ("三千人", exact(3000, "people")),
    ("二十余人", above(20, "people", high=30)),
    ("十多年", above(10, "years", high=20)),
    ("1.5亿", last_digit(1.5e8, 0.05e8)),
    ("17.5 万", last_digit(175_000, 500)),
    ("1.2万亿元", last_digit(1.2e12, 0.05e12, "cny")),
    ("十万亿参数", exact(1e13, "parameters")),
    ("30至40万", span(3e5, 4e5)),
    ("约30-40万人", Quantity(3.5e5, 2.7e5, 4.4e5, "people", stated_range=(3e5, 4e5))),
    ("百分之一", exact(1, "percent")),
    ("百分之三十五", exact(35, "percent")),
    ("百分之3.5", last_digit(3.5, 0.05, "percent")),
    ("512张GPU", exact(512, "gpus")),
    ("512块卡", exact(512, "gpus")),
    ("15亿美元", whole(1.5e9, "usd", of=YI)),
    ("人民币1.5亿元", last_digit(1.5e8, 0.05e8, "cny")),
    ("US$500万", whole(5e6, "usd", of=WAN)),
    ("￥100", exact(100, "cny")),
    ("第44届", exact(44, "ordinal")),
    ("省第十二次党代会精神", exact(12, "ordinal")),
    ("沙巴今年至今共发出2万4801张报生纸", exact(24801)),  # wmt: one number, not 2万 and 4801
    ("1亿2000万元", exact(120_000_000, "cny")),
    ("模型的参数量达到10万亿", whole(1e13, "parameters", of=TRILLION)),
    ("论文引用次数达到1200", exact(1200, "citations")),
    ("模型参数达到千亿", exact(1e11, "parameters")),  # the nearer unit, not 模型
    ("工厂位于北京亦庄，年产能为20万辆", whole(200_000, "vehicles", of=WAN)),
    ("年产能为20万", whole(200_000, of=WAN)),  # 年 is "annual" here: a one-character unit before is no unit
    ("参会人数达到300", exact(300, "people")),
    ("共有3辆车", exact(3, "vehicles")),
    ("台湾花莲县海域发生7.3级地震", last_digit(7.3, 0.05, "magnitude")),
    ("里氏7.3级", last_digit(7.3, 0.05, "magnitude")),
    ("工人被困在两处采石场", exact(2)),  # 处 counts places
    ("参数量超过10万亿", above(1e13, "parameters")),  # 超过 both hedges and links
    ("成本最多不会超过3元钱", at_most(3, "cny")),  # wmt: "no more than 3 yuan", not "more than 3"
    ("占地近12000平方米", below(12000, "m2")),  # wmt: 二次 inside 十二次 is not "secondary"
    ("第二届全球重大挑战峰会", exact(2, "ordinal")),
    ("数百万美元", scale(1e6, "usd")),
    ("数百亿元", scale(1e10, "cny")),
    ("上千人", scale(1000, "people")),
    ("数十个国家", scale(10, high=100)),
    ("近万人", below(1e4, "people")),
    ("万余人", above(1e4, "people", high=2e4)),
    ("两三个人", span(2, 3, "people")),
    ("三五个人", span(3, 5, "people")),
    ("七八十人", span(70, 80, "people")),
    ("5千米", exact(5, "km")),
    ("1个月", exact(1, "months")),
    ("接近100篇论文", below(100, "papers")),
    ("不到10天", below(10, "days")),
    ("４５岁以下", at_most(45, "age")),
    ("他拥有专利40余项", above(40, "patents", high=50)),  # the noun right before counts
    ("当地夜间气温降至零下16摄氏度。", exact(-16, "celsius")),
    ("哈尔滨最低气温降至-25℃", exact(-25, "celsius")),
    # 多 after a unit of time still binds to the number: more than one year, fewer than two
    ("他在公司工作了1年多", above(1, "years", high=2)),
    ("相隔两年多", above(2, "years", high=3)),
    ("项目历时3天多", above(3, "days", high=4)),
    ("夜间气温-5至-10℃", span(-10, -5, "celsius")),
    ("夜间气温-5℃至-10℃", span(-10, -5, "celsius")),  # the unit at both ends, as in 5岁至11岁
    ("夜间气温-10℃至-5℃", span(-10, -5, "celsius")),
    ("白天气温30℃", exact(30, "celsius")),
    ("贷款市场报价利率下调25个基点", exact(25, "bps")),
    ("手机重298克", exact(298, "g")),
    ("完全展开时厚度仅3.6毫米", last_digit(3.6, 0.05, "mm")),
    ("顶配版本拥有1TB存储空间", exact(1, "tb")),
    ("5600毫安时电池", exact(5600, "mah")),
    ("截至2023年底，文心一言用户数已超过1亿。", above(1e8, "users")),  # the unit named before, 用户数…超过
    ("表带接口尺寸18mm", exact(18, "mm")),  # wmt
    ("失业率下降0.3个百分点", last_digit(0.3, 0.05, "pp")),  # not 0.3个 and a magnitude 百
    ("此次地震是近5年来发生的最大地震", exact(5, "years")),  # 近…来: the past five years, not nearly five
    # 个半 and a half after the unit add a half
    ("仪式持续了两个半小时", exact(2.5, "hours")),
    ("飞行5个半小时", exact(5.5, "hours")),
    ("一个餐等了一个半小时", exact(1.5, "hours")),  # wmt
    ("持续三天半", exact(3.5, "days")),
    ("两年半导体", exact(2, "years")),  # 半导体 is a word of its own
    # 一 is one only with a hedge or a half, as "a" is
    ("他在阿里工作了一年半", exact(1.5, "years")),
    ("他离开公司已一年多", above(1, "years", high=2)),
    ("搜救持续了近一年", below(1, "years")),
    ("谈判持续了超过一个月", above(1, "months")),
    # 月 and 星期 count after their measure word 个, a hedge or a half between
    ("这两个多月来，双方多次谈判", above(2, "months", high=3)),
    ("他离职已经一个多月", above(1, "months", high=2)),
    ("项目延期了一个半月", exact(1.5, "months")),
    ("会谈持续了一个多小时", above(1, "hours", high=2)),
    ("三个多星期后", above(3, "weeks", high=4)),
    ("两个多元化市场", exact(2)),  # 多元化 is "diversified", not more than two yuan
    ("合作超过100家保险公司", above(100, "companies")),  # wmt: a count, not the start of a company's name
    ("收购了三家科技公司", exact(3, "companies")),
    ("这三家公司提高了价格", exact(3, "companies")),
    # 成 counts tenths: 四成 is 40%, known to the tenth as a magnitude's number is
    ("字节跳动一季度营收增长近四成", below(40, "percent")),
    ("激光电视在总体电视销量中占比超六成。", above(60, "percent")),  # wmt
    ("作品数量占本次展品总量的四成以上", at_least(40, "percent")),  # wmt
    ("营收增长两成", Quantity(20, 15, 25, "percent", high_open=True, rounded=True)),
    ("三到四成的受访者", span(30, 40, "percent")),
]

EN_NOT_QUANTITIES = [
    "Yang Hongxia, the former leader of Alibaba's M6 model",
    "which has the same parameter scale as GPT-3",
    "M6 was first released in March 2021",
    "in 2016",
    "By the end of 2022,",
    "on September 11",
    "release its ERNIE Bot on March 27th",
    "on Friday (December 10).",
    "to 24 December close to",
    "published on 2024-07-28 12:39",
    "at 9pm on Sunday",
    "at 5.30pm on Friday",
    "as reported by 36Kr.",
    "the unified paradigm OFA-M6",
    "the IBM T.J. Watson Research Center",
    "patients of COVID-19",
    "the G20 summit and 5G networks",
    "on Nvidia A100 chips",
    "https://www.polyu.edu.hk/comp/people/academic-staff/prof-yang-hongxia/",
    "call 010-6552-1234 today",
    "No 10 and No. 3",
    "a Top 10 university",
    "one of the agitators",
    "a good algorithm",
    "More than a quarter of British homes",
    "It took a year to build",
    # a number word after "the" with no noun unit refers back to a group: no amount
    "The two leaders agreed to resume military talks.",
    "big enough for the two countries to succeed",
    "Both sides said these three were released.",
    # ordinal words that rank nothing
    "A third of the staff left.",
    "Sales fell by a fifth.",
    "one-fifth of homes",
    "a two-thirds majority",
    "It processes tokens per second",
    "Second, the plan failed.",
    "the second-hand car market",
    "the second best principle",  # wmt
    "the court of second instance upheld the judgment",  # wmt
    "If you have third party ebooks, they may disappear",  # wmt
    "in the twentieth century",
    "Number 10 Downing Street said",  # a name
    "He left a day later",
    "Munster leading 13-7 after",
    "it has defeated Dallas (1986-88).",
    "the 2021-2022 season",
    "in the 1880s",
    "the 17th century merchant",
    "version 2.1.3",
    "the Expo-2020 forum",
    "the 2016 model, which",  # a model year: the number describes the model
    # a number after a capitalised name is part of it
    "working on the ERNIE 3.0 Titan model",
    "users who upgrade to Windows 11 now",
    "under Article 5 of the treaty",
    "hours after Apple introduced its iPhone 16 line",  # a capital inside the word names it too
    "a 5G network",  # not five grams
    # a capitalised number word after a capitalised word names something
    "The new unit will hold the Assassin's Creed, Far Cry and Rainbow Six franchises and employ staff",
    'known as the "Colston Four," are facing a trial',  # wmt
    "the “Double Eleven” festival this year",  # wmt
]

ZH_NOT_QUANTITIES = [
    "地址：环城南路156号幸福家园",  # wmt: a house number, not an amount
    "2016年加入阿里巴巴",
    "他用了一年时间",
    "如果您有第三方电子书，可能也会丢失",  # wmt: 第三方 is "third party", no rank
    "为客户货比三家，争取最好的核保结果",  # wmt: 货比三家 "shop around", no three companies
    "游客三五成群地走过",  # an idiom, no 50%
    "该组织有三成员国",  # 成员: members, no tenths
    "规则一成不变",
    "这两位领导人同意恢复对话",  # a measure word is no noun
    "推出了一个多人在线游戏",  # 多人 "multiplayer": no hedge
    "一年后他离开了公司",
    "负责文心大模型ERNIE 3.0 Titan的研发",  # a version in a name
    "2023年3月入职字节跳动",
    "2022年9月，达摩院正式发布",
    "新华社北京12月11日电",
    "记者２０日从中国儿童中心获悉",
    "发布时间: 2024-07-28 12:39",
    "统一学习范式OFA-M6",
    "一些人",
    "一起",
    "万一出现问题",
    "一键三连",
    "获得唯一的金奖",
    "第一时间",
    "M6大模型",
    "相比GPT-3",
    "IBM T.J.沃森研究中心",
    "新冠COVID-19",
    "参加中越两军“和平救援-2021”卫勤联合演习",  # wmt: a glued minus sign before a name's year
    "超过四分之一的英国家庭",
    "23日上午10点左右巡逻",
    "在唐宁街 10 号",
    "19 世纪 80 年代的纽约",
    "2021-2022赛季",
    "千万不要",
    "一个女孩",
    "5G网络",
    "A100芯片",
    "二〇二二年",
    "十四五规划",
    "AI相关产品收入实现三位数增长",  # triple-digit growth, not three people
    "郑钦文以2比0击败克罗地亚选手维基奇",  # a score, not two amounts
    "营收实现两位数增长",
    "https://mmbiz.qpic.cn/mmbiz_png/YicUhk5aAGtB1iaG0wFngnjN4FF2GlD0Bn/640?wx_fmt=png",
    "手机13812345678",
    "六一儿童节",
    "2022届毕业生",
]

# The same fact told in both languages must overlap; different facts must not.
PAIRS: list[tuple[str, str, bool]] = [
    ("nearly 100 top papers", "论文100余篇", False),
    ("1.5亿", "150 million", True),
    ("17.5 万", "175,000", True),
    ("26.8万人", "268,000 people", True),
    ("15亿美元", "$1.5 billion", True),
    ("3000-4000万美元", "$35 million", True),
    ("五千多名医生", "more than 5,000 doctors", True),
    ("万亿参数", "trillion parameters", True),
    ("百亿", "tens of billions", True),
    ("45岁以下", "under 45 years old", True),
    ("约 35 亿美元", "around $3.5 billion", True),
    ("近3600名", "nearly 3,600 athletes", True),
    ("50多项专利", "40 patents", False),
    ("一年多", "more than a year", True),
    ("近四成", "nearly 40%", True),
    ("两成", "19.8%", True),
    ("三成", "45%", False),
    ("月活跃用户达到3亿", "300 million monthly active users", True),
    ("第九位总理", "the ninth chancellor", True),
    ("第三个任期", "a fourth term", False),
    ("一年半", "a year and a half", True),
    ("一个多月", "more than a month", True),
    ("两个半月", "two and a half months", True),
    ("近一年", "over a year", False),
]


def _only(text: str, rules_code: str) -> Slot:
    folded = fold(text)
    slots = find_quantities(folded, rules_for(rules_code))
    assert len(slots) == 1, slots
    slot = slots[0]
    assert slot.kind == "quantity"
    assert slot.text == folded[slot.start : slot.end]
    return slot


def _assert_same(actual: object, expected: Quantity) -> None:
    assert isinstance(actual, Quantity)
    assert (actual.unit, actual.low_open, actual.high_open) == (expected.unit, expected.low_open, expected.high_open)
    assert (actual.value, actual.low, actual.high) == pytest.approx((expected.value, expected.low, expected.high))
    assert actual.stated_range == (None if expected.stated_range is None else pytest.approx(expected.stated_range))


@pytest.mark.parametrize(("text", "expected"), EN_QUANTITIES)
def test_en_quantity(text: str, expected: Quantity) -> None:
    _assert_same(_only(text, "en").value, expected)


@pytest.mark.parametrize(("text", "expected"), ZH_QUANTITIES)
def test_zh_quantity(text: str, expected: Quantity) -> None:
    _assert_same(_only(text, "zh").value, expected)


# How the report and the findings' reasons write a quantity: bounds a reader can check.
LABELS = [
    ("M6 has 10 trillion parameters.", "10 trillion parameters"),
    ("nearly 100 papers", "<100 papers"),
    ("发表论文100余篇", ">100 papers"),
    ("at least 5 models", "≥5 models"),
    ("up to 7 models", "≤7 models"),
    ("1,200 employees", "1,200 people"),
    ("现年55岁的雷军", "55 years old"),
    ("Lei Jun, 54, said", "54 years old"),
    ("about 20 engineers", "~20"),
    # A range is shown as stated, not by its midpoint; "~" when a hedge (or in a range, a decimal)
    # widens it.
    ("已获得3000-4000万美元投资", "30–40 million USD"),
    ("between 30 and 40 million", "30–40 million"),
    ("about 30 to 40 million yuan", "~30–40 million CNY"),
    ("children aged 5 to 11 years", "5–11 years"),
    ("两三个人", "2–3 people"),
    ("七八十人", "70–80 people"),
    # One number is shown as written: 1.5亿 is known to its last digit, not hedged.
    ("投后估值1.5亿美元", "150 million USD"),
    ("2023年国内生产总值1260582亿元", "126.058 trillion CNY"),
    ("收入为2603.5亿元", "260.35 billion CNY"),  # as many digits as stated, not 260.4
    # One of a counted unit is singular.
    ("M6项目在启动研发1年时间左右", "~1 year"),
    ("只有1名员工", "1 person"),
    ("1 to 2 years", "1–2 years"),
    # a rank is written as one
    ("the third senior AI hire", "3rd"),
    ("第二位加盟的AI高管", "2nd"),
    ("省第十二次党代会", "12th"),
    ("the 22nd annual meeting", "22nd"),
    ("the 111th Congress", "111th"),
    # Units a reader writes in capitals or with a superscript.
    ("on the basis of 512 GPUs", "512 GPUs"),
    ("512张GPU", "512 GPUs"),
    ("占地3000平方米", "3,000 m²"),
    ("能耗仅为1%", "1%"),
    ("between 30% and 40%", "30–40%"),
    ("Overnight lows fell to -5°C", "-5 °C"),
    ("It was -40°F in Winnipeg", "-40 °F"),
    ("夜间气温-5至-10℃", "-10 to -5 °C"),
]


def test_every_counted_unit_has_a_singular() -> None:
    """A unit added to a language module without its singular would be labelled "1 tasks"."""
    units = {
        unit
        for code in ("en", "zh")
        for numbers in [rules_for(code).numbers]
        for unit in (*numbers.units.values(), *numbers.classifiers.values())
    }
    assert {unit for unit in units if unit.endswith("s") or unit in ("people", "feet")} <= SINGULAR_UNITS.keys()


def test_singular_nouns_are_units() -> None:
    """A singular noun the language module lists but cannot read as a unit would never apply."""
    for code in ("en", "zh"):
        numbers = rules_for(code).numbers
        assert numbers.singular_nouns <= numbers.units.keys()


@pytest.mark.parametrize(("text", "label"), LABELS)
def test_label(text: str, label: str) -> None:
    value = _only(text, "en" if text.isascii() else "zh").value
    assert isinstance(value, Quantity) and value.label == label


@pytest.mark.parametrize("text", EN_NOT_QUANTITIES)
def test_en_not_quantity(text: str) -> None:
    assert find_quantities(fold(text), EN) == []


@pytest.mark.parametrize("text", ZH_NOT_QUANTITIES)
def test_zh_not_quantity(text: str) -> None:
    assert find_quantities(fold(text), ZH) == []


@pytest.mark.parametrize(("first", "second", "overlaps"), PAIRS)
def test_translations_overlap(first: str, second: str, overlaps: bool) -> None:
    def code(text: str) -> str:
        return "en" if text.isascii() else "zh"

    one, other = _only(first, code(first)).value, _only(second, code(second)).value
    assert isinstance(one, Quantity) and isinstance(other, Quantity)
    assert one.overlaps(other) is overlaps


def test_offsets_in_running_text() -> None:
    text = fold("5月消息称，团队已获得3000-4000万美元投资，投后估值1.5亿美元。")
    slots = find_quantities(text, ZH)
    assert [(slot.text, slot.start) for slot in slots] == [
        ("3000-4000万美元", text.index("3000")),
        ("1.5亿美元", text.index("1.5")),
    ]


def test_units_are_shared_between_languages() -> None:
    def canonical(code: str) -> set[str]:
        numbers = rules_for(code).numbers
        named = {*numbers.units.values(), *numbers.classifiers.values(), *numbers.currency_prefixes.values()}
        return named - {"", "ordinal"}  # ordinals come from 第 / "-th" as well

    assert canonical("en") == canonical("zh")


_NUMBER = st.builds(
    lambda whole, fraction: f"{whole}.{fraction}" if fraction else str(whole),
    st.integers(1, 10**9),
    st.sampled_from(["", "5", "25", "125", "08"]),
)


@settings(max_examples=100, deadline=None)
@given(number=_NUMBER)
def test_magnitudes_scale_any_number(number: str) -> None:
    for text, rules, factor in (
        (f"{number}万", ZH, 10**4),
        (f"{number}亿", ZH, 10**8),
        (f"{number} million", EN, 10**6),
    ):
        (slot,) = find_quantities(text, rules)
        assert isinstance(slot.value, Quantity)
        assert slot.value.value == pytest.approx(float(Decimal(number) * factor))
        assert slot.value.low <= slot.value.value <= slot.value.high


_NOISY = st.text(
    alphabet=st.sampled_from(
        list("0123456789.,-~ %$£第百分之一二两兩三十百千万亿余多近约左右年月日个人名天k月aMillion to １，")
    )
)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=200), _NOISY))
def test_never_raises_and_slots_are_ordered(text: str) -> None:
    for rules in (EN, ZH):
        slots = find_quantities(text, rules)
        assert all(slot.text == text[slot.start : slot.end] for slot in slots)
        assert all(a.end <= b.start for a, b in pairwise(slots))
