import pytest

from commitments.models import StandardRequirement

pytestmark = pytest.mark.django_db


def test_the_minimum_requirements_of_the_2021_standards_are_loaded():
    minimum = StandardRequirement.objects.filter(version="2021", is_minimum=True)
    assert list(minimum.values_list("code", flat=True)) == ["1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1"]
    assert minimum.get(code="4.1").phase == "co_creation"
    assert "six months" in minimum.get(code="1.1").text and minimum.get(code="1.1").text_fr


def test_the_2017_standards_table_is_loaded():
    codes = set(StandardRequirement.objects.filter(version="2017").values_list("code", flat=True))
    assert {"1a", "2b", "4e", "5a"} <= codes and len(codes) == 17
