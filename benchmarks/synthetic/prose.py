"""Plan prose: topics, titles, task sentences, framing paragraphs and web-page noise.

Sentences are assembled from verb/object pools per topic, so documents read like
plans of that kind without copying any real text.
"""

from __future__ import annotations

import random

# topic: (title stem, short name used in 领导小组 names, objects)
TOPICS = {
    "quality": ("质量提升三年行动计划", "质量强市", ("产品质量", "标准化工作", "品牌培育", "检验检测能力", "计量基础", "认证认可体系", "质量安全监管", "工程质量", "服务质量满意度")),
    "business": ("优化营商环境实施方案", "营商环境", ("审批流程", "市场准入", "企业开办", "不动产登记", "政务服务事项", "涉企收费", "信用监管", "中小企业融资")),
    "digital": ("数字经济发展行动计划", "数字经济", ("5G基站", "工业互联网平台", "数据中心", "智慧城市应用", "电子政务", "数字化转型", "数据共享交换")),
    "rural": ("乡村振兴战略实施方案", "乡村振兴", ("农村人居环境", "高标准农田", "农村集体经济", "特色农业产业", "农村公路", "乡村治理", "农民增收")),
    "ecology": ("生态环境保护工作方案", "生态文明建设", ("大气污染防治", "水环境治理", "土壤污染防治", "固体废物处置", "河长制", "生态修复", "节能减排")),
    "food": ("食品安全工作实施意见", "食品安全", ("食品生产许可", "农产品质量安全", "餐饮服务", "食品抽检", "校园食品安全", "农贸市场", "追溯体系")),
    "safety": ("安全生产专项整治三年行动实施方案", "安全生产", ("危险化学品", "道路交通安全", "消防安全", "建筑施工安全", "隐患排查治理", "应急救援能力", "企业主体责任")),
    "innovation": ("科技创新驱动发展实施意见", "科技创新", ("高新技术企业", "研发投入", "科技成果转化", "创新平台", "人才引进", "知识产权保护", "孵化载体")),
    "elderly": ("养老服务体系建设实施方案", "养老服务", ("居家养老服务", "养老机构", "医养结合", "护理人才", "养老服务设施", "老年人照护")),
    "fitness": ("全民健身实施计划", "全民健身", ("健身设施", "体育赛事活动", "社会体育指导员", "青少年体育", "体育产业", "公共体育场馆")),
}

VERBS = ("加强", "完善", "推进", "深化", "健全", "强化", "提升", "加快", "优化", "规范", "落实", "推动", "扩大", "夯实", "创新")
TAILS = ("建设", "工作", "体系", "机制", "管理", "水平", "能力", "服务", "监管", "试点")
MODIFIERS = ("全面", "持续", "积极", "进一步", "大力", "切实", "着力", "稳步", "有序", "统筹")
GENERIC = ("制度建设", "部门协同", "信息公开", "督查考核", "基层基础", "宣传引导", "资金保障", "人才队伍",
           "社会共治", "数据统计", "风险防控", "示范创建", "长效机制", "政策支持", "标准体系")
# Bracketed asides that are not clauses (traps for the extractor).
ASIDES = ("(试行)", "(QC)", "区(县)", "(GMP、GSP)", "(含)", "(以下简称“专项行动”)", "(ISO9001)", "(作坊)")
FRAMING = ("总体要求", "指导思想", "基本原则")
GOALS = ("主要目标", "工作目标", "总体目标")
ACTIONS = ("主要任务", "重点任务", "工作任务", "工作重点", "重要举措")
EXTRA_ACTIONS = ("重点工程", "重要举措", "重点项目")
STEPS = ("动员部署", "组织实施", "督查推进", "总结评估")
SAFEGUARDS = ("加强组织领导", "强化资金保障", "严格督查考核", "营造良好氛围", "加强队伍建设", "完善政策措施")
CN_NUM = "零一二三四五六七八九十"
YEARS = tuple(range(2015, 2024))
TITLE_KINDS = ("{stem}({y}—{y2}年)", "{y}年{short}工作要点", "{y}年{short}工作实施方案",
               "{y}年{short}专项行动方案", "{y}年深化{short}工作方案", "{y}年{short}工作任务分工方案")


