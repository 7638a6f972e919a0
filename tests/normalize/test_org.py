"""Organisation normaliser: phrase tables per language, look-alikes, comparison, the lexicon file.

Rows come from the seed articles, from WMT22 news sentence pairs
(/work/shared/eval/wmt22-zhen-news.jsonl, marked "wmt") and from phrases of the same shapes.
Every input goes through fold() first, as the extract stage does. Expected values are the
canonical names of the organisations found, in text order; a unit named after its parent
gives the parent and then "<parent> <unit>".
"""

from __future__ import annotations

from importlib.resources import files
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.lang import rules_for
from reconcile.lang.rules import LangRules
from reconcile.model import Entity
from reconcile.normalize.org import alias_key, find_orgs, lookup, org_parent, parse_lexicon, same_org
from reconcile.normalize.text import fold

EN = rules_for("en")
ZH = rules_for("zh")


def orgs(text: str, rules: LangRules) -> list[str]:
    folded = fold(text)
    slots = find_orgs(folded, rules)
    for slot in slots:
        assert folded[slot.start : slot.end] == slot.text and slot.kind == "org"
    return [slot.value.value for slot in slots if isinstance(slot.value, Entity)]


ZH_ORGS = [
    ("集团CEO吴泳铭将兼任淘天集团CEO", ["Taobao and Tmall Group"]),
    ("淘宝和天猫的销售额", ["Taobao", "Tmall"]),
    # seed article
    ("最新消息，阿里大模型元老杨红霞入职香港理工大学", ["Alibaba", "Hong Kong Polytechnic University"]),
    ("她曾在IBM T.J.沃森研究中心担任研究人员，并在雅虎担任首席科学家。", ["IBM T.J. Watson Research Center", "Yahoo"]),
    (
        "2016年加入阿里巴巴，就职于达摩院智能计算实验室；2023年3月入职字节跳动。",
        ["Alibaba", "DAMO Academy", "DAMO Academy 智能计算实验室", "ByteDance"],
    ),
    ("向字节AML团队负责人汇报", ["ByteDance", "ByteDance AML团队"]),
    ("苹果在美国加州发布了iPhone 16系列", ["Apple"]),  # 苹果 alone, unless a guard says fruit
    ("（苹果日报图：天安門母親網站由陶業負責打理。）", ["Apple Daily"]),  # wmt
    # a verb after the parent starts no unit: no "People's Bank of China 授权全国银行"
    ("中国人民银行授权全国银行间同业拆借中心公布", ["People's Bank of China"]),
    ("仅担任过浙江大学上海高级研究院兼职教授。", ["Zhejiang University", "Zhejiang University 上海高级研究院"]),
    ("杨红霞本科毕业于南开大学统计学专业。博士就读于杜克大学。", ["Nankai University", "Duke University"]),
    ("这项工作由阿里和清华共同开发", ["Alibaba", "Tsinghua University"]),
    ("从蚂蚁集团副总裁任上离职后，漆远先是重返学界，在复旦担任教职", ["Ant Group", "Fudan University"]),
    ("量子位 | 公众号 QbitAI", ["QbitAI", "QbitAI"]),
    ("并且快速追赶上谷歌的发展脚步", ["Google"]),
    # short and full forms of one organisation
    ("阿里巴巴达摩院发布了新模型", ["DAMO Academy"]),
    ("阿里云发布通义千问", ["Alibaba Cloud"]),
    ("百度公司宣布", ["Baidu"]),
    ("腾讯和华为都在训练大模型", ["Tencent", "Huawei"]),
    ("美团联合创始人王慧文", ["Meituan"]),
    ("出门问问CEO李志飞", ["Mobvoi"]),
    ("京东集团宣布", ["JD"]),
    ("北京大学和北大荒不是一回事", ["Peking University"]),
    ("浙大和理大合作", ["Zhejiang University", "Hong Kong Polytechnic University"]),
    ("微软与OpenAI合作", ["Microsoft", "OpenAI"]),
    ("36氪报道", ["36Kr"]),
    ("国务院办公厅发布通知", ["State Council", "State Council 办公厅"]),
    (
        "教育部、人力资源和社会保障部联合发文",
        ["Ministry of Education", "Ministry of Human Resources and Social Security"],
    ),
    ("记者从近日北京市教委获悉", ["Beijing Municipal Education Commission"]),  # wmt
    ("市教委相关负责人表示", ["Municipal Education Commission"]),
    ("美国国务院发言人说", ["US Department of State"]),
    # Chinese agencies in the lexicon; another country's agency of the same kind stays as written
    ("中国气象局发布寒潮橙色预警", ["China Meteorological Administration"]),
    ("英国气象局发布了大风黄色天气预警", ["英国气象局"]),  # wmt
    ("该地区的冬季风暴预警将持续到周日上午，美国国家气象局表示", ["美国国家气象局"]),  # wmt
    ("据中国地震台网测定", ["China Earthquake Networks Center"]),
    ("应急管理部派出工作组赶赴现场", ["Ministry of Emergency Management"]),
    ("国家金融监督管理总局局长李云泽", ["National Financial Regulatory Administration"]),
    ("国台办发言人表示", ["Taiwan Affairs Office"]),
    ("新华社北京12月11日电", ["Xinhua"]),  # wmt
    ("浙大学术年会上学生唱主角 研究成果让人脑洞大开-新华网", ["Zhejiang University", "Xinhua"]),  # wmt
    ("七国集团外长会议在利物浦召开", ["G7"]),  # wmt
    ("联合国秘书长古特雷斯", ["United Nations"]),
    ("世界卫生组织发布报告", ["World Health Organization"]),
    ("北约与欧盟", ["NATO", "European Union"]),
    # unknown organisations recognised by their suffix (wmt)
    ("记者从青海省农业农村厅获悉", ["青海省农业农村厅"]),
    ("美国130多个亚裔团体向美国教育部和司法部递交申诉，针对布朗大学", ["Ministry of Education", "司法部", "布朗大学"]),
    ("生物医学工程学院博士生张迪鸣团队现场展示", ["生物医学工程学院"]),
    ("海湾合作委员会成员国", ["海湾合作委员会"]),
    ("杭州市公安局下城分局", ["杭州市公安局", "下城分局"]),
    # Traditional Chinese, folded first
    ("阿里巴巴達摩院", ["DAMO Academy"]),
    ("楊紅霞入職香港理工大學", ["Hong Kong Polytechnic University"]),
    ("位於臺灣的台積電", ["TSMC"]),
    ("字節跳動旗下的抖音", ["ByteDance", "Douyin"]),
    ("小米SU7由北汽集团代工", ["Xiaomi", "BAIC Group"]),
    ("上汽和广汽都表示", ["SAIC Motor", "GAC Group"]),
    ("他曾拜访华为总部", ["Huawei"]),
]

