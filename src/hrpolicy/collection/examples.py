"""Collection policies companies run, as data, and the bridge
from the commission engine to invoices.

Figures the companies' own rules leave open are chosen here and named in each docstring. Every
policy takes effect on 2024-01-01 and is tested against months checked by hand
(``tests/collection/test_release_rules.py`` and its neighbours).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from hrpolicy.collection.engine import settle_month
from hrpolicy.collection.model import (
    CollectionInputs,
    CollectionState,
    Invoice,
    MatchingRule,
    Payment,
    Receivables,
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
from hrpolicy.collection.results import CollectionStatement
from hrpolicy.commission.results import LineKind, Statement
from hrpolicy.core.bands import BandTable, Semantics, Side
from hrpolicy.core.errors import InvalidTypeError, InvalidValueError
from hrpolicy.core.fields import argument, arguments
from hrpolicy.core.money import Rate, allocate, round_money
from hrpolicy.core.period import Period

__all__ = [
    "DAYS_TO_COLLECT",
    "EXAMPLE_POLICIES",
    "aging_policy",
    "days_to_collect_policy",
    "example_bad_debt",
    "example_reserve_in_parts",
    "full_collection_policy",
    "invoices_with_commission",
    "key_account_policy",
    "matrix_policy",
    "one_customer_year",
    "overdue_policy",
    "proportional_policy",
    "reserve_in_parts_policy",
    "reserve_policy",
    "staged_policy",
]

_FROM: Final = date(2024, 1, 1)


def _policy(policy_id: str, name: str, release: ReleaseRule, **version: object) -> CollectionPolicy:
    return CollectionPolicy(
        policy_id=policy_id,
        name=name,
        versions=(
            CollectionVersion(version="2024", effective_from=_FROM, release=release, **version),  # type: ignore[arg-type]
        ),
    )


def proportional_policy() -> CollectionPolicy:
    """Commission settled in proportion to the collection rate (按回款率结算提成)."""
    return _policy("proportional", "按回款率结算", Proportional(clause="回款管理办法 第2条"))


def full_collection_policy() -> CollectionPolicy:
    """Every performance wage and bonus tied to full collection of the contract price
    (全款回笼): nothing until the invoice is fully paid."""
    return _policy("full-collection", "全款回笼", FullCollection(clause="回款管理办法 第3条"))


def staged_policy() -> CollectionPolicy:
    """Staged release: 50 % of the commission once 80 % is collected, 80 % at 95 %,
    all of it at 100 % (thresholds included)."""
    stages = Staged.from_stages(
        [("0.8", "0.5"), ("0.95", "0.8"), (1, 1)], clause="回款管理办法 第4条"
    )
    return _policy("staged", "分段释放", stages)


#: Days to collect → coefficient: ≤ 15 days ×1.1, ≤ 30 ×1.0, ≤ 60 ×0.9, ≤ 90 ×0.7,
#: ≤ 150 ×0.5, more ×0.1 (the inner steps are chosen; the ends are common company practice).
DAYS_TO_COLLECT: Final = BandTable.from_thresholds(
    [0, 15, 30, 60, 90, 150],
    ["1.1", "1.0", "0.9", "0.7", "0.5", "0.1"],
    closed=Side.UPPER,
    semantics=Semantics.WHOLE,
    name="days to collect",
)


def days_to_collect_policy() -> CollectionPolicy:
    """Proportional release, each collected yuan weighted by the coefficient for its days
    from the invoice date (:data:`DAYS_TO_COLLECT`)."""
    return _policy(
        "days-to-collect",
        "回款天数系数",
        Proportional(clause="回款管理办法 第2条"),
        days_to_collect=DaysToCollect(table=DAYS_TO_COLLECT, clause="回款管理办法 第5条"),
    )


def overdue_policy() -> CollectionPolicy:
    """Proportional release times a multiplier for the weighted overdue index: up to 0.2
    ×1, up to 0.5 ×0.8, above 0.5 nothing (the zeroing threshold; figures chosen)."""
    table = BandTable.from_thresholds(
        [0, "0.2", "0.5"], [1, "0.8", 0], closed=Side.UPPER, semantics=Semantics.WHOLE
    )
    return _policy(
        "overdue",
        "逾期加权系数",
        Proportional(clause="回款管理办法 第2条"),
        overdue=OverdueIndex(table=table, clause="回款管理办法 第6条"),
    )


def aging_policy() -> CollectionPolicy:
    """Aging deductions of credited performance: money overdue more than 30 days cuts 20 %
    of it, > 60 days 40 %, > 90 days 50 %, > 120 days 80 %, > 180 days 100 %."""
    aging = BandTable.from_thresholds(
        [0, 30, 60, 90, 120, 180],
        [0, "0.2", "0.4", "0.5", "0.8", 1],
        closed=Side.UPPER,
        semantics=Semantics.WHOLE,
        name="aging",
    )
    return _policy("aging", "账龄扣减业绩", Proportional(clause="回款管理办法 第2条"), aging=aging)


def matrix_policy() -> CollectionPolicy:
    """Target completion × collection rate: completion below 80 %, 80–100 %, 100 % and
    above; collection below 70 %, 70–90 %, 90 % and above (figures chosen)."""
    return _policy(
        "matrix",
        "完成率×回款率",
        Proportional(clause="回款管理办法 第2条"),
        matrix=CompletionMatrix(
            completion=(Decimal(0), Decimal("0.8"), Decimal(1)),
            collection=(Decimal(0), Decimal("0.7"), Decimal("0.9")),
            coefficients=(
                (Decimal("0.5"), Decimal("0.6"), Decimal("0.7")),
                (Decimal("0.6"), Decimal("0.8"), Decimal("0.9")),
                (Decimal("0.8"), Decimal("1.0"), Decimal("1.2")),
            ),
            clause="回款管理办法 第7条",
        ),
    )


def reserve_policy() -> CollectionPolicy:
    """Commission released on invoicing; 10 % withheld as a risk reserve (风险金), netted
    against clawbacks and released at year end. Returns and bad debts claw commission back
    at the invoice's own rate."""
    return _policy(
        "reserve",
        "风险金",
        OnInvoice(clause="提成制度 第2条"),
        reserve=RiskReserve(rate=Rate.parse("10%"), clause="提成制度 第8条"),
    )


