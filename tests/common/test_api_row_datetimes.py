"""Dates and times of the API lists built from rows (common.api.rows.Flat): DRF's own DateTimeField text, in the
active time zone, for any moment (microseconds, before 1970, far ahead, around a change of summer time)."""

import datetime
import zoneinfo

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from rest_framework import serializers

from common.api.rows import Flat


class _Moments(serializers.Serializer):
    at = serializers.DateTimeField()
    due = serializers.DateTimeField(allow_null=True)
    in_paris = serializers.DateTimeField(default_timezone=zoneinfo.ZoneInfo("Europe/Paris"))
    as_text = serializers.DateTimeField(format="%d/%m/%Y %H:%M")


MOMENTS = Flat(_Moments, ["at", "due", "in_paris", "as_text"])
ZONES = ["UTC", "Europe/Paris", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham"]
aware = st.datetimes(
    min_value=datetime.datetime(1900, 1, 2), max_value=datetime.datetime(9999, 12, 30), timezones=st.timezones()
)


@given(aware, st.one_of(st.none(), aware), st.sampled_from(ZONES))
def test_a_row_is_written_as_the_serializer_writes_it(at, due, zone):
    row = {"at": at, "due": due, "in_paris": at, "as_text": at}
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        assert MOMENTS(row) == dict(_Moments(row).data)


@given(st.datetimes(min_value=datetime.datetime(1900, 1, 2), max_value=datetime.datetime(9999, 12, 30)))
def test_a_time_without_a_zone_is_the_serializers_too(at):
    with timezone.override(zoneinfo.ZoneInfo("Europe/Paris")):
        assert MOMENTS({"at": at, "due": None, "in_paris": at, "as_text": at}) == dict(
            _Moments({"at": at, "due": None, "in_paris": at, "as_text": at}).data
        )
