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
