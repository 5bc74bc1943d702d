"""Hypothesis strategies for hrpolicy's public domain types.

Install with ``pip install "hrpolicy[strategies]"``; without hypothesis, importing this
module raises :class:`~hrpolicy.core.errors.MissingDependencyError` naming the extra.
Every strategy takes keyword-only options, checks them when it is called (a bad option
raises :class:`hypothesis.errors.InvalidArgument`, as hypothesis's own strategies do), and
generates only objects the library accepts — so a test that uses them exercises
behaviour, not input validation.

Importing the module also registers a strategy for every public input and policy type
of every engine with :func:`hypothesis.strategies.register_type_strategy`, so
``st.from_type(Deal)``, ``st.builds(f)`` on annotated arguments and ``@given(deal=...)``
inference all generate valid objects. Collections the engines accept as a whole — unique
ids, one owner, one period — come from :func:`deal_lists`, :func:`team_months`,
:func:`invoice_sets` and :func:`team_weeks`.

>>> from hypothesis import given
>>> from hrpolicy.strategies import amounts
>>> @given(amounts(max_value=100))
... def test_amounts_have_at_most_two_places(amount: Decimal) -> None:
...     assert amount == amount.quantize(Decimal("0.01"))
>>> test_amounts_have_at_most_two_places()
"""

from __future__ import annotations

import enum
import functools
import inspect
import itertools
import types
import typing
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Final, NamedTuple, ParamSpec, TypeVar

import attrs

from hrpolicy.core.errors import MissingDependencyError

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError:
    raise MissingDependencyError(
        "hrpolicy.strategies", 'the hypothesis package: pip install "hrpolicy[strategies]"'
    ) from None

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
    CostRange,
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
    Waiver,
    WaiverCondition,
    WaiverEffect,
)
from hrpolicy.bonds.policy import (
    DOMAIN_COST_SCHEDULE,
    BondPolicy,
    MutualAgreementRule,
    ProbationRule,
    Region,
    ServiceSchedule,
)
from hrpolicy.charges.case import ChargeCase
from hrpolicy.charges.model import (
    Charge,
    ChargeAgreement,
    CompensationPayment,
    Deposit,
    DepositBasis,
    Fine,
    Incident,
    LossCompensation,
    Means,
    NonCompete,
    NonCompetePay,
    PayPeriod,
    Penalty,
    PerItemCharge,
    Relationship,
    Role,
    Taking,
    Trigger,
    Worker,
)
from hrpolicy.charges.policy import ChargePolicy, FineRule, PenaltyAndLoss
from hrpolicy.charges.policy import Region as ChargeRegion
from hrpolicy.collection.case import CollectionCase, CollectionMonth
from hrpolicy.collection.ledger import carried_ledger
from hrpolicy.collection.model import (
    Advance,
    Agreement,
    CarriedCredit,
    CarriedInvoice,
    CarriedLedger,
    CollectionInputs,
    CollectionState,
    CreditNote,
    Invoice,
    InvoiceAccount,
    Layer,
    MatchingRule,
    MilestoneEvent,
    Payment,
    Portion,
    Receivables,
    RelationshipExpense,
    ReserveHolding,
    Reversal,
    WriteOff,
)
from hrpolicy.collection.policy import (
    CollectionPolicy,
    CollectionVersion,
    CompletionMatrix,
    DaysToCollect,
    ExpenseAdvance,
    FullCollection,
    MilestoneAward,
    MilestoneKind,
    OnInvoice,
    OverdueIndex,
    Proportional,
    ReleaseRule,
    ReserveHorizon,
    ReservePart,
    RiskReserve,
    Staged,
)
from hrpolicy.commission.case import CommissionCase
from hrpolicy.commission.model import Carry, Credit, Deal, Measure, Period, PersonInputs
from hrpolicy.commission.plan import (
    Commission,
    Component,
    Condition,
    CustomerOverride,
    Draw,
    ExpenseAllowance,
    FixedPay,
    Frequency,
    Multiplier,
    OverListShare,
    Plan,
    PlanVersion,
    PoolShare,
    ProfitPool,
    Proration,
    RoleShare,
    TaskBase,
    Window,
)
from hrpolicy.core.approvals import (
    AWARD,
    BELOW_LIST,
    BRANCH_MANAGER,
    DEPARTMENT_MANAGER,
    EXPENSE_ABOVE,
    GENERAL_MANAGER,
    ON_CREDIT,
    RELATIONSHIP_PLAN,
    ApprovalRule,
    ApprovalSubject,
    Approver,
    Fact,
    Holds,
    SignOff,
)
from hrpolicy.core.bands import Band, BandTable, Semantics, Side
from hrpolicy.core.checked import IntSpec, MoneySpec, QuantitySpec, TextSpec, split_annotated
from hrpolicy.core.deadlines import BeforeHoliday, DayOfNextMonth
from hrpolicy.core.fields import FIRST_DATE, LAST_DATE
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.period import PeriodKind, Season
from hrpolicy.core.runs import Comparison, Repeat, RunPolicy, RunRule, Threshold
from hrpolicy.core.span import Rounding, TimeUnit
from hrpolicy.core.statement import PaidLine
from hrpolicy.core.workcal import Holiday, LayeredCalendar, NamedHoliday, TableCalendar
from hrpolicy.expenses.model import Advance as ExpensePlanAdvance
from hrpolicy.expenses.model import Expense, ExpenseCase, PayMonth, RelationshipPlan, VisitPlan
from hrpolicy.expenses.model import HeldClaim as ExpenseHeldClaim
from hrpolicy.expenses.model import Reimbursed as ExpenseReimbursed
from hrpolicy.expenses.policy import Basis as ExpenseBasis
from hrpolicy.expenses.policy import ExpensePolicy, LumpSum, Standard, UnmetTarget
from hrpolicy.expenses.policy import Per as ExpensePer
from hrpolicy.reports.awards import (
    AwardPolicy,
    DevelopedCustomer,
    GrowthAward,
    GrowthBasis,
    GrowthPays,
    MajorCustomerAward,
    MemberYear,
    RankAward,
    TeamYear,
    Ties,
)
from hrpolicy.reports.cadence import (
    Activity,
    Ahead,
    AtLeast,
    ByNextMonth,
    CadenceCase,
    CadencePolicy,
    CadenceUnit,
    Every,
    Stage,
    Within,
)
from hrpolicy.reports.cards import (
    CardInputs,
    Combine,
    Indicator,
    IndicatorFigure,
    KpiCard,
    Measured,
    PayAmount,
    PayPart,
    Quota,
    QuotaCount,
    QuotaInputs,
    QuotaPolicy,
)
from hrpolicy.reports.case import (
    ApprovedPlan,
    AwardCase,
    CaseCalendar,
    ReportCase,
    ScoringCase,
    StatutoryCalendar,
)
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
    Absence,
    Assessed,
    Assessment,
    Card,
    DeductionRule,
    Deductions,
    Failure,
    MonthInputs,
    OnTime,
    ReviewShare,
    ScoreCard,
    Submission,
    TerminalReport,
    WeeklyReports,
)
from hrpolicy.reports.scoring import Training as ReportTraining
from hrpolicy.reports.validation import (
    Deadline,
    Deduction,
    ItemRule,
    ReportPolicy,
    Review,
    Tolerance,
    UntrueContent,
    Weekday,
)

__all__ = [
    "REGISTERED_TYPES",
    "TeamMonth",
    "TeamWeek",
    "amounts",
    "award_policies",
    "band_tables",
    "bond_agreements",
    "bond_cases",
    "bond_collections",
    "bond_policies",
    "charge_agreements",
    "charge_cases",
    "charge_clauses",
    "charge_policies",
    "charge_workers",
    "clauses",
    "collection_inputs",
    "collection_policies",
    "collection_receivables",
    "commission_components",
    "commission_deals",
    "commission_plans",
    "consistent_separation",
    "cost_items",
    "cost_ranges",
    "credits",
    "dates",
    "deal_lists",
    "employments",
    "expense_cases",
    "expense_policies",
    "invoice_sets",
    "iso_weeks",
    "kpi_cards",
    "layered_calendars",
    "named_holidays",
    "penalty_clauses",
    "periods",
    "person_inputs",
    "quota_policies",
    "rates",
    "report_policies",
    "run_policies",
    "score_cards",
    "separations",
    "service_lengths",
    "special_benefits",
    "table_calendars",
    "team_months",
    "team_weeks",
    "team_years",
    "trainings",
    "waivers",
    "weekly_reports",
]

_FIRST_DAY = date(2008, 1, 1)
_LAST_DAY = date(2040, 12, 31)


# --- checking options, as hypothesis's own strategies do ------------------------------------

_T = TypeVar("_T")


def _check_range(name: str, low: Any, high: Any) -> None:
    if low > high:
        raise InvalidArgument(f"{name}: min_value={low!r} must be at most max_value={high!r}")


