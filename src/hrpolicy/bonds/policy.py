"""The options of the bond engine and company bond schedules, as data.

:class:`BondPolicy` holds every point where published practice is split (courts and scholars
differ): the defaults follow the statute and prevailing court practice, each can be switched
explicitly, and every settlement reports the options it ran under in its first explanation
step.

:class:`ServiceSchedule` is a company's own rule for how long a training of a given cost
binds the employee — a :class:`~hrpolicy.core.bands.BandTable` from cost to years. Each
training is looked up on its own cost: two trainings in one year are two bonds, never one
merged cost (LCL Art. 22(2)).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from hrpolicy.bonds.model import ServiceLength, StartRule
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.choice import Choice
from hrpolicy.core.errors import PolicyDefinitionError
from hrpolicy.core.fields import Text, policy_checked, typed_fields
from hrpolicy.core.label import Label
from hrpolicy.core.options import departures, options_label
from hrpolicy.core.span import Rounding, TimeUnit

__all__ = [
    "DOMAIN_COST_SCHEDULE",
    "BondPolicy",
    "MutualAgreementRule",
    "ProbationRule",
    "Region",
    "ServiceSchedule",
]


class ProbationRule(Choice):
    """An employee who quits during probation: owes nothing (``EXEMPT``, the default) or
    owes the capped amount (``CAPPED``). Either way the point is flagged as contested."""

    EXEMPT = "exempt"
    CAPPED = "capped"


class MutualAgreementRule(Choice):
    """Leaving by mutual agreement (LCL 36): owes nothing unless the separation agreement
    expressly settles the bond (``EXEMPT_UNLESS_SETTLED``, the default), or owes the capped
    amount regardless (``CAPPED``)."""

    EXEMPT_UNLESS_SETTLED = "exempt_unless_settled"
    CAPPED = "capped"


class Region(Choice):
    """Where the employment is. ``SHANGHAI`` lets special-operation safety-certificate
    training carry a bond — the only regional switch."""

    GENERAL = "general"
    SHANGHAI = "shanghai"


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ServiceSchedule:
    """A company schedule: training cost → years of service (a band table of whole years).
    ``clause`` names the company rule that adopts it; the step that reads it cites it."""

    table: BandTable
    name: Text = "service schedule"
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        for index, band in enumerate(self.table.bands):
            if band.value < 0 or band.value != band.value.to_integral_value():
                raise PolicyDefinitionError(
                    f"ServiceSchedule.table.bands[{index}].value",
                    "a whole number of years",
                    band.value,
                )
        if self.table.semantics is Semantics.INTERPOLATED:
            raise PolicyDefinitionError(
                "ServiceSchedule.table.semantics",
                "a step table (whole years), not interpolated",
                self.table.semantics,
            )

    def years_for(self, cost: Decimal | Fraction) -> int:
        """Years of service for a training of ``cost`` (``NotCoveredError`` if no band)."""
        return int(self.table.value_at(cost))

    def length_for(self, cost: Decimal | Fraction) -> ServiceLength:
        """The service length for a training of ``cost``."""
        return ServiceLength(years=self.years_for(cost))


#: A company cost schedule found in practice: ≤2,000 → 1 year; ≤5,000 → 2; ≤10,000 → 3;
#: ≤15,000 → 4; ≤20,000 → 5; ≤50,000 → 8. Costs above 50,000 are not covered.
DOMAIN_COST_SCHEDULE = ServiceSchedule(
    table=BandTable.from_thresholds(
        [0, 2000, 5000, 10000, 15000, 20000, 50000],
        [1, 2, 3, 4, 5, 8],
        closed=Side.UPPER,
        first_closed=False,
        semantics=Semantics.WHOLE,
        name="training cost → years",
    ),
    name="cost schedule (DOMAIN §1)",
)


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class BondPolicy:
    """Every switchable default of the bond engine.

    It covers measuring service, training cost, exit grounds and eligibility:

    - ``unit`` — service counted in months (default), years or days;
    - ``rounding`` — a partial unit served: nearest (default; 15 days of a month, 6 months
      of a year count as whole), floor, ceil or exact;
    - ``start_convention`` — the start when the agreement is silent: the day after the
      training ends (default);
    - ``include_offjob_training_wages`` — count wages paid during full-time off-job
      training as cost (default no; contested, flagged when on);
    - ``include_living_subsidy`` — count a living subsidy paid during off-site training
      (生活补贴) as a direct training cost (default no: it is in the nature of an allowance,
      and the default reading of Regs 16 treats allowances as wage-like, not as training
      cost; contested, flagged when on). Either way it still needs a voucher
      and the employer as payer;
    - ``probation`` — an employee who quits in probation owes nothing (default) or the cap;
    - ``mutual_agreement`` — leaving by mutual agreement owes nothing unless the separation
      agreement settles the bond (default), or the cap;
    - ``region`` — ``SHANGHAI`` lets special-operation certificate training carry a bond;
    - ``schedule`` — an optional company cost → years schedule to check agreements against.
    """

    unit: TimeUnit = TimeUnit.MONTHS
    rounding: Rounding = Rounding.NEAREST
    start_convention: StartRule = StartRule.DAY_AFTER_TRAINING_ENDS
    include_offjob_training_wages: bool = False
    include_living_subsidy: bool = False
    probation: ProbationRule = ProbationRule.EXEMPT
    mutual_agreement: MutualAgreementRule = MutualAgreementRule.EXEMPT_UNLESS_SETTLED
    region: Region = Region.GENERAL
    schedule: ServiceSchedule | None = None
    name: str = ""

    def departures(self) -> tuple[str, ...]:
        """The statutory-interpretation options set away from the statutory defaults, as
        ``option=value`` (the company schedule is company data, not such an option)."""
        fields = [f.name for f in attrs.fields(BondPolicy) if f.name not in ("schedule", "name")]
        return departures(self, _DEFAULTS, fields, lower=True)

    def summary(self) -> Label:
        """``statutory defaults``, or the options that depart from them, in both languages."""
        default = Label(zh_CN="法定默认选项", en="statutory defaults")
        return options_label(self.departures(), name=self.name, default=default)


_DEFAULTS = BondPolicy()
