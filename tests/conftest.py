"""Test-suite settings: hypothesis runs without deadlines (CI machines vary in speed) and
prints the blob needed to reproduce any failure."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "hrpolicy",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("hrpolicy")

#: A downstream project run on its own, under its own pytest.ini, by
#: tests/documents/test_pytest_plugin.py: this suite does not collect its tests.
collect_ignore = ["downstream"]