def reserve_in_parts_policy() -> CollectionPolicy:
    """Commission released on invoicing, 10 % of each release held back in two parts:
    "提成的6%作为年度风险金，年末结清，坏账、退货冲回的提成先从中抵扣；另4%作为质量保证金，
    自预留之月起满6个月返还" — "6 % of commission is a yearly risk reserve, settled at year
    end, from which commission clawed back on bad debts and returns is recovered first;
    another 4 % is a quality deposit, returned 6 months after the month it was withheld".

    Chosen: the quality deposit does not net clawbacks, and its clause also says bad-debt
    principal is taken from it — a rule making staff bear bad debts, reported and never
    applied.
    """
    return _policy(
        "reserve-in-parts",
        "分部分风险金",
        OnInvoice(clause="提成制度 第2条"),
        reserve=RiskReserve(
            parts=(
                ReservePart(part_id="year", rate=Rate.parse("6%"), clause="提成制度 第8条"),
                ReservePart(
                    part_id="quality",
                    rate=Rate.parse("4%"),
                    horizon=ReserveHorizon.MONTHS_AFTER,
                    months=6,
                    nets_clawbacks=False,
                    nets_bad_debt_principal=True,
                    clause="提成制度 第9条",
                ),
            ),
        ),
    )


def example_reserve_in_parts() -> list[CollectionStatement]:
    """January to July 2024 for Li under :func:`reserve_in_parts_policy`: a 100,000
    invoice with 3,000 of commission, released on invoicing in January; half of it
    (50,000) written off as a bad debt in March. Li's wage is 3,500, the minimum wage
    2,690.

    January: 3,000 released; 6 % (180) to the year part, 4 % (120) to the quality part;
    2,700 paid. March: 1,500 clawed back; the year part pays 180, the wage 700 (20 % of
    3,500, leaving 2,800 ≥ 2,690); 620 is carried. The quality part nets nothing, and its
    principal clause (50,000) is reported. April: 620 recovered from the wage (cap 700).
    July (January + 6 months): the quality part's 120 is released.
    """
    invoice = Invoice(
        invoice_id="A-01",
        customer="ACME",
        salesperson="li",
        issued_on=date(2024, 1, 10),
        amount=Decimal(100000),
        commission=Decimal(3000),
        credit_days=30,
    )
    receivables = Receivables(
        invoices=(invoice,),
        matching=MatchingRule.FIFO,
        write_offs=(
            WriteOff(
                write_off_id="W1",
                invoice_id="A-01",
                written_off_on=date(2024, 3, 15),
                amount=Decimal(50000),
                reason="客户破产",
            ),
        ),
    )
    policy = reserve_in_parts_policy()
    statements: list[CollectionStatement] = []
    state = CollectionState()
    for month in range(1, 8):
        inputs = CollectionInputs(
            employee="li", state=state, month_wage=Decimal(3500), minimum_wage=Decimal(2690)
        )
        statements.append(settle_month(policy, Period(year=2024, month=month), receivables, inputs))
        state = statements[-1].state_out
    return statements


