"""Date normaliser: tables of real phrases (seed articles, WMT22 news) and phrases of the same shapes.

A row is (text, published, previous, expected): `published` and `previous` are ISO strings
or None; `expected` is (label, low, high, precision) with "" for an open end, or None when
the text states no date. Single-date rows must yield exactly one slot.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.lang import rules_for
from reconcile.model import OPEN_FUTURE, OPEN_PAST, DateValue, Slot
from reconcile.normalize.date import DateContext, date_from_iso, find_dates
from reconcile.normalize.text import fold

Expected = tuple[str, str, str, str] | None
Row = tuple[str, str | None, str | None, Expected]


def on(day: str) -> Expected:
    """A single day, as a day of the week resolves to."""
    return (day, day, day, "day")


EN_DATES: list[Row] = [
    # Seed article (published March 2023, no date in its text).
    (
        "left her post in September last year for personal reasons",
        "2023-03",
        None,
        ("2022-09", "2022-09-01", "2022-09-30", "month"),
    ),
    (
        "By the end of 2021, when Alibaba Cloud released the latest progress",
        "2023-03",
        None,
        ("≤2021-12", "", "2021-12-31", "month"),
    ),
    (
        "Subsequently, it was changed to trillion parameters with 480 GPUs",
        "2023-03",
        "2021-03",
        ("≥2021-03", "2021-03-01", "2023-03-31", "month"),
    ),
    (
        "it will release its ERNIE Bot cloud services on March 27th, thus",
        "2023-03",
        None,
        on("2023-03-27"),
    ),
    (
        "M6 was first released in March 2021 and was the first",
        "2023-03",
        None,
        ("2021-03", "2021-03-01", "2021-03-31", "month"),
    ),
    (
        "In March 2021, the M6 model was released for the first time.",
        "2023-03",
        None,
        ("2021-03", "2021-03-01", "2021-03-31", "month"),
    ),
    (
        "By the end of 2022, Alibaba Cloud Moda Community had opened up more than 300 AI models",
        "2023-03",
        None,
        ("≤2022-12", "", "2022-12-31", "month"),
    ),
    (
        "A few days ago, Baidu, Inc. announced",
        "2023-03",
        None,
        ("2023-02-15..2023-03-31", "2023-02-15", "2023-03-31", "day"),
    ),
    (
        "At present, the team size is about ten people",
        "2023-03",
        None,
        ("2023-03", "2023-03-01", "2023-03-31", "month"),
    ),
    ("and has now joined ByteDance's AI Lab", "2023-03", None, ("2023-03", "2023-03-01", "2023-03-31", "month")),
    (
        "the business is not receiving much more support at the moment",
        "2023-03",
        None,
        ("2023-03", "2023-03-01", "2023-03-31", "month"),
    ),
    (
        "and then successfully trained a 10 trillion model within 10 days on the basis of 512 GPUs",
        "2023-03",
        "2021-03",
        ("≥2021-03", "2021-03-01", "2023-03-31", "month"),
    ),
    ("Subsequently, it was changed to trillion parameters", "2023-03", None, None),  # nothing before it
    # WMT22 news (English side).
    (
        "Last October, this invention won the first prize",
        "2016-05-20",
        None,
        ("2015-10", "2015-10-01", "2015-10-31", "month"),
    ),
    (
        "Last year, at the 2nd Global Grand Challenge Summit",
        "2016-05-20",
        None,
        ("2015", "2015-01-01", "2015-12-31", "year"),
    ),
    (
        "our city will start to implement the system in 60 schools from this year",
        "2016-05-20",
        None,
        ("≥2016", "2016-01-01", "", "year"),
    ),
    (
        "Message from Xinhua News Agency Beijing on May 20 (journalists: Huang Xiaoxi)",
        "2016-05-20",
        None,
        on("2016-05-20"),
    ),
    (
        "on the morning of December 10, Yang Haodong, a member of the committee",
        "2021-12-10",
        None,
        on("2021-12-10"),
    ),
    ("is expected to reach 268,000 in 2022", "2021-12-11", None, ("2022", "2022-01-01", "2022-12-31", "year")),
    ("came to a close on Friday (December 10)", "2021-12-11", None, on("2021-12-10")),
    (
        "the second global Summit for Democracy was scheduled to be held next year",
        "2021-12-11",
        None,
        ("2022", "2022-01-01", "2022-12-31", "year"),
    ),
    ("was shooting in the game on December 11.", "2021-12-12", None, on("2021-12-11")),
    (
        "We found her at about 10:00 am on the 23rd when we went on the patrol",
        "2016-05-25",
        None,
        on("2016-05-23"),
    ),
    (
        "During the Double Eleven festival this year, the amount reached 1.77 trillion yuan",
        "2021-12-11",
        None,
        ("2021", "2021-01-01", "2021-12-31", "year"),
    ),
    (
        "an embargo on Qatar in the middle of the year 2017",
        None,
        None,
        ("2017-05..2017-08", "2017-05-01", "2017-08-31", "month"),
    ),
    (
        "Related parties started hosting talks in Vienna since this April",
        "2021-12-11",
        None,
        ("≥2021-04", "2021-04-01", "", "month"),
    ),
    (
        "A new round of talks started in Vienna on November 29",
        "2021-12-11",
        None,
        on("2021-11-29"),
    ),
    (
        "Xinhua News Beijing December 11th, Chinese president",
        "2021-12-11",
        None,
        on("2021-12-11"),
    ),
    (
        "He became one of the three prize winners of 2014 Nobel Prize in Physics",
        None,
        None,
        ("2014", "2014-01-01", "2014-12-31", "year"),
    ),
    ("According to related regulations, up until 2020, the area", None, None, ("≤2020", "", "2020-12-31", "year")),
    (
        "Established in 2015, Asian American Coalition for Education",
        None,
        None,
        ("2015", "2015-01-01", "2015-12-31", "year"),
    ),
    (
        "delivered a speech on Saturday (December 11), stating",
        "2021-12-12",
        None,
        on("2021-12-11"),
    ),
    (
        "before the democratic summit held at the end of 2022",
        None,
        None,
        ("2022-10..2022-12", "2022-10-01", "2022-12-31", "month"),
    ),
    ("let's all report our progresses next year", "2021-12-11", None, ("2022", "2022-01-01", "2022-12-31", "year")),
    (
        "cannot be provided with birth certificates from the beginning of October",
        "2021-12-11",
        None,
        ("≥2021-10-01", "2021-10-01", "", "day"),
    ),
    (
        "has been delivered to Kuala Lumpur on December 6",
        "2021-12-11",
        None,
        on("2021-12-06"),
    ),
    (
        "Photo of geminid meteor shower shot on December 13, 2018 in Qinghai",
        None,
        None,
        on("2018-12-13"),
    ),
    (
        "Last year, people were impressed by the geminid meteor shower",
        "2021-12-12",
        None,
        ("2020", "2020-01-01", "2020-12-31", "year"),
    ),
    (
        "in 2021, despite the continuous spreading of the epidemic",
        None,
        None,
        ("2021", "2021-01-01", "2021-12-31", "year"),
    ),
    (
        "In 2004, gymnocypris przewalskii was listed as an endangered species",
        None,
        None,
        ("2004", "2004-01-01", "2004-12-31", "year"),
    ),
    ("From 2003, Qinghai province implemented the closure of lakes", None, None, ("≥2003", "2003-01-01", "", "year")),
    (
        "introduced that up until now, nearly 180 million fish have been released",
        "2021-12-12",
        None,
        ("≤2021-12", "", "2021-12-31", "month"),
    ),
    ("It's been two steps forward since the beginning of 2020.", None, None, ("≥2020-01", "2020-01-01", "", "month")),
    (
        "Yesterday, CoinMarket Cap placed an alert on EverGrow's page",
        "2021-12-12",
        None,
        on("2021-12-11"),
    ),
    (
        "The funds announced today will save lives",
        "2021-12-12",
        None,
        on("2021-12-12"),
    ),
    (
        "Russia could be planning a multi-front offensive as early as next year",
        "2021-12-12",
        None,
        ("≥2022", "2022-01-01", "", "year"),
    ),
    ("under the Brexit agreement signed last year", "2021-12-12", None, ("2020", "2020-01-01", "2020-12-31", "year")),
    ("opened that day in Guangzhou, Guangdong", None, "2021-12-11", on("2021-12-11")),
    (
        "met with Macron in Paris and later with EU and NATO officials in Brussels",
        "2021-12-12",
        "2021-12-10",
        ("≥2021-12-10", "2021-12-10", "2021-12-12", "day"),
    ),
    (
        "A $100 investment at launch would be worth over $2 million today!",
        "2021-12-12",
        None,
        on("2021-12-12"),
    ),
    # Absolute shapes.
    ("December 11, 2016", None, None, on("2016-12-11")),
    ("December 11,2016", None, None, on("2016-12-11")),  # no space after the comma
    ("11 December 2016", None, None, on("2016-12-11")),
    ("the 11th of December 2016", None, None, on("2016-12-11")),
    # a month that would fall after publication is the nearer of this year's and last year's,
    # unless the clause speaks of the future
    ("Dec. 11", "2016-11-20", None, on("2016-12-11")),
    ("Dec. 11", "2016-05-20", None, on("2015-12-11")),
    ("The hearing will be held on Dec. 11", "2016-05-20", None, on("2016-12-11")),
    # a day of the week ahead: "runs until Friday", 将持续至周五 (an article of Thursday 16 November)
    ("the forum, which runs until Friday", "2023-11-16", None, ("≤2023-11-17", "", "2023-11-17", "day")),
    ("It was up from $220 billion in December", "2024-04-12", None, ("2023-12", "2023-12-01", "2023-12-31", "month")),
    ("Sales fell in December", "2024-01-05", None, ("2023-12", "2023-12-01", "2023-12-31", "month")),
    ("Sales rose in May", "2024-04-12", None, ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("December 11", "2024-07-28", "2022-09", on("2022-12-11")),  # previous is nearer
    ("September 2022", None, None, ("2022-09", "2022-09-01", "2022-09-30", "month")),
    ("in 2016", None, None, ("2016", "2016-01-01", "2016-12-31", "year")),
    ("fined about 4% of its 2019 domestic revenue", None, None, ("2019", "2019-01-01", "2019-12-31", "year")),
    ("2021-10", None, None, ("2021-10", "2021-10-01", "2021-10-31", "month")),
    ("2024-07-28", None, None, on("2024-07-28")),
    ("2024/07/28", None, None, on("2024-07-28")),
    ("ｉｎ ２０１６", None, None, ("2016", "2016-01-01", "2016-12-31", "year")),  # full-width, via fold
    ("SEPTEMBER LAST YEAR", "2023-03", None, ("2022-09", "2022-09-01", "2022-09-30", "month")),
    ("in the 1990s", None, None, ("1990..1999", "1990-01-01", "1999-12-31", "year")),
    ("in May", "2024-07-28", None, ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("by May 2021", None, None, ("≤2021-05", "", "2021-05-31", "month")),
    # Relative to the publication date.
    ("last September", "2023-03", None, ("2022-09", "2022-09-01", "2022-09-30", "month")),
    ("last September", "2023-11-20", None, ("2023-09", "2023-09-01", "2023-09-30", "month")),
    ("this May", "2024-07-28", None, ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("next March", "2023-03-15", None, ("2024-03", "2024-03-01", "2024-03-31", "month")),
    ("January 10 next year", "2021-12-11", None, on("2022-01-10")),
    ("three years ago", "2023-03", None, ("2020", "2020-01-01", "2020-12-31", "year")),  # no finer than stated
    ("last month", "2023-03", None, ("2023-02", "2023-02-01", "2023-02-28", "month")),
    ("this month", "2024-07-28", None, ("2024-07", "2024-07-01", "2024-07-31", "month")),
    ("today", "2016-05-20", None, on("2016-05-20")),
    ("yesterday", "2016-05-20", None, on("2016-05-19")),
    ("recently", "2024-07-28", None, ("2024-06-28..2024-07-28", "2024-06-28", "2024-07-28", "day")),
    ("late last year", "2023-03", None, ("2022-09..2022-12", "2022-09-01", "2022-12-31", "month")),
    (
        "students who came back at the beginning of this month",
        "2021-12-11",
        None,
        ("2021-12-01..2021-12-10", "2021-12-01", "2021-12-10", "day"),
    ),
    ("since 18 December last year", "2021-12-12", None, ("≥2020-12-18", "2020-12-18", "", "day")),
    ("related problems started 2 months ago", "2021-12-11", None, ("2021-10", "2021-10-01", "2021-10-31", "month")),
    ("yesterday", None, None, None),  # no publication date: cannot resolve
    ("last year", None, "2021-03", None),
    # Relative to the previous date.
    ("a month later", "2023-03", "2022-09", ("2022-10", "2022-10-01", "2022-10-31", "month")),
    ("two years later", None, "2021-03", ("2023", "2023-01-01", "2023-12-31", "year")),
    ("a month earlier", None, "2022-09", ("2022-08", "2022-08-01", "2022-08-31", "month")),
    ("ten days later", None, "2022-09-15", on("2022-09-25")),
    ("the following year", None, "2016", ("2017", "2017-01-01", "2017-12-31", "year")),
    (
        "increased by 7.1 thousand tons compared with the previous year",
        None,
        "2021",
        ("2020", "2020-01-01", "2020-12-31", "year"),
    ),
    ("the next day", None, "2016-05-20", on("2016-05-21")),
    ("afterwards", None, "2021-03", ("≥2021-03", "2021-03-01", "", "month")),
    ("two years later", "2023-03", None, None),
    # Year parts and bounds.
    ("early 2023", None, None, ("2023-01..2023-04", "2023-01-01", "2023-04-30", "month")),
    ("late 2022", None, None, ("2022-09..2022-12", "2022-09-01", "2022-12-31", "month")),
    ("the end of 2022", None, None, ("2022-10..2022-12", "2022-10-01", "2022-12-31", "month")),
    ("the first half of 2021", None, None, ("2021-01..2021-06", "2021-01-01", "2021-06-30", "month")),
    ("mid-2020", None, None, ("2020-05..2020-08", "2020-05-01", "2020-08-31", "month")),
    ("Q1 2021", None, None, ("2021-01..2021-03", "2021-01-01", "2021-03-31", "month")),
    ("mid-May 2021", None, None, ("2021-05-11..2021-05-20", "2021-05-11", "2021-05-20", "day")),
    ("since 2016", None, None, ("≥2016", "2016-01-01", "", "year")),
    ("from 2016 onwards", None, None, ("≥2016", "2016-01-01", "", "year")),
    ("before 2020", None, None, ("≤2019", "", "2019-12-31", "year")),
    ("after March 2021", None, None, ("≥2021-04", "2021-04-01", "", "month")),
    # Not dates.
    ("It may be too early to say", "2023-03", None, None),
    ("Theresa May said on television", "2023-03", None, None),
    ("and march towards the second centenary goal", "2021-12-12", None, None),
    ("trained a model within 10 days", "2023-03", "2021-03", None),
    ("the team worked for three years", "2023-03", None, None),
    ("10 days", None, None, None),
    ("which has the same parameter scale as GPT-3", None, None, None),
    ("It ranks in the Top 10", None, None, None),
    ("the meeting starts at 12:39", None, None, None),
    ("2,016 people attended", None, None, None),
    ("2016 people attended", None, None, None),
    ("in 2016 people attended", None, None, None),
    ("a 10 trillion parameter model", None, None, None),
    ("a 35-year-old engineer", None, None, None),
    ("as reported by 36Kr", None, None, None),
    ("the former leader of Alibaba's M6 model", None, None, None),
    ("Jiangxi will train 10,000 rural elementary school teachers in three years", "2016-05-22", None, None),
    ("the area shall be at least 3,000 square meters", None, None, None),
    ("in the 12 hours since the bug's existence was disclosed", None, None, None),
    # A day of the week: the latest on or before a publication day (2024-04-05 is a Friday),
    # the next in a sentence about the future; beside a calendar date it names that date.
    ("Shares of Xiaomi rose as much as 16% in Hong Kong on Tuesday", "2024-04-05", None, on("2024-04-02")),
    ("the company said on Friday", "2024-04-05", None, on("2024-04-05")),
    ("The company will hold a press conference on Monday", "2024-04-05", None, on("2024-04-08")),
    ("Xiaomi said on Tuesday it will start deliveries", "2024-04-05", None, on("2024-04-02")),
    ("Xiaomi launched its first car on Thursday evening, March 28", "2024-04-05", None, on("2024-03-28")),
    # "will" in another clause is not the tense of the day: the saying was on Thursday.
    (
        "Tencent will invest 1.16 billion euros, the video game maker said on Thursday",
        "2024-04-05",
        None,
        on("2024-04-04"),
    ),
    ("Lei said on Tuesday", "2024-04", None, None),  # no day to count back from
    # a baseline of comparison is no date
    ("Taobao revenue was 98.99 billion yuan, up 1% from a year earlier", "2024-11-15", "2024-09-30", None),
    ("Sales fell 3% compared with a year ago", "2024-11-15", None, None),
    ("Profit was higher than a year earlier", "2024-11-15", "2024-09-30", None),
    ("He had left the company a year earlier", None, "2024-09-30", ("2023", "2023-01-01", "2023-12-31", "year")),
    # Quarters: alone, of the year reported in; one not begun by publication is last year's,
    # unless the clause speaks of the future.
    (
        "The economy grew 4.6% in the third quarter",
        "2024-10-21",
        None,
        ("2024-07..2024-09", "2024-07-01", "2024-09-30", "month"),
    ),
    ("Third-quarter profit rose 10%", "2024-10-21", None, ("2024-07..2024-09", "2024-07-01", "2024-09-30", "month")),
    (
        "The economy grew 5.4% in the fourth quarter",
        "2025-01-20",
        None,
        ("2024-10..2024-12", "2024-10-01", "2024-12-31", "month"),
    ),
    (
        "It will launch in the fourth quarter",
        "2025-01-20",
        None,
        ("2025-10..2025-12", "2025-10-01", "2025-12-31", "month"),
    ),
    (
        "In the first three quarters of the year, GDP grew 4.8%",
        "2024-10-21",
        None,
        ("2024-01..2024-09", "2024-01-01", "2024-09-30", "month"),
    ),
    ("Profit in the third quarter of 2023 fell", None, None, ("2023-07..2023-09", "2023-07-01", "2023-09-30", "month")),
    ("the first quarter of the match", "2024-10-21", None, None),
    # "before" a vague point (the end of 2025) reaches to its last day.
    ("The deal is expected to close before the end of 2025", None, None, ("≤2025-12", "", "2025-12-31", "month")),
    ("The deal is expected to close by the end of 2025", None, None, ("≤2025-12", "", "2025-12-31", "month")),
    ("It will close before March 2025", None, None, ("≤2025-02", "", "2025-02-28", "month")),
    ("The Sunday Times reported the deal", "2024-04-05", None, None),
    ("Super Tuesday primaries", "2024-04-05", None, None),
    ("He visits his mother every Tuesday", "2024-04-05", None, None),
]

ZH_DATES: list[Row] = [
    # Seed article (published 2024-07-28 12:39).
    (
        "而就在这项重磅发布1个月后，杨红霞被曝因家庭原因从达摩院离职。",
        "2024-07-28",
        "2022-09",
        ("2022-10", "2022-10-01", "2022-10-31", "month"),
    ),
    (
        "2021年10月M6正式成为全球首个10万亿参数多模态大模型。",
        "2024-07-28",
        None,
        ("2021-10", "2021-10-01", "2021-10-31", "month"),
    ),
    ("今年5月，杨红霞被曝从字节跳动离职", "2024-07-28", None, ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("下一次新动向已是2023年3月。", "2024-07-28", None, ("2023-03", "2023-03-01", "2023-03-31", "month")),
    (
        "2016年加入阿里巴巴，就职于达摩院智能计算实验室",
        "2024-07-28",
        None,
        ("2016", "2016-01-01", "2016-12-31", "year"),
    ),
    ("2023年3月入职字节跳动。", "2024-07-28", None, ("2023-03", "2023-03-01", "2023-03-31", "month")),
    ("2020年6月项目启动", "2024-07-28", None, ("2020-06", "2020-06-01", "2020-06-30", "month")),
    ("2021年5月发布万亿参数规模M6并投入使用", "2024-07-28", None, ("2021-05", "2021-05-01", "2021-05-31", "month")),
    ("2022年9月，达摩院正式发布“通义”大模型系列", "2024-07-28", None, ("2022-09", "2022-09-01", "2022-09-30", "month")),
    ("如今，更先一步曝光了她进军学术圈的消息。", "2024-07-28", None, ("2024-07", "2024-07-01", "2024-07-31", "month")),
    (
        "M6的共同一作林俊旸是目前通义千问开源负责人。",
        "2024-07-28",
        None,
        ("2024-07", "2024-07-01", "2024-07-31", "month"),
    ),
    ("5月消息称，团队正在筹备组建中", "2024-07-28", None, ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("5月消息称，团队正在筹备组建中", "2024-07-28", "2023-03", ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("最近量子位从知情人士处获悉", "2024-07-28", None, ("2024-06-28..2024-07-28", "2024-06-28", "2024-07-28", "day")),
    (
        "杨红霞前不久还在西雅图筹备全球化AI项目。",
        "2024-07-28",
        None,
        ("2024-06-28..2024-07-28", "2024-06-28", "2024-07-28", "day"),
    ),
    ("之后来到雅虎担任计算广告首席数据科学家", "2024-07-28", "2016", ("≥2016", "2016-01-01", "2024-07-28", "year")),
    ("而后又产学研并行地创立了大模型公司", "2024-07-28", "2023-03", ("≥2023-03", "2023-03-01", "2024-07-28", "month")),
    (
        "这项工作对外开源，目前被引用数超过900+，GitHub星标2.4k。",
        "2024-07-28",
        None,
        ("2024-07", "2024-07-01", "2024-07-31", "month"),
    ),
    ("发布时间: 2024-07-28 12:39", None, None, on("2024-07-28")),
    ("不过短短1年时间，她就又从字节离职。", "2024-07-28", "2023-03", None),
    ("M6项目在启动研发1年时间左右，快速完成从亿级到十万亿级规模扩展。", "2024-07-28", None, None),
    ("在顶级会议和期刊上发表论文100余篇，在美国和中国拥有50多项专利。", "2024-07-28", None, None),
    ("已获得3000-4000万美元投资，投后估值1.5亿美元。", "2024-07-28", None, None),
    ("相比GPT-3，M6实现了同等参数规模下所需能耗仅为1%。", "2024-07-28", None, None),
    # WMT22 news (Chinese side).
    (
        "这项发明在今年第44届瑞士日内瓦国际发明展中获得银奖。",
        "2016-05-20",
        None,
        ("2016", "2016-01-01", "2016-12-31", "year"),
    ),
    ("去年十月，这项发明获得国家挑战杯一等奖。", "2016-05-20", None, ("2015-10", "2015-10-01", "2015-10-31", "month")),
    ("去年，在第二届全球重大挑战峰会中", "2016-05-20", None, ("2015", "2015-01-01", "2015-12-31", "year")),
    ("今年起，我市将在60所中职学校试点", "2016-05-20", None, ("≥2016", "2016-01-01", "", "year")),
    ("新华社北京５月２０日电（黄小希 周珊珊）", "2016-05-20", None, on("2016-05-20")),
    ("记者２０日从中国儿童中心获悉", "2016-05-20", None, on("2016-05-20")),
    (
        "近日，公安部刑事侦查局打拐办开发的儿童失踪信息紧急发布平台上线。",
        "2016-05-20",
        None,
        ("2016-05-06..2016-05-20", "2016-05-06", "2016-05-20", "day"),
    ),
    ("湖南日报12月10日讯（全媒体记者 龚柏威）", "2021-12-10", None, on("2021-12-10")),
    ("2022年北京地区高校毕业生预计达26.8万人", "2021-12-11", None, ("2022", "2022-01-01", "2022-12-31", "year")),
    ("线上“民主峰会”星期五（12月10日）落幕。", "2021-12-11", None, on("2021-12-10")),
    ("他也表示，计划明年召开第二届全球“民主峰会”。", "2021-12-11", None, ("2022", "2022-01-01", "2022-12-31", "year")),
    (
        "和目前流亡英国的香港民主人权活动人士罗冠聪",
        "2021-12-11",
        None,
        ("2021-12", "2021-12-01", "2021-12-31", "month"),
    ),
    (
        "自２０１６年起，江西省规划用３年时间为全省乡村每所小学培训教师",
        "2016-05-22",
        None,
        ("≥2016", "2016-01-01", "", "year"),
    ),
    (
        "12月11日，北京梦想ING队球员庞尧天（中）在比赛中射门。",
        "2021-12-12",
        None,
        on("2021-12-11"),
    ),
    (
        "我们是23日上午10点左右巡逻到广场旁的时候发现的情况",
        "2016-05-25",
        None,
        on("2016-05-23"),
    ),
    (
        "全国消费者金融素养指数为66.81，与2019年相比，提高2.04。",
        None,
        None,
        ("2019", "2019-01-01", "2019-12-31", "year"),
    ),
    (
        "自沙特阿拉伯及其阿拉伯盟友于 2017 年年中对卡塔尔实施禁运",
        None,
        None,
        ("2017-05..2017-08", "2017-05-01", "2017-08-31", "month"),
    ),
    (
        "伊核协议相关方今年4月开始在奥地利首都维也纳举行会谈",
        "2021-12-11",
        None,
        ("≥2021-04", "2021-04-01", "", "month"),
    ),
    ("新一轮会谈11月29日在维也纳开始举行", "2021-12-11", None, on("2021-11-29")),
    ("习近平向2021年大湾区科学论坛致贺信", None, None, ("2021", "2021-01-01", "2021-12-31", "year")),
    ("论坛当日在广东省广州市开幕", None, "2021-12-11", on("2021-12-11")),
    (
        "到２０２０年，各高校创新创业实践基地面积，本科学校要达到３０００平方米以上",
        None,
        None,
        ("≤2020", "", "2020-12-31", "year"),
    ),
    (
        "他因发明蓝色发光二极管而成为2014年诺贝尔物理学奖的三位获奖者之一。",
        None,
        None,
        ("2014", "2014-01-01", "2014-12-31", "year"),
    ),
    ("亚裔教育联盟成立于２０１５年", None, None, ("2015", "2015-01-01", "2015-12-31", "year")),
    (
        "中国外交部发言人周六（12月11日）发表谈话表示",
        "2021-12-12",
        None,
        on("2021-12-11"),
    ),
    (
        "美国希望各国在计划于2022年底举行的实体民主峰会前",
        None,
        None,
        ("2022-10..2022-12", "2022-10-01", "2022-12-31", "month"),
    ),
    (
        "由于特制防伪纸存货用光，所以自10月初开始就无法颁发报生纸给初生婴儿",
        "2021-12-11",
        None,
        ("≥2021-10-01", "2021-10-01", "", "day"),
    ),
    ("最新一批防伪纸已经于本月6日运抵吉隆坡", "2021-12-11", None, on("2021-12-06")),
    ("他补充，沙巴今年至今共发出2万4801张报生纸。", "2021-12-11", None, ("2021", "2021-01-01", "2021-12-31", "year")),
    (
        "北京市天文爱好者安久2018年12月13日在青海拍摄的双子座流星雨。",
        None,
        None,
        on("2018-12-13"),
    ),
    (
        "2004年在《中国物种红色名录》中青海湖裸鲤被列为濒危物种。",
        None,
        None,
        ("2004", "2004-01-01", "2004-12-31", "year"),
    ),
    ("从2003年起，青海省实施封湖育鱼", None, None, ("≥2003", "2003-01-01", "", "year")),
    (
        "截至目前，青海湖裸鲤已累计实施人工增殖放流近1.8亿尾",
        "2021-12-12",
        None,
        ("≤2021-12", "", "2021-12-31", "month"),
    ),
    (
        "今年以来，青海先后发布长江、黄河、青海湖重点水域禁捕通告",
        "2021-12-12",
        None,
        ("≥2021", "2021-01-01", "", "year"),
    ),
    (
        "今天上午，第十三届湖南茶业博览会暨新化红茶推介会在湖南国际会展中心举行",
        "2021-12-10",
        None,
        on("2021-12-10"),
    ),
    (
        "云南省日前出台促进乡村振兴乡村公益性岗位管理相关政策",
        "2021-12-12",
        None,
        ("2021-11-28..2021-12-12", "2021-11-28", "2021-12-12", "day"),
    ),
    (
        "毛里求斯10日首次报告该国两例奥密克戎毒株感染病例。",
        "2021-12-12",
        None,
        on("2021-12-10"),
    ),
    (
        "塞卫生部10日还宣布，将开始为该国5岁至11岁的儿童接种辉瑞新冠疫苗。",
        "2021-12-12",
        None,
        on("2021-12-10"),
    ),
    (
        "今年 8 月，这个激进组织闪电般地袭击了喀布尔",
        "2021-12-12",
        None,
        ("2021-08", "2021-08-01", "2021-08-31", "month"),
    ),
    ("根据去年签署的英国脱欧协议", "2021-12-12", None, ("2020", "2020-01-01", "2020-12-31", "year")),
    (
        "此后双方进行了几轮会谈，但尚未制定出持久的解决方案。",
        "2021-12-12",
        "2020",
        ("≥2020", "2020-01-01", "2021-12-12", "year"),
    ),
    ("自 2020 年初以来，我们是前进两步后退一步", None, None, ("≥2020-01", "2020-01-01", "", "month")),
    ("就像有教师所言，“20年前学大学数学的基本知识”", "2021-12-12", None, ("2001", "2001-01-01", "2001-12-31", "year")),
    ("根据此类案件的侦办经验，人贩子惯于在得手之后尽快远离作案地点。", "2016-05-20", "2016-05", None),
    ("根据我国《刑法》规定，拐卖儿童罪的法定刑起刑点为5年", None, None, None),
    ("江西３年内将培训万名乡村小学音体美教师", "2016-05-22", None, None),
    ("这一系列精神理念和价值追求，正是浙江大学120年办学的灵魂所在。", None, None, None),
    ("广西大学生休学创业年限最长可达５年", None, None, None),
    ("过去１０年里，符合美国名校录取条件的亚裔申请人数量成倍增长", None, None, None),
    ("长达 20 年的占领宣告结束", None, None, None),
    # Absolute shapes.
    ("2022年9月", None, None, ("2022-09", "2022-09-01", "2022-09-30", "month")),
    ("2021-10", None, None, ("2021-10", "2021-10-01", "2021-10-31", "month")),
    ("2016年5月20日", None, None, on("2016-05-20")),
    ("２０１６年", None, None, ("2016", "2016-01-01", "2016-12-31", "year")),
    ("２０２３年３月", None, None, ("2023-03", "2023-03-01", "2023-03-31", "month")),
    ("12月11日", "2016-11-20", None, on("2016-12-11")),
    ("12月11日", "2016-05-20", None, on("2015-12-11")),
    ("公司将于12月11日发布新品", "2016-05-20", None, on("2016-12-11")),
    ("本届会议将持续至周五", "2023-11-16", None, on("2023-11-17")),
    ("12月11日", "2024-07-28", "2022-09", on("2022-12-11")),
    ("12月11日", None, None, None),
    ("5月20号", "2016-06-01", None, on("2016-05-20")),
    ("2016年十月", None, None, ("2016-10", "2016-10-01", "2016-10-31", "month")),
    ("20世纪90年代", None, None, ("1990..1999", "1990-01-01", "1999-12-31", "year")),
    ("1990年代", None, None, ("1990..1999", "1990-01-01", "1999-12-31", "year")),
    ("於2021年10月", None, None, ("2021-10", "2021-10-01", "2021-10-31", "month")),  # Traditional
    # Relative to the publication date (Traditional and full-width forms included).
    ("去年9月", "2023-03", None, ("2022-09", "2022-09-01", "2022-09-30", "month")),
    ("去年九月", "2024-07-28", None, ("2023-09", "2023-09-01", "2023-09-30", "month")),
    ("今年５月", "2024-07-28", None, ("2024-05", "2024-05-01", "2024-05-31", "month")),
    ("明年", "2024-07-28", None, ("2025", "2025-01-01", "2025-12-31", "year")),
    ("前年", "2024-07-28", None, ("2022", "2022-01-01", "2022-12-31", "year")),
    ("昨天", "2016-05-20", None, on("2016-05-19")),
    ("今天", "2016-05-20", None, on("2016-05-20")),
    ("前天", "2016-05-20", None, on("2016-05-18")),
    ("日前", "2024-07-28", None, ("2024-07-14..2024-07-28", "2024-07-14", "2024-07-28", "day")),
    ("上个月", "2024-07-28", None, ("2024-06", "2024-06-01", "2024-06-30", "month")),
    ("上月", "2024-01-05", None, ("2023-12", "2023-12-01", "2023-12-31", "month")),
    (
        "这3人都是学生，本月初从国外旅行回来",
        "2021-12-11",
        None,
        ("2021-12-01..2021-12-10", "2021-12-01", "2021-12-10", "day"),
    ),
    (
        "记者从近日北京市教委召开的会议上获悉",
        "2021-12-11",
        None,  # 从 is "from the meeting", not "since"
        ("2021-11-27..2021-12-11", "2021-11-27", "2021-12-11", "day"),
    ),
    ("他说，有关问题在2个月前就出现", "2021-12-11", None, ("2021-10", "2021-10-01", "2021-10-31", "month")),
    ("本月", "2024-07-28", None, ("2024-07", "2024-07-01", "2024-07-31", "month")),
    ("1个月前", "2024-07-28", None, ("2024-06", "2024-06-01", "2024-06-30", "month")),
    ("年初", "2024-07-28", None, ("2024-01..2024-03", "2024-01-01", "2024-03-31", "month")),
    ("年末", "2024-07-28", None, ("2024-10..2024-12", "2024-10-01", "2024-12-31", "month")),
    ("下半年", "2024-07-28", None, ("2024-07..2024-12", "2024-07-01", "2024-12-31", "month")),
    ("去年年底", "2024-07-28", None, ("2023-10..2023-12", "2023-10-01", "2023-12-31", "month")),
    ("5月上旬", "2024-07-28", None, ("2024-05-01..2024-05-10", "2024-05-01", "2024-05-10", "day")),
    ("昨天", None, None, None),
    ("今日头条发布了新产品", "2024-07-28", None, None),
    ("送往最近的医院", "2024-07-28", None, None),
    # Relative to the previous date.
    ("一个月后", None, "2022-09", ("2022-10", "2022-10-01", "2022-10-31", "month")),
    ("1年后", None, "2022-09", ("2023", "2023-01-01", "2023-12-31", "year")),
    ("兩年後", None, "2022-09", ("2024", "2024-01-01", "2024-12-31", "year")),  # Traditional
    ("10天后", None, "2022-09-15", on("2022-09-25")),
    ("次年", None, "2016", ("2017", "2017-01-01", "2017-12-31", "year")),
    ("同年5月", None, "2016", ("2016-05", "2016-05-01", "2016-05-31", "month")),
    ("随后", None, "2021-03", ("≥2021-03", "2021-03-01", "", "month")),
    ("隨後", "2024-07-28", "2021-03", ("≥2021-03", "2021-03-01", "2024-07-28", "month")),  # Traditional
    ("後來她加入了字節", "2024-07-28", "2016", ("≥2016", "2016-01-01", "2024-07-28", "year")),  # Traditional
    ("此后", None, None, None),
    ("1个月后", "2024-07-28", None, None),
    ("10天内", None, "2022-09", None),
    # Year parts and bounds.
    ("2021年初", None, None, ("2021-01..2021-03", "2021-01-01", "2021-03-31", "month")),
    ("2022年年底", None, None, ("2022-10..2022-12", "2022-10-01", "2022-12-31", "month")),
    ("2021年上半年", None, None, ("2021-01..2021-06", "2021-01-01", "2021-06-30", "month")),
    ("截至2023年6月", None, None, ("≤2023-06", "", "2023-06-30", "month")),
    ("自2016年以来", None, None, ("≥2016", "2016-01-01", "", "year")),
    ("自從2016年以來", None, None, ("≥2016", "2016-01-01", "", "year")),  # Traditional
    ("2020年之前", None, None, ("≤2019", "", "2019-12-31", "year")),
    ("须在12 月 10 日之前完成", "2021-12-12", None, ("≤2021-12-09", "", "2021-12-09", "day")),
    ("2016年之后", None, None, ("≥2017", "2017-01-01", "", "year")),
    ("到2022年底", None, None, ("≤2022-12", "", "2022-12-31", "month")),
    ("该交易预计将于2025年底前完成", None, None, ("≤2025-12", "", "2025-12-31", "month")),
    ("前三季度国内生产总值同比增长4.8%", "2024-10-21", None, ("2024-01..2024-09", "2024-01-01", "2024-09-30", "month")),
    ("四季度增长5.4%", "2025-01-20", None, ("2024-10..2024-12", "2024-10-01", "2024-12-31", "month")),
    ("公司将于第四季度推出新品", "2025-01-20", None, ("2025-10..2025-12", "2025-10-01", "2025-12-31", "month")),
    ("2023年第三季度营收", None, None, ("2023-07..2023-09", "2023-07-01", "2023-09-30", "month")),
    ("将于2025年3月前完成", None, None, ("≤2025-02", "", "2025-02-28", "month")),
    ("2021 年前 10 个月的贸易额", None, None, ("2021", "2021-01-01", "2021-12-31", "year")),  # its first ten months
    ("他2025年3月前往北京", None, None, ("2025-03", "2025-03-01", "2025-03-31", "month")),
    ("2025年前后", None, None, ("2025", "2025-01-01", "2025-12-31", "year")),
    ("此前一年累计下跌逾40%", "2025-03-15", "2025-03-14", None),  # a span, not the year before
    ("前一年他刚毕业", None, "2019", ("2018", "2018-01-01", "2018-12-31", "year")),
    # Not dates.
    ("10万亿参数", None, None, None),
    ("GPT-3和M6", None, None, None),
    ("12:39", None, None, None),
    ("Top 10", None, None, None),
    ("3个月", "2024-07-28", "2022-09", None),
    ("他35岁", None, None, None),
    ("3亿月活用户", "2024-07-28", None, None),
    # Days of the week (2024-04-05 is a Friday): 上周/下周 count whole weeks.
    ("4月2日（周二），小米集团股价大涨", "2024-04-05", None, on("2024-04-02")),
    ("雷军上周二表示", "2024-04-05", None, on("2024-03-26")),
    ("澎湃新闻上周首先报道了此案", "2024-12-05", None, ("2024-11-21..2024-12-05", "2024-11-21", "2024-12-05", "day")),
    ("小米将于下周一发布新车", "2024-04-05", None, on("2024-04-08")),
    ("发布会将于周一举行", "2024-04-05", None, on("2024-04-08")),
    ("苹果即将推出新品，该公司周二表示", "2024-04-05", None, on("2024-04-02")),
    ("小米周四晚举行发布会", "2024-04-05", None, on("2024-04-04")),
    ("星期天上午，他回到家乡", "2024-04-05", None, on("2024-03-31")),
    ("图书馆每周二闭馆", "2024-04-05", None, None),  # every Tuesday
    ("一周一次", "2024-04-05", None, None),  # once a week
    ("周日", "2024-04", None, None),
    ("2016年初次见面", None, None, ("2016", "2016-01-01", "2016-12-31", "year")),  # 初次 is "first time", not 年初
    ("北京压缩2016年初中入学特长生比例", None, None, ("2016", "2016-01-01", "2016-12-31", "year")),  # 初中: school
]

# Texts with several dates: (text, published, previous, [(slot text, label), ...]).
MULTI: list[tuple[str, str, str | None, str | None, list[tuple[str, str]]]] = [
    (
        "en",
        "open from Monday to Wednesday",
        "2024-04-05",
        None,
        [("Monday", "2024-04-01"), ("Wednesday", "2024-04-03")],
    ),
    (
        "zh",
        "５月２８日至６月１日“六一”儿童节前后",
        "2016-05-20",
        None,
        [("5月28日", "2016-05-28"), ("6月1日", "2016-06-01")],
    ),
    (
        "en",
        "from May 28 to June 1, before and on the Children's Day",
        "2016-05-20",
        None,
        [("May 28", "2016-05-28"), ("June 1", "2016-06-01")],
    ),
    (
        "zh",
        "2020年6月项目启动，2021年5月发布万亿参数规模M6并投入使用，2021年10月M6正式成为全球首个多模态大模型",
        "2024-07-28",
        None,
        [("2020年6月", "2020-06"), ("2021年5月", "2021-05"), ("2021年10月", "2021-10")],
    ),
    (
        "zh",  # a year straight after "M6，" (folded to "M6,2021") is no thousands group
        "2021年5月，阿里巴巴发布M6，2021年10月又发布了新版本",
        "2024-07-28",
        None,
        [("2021年5月", "2021-05"), ("2021年10月", "2021-10")],
    ),
    (
        "en",
        "A few days ago, Baidu, Inc. announced that it will release its ERNIE Bot on March 27th, thus",
        "2023-03",
        None,
        [("A few days ago", "2023-02-15..2023-03-31"), ("March 27th", "2023-03-27")],
    ),
    (
        "zh",
        "用空气来洗手 昨天晚上，在浙江大学2016年学术年会开幕式上",
        "2016-05-20",
        None,
        [("昨天", "2016-05-19"), ("2016年", "2016")],
    ),
    (
        "zh",
        "根据安排，从2016年起到2019年8月，我市分三批确定60个试点",
        None,
        None,
        [("2016年起", "≥2016"), ("到2019年8月", "≤2019-08")],
    ),
    (
        "en",
        "will be determined in three batches from 2016 to August, 2019",
        None,
        None,
        [("2016", "2016"), ("August, 2019", "2019-08")],
    ),
    (
        "zh",
        "从12月6日到明年1月10日，乘飞机入境的12岁以上旅客",
        "2021-12-11",
        None,
        [("12月6日", "2021-12-06"), ("明年1月10日", "2022-01-10")],
    ),
    (
        "en",
        "All the passengers above 12 years old from December 6 to January 10 next year",
        "2021-12-11",
        None,
        [("December 6", "2021-12-06"), ("January 10 next year", "2022-01-10")],
    ),
    (
        "zh",
        "该国卫生部门对从11月9日至12月2日采集的12个新冠阳性样本开展基因组测序",
        "2021-12-12",
        None,
        [("11月9日", "2021-11-09"), ("12月2日", "2021-12-02")],
    ),
    (
        "zh",
        "2022年9月，达摩院正式发布“通义”大模型系列。而就在这项重磅发布1个月后，杨红霞离职。",
        "2024-07-28",
        None,
        [("2022年9月", "2022-09"), ("1个月后", "2022-10")],
    ),
    (
        "en",
        "In the 1960s and 1970s, the number has decreased sharply",
        None,
        None,
        [("the 1960s", "1960..1969"), ("1970s", "1970..1979")],
    ),
    (
        "zh",
        "新一轮会谈11月29日在维也纳开始举行，12月3日暂时休会，9日继续举行。",
        "2021-12-11",
        None,
        [("11月29日", "2021-11-29"), ("12月3日", "2021-12-03"), ("9日", "2021-12-09")],
    ),
    (
        "en",
        "M6 was first released in March 2021. Subsequently, it was changed to trillion parameters",
        "2023-03",
        None,
        [("March 2021", "2021-03"), ("Subsequently", "≥2021-03")],
    ),
    ("zh", "青海湖裸鲤资源蕴藏量今年较上年增加0.71万吨", "2021-12-11", None, [("今年", "2021"), ("上年", "2020")]),
    (
        "en",
        "the geminid meteor shower this year will reach its maximum at about 15:00 on December 14",
        "2021-12-12",
        None,
        [("this year", "2021"), ("December 14", "2021-12-14")],
    ),
]

ISO_DATES = [
    ("2023", "2023", "year"),
    ("2023-03", "2023-03", "month"),
    ("2024-07-28", "2024-07-28", "day"),
    ("2024-07-28 12:39", "2024-07-28", "day"),
    ("2024/07/28", "2024-07-28", "day"),
    ("2024-07-28T12:39:00+08:00", "2024-07-28", "day"),
    (" 2016-5-20 ", "2016-05-20", "day"),
]

BAD_ISO_DATES = ["", "March 2023", "2023-13", "2023-02-30", "2023-03/05", "12:39", "20230328", "２０２３年"]


def _context(published: str | None, previous: str | None) -> DateContext:
    return DateContext(date_from_iso(published) if published else None, date_from_iso(previous) if previous else None)


def _day(text: str, open_end: date) -> date:
    return date.fromisoformat(text) if text else open_end


def _value(slot: Slot) -> DateValue:
    assert isinstance(slot.value, DateValue)
    return slot.value


def _check(lang: str, text: str, published: str | None, previous: str | None, expected: Expected) -> None:
    folded = fold(text)
    slots = find_dates(folded, rules_for(lang), _context(published, previous))
    if expected is None:
        assert slots == [], [(slot.text, _value(slot).label) for slot in slots]
        return
    assert len(slots) == 1, [(slot.text, _value(slot).label) for slot in slots]
    slot = slots[0]
    value = _value(slot)
    label, low, high, precision = expected
    assert (value.label, value.low, value.high, value.precision) == (
        label,
        _day(low, OPEN_PAST),
        _day(high, OPEN_FUTURE),
        precision,
    )
    assert folded[slot.start : slot.end] == slot.text
    assert (value.basis == "") == (value.anchor == "absolute"), value.basis


@pytest.mark.parametrize("text, published, previous, expected", EN_DATES)
def test_en_date(text: str, published: str | None, previous: str | None, expected: Expected) -> None:
    _check("en", text, published, previous, expected)


@pytest.mark.parametrize("text, published, previous, expected", ZH_DATES)
def test_zh_date(text: str, published: str | None, previous: str | None, expected: Expected) -> None:
    _check("zh", text, published, previous, expected)


@pytest.mark.parametrize("lang, text, published, previous, expected", MULTI)
def test_several_dates(
    lang: str, text: str, published: str | None, previous: str | None, expected: list[tuple[str, str]]
) -> None:
    folded = fold(text)
    slots = find_dates(folded, rules_for(lang), _context(published, previous))
    assert [(slot.text, _value(slot).label) for slot in slots] == expected
    assert all(folded[slot.start : slot.end] == slot.text for slot in slots)


def test_basis_says_how_a_relative_date_was_resolved() -> None:
    en, zh = rules_for("en"), rules_for("zh")
    [last_year] = find_dates("in September last year", en, _context("2023-03", None))
    [later] = find_dates("1个月后", zh, _context(None, "2022-09"))
    [yesterday] = find_dates("yesterday", en, _context("2016-05-20", None))
    assert _value(last_year).basis == '"September last year" in an article of 2023-03'
    assert _value(later).basis == '"1个月后" after 2022-09'
    assert _value(yesterday).basis == '"yesterday" in an article of 2016-05-20'
    assert (_value(last_year).anchor, _value(later).anchor) == ("published", "previous")


@pytest.mark.parametrize("text, label, precision", ISO_DATES)
def test_date_from_iso(text: str, label: str, precision: str) -> None:
    value = date_from_iso(text)
    assert (value.label, value.precision, value.basis) == (label, precision, "")


@pytest.mark.parametrize("text", BAD_ISO_DATES)
def test_date_from_iso_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        date_from_iso(text)


_CONTEXTS = st.sampled_from(
    [_context(None, None), _context("2024-07-28", "2022-09"), _context("2023", "2016"), _context("2023-03", None)]
)
_DATEISH = st.lists(
    st.sampled_from([*"0123456789年月日号前后初底至到自起以来 -/.,", "May ", "last ", "year", "ago", "the end of "])
).map("".join)


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.one_of(st.text(), _DATEISH), lang=st.sampled_from(["en", "zh"]), context=_CONTEXTS)
def test_never_raises_and_slots_are_ordered(text: str, lang: str, context: DateContext) -> None:
    folded = fold(text)
    slots = find_dates(folded, rules_for(lang), context)
    for slot in slots:
        assert folded[slot.start : slot.end] == slot.text
        assert _value(slot).low <= _value(slot).high
    assert all(first.end <= second.start for first, second in pairwise(slots))


@settings(max_examples=200, deadline=None, database=None)
@given(year=st.integers(1900, 2100), month=st.integers(1, 12))
def test_zh_year_month_label(year: int, month: int) -> None:
    [slot] = find_dates(f"{year}年{month}月", rules_for("zh"), _context(None, None))
    assert _value(slot).label == f"{year:04d}-{month:02d}"
    assert _value(slot).precision == "month"
