"""Function families: the ~140 function codes of the taxonomy (``loaders/data/functions.json``)
grouped into ten families of government work, each with one colour a reader can tell apart.

Network views colour agencies by family (a palette of ~50 function colours cannot be told
apart); the legend lists each family with the function codes of it present in the view.
A code missing here (a new taxonomy entry) falls into ``other`` and is listed as such; the
tests check that every code of the shipped taxonomy has a family.
"""

from __future__ import annotations

FAMILIES: dict[str, dict] = {
    "government": {"label": "government & general offices 政府综合", "colour": "#4e79a7", "codes": (
        "government", "government_office", "township_government", "community", "development_zone_admin",
        "leading_group_office", "coordination_office", "government_affairs_admin", "admin_approval",
        "public_resources_trading", "big_data", "letters_visits", "archives", "history_chronicles", "secrecy",
        "policy_research", "establishment", "foreign_affairs", "port_office", "cooperation_exchange",
        "overseas_chinese", "taiwan_affairs", "ethnic_religious", "liaison_office")},
    "party_mass": {"label": "Party, congress & mass organisations 党群", "colour": "#e15759", "codes": (
        "party_committee", "party_office", "propaganda", "cyberspace", "civilization_office", "organization", "veteran_cadres",
        "united_front", "political_legal", "discipline_inspection", "party_school", "people_congress", "cppcc",
        "trade_union", "youth_league", "women_federation", "disabled_federation", "federation_industry_commerce",
        "literature_art", "overseas_chinese_fed", "red_cross", "science_association", "social_sciences",
        "next_generation_care", "association")},
    "economy": {"label": "economy, finance & commerce 经济财政商务", "colour": "#f28e2b", "codes": (
        "development_reform", "price", "economy_it", "economy_services", "finance", "commerce",
        "investment_promotion", "service_industry", "grain", "supply_marketing", "statistics", "taxation",
        "state_tax", "local_tax", "audit", "soe_assets", "financial_office", "central_bank",
        "banking_insurance_regulation", "securities_regulation", "bank", "energy", "enterprise",
        "intellectual_property")},
    "market": {"label": "market regulation & inspection 市场监管", "colour": "#b07aa1", "codes": (
        "market_regulation", "quality_supervision", "industry_commerce", "food_drug", "consumer_protection",
        "customs", "inspection_quarantine", "technical_institute")},
    "infrastructure": {"label": "construction, transport & utilities 城建交通", "colour": "#9c755f", "codes": (
        "housing_construction", "housing_property", "housing_fund", "municipal_utilities", "urban_management",
        "transport", "transport_services", "water_services", "power_supply", "telecom", "postal", "maritime")},
    "environment": {"label": "natural resources & environment 资源环境", "colour": "#59a14f", "codes": (
        "water_resources", "ocean", "forestry", "ecology_environment", "environmental_protection",
        "land_resources", "urban_planning", "natural_resources", "meteorology", "earthquake")},
    "rural": {"label": "agriculture & rural affairs 农业农村", "colour": "#edc948", "codes": (
        "agriculture", "agriculture_services", "agriculture_rural", "rural_revitalization", "animal_husbandry",
        "tobacco")},
    "social": {"label": "health, labour & social affairs 卫健人社民政", "colour": "#76b7b2", "codes": (
        "health", "health_family_planning", "population_family_planning", "aging", "healthcare_security",
        "disease_control", "hospital", "civil_affairs", "human_resources", "hr_services", "veterans",
        "social_work")},
    "education_culture": {"label": "education, science & culture 教科文体", "colour": "#ff9da7", "codes": (
        "education", "school", "science_technology", "research_institute", "culture_tourism", "culture",
        "radio_television", "cultural_heritage", "tourism", "sports", "media")},
    "security_law": {"label": "public security, law & emergencies 政法应急", "colour": "#2f4b7c", "codes": (
        "public_security", "forest_police", "fire_rescue", "state_security", "justice", "legal_affairs", "court",
        "procuratorate", "emergency_management", "work_safety", "civil_defense", "armed_forces")},
}
OTHER = {"label": "other functions", "colour": "#d4a6c8"}
UNCLASSIFIED = {"label": "unclassified 未分类", "colour": "#8e8e8e"}
FAMILY_OF: dict[str, str] = {code: fam for fam, spec in FAMILIES.items() for code in spec["codes"]}


def family(code: str | None) -> str:
    """The family key of a function code: ``"unclassified"`` for none, ``"other"`` for an unknown code.

    >>> family("public_security"), family("unclassified"), family("a_new_code")
    ('security_law', 'unclassified', 'other')
    """
    if not code or code == "unclassified":
        return "unclassified"
    return FAMILY_OF.get(code, "other")


def family_spec(key: str) -> dict:
    """``{"label", "colour"}`` of a family key (including ``other`` and ``unclassified``)."""
    if key == "other":
        return OTHER
    if key == "unclassified":
        return UNCLASSIFIED
    return FAMILIES[key]