def key_account_policy() -> CollectionPolicy:
    """The key-account process: sample certified 1,000–2,000; capability
    or system audit passed 1,000–2,000; admitted to the supplier list 3,000–5,000; the
    salesperson advances 20 % of relationship expenses until a formal agreement is signed
    and sales follow. Commission on the orders that follow is proportional to collection."""
    return _policy(
        "key-account",
        "大客户开发",
        Proportional(clause="大客户开发办法 第6条"),
        milestones=(
            MilestoneAward(
                kind=MilestoneKind.SAMPLE_CERTIFIED,
                low=Decimal(1000),
                high=Decimal(2000),
                clause="大客户开发办法 第3条",
            ),
            MilestoneAward(
                kind=MilestoneKind.CAPABILITY_AUDIT,
                low=Decimal(1000),
                high=Decimal(2000),
                clause="大客户开发办法 第4条",
            ),
            MilestoneAward(
                kind=MilestoneKind.SUPPLIER_LISTED,
                low=Decimal(3000),
                high=Decimal(5000),
                clause="大客户开发办法 第5条",
            ),
        ),
        expense_advance=ExpenseAdvance(share=Rate.parse("20%"), clause="大客户开发办法 第7条"),
    )


#: Every example policy by id.
EXAMPLE_POLICIES: Final = {
    policy.policy_id: policy
    for policy in (
        proportional_policy(),
        full_collection_policy(),
        staged_policy(),
        days_to_collect_policy(),
        overdue_policy(),
        aging_policy(),
        matrix_policy(),
        reserve_policy(),
        key_account_policy(),
        reserve_in_parts_policy(),
    )
}


def example_bad_debt() -> list[CollectionStatement]:
    """January to March 2024 for Li under :func:`reserve_policy`: a 100,000 invoice with
    3,000 of commission, released on invoicing in January (300 to the reserve) and written
    off as a bad debt in March. March claws back 3,000: the reserve pays 300, and a
    3,500 wage with a 2,690 minimum wage allows 700 (20 %), so 2,000 is carried."""
    invoice = Invoice(
        invoice_id="A-01",
        customer="ACME",
        salesperson="li",
        issued_on=date(2024, 1, 10),
        amount=Decimal(100000),
        commission=Decimal(3000),
        credit_days=30,
    )
    receivables = Receivables(
        invoices=(invoice,),
        matching=MatchingRule.FIFO,
        write_offs=(
            WriteOff(
                write_off_id="W1",
                invoice_id="A-01",
                written_off_on=date(2024, 3, 15),
                amount=Decimal(100000),
                reason="客户破产",
            ),
        ),
    )
    policy = reserve_policy()
    statements: list[CollectionStatement] = []
    state = CollectionState()
    for month in (1, 2, 3):
        inputs = CollectionInputs(
            employee="li", state=state, month_wage=Decimal(3500), minimum_wage=Decimal(2690)
        )
        statements.append(settle_month(policy, Period(year=2024, month=month), receivables, inputs))
        state = statements[-1].state_out
    return statements