def _check_number(name: str, option: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise InvalidArgument(
            f"{name}: {option}={value!r} must be an int or a Decimal, not {type(value).__name__}"
        )
    if not Decimal(value).is_finite():
        raise InvalidArgument(f"{name}: {option}={value!r} must be a finite number")
    return Decimal(value)


def _check_int(name: str, option: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(
            f"{name}: {option}={value!r} must be an int, not {type(value).__name__}"
        )
    if not low <= value <= high:
        raise InvalidArgument(f"{name}: {option}={value!r} must be from {low} to {high}")
    return value


def _check_sizes(name: str, min_size: object, max_size: object, *, low: int, high: int) -> None:
    _check_int(name, "min_size", min_size, low, high)
    _check_int(name, "max_size", max_size, low, high)
    if typing.cast(int, min_size) > typing.cast(int, max_size):
        raise InvalidArgument(
            f"{name}: min_size={min_size!r} must be at most max_size={max_size!r}"
        )


def _check_date(name: str, option: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidArgument(
            f"{name}: {option}={value!r} must be a datetime.date, not {type(value).__name__}"
        )
    if not FIRST_DATE <= value <= LAST_DATE:
        raise InvalidArgument(
            f"{name}: {option}={value!r} must be from {FIRST_DATE} to {LAST_DATE}"
        )
    return value


def _check_bool(name: str, option: str, value: object, *, nullable: bool = False) -> None:
    if not (isinstance(value, bool) or (nullable and value is None)):
        allowed = "True, False or None" if nullable else "True or False"
        raise InvalidArgument(f"{name}: {option}={value!r} must be {allowed}")


def _check_instance(name: str, option: str, value: object, kind: type[_T]) -> _T | None:
    if value is not None and not isinstance(value, kind):
        raise InvalidArgument(
            f"{name}: {option}={value!r} must be a {kind.__name__} or None, "
            f"not {type(value).__name__}"
        )
    return value


def _check_enum(name: str, option: str, value: object, kind: type[enum.Enum]) -> None:
    if value is not None and not isinstance(value, kind):
        allowed = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)
        raise InvalidArgument(f"{name}: {option}={value!r} must be None or one of {allowed}")


def _check_name(name: str, option: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgument(f"{name}: {option}={value!r} must be a non-empty str")
    return value


def _check_names(name: str, option: str, values: object, *, most: int = 20) -> tuple[str, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InvalidArgument(f"{name}: {option}={values!r} must be a list or tuple of names")
    names = tuple(_check_name(name, f"{option}[{i}]", v) for i, v in enumerate(values))
    if not 1 <= len(names) <= most:
        raise InvalidArgument(f"{name}: {option}={values!r} must hold 1 to {most} names")
    if len(set(names)) != len(names):
        raise InvalidArgument(f"{name}: {option}={values!r} must not repeat a name")
    return names


_P = ParamSpec("_P")
_Options = dict[str, Any]


def _eager(
    check: Callable[[_Options], None],
) -> Callable[[Callable[_P, st.SearchStrategy[_T]]], Callable[_P, st.SearchStrategy[_T]]]:
    """Check a composite strategy's options when it is called, not when it first draws:
    ``check`` gets every option, defaults filled in."""

    def decorate(build: Callable[_P, st.SearchStrategy[_T]]) -> Callable[_P, st.SearchStrategy[_T]]:
        signature = inspect.signature(build)

        @functools.wraps(build)
        def strategy(*args: _P.args, **kwargs: _P.kwargs) -> st.SearchStrategy[_T]:
            if args:
                raise InvalidArgument(f"{build.__name__}: options are keyword-only, got {args!r}")
            try:
                bound = signature.bind(**kwargs)
            except TypeError as error:
                raise InvalidArgument(f"{build.__name__}: {error}") from None
            bound.apply_defaults()
            check(dict(bound.arguments))
            return build(*args, **kwargs)

        return strategy

    return decorate


# --- plain values ---------------------------------------------------------------------------


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 1_000_000
) -> st.SearchStrategy[Decimal]:
    """CNY amounts with at most two decimal places, between the bounds (inclusive).

    Args:
        min_value: the least amount (``int`` or ``Decimal``; default 0).
        max_value: the largest amount (default 1 000 000).
    """
    low = _check_number("amounts", "min_value", min_value)
    high = _check_number("amounts", "max_value", max_value)
    _check_range("amounts", low, high)
    cents_low = int((low * 100).to_integral_value(rounding="ROUND_CEILING"))
    cents_high = int((high * 100).to_integral_value(rounding="ROUND_FLOOR"))
    return st.integers(cents_low, cents_high).map(lambda cents: Decimal(cents).scaleb(-2))


def rates(*, min_value: Decimal | int = 0, max_value: Decimal | int = 1) -> st.SearchStrategy[Rate]:
    """Rates between the bounds written as percent, per mille or a plain fraction.

    Args:
        min_value: the least rate as a fraction (default 0).
        max_value: the largest rate as a fraction (default 1, i.e. 100 %).
    """
    low = _check_number("rates", "min_value", min_value)
    high = _check_number("rates", "max_value", max_value)
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
    """Dates between the bounds (inclusive).

    Args:
        min_value: the first date (default 2008-01-01, at least 1900-01-01).
        max_value: the last date (default 2040-12-31, at most 2199-12-31).
    """
    _check_date("dates", "min_value", min_value)
    _check_date("dates", "max_value", max_value)
    _check_range("dates", min_value, max_value)
    return st.dates(min_value=min_value, max_value=max_value)


def band_tables(
    *,
    semantics: Semantics | None = None,
    min_bands: int = 1,
    max_bands: int = 6,
    start: Decimal | int = 0,
    unbounded: bool | None = None,
    non_decreasing: bool = False,
) -> st.SearchStrategy[BandTable]:
    """Valid band tables starting at ``start``: contiguous, with random boundary sides.

    Args:
        semantics: the table's :class:`~hrpolicy.core.bands.Semantics` (``None``: any).
        min_bands: the fewest bands (1 to 50, default 1).
        max_bands: the most bands (``min_bands`` to 50, default 6).
        start: the first band's lower bound (``int`` or ``Decimal``, default 0).
        unbounded: whether the last band is open-ended (``None``: either).
        non_decreasing: every band's value (and interpolated end value) at least the
            previous one, as in a commission schedule with rising rates.
    """
    _check_enum("band_tables", "semantics", semantics, Semantics)
    _check_int("band_tables", "min_bands", min_bands, 1, 50)
    _check_int("band_tables", "max_bands", max_bands, 1, 50)
    _check_range("band_tables", min_bands, max_bands)
    _check_number("band_tables", "start", start)
    _check_bool("band_tables", "unbounded", unbounded, nullable=True)
    _check_bool("band_tables", "non_decreasing", non_decreasing)
    return _band_tables(
        semantics=semantics,
        min_bands=min_bands,
        max_bands=max_bands,
        start=start,
        unbounded=unbounded,
        non_decreasing=non_decreasing,
    )


@st.composite
def _band_tables(
    draw: st.DrawFn,
    *,
    semantics: Semantics | None,
    min_bands: int,
    max_bands: int,
    start: Decimal | int,
    unbounded: bool | None,
    non_decreasing: bool,
) -> BandTable:
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


def _lookup_tables(start: int = 0) -> st.SearchStrategy[BandTable]:
    """Band tables a lookup reads as written (whole or interpolated, no lump sums), as KPI
    cards and quotas take them."""
    return st.sampled_from([Semantics.WHOLE, Semantics.INTERPOLATED]).flatmap(
        lambda semantics: band_tables(semantics=semantics, start=start)
    )


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.integers(0, 10_000).map(lambda n: f"{prefix}{n}")


def cost_items(
    *, id: str | None = None, max_amount: Decimal | int = 60_000
) -> st.SearchStrategy[CostItem]:
    """Cost items of any category, payer and voucher status, shared by 1 to 5 trainees.

    Args:
        id: the item's id (``None``: drawn, ``c0`` to ``c10000``).
        max_amount: the largest amount (0 or more, default 60 000).
    """
    if id is not None:
        _check_name("cost_items", "id", id)
    if _check_number("cost_items", "max_amount", max_amount) < 0:
        raise InvalidArgument(f"cost_items: max_amount={max_amount!r} must be 0 or more")
    return st.builds(
        CostItem,
        id=st.just(id) if id is not None else _ids("c"),
        category=st.sampled_from(list(CostCategory)),
        amount=amounts(max_value=max_amount),
        has_voucher=st.booleans(),
        paid_by=st.sampled_from(list(Payer)),
        shared_by=st.integers(1, 5),
    )


def _check_trainings(o: _Options) -> None:
    _check_date("trainings", "min_value", o["min_value"])
    _check_date("trainings", "max_value", o["max_value"])
    _check_range("trainings", o["min_value"], o["max_value"])
    kinds = o["kinds"]
    if kinds is not None and (
        not isinstance(kinds, (tuple, list))
        or not kinds
        or not all(isinstance(k, TrainingKind) for k in kinds)
    ):
        raise InvalidArgument(f"trainings: kinds={kinds!r} must be None or TrainingKind members")
    _check_bool("trainings", "eligible_costs", o["eligible_costs"])
    _check_bool("trainings", "during_probation", o["during_probation"], nullable=True)


@_eager(_check_trainings)
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
    """Trainings starting between the bounds, with up to four costs (ids ``c0``, ``c1``…).

    Args:
        min_value: the earliest start (default 2008-01-01).
        max_value: the latest start (default 2036-12-31).
        kinds: the kinds drawn from (``None``: any).
        eligible_costs: every cost a vouchered direct cost paid by the employer (so the
            recognised cost is their total), and the training took place.
        during_probation: the ``during_probation`` flag (``None``: drawn).
    """
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
    """Other clauses of an agreement (every one of them unlawful or void), of one of
    ``kinds`` (:class:`~hrpolicy.bonds.ClauseKind` members; ``None``: any)."""
    if kinds is not None and (
        not isinstance(kinds, (tuple, list))
        or not kinds
        or not all(isinstance(k, ClauseKind) for k in kinds)
    ):
        raise InvalidArgument(f"clauses: kinds={kinds!r} must be None or ClauseKind members")
    return st.builds(
        Clause,
        kind=st.sampled_from(kinds or list(ClauseKind)),
        ref=st.sampled_from(["", "Art. 3", "第5条"]),
        amount=st.none() | amounts(max_value=5_000),
    )


def _clauses() -> st.SearchStrategy[tuple[Clause, ...]]:
    return st.lists(clauses(), max_size=3).map(tuple)


def service_lengths(*, max_years: int = 8) -> st.SearchStrategy[ServiceLength]:
    """Service lengths of at least one day and at most ``max_years`` years, 11 months, 30 days.

    Args:
        max_years: the most whole years (0 to 49, default 8).
    """
    _check_int("service_lengths", "max_years", max_years, 0, 49)
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
    """Money an employer took towards a penalty, by any method; ``max_amount`` (0 or more,
    default 20 000) is the largest sum."""
    if _check_number("bond_collections", "max_amount", max_amount) < 0:
        raise InvalidArgument(f"bond_collections: max_amount={max_amount!r} must be 0 or more")
    return st.builds(
        Collection,
        amount=amounts(max_value=max_amount),
        method=st.sampled_from(list(CollectionMethod)),
        on=st.none() | dates(),
    )


_WAIVER_REFS: Final = ("Art. 6", "Art. 7", "Art. 8", "Art. 9", "第7条")


def waivers(
    *, clause_ref: str | None = None, conditions: tuple[WaiverCondition, ...] | None = None
) -> st.SearchStrategy[Waiver]:
    """Waiver clauses of every condition and effect: waive in full, reduce by a share
    (1 % to 100 %) or by an amount (0.01 to 20 000); a revenue waiver with a threshold
    (0.01 to 500 000).

    Args:
        clause_ref: the waiver's clause ref (``None``: drawn, ``Art. 6`` to ``Art. 9`` or
            ``第7条``).
        conditions: the conditions drawn from (:class:`~hrpolicy.bonds.WaiverCondition`
            members; ``None``: any).
    """
    if clause_ref is not None:
        _check_name("waivers", "clause_ref", clause_ref)
    if conditions is not None and (
        not isinstance(conditions, (tuple, list))
        or not conditions
        or not all(isinstance(c, WaiverCondition) for c in conditions)
    ):
        raise InvalidArgument(
            f"waivers: conditions={conditions!r} must be None or WaiverCondition members"
        )
    refs = st.just(clause_ref) if clause_ref is not None else st.sampled_from(_WAIVER_REFS)

    @st.composite
    def build(draw: st.DrawFn) -> Waiver:
        condition = draw(st.sampled_from(conditions or list(WaiverCondition)))
        effect = draw(st.sampled_from(list(WaiverEffect)))
        revenue = condition is WaiverCondition.REVENUE_PRODUCED
        return Waiver(
            condition=condition,
            clause_ref=draw(refs),
            effect=effect,
            share=draw(rates(min_value=Decimal("0.01"), max_value=1))
            if effect is WaiverEffect.REDUCE_BY_SHARE
            else None,
            amount=draw(amounts(min_value=Decimal("0.01"), max_value=20_000))
            if effect is WaiverEffect.REDUCE_BY_AMOUNT
            else None,
            threshold=draw(amounts(min_value=Decimal("0.01"), max_value=500_000))
            if revenue
            else None,
            text=draw(st.sampled_from(["", "trains a replacement", "培训接替人员"])),
        )

    return build()


def _waiver_sets() -> st.SearchStrategy[tuple[Waiver, ...]]:
    return st.lists(waivers(), max_size=3, unique_by=lambda w: w.clause_ref).map(tuple)


def cost_ranges(*, max_value: Decimal | int = 60_000) -> st.SearchStrategy[CostRange]:
    """Training cost ranges (培训费用范围) ``low`` ≤ ``high``, both at most ``max_value``
    (0 or more, default 60 000)."""
    if _check_number("cost_ranges", "max_value", max_value) < 0:
        raise InvalidArgument(f"cost_ranges: max_value={max_value!r} must be 0 or more")
    return st.tuples(amounts(max_value=max_value), amounts(max_value=max_value)).map(
        lambda pair: CostRange(low=min(pair), high=max(pair))
    )


def _check_bond_agreements(o: _Options) -> None:
    name = "bond_agreements"
    _check_instance(name, "training", o["training"], Training)
    for option in ("benefit", "without_training", "other_clauses"):
        _check_bool(name, option, o[option])
    _check_bool(name, "penalty", o["penalty"], nullable=True)
    if o["id"] is not None:
        _check_name(name, "id", o["id"])
    for option in ("contract_start", "not_before"):
        if o[option] is not None:
            _check_date(name, option, o[option])
    if o["benefit"] and o["without_training"]:
        raise InvalidArgument(f"{name}: benefit=True and without_training=True exclude each other")
    if o["training"] is not None and (o["benefit"] or o["without_training"]):
        raise InvalidArgument(
            f"{name}: a training is given, so benefit and without_training are False"
        )


@_eager(_check_bond_agreements)
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

    Options: ``training`` (a :class:`~hrpolicy.bonds.Training` or ``None``), ``benefit``,
    ``without_training`` (they exclude each other), ``id`` (drawn when ``None``),
    ``penalty`` (with a penalty clause; ``None``: drawn), ``other_clauses`` (other clauses
    drawn), ``contract_start`` and ``not_before`` (dates or ``None``).

    Up to three waivers are drawn (unique clause refs), and the agreement states its
    training cost as a figure, as a range (:func:`cost_ranges`), or not at all.

    The agreement is signed around the end of the training, and its service period always
    ends after signing. It counts service from the contract start only when
    ``contract_start`` is given (that rule needs ``Employment.contract_start``). With
    ``not_before`` (a hire date) it is signed, and its service starts, no earlier.
    """
    chosen_training = None
    special = None
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
        **draw(
            st.one_of(
                st.just({}),
                amounts(max_value=60_000).map(lambda cost: {"stated_cost": cost}),
                cost_ranges().map(lambda stated: {"stated_cost_range": stated}),
            )
        ),
        waivers=draw(_waiver_sets()),
    )


def _check_employments(o: _Options) -> None:
    _check_date("employments", "hired_by", o["hired_by"])
    if o["hired_by"] < date(2000, 1, 1):
        raise InvalidArgument(
            f"employments: hired_by={o['hired_by']!r} must be 2000-01-01 or later"
        )
    _check_enum("employments", "regime", o["regime"], Regime)


@_eager(_check_employments)
@st.composite
def employments(
    draw: st.DrawFn,
    *,
    hired_by: date = date(2030, 12, 31),
    regime: Regime | None = Regime.GENERAL,
) -> Employment:
    """Employments hired from 2000 to ``hired_by`` (a date, default 2030-12-31), under
    ``regime`` (a :class:`~hrpolicy.bonds.Regime`; ``None`` draws any)."""
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


def _check_separations(o: _Options) -> None:
    _check_date("separations", "min_value", o["min_value"])
    _check_date("separations", "max_value", o["max_value"])
    _check_range("separations", o["min_value"], o["max_value"])
    grounds = o["grounds"]
    if grounds is not None and (
        not isinstance(grounds, (tuple, list))
        or not grounds
        or not all(isinstance(g, ExitGround) for g in grounds)
    ):
        raise InvalidArgument(
            f"separations: grounds={grounds!r} must be None or ExitGround members"
        )
    refs = o["waiver_refs"]
    if not isinstance(refs, (tuple, list)) or not all(
        isinstance(r, str) and r.strip() for r in refs
    ):
        raise InvalidArgument(
            f"separations: waiver_refs={refs!r} must be a tuple of non-blank clause refs"
        )


@_eager(_check_separations)
@st.composite
def separations(
    draw: st.DrawFn,
    *,
    min_value: date = _FIRST_DAY,
    max_value: date = _LAST_DAY,
    grounds: tuple[ExitGround, ...] | None = None,
    waiver_refs: tuple[str, ...] = (),
) -> Separation:
    """Separations with a last day between ``min_value`` and ``max_value`` (dates), on one
    of ``grounds`` (:class:`~hrpolicy.bonds.ExitGround` members; ``None``: any).

    ``waivers_met`` is drawn from ``waiver_refs`` (the refs of the agreements' waivers
    whose condition can be listed as met; empty by default, since a ref no agreement has
    is refused when settling); ``revenue_produced`` is drawn or ``None``."""
    ground = draw(st.sampled_from(grounds or list(ExitGround)))
    collections = draw(st.lists(bond_collections(), max_size=2))
    refs = tuple(waiver_refs)
    met = tuple(draw(st.lists(st.sampled_from(refs), unique=True))) if refs else ()
    return Separation(
        last_day=draw(dates(min_value=min_value, max_value=max_value)),
        ground=ground,
        settles_bond=ground is ExitGround.MUTUAL_AGREEMENT and draw(st.booleans()),
        demanded=draw(st.none() | amounts(max_value=100_000)),
        collections=tuple(collections),
        waivers_met=met,
        revenue_produced=draw(st.none() | amounts(max_value=500_000)),
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
        include_living_subsidy=st.booleans(),
        probation=st.sampled_from(list(ProbationRule)),
        mutual_agreement=st.sampled_from(list(MutualAgreementRule)),
        region=st.sampled_from(list(Region)),
        schedule=st.sampled_from([None, DOMAIN_COST_SCHEDULE]),
    )


def _check_bond_cases(o: _Options) -> None:
    _check_int("bond_cases", "max_bonds", o["max_bonds"], 1, 10)
    _check_instance("bond_cases", "policy", o["policy"], BondPolicy)
    _check_bool("bond_cases", "eligible_only", o["eligible_only"])


@_eager(_check_bond_cases)
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
    that most cases end in a computed amount. ``max_bonds`` (1 to 10, default 3) is the
    most agreements; ``policy`` the :class:`~hrpolicy.bonds.BondPolicy` (``None``: drawn).
    """
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
    # The waivers that can be listed as met: by their ref when the case has one
    # agreement, else qualified by the agreement's id (so that each agreement can also
    # be settled on its own).
    listable = tuple(
        waiver.clause_ref if len(agreements) == 1 else f"{a.id}/{waiver.clause_ref}"
        for a in agreements
        for waiver in a.waivers
        if waiver.condition is not WaiverCondition.REVENUE_PRODUCED
    )
    separation = draw(
        separations(min_value=earliest, max_value=earliest + horizon, waiver_refs=listable)
    )
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


# --- charges ------------------------------------------------------------------------------

#: The tag of each charge clause in documents and tables, and its class.
_CHARGE_FORMS: dict[str, type] = {
    "deposit": Deposit,
    "fine": Fine,
    "penalty": Penalty,
    "per_item": PerItemCharge,
    "loss_compensation": LossCompensation,
    "non_compete": NonCompete,
}
_CHARGE_FIRST = date(2020, 1, 1)
_CHARGE_LAST = date(2026, 12, 31)
_MONTHLY_MINIMA = [Decimal(1900), Decimal(2200), Decimal(2490), Decimal(2690)]
_HOURLY_MINIMA = [Decimal(20), Decimal("23.5"), Decimal("25.3")]


def _check_charge_workers(o: _Options) -> None:
    _check_enum("charge_workers", "relationship", o["relationship"], Relationship)
    _check_bool("charge_workers", "left", o["left"], nullable=True)


@_eager(_check_charge_workers)
@st.composite
def charge_workers(
    draw: st.DrawFn, *, relationship: Relationship | None = None, left: bool | None = None
) -> Worker:
    """Workers whose stated relationship agrees with the facts that decide it: under
    labour service a student working in spare time or a pensioner (one in five neither, which the
    engine flags); under a labour relationship never a pensioner and now and then an
    enrolled student (flagged too); part-time labour at most 24 hours a week. They start
    from 2020 to 2026 and, when they have left, leave within 900 days.

    Args:
        relationship: a :class:`~hrpolicy.charges.model.Relationship` (``None``: drawn).
        left: whether the worker has left (``None``: drawn).
    """
    chosen = relationship if relationship is not None else draw(st.sampled_from(list(Relationship)))
    started = draw(dates(min_value=_CHARGE_FIRST, max_value=_CHARGE_LAST))
    has_left = draw(st.booleans()) if left is None else left
    left_on = started + timedelta(days=draw(st.integers(0, 900))) if has_left else None
    if chosen is Relationship.LABOUR_SERVICE:
        basis = draw(st.sampled_from(["student", "student", "pension", "pension", "neither"]))
        student, pension = basis == "student", basis == "pension"
        most = 40
    else:
        student, pension = draw(st.integers(0, 9)) == 0, False
        most = 24 if chosen is Relationship.PART_TIME else 60
    hours = draw(st.none() | st.integers(1, most).map(Decimal))
    return Worker(
        id=draw(_ids("W")),
        relationship=chosen,
        started=started,
        left_on=left_on,
        enrolled_student=student,
        drawing_pension=pension,
        weekly_hours=hours,
        role=draw(st.sampled_from(list(Role))),
        name=draw(st.sampled_from(["", "张三", "Li Na"])),
    )


def _check_charge_clauses(o: _Options) -> None:
    kinds = o["kinds"]
    if kinds is not None and (
        not isinstance(kinds, (tuple, list)) or not kinds or not set(kinds) <= set(_CHARGE_FORMS)
    ):
        raise InvalidArgument(
            f"charge_clauses: kinds={kinds!r} must be None or a list of "
            + ", ".join(map(repr, _CHARGE_FORMS))
        )
    if o["ref"] is not None:
        _check_name("charge_clauses", "ref", o["ref"])


@_eager(_check_charge_clauses)
@st.composite
def charge_clauses(
    draw: st.DrawFn, *, kinds: Sequence[str] | None = None, ref: str | None = None
) -> Charge:
    """Charge clauses of every form: a deposit, a fine, an agreed penalty, a charge per
    item, loss compensation or a non-compete (running up to 36 months, so now and then
    beyond the 24 the law allows; with or without agreed compensation).

    Args:
        kinds: the forms drawn from, by their tags (``"deposit"``, ``"fine"``,
            ``"penalty"``, ``"per_item"``, ``"loss_compensation"``, ``"non_compete"``;
            ``None``: any).
        ref: the clause's ref (``None``: drawn, ``C0`` to ``C10000``).
    """
    kind = draw(st.sampled_from(list(kinds or _CHARGE_FORMS)))
    clause_ref = ref if ref is not None else draw(_ids("C"))
    text = draw(st.sampled_from(["", "违约须赔偿", "Art. 7"]))
    trigger = draw(st.sampled_from(list(Trigger)))
    if kind == "deposit":
        return Deposit(
            ref=clause_ref,
            amount=draw(amounts(max_value=5_000)),
            basis=draw(st.sampled_from(list(DepositBasis))),
            refund_within_days=draw(st.none() | st.integers(0, 90)),
            text=text,
        )
    if kind == "fine":
        return Fine(
            ref=clause_ref,
            amount=draw(amounts(max_value=2_000)),
            trigger=trigger,
            in_democratic_rules=draw(st.booleans()),
            text=text,
        )
    if kind == "penalty":
        return Penalty(
            ref=clause_ref, amount=draw(amounts(max_value=20_000)), trigger=trigger, text=text
        )
    if kind == "per_item":
        return PerItemCharge(
            ref=clause_ref, amount=draw(amounts(max_value=200)), trigger=trigger, text=text
        )
    if kind == "loss_compensation":
        return LossCompensation(ref=clause_ref, trigger=trigger, text=text)
    return NonCompete(
        ref=clause_ref,
        penalty=draw(amounts(max_value=100_000)),
        months=draw(st.integers(1, 36)),
        monthly_compensation=draw(st.none() | amounts(max_value=8_000)),
        text=text,
    )


def _check_charge_agreements(o: _Options) -> None:
    _check_int("charge_agreements", "max_clauses", o["max_clauses"], 0, 12)
    if o["signed_on"] is not None:
        _check_date("charge_agreements", "signed_on", o["signed_on"])


@_eager(_check_charge_agreements)
@st.composite
def charge_agreements(
    draw: st.DrawFn, *, signed_on: date | None = None, max_clauses: int = 4
) -> ChargeAgreement:
    """Agreements with up to ``max_clauses`` charge clauses (0 to 12, default 4), refs
    ``C1``, ``C2``… and at most one non-compete, ending after signing or open-ended.

    Args:
        signed_on: the day of signing (``None``: drawn from 2020 to 2026).
        max_clauses: the most clauses.
    """
    signed = (
        signed_on
        if signed_on is not None
        else draw(dates(min_value=_CHARGE_FIRST, max_value=_CHARGE_LAST))
    )
    count = draw(st.integers(0, max_clauses))
    kinds = list(_CHARGE_FORMS)
    charges: list[Charge] = []
    for index in range(count):
        if any(isinstance(c, NonCompete) for c in charges):
            kinds = [k for k in kinds if k != "non_compete"]
        charges.append(draw(charge_clauses(kinds=kinds, ref=f"C{index + 1}")))
    ends_on = draw(st.none() | st.integers(0, 1100).map(lambda days: signed + timedelta(days=days)))
    return ChargeAgreement(
        id=draw(_ids("AG")),
        signed_on=signed,
        charges=tuple(charges),
        ends_on=ends_on,
        title=draw(st.sampled_from(["", "销售协议", "兼职协议"])),
    )


def charge_policies() -> st.SearchStrategy[ChargePolicy]:
    """Any combination of the charges engine's options."""
    return st.builds(
        ChargePolicy,
        fines=st.sampled_from(list(FineRule)),
        penalty_and_loss=st.sampled_from(list(PenaltyAndLoss)),
        excessive_above_loss=rates(max_value=1),
        region=st.sampled_from(list(ChargeRegion)),
        name=st.sampled_from(["", "华南门店"]),
    )


def _month_end(day: date) -> date:
    return Period(year=day.year, month=day.month).last_day


def _pay_period_end(start: date, half_months: bool) -> date:
    """The last day of the pay period starting ``start``: the month's end, or the 15th
    when pay is every half month."""
    if half_months and start.day <= 15:
        return start.replace(day=15)
    return _month_end(start)


@st.composite
def _charge_pay_periods(draw: st.DrawFn, worker: Worker, as_of: date) -> tuple[PayPeriod, ...]:
    """Consecutive pay periods from some months before ``as_of`` (never before the worker
    started, never past the last day worked): calendar months, or half months for
    part-time labour (one in five monthly, which the engine flags as too long)."""
    part_time = worker.relationship is Relationship.PART_TIME
    half_months = part_time and draw(st.integers(0, 4)) > 0
    back = draw(st.integers(0, 3))
    first = as_of.replace(day=1)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    start = max(first, worker.started)
    periods: list[PayPeriod] = []
    for _ in range(draw(st.integers(0, 6))):
        if worker.left_on is not None and start > worker.left_on:
            break
        end = _pay_period_end(start, half_months)
        if worker.left_on is not None:
            end = min(end, worker.left_on)
        if part_time:
            period = PayPeriod(
                start=start,
                end=end,
                wage=draw(amounts(min_value=100, max_value=4_000)),
                hours=draw(st.integers(4, 100).map(Decimal)),
                hourly_minimum_wage=draw(st.sampled_from(_HOURLY_MINIMA)),
            )
        elif worker.relationship is Relationship.LABOUR_CONTRACT:
            period = PayPeriod(
                start=start,
                end=end,
                wage=draw(amounts(min_value=1_000, max_value=20_000)),
                minimum_wage=draw(st.sampled_from(_MONTHLY_MINIMA)),
            )
        else:
            period = PayPeriod(
                start=start,
                end=end,
                wage=draw(amounts(max_value=6_000)),
                minimum_wage=draw(st.none() | st.sampled_from(_MONTHLY_MINIMA)),
            )
        periods.append(period)
        start = end + timedelta(days=1)
    return tuple(periods)


def _day_between(draw: st.DrawFn, first: date, last: date) -> date:
    return first + timedelta(days=draw(st.integers(0, (last - first).days)))


@st.composite
def _charge_incidents(
    draw: st.DrawFn, worker: Worker, agreement: ChargeAgreement, as_of: date, most: int
) -> tuple[Incident, ...]:
    """Incidents on days the engine accepts: after the start, by ``as_of``; a competitor
    during the agreement by the last day worked, a competitor after it only once left."""
    triggers = [
        c.trigger for c in agreement.charges if isinstance(c, (Fine, Penalty, PerItemCharge))
    ] + [c.trigger for c in agreement.charges if isinstance(c, LossCompensation)]
    if any(isinstance(c, NonCompete) for c in agreement.charges):
        triggers.append(Trigger.COMPETITOR_AFTER)
    worked_until = min(as_of, worker.left_on) if worker.left_on is not None else as_of
    incidents = []
    for index in range(draw(st.integers(0, most))):
        trigger = draw(st.sampled_from(triggers or list(Trigger)) | st.sampled_from(list(Trigger)))
        after_leaving = worker.left_on is not None and worker.left_on < as_of
        if trigger is Trigger.COMPETITOR_AFTER and not after_leaving:
            trigger = Trigger.LOST_OR_DAMAGED
        if trigger is Trigger.COMPETITOR_AFTER:
            assert worker.left_on is not None
            on = _day_between(draw, worker.left_on + timedelta(days=1), as_of)
        else:
            on = _day_between(draw, worker.started, worked_until)
        incidents.append(
            Incident(
                id=f"I{index + 1}",
                trigger=trigger,
                on=on,
                items=draw(st.integers(1, 5)),
                proven_loss=draw(st.none() | amounts(max_value=5_000)),
                liability=draw(st.just(Rate.parse("100%")) | rates()),
                description=draw(st.sampled_from(["", "丢失宣传资料一套"])),
            )
        )
    return tuple(incidents)


@st.composite
def _charge_takings(
    draw: st.DrawFn,
    *,
    worker: Worker,
    agreement: ChargeAgreement,
    incidents: tuple[Incident, ...],
    periods: tuple[PayPeriod, ...],
    as_of: date,
    most: int,
) -> tuple[Taking, ...]:
    """Money taken under the agreement's clauses, as the engine accepts it: deposits
    paid or deducted (never drawn from a deposit), no more drawn from deposits than
    was paid into them, every deduction from wages in a pay period by ``as_of``."""
    if not agreement.charges:
        return ()
    past = [p for p in periods if p.start <= as_of]
    deposits = [c for c in agreement.charges if isinstance(c, Deposit)]
    # Deposits are taken first, most often when the work starts, so that later takings
    # can draw on them; what was given back of a deposit cannot be drawn on.
    clauses: list[Charge] = []
    if deposits:
        clauses += [draw(st.sampled_from(deposits)) for _ in range(draw(st.integers(0, 2)))]
    clauses += [draw(st.sampled_from(agreement.charges)) for _ in range(draw(st.integers(0, most)))]
    held = Decimal(0)
    takings = []
    for index, clause in enumerate(clauses[:most]):
        amount = draw(amounts(max_value=3_000))
        means = draw(st.sampled_from(list(Means)))
        if isinstance(clause, Deposit) and means is Means.FROM_DEPOSIT:
            means = Means.PAID
        if means is Means.FROM_DEPOSIT:
            if held > 0:
                amount = min(amount, held)
            else:
                means = Means.PAID
        if means is Means.DEDUCTED_FROM_WAGES and not past:
            means = Means.PAID
        if means is Means.DEDUCTED_FROM_WAGES:
            period = draw(st.sampled_from(past))
            on = _day_between(draw, period.start, min(period.end, as_of))
        else:
            on = _day_between(draw, worker.started, as_of)
        returned = draw(st.sampled_from([Decimal(0), amount]) | amounts(max_value=amount))
        if isinstance(clause, Deposit):
            held += amount - returned
            incident = ""
        else:
            held -= amount if means is Means.FROM_DEPOSIT else Decimal(0)
            incident = draw(st.sampled_from(["", *(i.id for i in incidents)]))
        takings.append(
            Taking(
                id=f"T{index + 1}",
                clause=clause.ref,
                amount=amount,
                means=means,
                on=on,
                incident=incident,
                returned=returned,
            )
        )
    return tuple(takings)


def _lawful_loss_deduction(
    draw: st.DrawFn,
    *,
    worker: Worker,
    agreement: ChargeAgreement,
    incidents: tuple[Incident, ...],
    takings: tuple[Taking, ...],
    periods: tuple[PayPeriod, ...],
    as_of: date,
) -> tuple[ChargeAgreement, tuple[Incident, ...], tuple[Taking, ...]]:
    """A proven loss in the pay period holding ``as_of`` (one still to be paid), and part
    of it deducted from that period's wage under a loss-compensation clause due for it —
    the agreement's, or one added — so the deduction is lawful under a labour relationship
    and the rest of the loss is left to recover. Nothing changes when no pay period holds
    ``as_of`` with days after it."""
    current = next((p for p in periods if p.start <= as_of < p.end), None)
    if current is None:
        return agreement, incidents, takings
    clause = next(
        (
            c
            for c in agreement.charges
            if isinstance(c, LossCompensation) and c.trigger is not Trigger.COMPETITOR_AFTER
        ),
        None,
    )
    if clause is None:
        clause = LossCompensation(
            ref=f"C{len(agreement.charges) + 1}", trigger=Trigger.LOST_OR_DAMAGED
        )
        agreement = attrs.evolve(agreement, charges=(*agreement.charges, clause))
    first = max(current.start, worker.started)
    loss = draw(amounts(min_value=2, max_value=5_000))
    incident = Incident(
        id=f"I{len(incidents) + 1}",
        trigger=clause.trigger,
        on=_day_between(draw, first, as_of),
        proven_loss=loss,
    )
    deduction = Taking(
        id=f"T{len(takings) + 1}",
        clause=clause.ref,
        amount=draw(amounts(min_value=1, max_value=min(loss - 1, Decimal(500)))),
        means=Means.DEDUCTED_FROM_WAGES,
        on=_day_between(draw, incident.on, as_of),
        incident=incident.id,
    )
    return agreement, (*incidents, incident), (*takings, deduction)


def _check_charge_cases(o: _Options) -> None:
    _check_enum("charge_cases", "relationship", o["relationship"], Relationship)
    _check_instance("charge_cases", "policy", o["policy"], ChargePolicy)
    _check_int("charge_cases", "max_incidents", o["max_incidents"], 0, 10)
    _check_int("charge_cases", "max_takings", o["max_takings"], 0, 10)


@_eager(_check_charge_cases)
@st.composite
def charge_cases(
    draw: st.DrawFn,
    *,
    relationship: Relationship | None = None,
    policy: ChargePolicy | None = None,
    max_incidents: int = 3,
    max_takings: int = 4,
) -> ChargeCase:
    """Consistent charges cases, as the engine settles them: a worker whose relationship
    agrees with the facts (:func:`charge_workers`), an agreement signed up to 30 days
    before the start (:func:`charge_agreements`), settled on a day on or after the last
    day worked — or, one time in four for a worker who leaves, before it, while still at
    work; incidents on days the engine accepts (a competitor after leaving only once
    left); takings under the agreement's clauses (no deposit drawn from a deposit, no
    more drawn from deposits than was paid, each deduction from wages in a pay period);
    under a labour relationship, one time in three, a proven loss partly deducted from
    the wage of the pay period holding the settlement day under a loss-compensation
    clause (added when the agreement has none), so that the schedule finds that period
    already part deducted; consecutive pay periods that never run past the last day
    worked, with the floor the relationship needs; and, with a non-compete, the wage facts
    that fix its compensation and payments made after leaving.

    Args:
        relationship: a :class:`~hrpolicy.charges.model.Relationship` (``None``: drawn).
        policy: the :class:`~hrpolicy.charges.policy.ChargePolicy` (``None``: drawn).
        max_incidents: the most incidents (0 to 10, default 3).
        max_takings: the most takings (0 to 10, default 4).
    """
    worker = draw(charge_workers(relationship=relationship))
    agreement = draw(
        charge_agreements(signed_on=worker.started - timedelta(days=draw(st.integers(0, 30))))
    )
    left_on = worker.left_on
    if left_on is not None and left_on > worker.started and draw(st.integers(0, 3)) == 0:
        # Settled while still at work, before a known last day.
        as_of = _day_between(draw, worker.started, left_on - timedelta(days=1))
    else:
        since = left_on if left_on is not None else worker.started
        as_of = since + timedelta(days=draw(st.integers(0, 800)))
    periods = draw(_charge_pay_periods(worker, as_of))
    incidents = draw(_charge_incidents(worker, agreement, as_of, max_incidents))
    takings = draw(
        _charge_takings(
            worker=worker,
            agreement=agreement,
            incidents=incidents,
            periods=periods,
            as_of=as_of,
            most=max_takings,
        )
    )
    if worker.relationship.is_labour and draw(st.integers(0, 2)) == 0:
        agreement, incidents, takings = _lawful_loss_deduction(
            draw,
            worker=worker,
            agreement=agreement,
            incidents=incidents,
            takings=takings,
            periods=periods,
            as_of=as_of,
        )
    non_compete = None
    if any(isinstance(c, NonCompete) for c in agreement.charges):
        payments: list[CompensationPayment] = []
        if worker.left_on is not None and worker.left_on < as_of:
            left_on = worker.left_on
            days = sorted(
                draw(st.lists(st.integers(1, (as_of - left_on).days), max_size=4, unique=True))
            )
            payments = [
                CompensationPayment(
                    on=left_on + timedelta(days=day), amount=draw(amounts(max_value=6_000))
                )
                for day in days
            ]
        non_compete = NonCompetePay(
            average_monthly_wage=draw(amounts(min_value=1_000, max_value=30_000)),
            minimum_wage=draw(st.sampled_from(_MONTHLY_MINIMA)),
            payments=tuple(payments),
        )
    return ChargeCase(
        worker=worker,
        agreement=agreement,
        as_of=as_of,
        incidents=incidents,
        takings=takings,
        pay_periods=periods,
        non_compete=non_compete,
        policy=policy if policy is not None else draw(charge_policies()),
    )


@st.composite
def _pay_periods(draw: st.DrawFn) -> PayPeriod:
    start = draw(dates(min_value=_CHARGE_FIRST, max_value=_CHARGE_LAST))
    end = start + timedelta(days=draw(st.integers(0, 31)))
    return draw(_builds(PayPeriod, start=st.just(start), end=st.just(end)))


@st.composite
def _takings(draw: st.DrawFn) -> Taking:
    amount = draw(amounts(max_value=5_000))
    return draw(_builds(Taking, amount=st.just(amount), returned=amounts(max_value=amount)))


def table_calendars(*, year: int | None = None) -> st.SearchStrategy[TableCalendar]:
    """One-year table calendars with a few holidays, rest days and make-up workdays, for
    ``year`` (1900 to 2199; ``None``: drawn from 2008 to 2040)."""
    if year is not None:
        _check_int("table_calendars", "year", year, FIRST_DATE.year, LAST_DATE.year)

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


def layered_calendars(*, year: int | None = None) -> st.SearchStrategy[LayeredCalendar]:
    """A one-year table calendar for ``year`` (1900 to 2199; ``None``: drawn from 2008 to
    2040) laid over the statutory calendar named, or over a table calendar of the year
    before, with ``replaces_base=True`` (the layer may correct a year the base covers)."""
    if year is not None:
        _check_int("layered_calendars", "year", year, FIRST_DATE.year + 1, LAST_DATE.year)

    @st.composite
    def build(draw: st.DrawFn) -> LayeredCalendar:
        chosen_year = year if year is not None else draw(st.integers(2008, 2040))
        base = draw(st.one_of(st.just(StatutoryCalendar()), table_calendars(year=chosen_year - 1)))
        layer = draw(table_calendars(year=chosen_year))
        # Over the statutory data a drawn year may be one the base covers: the layer is
        # then a correction, said so.
        return LayeredCalendar(base=base, layers=(layer,), replaces_base=True)

    return build()


def named_holidays(*, year: int | None = None) -> st.SearchStrategy[NamedHoliday]:
    """A range of one to nine days named for a holiday, within ``year`` (1900 to 2199;
    ``None``: drawn from 2008 to 2040). On its own: a table holding it must make its days
    days off."""
    if year is not None:
        _check_int("named_holidays", "year", year, FIRST_DATE.year, LAST_DATE.year)

    @st.composite
    def build(draw: st.DrawFn) -> NamedHoliday:
        chosen_year = year if year is not None else draw(st.integers(2008, 2040))
        first = date(chosen_year, 1, 1) + timedelta(days=draw(st.integers(0, 355)))
        last = first + timedelta(days=draw(st.integers(0, 8)))
        return NamedHoliday(
            holiday=draw(st.sampled_from(list(Holiday))), first_day=first, last_day=last
        )

    return build()


# --- commission ---------------------------------------------------------------------------


_PERIOD_KINDS: Final = ("month", "quarter", "season", "year")


def periods(
    *, min_year: int = 2020, max_year: int = 2030, kinds: Sequence[str] = ("month", "year")
) -> st.SearchStrategy[Period]:
    """Periods between ``min_year`` and ``max_year`` (1900 to 2199): calendar months and
    years unless ``kinds`` (some of ``"month"``, ``"quarter"``, ``"season"``, ``"year"``)
    says otherwise; a season is drawn as :func:`_seasons` draws it, starting in the year.
    """
    _check_int("periods", "min_year", min_year, FIRST_DATE.year, LAST_DATE.year)
    _check_int("periods", "max_year", max_year, FIRST_DATE.year, LAST_DATE.year)
    _check_range("periods", min_year, max_year)
    if isinstance(kinds, str) or not kinds or any(k not in _PERIOD_KINDS for k in kinds):
        raise InvalidArgument(
            f"periods: kinds={kinds!r} must be a non-empty list of "
            + ", ".join(repr(k) for k in _PERIOD_KINDS)
        )
    years = st.integers(min_year, max_year)
    by_kind: dict[str, st.SearchStrategy[Period]] = {
        "month": st.builds(Period, year=years, month=st.integers(1, 12)),
        "quarter": st.builds(Period, year=years, quarter=st.integers(1, 4)),
        "season": years.flatmap(
            lambda year: _seasons(year).map(lambda s: Period(year=year, season=s))
        ),
        "year": st.builds(Period, year=years),
    }
    return st.one_of([by_kind[k] for k in _PERIOD_KINDS if k in kinds])


def _seasons(year: int | None = None) -> st.SearchStrategy[Season]:
    """Seasons of up to a year, starting in ``year`` (any year from 2020 to 2030 if none),
    with a name a company might give one."""
    years = st.just(year) if year is not None else st.integers(2020, 2030)

    @st.composite
    def build(draw: st.DrawFn) -> Season:
        start_year = draw(years)
        first = draw(st.dates(min_value=date(start_year, 1, 1), max_value=date(start_year, 12, 31)))
        last = first + timedelta(days=draw(st.integers(0, 364)))
        name = draw(st.sampled_from(["spring", "autumn", "winter", "春耕", "秋种"]))
        return Season(name=name, first_day=first, last_day=last)

    return build()


def _check_deal_options(name: str, o: _Options) -> None:
    _check_instance(name, "period", o["period"], Period)
    if _check_number(name, "max_amount", o["max_amount"]) < 0:
        raise InvalidArgument(f"{name}: max_amount={o['max_amount']!r} must be 0 or more")


def _check_commission_deals(o: _Options) -> None:
    _check_deal_options("commission_deals", o)
    _check_name("commission_deals", "owner", o["owner"])


@_eager(_check_commission_deals)
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
        on_credit=draw(st.booleans()),
        sign_offs=draw(_deal_sign_offs()),
    )


def _deal_sign_offs() -> st.SearchStrategy[tuple[SignOff, ...]]:
    """None, one or both of the general manager's and the department manager's sign-offs
    (the approvers generated approval rules name), dated or not."""
    return st.lists(
        st.builds(
            SignOff,
            approver=st.sampled_from([GENERAL_MANAGER.role, DEPARTMENT_MANAGER.role]),
            reference=st.sampled_from(["GM-1", "DM-1"]),
            signed_on=st.none() | dates(),
        ),
        max_size=2,
        unique_by=lambda s: s.approver,
    ).map(tuple)


def _approvers() -> st.SearchStrategy[tuple[Approver, ...]]:
    """One or two approvers with distinct roles, in order."""
    return st.sampled_from(
        [(GENERAL_MANAGER,), (DEPARTMENT_MANAGER, GENERAL_MANAGER), (DEPARTMENT_MANAGER,)]
    )


def _deal_approval_rules() -> st.SearchStrategy[tuple[ApprovalRule, ...]]:
    """Approval rules a plan version may hold: over sales on credit or below list, each
    reporting a missing sign-off or holding the deal's commission, with or without a
    threshold."""
    return st.lists(
        st.builds(
            ApprovalRule,
            kind=st.sampled_from([ON_CREDIT, BELOW_LIST]),
            approvers=_approvers(),
            holds=st.sampled_from([Holds.NOTHING, Holds.COMMISSION]),
            above=st.none() | amounts(max_value=100_000),
            reference=st.sampled_from(["", "销售管理制度 第8条"]),
        ),
        max_size=2,
        unique=True,
    ).map(tuple)


_COMPONENT_KINDS = ("commission", "fixed", "task", "over_list", "pool")


def _check_commission_components(o: _Options) -> None:
    _check_name("commission_components", "component_id", o["component_id"])
    kind = o["kind"]
    if kind is not None and kind not in _COMPONENT_KINDS:
        raise InvalidArgument(
            f"commission_components: kind={kind!r} must be None or one of "
            + ", ".join(repr(k) for k in _COMPONENT_KINDS)
        )


@_eager(_check_commission_components)
@st.composite
def commission_components(
    draw: st.DrawFn, *, component_id: str = "c", kind: str | None = None
) -> Component:
    """One component of any kind except expense allowances and draws (which refer to
    others); commission tables have rising rates and start at 0.

    Args:
        component_id: the component's id.
        kind: ``"commission"``, ``"fixed"``, ``"task"``, ``"over_list"`` or ``"pool"``
            (``None``: any of them).
    """
    kind = kind if kind is not None else draw(st.sampled_from(_COMPONENT_KINDS))
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
            # Month and year statements: the plans drawn name no seasons.
            frequency=draw(st.sampled_from([Frequency.MONTHLY, Frequency.YEARLY])),
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
        # The open reading of sales proration, read literally (only with a dealer target).
        # Dealers are counted as new ones (the default), so the facts a generated plan
        # needs stay those of the person strategies and the tests built on them.
        literal = dealer_target > 0 and draw(st.booleans())
        return TaskBase(
            component_id=component_id,
            name="任务底薪",
            amount=draw(amounts(max_value=10_000)),
            sales_target=draw(amounts(min_value=1, max_value=100_000)),
            dealer_target=dealer_target,
            proration=Proration.SALES if literal else draw(st.sampled_from(prorations)),
            literal_sales_proration=literal,
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


def _check_commission_plans(o: _Options) -> None:
    _check_int("commission_plans", "max_versions", o["max_versions"], 1, 10)
    _check_bool("commission_plans", "approvals", o["approvals"])


@_eager(_check_commission_plans)
@st.composite
def commission_plans(draw: st.DrawFn, *, max_versions: int = 3, approvals: bool = True) -> Plan:
    """Plans of one to ``max_versions`` (1 to 10) consecutive yearly versions from 2024, each with
    one to three components (ids ``c0``, ``c1``…, kept consistent across versions) and, with
    ``approvals`` (the default), up to two approval rules over sales on credit or below list
    (``approvals=False``: none, e.g. for plans the fast path
    :func:`hrpolicy.commission.fast.run_columns` must take, which refuses approval rules)."""
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
                approvals=draw(_deal_approval_rules()) if approvals else (),
            )
        )
    return Plan(plan_id="generated", name="generated plan", versions=tuple(versions))


def _later_table(component: Commission) -> st.SearchStrategy[BandTable]:
    """A new table for a later version of ``component`` (marginal if it has a basis)."""
    separate = component.basis is not None and component.basis != component.measure
    semantics = Semantics.MARGINAL if separate else None
    return band_tables(semantics=semantics, unbounded=True, non_decreasing=True)


@st.composite
def _commission_cases(draw: st.DrawFn) -> CommissionCase:
    """A team's month under a generated plan: the deals and inputs of :func:`team_months`."""
    month = draw(team_months(owners=draw(st.sampled_from([("li",), ("li", "wang")])), max_deals=4))
    return CommissionCase(
        plan=draw(commission_plans()), period=month.period, deals=month.deals, inputs=month.inputs
    )


# --- collection ---------------------------------------------------------------------------


def collection_receivables(
    *,
    year: int = 2024,
    max_invoices: int = 3,
    matching: MatchingRule | None = None,
    adjustments: bool = True,
) -> st.SearchStrategy[Receivables]:
    """One customer's invoices to salesperson ``li`` in ``year`` (issued January–June);
    :func:`invoice_sets` with ``customers=("ACME",)``, ``min_size=1`` and
    ``max_size=max_invoices`` (1 to 10)."""
    _check_int("collection_receivables", "max_invoices", max_invoices, 1, 10)
    return invoice_sets(
        year=year, max_size=max_invoices, matching=matching, adjustments=adjustments
    )


def invoice_sets(
    *,
    salesperson: str = "li",
    customers: Sequence[str] = ("ACME",),
    min_size: int = 1,
    max_size: int = 3,
    year: int = 2024,
    matching: MatchingRule | None = None,
    adjustments: bool = True,
) -> st.SearchStrategy[Receivables]:
    """A salesperson's books: invoices with unique ids (``I0``, ``I1``…) to ``salesperson``
    from ``customers`` in ``year`` (issued January–June), their payments (unique ids) and —
    with ``adjustments`` — credit notes and write-offs (unique ids), always consistent:
    per invoice, payments stay within 40 % of it and credit notes and write-offs within 20 %
    each, so no payment exceeds what is owed and no write-off what is open.

    Args:
        salesperson: the name every invoice is credited to.
        customers: the customers invoices are drawn for (1 to 20 distinct names); every
            payment comes from its invoice's customer.
        min_size: the fewest invoices (1 to 20, default 1).
        max_size: the most invoices (``min_size`` to 20, default 3).
        year: the year of the books (2008 to 2039).
        matching: the :class:`~hrpolicy.collection.MatchingRule` (``None``: drawn). Under
            ``BY_INVOICE`` each payment names its invoice and may leave out the customer;
            the other rules need the customer, and write-offs are drawn only where an
            invoice's payments are its own (one customer with one invoice).
        adjustments: whether credit notes and write-offs are drawn.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5, database=None)
        ... @given(invoice_sets(salesperson="wang", customers=["ACME", "BETA"], max_size=4))
        ... def test_one_salesperson(books: Receivables) -> None:
        ...     assert {i.salesperson for i in books.invoices} == {"wang"}
        ...     assert len({i.invoice_id for i in books.invoices}) == len(books.invoices)
        >>> test_one_salesperson()
    """
    name = "invoice_sets"
    _check_name(name, "salesperson", salesperson)
    names = _check_names(name, "customers", customers)
    _check_sizes(name, min_size, max_size, low=1, high=20)
    _check_int(name, "year", year, 2008, 2039)
    _check_enum(name, "matching", matching, MatchingRule)
    _check_bool(name, "adjustments", adjustments)
    return _invoice_sets(
        salesperson=salesperson,
        customers=names,
        min_size=min_size,
        max_size=max_size,
        year=year,
        matching=matching,
        adjustments=adjustments,
    )


@st.composite
def _invoice_sets(
    draw: st.DrawFn,
    *,
    salesperson: str,
    customers: tuple[str, ...],
    min_size: int,
    max_size: int,
    year: int,
    matching: MatchingRule | None,
    adjustments: bool,
) -> Receivables:
    rule = matching if matching is not None else draw(st.sampled_from(list(MatchingRule)))
    count = draw(st.integers(min_size, max_size))
    of = [draw(st.sampled_from(customers)) for _ in range(count)]
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
                customer=of[index],
                salesperson=salesperson,
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
                    customer=draw(st.sampled_from([of[index], None])) if by_invoice else of[index],
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
        own = rule is MatchingRule.BY_INVOICE or of.count(of[index]) == 1
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


@st.composite
def _collection_months(draw: st.DrawFn, *, period: Period | None = None) -> CollectionMonth:
    """A month with inputs for none, one or both of ``li`` and ``wang``."""
    chosen = period if period is not None else draw(_months())
    people = draw(st.lists(st.sampled_from(["li", "wang"]), unique=True, max_size=2))
    inputs = tuple(draw(collection_inputs(employee=name)) for name in people)
    return CollectionMonth(period=chosen, inputs=inputs)


@st.composite
def _collection_cases(draw: st.DrawFn) -> CollectionCase:
    """One to three consecutive months of 2024 over :func:`invoice_sets` books."""
    first = draw(st.integers(1, 10))
    count = draw(st.integers(1, 3))
    months = tuple(
        draw(_collection_months(period=Period(year=2024, month=m)))
        for m in range(first, first + count)
    )
    return CollectionCase(
        policy=draw(collection_policies()), receivables=draw(invoice_sets()), months=months
    )


# --- weekly reports -------------------------------------------------------------------------

_ITEM_TEXT = st.text(
    alphabet="销售回款拜访客户费用促销竞品政策变化进展良好", min_size=5, max_size=30
)


def _check_weekly_reports(o: _Options) -> None:
    _check_instance("weekly_reports", "week", o["week"], IsoWeek)
    _check_name("weekly_reports", "employee", o["employee"])
    _check_bool("weekly_reports", "compliant", o["compliant"])


@_eager(_check_weekly_reports)
@st.composite
def weekly_reports(
    draw: st.DrawFn,
    *,
    week: IsoWeek | None = None,
    employee: str = "li",
    compliant: bool = False,
) -> tuple[WeeklyReport, Reference]:
    """A weekly report of ``employee`` and the reference data for its week (``week``, an
    :class:`~hrpolicy.reports.IsoWeek`; ``None``: a week of 2024).

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


def _case_calendars() -> st.SearchStrategy[CaseCalendar]:
    """A case's calendar: a 2024 table calendar, the statutory calendar named, or a 2024
    table laid over either."""
    return st.one_of(
        table_calendars(year=2024), st.just(StatutoryCalendar()), layered_calendars(year=2024)
    )


@st.composite
def _report_cases(draw: st.DrawFn) -> ReportCase:
    """A team's week (:func:`team_weeks`) under a generated policy, with reviews and
    approved plans for some of its reports."""
    team = draw(team_weeks(employees=draw(st.sampled_from([("li",), ("li", "wang")]))))
    ids = [r.report_id for r in team.reports]
    reviewed = draw(st.lists(st.sampled_from(ids), unique=True))
    planned = draw(st.lists(st.sampled_from(ids), unique=True))
    return ReportCase(
        policy=draw(report_policies()),
        calendar=draw(_case_calendars()),
        reports=team.reports,
        references=team.references,
        reviews=tuple(Review(report_id=i, illegible=draw(st.booleans())) for i in reviewed),
        approved_plans=tuple(
            ApprovedPlan(report_id=i, plan=draw(_registered(NextWeekPlan))) for i in planned
        ),
    )


@st.composite
def _scoring_cases(draw: st.DrawFn) -> ScoringCase:
    """A generated card, month, month's facts and calendar; half the time a month of
    2024 with a daily-work score known already, which every card scores."""
    if draw(st.booleans()):
        month = Period(year=2024, month=draw(st.integers(1, 12)))
        inputs = MonthInputs(employee=draw(_TEXT), daily_work=Decimal(draw(st.integers(0, 100))))
    else:
        inputs = draw(_month_inputs())
        days = [a.on for a in inputs.absences] + [d for d in (inputs.rebate_forms_on,) if d]
        month = Period(year=days[0].year, month=days[0].month) if days else draw(_months())
    return ScoringCase(
        card=draw(score_cards()), month=month, inputs=inputs, calendar=draw(_case_calendars())
    )


# --- activity cadences -----------------------------------------------------------------------

_CADENCE_KINDS: Final = ("visit", "service", "customer_file", "bid", "bid_documents", "call")
_CADENCE_SUBJECTS: Final = ("C1", "C2", "P1")
_CADENCE_STAGES: Final = ("early_design", "tendering", "won")
_CADENCE_DAYS = dates(min_value=date(2024, 2, 1), max_value=date(2024, 10, 31))
_CADENCE_UNITS = st.sampled_from(list(CadenceUnit))


def _cadence_names(draw: st.DrawFn) -> dict[str, Any]:
    return {"rule_id": draw(_TEXT), "zh_CN": draw(_TEXT), "en": draw(_TEXT)}


def _cadence_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A trigger kind and a different response kind (no rule answers itself)."""
    trigger = draw(st.sampled_from(_CADENCE_KINDS))
    return trigger, draw(st.sampled_from([k for k in _CADENCE_KINDS if k != trigger]))


@st.composite
def _withins(draw: st.DrawFn) -> Within:
    """A window after an activity of a drawn kind, at most 20 units long."""
    latest = draw(st.integers(0, 20))
    after, activity = _cadence_pair(draw)
    return Within(
        **_cadence_names(draw),
        after=after,
        activity=activity,
        latest=latest,
        earliest=draw(st.integers(0, latest)),
        unit=draw(_CADENCE_UNITS),
    )


@st.composite
def _aheads(draw: st.DrawFn) -> Ahead:
    """A lead of 1 to 20 units before an activity of a drawn kind."""
    before, activity = _cadence_pair(draw)
    return Ahead(
        **_cadence_names(draw),
        before=before,
        activity=activity,
        lead=draw(st.integers(1, 20)),
        unit=draw(_CADENCE_UNITS),
    )


@st.composite
def _everies(draw: st.DrawFn) -> Every:
    """An activity every 1 to 30 units while in some of the drawn stages, or in any
    stage but them."""
    named = tuple(draw(st.lists(st.sampled_from(_CADENCE_STAGES), min_size=1, unique=True)))
    except_them = draw(st.booleans())
    return Every(
        **_cadence_names(draw),
        activity=draw(st.sampled_from(_CADENCE_KINDS)),
        every=draw(st.integers(1, 30)),
        stages=() if except_them else named,
        except_stages=named if except_them else (),
        unit=draw(_CADENCE_UNITS),
    )


@st.composite
def _at_leasts(draw: st.DrawFn) -> AtLeast:
    """An activity 1 to 5 times within 1 to 30 units of an activity of a drawn kind."""
    after, activity = _cadence_pair(draw)
    return AtLeast(
        **_cadence_names(draw),
        after=after,
        activity=activity,
        times=draw(st.integers(1, 5)),
        within=draw(st.integers(1, 30)),
        unit=draw(_CADENCE_UNITS),
    )


@st.composite
def _by_next_months(draw: st.DrawFn) -> ByNextMonth:
    """A monthly ``score_sheet`` by a day of the next month, owed by some subjects."""
    return ByNextMonth(
        **_cadence_names(draw),
        activity="score_sheet",
        due=draw(_registered(DayOfNextMonth)),
        subjects=tuple(draw(st.lists(st.sampled_from(_CADENCE_SUBJECTS), min_size=1, unique=True))),
    )


_CADENCE_RULES = st.one_of(_withins(), _aheads(), _everies(), _at_leasts(), _by_next_months())


@st.composite
def _cadence_policies(draw: st.DrawFn) -> CadencePolicy:
    """One to four rules of any kind with distinct ids."""
    rules = draw(st.lists(_CADENCE_RULES, min_size=1, max_size=4, unique_by=lambda r: r.rule_id))
    return CadencePolicy(policy_id=draw(_TEXT), rules=tuple(rules))


@st.composite
def _activities(draw: st.DrawFn) -> Activity:
    """An activity of 2024 of a drawn kind; a ``score_sheet`` names the month it is for."""
    on = draw(_CADENCE_DAYS)
    if draw(st.integers(0, 5)) == 0:
        month = draw(st.sampled_from([on.month, on.month - 1]))
        return Activity(
            kind="score_sheet",
            on=on,
            subject=draw(st.sampled_from(_CADENCE_SUBJECTS)),
            period=Period(year=2024, month=month),
        )
    return Activity(
        kind=draw(st.sampled_from(_CADENCE_KINDS)),
        on=on,
        subject=draw(st.sampled_from(_CADENCE_SUBJECTS)),
    )


_STAGE_RECORDS = st.builds(
    Stage,
    subject=st.sampled_from(_CADENCE_SUBJECTS),
    stage=st.sampled_from(_CADENCE_STAGES),
    since=_CADENCE_DAYS,
)


@st.composite
def _cadence_cases(draw: st.DrawFn) -> CadenceCase:
    """A drawn policy over a log, stages and perhaps a weekly report of 2024, judged over
    a range of up to four months of 2024."""
    first = draw(_CADENCE_DAYS)
    last = min(first + timedelta(days=draw(st.integers(0, 120))), date(2024, 11, 30))
    reports = draw(st.one_of(st.just(()), weekly_reports().map(lambda pair: (pair[0],))))
    return CadenceCase(
        policy=draw(_cadence_policies()),
        calendar=draw(_case_calendars()),
        first_day=first,
        as_of=last,
        activities=tuple(draw(st.lists(_activities(), max_size=20))),
        stages=tuple(
            draw(st.lists(_STAGE_RECORDS, max_size=4, unique_by=lambda s: (s.subject, s.since)))
        ),
        reports=reports,
    )


# --- the remaining public types --------------------------------------------------------------


def iso_weeks(*, min_year: int = 2020, max_year: int = 2030) -> st.SearchStrategy[IsoWeek]:
    """ISO weeks between ``min_year`` and ``max_year`` (inclusive; 2001 to 2099)."""
    _check_int("iso_weeks", "min_year", min_year, 2001, 2099)
    _check_int("iso_weeks", "max_year", max_year, 2001, 2099)
    _check_range("iso_weeks", min_year, max_year)
    return st.dates(date(min_year, 1, 4), date(max_year, 12, 28)).map(IsoWeek.of)


def credits(*, employees: Sequence[str] = ("li", "wang", "zhao")) -> st.SearchStrategy[Credit]:
    """A person's share of a deal, with a role, and a share or the plan's standard one;
    ``employees`` (1 to 20 distinct names) are the people credited."""
    employees = _check_names("credits", "employees", employees)
    return st.builds(
        Credit,
        employee=st.sampled_from(list(employees)),
        role=st.sampled_from(["sales", "service"]),
        share=st.none() | rates(min_value=Decimal("0.01")),
    )


def _check_person_inputs(o: _Options) -> None:
    _check_name("person_inputs", "employee", o["employee"])


@_eager(_check_person_inputs)
@st.composite
def person_inputs(draw: st.DrawFn, *, employee: str = "li") -> PersonInputs:
    """``employee``'s facts for a month (dealers, score, expenses, branch profit and role,
    the minimum wage, other pay); no carries or lines already paid."""
    new_dealers = draw(st.none() | st.integers(0, 10))
    return PersonInputs(
        employee=employee,
        new_dealers=new_dealers,
        # Every dealer signed, new or renewed: at least the new ones.
        signed_dealers=None if new_dealers is None else new_dealers + draw(st.integers(0, 3)),
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
    """A salesperson's (``employee``) month facts with a wage and minimum wage (so any
    recovery can be capped) and the empty starting state."""
    _check_name("collection_inputs", "employee", employee)
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
        untrue_zeroes=draw(st.sampled_from(list(UntrueContent))),
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


@st.composite
def kpi_cards(draw: st.DrawFn) -> KpiCard:
    """KPI cards of one to five indicators whose weights (whole percents) add up to 100 %,
    each scored by a band table from -100 (completion and growth are in percent), with or
    without a bonus-coefficient table and an improvement standard."""
    count = draw(st.integers(1, 5))
    cuts = sorted(
        draw(st.lists(st.integers(1, 99), min_size=count - 1, max_size=count - 1, unique=True))
    )
    weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    indicators = tuple(
        Indicator(
            indicator_id=f"i{index}",
            zh_CN=f"指标{index}",
            en=f"indicator {index}",
            weight=Rate.parse(f"{weight}%"),
            bands=draw(_lookup_tables(start=-100)),
            measured=draw(st.sampled_from(list(Measured))),
        )
        for index, weight in enumerate(weights)
    )
    return KpiCard(
        card_id="generated",
        indicators=indicators,
        assessed=draw(st.sampled_from(list(PeriodKind))),
        bonus_coefficient=draw(st.none() | _lookup_tables()),
        improvement_below=draw(st.none() | st.integers(0, 100).map(Decimal)),
    )


@st.composite
def quota_policies(draw: st.DrawFn) -> QuotaPolicy:
    """Quota policies of one to three monthly quotas, each with a target, a band table of
    coefficients on completion (in percent) and the pay parts it applies to."""
    count = draw(st.integers(1, 3))
    quotas = tuple(
        Quota(
            quota_id=f"q{index}",
            zh_CN=f"指标{index}",
            en=f"quota {index}",
            target=draw(st.integers(1, 200)),
            bands=draw(_lookup_tables()),
            applies_to=tuple(
                draw(st.lists(st.sampled_from(list(PayPart)), min_size=1, unique=True))
            ),
        )
        for index in range(count)
    )
    return QuotaPolicy(
        policy_id="generated", quotas=quotas, combine=draw(st.sampled_from(list(Combine)))
    )


@st.composite
def run_policies(draw: st.DrawFn) -> RunPolicy:
    """Rules over runs of periods: one to three rules, each of one or two thresholds on
    the measures ``score`` and ``completion``, over 1 to 6 periods."""
    rules = []
    for index in range(draw(st.integers(1, 3))):
        measures = draw(
            st.lists(st.sampled_from(["score", "completion"]), min_size=1, max_size=2, unique=True)
        )
        rules.append(
            RunRule(
                rule_id=f"r{index}",
                when=tuple(
                    Threshold(
                        measure=measure,
                        comparison=draw(st.sampled_from(list(Comparison))),
                        value=Decimal(draw(st.integers(0, 120))),
                    )
                    for measure in measures
                ),
                consequence=draw(
                    st.sampled_from(["promotion", "demotion", "retraining_or_transfer"])
                ),
                zh_CN="后果",
                en="consequence",
                periods=draw(st.integers(1, 6)),
                repeat=draw(st.sampled_from(list(Repeat))),
            )
        )
    return RunPolicy(rules=tuple(rules), one_per_period=draw(st.booleans()))


# --- collections the engines accept as a whole ----------------------------------------------


def _months() -> st.SearchStrategy[Period]:
    return st.builds(Period, year=st.integers(2020, 2030), month=st.integers(1, 12))


class TeamMonth(NamedTuple):
    """A team's month as :func:`hrpolicy.commission.evaluate_team` takes it: the period,
    deals with unique ids each owned by a member and signed in the period, and one
    :class:`~hrpolicy.commission.PersonInputs` for every member."""

    period: Period
    deals: tuple[Deal, ...]
    inputs: tuple[PersonInputs, ...]


class TeamWeek(NamedTuple):
    """A team's week as :func:`hrpolicy.reports.validate` takes it: one report and one
    reference per member, all for ``week``, with unique report ids."""

    week: IsoWeek
    reports: tuple[WeeklyReport, ...]
    references: tuple[Reference, ...]


def _check_deal_lists(o: _Options) -> None:
    name = "deal_lists"
    _check_deal_options(name, o)
    _check_sizes(name, o["min_size"], o["max_size"], low=0, high=200)
    if o["owner"] is not None and o["owners"] is not None:
        raise InvalidArgument(f"{name}: give owner or owners, not both")
    if o["owner"] is not None:
        _check_name(name, "owner", o["owner"])
    if o["owners"] is not None:
        _check_names(name, "owners", o["owners"])


@_eager(_check_deal_lists)
@st.composite
def deal_lists(
    draw: st.DrawFn,
    *,
    min_size: int = 0,
    max_size: int = 10,
    owner: str | None = None,
    owners: Sequence[str] | None = None,
    period: Period | None = None,
    max_amount: Decimal | int = 200_000,
) -> list[Deal]:
    """Lists of deals the engines accept together: unique deal ids, every deal owned by
    ``owner`` (or by one of ``owners``) and signed inside one period.

    Args:
        min_size: the fewest deals (0 to 200, default 0).
        max_size: the most deals (``min_size`` to 200, default 10).
        owner: the one owner of every deal (default ``"li"``).
        owners: a team (1 to 20 distinct names) whose members own the deals; not with
            ``owner``.
        period: the :class:`~hrpolicy.commission.Period` the deals are signed in
            (``None``: one month from 2020 to 2030 drawn for the whole list).
        max_amount: the largest deal amount (0 or more, default 200 000).

    Example:
        >>> from hypothesis import given, settings
        >>> from hrpolicy.commission import Period
        >>> march = Period(year=2024, month=3)
        >>> @settings(max_examples=10, database=None)
        ... @given(deal_lists(owners=["li", "wang"], period=march, max_size=5))
        ... def test_unique_ids(deals: list[Deal]) -> None:
        ...     assert len({d.deal_id for d in deals}) == len(deals)
        ...     assert all(march.contains(d.signed_on) for d in deals)
        >>> test_unique_ids()
    """
    team = tuple(owners) if owners is not None else (owner if owner is not None else "li",)
    chosen = period if period is not None else draw(_months())
    ids = draw(st.lists(st.integers(0, 99_999), min_size=min_size, max_size=max_size, unique=True))
    return [
        attrs.evolve(
            draw(
                commission_deals(
                    period=chosen, owner=draw(st.sampled_from(team)), max_amount=max_amount
                )
            ),
            deal_id=f"D{number}",
        )
        for number in ids
    ]


def _check_team_months(o: _Options) -> None:
    name = "team_months"
    _check_names(name, "owners", o["owners"])
    _check_instance(name, "period", o["period"], Period)
    if o["period"] is not None and not o["period"].is_month:
        raise InvalidArgument(f"{name}: period={o['period']!r} must be a month")
    _check_sizes(name, o["min_deals"], o["max_deals"], low=0, high=200)
    if _check_number(name, "max_amount", o["max_amount"]) < 0:
        raise InvalidArgument(f"{name}: max_amount={o['max_amount']!r} must be 0 or more")


@_eager(_check_team_months)
@st.composite
def team_months(
    draw: st.DrawFn,
    *,
    owners: Sequence[str] = ("li", "wang"),
    period: Period | None = None,
    min_deals: int = 0,
    max_deals: int = 10,
    max_amount: Decimal | int = 200_000,
) -> TeamMonth:
    """A team's month: deals (unique ids, each owned by a member, signed in the month) and
    the month's :func:`person_inputs` for every member, as a :class:`TeamMonth`: one branch
    profit for the whole team, and each profit-pool role held by one member at most.

    Args:
        owners: the team (1 to 20 distinct names).
        period: the month (a :class:`~hrpolicy.commission.Period` with a month; ``None``:
            drawn).
        min_deals: the fewest deals (0 to 200, default 0).
        max_deals: the most deals (``min_deals`` to 200, default 10).
        max_amount: the largest deal amount (0 or more, default 200 000).

    Example:
        >>> from hypothesis import given, settings
        >>> from hrpolicy.commission import evaluate_team
        >>> from hrpolicy.commission.examples import magazine_plan
        >>> @settings(max_examples=5, database=None)
        ... @given(team_months(owners=["li", "wang"], period=Period(year=2024, month=3)))
        ... def test_everyone_gets_a_statement(month: TeamMonth) -> None:
        ...     team = evaluate_team(magazine_plan(), *month)
        ...     assert [s.employee for s in team.statements] == ["li", "wang"]
        >>> test_everyone_gets_a_statement()
    """
    team = tuple(owners)
    chosen = period if period is not None else draw(_months())
    deals = draw(
        deal_lists(
            owners=team,
            period=chosen,
            min_size=min_deals,
            max_size=max_deals,
            max_amount=max_amount,
        )
    )
    # One branch profit for everyone sharing a pool, and each pool role held once.
    branch_profit = draw(st.none() | amounts(min_value=-100_000, max_value=1_000_000))
    roles = draw(st.permutations(["manager", "finance", *[None] * len(team)]))
    inputs = tuple(
        attrs.evolve(
            draw(person_inputs(employee=member)), branch_profit=branch_profit, pool_role=role
        )
        for member, role in zip(team, roles, strict=False)
    )
    return TeamMonth(period=chosen, deals=tuple(deals), inputs=inputs)


def _check_team_weeks(o: _Options) -> None:
    _check_names("team_weeks", "employees", o["employees"])
    _check_instance("team_weeks", "week", o["week"], IsoWeek)
    _check_bool("team_weeks", "compliant", o["compliant"])


@_eager(_check_team_weeks)
@st.composite
def team_weeks(
    draw: st.DrawFn,
    *,
    employees: Sequence[str] = ("li", "wang"),
    week: IsoWeek | None = None,
    compliant: bool = False,
) -> TeamWeek:
    """A team's week of reports: one :func:`weekly_reports` report and reference for every
    member, all for one week, with unique report ids, as a :class:`TeamWeek`.

    Args:
        employees: the team (1 to 20 distinct names).
        week: the :class:`~hrpolicy.reports.IsoWeek` (``None``: one week of 2024 drawn).
        compliant: every report complete and on time (see :func:`weekly_reports`).

    Example:
        >>> from hypothesis import given, settings
        >>> from hrpolicy.reports import TableCalendar, validate
        >>> from hrpolicy.reports.examples import domain_report_policy
        >>> calendar = TableCalendar(name="2024", first_year=2024, last_year=2024)
        >>> @settings(max_examples=5, database=None)
        ... @given(team_weeks(employees=["li", "wang", "zhao"]))
        ... def test_one_check_per_report(team: TeamWeek) -> None:
        ...     checks = validate(
        ...         team.reports, domain_report_policy(), calendar, references=team.references
        ...     )
        ...     assert len(checks) == 3
        >>> test_one_check_per_report()
    """
    chosen = week if week is not None else IsoWeek(year=2024, week=draw(st.integers(2, 50)))
    pairs = [
        draw(weekly_reports(week=chosen, employee=member, compliant=compliant))
        for member in employees
    ]
    return TeamWeek(
        week=chosen,
        reports=tuple(report for report, _ in pairs),
        references=tuple(reference for _, reference in pairs),
    )


# --- one strategy for every public input and policy type -------------------------------------

_TEXT = st.sampled_from(["A", "B", "甲", "K1"])
_INT_DRAWN = 20  # ints are drawn from a field's minimum to at most this much above it


def _field_strategy(annotation: object, owner: type) -> st.SearchStrategy[Any]:
    """A strategy for a field's annotation: the library's own types by their rules, other
    attrs classes by their registered strategies."""
    base, spec = split_annotated(annotation)
    origin = typing.get_origin(base)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(base) if a is not type(None)]
        inner = st.one_of([_field_strategy(o, owner) for o in options])
        return st.none() | inner if len(options) < len(typing.get_args(base)) else inner
    if origin is tuple:
        element = typing.get_args(base)[0]
        return st.lists(_field_strategy(element, owner), max_size=2).map(tuple)
    if isinstance(spec, MoneySpec):
        return amounts(max_value=50_000)
    if isinstance(spec, QuantitySpec) or base is Decimal:
        return st.integers(0, 100).map(Decimal)
    if isinstance(spec, IntSpec):
        return st.integers(spec.min_value, min(spec.max_value, spec.min_value + _INT_DRAWN))
    if isinstance(spec, TextSpec):
        return _TEXT
    if base is Rate:
        return rates()
    if base is datetime:
        return st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31, 23, 59))
    if base is date:
        return dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
    if base is bool:
        return st.booleans()
    if base is str:
        return st.sampled_from(["", "x"])
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return st.sampled_from(list(base))
    if isinstance(base, type) and attrs.has(base):
        return _registered(base)
    raise TypeError(f"{owner.__name__}: no strategy for the field type {annotation!r}")


