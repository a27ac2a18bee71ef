"""Places: a small gazetteer (provinces, prefecture-level cities) and reading places from text.

The gazetteer serves to recognise a plan's parent jurisdiction (a county plan that
names 金华 sits under 金华市; a city plan citing 浙江省 documents sits under 浙江省) and
place names opening a unit (嘉兴检验检疫局). Names are simplified-script stems. General
geography, nothing here is keyed to a particular document. All functions read the
matching form of the text (``loaders.text``).

Examples
--------
>>> t = "浙江省嘉兴市南湖区质量提升方案"
>>> a, b = place_from(t, (0, len(t)))
>>> t[a:b], level_of(t[a:b]), level_of("威海火炬高技术产业开发区")
('南湖区', 'district', 'development_zone')
"""

from __future__ import annotations

import re
from collections import Counter

# province stem -> (full name, prefecture-level city stems)
PROVINCES: dict[str, tuple[str, str]] = {
    "北京": ("北京市", ""), "天津": ("天津市", ""), "上海": ("上海市", ""), "重庆": ("重庆市", ""),
    "河北": ("河北省", "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水"),
    "山西": ("山西省", "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁"),
    "内蒙古": ("内蒙古自治区", "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布"),
    "辽宁": ("辽宁省", "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛"),
    "吉林": ("吉林省", "长春 吉林 四平 辽源 通化 白山 松原 白城"),
    "黑龙江": ("黑龙江省", "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化"),
    "江苏": ("江苏省", "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁"),
    "浙江": ("浙江省", "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水"),
    "安徽": ("安徽省", "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城"),
    "福建": ("福建省", "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德"),
    "江西": ("江西省", "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶"),
    "山东": ("山东省", "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽"),
    "河南": ("河南省", "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店"),
    "湖北": ("湖北省", "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州"),
    "湖南": ("湖南省", "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底"),
    "广东": ("广东省", "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮"),
    "广西": ("广西壮族自治区", "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左"),
    "海南": ("海南省", "海口 三亚 三沙 儋州"),
    "四川": ("四川省", "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳"),
    "贵州": ("贵州省", "贵阳 六盘水 遵义 安顺 毕节 铜仁"),
    "云南": ("云南省", "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧"),
    "西藏": ("西藏自治区", "拉萨 日喀则 昌都 林芝 山南 那曲"),
    "陕西": ("陕西省", "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛"),
    "甘肃": ("甘肃省", "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南"),
    "青海": ("青海省", "西宁 海东"),
    "宁夏": ("宁夏回族自治区", "银川 石嘴山 吴忠 固原 中卫"),
    "新疆": ("新疆维吾尔自治区", "乌鲁木齐 克拉玛依 吐鲁番 哈密"),
}

CITIES: dict[str, str] = {}      # city stem -> province stem
for _prov, (_full, _cities) in PROVINCES.items():
    for _c in _cities.split():
        CITIES[_c] = _prov


def province_full(stem: str) -> str:
    """``浙江`` → ``浙江省``."""
    return PROVINCES[stem][0]


def city_full(stem: str) -> str:
    """``金华`` → ``金华市``."""
    return stem + "市"


_PLACE = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:高新技术产业开发区|经济技术开发区|高技术产业开发区|产业开发区|开发区|高新区|经开区|"
                    r"新区|自治区|自治州|自治县|省|市(?!场|政局|民)|县|区|旗|盟)")
_ZONE = re.compile(r"(?:开发区|高新区|经开区|新区|园区|试验区|产业园)$")
_GENERIC_STEM = set("全本我各该外分强城市县区省大小新老示开地社园景山片辖功能".replace("", " ").split())