ZH_NO_ORG = [
    "我们去阿里山旅游",
    "这个文件有1024个字节数",
    "推理大模型的能力",
    "其中共有30人参加",
    "水温超过一百度",
    "早上喝了小米粥",
    "大学生就业形势",
    "该公司表示",
    "一家科技公司",
    # so many companies counted, no one company named
    "收购了三家科技公司",
    "与十多家保险公司合作",
    "合作超过100家保险公司",  # wmt
    "与100多家银行合作",
    "创立了大模型公司",
    "公司内部的情况",
    "统一部署",
    "地区紧张局势",
    "伊利诺伊州",
    "他坐上汽车离开",  # 上汽 inside 坐上汽车 (gets into a car)
    "城北汽车站",  # the north bus station, not 北汽
    "推广汽车金融",
    "台湾消防部门表示",  # 部门 is "department", no 消防部
    "公安部门介入调查",  # public security departments, not the Ministry
    "布林肯此次访华为期两天",  # 访华|为期: a visit to China lasting two days, no 华为
    "主要由于所持上市公司股份的市值下跌",  # 持 (holds) is no part of a name: no 持上市公司
    "斥资11.6亿欧元入股育碧子公司",  # a subsidiary is a kind: no 股育碧子公司
    "该交易对这家子公司的估值约为40亿欧元",  # no 家子公司
    "自治区政府周三表示",  # "the regional government": a kind (西藏自治区政府 is a name)
    "警方冻结银行账户23个",  # the police froze bank accounts: no 警方冻结银行
    "我吃了一个苹果",
    "烟台苹果产量增长",
]

