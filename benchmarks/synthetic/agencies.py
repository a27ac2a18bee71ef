"""Agency name pools per level, with abbreviations, variants and the 2018 reform.

Each function has name variants before and after the 2018 institutional reform (质监局,
工商局 and 食药监局 merged into 市场监管局; 国土资源局 into 自然资源和规划局; ...), per
level class: ``prov`` (省…厅), ``city`` (市…委/局), ``county`` (区/县…局) and ``zone``
(development-zone bodies, usually without a place prefix, so 市场监管局 there is a word,
not a city prefix). Names are templates: ``{p}`` is the level prefix (省/市/区/县),
``{s}`` the stem of the city (供电公司, 海关 and other non-government bodies).
"""

from __future__ import annotations

import random

PREFIX = {"province": "省", "city": "市", "district": "区", "county": "县", "development_zone": ""}

# code: {class: (pre-reform variants, post-reform variants)}; "county" falls back to "city"
# and "prov" to "city" with 局 -> 厅 when absent. Empty tuple = the function does not exist then.
FUNCTIONS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "dev_reform": {"city": (("发改委", "发展改革委", "发展和改革委员会"),) * 2,
                   "county": (("发改局", "发展改革局", "发展和改革局"),) * 2},
    "industry": {"city": (("经信委", "经济和信息化委员会"), ("经信局", "经济和信息化局", "工信局")),
                 "county": (("经信局", "经济和信息化局"), ("经信局", "经济商务局", "工信局")),
                 "prov": (("经信委",), ("工业和信息化厅", "工信厅"))},
    "education": {"city": (("教育局",),) * 2},
    "science": {"city": (("科技局", "科学技术局"),) * 2},
    "public_security": {"city": (("公安局",),) * 2},
    "civil_affairs": {"city": (("民政局",),) * 2},
    "justice": {"city": (("司法局",),) * 2},
    "finance": {"city": (("财政局",),) * 2},
    "human_resources": {"city": (("人力社保局", "人社局", "人力资源和社会保障局"),) * 2,
                        "prov": (("人力资源社会保障厅", "人社厅"),) * 2},
    "land": {"city": (("国土资源局", "国土局"), ("自然资源和规划局", "自然资源局")),
             "prov": (("国土资源厅",), ("自然资源厅",))},
    "environment": {"city": (("环保局", "环境保护局"), ("生态环境局",)),
                    "prov": (("环境保护厅", "环保厅"), ("生态环境厅",))},
    "housing": {"city": (("住建局", "住房和城乡建设局", "建委"), ("住建局", "住房和城乡建设局")),
                "prov": (("住房城乡建设厅", "住建厅"),) * 2},
    "transport": {"city": (("交通运输局", "交通局"),) * 2},
    "water": {"city": (("水利局", "水务局"),) * 2},
    "agriculture": {"city": (("农业局", "农业经济局", "农委"), ("农业农村局",)),
                    "prov": (("农业厅",), ("农业农村厅",))},
    "commerce": {"city": (("商务局",),) * 2},
    "culture": {"city": (("文化局", "文广新局"), ("文化和旅游局", "文旅局", "文广旅体局")),
                "prov": (("文化厅",), ("文化和旅游厅",))},
    "tourism": {"city": (("旅游局", "旅委"), ("文化和旅游局",)),
                "prov": (("旅游局",), ("文化和旅游厅",))},
    "health": {"city": (("卫生计生委", "卫计委", "卫生和计划生育委员会"), ("卫生健康委", "卫健委")),
               "county": (("卫计局", "卫生计生局"), ("卫健局", "卫生健康局"))},
    "market": {"city": (("市场监管局",), ("市场监管局", "市场监督管理局"))},
    "quality": {"city": (("质监局", "质量技术监督局"), ())},
    "industry_commerce": {"city": (("工商局",), ())},
    "food_drug": {"city": (("食品药品监管局", "食药监局"), ())},
    "emergency": {"city": (("安监局", "安全生产监督管理局"), ("应急管理局", "应急局")),
                  "prov": (("安监局",), ("应急管理厅",))},
    "statistics": {"city": (("统计局",),) * 2},
    "audit": {"city": (("审计局",),) * 2},
    "forestry": {"city": (("林业局",), ("林业局", "林业和草原局"))},
    "sport": {"city": (("体育局",),) * 2},
    "veterans": {"city": ((), ("退役军人事务局",))},
    "medical_insurance": {"city": ((), ("医保局", "医疗保障局"))},
    "big_data": {"city": ((), ("大数据局", "大数据发展管理局")), "prov": ((), ("大数据局",))},
    "urban_management": {"city": (("城管局", "城市管理局"), ("城市管理局", "综合行政执法局"))},
    "admin_service": {"city": (("行政服务中心",), ("行政审批服务局", "政务服务管理局"))},
    "gov_office": {"city": (("政府办", "政府办公室"),) * 2, "prov": (("政府办公厅",),) * 2},
    "propaganda": {"city": (("委宣传部",),) * 2},
    "organisation": {"city": (("委组织部",),) * 2},
    "trade_union": {"city": (("总工会",),) * 2},
    "women": {"city": (("妇联",),) * 2},
    "science_assoc": {"city": (("科协",),) * 2},
}

