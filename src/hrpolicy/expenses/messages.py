"""Every finding the expenses engine can report: code, severity, messages in zh_CN and
en, and the articles that decide it. A finding's numbers are its parameters; its subject
is the lump sum ref, expense id, advance id, plan week or salesperson it is about."""

from __future__ import annotations

from typing import Final

from hrpolicy.core.explain import Catalog, FindingSpec, Severity
from hrpolicy.law.provisions import provision as p

__all__ = ["CATALOG"]

_V: Final = Severity.VIOLATION
_W: Final = Severity.WARNING
_I: Final = Severity.INFO

CATALOG: Final = Catalog(
    "expenses",
    {
        # --- lump sums -------------------------------------------------------------------
        "lump_sum_saving_kept": FindingSpec(
            _I,
            "包干{ref}：包干额{allowance}元，实际支出{spent}元，节余{saving}元归业务员所有。",
            "Lump sum {ref}: {allowance} yuan against {spent} yuan spent; the salesperson keeps the saving of {saving} yuan.",
        ),
        "lump_sum_overspend_borne": FindingSpec(
            _I,
            "包干{ref}：包干额{allowance}元，实际支出{spent}元，超支{overspend}元由业务员自行承担；超支部分不得从工资中扣除，工资照常全额支付。",
            "Lump sum {ref}: {allowance} yuan against {spent} yuan spent; the overspend of {overspend} yuan is borne by the salesperson and is never deducted from wages, which are paid in full.",
            (p("WPP 15"), p("LCL 30")),
        ),
        # --- claims at cost ---------------------------------------------------------------
        "no_standard": FindingSpec(
            _W,
            "费用{ref}（{category}，{amount}元）：政策对该类别既无包干也无报销标准，不予报销；如应报销，须在政策中写明标准。",
            "Expense {ref} ({category}, {amount} yuan): the policy has neither a lump sum nor a standard for the category, so it is not reimbursed; state a standard in the policy if it should be.",
        ),
        "no_receipt": FindingSpec(
            _W,
            "费用{ref}（{category}，{amount}元）：按实报销须有票据凭证，本项没有，不予报销。",
            "Expense {ref} ({category}, {amount} yuan): reimbursement at cost needs a receipt and this one has none, so it is not reimbursed.",
        ),
        "above_standard": FindingSpec(
            _I,
            "费用{ref}（{category}）：支出{amount}元，按标准可报销{allowed}元，超出标准的{excess}元不予报销。",
            "Expense {ref} ({category}): {amount} yuan spent, {allowed} yuan reimbursable to the standard; the {excess} yuan above it is not reimbursed.",
        ),
        "outside_lump_sum_month": FindingSpec(
            _I,
            "费用{ref}（{category}）：属于包干{lump_sum}的类别，但发生在{on}，不在本月{period}内，不计入本月包干支出。",
            "Expense {ref} ({category}): a category of lump sum {lump_sum}, but dated {on}, outside the month {period}; it does not count against this month's lump sum.",
        ),
        # --- the base target ----------------------------------------------------------------
        "reimbursement_held_for_target": FindingSpec(
            _W,
            "{period}未完成任务底薪目标：按政策只在完成目标的月份支付报销，应付报销{amount}元暂缓支付，待完成目标的月份支付。",
            "The task base target of {period} was not met: the policy pays reimbursement only in a month the target is met, so {amount} yuan of reimbursement is held until such a month.",
        ),
        "reimbursement_forfeited": FindingSpec(
            _W,
            "{period}未完成任务底薪目标：按所选选项，应付报销{amount}元不予支付，业务员承担了用人单位经营所生的费用；此规则须订入劳动合同或经民主程序制定并公示的规章制度，仲裁或法院仍可能判令支付。",
            "The task base target of {period} was not met: by the option chosen, {amount} yuan of reimbursement is forfeited and the salesperson bears a cost of the employer's business; such a rule must be in the labour contract or in rules adopted through the democratic procedure and made known, and a tribunal may still order it paid.",
            (p("WPP-S 3"), p("LCL 4")),
        ),
        # --- advances ---------------------------------------------------------------------
        "advance_plan_not_approved": FindingSpec(
            _W,
            "借支{ref}（{amount}元）依据的{week}拜访计划未经主管批准；借支应以批准的拜访计划为依据。",
            "Advance {ref} ({amount} yuan) was drawn against the visit plan of {week}, which no manager approved; advances rest on the approved plan.",
        ),
        "claim_plan_not_approved": FindingSpec(
            _W,
            "费用{ref}（{amount}元）发生在{week}拜访计划下，该计划未经主管批准；报销应以批准的拜访计划为依据。",
            "Expense {ref} ({amount} yuan) was spent under the visit plan of {week}, which no manager approved; reimbursement rests on the approved plan.",
        ),
        "advance_above_budget": FindingSpec(
            _W,
            "{week}拜访计划：借支合计{advanced}元，超过计划预算{budget}元，超出{excess}元。",
            "Visit plan of {week}: advances total {advanced} yuan, above the plan's budget of {budget} yuan by {excess} yuan.",
        ),
        "advance_awaiting_approval": FindingSpec(
            _I,
            "借支余额中{amount}元由待审批的报销覆盖，审批结果确定前不从工资中扣回。",
            "{amount} yuan of the advance balance is covered by claims awaiting approval; nothing of it is recovered from wages until they are decided.",
        ),
        "advance_open": FindingSpec(
            _I,
            "借支{ref}（{week}拜访计划）：{amount}元尚未到期（{falls_due}到期核销），本月不核销、不从工资中扣回，结转下月。",
            "Advance {ref} (visit plan of {week}): {amount} yuan is not yet due (it falls due for reconciliation on {falls_due}); it is carried, and nothing of it is recovered from wages this month.",
            (p("WPP 15"),),
        ),
        "advance_set_against_lump_sums": FindingSpec(
            _I,
            "业务员应归还的到期借支余额{owed}元中，{amount}元与本月包干{lump_sums}元冲抵，不从工资中扣回。",
            "Of the advance balance due of {owed} yuan, {amount} yuan is set against the month's lump sums of {lump_sums} yuan instead of being recovered from wages.",
        ),
        "advance_recovered_from_wages": FindingSpec(
            _W,
            "业务员借支中有{amount}元未由可报销的费用冲抵，应予归还；按每月不超过工资的20%、扣除后不低于当地最低工资的限度，计划从工资中扣回{recovered}元（{months}个月）。",
            "The salesperson owes {amount} yuan of advances due that reimbursable claims do not account for; {recovered} yuan of it is scheduled for recovery from wages over {months} month(s), at most 20 % of each month's wage and never leaving less than the local minimum wage.",
            (p("WPP 16"), p("WPP 15")),
        ),
        "advance_balance_carried": FindingSpec(
            _W,
            "借支余额{amount}元在扣回计划后仍未收回（或未提供可扣回的工资月份）：结转，仍由业务员归还，不得超过上限从工资中扣除。",
            "{amount} yuan of the advance balance is left after the schedule (or no wage month was given to recover it from): carried, still owed by the salesperson, never deducted from wages beyond the cap.",
            (p("WPP 16"),),
        ),
    },
)
