"""Generic entries that name no one body: collectives beyond ``loaders.units.is_collective``.

The extractor marks the usual collective shapes (各有关单位, 各县(市、区)政府,
…成员单位). A unit list also holds generic names that read like one body but stand
for every body of a kind:

- a lower-level government with no name: 乡镇人民政府, 街道办事处 in a county or
  district plan (in a town plan, 镇政府 is the town's own government);
- village and community bodies with no name: 村委会, 社区居委会, 村(社区);
- "every enterprise" forms: 区属国有企业, 辖区各企业, 重点企业;
- 各 inside a name: 县委县政府各部门, 区内各企业.

Examples
--------
>>> generic_collective("街道办事处", "district"), generic_collective("镇政府", "town")
(True, False)
>>> generic_collective("村委会", "county"), generic_collective("新华村村委会", "county")
(True, False)
>>> generic_collective("区属国有企业", "district"), generic_collective("莱钢集团", "city")
(True, False)
"""

from __future__ import annotations

import re

_RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "development_zone": 2, "town": 3}

_TOWNSHIP = re.compile(
    r"^(?:[省市区县])?(?:乡镇|镇街|镇乡|乡镇街道|镇\(街道\)|乡镇\(街道\))(?:人民政府|政府|办事处|街道办事处)?"
    r"(?:\(?(?:街道办事处|街道|办事处)\)?)?$"
)
_ONE_TOWNSHIP = re.compile(r"^(?:镇|乡|街道)(?:人民政府|政府|办事处|街道办事处|办)?$|^街道办事处$|^街道办$")
_VILLAGE = re.compile(
    r"^(?:行政村|村|社区|居委会|村委会|村民委员会|居民委员会|社区居委会|村居|村\(居\)|村\(社区\)|"
    r"村\(居\)委会|村\(社区\)委员会|村两委|村级组织|基层组织|村社)$"
)
_ENTERPRISES = re.compile(
    r"^(?:[省市区县镇乡](?:属|管|直))?(?:辖区|区内|县内|市内|全市|全区|全县)?(?:各类?)?"
    r"(?:国有|重点|规上|规模以上|骨干|龙头|相关|有关|广大|中小)?(?:工业)?企业(?:集团)?$"
)
_EACH = re.compile(r"各(?:有关|相关|级|类)?(?:部门|单位|企业|乡镇|镇|乡|街道|村|社区|园区|学校|医院|成员|机关)")


def generic_collective(simplified: str, plan_level: str | None) -> bool:
    """True when ``simplified`` (cleaned, simplified) stands for every body of a kind.

    Parameters
    ----------
    simplified : str
        The mention in matching form.
    plan_level : str or None
        The plan's own level: a bare 镇政府 or 街道办事处 is collective only in a plan
        above town level.
    """
    if _TOWNSHIP.match(simplified) or _VILLAGE.match(simplified) or _ENTERPRISES.match(simplified):
        return True
    if _EACH.search(simplified):
        return True
    return _RANK.get(plan_level or "", 0) < _RANK["town"] and bool(_ONE_TOWNSHIP.match(simplified))