EN_ORGS = [
    ("Eddie Wu will take over as head of its Taobao and Tmall Group", ["Taobao and Tmall Group"]),
    ("sales on Taobao and Tmall rose", ["Taobao", "Tmall"]),
    ("the China Meteorological Administration said on Thursday", ["China Meteorological Administration"]),
    # seed article
    ("Former Leader of Alibaba M6 Joins ByteDance AI Lab", ["Alibaba", "ByteDance AI Lab"]),
    (
        "left her post at the Alibaba DAMO Academy Intelligent Computing Lab in September last year",
        ["DAMO Academy", "DAMO Academy Intelligent Computing Lab"],
    ),
    (
        "has now joined ByteDance’s AI Lab (Artificial Intelligence Lab)",
        ["ByteDance", "ByteDance AI Lab"],  # the bracketed gloss restates the lab; it is no second organisation
    ),
    ("as reported by 36Kr.", ["36Kr"]),
    (
        "He graduated from Nankai University and Duke University’s Department of Statistical Science",
        ["Nankai University", "Duke University", "Duke University Department of Statistical Science"],
    ),
    ("Jack Clark, former policy director of OpenAI, praised the development", ["OpenAI"]),
    ("By the end of 2021, when Alibaba Cloud released the latest progress of M6", ["Alibaba Cloud"]),
    (
        "By the end of 2022, Alibaba Cloud Moda Community had opened up more than 300 AI models",
        ["Alibaba Cloud", "Alibaba Cloud Moda Community"],
    ),
    (
        "Wang Huiwen, co-founder of Meituan, Li Zhifei, CEO of Mobvoi, and Zhou Bowen, former head of JD technology",
        ["Meituan", "Mobvoi", "JD"],
    ),
    (
        "The company’s language model team is led by the ByteDance Search Department.",
        ["ByteDance", "ByteDance Search Department"],
    ),
    (
        "the intelligent creation team under the Product R&D and Engineering Architecture Department",
        ["Product R&D and Engineering Architecture Department"],
    ),
    ("SEE ALSO: Alibaba’s DAMO Academy Leaders Take Charge in AI Development", ["Alibaba", "DAMO Academy"]),
    ("it will be combined with Douyin, CapCut and other products", ["Douyin", "CapCut"]),
    ("A few days ago, Baidu, Inc. announced that it will release its ERNIE Bot", ["Baidu"]),
    # aliases and short forms
    ("Alibaba Group and Ant Group", ["Alibaba", "Ant Group"]),
    ("Tsinghua University and Peking University", ["Tsinghua University", "Peking University"]),
    ("a professor at PolyU", ["Hong Kong Polytechnic University"]),
    ("The Hong Kong Polytechnic University announced", ["Hong Kong Polytechnic University"]),
    ("She worked at the IBM T.J. Watson Research Center and Yahoo.", ["IBM T.J. Watson Research Center", "Yahoo"]),
    ("Bytedance denied the report.", ["ByteDance"]),
    ("JD.com said sales rose.", ["JD"]),
    ("Google and Microsoft", ["Google", "Microsoft"]),
    ("Tencent Holdings reported earnings.", ["Tencent"]),
    ("Xinhua News Agency reported", ["Xinhua"]),  # wmt
    ("the People’s Bank of China cut rates", ["People's Bank of China"]),
    ("Xi'an Jiaotong University", ["Xi'an Jiaotong University"]),
    ("the WHO said", ["World Health Organization"]),
    ("the Communist Party of China", ["Communist Party of China"]),  # wmt
    ("the University of Macau held a ceremony", ["University of Macau"]),  # wmt
    (
        "Yale University, Harvard University and Brown University",
        ["Yale University", "Harvard University", "Brown University"],
    ),  # wmt
    # unknown organisations recognised by their suffix (wmt)
    (
        "Reporters learned from the Department of Agriculture and Rural Affairs of Qinghai Province",
        ["Department of Agriculture and Rural Affairs of Qinghai Province"],
    ),
    ("submitted a complaint against Brown University and Dartmouth College", ["Brown University", "Dartmouth College"]),
    ("a member of the Gulf Cooperation Council", ["Gulf Cooperation Council"]),
    ("the Ministry of Health of Cyprus on December 10", ["Ministry of Health of Cyprus"]),
    ("Minister of Ministry of Health of Mauritius", ["Ministry of Health of Mauritius"]),
    ("West Midlands Police said", ["West Midlands Police"]),
    ("the Apache Software Foundation", ["Apache Software Foundation"]),
    ("Lanzhou Jiaotong University", ["Lanzhou Jiaotong University"]),
    ("ByteDance's Seed Team", ["ByteDance", "ByteDance Seed Team"]),
    ("the World Health Organization (WHO) said", ["World Health Organization"]),
    ("Alibaba (and Tencent) said", ["Alibaba", "Tencent"]),  # not a gloss: more than a name in the brackets
    ("the Standing Committee of the Communist Party of China", ["Standing Committee", "Communist Party of China"]),
]

EN_NO_ORG = [
    "Java developers use the JDK every day.",
    "the paper said that the model was large",
    "we store meta data in the cloud",
    "an apple a day",
    "Yang Hongxia is reported to be in a leading position",
    "M6 was first released in March 2021",
    "The company’s language model team is led by the search department",
    "a university in Hong Kong",
    "Former Leader Joins",
    "Chinese AI research organisations",
]


@pytest.mark.parametrize(("text", "expected"), ZH_ORGS)
def test_zh_orgs(text: str, expected: list[str]) -> None:
    assert orgs(text, ZH) == expected


