"""Generic entries that name no one body: collectives beyond ``loaders.units.is_collective``.

The extractor marks the usual collective shapes (各有关单位, 各县(市、区)政府,
…成员单位). A unit list also holds generic names that read like one body but stand
for every body of a kind:

- a lower-level government with no name: 乡镇人民政府, 街道办事处 in a county or
  district plan (in a town plan, 镇政府 is the town's own government);
- village and community bodies with no name: 村委会, 社区居委会, 村(社区);
- "every enterprise" forms: 区属国有企业, 辖区各企业, 重点企业;
- every lower government or every body of a kind: 县(市、区)人民政府, 县级人民政府,
  行业主管部门, 属地政府, 驻泰单位;
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
    r"^(?:[省市区县旗])?(?:苏木乡镇|苏木|乡镇|镇街|镇乡|乡镇街道|镇\(街道\)|乡镇\(街道\))(?:人民政府|政府|办事处|街道办事处)?"
    r"(?:\(?(?:街道办事处|街道|办事处)\)?)?$"
)
_ONE_TOWNSHIP = re.compile(r"^(?:镇|乡|街道)(?:人民政府|政府|办事处|街道办事处|办)?$|^街道办事处$|^街道办$")
_VILLAGE = re.compile(
    r"^(?:嘎查村|嘎查|行政村|村|社区|居委会|村委会|村民委员会|居民委员会|社区居委会|村居|村\(居\)|村\(社区\)|"
    r"村\(居\)委会|村\(社区\)委员会|村两委|村级组织|基层组织|村社)$"
)
_ENTERPRISES = re.compile(
    r"^(?:[省市区县镇乡](?:属|管|直))?(?:辖区|区内|县内|市内|全市|全区|全县)?(?:各类?)?"
    r"(?:国有|重点|规上|规模以上|骨干|龙头|相关|有关|广大|中小)?(?:工业)?企业(?:集团)?$"
)
# 县(市、区)人民政府, 县市区政府, 县级人民政府: every lower government at once.
_LOWER_GOVERNMENTS = re.compile(
    r"^(?:县市区|县区|区县|市县|市区|县市|县\(市、?区?\)|县\(市\)|县\(区\)|区\(县\)|区\(市\)|市\(县\)|市\(区\)|"
    r"市、县\(区\)|市、县|县、区|[省市县区乡镇]级|试点县(?:市区)?|属地)(?:人民)?政府$"
)
_KINDS = re.compile(r"^(?:地|盟|州|旗|自治区)直(?:各|有关|相关)?(?:部门|单位)|^(?:行业|各行业|业务|职能|监管|行业主管|主管|属地)(?:部门|单位|机构)$|^驻.{0,8}(?:单位|机构)$|^属地")
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
    if any(rx.match(simplified) for rx in (_TOWNSHIP, _VILLAGE, _ENTERPRISES, _LOWER_GOVERNMENTS, _KINDS)):
        return True
    if _EACH.search(simplified):
        return True
    return _RANK.get(plan_level or "", 0) < _RANK["town"] and bool(_ONE_TOWNSHIP.match(simplified))