def _registered(kind: type[_T]) -> st.SearchStrategy[_T]:
    """The strategy registered for ``kind``, looked up when first drawn (so the order in
    which the strategies are defined and registered is free)."""
    return st.deferred(lambda: _STRATEGIES[kind] if kind in _STRATEGIES else st.from_type(kind))


def _builds(kind: type[_T], **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[_T]:
    """``kind`` built from ``fields``, every other init field drawn from its annotation."""
    hints = typing.get_type_hints(kind, include_extras=True)
    drawn = {
        f.alias: fields[f.alias] if f.alias in fields else _field_strategy(hints[f.name], kind)
        for f in attrs.fields(typing.cast(Any, kind))
        if f.init
    }
    return st.builds(kind, **drawn)


def _positive(max_value: int = 50_000) -> st.SearchStrategy[Decimal]:
    return amounts(min_value=Decimal("0.01"), max_value=max_value)


def _share() -> st.SearchStrategy[Rate]:
    return rates(min_value=Decimal("0.01"), max_value=Decimal("0.99"))


def _table(values: Sequence[str]) -> st.SearchStrategy[BandTable]:
    points = st.lists(
        st.integers(1, 200), min_size=len(values) - 1, max_size=len(values) - 1, unique=True
    )
    return points.map(
        lambda drawn: BandTable.from_thresholds(
            [0, *sorted(drawn)], list(values), closed=Side.UPPER, semantics=Semantics.WHOLE
        )
    )


@st.composite
def _completion_matrices(draw: st.DrawFn) -> CompletionMatrix:
    def thresholds() -> tuple[Decimal, ...]:
        inner = draw(st.lists(st.integers(1, 150), max_size=3, unique=True))
        return (Decimal(0), *(Decimal(n).scaleb(-2) for n in sorted(inner)))

    completion, collection = thresholds(), thresholds()
    return CompletionMatrix(
        completion=completion,
        collection=collection,
        coefficients=tuple(
            tuple(Decimal(draw(st.integers(0, 12))).scaleb(-1) for _ in collection)
            for _ in completion
        ),
    )


@st.composite
def _invoice_accounts(draw: st.DrawFn) -> InvoiceAccount:
    layers = draw(st.lists(_builds(Layer, settled=_positive()), max_size=3))
    layers = [attrs.evolve(layer, released=min(layer.released, layer.settled)) for layer in layers]
    settled = sum((layer.settled for layer in layers), Decimal(0))
    released = sum((layer.released for layer in layers), Decimal(0))
    return InvoiceAccount(
        invoice_id=draw(_ids("I")), settled=settled, released=released, layers=tuple(layers)
    )


@st.composite
def _reserve_parts(draw: st.DrawFn) -> ReservePart:
    """A reserve part of 1 % to 30 % (so up to three add up to less than 100 %), with any
    horizon and netting."""
    horizon = draw(st.sampled_from(list(ReserveHorizon)))
    return ReservePart(
        part_id=draw(st.sampled_from(["year", "quality", "stay", "later"])),
        rate=draw(rates(min_value=Decimal("0.01"), max_value=Decimal("0.3"))),
        horizon=horizon,
        months=draw(st.integers(1, 24)) if horizon is ReserveHorizon.MONTHS_AFTER else None,
        nets_clawbacks=draw(st.booleans()),
        nets_bad_debt_principal=draw(st.booleans()),
    )


@st.composite
def _reserve_holdings(draw: st.DrawFn) -> ReserveHolding:
    """Money held in a reserve part, withheld in a month of 2023–2024 or held together."""
    month = st.builds(Period, year=st.integers(2023, 2024), month=st.integers(1, 12))
    return ReserveHolding(
        part_id=draw(st.sampled_from(["reserve", "year", "quality"])),
        amount=draw(_positive(10_000)),
        withheld_in=draw(st.none() | month),
    )


def _carried_invoices() -> st.SearchStrategy[CarriedInvoice]:
    portions = st.lists(
        _builds(Portion, payment_id=st.sampled_from(["P1", "P2", "P3"]), amount=_positive()),
        max_size=3,
        unique_by=lambda p: p.payment_id,
    )
    return _builds(CarriedInvoice, portions=portions.map(tuple))


@st.composite
def _carried_ledgers(draw: st.DrawFn) -> CarriedLedger:
    """The ledger a month carries: that of generated receivables on a day of their year."""
    receivables = draw(invoice_sets())
    day = draw(dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)))
    return carried_ledger(receivables, day)[1]


