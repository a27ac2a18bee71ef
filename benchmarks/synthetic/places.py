"""A seeded national tree of jurisdictions: provinces, prefecture cities, districts,
counties and development zones, each with its parent.

Province names are the real ones (they are public geography, not agency data); city,
district, county and zone names are made up from common place-name characters, so the
corpus never copies a real plan's places.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PROVINCES = (
    "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省",
    "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区",
)

# Characters common in Chinese place names; two of them make a plausible name stem.
_STEM_CHARS = (
    "安宁平江山阳城东西南北新华兴德昌清泉林河湖海宝金丰长永和华通临川州源台石龙凤"
    "云溪桥庄岭峰泰定武文广化嘉绍湘潭岳衡益娄沅澧汉襄荆宜恩黄随孝咸鄂赣吉抚饶萍"
    "信瑞鹰潭景德洪泽淮盐宿连徐邳沭睢灌滨沂莒蒙费郯兰陵邹滕峄薛"
)

# How many plan slots each jurisdiction gets per round: higher levels issue more plans each.
N_COMBOS = 540  # topics x title kinds x years, see benchmarks.synthetic.prose.title_combo
SLOTS = {"province": 6, "city": 3, "district": 1, "county": 1, "development_zone": 1}


@dataclass(frozen=True)
class Jurisdiction:
    """One place in the tree. ``stem`` is the name without its suffix (嘉兴 for 嘉兴市)."""

    name: str
    level: str
    parent: str | None
    stem: str
    province: str
    city: str | None = None


class JurisdictionTree:
    """Provinces → ~11 prefecture cities each → ~9 districts/counties and a zone or two.

    Built once from ``seed`` (a few thousand small objects: constant memory whatever
    the corpus size); ``schedule(index)`` places plan ``index``. Level shares of plans
    follow the tree and ``SLOTS``: about 4% province, 22% city, 67% district/county, 7% zone.
    """

    def __init__(self, seed: int = 0, cities_per_province: int = 11, counties_per_city: int = 9):
        rng = random.Random(f"places:{seed}")
        used: set[str] = set()
        self.by_level: dict[str, list[Jurisdiction]] = {lv: [] for lv in SLOTS}
        for prov in PROVINCES:
            pstem = prov.removesuffix("省")
            for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区"):
                pstem = pstem.removesuffix(suffix)
            p = Jurisdiction(prov, "province", None, pstem, prov)
            self.by_level["province"].append(p)
            for _ in range(rng.randint(cities_per_province - 3, cities_per_province + 3)):
                cstem = self._stem(rng, used)
                c = Jurisdiction(cstem + "市", "city", prov, cstem, prov, cstem + "市")
                self.by_level["city"].append(c)
                for _ in range(rng.randint(counties_per_city - 3, counties_per_city + 3)):
                    stem = self._stem(rng, used)
                    if rng.random() < 0.45:
                        self.by_level["district"].append(Jurisdiction(stem + "区", "district", c.name, stem, prov, c.name))
                    else:
                        self.by_level["county"].append(Jurisdiction(stem + "县", "county", c.name, stem, prov, c.name))
                for _ in range(rng.choice((0, 1, 1, 2))):
                    kind = rng.choice(("经济技术开发区", "高新技术产业开发区", "火炬高技术产业开发区", "综合保税区", "新区"))
                    zname = cstem + kind if kind != "新区" else self._stem(rng, used) + "新区"
                    if zname in used:
                        continue
                    used.add(zname)
                    self.by_level["development_zone"].append(
                        Jurisdiction(zname, "development_zone", c.name, cstem, prov, c.name))
        order = [(j, q, SLOTS[j.level]) for lv in self.by_level for j in self.by_level[lv]
                 for q in range(SLOTS[j.level])]
        rng.shuffle(order)
        self._order = order
        self._offset = {j.name: rng.randrange(1 << 30) for lv in self.by_level for j in self.by_level[lv]}

    @staticmethod
    def _stem(rng: random.Random, used: set[str]) -> str:
        while True:
            stem = rng.choice(_STEM_CHARS) + rng.choice(_STEM_CHARS)
            if stem[0] != stem[1] and stem not in used:
                used.add(stem)
                return stem

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_level.values())

    def pick(self, rng: random.Random) -> Jurisdiction:
        """Draw any jurisdiction, weighted by its slots (for incidental names)."""
        return rng.choice(self._order)[0]

    def schedule(self, index: int, n_combos: int) -> tuple[Jurisdiction, int]:
        """The jurisdiction of plan ``index`` and its title combination number (< ``n_combos``).

        Plans cycle through every jurisdiction's slots in a seeded order, and a
        jurisdiction's successive plans take successive combinations from its own
        offset, so (jurisdiction, combination) never repeats while
        ``index < len(slots) * n_combos // max(SLOTS)``: every plan id is distinct.
        """
        jur, q, s = self._order[index % len(self._order)]
        rnd = index // len(self._order)
        return jur, (self._offset[jur.name] + rnd * s + q) % n_combos

    @property
    def capacity(self) -> int:
        """How many plans can be generated with distinct (jurisdiction, title)."""
        return len(self._order) * (N_COMBOS // max(SLOTS.values()))