# Bodies outside the government with the city's stem or no prefix (templates).
OUTSIDE = (("grid", "{s}供电公司"), ("customs", "{s}海关"), ("inspection", "{s}检验检疫局"),
           ("central_bank", "人民银行{s}中心支行"), ("banking", "{s}银保监分局"),
           ("youth_league", "团{p}委"), ("post", "{s}邮政管理局"))

ZONE_FUNCTIONS = {
    "economy": ("经济发展局", "经发局"), "finance": ("财政局", "财政金融局"),
    "planning": ("规划建设局", "规划建设管理局"), "social": ("社会事务局", "社会事业局"),
    "market": ("市场监管局", "市场监督管理局"), "emergency": ("安监局", "应急管理局"),
    "investment": ("招商局", "投资促进局"), "office": ("党政办公室", "管委办公室"),
    "science": ("科技创新局", "科技局"), "human_resources": ("组织人事部", "人力资源局"),
    "public_security": ("公安分局",), "environment": ("环保分局", "生态环境分局"),
    "land": ("国土资源分局", "自然资源分局"), "education": ("教育局", "教体局"),
}

COLLECTIVES = {
    "province": ("各市人民政府", "各设区市政府", "省直有关单位", "各有关单位"),
    "city": ("各县(市、区)政府", "各县(市、区)人民政府", "各县市区人民政府", "市级有关部门",
             "各有关单位", "相关职能部门"),
    "district": ("各镇、街道", "各街道办事处", "各镇(街道)", "区级有关部门", "各有关单位"),
    "county": ("各乡镇人民政府", "各乡镇(街道)", "县级有关部门", "各有关单位", "相关职能部门"),
    "development_zone": ("各镇、街道", "区直有关部门", "驻区有关单位", "各有关单位"),
}


def _variants(code: str, cls: str, post: bool) -> tuple[str, ...]:
    table = FUNCTIONS[code]
    if cls in table:
        pair = table[cls]
    elif cls == "prov":
        pair = tuple(tuple(v[:-1] + "厅" if v.endswith("局") and code not in ("statistics",) else v
                           for v in side) for side in table["city"])
    else:
        pair = table["city"]
    return pair[1] if post else pair[0]


class AgencyPool:
    """The agencies one plan names: a chosen variant per function, as written in that plan.

    ``names`` are specific bodies (strings as they appear in clauses); ``collectives``
    the vague entries a clause of that level may carry.
    """

    def __init__(self, rng: random.Random, jurisdiction, year: int, topic_short: str):
        level = jurisdiction.level
        post = year >= 2019 or (year == 2018 and rng.random() < 0.5)
        self.prefix = PREFIX[level]
        if level == "development_zone":
            self.prefix = "区" if rng.random() < 0.3 else ""
            codes = list(ZONE_FUNCTIONS)
            rng.shuffle(codes)
            self.names = [rng.choice(ZONE_FUNCTIONS[c]) if self.prefix == "" else self.prefix + rng.choice(ZONE_FUNCTIONS[c])
                          for c in codes[: rng.randint(7, len(codes))]]
        else:
            cls = {"province": "prov", "city": "city"}.get(level, "county")
            codes = [c for c in FUNCTIONS if _variants(c, cls, post)]
            rng.shuffle(codes)
            chosen = codes[: rng.randint(12, min(26, len(codes)))]
            seen: set[str] = set()
            self.names = []
            for code in chosen:
                name = self.prefix + rng.choice(_variants(code, cls, post))
                if name not in seen:
                    seen.add(name)
                    self.names.append(name)
            stem = jurisdiction.city.removesuffix("市") if jurisdiction.city else jurisdiction.stem
            for _, template in rng.sample(OUTSIDE, rng.randint(0, 3)):
                self.names.append(template.format(p=self.prefix, s=stem))
        head = self.prefix or "区"
        self.names.append(f"{head}{topic_short}工作领导小组办公室")
        self.collectives = list(COLLECTIVES[level]) + [f"{head}{topic_short}工作领导小组成员单位"]
        # A plan leans on a few bodies: weight the first ones (the plan's core agencies) higher.
        self.weights = [3.0 if i < 4 else 1.0 for i in range(len(self.names) - 1)] + [0.3]

    def pick_units(self, rng: random.Random, k: int) -> list[str]:
        """``k`` distinct specific bodies, core bodies more often first."""
        k = min(k, len(self.names))
        out: list[str] = []
        while len(out) < k:
            name = rng.choices(self.names, self.weights)[0]
            if name not in out:
                out.append(name)
        return out