@st.composite
def _collection_states(draw: st.DrawFn) -> CollectionState:
    accounts = draw(st.lists(_invoice_accounts(), max_size=3, unique_by=lambda a: a.invoice_id))
    advances = draw(st.lists(_registered(Advance), max_size=3, unique_by=lambda a: a.expense_id))
    # The reserve as one balance (the single reserve's), or by part.
    holdings = draw(
        st.lists(_reserve_holdings(), max_size=3, unique_by=lambda h: (h.part_id, h.withheld_in))
    )
    reserve = (
        sum((h.amount for h in holdings), Decimal(0))
        if holdings
        else draw(amounts(max_value=10_000))
    )
    return CollectionState(
        accounts=tuple(accounts),
        reserve=reserve,
        reserve_parts=tuple(holdings),
        to_recover=draw(amounts(max_value=10_000)),
        milestones_paid=tuple(
            draw(
                st.lists(
                    st.sampled_from(["sample_certified:ACME", "first_order:BETA"]), unique=True
                )
            )
        ),
        advances=tuple(advances),
    )


@st.composite
def _month_inputs(draw: st.DrawFn) -> MonthInputs:
    month = draw(st.builds(Period, year=st.integers(2024, 2026), month=st.integers(1, 12)))
    days = st.dates(month.first_day, month.last_day)
    to_review = draw(st.none() | st.integers(0, 30))
    return MonthInputs(
        employee=draw(_TEXT),
        absences=tuple(
            Absence(on=day, half=draw(st.booleans()))
            for day in sorted(draw(st.sets(days, max_size=3)))
        ),
        trainings=draw(st.none() | st.integers(0, 5)),
        to_review=to_review,
        reviewed=None if to_review is None else draw(st.integers(0, to_review)),
        rebate_forms_on=draw(st.none() | days),
    )


