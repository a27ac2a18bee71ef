"""Name shapes that place a body somewhere other than its prefix says.

- **System-prefixed vertical bodies**: 国网泰州供电公司, 国家税务总局广州市天河区税务局,
  人行南昌中心支行, 国家金融监督管理总局泰州监管分局. The system name comes first; the
  place after it is where the body sits.
- **Place-named branches**: 市生态环境局天河分局, 市公安局天河区分局, 市自然资源和规划局
  开发区分局. The branch serves the place named before 分局, so it is the same agency as
  区生态环境分局 in that district's own plan.
- **Development zones**: 娄底经开区, 万宝新区管委会, 县工业园管委会 name a zone's
  administrative committee; the zone is its own jurisdiction (level
  ``development_zone``) under the city or county it lies in. 高新区财政局 is that
  zone's finance bureau.
- **Field units** (支队, 大队, 所, 站) of a bureau are told apart by name, without
  the parent bureau's name (市公安局交通警察支队 = 市交警支队 ≠ 市公安局治安支队).

Examples
--------
>>> system_prefix("国网泰州供电公司"), system_prefix("市供电公司")
('国网', None)
>>> placed_branch("生态环境局天河分局")
('生态环境局', '天河')
>>> zone_part("万宝新区管委会"), zone_part("经开区"), zone_part("园区办")
('万宝新区', '经开区', None)
>>> is_generic_zone("经济开发区"), is_generic_zone("万宝新区")
(True, False)
"""

from __future__ import annotations

import re

_SYSTEM = re.compile(
    r"^(?:国家电网有限公司|国家电网|国网|国家税务总局|中国人民银行|人民银行|人行|国家金融监督管理总局|金融监管总局|"
    r"中国银保监会|中国银监会|国家统计局|国家外汇管理局|中国电信股份有限公司|中国电信|中国移动通信集团|中国移动|"
    r"中国联通|中国铁塔|中国邮政集团有限公司|中国邮政集团公司|中国邮政|中国烟草总公司|武警|中国石化|中国石油)"
)
_BRANCH = re.compile(r"^(.+?(?:局|委|厅))(.{1,12}?)分局$")
_ZONE_WORD = (r"(?:经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|开发区|经开区|高新区|新区|"
              r"高新技术产业园区|现代农业园区|农业园区|物流园区|科技园区|产业园区|产业集聚区|工业集中区|经济区|工业园区|"
              r"园区|工业园|产业园|试验区|示范区|综合保税区|保税区|综保区|工业区|集聚区|商务区|功能区|合作区|度假区|"
              r"旅游区|物流园|科技园|科学城|科技城|港区|新城|风景名胜区|名胜区|风景区|景区)")
_ZONE = re.compile(r"^(.*?" + _ZONE_WORD + r")(?:(?:党工委|工委)?(?:管委会|管理委员会|管委)|管理局|管理办公室|管理服务中心|管理处)?$")
_GENERIC_ZONE = re.compile(r"^(?:国家级|省级)?" + _ZONE_WORD + "$")
_ZONE_BODY = re.compile(r"^(.{0,12}?" + _ZONE_WORD + r")(?:管委会|管理委员会|管委|党工委)?(.{2,})$")
_UNIT = re.compile(r"(?:支队|大队|中队|总队|所|站)$")
_UNIT_PARENT = re.compile(r"^(?:.{1,10}?局|公安)(?=.{2,}$)")
_UNIT_WORDS = (("交通警察", "交警"), ("交通巡逻警察", "交巡警"), ("消防救援", "消防"))


def system_prefix(simplified: str) -> str | None:
    """The national system name a vertical body's name opens with (国网, 国家税务总局), or None."""
    m = _SYSTEM.match(simplified)
    return m.group() if m and len(simplified) > m.end() else None


def placed_branch(core: str) -> tuple[str, str] | None:
    """``(parent bureau, place)`` for a branch named after the place it serves, else None."""
    m = _BRANCH.match(core)
    return (m.group(1), m.group(2)) if m else None


def zone_part(core: str) -> str | None:
    """The zone's name in a zone committee's core name (万宝新区管委会 -> 万宝新区), or None."""
    m = _ZONE.match(core)
    return m.group(1) if m else None


def zone_body(core: str) -> tuple[str, str] | None:
    """``(zone, body)`` for a body of a named zone (高新区财政局, 万宝新区社会事务局), else None.

    The caller checks that ``body`` is itself a body name.
    """
    m = _ZONE_BODY.match(core)
    return (m.group(1), m.group(2)) if m else None


def unit_core(core: str) -> str:
    """A field unit's name without its parent bureau and with the usual short words.

    市公安局交通警察支队, 市公安交警支队 and 市交警支队 are one unit; 治安支队 another.

    >>> unit_core("公安局交通警察支队"), unit_core("公安交警支队"), unit_core("公安局治安支队")
    ('交警支队', '交警支队', '治安支队')
    """
    if not _UNIT.search(core):
        return core
    core = _UNIT_PARENT.sub("", core)
    for long, short in _UNIT_WORDS:
        core = core.replace(long, short)
    return core


_SOCIETY = re.compile(r"(?:协会|学会|研究会|促进会|总会|商会|联合会|联谊会|基金会)$")


def is_society(core: str) -> bool:
    """True for a society's name (律师协会, 体育总会, 银行业协会): an association, whatever its field."""
    return bool(_SOCIETY.search(core))


def is_committee(core: str) -> bool:
    """True for a bare committee name (管委会, 管理委员会): the zone's own administration."""
    return core in ("管委会", "管理委员会", "管委", "工委管委会", "党工委管委会")


def is_generic_zone(name: str) -> bool:
    """True when ``name`` is only a zone word (开发区, 经开区), naming no zone in particular."""
    return bool(_GENERIC_ZONE.match(name))