def place_from(match: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Span of the most specific place opening ``match[span]`` (浙江省嘉兴市… → 嘉兴市), or None."""
    if not span:
        return None
    a, b = span
    lead_in = re.match(r"(?:中共|中国共产党)", match[a:b])
    if lead_in:  # 中共嘉兴市委办公室 ...: the party prefix is not part of the place
        a += lead_in.end()
    text = match[a:b]
    zone = re.match(r"[\u4e00-\u9fff]{2,24}?(?:高新技术产业开发区|经济技术开发区|高技术产业开发区|开发区|高新区|经开区|新区)", text)
    if zone and "关于" not in zone.group(0) and not re.search(r"[0-9]", zone.group(0)):
        return a, a + zone.end()
    pos, best = 0, None
    while True:
        m = re.match(r"([\u4e00-\u9fff]{1,10}?)(自治区|自治州|自治县|省|市(?!场|政局|民)|县|区|旗|盟)", text[pos:])
        if not m or "关于" in m.group(0) or m.group(1) in _GENERIC_STEM:
            break
        stem = m.group(1)
        if best is not None and not (stem in CITIES or stem in PROVINCES
                                     or (len(stem) == 2 and m.group(2) in ("区", "县", "旗"))):
            break  # 浙江省嘉兴市南湖区 nests; 义乌市质量强市 does not
        best = (a + pos, a + pos + m.end())
        pos += m.end()
    return best


def self_named_place(match: str, body_end: int) -> tuple[int, int] | None:
    """For a text that calls itself 我区/我县/我市: the place of that kind it names most (余杭区)."""
    text = match[:body_end]
    for suffix in ("区", "县", "市"):
        if text.count("我" + suffix) + text.count("全" + suffix) == 0:
            continue
        counts: Counter = Counter()
        first: dict[str, int] = {}
        for m in re.finditer(r"(?:^|(?<=[《“\s,。;:、(]))([\u4e00-\u9fff]{2})" + suffix, text, re.M):
            stem = m.group(1)
            if stem[0] in _GENERIC_STEM or stem[1] in _GENERIC_STEM or stem in CITIES:
                continue
            counts[stem] += 1
            first.setdefault(stem, m.start())
        scored = sorted(((text.count(s), s) for s in counts), reverse=True)
        if scored and scored[0][0] >= 3:
            stem = scored[0][1]
            return first[stem], first[stem] + 3
    return None


_BY_FIRST: dict[str, list[str]] = {}
for _stem in CITIES:
    _BY_FIRST.setdefault(_stem[0], []).append(_stem)
_FIRST_CHARS = re.compile("[" + "".join(sorted(_BY_FIRST)) + "]")


def mentioned_cities(text: str) -> set[str]:
    """Stems of the prefecture-level cities named anywhere in ``text`` (one pass)."""
    found: set[str] = set()
    for m in _FIRST_CHARS.finditer(text):
        pos = m.start()
        for stem in _BY_FIRST[m.group()]:
            if stem not in found and text.startswith(stem, pos):
                found.add(stem)
    return found


def level_of(name: str) -> str | None:
    """province / city / district / county / development_zone from a place name's suffix."""
    if _ZONE.search(name):
        return "development_zone"
    if name.endswith(("省", "自治区")) or name in {v[0] for v in PROVINCES.values()}:
        return "province" if not name.endswith("市") or name[:2] not in PROVINCES else "province"
    if name.endswith("市"):
        stem = name[:-1]
        if stem in CITIES or stem in PROVINCES or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", stem):
            return "city"
        return "county"  # a county-level city (义乌市): not a prefecture-level one
    if name.endswith(("自治州", "州", "盟", "地区")):
        return "city"
    if name.endswith("区"):
        return "district"
    if name.endswith(("县", "旗", "自治县")):
        return "county"
    return None


# Evidence of a 市's level in its own document. A prefecture-level city addresses its counties and
# districts (各县(市、区)人民政府, 各区人民政府, 各县市区); a county-level city its towns (各乡镇人民政府、街道办事处).
_CITY_CUE = re.compile(r"地级市|设区的?市|各(?:县|区|市辖区)[^,。:;\n]{0,8}?(?:人民政府|政府|管委会)|各县市区|各区县|各县区|县\(市、?区\)")
_COUNTY_CUE = re.compile(r"县级市|各(?:乡镇|乡|镇)[^,。:;\n]{0,6}?(?:人民政府|政府)|各乡镇|各镇(?:、|,)?街道")


def settle_level(name: str, level: str | None, front: str) -> str | None:
    """The level of a 市 outside the gazetteer of prefecture-level cities, from the document's evidence.

    ``level_of`` calls such a 市 ``county`` (a county-level city such as 义乌市). The
    front matter (title, 文号, salutation, preamble) can say otherwise: 县级市, or a
    salutation to towns (各乡镇人民政府、街道办事处) confirms ``county``; 地级市, or one to
    counties and districts (各县(市、区)人民政府, 各区人民政府) makes it ``city`` (a
    prefecture-level city missing from the list, e.g. one since merged or renamed).
    Any other place keeps the level from its suffix.

    Examples
    --------
    >>> settle_level("莱芜市", "county", "各区人民政府,市政府各部门:")
    'city'
    >>> settle_level("乐清市", "county", "各乡镇人民政府、街道办事处,市政府直属各单位:")
    'county'
    >>> settle_level("南湖区", "district", "各镇人民政府:")
    'district'
    """
    if level != "county" or not name.endswith("市"):
        return level
    city, county = len(_CITY_CUE.findall(front)), len(_COUNTY_CUE.findall(front))
    if "县级市" in front or county > city:
        return "county"
    return "city" if city > county else level


def parent_of(text: str, name: str, level: str | None) -> str | None:
    """The upper-level place of ``name`` that ``text`` names (a city's province, a county's city), or None."""
    if level == "province" or not level:
        return None
    if level == "county" and name.endswith("市"):
        cities = [c for c in mentioned_cities(text) if c not in name]
        return city_full(max(cities, key=lambda c: text.count(c + "市") * 10 + text.count(c))) if cities else None
    if level == "city":
        stem = name[:-1]
        home = CITIES.get(stem)
        mentioned = [p for p in PROVINCES if p in text and PROVINCES[p][1]]
        if home and home in mentioned:
            return province_full(home)
        if mentioned:
            return province_full(max(mentioned, key=lambda p: text.count(PROVINCES[p][0]) * 10 + text.count(p)))
        return None
    if level == "development_zone":
        inner = re.match(r"([\u4e00-\u9fff]{2,10}?(?:市(?!场)|县))", name)
        if inner:
            return inner.group(1)
        for stem in CITIES:
            if name.startswith(stem):
                return city_full(stem)
        return None
    cities = [c for c in mentioned_cities(text) if c not in name]
    cities += [p for p, (_, cs) in PROVINCES.items() if not cs and p in text]
    if not cities:
        return None
    best = max(cities, key=lambda c: text.count(c + "市") * 10 + text.count(c))
    return city_full(best)