def _deadlines() -> st.SearchStrategy[Deadline]:
    return st.one_of(
        _builds(
            Deadline, hour=st.integers(0, 23), minute=st.integers(0, 59), weeks_after=st.just(1)
        ),
        _builds(
            Deadline,
            weekday=st.sampled_from([Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY]),
            hour=st.integers(0, 23),
            minute=st.integers(0, 59),
            weeks_after=st.just(0),
        ),
    )


# --- expenses -----------------------------------------------------------------------------

#: The expense categories generated cases draw from.
_EXPENSE_CATEGORIES: Final = ("fares", "phone", "travel", "lodging", "meals", "gifts")
_EXPENSE_ROLES: Final = ("branch_manager", "department_manager", "general_manager")


def _expense_approval_rules() -> st.SearchStrategy[tuple[ApprovalRule, ...]]:
    holds = st.sampled_from([Holds.REIMBURSEMENT, Holds.NOTHING])
    rules = st.one_of(
        st.builds(
            ApprovalRule,
            kind=st.just(EXPENSE_ABOVE),
            approvers=st.just((BRANCH_MANAGER,)),
            holds=holds,
            above=st.none() | amounts(max_value=3_000),
        ),
        st.builds(
            ApprovalRule,
            kind=st.just(RELATIONSHIP_PLAN),
            approvers=st.just((DEPARTMENT_MANAGER, GENERAL_MANAGER)),
            holds=holds,
        ),
    )
    return st.lists(rules, max_size=2, unique=True).map(tuple)