@pytest.mark.parametrize("text", ZH_NO_ORG)
def test_zh_no_org(text: str) -> None:
    assert orgs(text, ZH) == []


def test_title_after_department_is_not_a_second_department() -> None:
    assert orgs("省委组织部部长王成出席", ZH) == ["省委组织部"]


@pytest.mark.parametrize(("text", "expected"), EN_ORGS)
def test_en_orgs(text: str, expected: list[str]) -> None:
    assert orgs(text, EN) == expected


@pytest.mark.parametrize("text", EN_NO_ORG)
def test_en_no_org(text: str) -> None:
    assert orgs(text, EN) == []


SAME = [
    ("Alibaba", "阿里巴巴"),
    ("Alibaba", "阿里"),
    ("Alibaba", "Alibaba Group"),
    ("DAMO Academy", "达摩院"),
    ("DAMO Academy", "阿里巴巴達摩院"),
    ("ByteDance", "字节"),
    ("Tsinghua University", "清华"),
    ("Hong Kong Polytechnic University", "PolyU"),
    ("Hong Kong Polytechnic University", "理大"),
    ("Xinhua", "新华网"),
    ("JD", "JD.com"),
    ("ByteDance AI Lab", "ByteDance AI Lab"),
    ("Duke University Department of Statistical Science", "Duke University's Department of Statistical Science"),
    ("Gulf Cooperation Council", "the Gulf Cooperation Council"),
    ("Lanzhou Jiaotong Universty", "Lanzhou Jiaotong University"),  # a typo
    ("Sarajevo Olympic Centre", "Sarajevo Olympic Center"),  # wmt: spelling
]

DIFFERENT = [
    ("Alibaba", "ByteDance"),
    ("DAMO Academy", "Alibaba"),  # a unit is not its parent: org_parent relates them
    ("Alibaba Cloud", "Alibaba"),
    ("Peking University", "Tsinghua University"),
    ("Ministry of Commerce", "Ministry of Finance"),
    ("ByteDance AI Lab", "ByteDance AML团队"),
    ("Department of Education", "Department of Health"),
    ("Brown University", "Boston University"),
    ("Hunan Normal University", "Henan Normal University"),  # one letter, another province
    ("Alibaba", ""),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_org(a: str, b: str) -> None:
    assert same_org(a, b) and same_org(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_org(a: str, b: str) -> None:
    assert not same_org(a, b) and not same_org(b, a)


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("DAMO Academy", "Alibaba"),
        ("达摩院", "Alibaba"),
        ("Alibaba Cloud", "Alibaba"),
        ("Taobao", "Taobao and Tmall Group"),  # since Alibaba's 2023 reorganisation
        ("淘天集团", "Alibaba"),
        ("IBM T.J. Watson Research Center", "IBM"),
        ("ByteDance AI Lab", "ByteDance"),
        ("ByteDance AML团队", "ByteDance"),
        ("DAMO Academy Intelligent Computing Lab", "DAMO Academy"),
        ("Duke University Department of Statistical Science", "Duke University"),
        ("Alibaba", None),
        ("Nankai University", None),
        ("Product R&D and Engineering Architecture Department", None),
    ],
)
def test_org_parent(name: str, parent: str | None) -> None:
    assert org_parent(name) == parent


def test_two_languages_name_the_same_parent_and_different_units() -> None:
    en = orgs("has now joined ByteDance’s AI Lab", EN)
    zh = orgs("消息称她已加入字节AML团队", ZH)
    assert same_org(en[0], zh[0])
    assert not same_org(en[1], zh[1])
    assert org_parent(en[1]) == org_parent(zh[1]) == "ByteDance"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_slots_are_ordered(text: str) -> None:
    for rules in (EN, ZH):
        slots = find_orgs(fold(text), rules)
        assert all(a.end <= b.start for a, b in pairwise(slots))


# ---------------------------------------------------------------------------------- data file


def test_lexicon_parses_without_duplicate_keys() -> None:
    entries = parse_lexicon(files("reconcile").joinpath("data", "orgs.tsv").read_text("utf-8"))
    assert len(entries) > 250
    seen: dict[str, str] = {}
    for entry in entries:
        for alias in entry.aliases:
            key = alias_key(alias)
            assert key not in seen, f"{alias!r} ({entry.canonical}) repeats {seen[key]!r}"
            seen[key] = entry.canonical
    canonicals = {entry.canonical for entry in entries}
    assert all(entry.parent in canonicals for entry in entries if entry.parent)


def test_lookup_finds_entries_by_any_alias() -> None:
    entry = lookup("阿里巴巴达摩院")
    assert entry is not None and entry.canonical == "DAMO Academy" and entry.parent == "Alibaba"
