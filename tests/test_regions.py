from models import regions


def test_official_list_counts():
    assert len(regions.provinces()) == 38
    assert len([r for r in regions.all_regions() if not r.is_province]) == 514


def test_bangka_belitung_has_seven_kabkota():
    names = [r.name for r in regions.kabkota_of("19")]
    assert len(names) == 7 and "Kabupaten Bangka" in names
    assert regions.province_of("19.01").name == "Kepulauan Bangka Belitung"