@st.composite
def expense_policies(draw: st.DrawFn) -> ExpensePolicy:
    """Expense policies: up to two lump sums (by the month, 800–1,000 yuan, or per unit
    sold, 0.01–1.00 yuan a unit) over categories of their own, standards (per claim, day,
    trip or month, a share of 1–100 %) for other categories, and any combination of the
    options and of the usual approval rules (the branch manager on every claim or above
    a threshold; the department and general managers on a relationship-building plan)."""
    categories = list(draw(st.permutations(_EXPENSE_CATEGORIES)))
    lump_count = draw(st.integers(0, 2))
    lump_sums = []
    for index in range(lump_count):
        covers = tuple(categories[index * 2 : index * 2 + draw(st.integers(1, 2))])
        basis = draw(st.sampled_from(list(ExpenseBasis)))
        lump_sums.append(
            LumpSum(
                ref=f"L{index + 1}",
                basis=basis,
                amount=draw(
                    amounts(min_value=800, max_value=1_000)
                    if basis is ExpenseBasis.MONTH
                    else st.integers(1, 1000).map(lambda n: Decimal(n) / 1000)
                ),
                unit="kg" if basis is ExpenseBasis.UNIT else "",
                covers=covers,
            )
        )
    covered = {c for lump in lump_sums for c in lump.covers}
    standards = []
    for category in categories:
        if category in covered or draw(st.integers(0, 4)) == 0:
            continue
        pers = draw(
            st.lists(st.sampled_from(list(ExpensePer)), min_size=1, max_size=2, unique=True)
        )
        standards += [
            Standard(
                category=category,
                limit=draw(amounts(min_value=20, max_value=600)),
                per=per,
                share=draw(st.just(Rate.parse("100%")) | rates(min_value=Decimal("0.01"))),
            )
            for per in pers
        ]
    return ExpensePolicy(
        lump_sums=tuple(lump_sums),
        standards=tuple(standards),
        receipts_required=draw(st.booleans()),
        needs_base_target=(needs := draw(st.booleans())),
        unmet_target=draw(st.sampled_from(list(UnmetTarget))) if needs else UnmetTarget.HELD,
        approvals=draw(_expense_approval_rules()),
        reconcile_within_days=draw(st.sampled_from([0, 0, 7, 14])),
        lump_sum_settles_advances=draw(st.booleans()),
        name=draw(st.sampled_from(["", "销售费用管理办法"])),
    )


