"""Every finding the collection engine can report: code, severity, messages, citations."""

from __future__ import annotations

from typing import Final

from hrpolicy.core.explain import Catalog, FindingSpec, Severity
from hrpolicy.law.provisions import provision as p

__all__ = ["CATALOG"]

CATALOG: Final = Catalog(
    "collection",
    {
        "coefficient_cut": FindingSpec(
            Severity.INFO,
            "按{rules}，本月新增回款提成{gross}乘以系数{factor}，实发{kept}。",
            "Under {rules}, this month's new release of {gross} is multiplied by {factor}: {kept} is released.",
            (p("WPP-S 3"),),
        ),
        "clawback_from_reserve": FindingSpec(
            Severity.INFO,
            "应扣回的提成{amount}先从风险金中扣除。",
            "{amount} of commission to claw back is taken from the reserve first.",
        ),
        "clawback_to_recovery": FindingSpec(
            Severity.INFO,
            "本月冲回（含风险金预留）超过本月发放额{amount}，转入待扣回。",
            "This month's clawbacks (with the reserve withheld) exceed its release by {amount}, which is carried to recovery.",
        ),
        "recovery_capped": FindingSpec(
            Severity.INFO,
            "本月从工资中扣回{recovered}（上限{cap}：当月工资的20%，且扣后不低于最低工资），尚余{remaining}结转。",
            "{recovered} is recovered from this month's wage (cap {cap}: 20% of the month's wage, leaving at least the minimum wage); {remaining} is carried forward.",
            (p("WPP 16"),),
        ),
        "recovery_after_departure": FindingSpec(
            Severity.WARNING,
            "员工已离职，待扣回的{amount}无法再从工资中扣除；如需追偿须另行主张。",
            "The salesperson has left: the {amount} still to recover can no longer be deducted from wages and must be claimed otherwise.",
            (p("WPP 16"),),
        ),
        "bad_debt_share_void": FindingSpec(
            Severity.VIOLATION,
            "制度要求销售人员承担坏账的{share}（本月{amount}）；以扣工资方式让员工承担坏账的规定无效，未予扣除。",
            "The policy makes the salesperson bear {share} of bad debts ({amount} this month); a rule shifting bad debts onto staff through wage deductions is void and is not applied.",
            (p("Practice-Chengdu"), p("WPP 15"), p("WPP 16")),
        ),
        "reserve_principal_void": FindingSpec(
            Severity.VIOLATION,
            "制度要求以风险金抵扣坏账本金（本年{amount}）；让员工承担坏账的规定无效，风险金只抵扣坏账对应的提成。",
            "The policy nets bad-debt principal ({amount} this year) against the reserve; making staff bear bad debts is void, so only commission clawed back is netted.",
            (p("Practice-Chengdu"), p("WPP 15")),
        ),
        "post_departure_forfeiture_void": FindingSpec(
            Severity.VIOLATION,
            "制度规定离职后回款不计提成；该条款无效，离职后（{left_on}之后）回款对应的提成{amount}照常发放。",
            "The policy forfeits commission on money collected after departure; the clause is void, and the {amount} released on invoices collected after {left_on} is paid.",
            (p("Practice-Guangzhou"), p("WPP 9")),
        ),
        "milestone_awaiting_approval": FindingSpec(
            Severity.INFO,
            "{milestone}（客户{customer}）可获奖励{low}至{high}，待审批确定金额后发放。",
            "{milestone} ({customer}) earns an award of {low} to {high}; it is paid once the figure is approved.",
        ),
        "advance_outstanding": FindingSpec(
            Severity.INFO,
            "销售人员为客户{customer}垫付的公关费用{amount}，待签订正式协议并实现销售后退还。",
            "The salesperson's advance of {amount} on relationship expenses for {customer} is refunded once a formal agreement is signed and a sale follows.",
        ),
        "unapplied_credit": FindingSpec(
            Severity.INFO,
            "客户{customer}多付{amount}（{reason}），作为客户余额，不计提成。",
            "Customer {customer} paid {amount} beyond what it owed ({reason}); it is held as the customer's credit and earns no commission.",
        ),
        "refund_due": FindingSpec(
            Severity.INFO,
            "发票{invoice}退货后客户多付{amount}，应退还客户，不计提成。",
            "After returns on invoice {invoice} the customer has paid {amount} too much: it is owed back and earns no commission.",
        ),
        "clawback_from_reserve_part": FindingSpec(
            Severity.INFO,
            "待扣回的提成{amount}先从风险金部分{part}中抵扣。",
            "{amount} of commission to claw back is taken from reserve part {part} first.",
        ),
        "reserve_part_principal_void": FindingSpec(
            Severity.VIOLATION,
            "制度规定以风险金部分{part}抵扣坏账本金（{written_off}核销{amount}）；让员工承担坏账的约定无效，只抵扣冲回的提成。",
            "The policy nets bad-debt principal ({amount} written off in {written_off}) against reserve part {part}; making staff bear bad debts is void, so only commission clawed back is netted.",
            (p("Practice-Chengdu"), p("WPP 15")),
        ),
        "reserve_part_not_in_version": FindingSpec(
            Severity.INFO,
            "风险金部分{part}（余额{amount}）不在制度版本{version}中：用于抵扣冲回，{release}。",
            "Reserve part {part} (holding {amount}) is not in policy version {version}: it nets clawbacks and is {release}.",
        ),
        "reserve_terms_kept": FindingSpec(
            Severity.INFO,
            "风险金部分{part}的{amount}按预留时的条件处理（{withheld_under}），而非制度版本{version}的条件（{version_terms}）。",
            "{amount} of reserve part {part} is held on the terms it was withheld under ({withheld_under}), not on those of policy version {version} ({version_terms}).",
        ),
    },
)
