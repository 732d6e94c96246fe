"""Courts the system knows by code (法院代字), so a timeline may omit ``court_name``.

The codes follow the SPC case-number rules: province abbreviation + the GB/T 2260 digits of the
prefecture (intermediate court, 2 digits) or county (basic court, 4 digits).
"""

KNOWN_COURTS: dict[str, str] = {
    "粤01": "广东省广州市中级人民法院",
    "粤0114": "广州市花都区人民法院",
    "粤0117": "广州市从化区人民法院",
    "鄂06": "湖北省襄阳市中级人民法院",
    "鄂0683": "枣阳市人民法院",
    "琼02": "海南省三亚市中级人民法院",
    "鲁02": "山东省青岛市中级人民法院",
    "鲁0283": "平度市人民法院",
    "浙02": "浙江省宁波市中级人民法院",
    "浙0205": "宁波市江北区人民法院",
    "浙0211": "宁波市镇海区人民法院",
    "浙11": "浙江省丽水市中级人民法院",
    "浙1122": "缙云县人民法院",
    "黑01": "黑龙江省哈尔滨市中级人民法院",
}


def known_court_name(code: str) -> str | None:
    """The full name of the court with this code, if the system knows it."""
    return KNOWN_COURTS.get(code)