def invoices_with_commission(
    statement: Statement, invoices: Sequence[Invoice]
) -> tuple[Invoice, ...]:
    """The ``invoices`` with the commission a commission ``statement`` earned on their
    deals: each deal's commission lines (an invoice's ``contract_id`` is the deal id) are
    shared over the deal's invoices in proportion to their amounts, to the fen.

    Every deal with commission must have an invoice and every invoice a deal in the
    statement; a component with cap, floor, carry or true-up lines (which belong to no
    single deal) and a deal with negative commission are refused: no commission is lost
    or invented between the engines.
    """
    argument(statement, Statement, "statement")
    given = arguments(invoices, Invoice, "invoices")
    with_deals = {line.component for line in statement.lines if line.kind is LineKind.DEAL}
    for line in statement.lines:
        if line.component in with_deals and line.kind is not LineKind.DEAL:
            raise InvalidValueError(
                f"statement.lines[{line.line_id}]",
                "only deal lines in components paid per deal (a cap, floor, carry or "
                "true-up belongs to no single deal, so its invoices cannot be told)",
                line.kind.value,
            )
    earned: dict[str, Fraction] = {}
    for line in statement.lines:
        if line.kind is LineKind.DEAL and line.deal_id is not None:
            earned[line.deal_id] = earned.get(line.deal_id, Fraction(0)) + Fraction(line.amount)
    for deal_id, amount in earned.items():
        if amount < 0:
            raise InvalidValueError(
                f"statement deal {deal_id}",
                "commission of 0 or more to release on invoices",
                round_money(amount),
            )
    by_deal: dict[str, list[Invoice]] = {}
    for index, invoice in enumerate(given):
        if invoice.contract_id not in earned:
            raise InvalidValueError(
                f"invoices[{index}].contract_id",
                f"a deal of {statement.employee}'s statement ({', '.join(sorted(earned))})",
                invoice.contract_id,
            )
        by_deal.setdefault(invoice.contract_id, []).append(invoice)
    missing = sorted(d for d, amount in earned.items() if amount and d not in by_deal)
    if missing:
        raise InvalidValueError("invoices", "an invoice for every deal with commission", missing)
    result: dict[str, Invoice] = {}
    for deal_id, group in by_deal.items():
        total = sum((Fraction(i.amount) for i in group), Fraction(0))
        shares = allocate([earned[deal_id] * Fraction(i.amount) / total for i in group])
        for invoice, share in zip(group, shares, strict=True):
            result[invoice.invoice_id] = attrs.evolve(invoice, commission=share)
    return tuple(result[i.invoice_id] for i in given)


def one_customer_year(invoices: int) -> tuple[CollectionPolicy, Receivables, Period]:
    """A year of receivables for one salesperson (``li``) with ``invoices`` invoices to one
    customer, settled under :func:`proportional_policy`: invoices issued evenly over 2024,
    due in 30 days, each paid in two halves under FIFO (20 and 50 days after issue, the
    second only while still in the year). Returns the policy, the receivables and the year;
    ``settle_run(policy, year, receivables, "li")`` settles its twelve months.

    >>> from hrpolicy.collection import settle_run
    >>> policy, receivables, year = one_customer_year(24)
    >>> run = settle_run(policy, year, receivables, "li")
    >>> len(run.statements), run.total
    (12, Decimal('6669.45'))
    """
    if isinstance(invoices, bool) or not isinstance(invoices, int):
        raise InvalidTypeError("invoices", "an int", invoices)
    if invoices < 1:
        raise InvalidValueError("invoices", "at least 1", invoices)
    start, end = date(2024, 1, 1), date(2024, 12, 31)
    days = (end - start).days
    sales: list[Invoice] = []
    payments: list[Payment] = []
    for n in range(invoices):
        issued = start + timedelta(days=n * days // invoices)
        amount = Decimal(10000 + 10 * (n % 50))
        sales.append(
            Invoice(
                invoice_id=f"I{n:05d}",
                customer="ACME",
                salesperson="li",
                issued_on=issued,
                amount=amount,
                commission=amount * Decimal("0.03"),
                credit_days=30,
            )
        )
        for k, after in enumerate((20, 50)):
            if issued + timedelta(days=after) <= end:
                payments.append(
                    Payment(
                        payment_id=f"P{n:05d}-{k}",
                        customer="ACME",
                        received_on=issued + timedelta(days=after),
                        amount=amount / 2,
                    )
                )
    receivables = Receivables(
        invoices=tuple(sales), matching=MatchingRule.FIFO, payments=tuple(payments)
    )
    return proportional_policy(), receivables, Period(year=2024)