def _expense_sign_offs(draw: st.DrawFn, first: date) -> tuple[SignOff, ...]:
    roles = draw(st.lists(st.sampled_from(_EXPENSE_ROLES), max_size=3, unique=True))
    return tuple(
        SignOff(
            approver=role,
            reference=f"{role[:2].upper()}-{index + 1}",
            signed_on=first + timedelta(days=draw(st.integers(0, 40))),
        )
        for index, role in enumerate(roles)
    )


def _check_expense_cases(o: _Options) -> None:
    _check_instance("expense_cases", "policy", o["policy"], ExpensePolicy)
    _check_int("expense_cases", "max_expenses", o["max_expenses"], 0, 20)


@_eager(_check_expense_cases)
@st.composite
def expense_cases(
    draw: st.DrawFn, *, policy: ExpensePolicy | None = None, max_expenses: int = 8
) -> ExpenseCase:
    """Consistent expense months, as the engine settles them: a month from 2024 to 2027;
    expenses in the month (and, outside a lump sum's categories, up to 60 days before
    it), some under a visit plan or a relationship-building plan of the case, with or
    without receipts and sign-offs (a late claim under a monthly cap with the month's
    ``reimbursed_before`` row, a lump sum's expense now and then outside the month); up to
    three weekly visit plans (approved or not) for ISO weeks ended before the month, in it
    or after it, with advances against them (some partly accounted for before); the
    units sold when a lump sum is per unit; the base-target outcome when the policy needs
    it; and up to three wage months from the month on, at or above the minimum wage or
    below it.

    Args:
        policy: the :class:`~hrpolicy.expenses.policy.ExpensePolicy` (``None``: drawn).
        max_expenses: the most expenses (0 to 20, default 8).
    """
    chosen = policy if policy is not None else draw(expense_policies())
    period = draw(periods(min_year=2024, max_year=2027).filter(lambda p: not p.is_year))
    first, last = period.first_day, period.last_day
    # Weeks around the month: some ended before it, some end in it, some after it.
    days = draw(st.lists(st.integers(-21, 45), max_size=3))
    iso = [(first + timedelta(days=d)).isocalendar() for d in days]
    weeks = sorted({f"{day.year:04d}-W{day.week:02d}" for day in iso})
    plans = tuple(
        VisitPlan(
            week=week,
            budget=draw(amounts(max_value=3_000)),
            approved_by=draw(st.sampled_from(["", "branch manager Zhao"])),
        )
        for week in weeks
    )
    relationship = tuple(
        RelationshipPlan(
            id=f"PR-{index + 1}",
            budget=(budget := draw(amounts(max_value=10_000))),
            sign_offs=_expense_sign_offs(draw, first),
            charged_before=draw(st.just(Decimal(0)) | amounts(max_value=budget)),
        )
        for index in range(draw(st.integers(0, 2)))
    )
    expenses = []
    for index in range(draw(st.integers(0, max_expenses))):
        category = draw(st.sampled_from(_EXPENSE_CATEGORIES))
        earliest = first - timedelta(days=60)
        if chosen.lump_sum_for(category) and draw(st.integers(0, 5)):
            earliest = first
        expenses.append(
            Expense(
                id=f"E{index + 1}",
                category=category,
                on=draw(dates(min_value=earliest, max_value=last)),
                amount=draw(amounts(max_value=3_000)),
                quantity=draw(st.integers(1, 5)),
                receipt=draw(st.integers(0, 5)) > 0,
                plan_week=draw(st.sampled_from(["", *(p.week for p in plans)])),
                relationship_plan=draw(st.sampled_from(["", *(r.id for r in relationship)])),
                sign_offs=_expense_sign_offs(draw, first),
            )
        )
    advances = []
    for index in range(draw(st.integers(0, 3)) if plans else 0):
        amount = draw(amounts(max_value=3_000))
        advances.append(
            ExpensePlanAdvance(
                id=f"A{index + 1}",
                on=draw(dates(min_value=first - timedelta(days=30), max_value=last)),
                amount=amount,
                plan_week=draw(st.sampled_from([p.week for p in plans])),
                repaid=(repaid := draw(st.just(Decimal(0)) | amounts(max_value=amount))),
                accounted_before=draw(st.just(Decimal(0)) | amounts(max_value=amount - repaid)),
            )
        )
    # What earlier statements reimbursed against the monthly caps of the months the late
    # claims are dated in.
    monthly = {s.category for s in chosen.standards if s.per is ExpensePer.MONTH}
    earlier = sorted(
        {
            (e.category, e.on.year, e.on.month)
            for e in expenses
            if e.on < first and e.category in monthly
        }
    )
    reimbursed = tuple(
        ExpenseReimbursed(
            category=category,
            month=Period(year=year, month=month),
            amount=draw(amounts(max_value=600)),
        )
        for category, year, month in earlier
    )
    months = []
    month = period
    for _ in range(draw(st.integers(0, 3))):
        minimum = draw(st.sampled_from(_MONTHLY_MINIMA))
        months.append(
            PayMonth(
                period=month,
                wage=draw(amounts(min_value=1_000, max_value=20_000)),
                minimum_wage=minimum,
            )
        )
        following = month.last_day + timedelta(days=1)
        month = Period(year=following.year, month=following.month)
    per_unit = any(lump.basis is ExpenseBasis.UNIT for lump in chosen.lump_sums)
    units = draw(st.integers(0, 20_000).map(Decimal)) if per_unit else None
    target = draw(st.booleans()) if chosen.needs_base_target else draw(st.none() | st.booleans())
    return ExpenseCase(
        salesperson=draw(st.sampled_from(["S-WANG", "业务员李"])),
        period=period,
        policy=chosen,
        expenses=tuple(expenses),
        reimbursed_before=reimbursed,
        units_sold=units,
        base_target_met=target,
        visit_plans=plans,
        advances=tuple(advances),
        relationship_plans=relationship,
        pay_months=tuple(months),
    )


