"""Hypothesis strategies for hrpolicy's public domain types.

Install with ``pip install "hrpolicy[strategies]"``. Every strategy takes keyword-only
arguments, validates them, and generates only objects the library accepts — so a test
that uses them exercises behaviour, not input validation.

>>> from hypothesis import given
>>> from hrpolicy.strategies import amounts
>>> @given(amounts(max_value=100))
... def test_amounts_have_at_most_two_places(amount):
...     assert amount == amount.quantize(Decimal("0.01"))
>>> test_amounts_have_at_most_two_places()
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from hrpolicy.bonds.case import BondCase
from hrpolicy.bonds.model import (
    BenefitKind,
    BondAgreement,
    Clause,
    ClauseKind,
    Collection,
    CollectionMethod,
    CostCategory,
    CostItem,
    CostMultiple,
    Employment,
    ExitGround,
    FlatSum,
    Payer,
    PenaltyClause,
    PerLaw,
    PerUnservedUnit,
    ProRata,
    Provider,
    Regime,
    Separation,
    ServedTimeSchedule,
    ServiceLength,
    SpecialBenefit,
    StartRule,
    Training,
    TrainingKind,
)
from hrpolicy.bonds.policy import (
    DOMAIN_COST_SCHEDULE,
    BondPolicy,
    MutualAgreementRule,
    ProbationRule,
    Region,
)
from hrpolicy.collection.model import (
    CollectionInputs,
    CreditNote,
    Invoice,
    MatchingRule,
    Payment,
    Receivables,
    WriteOff,
)
from hrpolicy.collection.policy import (
    CollectionPolicy,
    CollectionVersion,
    DaysToCollect,
    ExpenseAdvance,
    FullCollection,
    MilestoneAward,
    MilestoneKind,
    OnInvoice,
    OverdueIndex,
    Proportional,
    ReleaseRule,
    RiskReserve,
    Staged,
)
from hrpolicy.commission.model import Credit, Deal, Measure, Period, PersonInputs
from hrpolicy.commission.plan import (
    Commission,
    Component,
    Condition,
    CustomerOverride,
    FixedPay,
    Frequency,
    Multiplier,
    OverListShare,
    Plan,
    PlanVersion,
    PoolShare,
    ProfitPool,
    Proration,
    TaskBase,
    Window,
)
from hrpolicy.core.bands import Band, BandTable, Semantics, Side
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.money import Rate
from hrpolicy.core.span import Rounding, TimeUnit
from hrpolicy.core.workcal import TableCalendar
from hrpolicy.reports.model import (
    SUMMARY_ITEMS,
    CallDay,
    IsoWeek,
    Item,
    ItemEntry,
    NextWeekPlan,
    PlannedVisit,
    Reference,
    Visit,
    WeeklyReport,
)
from hrpolicy.reports.model import Expense as ReportExpense
from hrpolicy.reports.scoring import (
    Assessed,
    Card,
    DeductionRule,
    Deductions,
    ScoreCard,
    WeeklyReports,
)
from hrpolicy.reports.validation import Deadline, ItemRule, ReportPolicy, Weekday

__all__ = [
    "amounts",
    "band_tables",
    "bond_agreements",
    "bond_cases",
    "bond_collections",
    "bond_policies",
    "clauses",
    "collection_inputs",
    "collection_policies",
    "collection_receivables",
    "commission_components",
    "commission_deals",
    "commission_plans",
    "consistent_separation",
    "cost_items",
    "credits",
    "dates",
    "employments",
    "iso_weeks",
    "penalty_clauses",
    "periods",
    "person_inputs",
    "rates",
    "report_policies",
    "score_cards",
    "separations",
    "service_lengths",
    "special_benefits",
    "table_calendars",
    "trainings",
    "weekly_reports",
]

_FIRST_DAY = date(2008, 1, 1)
_LAST_DAY = date(2040, 12, 31)


def _check_range(name: str, low: Any, high: Any) -> None:
    if low > high:
        raise InvalidValueError(f"{name}.max_value", f"a value at or above min_value {low}", high)


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 1_000_000
) -> st.SearchStrategy[Decimal]:
    """CNY amounts with at most two decimal places, between the bounds (inclusive)."""
    low, high = Decimal(min_value), Decimal(max_value)
    _check_range("amounts", low, high)
    cents_low = int((low * 100).to_integral_value(rounding="ROUND_CEILING"))
    cents_high = int((high * 100).to_integral_value(rounding="ROUND_FLOOR"))
    return st.integers(cents_low, cents_high).map(lambda cents: Decimal(cents).scaleb(-2))


def rates(*, min_value: Decimal | int = 0, max_value: Decimal | int = 1) -> st.SearchStrategy[Rate]:
    """Rates between the bounds written as percent, per mille or a plain fraction."""
    low, high = Decimal(min_value), Decimal(max_value)
    _check_range("rates", low, high)
    per_mille_low = int((low * 1000).to_integral_value(rounding="ROUND_CEILING"))
    per_mille_high = int((high * 1000).to_integral_value(rounding="ROUND_FLOOR"))

    def write(per_mille: int, notation: str) -> Rate:
        value = Decimal(per_mille).scaleb(-3)
        if notation == "%":
            return Rate.parse(f"{value.scaleb(2).normalize():f}%")
        if notation == "‰":
            return Rate.parse(f"{per_mille}‰")
        return Rate.parse(value)

    return st.builds(
        write, st.integers(per_mille_low, per_mille_high), st.sampled_from(["%", "‰", ""])
    )


def dates(*, min_value: date = _FIRST_DAY, max_value: date = _LAST_DAY) -> st.SearchStrategy[date]:
    """Dates between the bounds (inclusive)."""
    _check_range("dates", min_value, max_value)
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def band_tables(
    draw: st.DrawFn,
    *,
    semantics: Semantics | None = None,
    min_bands: int = 1,
    max_bands: int = 6,
    start: Decimal | int = 0,
    unbounded: bool | None = None,
    non_decreasing: bool = False,
) -> BandTable:
    """Valid band tables starting at ``start``: contiguous, with random boundary sides.

    ``non_decreasing`` makes every band's value (and interpolated end value) at least the
    previous one, as in a commission schedule with rising rates.
    """
    if not 1 <= min_bands <= max_bands:
        raise InvalidValueError(
            "band_tables.min_bands", f"1 ≤ min_bands ≤ max_bands ({max_bands})", min_bands
        )
    chosen = semantics if semantics is not None else draw(st.sampled_from(list(Semantics)))
    count = draw(st.integers(min_bands, max_bands))
    widths = draw(st.lists(st.integers(1, 50_000), min_size=count, max_size=count))
    open_end = draw(st.booleans()) if unbounded is None else unbounded
    values = draw(st.lists(st.integers(0, 200), min_size=2 * count, max_size=2 * count))
    if non_decreasing:
        values = sorted(values)
    bands: list[Band] = []
    lower = Decimal(start)
    for index in range(count):
        last = index == count - 1
        upper = None if last and open_end else lower + widths[index]
        upper_closed = upper is not None and draw(st.booleans())
        lower_closed = True if index == 0 else not bands[-1].upper_closed
        value = Decimal(values[2 * index]).scaleb(-3)
        end_value = None
        if chosen is Semantics.INTERPOLATED and upper is not None:
            end_value = Decimal(values[2 * index + 1]).scaleb(-3)
        bands.append(
            Band(
                lower=lower,
                upper=upper,
                lower_closed=lower_closed,
                upper_closed=upper_closed,
                value=value,
                end_value=end_value,
                rerate_below=chosen is Semantics.MIXED and index > 0 and draw(st.booleans()),
            )
        )
        if upper is not None:
            lower = upper
    return BandTable(bands=tuple(bands), semantics=chosen)


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.integers(0, 10_000).map(lambda n: f"{prefix}{n}")


def cost_items(
    *, id: str | None = None, max_amount: Decimal | int = 60_000
) -> st.SearchStrategy[CostItem]:
    """Cost items of any category, payer and voucher status."""
    return st.builds(
        CostItem,
        id=st.just(id) if id is not None else _ids("c"),
        category=st.sampled_from(list(CostCategory)),
        amount=amounts(max_value=max_amount),
        has_voucher=st.booleans(),
        paid_by=st.sampled_from(list(Payer)),
        shared_by=st.integers(1, 5),
    )


@st.composite
def trainings(
    draw: st.DrawFn,
    *,
    min_value: date = _FIRST_DAY,
    max_value: date = date(2036, 12, 31),
    kinds: tuple[TrainingKind, ...] | None = None,
    eligible_costs: bool = False,
    during_probation: bool | None = None,
) -> Training:
    """Trainings starting between the bounds. ``eligible_costs`` makes every cost a
    vouchered direct cost paid by the employer (so the recognised cost is their total)."""
    start = draw(dates(min_value=min_value, max_value=max_value))
    end = start + timedelta(days=draw(st.integers(0, 120)))
    count = draw(st.integers(1 if eligible_costs else 0, 4))
    costs = []
    for index in range(count):
        if eligible_costs:
            item = CostItem(
                id=f"c{index}",
                category=draw(st.sampled_from(list(CostCategory)[:8])),
                amount=draw(amounts(min_value=Decimal("0.01"), max_value=30_000)),
                has_voucher=True,
                paid_by=Payer.EMPLOYER,
                shared_by=draw(st.integers(1, 3)),
            )
        else:
            item = draw(cost_items(id=f"c{index}"))
        costs.append(item)
    return Training(
        id=draw(_ids("t")),
        kind=draw(st.sampled_from(kinds or list(TrainingKind))),
        provider=draw(st.sampled_from(list(Provider))),
        start=start,
        end=end,
        during_probation=draw(st.booleans()) if during_probation is None else during_probation,
        costs=tuple(costs),
        took_place=draw(st.booleans()) if not eligible_costs else True,
        full_time_off_job=draw(st.booleans()),
    )


@st.composite
def _served_time_schedules(draw: st.DrawFn) -> ServedTimeSchedule:
    unit = draw(st.sampled_from([TimeUnit.MONTHS, TimeUnit.YEARS]))
    count = draw(st.integers(1, 4))
    shares = sorted(
        draw(st.lists(st.integers(0, 100), min_size=count, max_size=count)), reverse=True
    )
    thresholds = sorted(draw(st.sets(st.integers(1, 60), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *thresholds]
    bands = tuple(
        Band(
            lower=Decimal(bounds[i]),
            upper=Decimal(bounds[i + 1]) if i + 1 < count else None,
            lower_closed=True,
            upper_closed=False,
            value=Decimal(shares[i]).scaleb(-2),
        )
        for i in range(count)
    )
    return ServedTimeSchedule(
        table=BandTable(bands=bands, semantics=Semantics.WHOLE),
        unit=unit,
        rounding=draw(st.sampled_from(list(Rounding))),
    )


def penalty_clauses() -> st.SearchStrategy[PenaltyClause]:
    """Every form of penalty clause, with plausible parameters."""
    units = st.sampled_from(list(TimeUnit))
    roundings = st.sampled_from(list(Rounding))
    return st.one_of(
        st.builds(FlatSum, amount=amounts(max_value=100_000)),
        st.builds(
            CostMultiple,
            multiple=st.sampled_from([Decimal(1), Decimal(2), Decimal(4), Decimal("0.5")]),
        ),
        st.builds(ProRata, unit=units, rounding=roundings),
        st.builds(
            PerUnservedUnit,
            rate=rates(min_value=Decimal("0.001"), max_value=Decimal("0.5")),
            unit=units,
            rounding=roundings,
        ),
        _served_time_schedules(),
        st.builds(PerLaw),
    )


def clauses(*, kinds: tuple[ClauseKind, ...] | None = None) -> st.SearchStrategy[Clause]:
    """Other clauses of an agreement (every one of them unlawful or void)."""
    return st.builds(
        Clause,
        kind=st.sampled_from(kinds or list(ClauseKind)),
        ref=st.sampled_from(["", "Art. 3", "第5条"]),
        amount=st.none() | amounts(max_value=5_000),
    )


def _clauses() -> st.SearchStrategy[tuple[Clause, ...]]:
    return st.lists(clauses(), max_size=3).map(tuple)


def service_lengths(*, max_years: int = 8) -> st.SearchStrategy[ServiceLength]:
    """Service lengths of at least one day and at most ``max_years`` years, 11 months, 30 days."""
    if max_years < 0:
        raise InvalidValueError("service_lengths.max_years", "0 or more", max_years)
    return (
        st.tuples(st.integers(0, max_years), st.integers(0, 11), st.integers(0, 30))
        .filter(any)
        .map(lambda ymd: ServiceLength(years=ymd[0], months=ymd[1], days=ymd[2]))
    )


def special_benefits() -> st.SearchStrategy[SpecialBenefit]:
    """Housing, car or hukou benefits, with or without a stated value."""
    return st.builds(
        SpecialBenefit,
        kind=st.sampled_from(list(BenefitKind)),
        value=st.none() | amounts(max_value=2_000_000),
    )


def bond_collections(*, max_amount: Decimal | int = 20_000) -> st.SearchStrategy[Collection]:
    """Money an employer took towards a penalty, by any method."""
    return st.builds(
        Collection,
        amount=amounts(max_value=max_amount),
        method=st.sampled_from(list(CollectionMethod)),
        on=st.none() | dates(),
    )


@st.composite
def bond_agreements(
    draw: st.DrawFn,
    *,
    training: Training | None = None,
    benefit: bool = False,
    without_training: bool = False,
    id: str | None = None,
    penalty: bool | None = None,
    other_clauses: bool = True,
    contract_start: date | None = None,
    not_before: date | None = None,
) -> BondAgreement:
    """Agreements for ``training`` (drawn if not given), for a special benefit
    (``benefit``), or for neither (``without_training``: a promotion or pay-rise bond).

    The agreement is signed around the end of the training, and its service period always
    ends after signing. It counts service from the contract start only when
    ``contract_start`` is given (that rule needs ``Employment.contract_start``). With
    ``not_before`` (a hire date) it is signed, and its service starts, no earlier.
    """
    chosen_training = None
    special = None
    if benefit and without_training:
        raise InvalidValueError(
            "bond_agreements.without_training", "False when benefit is True", without_training
        )
    if benefit or without_training:
        special = draw(special_benefits()) if benefit else None
        signed = draw(dates(min_value=not_before or _FIRST_DAY, max_value=date(2036, 12, 31)))
        rules = [StartRule.SIGNING]
    else:
        chosen_training = training if training is not None else draw(trainings())
        signed = chosen_training.end + timedelta(days=draw(st.integers(-30, 1)))
        signed = max(signed, chosen_training.start - timedelta(days=30), not_before or signed)
        rules = [StartRule.DAY_AFTER_TRAINING_ENDS, StartRule.TRAINING_START, StartRule.SIGNING]
    if contract_start is not None:
        rules.append(StartRule.CONTRACT_START)
    start_choice = draw(st.sampled_from(["silent", "rule", "date"]))
    start_rule = draw(st.sampled_from(rules)) if start_choice == "rule" else None
    start_date = (
        signed + timedelta(days=draw(st.integers(0, 60))) if start_choice == "date" else None
    )
    length = draw(service_lengths())
    # The earliest the service could start under the rule drawn; the period must reach
    # past the signing date, so lengthen it by whole years when it would not.
    earliest_start = min(
        day
        for day in (
            start_date,
            signed,
            chosen_training.start if chosen_training is not None else None,
            contract_start if start_rule is StartRule.CONTRACT_START else None,
        )
        if day is not None
    )
    while length.end_after(earliest_start) <= signed:
        length = ServiceLength(years=length.years + 1, months=length.months, days=length.days)
    has_penalty = draw(st.booleans()) if penalty is None else penalty
    return BondAgreement(
        id=id if id is not None else draw(_ids("A")),
        signed_on=signed,
        length=length,
        penalty=draw(penalty_clauses()) if has_penalty else None,
        training=chosen_training,
        benefit=special,
        start_rule=start_rule,
        start_date=start_date,
        clauses=draw(_clauses()) if other_clauses else (),
        stated_cost=draw(st.none() | amounts(max_value=60_000)),
    )


@st.composite
def employments(
    draw: st.DrawFn,
    *,
    hired_by: date = date(2030, 12, 31),
    regime: Regime | None = Regime.GENERAL,
) -> Employment:
    """Employments hired on or before ``hired_by``; ``regime=None`` draws any regime."""
    hired = draw(dates(min_value=date(2000, 1, 1), max_value=hired_by))
    contract_end = draw(
        st.none()
        | dates(min_value=hired + timedelta(days=365), max_value=hired + timedelta(days=365 * 12))
    )
    probation_end = draw(st.none() | st.integers(0, 180).map(lambda d: hired + timedelta(days=d)))
    if probation_end is not None and contract_end is not None:
        probation_end = min(probation_end, contract_end)
    contract_start = draw(
        st.none()
        | st.just(hired)
        | dates(min_value=hired, max_value=hired + timedelta(days=365 * 3))
    )
    if contract_start is not None and contract_end is not None:
        contract_start = min(contract_start, contract_end)
    return Employment(
        hire_date=hired,
        contract_end=contract_end,
        probation_end=probation_end,
        contract_start=contract_start,
        regime=draw(st.sampled_from(list(Regime))) if regime is None else regime,
    )


@st.composite
def separations(
    draw: st.DrawFn,
    *,
    min_value: date = _FIRST_DAY,
    max_value: date = _LAST_DAY,
    grounds: tuple[ExitGround, ...] | None = None,
) -> Separation:
    """Separations with a last day between the bounds."""
    ground = draw(st.sampled_from(grounds or list(ExitGround)))
    collections = draw(st.lists(bond_collections(), max_size=2))
    return Separation(
        last_day=draw(dates(min_value=min_value, max_value=max_value)),
        ground=ground,
        settles_bond=ground is ExitGround.MUTUAL_AGREEMENT and draw(st.booleans()),
        demanded=draw(st.none() | amounts(max_value=100_000)),
        collections=tuple(collections),
    )


def bond_policies() -> st.SearchStrategy[BondPolicy]:
    """Any combination of the policy's options. The start convention is drawn from the
    rules every case can apply (the contract-start rule needs ``Employment.contract_start``,
    which a generated case may lack)."""
    conventions = [StartRule.DAY_AFTER_TRAINING_ENDS, StartRule.TRAINING_START, StartRule.SIGNING]
    return st.builds(
        BondPolicy,
        unit=st.sampled_from(list(TimeUnit)),
        rounding=st.sampled_from(list(Rounding)),
        start_convention=st.sampled_from(conventions),
        include_offjob_training_wages=st.booleans(),
        probation=st.sampled_from(list(ProbationRule)),
        mutual_agreement=st.sampled_from(list(MutualAgreementRule)),
        region=st.sampled_from(list(Region)),
        schedule=st.sampled_from([None, DOMAIN_COST_SCHEDULE]),
    )


@st.composite
def bond_cases(
    draw: st.DrawFn,
    *,
    max_bonds: int = 3,
    policy: BondPolicy | None = None,
    eligible_only: bool = False,
) -> BondCase:
    """Consistent cases: every training and signature after the hire date, a separation
    on or after every signature, probation flags that agree with the dates (or are left
    for the engine to derive when the employment gives the last day of probation).

    ``eligible_only`` draws only employer-funded, vouchered professional-technical
    trainings with a penalty clause (no special benefits, no bonds without a training), so
    that most cases end in a computed amount.
    """
    if max_bonds < 1:
        raise InvalidValueError("bond_cases.max_bonds", "1 or more", max_bonds)
    employment = draw(employments(hired_by=date(2030, 12, 31)))
    count = draw(st.integers(1, max_bonds))
    agreements = []
    for index in range(count):
        # One in ten a special benefit, one in ten a promotion bond (neither), unless only
        # eligible training bonds are wanted.
        other = (
            "training"
            if eligible_only
            else draw(st.sampled_from(["training"] * 8 + ["benefit", "neither"]))
        )
        benefit = other == "benefit"
        training = None
        if other == "training":
            drawn = draw(
                trainings(
                    min_value=max(employment.hire_date, _FIRST_DAY),
                    max_value=date(2033, 12, 31),
                    kinds=(TrainingKind.PROFESSIONAL_TECHNICAL,) if eligible_only else None,
                    eligible_costs=eligible_only,
                )
            )
            flag: bool | None = False
            if employment.probation_end is not None:
                # Derivable from the dates: stated (consistently) or left to the engine.
                in_probation = drawn.start <= employment.probation_end
                flag = draw(st.sampled_from([None, in_probation]))
            training = attrs.evolve(drawn, id=f"T{index}", during_probation=flag)
        agreement = draw(
            bond_agreements(
                training=training,
                benefit=benefit,
                without_training=other == "neither",
                id=f"A{index}",
                penalty=True if eligible_only else None,
                contract_start=employment.contract_start,
                not_before=employment.hire_date,
            )
        )
        agreements.append(agreement)
    latest_signature = max(a.signed_on for a in agreements)
    if employment.contract_end is not None and employment.contract_end < latest_signature:
        # The contract on record is the one in force when the bonds were signed.
        employment = attrs.evolve(
            employment, contract_end=latest_signature + timedelta(days=draw(st.integers(0, 1500)))
        )
    earliest = max(latest_signature, employment.hire_date, _FIRST_DAY)
    horizon = timedelta(days=365 * (4 if eligible_only else 10))
    separation = draw(separations(min_value=earliest, max_value=earliest + horizon))
    named_deposits = sum(
        (
            c.amount
            for a in agreements
            for c in a.clauses
            if c.kind is ClauseKind.DEPOSIT and c.amount
        ),
        Decimal(0),
    )
    deposit_draws = sum(
        (
            c.amount
            for c in separation.collections
            if c.method is CollectionMethod.TAKEN_FROM_DEPOSIT
        ),
        Decimal(0),
    )
    collections = []
    for given in separation.collections:
        collection = given
        if (
            named_deposits
            and deposit_draws > named_deposits
            and collection.method is CollectionMethod.TAKEN_FROM_DEPOSIT
        ):
            # No more can be drawn from deposits than the agreements say were taken.
            collection = attrs.evolve(collection, method=CollectionMethod.PAID_BY_EMPLOYEE)
        on = None if collection.on is None else max(collection.on, employment.hire_date)
        collections.append(attrs.evolve(collection, on=on))
    separation = attrs.evolve(separation, collections=tuple(collections))
    return BondCase(
        agreements=tuple(agreements),
        employment=employment,
        separation=consistent_separation(separation, employment),
        policy=policy if policy is not None else draw(bond_policies()),
    )


def consistent_separation(separation: Separation, employment: Employment) -> Separation:
    """``separation`` with its ground made consistent with the employment: an exit at
    contract expiry falls on the contract's last day (else becomes a resignation), and a
    dismissal for failed probation happens in probation (else becomes a resignation)."""
    ground, last_day = separation.ground, separation.last_day
    if ground in (ExitGround.EXPIRY_EMPLOYER_NOT_RENEWING, ExitGround.EXPIRY_EMPLOYEE_REFUSES):
        end = employment.contract_end
        if end is None or end < last_day:
            ground = ExitGround.RESIGNATION
        else:
            last_day = end
    if ground is ExitGround.DISMISSAL_FAILED_PROBATION and (
        employment.probation_end is None or last_day > employment.probation_end
    ):
        ground = ExitGround.RESIGNATION
    return attrs.evolve(separation, ground=ground, last_day=last_day)


def table_calendars(*, year: int | None = None) -> st.SearchStrategy[TableCalendar]:
    """One-year table calendars with a few holidays, rest days and make-up workdays."""

    @st.composite
    def build(draw: st.DrawFn) -> TableCalendar:
        chosen_year = year if year is not None else draw(st.integers(2008, 2040))
        days = [date(chosen_year, 1, 1) + timedelta(days=n) for n in range(365)]
        weekdays = [d for d in days if d.weekday() < 5]
        weekends = [d for d in days if d.weekday() >= 5]
        holidays = draw(st.sets(st.sampled_from(days), max_size=10))
        rest = draw(st.sets(st.sampled_from(weekdays), max_size=5)) - holidays
        makeup = draw(st.sets(st.sampled_from(weekends), max_size=5)) - holidays
        return TableCalendar(
            name=f"random {chosen_year}",
            first_year=chosen_year,
            last_year=chosen_year,
            holidays=tuple(sorted(holidays)),
            rest_days=tuple(sorted(rest)),
            makeup_workdays=tuple(sorted(makeup)),
        )

    return build()


# --- commission ---------------------------------------------------------------------------


def periods(*, min_year: int = 2020, max_year: int = 2030) -> st.SearchStrategy[Period]:
    """Calendar months and years between the bounds."""
    _check_range("periods", min_year, max_year)
    return st.builds(
        Period, year=st.integers(min_year, max_year), month=st.none() | st.integers(1, 12)
    )


@st.composite
def commission_deals(
    draw: st.DrawFn,
    *,
    period: Period | None = None,
    owner: str = "li",
    max_amount: Decimal | int = 200_000,
) -> Deal:
    """Deals owned by ``owner`` inside ``period`` (a random month by default), with every
    fact a generated plan may read filled in: the amount, units, the named values
    ``"list"`` and ``"equipment"``, costs and collection."""
    chosen = period if period is not None else draw(periods())
    amount = draw(amounts(max_value=max_amount))
    cost = draw(amounts(max_value=amount))
    return Deal(
        deal_id=draw(_ids("D")),
        owner=owner,
        signed_on=draw(dates(min_value=chosen.first_day, max_value=chosen.last_day)),
        amount=amount,
        units=Decimal(draw(st.integers(0, 30))),
        values={
            "list": draw(amounts(max_value=max_amount)),
            "equipment": draw(amounts(max_value=amount)),
        },
        product_cost=cost,
        customer_expenses=draw(amounts(max_value=amount - cost)),
        internal_allocation=Decimal(0),
        collected=draw(amounts(max_value=amount)),
        customer=draw(st.none() | st.sampled_from(["ACME", "BETA"])),
        new_customer=draw(st.booleans()),
        self_developed_market=draw(st.booleans()),
        company_negotiated=draw(st.booleans()),
        approval=draw(st.none() | st.just("GM-1")),
    )


@st.composite
def commission_components(draw: st.DrawFn, *, component_id: str = "c") -> Component:
    """One component of any kind except expense allowances and draws (which refer to
    others); commission tables have rising rates and start at 0."""
    kind = draw(st.sampled_from(["commission", "fixed", "task", "over_list", "pool"]))
    if kind == "commission":
        table = draw(band_tables(unbounded=True, non_decreasing=True))
        # A separate basis needs a marginal table; "list" and "equipment" are values the
        # generated deals carry.
        bases = [None, Measure.SALES, "list", "equipment"]
        return Commission(
            component_id=component_id,
            name="提成",
            measure=draw(st.sampled_from([Measure.SALES, Measure.UNITS, "list"])),
            basis=draw(st.sampled_from(bases)) if table.semantics is Semantics.MARGINAL else None,
            table=table,
            window=draw(st.sampled_from(list(Window))),
            frequency=draw(st.sampled_from(list(Frequency))),
            multipliers=draw(
                st.lists(
                    st.builds(
                        Multiplier,
                        condition=st.sampled_from(list(Condition)),
                        factor=st.sampled_from([Decimal("1.1"), Decimal("1.5"), Decimal(2)]),
                    ),
                    max_size=3,
                    unique_by=lambda m: m.condition,
                ).map(tuple)
            ),
            overrides=draw(
                st.just(())
                | st.just(
                    (CustomerOverride(customer="ACME", factor=Decimal("0.5"), reference="签呈1"),)
                )
            ),
            settle_on_collection=draw(st.booleans()),
            clause="handbook",
        )
    if kind == "fixed":
        return FixedPay(
            component_id=component_id,
            name="工资",
            amount=draw(amounts(max_value=20_000)),
            score_linked=draw(st.booleans()),
        )
    if kind == "task":
        dealer_target = draw(st.integers(0, 5))
        prorations = [p for p in Proration if not (dealer_target and p is Proration.SALES)]
        return TaskBase(
            component_id=component_id,
            name="任务底薪",
            amount=draw(amounts(max_value=10_000)),
            sales_target=draw(amounts(min_value=1, max_value=100_000)),
            dealer_target=dealer_target,
            proration=draw(st.sampled_from(prorations)),
        )
    if kind == "over_list":
        return OverListShare(
            component_id=component_id,
            name="超价",
            share=draw(rates(min_value=Decimal("0.001"))),
            vat_rate=draw(st.none() | rates(max_value=Decimal("0.2"))),
        )
    first = draw(rates())
    second = Rate.parse(1 - first.value)
    return ProfitPool(
        component_id=component_id,
        name="利润提成",
        share=draw(rates(min_value=Decimal("0.001"))),
        shares=(PoolShare(role="manager", share=first), PoolShare(role="finance", share=second)),
    )


@st.composite
def commission_plans(draw: st.DrawFn, *, max_versions: int = 3) -> Plan:
    """Plans of one to ``max_versions`` consecutive yearly versions from 2024, each with
    one to three components (ids ``c0``, ``c1``…, kept consistent across versions)."""
    count = draw(st.integers(1, max_versions))
    kinds = draw(st.integers(1, 3))
    first = [draw(commission_components(component_id=f"c{i}")) for i in range(kinds)]
    versions = []
    # A version runs until replaced, or is closed on the day before the next one starts:
    # both say the same, and both are drawn.
    closed = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    for index in range(count):
        components = tuple(
            attrs.evolve(c, table=draw(_later_table(c)))
            if isinstance(c, Commission) and index
            else c
            for c in first
        )
        versions.append(
            PlanVersion(
                version=f"v{index + 1}",
                effective_from=date(2024 + index, 1, 1),
                effective_to=date(2024 + index, 12, 31)
                if index < count - 1 and closed[index]
                else None,
                components=components,
            )
        )
    return Plan(plan_id="generated", name="generated plan", versions=tuple(versions))


def _later_table(component: Commission) -> st.SearchStrategy[BandTable]:
    """A new table for a later version of ``component`` (marginal if it has a basis)."""
    separate = component.basis is not None and component.basis != component.measure
    semantics = Semantics.MARGINAL if separate else None
    return band_tables(semantics=semantics, unbounded=True, non_decreasing=True)


# --- collection ---------------------------------------------------------------------------


@st.composite
def collection_receivables(
    draw: st.DrawFn,
    *,
    year: int = 2024,
    max_invoices: int = 3,
    matching: MatchingRule | None = None,
    adjustments: bool = True,
) -> Receivables:
    """One customer's invoices to salesperson ``li`` in ``year`` (issued January–June),
    with payments, and — with ``adjustments`` — credit notes and write-offs, always
    consistent: per invoice, payments stay within 40 % of it and credit notes and write-offs
    within 20 % each (write-offs only where an invoice's payments are its own), so no
    payment exceeds what is owed and no write-off what is open.
    Under ``BY_INVOICE`` each payment names its invoice and may leave out the customer
    (the rule reads it from the invoice); the other rules need the customer."""
    if not 1 <= max_invoices <= 10:
        raise InvalidValueError("collection_receivables.max_invoices", "1 to 10", max_invoices)
    rule = matching if matching is not None else draw(st.sampled_from(list(MatchingRule)))
    count = draw(st.integers(1, max_invoices))
    invoices: list[Invoice] = []
    payments: list[Payment] = []
    notes: list[CreditNote] = []
    write_offs: list[WriteOff] = []
    last = date(year, 12, 31)
    for index in range(count):
        issued = draw(dates(min_value=date(year, 1, 1), max_value=date(year, 6, 30)))
        amount = draw(amounts(min_value=100, max_value=500_000))
        invoice_id = f"I{index}"
        invoices.append(
            Invoice(
                invoice_id=invoice_id,
                customer="ACME",
                salesperson="li",
                issued_on=issued,
                amount=amount,
                commission=draw(amounts(max_value=amount / 10)),
                credit_days=draw(st.sampled_from([0, 30, 60, 90])),
            )
        )
        budget = (amount * 4 / 10).quantize(Decimal("0.01"), rounding="ROUND_FLOOR")
        for number in range(draw(st.integers(0, 3))):
            if budget <= 0:
                break
            paid = draw(amounts(min_value=Decimal("0.01"), max_value=budget))
            budget -= paid
            by_invoice = rule is MatchingRule.BY_INVOICE
            payments.append(
                Payment(
                    payment_id=f"P{index}-{number}",
                    customer=draw(st.sampled_from(["ACME", None])) if by_invoice else "ACME",
                    received_on=draw(dates(min_value=issued, max_value=last)),
                    amount=paid,
                    invoice_id=invoice_id if by_invoice else None,
                )
            )
        fifth = (amount / 5).quantize(Decimal("0.01"), rounding="ROUND_FLOOR")
        if adjustments and fifth > 0 and draw(st.booleans()):
            notes.append(
                CreditNote(
                    note_id=f"C{index}",
                    invoice_id=invoice_id,
                    issued_on=draw(dates(min_value=issued, max_value=last)),
                    amount=draw(amounts(min_value=Decimal("0.01"), max_value=fifth)),
                    reason="return",
                )
            )
        # Under FIFO or pro rata another invoice's payment may settle this one, so a
        # write-off is generated only where the invoice's payments are its own.
        own = rule is MatchingRule.BY_INVOICE or count == 1
        if adjustments and own and fifth > 0 and draw(st.booleans()):
            write_offs.append(
                WriteOff(
                    write_off_id=f"W{index}",
                    invoice_id=invoice_id,
                    written_off_on=draw(dates(min_value=issued, max_value=last)),
                    amount=draw(amounts(min_value=Decimal("0.01"), max_value=fifth)),
                    reason="bad debt",
                )
            )
    return Receivables(
        invoices=tuple(invoices),
        matching=rule,
        payments=tuple(payments),
        credit_notes=tuple(notes),
        write_offs=tuple(write_offs),
    )


# --- weekly reports -------------------------------------------------------------------------

_ITEM_TEXT = st.text(
    alphabet="销售回款拜访客户费用促销竞品政策变化进展良好", min_size=5, max_size=30
)


@st.composite
def weekly_reports(
    draw: st.DrawFn,
    *,
    week: IsoWeek | None = None,
    employee: str = "li",
    compliant: bool = False,
) -> tuple[WeeklyReport, Reference]:
    """A weekly report and the reference data for its week.

    With ``compliant`` the report is complete (every summary item with at least five
    characters, figures and key customers), submitted on the Monday after the week before
    noon, with at least 30 calls every day and at least 20 distinct visits, consistent figures,
    the travel report, a plan with local policy changes, and a reference that agrees.
    Otherwise items may be missing or thin, quotas missed, figures inconsistent, the report
    late and the reference disagree.
    """
    chosen = week if week is not None else IsoWeek(year=2024, week=draw(st.integers(2, 50)))
    weekdays = chosen.days[:5]
    count = draw(st.integers(20, 30)) if compliant else draw(st.integers(0, 30))
    visits = tuple(
        Visit(
            # Compliant visits are distinct customers, so every one counts.
            customer=f"C{n:02d}" if compliant else f"C{draw(st.integers(0, 99)):02d}",
            on=draw(st.sampled_from(weekdays)),
        )
        for n in range(count)
    )
    # Compliant reports log calls every day of the week, so a make-up weekend workday in
    # the caller's calendar meets its quota too.
    calls = tuple(
        CallDay(on=day, calls=draw(st.integers(30, 60) if compliant else st.integers(0, 60)))
        for day in (chosen.days if compliant else weekdays)
    )
    expenses = tuple(
        ReportExpense(
            expense_id=f"X{n}",
            on=draw(st.sampled_from(weekdays)),
            amount=draw(amounts(max_value=5000)),
            category="差旅" if travel else "招待",
            travel=travel,
        )
        for n, travel in enumerate(draw(st.lists(st.booleans(), max_size=4)))
    )
    spent = sum((e.amount for e in expenses), Decimal(0))
    sales = draw(amounts(max_value=1_000_000))
    collected = draw(amounts(max_value=1_000_000))
    entries = []
    for item in SUMMARY_ITEMS:
        if not compliant and draw(st.integers(0, 9)) == 0:
            continue
        text = draw(_ITEM_TEXT if compliant else st.one_of(_ITEM_TEXT, st.just(""), st.just("无")))
        entry = ItemEntry(item=item, text=text)
        if item is Item.SALES_VOLUME:
            entry = attrs.evolve(entry, amount=sales)
        elif item is Item.COLLECTIONS:
            entry = attrs.evolve(entry, amount=collected)
        elif item is Item.SALES_EXPENSES:
            entry = attrs.evolve(
                entry, amount=spent if compliant else draw(amounts(max_value=5000))
            )
        elif item is Item.CUSTOMER_VISITS:
            entry = attrs.evolve(entry, count=count if compliant else draw(st.integers(0, 30)))
        elif item is Item.KEY_CUSTOMERS:
            names = tuple(
                draw(
                    st.lists(
                        st.sampled_from(["K1", "K2", "K3"]), min_size=1, max_size=3, unique=True
                    )
                )
            )
            entry = attrs.evolve(entry, customers=names)
        entries.append(entry)
    monday_after = chosen.last_day + timedelta(days=1)
    if compliant:
        submitted = datetime.combine(monday_after, datetime.min.time()) + timedelta(
            minutes=draw(st.integers(0, 11 * 60 + 59))
        )
    else:
        submitted = datetime.combine(monday_after, datetime.min.time()) + timedelta(
            minutes=draw(st.integers(0, 3 * 24 * 60))
        )
    following = chosen.next()
    report = WeeklyReport(
        report_id=f"R-{employee}-{chosen}",
        employee=employee,
        week=chosen,
        submitted_at=submitted,
        summary=tuple(entries),
        plan=NextWeekPlan(
            visits=(PlannedVisit(customer="C00", on=following.first_day),),
            local_policy_changes=draw(
                _ITEM_TEXT if compliant else st.one_of(_ITEM_TEXT, st.just(""))
            ),
        ),
        visits=visits,
        calls=calls,
        expenses=expenses,
        travel_report_attached=compliant or draw(st.booleans()),
    )
    reference = Reference(
        employee=employee,
        week=chosen,
        sales=sales if compliant else draw(st.one_of(st.just(sales), amounts(max_value=1_000_000))),
        collections=collected,
        visits=visits,
        expenses=spent,
    )
    return report, reference


# --- the remaining public types --------------------------------------------------------------


def iso_weeks(*, min_year: int = 2020, max_year: int = 2030) -> st.SearchStrategy[IsoWeek]:
    """ISO weeks between the years (inclusive)."""
    _check_range("iso_weeks", min_year, max_year)
    return st.dates(date(min_year, 1, 4), date(max_year, 12, 28)).map(IsoWeek.of)


def credits(*, employees: Sequence[str] = ("li", "wang", "zhao")) -> st.SearchStrategy[Credit]:
    """A person's share of a deal, with a role, and a share or the plan's standard one."""
    return st.builds(
        Credit,
        employee=st.sampled_from(list(employees)),
        role=st.sampled_from(["sales", "service"]),
        share=st.none() | rates(min_value=Decimal("0.01")),
    )


@st.composite
def person_inputs(draw: st.DrawFn, *, employee: str = "li") -> PersonInputs:
    """A person's facts for a month (dealers, score, expenses, branch profit and role,
    the minimum wage, other pay); no carries or lines already paid."""
    return PersonInputs(
        employee=employee,
        new_dealers=draw(st.none() | st.integers(0, 10)),
        score=draw(st.none() | st.integers(0, 120).map(Decimal)),
        expenses=draw(st.none() | amounts(max_value=50_000)),
        branch_profit=draw(st.none() | amounts(min_value=-100_000, max_value=1_000_000)),
        pool_role=draw(st.none() | st.sampled_from(["manager", "finance"])),
        minimum_wage=draw(st.none() | amounts(min_value=1500, max_value=3000)),
        other_pay=draw(amounts(max_value=20_000)),
    )


@st.composite
def collection_policies(draw: st.DrawFn) -> CollectionPolicy:
    """One-version collection policies from 2024 with any release rule, and optionally a
    days table, an overdue index, aging, a reserve, milestones and the expense advance."""
    kind = draw(st.sampled_from(["on_invoice", "proportional", "full", "staged"]))
    stages = BandTable.from_thresholds(
        [0, "0.8", "0.95", 1], [0, "0.5", "0.8", 1], closed=Side.LOWER, semantics=Semantics.WHOLE
    )
    releases: dict[str, ReleaseRule] = {
        "on_invoice": OnInvoice(),
        "proportional": Proportional(),
        "full": FullCollection(),
        "staged": Staged(stages=stages),
    }
    release = releases[kind]

    def table(values: list[str]) -> BandTable:
        points = [
            0,
            *sorted(
                draw(
                    st.lists(
                        st.integers(1, 200),
                        min_size=len(values) - 1,
                        max_size=len(values) - 1,
                        unique=True,
                    )
                )
            ),
        ]
        return BandTable.from_thresholds(
            points, values, closed=Side.UPPER, semantics=Semantics.WHOLE
        )

    days = None
    if kind != "on_invoice" and draw(st.booleans()):
        days = DaysToCollect(table=table(["1.1", "1", "0.5"]))
    return CollectionPolicy(
        policy_id="generated",
        name="generated policy",
        versions=(
            CollectionVersion(
                version="2024",
                effective_from=date(2024, 1, 1),
                release=release,
                days_to_collect=days,
                overdue=OverdueIndex(table=table(["1", "0.8", "0"]))
                if draw(st.booleans())
                else None,
                aging=table(["0", "0.2", "1"]) if draw(st.booleans()) else None,
                reserve=RiskReserve(
                    rate=draw(rates(min_value=Decimal("0.01"), max_value=Decimal("0.3")))
                )
                if draw(st.booleans())
                else None,
                milestones=(
                    MilestoneAward(
                        kind=MilestoneKind.SAMPLE_CERTIFIED, low=Decimal(1000), high=Decimal(2000)
                    ),
                )
                if draw(st.booleans())
                else (),
                expense_advance=ExpenseAdvance(share=Rate.parse("20%"))
                if draw(st.booleans())
                else None,
            ),
        ),
    )


def collection_inputs(*, employee: str = "li") -> st.SearchStrategy[CollectionInputs]:
    """A salesperson's month facts with a wage and minimum wage (so any recovery can be
    capped) and the empty starting state."""
    return st.builds(
        CollectionInputs,
        employee=st.just(employee),
        month_wage=amounts(min_value=2000, max_value=30_000),
        minimum_wage=amounts(min_value=1500, max_value=3000),
    )


@st.composite
def report_policies(draw: st.DrawFn) -> ReportPolicy:
    """Report policies requiring a random subset of the summary items, with a deadline,
    grace, quotas and points."""
    required = draw(st.lists(st.sampled_from(list(SUMMARY_ITEMS)), min_size=1, unique=True))
    points = draw(st.integers(10, 60))
    return ReportPolicy(
        policy_id="generated",
        required=tuple(ItemRule(item=item, min_chars=draw(st.integers(1, 5))) for item in required),
        deadline=Deadline(
            weekday=draw(st.sampled_from(list(Weekday))),
            hour=draw(st.integers(0, 23)),
            weeks_after=1,
        ),
        grace_minutes=draw(st.integers(0, 240)),
        calls_per_workday=draw(st.integers(0, 40)),
        visits_per_week=draw(st.integers(0, 25)),
        points=points,
        summary_points=draw(st.integers(0, points)),
    )


@st.composite
def score_cards(draw: st.DrawFn) -> ScoreCard:
    """Salesperson-style cards: a deductions component, weekly reports and an assessed
    rest, their points adding up to 100, with weights adding up to 100 %."""
    dealer = draw(st.integers(1, 50))
    weekly = draw(st.integers(1, 99 - dealer))
    daily = draw(st.integers(0, 100))
    return ScoreCard(
        card_id="generated",
        card=Card.SALESPERSON,
        components=(
            Deductions(
                component_id="dealer",
                name="经销商管理",
                points=dealer,
                rules=(
                    DeductionRule(
                        code="x", zh_CN="未完成", en="missed", points=draw(st.integers(1, 10))
                    ),
                ),
            ),
            WeeklyReports(component_id="weekly", name="周报", points=weekly),
            Assessed(component_id="rest", name="其他", points=100 - dealer - weekly),
        ),
        daily_weight=Rate.parse(f"{daily}%"),
        attendance_weight=Rate.parse(f"{100 - daily}%"),
        points_per_absent_day=draw(st.integers(1, 10)),
        half_day_counts_whole=draw(st.booleans()),
    )