def title_combo(k: int) -> tuple[str, str, int]:
    """Combination ``k`` (0 <= k < 540) of (topic key, title kind, year), a fixed bijection."""
    topics = sorted(TOPICS)
    t, rest = divmod(k, len(TITLE_KINDS) * len(YEARS))
    kind, y = divmod(rest, len(YEARS))
    return topics[t % len(topics)], TITLE_KINDS[kind], YEARS[y]


def plan_title(jurisdiction: str, topic_key: str, kind: str, year: int) -> str:
    stem, short, _ = TOPICS[topic_key]
    y2 = year + 2 if "三年" in stem else year + 3
    return jurisdiction + kind.format(stem=stem, short=short, y=year, y2=y2)


def cn(n: int) -> str:
    """Chinese numeral for 1..99 (一, 十, 十二, 二十三)."""
    if n <= 10:
        return CN_NUM[n] if n < 10 else "十"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUM[tens]) + "十" + (CN_NUM[ones] if ones else "")


def phrase(rng: random.Random, objects: tuple[str, ...]) -> str:
    obj = rng.choice(objects) if rng.random() < 0.7 else rng.choice(GENERIC)
    tail = rng.choice(TAILS)
    if obj.endswith(tail) or obj[-1] == tail[0]:
        tail = "工作" if not obj.endswith("工作") else "水平"
    return rng.choice(VERBS) + obj + tail


def heading(rng: random.Random, objects: tuple[str, ...]) -> str:
    return (rng.choice(MODIFIERS) if rng.random() < 0.4 else "") + phrase(rng, objects)


def sentence(rng: random.Random, objects: tuple[str, ...], year: int, aside_rate: float = 0.03) -> str:
    """One body sentence, ending in 。"""
    r = rng.random()
    if r < 0.18:
        pct = rng.randint(60, 99)
        s = f"到{year + rng.randint(1, 3)}年,{rng.choice(objects)}覆盖率达到{pct}%以上"
    elif r < 0.3:
        s = f"{rng.choice(MODIFIERS)}{phrase(rng, objects)},确保各项措施落到实处"
    else:
        s = ",".join(phrase(rng, objects) for _ in range(rng.randint(2, 4)))
    if rng.random() < aside_rate:
        s += rng.choice(ASIDES)
    return s + "。"


def body(rng: random.Random, objects: tuple[str, ...], year: int, n: int) -> str:
    return "".join(sentence(rng, objects, year) for _ in range(n))


def page_noise(rng: random.Random, site: str, page_date: str) -> list[str]:
    """Lines a web-page capture carries above the document."""
    lines: list[str] = []
    if rng.random() < 0.1:
        tag = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(5))
        lines += [f'<{t} id="{tag}"></{t}>' for t in rng.sample(("legend", "samp", "sup", "mark", "del", "track", "meter", "dl"), 4)]
    if rng.random() < 0.7:
        lines.append(rng.choice(("当前位置:", "您当前所在的位置:", "")) + f"首页 > 政务公开 > {rng.choice(('政策文件', '规划计划', '政府信息公开目录'))}")
    if rng.random() < 0.5:
        idx = "".join(rng.choice("0123456789") for _ in range(18))
        lines.append(f"索引号: {idx}/{page_date[:4]}-{rng.randint(1, 999):05d} 公开方式: 主动公开")
        lines.append(f"发布机构: {site} 生成日期: {page_date}")
    if rng.random() < 0.6:
        lines.append(f"发布日期:{page_date} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d} 信息来源:{site} 浏览次数:{rng.randint(10, 9999)}")
    if rng.random() < 0.3:
        lines.append("【字体:大 中 小】 分享到:")
    return lines


def trailing_noise(rng: random.Random, other_title: str) -> list[str]:
    if rng.random() < 0.4:
        return ["", rng.choice(("相关链接:", "上一篇:", "下一篇:")) + other_title, "【打印本页】【关闭窗口】"]
    return []
