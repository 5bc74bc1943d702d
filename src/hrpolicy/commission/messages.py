"""Every finding the commission engine can report: code, severity, messages, citations."""

from __future__ import annotations

from typing import Final

from hrpolicy.core.explain import Catalog, FindingSpec, Severity
from hrpolicy.law.provisions import provision as p

__all__ = ["CATALOG"]

CATALOG: Final = Catalog(
    "commission",
    {
        "below_list_without_approval": FindingSpec(
            Severity.VIOLATION,
            "合同{deal}低于公司价格（{amount} < {list_amount}）且无总经理批准文件；按{clause}须经批准。",
            "Deal {deal} is below the list price ({amount} < {list_amount}) without an approval reference; {clause} requires one.",
        ),
        "split_not_100": FindingSpec(
            Severity.VIOLATION,
            "合同{deal}的业绩分配合计为{total}，不等于100%；各人按所列比例计提，须更正分配。",
            "The credit split of deal {deal} adds up to {total}, not 100%; each person is credited the share listed, and the split must be corrected.",
        ),
        "late_deal": FindingSpec(
            Severity.INFO,
            "合同{deal}签于{signed_on}，早于本期，在本期补计。",
            "Deal {deal} was signed on {signed_on}, before this period, and is credited in this period.",
        ),
        "deal_version_lacks_component": FindingSpec(
            Severity.WARNING,
            "合同{deal}签于{signed_on}，适用方案版本{version}，该版本没有{component}：本期不为其计付{component}。",
            "Deal {deal} was signed on {signed_on} under plan version {version}, which has no {component}: it earns no {component} in this period.",
        ),
        "company_negotiated": FindingSpec(
            Severity.INFO,
            "合同{deal}由公司出面谈判，超价部分不分成。",
            "Deal {deal} was negotiated by the company itself, so no share of the price above list is paid.",
        ),
        "cap_excess_carried": FindingSpec(
            Severity.INFO,
            "{component}超过封顶{cap}的{excess}结转下期。",
            "{excess} of {component} above the cap of {cap} is carried to the next period.",
        ),
        "cap_excess_forfeited": FindingSpec(
            Severity.WARNING,
            "{component}超过封顶{cap}的{excess}按计划不予发放（无结转）。",
            "{excess} of {component} above the cap of {cap} is not paid: the plan does not carry it forward.",
        ),
        "floor_top_up": FindingSpec(
            Severity.INFO,
            "{component}低于保底{floor}，补足{top_up}{recovery}。",
            "{component} is below the floor of {floor}: topped up by {top_up}{recovery}.",
        ),
        "collection_withheld": FindingSpec(
            Severity.INFO,
            "{component}按回款比例结算：已赚取{earned}，本期结算{settled}，其余{withheld}待回款后结算。",
            "{component} is settled in proportion to collection: {earned} earned, {settled} settled now, {withheld} awaits collection.",
        ),
        "pool_no_profit": FindingSpec(
            Severity.INFO,
            "分公司利润为{profit}，没有可分配的利润提成。",
            "Branch profit is {profit}: there is no profit pool to share.",
        ),
        "overspend_unrecovered": FindingSpec(
            Severity.WARNING,
            "费用超支{overspend}，奖金只能扣回{deducted}；其余{rest}不得从工资中扣除（只能按规章另行处理）。",
            "Expenses overspent by {overspend}; the bonus absorbs only {deducted}. The remaining {rest} may not be deducted from wages.",
            (p("WPP 15"),),
        ),
        "draw_top_up": FindingSpec(
            Severity.INFO,
            "{component}：提成{earned}低于保障额{draw}，补足{top_up}{recovery}。",
            "{component}: commission of {earned} is below the draw of {draw}; topped up by {top_up}{recovery}.",
        ),
        "draw_recovered": FindingSpec(
            Severity.INFO,
            "{component}：从提成中收回以前垫付的{recovered}，尚余{balance}。",
            "{component}: {recovered} of earlier draws is recovered from commission; {balance} remains.",
        ),
        "line_withdrawn": FindingSpec(
            Severity.WARNING,
            "此前已发放的{line}（{amount}）本次不再产生；如需收回，从工资中扣除须受当月工资20%及最低工资的限制。",
            "Line {line}, paid before ({amount}), no longer arises; recovering it from wages is limited to 20% of the month's wage and may not take pay below the minimum wage.",
            (p("WPP 16"),),
        ),
        "nothing_to_settle": FindingSpec(
            Severity.INFO,
            "方案{plan}在{period}没有{frequency}结算的项目：其项目（{components}）均{other}结算，不在本结算单中。",
            "Plan {plan} settles nothing {frequency} for {period}: its components ({components}) are settled {other} and are not part of this statement.",
        ),
        "below_minimum_wage": FindingSpec(
            Severity.VIOLATION,
            "本月应发{pay}低于当地最低工资{minimum}，须补足{shortfall}。",
            "This month's pay of {pay} is below the local minimum wage of {minimum}: {shortfall} must be added.",
            (p("MWP 12"), p("LL 48")),
        ),
        "task_base_literal_reading": FindingSpec(
            Severity.WARNING,
            "{component}：经销商{dealers}家，未达目标{dealer_target}家；按字面解读仅按销售任务折算，发放{paid_share}即{amount}（按较低完成率折算为{lowest_amount}）。",
            "{component}: {dealers} of the {dealer_target} dealers targeted; read literally, the base is prorated on the sales target alone, so {paid_share} of it is paid, {amount} ({lowest_amount} if prorated to the lower attainment).",
        ),
    },
)
