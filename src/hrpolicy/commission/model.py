"""The facts a commission statement is computed from: deals, who is credited with them,
the period, and what else the month brings (new dealers, score, expenses, branch profit,
the local minimum wage, amounts carried from the previous statement).

Every object is frozen and validated on construction; errors name the field, what was
expected and what came. Money is CNY (``Decimal``; floats are refused); every optional
fact is ``None`` until given, and a component that needs a missing fact raises
:class:`~hrpolicy.core.errors.InvalidValueError` naming the fact and the component
rather than assuming zero.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final

import attrs

from hrpolicy.core.approvals import SignOff, check_sign_offs
from hrpolicy.core.choice import Choice
from hrpolicy.core.convert import converter
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import (
    Money,
    NonNegativeInt,
    NonNegativeMoney,
    Quantity,
    Text,
    checked,
    enum_argument,
    require,
    require_unique,
    typed_fields,
)
from hrpolicy.core.label import Label, label
from hrpolicy.core.money import Rate, parse_money
from hrpolicy.core.period import Period
from hrpolicy.core.statement import PaidLine

__all__ = [
    "CONTRACT",
    "LIST_VALUE",
    "MEASURES",
    "RESERVED_VALUE_NAMES",
    "Carry",
    "Credit",
    "Deal",
    "DealValues",
    "Measure",
    "PaidLine",
    "Period",
    "PersonInputs",
    "SignOff",
    "reading",
    "reading_label",
    "value_name",
]

_WHOLE: Final = Rate.parse("100%")

#: The only currency the library computes in.
CURRENCY: Final = "CNY"


class Measure(Choice):
    """What a deal contributes to a commission table, and which of its facts that reads.

    - ``SALES`` — the contract amount (合同金额): the deal's ``amount``, its value named
      ``"contract"``;
    - ``UNITS`` — units sold (份, 台): the deal's ``units``;
    - ``GROSS_MARGIN`` — sales − product cost − customer-attributable expenses − internal
      allocated cost (销售毛利): ``amount``, ``product_cost``, ``customer_expenses`` and
      ``internal_allocation``; it can be negative;
    - ``COLLECTED`` — cash collected on the deal, never more than the contract amount:
      ``collected`` and ``amount``.

    A table can also measure, or pay on, any other value a deal carries in
    :attr:`Deal.values` — the company list price (``"list"``), the equipment value of an
    elevator contract (``"equipment"``)… — named by that name instead of a member.
    """

    SALES = "sales"
    UNITS = "units"
    GROSS_MARGIN = "gross_margin"
    COLLECTED = "collected"


#: Bilingual names of the measures, for explanations.
MEASURES: Final = {
    Measure.SALES: Label("销售额", "sales"),
    Measure.UNITS: Label("数量", "units"),
    Measure.GROSS_MARGIN: Label("销售毛利", "gross margin"),
    Measure.COLLECTED: Label("回款额", "collected"),
}

#: The name of the contract amount among a deal's values (it is the ``amount`` field).
CONTRACT: Final = "contract"

#: The name of the list-price measure before list prices became a named value.
LIST_VALUE: Final = "list_value"

#: Names a value in :attr:`Deal.values` may not take, in any case: the contract amount, the
#: measures and the former list-price measure ``"list_value"`` (the list price is the value
#: named ``"list"``).
RESERVED_VALUE_NAMES: Final = frozenset({CONTRACT, LIST_VALUE, *(m.value for m in Measure)})

_MEASURE_VALUES: Final = frozenset(m.value for m in Measure)


def value_name(value: object, path: str) -> str:
    """A name of a deal value, checked: non-blank text without surrounding spaces, and not
    one of :data:`RESERVED_VALUE_NAMES` in any case (``"Sales"`` would read as a measure to
    a person and as a value to the engine).

    >>> value_name("equipment", "above")
    'equipment'
    >>> value_name("list_value", "above")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: above: expected 'list' for the list price ...
    """
    if not isinstance(value, str):
        raise InvalidTypeError(path, "the name of a deal value (str)", value)
    folded = value.casefold()
    if folded == LIST_VALUE:
        raise InvalidValueError(
            path,
            "'list' for the list price (the measure 'list_value' is gone: a deal carries its "
            "list price as values={'list': …} and a table pays on it with basis='list')",
            value,
        )
    if not value.strip() or value != value.strip() or folded in RESERVED_VALUE_NAMES:
        raise InvalidValueError(
            path,
            "the name of a deal value: non-blank text without surrounding spaces, other than "
            + ", ".join(repr(n) for n in sorted(RESERVED_VALUE_NAMES))
            + " in any case",
            value,
        )
    return value


def reading(value: object, path: str) -> Measure | str:
    """What a table measures or pays on, checked: a :class:`Measure` (a member or its
    value, as ``"units"``) or the name of a value the deals carry (``"list"``,
    ``"equipment"``). The contract amount is :attr:`Measure.SALES`, so ``"contract"`` is
    refused in its favour; a measure written in another case (``"Sales"``) and the former
    measure ``"list_value"`` are refused rather than read as names of deal values.

    >>> reading("units", "basis"), reading("equipment", "basis")
    (<Measure.UNITS: 'units'>, 'equipment')
    >>> reading("contract", "basis")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: basis: expected 'sales' for the contract amount, ...
    >>> reading("SALES", "basis")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: basis: expected 'sales' (measures are written in
    lower case), got str 'SALES'
    """
    if isinstance(value, Measure):
        return value
    if not isinstance(value, str):
        raise InvalidTypeError(path, "a Measure or the name of a value deals carry (str)", value)
    folded = value.casefold()
    if value in _MEASURE_VALUES:
        return Measure(value)
    if folded in _MEASURE_VALUES:
        raise InvalidValueError(path, f"{folded!r} (measures are written in lower case)", value)
    if folded == CONTRACT:
        raise InvalidValueError(path, "'sales' for the contract amount", value)
    return value_name(value, path)


def reading_label(which: Measure | str) -> Label:
    """The bilingual name of a measure or of a named value, for explanations."""
    if isinstance(which, Measure):
        return MEASURES[which]
    return label(f"金额（{which}）", f"{which} value")


#: No named values (the default of :class:`DealValues` and of :attr:`Deal.values`).
_NO_VALUES: Final[Mapping[str, Decimal]] = MappingProxyType({})


def _checked_values(items: object, keywords: Mapping[str, object], path: str) -> dict[str, Decimal]:
    """The named values of ``items`` (a mapping) and ``keywords``, each name checked by
    :func:`value_name` and each amount as money of 0 or more, ordered by name."""
    if not isinstance(items, Mapping):
        raise InvalidTypeError(path, "a mapping of value names to amounts", items)
    checked_values: dict[str, Decimal] = {}
    for source in (items, keywords):
        for name, amount in source.items():
            where = f"{path}[{name!r}]"
            key = value_name(name, where)
            if key in checked_values:
                raise InvalidValueError(where, "a name given once (as a key or a keyword)", key)
            checked_values[key] = parse_money(amount, field=where, non_negative=True)
    return dict(sorted(checked_values.items()))


class DealValues(Mapping[str, Decimal]):
    """A deal's named values (:attr:`Deal.values`): a read-only mapping from names to
    amounts, ordered by name, hashable and picklable; it equals any mapping with the same
    items.

    Built from a mapping, from keywords, or both (as ``dict`` is). Each name is checked
    as :func:`value_name` checks it and each amount as money of 0 or more (no floats), so
    a ``DealValues`` given to a :class:`Deal` holds only what its ``values`` field would
    accept; errors name the value.

    >>> DealValues({"list": 1150000}, equipment="1000000.00")
    {'equipment': Decimal('1000000.00'), 'list': Decimal('1150000')}
    >>> DealValues({"list": 1.5})
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidTypeError: DealValues['list']: expected an amount ...
    >>> DealValues({"contract": 5})
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: DealValues['contract']: expected the name of a
    deal value: ...
    """

    __slots__ = ("_items",)

    _items: dict[str, Decimal]

    def __init__(
        self,
        items: Mapping[str, Decimal | int | str] = _NO_VALUES,
        /,
        **values: Decimal | int | str,
    ) -> None:
        self._items = _checked_values(items, values, "DealValues")

    @classmethod
    def _at(cls, value: object, path: str) -> DealValues:
        """Values checked as the constructor checks them, errors named by ``path``."""
        made = cls.__new__(cls)
        made._items = _checked_values(value, {}, path)
        return made

    def __getitem__(self, name: str) -> Decimal:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[object, ...]:
        return (DealValues, (self._items,))


def _values(value: object) -> DealValues:
    """``Deal.values``: a :class:`DealValues` (checked when it was built) or a mapping of
    names to amounts, checked the same way."""
    if isinstance(value, DealValues):
        return value
    return DealValues._at(value, "Deal.values")


def _structure_values(value: object, _: object) -> object:
    """Plain data for ``Deal.values``: a mapping, checked name by name by the deal."""
    if not isinstance(value, Mapping):
        raise InvalidTypeError("", "a mapping of value names to amounts", value)
    return dict(value)


converter.register_structure_hook(DealValues, _structure_values)
converter.register_unstructure_hook(
    DealValues, lambda values: {name: format(amount, "f") for name, amount in values.items()}
)


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Credit:
    """One person's share of a deal: ``role`` (e.g. ``"sales"``, ``"service"``) and
    ``share``; with ``share=None`` the plan's standard share for the role applies."""

    employee: Text
    role: Text
    share: Rate | None = None

    def __attrs_post_init__(self) -> None:
        if self.share is not None:
            require(
                Decimal(0) < self.share.value <= 1,
                "Credit.share",
                "a share above 0 and at most 100%",
                self.share,
            )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deal:
    """A signed deal (one contract or order line).

    What the deal is worth is given by *named values*: ``amount`` is the contract amount
    (the value named ``"contract"``), and ``values`` holds any others by name — the
    company list price as ``{"list": …}``, an elevator contract's equipment value as
    ``{"equipment": …}``, whatever a plan pays on. ``units`` counts what was sold; the
    cost fields give the gross margin; ``collected`` is the cash received on the contract.

    Every one of these facts is optional, and read only by the components that need it:
    a deal measured in units needs no amount, a deal needs a list price only under a
    component that reads one. A component reading a fact the deal lacks raises
    :class:`~hrpolicy.core.errors.InvalidValueError` naming the deal, the fact and the
    component. A deal carries at least an amount, units or a named value.

    ``owner`` is credited with the whole deal unless ``split`` lists the people credited
    and their roles. A deal below its list price needs ``approval`` (the reference of the
    general manager's approving document, 签呈) where the plan version says so with
    ``approval_below_list``. ``on_credit`` marks a sale on credit (赊销); ``sign_offs`` are
    the sign-offs given for the deal (:class:`~hrpolicy.core.approvals.SignOff`, at most
    one per approver role and fact covered), which the plan version's ``approvals`` rules read: a
    missing one is reported and may hold back the deal's commission.

    >>> deal = Deal(deal_id="C-1", owner="li", signed_on=date(2024, 3, 4), amount=Decimal(20000))
    >>> deal.measure("sales")
    Fraction(20000, 1)
    >>> elevator = Deal(deal_id="E-1", owner="li", signed_on=date(2024, 12, 5),
    ...                 amount=Decimal(1200000), units=Decimal(4),
    ...                 values={"equipment": Decimal(1000000), "list": Decimal(1150000)})
    >>> elevator.value("equipment"), elevator.value("contract"), elevator.value("floor")
    (Decimal('1000000'), Decimal('1200000'), None)
    >>> elevator.read("equipment"), elevator.measure(Measure.UNITS)
    (Fraction(1000000, 1), Fraction(4, 1))
    >>> elevator.read("floor", component="over-floor")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.InvalidValueError: Deal(E-1).values['floor']: expected a value: component
    'over-floor' reads it (floor value), got None
    """

    deal_id: Text
    owner: Text
    signed_on: date
    amount: NonNegativeMoney | None = None
    currency: str = CURRENCY
    units: Quantity | None = None
    values: DealValues = attrs.field(default=DealValues(), converter=_values)
    product_cost: NonNegativeMoney | None = None
    customer_expenses: NonNegativeMoney | None = None
    internal_allocation: NonNegativeMoney | None = None
    collected: NonNegativeMoney | None = None
    customer: str | None = None
    new_customer: bool = False
    self_developed_market: bool = False
    company_negotiated: bool = False
    approval: str | None = None
    split: tuple[Credit, ...] = ()
    on_credit: bool = False
    sign_offs: tuple[SignOff, ...] = ()
    _credits: tuple[Credit, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        require(
            self.currency == CURRENCY,
            "Deal.currency",
            f"'{CURRENCY}' (amounts are in yuan; convert other currencies first)",
            self.currency,
        )
        require(
            self.amount is not None or self.units is not None or bool(self.values),
            f"Deal({self.deal_id})",
            "an amount, units or a named value (a deal with nothing to measure)",
            None,
        )
        require_unique([c.employee for c in self.split], "Deal.split", "employee")
        check_sign_offs(self.sign_offs, f"Deal({self.deal_id}).sign_offs")
        whole = (Credit(employee=self.owner, role="sales", share=_WHOLE),)
        object.__setattr__(self, "_credits", self.split or whole)

    @property
    def credits(self) -> tuple[Credit, ...]:
        """The people credited: the split, or the owner alone at 100% in the role
        ``"sales"``."""
        return self._credits

    def value(self, name: str) -> Decimal | None:
        """The value named ``name`` (``"contract"``: the amount), or ``None`` when the
        deal does not carry it. A name that is not text is an
        :class:`~hrpolicy.core.errors.InvalidTypeError`."""
        if not isinstance(name, str):
            raise InvalidTypeError("name", "the name of a deal value (str)", name)
        if name == CONTRACT:
            return self.amount
        return self.values.get(name)

    def measure(self, which: Measure | str, *, component: str | None = None) -> Fraction:
        """The deal's contribution to the measure ``which``, exactly. A fact it needs that
        the deal lacks is an :class:`~hrpolicy.core.errors.InvalidValueError` naming the
        deal, the fact and ``component`` (the component reading it), never a zero."""
        which = enum_argument(which, Measure, "which")
        need = _Need(self, MEASURES[which].en, component)
        if which is Measure.UNITS:
            return Fraction(need("units", self.units))
        amount = need("amount", self.amount)
        if which is Measure.SALES:
            return Fraction(amount)
        if which is Measure.COLLECTED:
            return Fraction(min(need("collected", self.collected), amount))
        costs = (
            need("product_cost", self.product_cost),
            need("customer_expenses", self.customer_expenses),
            need("internal_allocation", self.internal_allocation),
        )
        return Fraction(amount) - sum((Fraction(c) for c in costs), Fraction(0))

    def read(self, which: Measure | str, *, component: str | None = None) -> Fraction:
        """What the deal contributes to ``which`` — a :class:`Measure`, or the name of one
        of its values (see :func:`reading`) — exactly; a fact the deal lacks is refused as
        :meth:`measure` refuses it."""
        which = reading(which, "which")
        if isinstance(which, Measure):
            return self.measure(which, component=component)
        need = _Need(self, reading_label(which).en, component)
        return Fraction(need(f"values[{which!r}]", self.value(which)))


class _Need:
    """Reads a fact of a deal, refusing a missing one by the deal, the fact and the
    component reading it."""

    __slots__ = ("component", "deal", "what")

    def __init__(self, deal: Deal, what: str, component: str | None) -> None:
        self.deal = deal
        self.what = what
        self.component = component

    def __call__(self, fact: str, value: Decimal | None) -> Decimal:
        if value is None:
            reader = f"component '{self.component}'" if self.component else "the measure"
            raise InvalidValueError(
                f"Deal({self.deal.deal_id}).{fact}",
                f"a value: {reader} reads it ({self.what})",
                None,
            )
        return value


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Carry:
    """What one component carries from the previous statement to the next.

    - ``measure_to_date`` — the year-to-date measure a year-accumulating table has reached;
    - ``earned_to_date`` / ``paid_to_date`` — what statements have made payable for the
      component this year, and what payroll actually paid; when both are given the
      statement adds a true-up line of ``earned_to_date − paid_to_date``;
    - ``carried`` — an amount carried forward: excess above a cap (positive) or a floor
      top-up still to be recovered (negative); for a draw, the balance still recoverable.

    A statement's ``carry_out`` gives the next statement's carries (with ``paid_to_date``
    assuming it was paid as stated; replace it with what payroll paid).
    """

    component: Text
    measure_to_date: Decimal = Decimal(0)
    earned_to_date: Money | None = None
    paid_to_date: Money | None = None
    carried: Money = Decimal(0)

    def __attrs_post_init__(self) -> None:
        if self.paid_to_date is not None:
            require(
                self.earned_to_date is not None,
                f"Carry({self.component}).earned_to_date",
                "a value whenever paid_to_date is given (the true-up compares them)",
                None,
            )


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PersonInputs:
    """One person's facts for one period, besides the deals.

    ``new_dealers``: agents or dealers newly signed (task base targets);
    ``signed_dealers``: every agent or dealer signed in the period, new or renewed (for a
    task base that counts all signed dealers; at least ``new_dealers``); ``score``: the
    month's performance score (score-linked pay); ``expenses``: sales expenses spent
    (expense allowances); ``branch_profit``, ``pool_role`` and ``branch``: for profit pools
    (in a team run, the people of one branch share one profit and hold distinct roles);
    ``minimum_wage``: the local monthly minimum wage in force (checked, never assumed);
    ``other_pay``: other wages of the month that count towards the minimum wage (not
    overtime, special allowances or statutory welfare — MWP Art. 12); ``paid``: what earlier
    runs of this same period paid, line by line, so a re-run (after a late collection, a
    corrected deal) pays only the difference.
    """

    employee: Text
    new_dealers: NonNegativeInt | None = None
    score: Quantity | None = None
    expenses: NonNegativeMoney | None = None
    branch_profit: Money | None = None
    pool_role: str | None = None
    branch: str | None = None
    minimum_wage: NonNegativeMoney | None = None
    other_pay: NonNegativeMoney = Decimal(0)
    carries: tuple[Carry, ...] = ()
    paid: tuple[PaidLine, ...] = ()
    signed_dealers: NonNegativeInt | None = None

    def __attrs_post_init__(self) -> None:
        if self.signed_dealers is not None and self.new_dealers is not None:
            require(
                self.signed_dealers >= self.new_dealers,
                f"PersonInputs({self.employee}).signed_dealers",
                f"at least the {self.new_dealers} new dealers (new dealers are signed too)",
                self.signed_dealers,
            )
        require_unique([c.component for c in self.carries], "PersonInputs.carries", "component")
        require_unique([p.line_id for p in self.paid], "PersonInputs.paid", "line_id")

    def carry_for(self, component: str) -> Carry | None:
        """The carry given for ``component``, if any."""
        for carry in self.carries:
            if carry.component == component:
                return carry
        return None

    def needed(self, name: str, component: str) -> object:
        """The value of fact ``name``; an error naming the component that needs it."""
        value = getattr(self, name)
        if value is None:
            raise InvalidValueError(
                f"PersonInputs({self.employee}).{name}",
                f"a value: component '{component}' needs it",
                None,
            )
        return value