def _type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The strategy registered for each public input and policy type."""
    component = commission_components
    return {
        # core
        Band: band_tables().flatmap(lambda table: st.sampled_from(table.bands)),
        BandTable: band_tables(),
        Rate: rates(),
        Period: periods(),
        Season: _seasons(),
        IsoWeek: iso_weeks(),
        TableCalendar: table_calendars(),
        NamedHoliday: named_holidays(),
        LayeredCalendar: layered_calendars(),
        BeforeHoliday: _builds(BeforeHoliday, workdays_before=st.integers(1, 10)),
        DayOfNextMonth: _builds(DayOfNextMonth),
        Label: _builds(Label),
        PaidLine: _builds(PaidLine),
        Approver: _builds(Approver),
        ApprovalRule: _builds(ApprovalRule, approvers=_approvers()),
        Fact: _builds(Fact),
        ApprovalSubject: _builds(
            ApprovalSubject,
            facts=st.lists(_builds(Fact), max_size=3, unique_by=lambda f: f.kind).map(tuple),
        ),
        SignOff: _builds(SignOff, covers=st.lists(_TEXT, max_size=2, unique=True).map(tuple)),
        # bonds
        BondAgreement: bond_agreements(),
        BondCase: bond_cases(),
        BondPolicy: bond_policies(),
        Clause: clauses(),
        Collection: bond_collections(),
        CostItem: cost_items(),
        CostRange: cost_ranges(),
        CostMultiple: _builds(CostMultiple, multiple=st.integers(1, 4).map(Decimal)),
        Employment: employments(),
        FlatSum: _builds(FlatSum),
        PerLaw: _builds(PerLaw),
        PerUnservedUnit: _builds(PerUnservedUnit, rate=_share()),
        ProRata: _builds(ProRata),
        Separation: separations(),
        ServedTimeSchedule: _served_time_schedules(),
        ServiceLength: service_lengths(),
        ServiceSchedule: _table(["1", "2", "3"]).map(lambda table: ServiceSchedule(table=table)),
        SpecialBenefit: special_benefits(),
        Training: trainings(),
        Waiver: waivers(),
        # charges
        ChargeAgreement: charge_agreements(),
        ChargeCase: charge_cases(),
        ChargePolicy: charge_policies(),
        CompensationPayment: _builds(CompensationPayment),
        Deposit: charge_clauses(kinds=("deposit",)),
        Fine: charge_clauses(kinds=("fine",)),
        Incident: _builds(Incident),
        LossCompensation: charge_clauses(kinds=("loss_compensation",)),
        NonCompete: charge_clauses(kinds=("non_compete",)),
        NonCompetePay: _builds(NonCompetePay),
        PayPeriod: _pay_periods(),
        Penalty: charge_clauses(kinds=("penalty",)),
        PerItemCharge: charge_clauses(kinds=("per_item",)),
        Taking: _takings(),
        Worker: charge_workers(),
        # commission
        Carry: st.one_of(
            _builds(Carry, earned_to_date=st.none(), paid_to_date=st.none()),
            _builds(Carry, earned_to_date=amounts(max_value=50_000)),
        ),
        Commission: component(kind="commission"),
        Credit: credits(),
        CommissionCase: _commission_cases(),
        CustomerOverride: _builds(
            CustomerOverride, factor=st.integers(1, 20).map(lambda n: Decimal(n).scaleb(-1))
        ),
        Deal: commission_deals(),
        Draw: _builds(Draw, covers=st.lists(_TEXT, min_size=1, max_size=2, unique=True).map(tuple)),
        ExpenseAllowance: _builds(
            ExpenseAllowance,
            deduct_from=st.lists(_TEXT, min_size=1, max_size=2, unique=True).map(tuple),
        ),
        FixedPay: component(kind="fixed"),
        Multiplier: _builds(
            Multiplier, factor=st.integers(1, 20).map(lambda n: Decimal(n).scaleb(-1))
        ),
        OverListShare: component(kind="over_list"),
        PersonInputs: person_inputs(),
        Plan: commission_plans(),
        PlanVersion: commission_plans().flatmap(lambda plan: st.sampled_from(plan.versions)),
        PoolShare: _builds(PoolShare, share=_share(), minimum=st.none()),
        ProfitPool: component(kind="pool"),
        RoleShare: _builds(RoleShare, share=_share()),
        TaskBase: component(kind="task"),
        # collection
        Advance: _builds(Advance),
        Agreement: _builds(Agreement),
        CollectionCase: _collection_cases(),
        CollectionInputs: collection_inputs(),
        CollectionMonth: _collection_months(),
        CollectionPolicy: collection_policies(),
        CarriedCredit: _builds(CarriedCredit, amount=_positive()),
        CarriedInvoice: _carried_invoices(),
        CarriedLedger: _carried_ledgers(),
        CollectionState: _collection_states(),
        CollectionVersion: collection_policies().map(lambda policy: policy.versions[0]),
        CompletionMatrix: _completion_matrices(),
        CreditNote: _builds(CreditNote, amount=_positive()),
        DaysToCollect: _table(["1.1", "1", "0.5"]).map(lambda t: DaysToCollect(table=t)),
        ExpenseAdvance: _builds(ExpenseAdvance, share=_share()),
        FullCollection: _builds(FullCollection),
        Invoice: _builds(Invoice, amount=_positive(), credit_days=st.integers(0, 120)),
        InvoiceAccount: _invoice_accounts(),
        Layer: _builds(Layer, settled=_positive()),
        MilestoneAward: st.tuples(amounts(max_value=5000), amounts(max_value=5000)).flatmap(
            lambda pair: _builds(MilestoneAward, low=st.just(min(pair)), high=st.just(max(pair)))
        ),
        MilestoneEvent: _builds(MilestoneEvent),
        OnInvoice: _builds(OnInvoice),
        OverdueIndex: _table(["1", "0.8", "0"]).map(lambda t: OverdueIndex(table=t)),
        Payment: _builds(Payment, amount=_positive()),
        Proportional: _builds(Proportional),
        Receivables: invoice_sets(),
        RelationshipExpense: _builds(RelationshipExpense),
        Reversal: _builds(Reversal, amount=_positive()),
        ReserveHolding: _reserve_holdings(),
        ReservePart: _reserve_parts(),
        RiskReserve: st.one_of(
            _builds(RiskReserve, rate=_share(), parts=st.just(())),
            st.lists(_reserve_parts(), min_size=1, max_size=3, unique_by=lambda p: p.part_id).map(
                lambda parts: RiskReserve(parts=tuple(parts))
            ),
        ),
        Staged: st.just(
            Staged(
                stages=BandTable.from_thresholds(
                    [0, "0.8", "0.95", 1],
                    [0, "0.5", "0.8", 1],
                    closed=Side.LOWER,
                    semantics=Semantics.WHOLE,
                )
            )
        ),
        WriteOff: _builds(WriteOff, amount=_positive()),
        # reports: year-end awards
        AwardCase: _award_engine_cases(),
        TeamYear: team_years(),
        AwardPolicy: award_policies(),
        DevelopedCustomer: _developed_customers(),
        GrowthAward: _growth_awards(),
        MajorCustomerAward: _major_customer_awards(),
        MemberYear: _member_years(index=0),
        RankAward: _rank_awards(),
        # reports
        Absence: _builds(Absence),
        ApprovedPlan: _builds(ApprovedPlan),
        Assessed: _builds(Assessed),
        Assessment: _builds(Assessment),
        CallDay: _builds(CallDay),
        Deadline: _deadlines(),
        Deduction: _builds(Deduction),
        DeductionRule: _builds(DeductionRule),
        Deductions: _builds(
            Deductions,
            rules=st.lists(_registered(DeductionRule), max_size=3, unique_by=lambda r: r.code).map(
                tuple
            ),
            terminal_report_by=st.integers(0, 23),
            rebate_forms_by=st.integers(1, 28),
        ),
        ReportExpense: _builds(ReportExpense),
        Failure: _builds(Failure),
        ItemEntry: _builds(ItemEntry),
        ItemRule: _builds(ItemRule),
        MonthInputs: _month_inputs(),
        NextWeekPlan: _builds(NextWeekPlan),
        OnTime: _builds(OnTime, due_day=st.integers(1, 31)),
        PlannedVisit: _builds(PlannedVisit),
        Reference: weekly_reports().map(lambda pair: pair[1]),
        ReportCase: _report_cases(),
        ReportPolicy: report_policies(),
        Review: _builds(Review),
        ReviewShare: _builds(ReviewShare),
        ScoreCard: score_cards(),
        ScoringCase: _scoring_cases(),
        StatutoryCalendar: st.just(StatutoryCalendar()),
        Submission: _builds(Submission),
        TerminalReport: _builds(TerminalReport),
        Tolerance: _builds(Tolerance),
        ReportTraining: _builds(ReportTraining),
        Visit: _builds(Visit),
        WeeklyReport: weekly_reports().map(lambda pair: pair[0]),
        WeeklyReports: _builds(WeeklyReports),
        # reports: KPI cards and quotas
        CardInputs: _builds(
            CardInputs,
            figures=st.lists(
                _registered(IndicatorFigure), max_size=4, unique_by=lambda f: f.indicator
            ).map(tuple),
        ),
        Indicator: _builds(
            Indicator, weight=rates(min_value=Decimal("0.01")), bands=_lookup_tables()
        ),
        IndicatorFigure: _builds(IndicatorFigure),
        KpiCard: kpi_cards(),
        PayAmount: _builds(PayAmount),
        Quota: _builds(
            Quota,
            bands=_lookup_tables(),
            applies_to=st.lists(st.sampled_from(list(PayPart)), min_size=1, unique=True).map(tuple),
        ),
        QuotaCount: _builds(QuotaCount),
        QuotaInputs: _builds(
            QuotaInputs,
            counts=st.lists(_registered(QuotaCount), max_size=3, unique_by=lambda c: c.quota).map(
                tuple
            ),
            pay=st.lists(_registered(PayAmount), max_size=2, unique_by=lambda p: p.part).map(tuple),
        ),
        QuotaPolicy: quota_policies(),
        # activity cadences
        Activity: _activities(),
        Ahead: _aheads(),
        AtLeast: _at_leasts(),
        ByNextMonth: _by_next_months(),
        CadenceCase: _cadence_cases(),
        CadencePolicy: _cadence_policies(),
        Every: _everies(),
        Stage: _STAGE_RECORDS,
        Within: _withins(),
        # expenses
        Expense: _builds(
            Expense,
            plan_week=st.just(""),
            relationship_plan=st.just(""),
            sign_offs=st.just(()),
        ),
        ExpenseCase: expense_cases(),
        ExpensePolicy: expense_policies(),
        ExpensePlanAdvance: _builds(
            ExpensePlanAdvance, repaid=st.just(Decimal(0)), accounted_before=st.just(Decimal(0))
        ),
        ExpenseHeldClaim: _builds(
            ExpenseHeldClaim, held_in=periods().filter(lambda p: not p.is_year)
        ),
        ExpenseReimbursed: _builds(
            ExpenseReimbursed, month=periods().filter(lambda p: not p.is_year)
        ),
        LumpSum: expense_policies()
        .filter(lambda policy: bool(policy.lump_sums))
        .map(lambda policy: policy.lump_sums[0]),
        PayMonth: _builds(
            PayMonth,
            period=periods().filter(lambda p: not p.is_year),
            already_deducted=st.just(Decimal(0)),
        ),
        RelationshipPlan: _builds(
            RelationshipPlan, sign_offs=st.just(()), charged_before=st.just(Decimal(0))
        ),
        Standard: _builds(Standard, share=rates()),
        VisitPlan: _builds(
            VisitPlan,
            week=st.tuples(st.integers(2020, 2030), st.integers(1, 52)).map(
                lambda yw: f"{yw[0]}-W{yw[1]:02d}"
            ),
        ),
    }


# --- year-end awards ---------------------------------------------------------------------------


@st.composite
def _rank_awards(draw: st.DrawFn) -> RankAward:
    """Shares of a pool (1 to 5, in whole per-mille, non-increasing) or fixed amounts per
    rank (non-increasing), either tie rule, sometimes a minimum measure."""
    ties = draw(st.sampled_from(list(Ties)))
    minimum = draw(st.none() | st.integers(0, 80).map(Decimal))
    count = draw(st.integers(1, 5))
    if draw(st.booleans()):
        cuts = draw(st.lists(st.integers(1, 999), min_size=count - 1, max_size=count - 1))
        edges = [0, *sorted(set(cuts)), 1000]
        parts = sorted((b - a for a, b in itertools.pairwise(edges)), reverse=True)
        shares = tuple(Rate.parse(f"{part}‰") for part in parts)
        return RankAward(shares=shares, ties=ties, minimum=minimum)
    fen = sorted(draw(st.lists(st.integers(1, 10**7), min_size=count, max_size=count)))
    amounts_ = tuple(Decimal(f).scaleb(-2) for f in reversed(fen))
    return RankAward(amounts=amounts_, ties=ties, minimum=minimum)


@st.composite
def _growth_awards(draw: st.DrawFn) -> GrowthAward:
    """A growth award by rate (bands on rates 0–100 %) or amount, paying an award in yuan
    or a share of the growth; every positive growth is covered (the last band is open)."""
    basis = draw(st.sampled_from(list(GrowthBasis)))
    pays = draw(st.sampled_from(list(GrowthPays)))
    through_semantics = basis is GrowthBasis.AMOUNT and pays is GrowthPays.SHARE
    semantics = (
        draw(st.sampled_from([Semantics.MARGINAL, Semantics.WHOLE]))
        if through_semantics
        else Semantics.WHOLE
    )
    scale = Decimal("0.01") if basis is GrowthBasis.RATE else Decimal(10000)
    cuts = sorted(draw(st.sets(st.integers(1, 100), max_size=3)))
    if pays is GrowthPays.AWARD:
        values = [str(draw(st.integers(0, 10000))) for _ in range(len(cuts) + 1)]
    else:
        values = [f"{draw(st.integers(0, 20))}%" for _ in range(len(cuts) + 1)]
    table = BandTable.from_thresholds(
        [0, *(Decimal(c) * scale for c in cuts)],
        values,
        closed=Side.LOWER,
        semantics=semantics,
    )
    return GrowthAward(basis=basis, pays=pays, table=table)


def _major_customer_awards() -> st.SearchStrategy[MajorCustomerAward]:
    return st.builds(
        MajorCustomerAward,
        per_customer=amounts(min_value=1, max_value=10_000),
        minimum_sales=amounts(max_value=500_000),
    )


def _award_rules() -> st.SearchStrategy[ApprovalRule]:
    """A rule that awards (above a threshold, or all) need the general manager's approval,
    perhaps after the department manager's review, holding the award or nothing."""
    return st.builds(
        ApprovalRule,
        kind=st.just(AWARD),
        approvers=st.sampled_from([(GENERAL_MANAGER,), (DEPARTMENT_MANAGER, GENERAL_MANAGER)]),
        holds=st.sampled_from([Holds.AWARD, Holds.NOTHING]),
        above=st.none() | amounts(max_value=20_000),
    )


def _sign_offs() -> st.SearchStrategy[SignOff]:
    return st.builds(
        SignOff,
        approver=st.sampled_from(["general_manager", "department_manager"]),
        reference=_ids("GM-"),
        signed_on=dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    )


def _developed_customers(year: int = 2025) -> st.SearchStrategy[DevelopedCustomer]:
    return st.builds(
        DevelopedCustomer,
        customer=_ids("K"),
        developed_on=dates(min_value=date(year - 1, 7, 1), max_value=date(year + 1, 1, 31)),
        independently=st.booleans(),
        sales=amounts(max_value=1_000_000),
    )


@st.composite
def _member_years(draw: st.DrawFn, *, index: int) -> MemberYear:
    prior = draw(st.none() | amounts(max_value=2_000_000))
    customers = draw(st.lists(_developed_customers(), max_size=3, unique_by=lambda c: c.customer))
    sign_offs = draw(st.lists(_sign_offs(), max_size=2, unique_by=lambda s: s.approver))
    return MemberYear(
        employee=f"e{index}",
        measure=draw(st.sampled_from([Decimal(v) for v in ("55", "60", "72.5", "80", "95")])),
        gross_margin=draw(amounts(max_value=2_000_000)),
        prior_gross_margin=prior,
        customers=tuple(customers),
        sign_offs=tuple(sign_offs),
    )


@st.composite
def award_policies(draw: st.DrawFn) -> AwardPolicy:
    """Year-end award policies: any of a ranking award (shares of a pool or fixed amounts,
    either tie rule), a growth award (by rate or amount, an award or a share) and a
    major-customer award — at least one — and sometimes an approval rule for awards and
    a pay-by rule (some workdays before the Spring Festival holiday)."""
    ranking, growth, customers = draw(
        st.tuples(st.booleans(), st.booleans(), st.booleans()).filter(any)
    )
    return AwardPolicy(
        policy_id=draw(_ids("awards-")),
        ranking=draw(_rank_awards()) if ranking else None,
        growth=draw(_growth_awards()) if growth else None,
        major_customers=draw(_major_customer_awards()) if customers else None,
        approvals=tuple(draw(st.lists(_award_rules(), max_size=1))),
        pay_by=draw(
            st.none()
            | st.builds(
                BeforeHoliday,
                holiday=st.just(Holiday.SPRING_FESTIVAL),
                workdays_before=st.integers(1, 5),
            )
        ),
    )


@st.composite
def team_years(draw: st.DrawFn) -> TeamYear:
    """A team's 2025 award year: 1 to 8 members (ranking measures from a few values, so
    that ties are common; gross margins this year and perhaps the year before; customers
    developed around the year; sign-offs) and sometimes a pool of up to a million yuan.
    Every case fits a policy whose ranking gives shares when it has a pool, and fixed
    amounts when it has none."""
    size = draw(st.integers(1, 8))
    members = tuple(draw(_member_years(index=i)) for i in range(size))
    pool = draw(st.none() | amounts(max_value=1_000_000))
    return TeamYear(team=draw(_TEXT), year=2025, members=members, pool=pool)


@st.composite
def _award_engine_cases(draw: st.DrawFn) -> AwardCase:
    """A generated award policy and team year, on a generated calendar when the policy
    has a pay-by rule (which may lack the holiday: a typed refusal)."""
    policy = draw(award_policies())
    calendar = draw(_case_calendars()) if policy.pay_by is not None else None
    return AwardCase(policy=policy, team_year=draw(team_years()), calendar=calendar)


#: Every type :func:`hypothesis.strategies.from_type` builds once this module is imported.
REGISTERED_TYPES: tuple[type, ...] = ()


_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {}


def _register() -> tuple[type, ...]:
    _STRATEGIES.update(_type_strategies())
    for kind, strategy in _STRATEGIES.items():
        st.register_type_strategy(kind, strategy)
    return tuple(_STRATEGIES)


REGISTERED_TYPES = _register()
