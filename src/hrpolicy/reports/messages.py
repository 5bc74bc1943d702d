"""Every finding the weekly-report and scoring engines can report."""

from __future__ import annotations

from typing import Final

from hrpolicy.core.explain import Catalog, FindingSpec, Severity
from hrpolicy.law.provisions import provision as p

__all__ = ["CATALOG"]

CATALOG: Final = Catalog(
    "reports",
    {
        "late": FindingSpec(
            Severity.VIOLATION,
            "周报应于{due}前提交，实际{submitted}提交，迟交，本周周报得0分。",
            "The report was due by {due} and came in at {submitted}: late, so it scores 0.",
        ),
        "in_grace": FindingSpec(
            Severity.INFO,
            "周报于宽限期内提交（应交{due}，实交{submitted}），按时论。",
            "Submitted within the grace period (due {due}, came in {submitted}): counted on time.",
        ),
        "illegible": FindingSpec(
            Severity.VIOLATION,
            "主管认定周报字迹不清/无法辨认，本周周报得0分。",
            "The manager found the report illegible, so it scores 0.",
        ),
        "item_missing": FindingSpec(
            Severity.VIOLATION,
            "缺少必填内容：{item}，该项得0分。",
            "Required item missing: {item}; it scores 0.",
        ),
        "item_too_short": FindingSpec(
            Severity.VIOLATION,
            "{item}内容过少（{chars}字，至少{minimum}字），该项得0分。",
            "{item} is too short ({chars} characters, at least {minimum}); it scores 0.",
        ),
        "item_incomplete": FindingSpec(
            Severity.VIOLATION,
            "{item}缺少{missing}，该项得0分。",
            "{item} lacks {missing}; it scores 0.",
        ),
        "implausible": FindingSpec(
            Severity.VIOLATION,
            "{item}前后不一致：填报{reported}，明细合计{detail}，该项得0分。",
            "{item} does not add up: reported {reported}, the detail gives {detail}; it scores 0.",
        ),
        "untrue": FindingSpec(
            Severity.VIOLATION,
            "{item}与核对数据不符（填报{reported}，系统记录{reference}），内容不真实，该项得0分。",
            "{item} does not match the records (reported {reported}, recorded {reference}): untrue, so it scores 0.",
        ),
        "untrue_spot_check": FindingSpec(
            Severity.VIOLATION,
            "经主管电话抽查，{item}内容不真实，该项得0分。",
            "A manager's phone spot-check found {item} untrue; it scores 0.",
        ),
        "untrue_zeroes_summary": FindingSpec(
            Severity.VIOLATION,
            "{items}内容不真实；按制度，内容不实的整个上周总结（{summary_points}分）得0分，本次失去{lost}分。",
            "{items} found untrue; under the policy untrue content zeroes the whole last-week summary ({summary_points} points), so {lost} points are lost.",
        ),
        "calls_quota_missed": FindingSpec(
            Severity.WARNING,
            "{days}每个工作日电话少于{quota}个。",
            "Fewer than {quota} calls on workdays {days}.",
        ),
        "visits_quota_missed": FindingSpec(
            Severity.WARNING,
            "本周拜访客户{visits}次，少于{quota}次。",
            "{visits} customer visits this week, fewer than {quota}.",
        ),
        "plan_not_followed": FindingSpec(
            Severity.WARNING,
            "上周批准的拜访计划完成{done}/{planned}，低于{share}；未拜访：{missed}。",
            "{done} of {planned} approved planned visits made, below {share}; not visited: {missed}.",
        ),
        "plan_item_missing": FindingSpec(
            Severity.WARNING,
            "下周计划未填写影响销售的地方政策变化。",
            "The next-week plan does not state local policy changes that affect sales.",
        ),
        "report_missing": FindingSpec(
            Severity.VIOLATION,
            "{week}没有提交周报，本周得0分。",
            "No report for {week}: it scores 0.",
        ),
        "deduction": FindingSpec(
            Severity.WARNING,
            "{rule}：共{count}次，扣{points}分。",
            "{rule}: {count} time(s), {points} points off.",
        ),
        "submission_missed": FindingSpec(
            Severity.WARNING,
            "{document}未在{due}前提交，该项得0分{repeated}。",
            "{document} was not in by {due}: it scores 0{repeated}.",
        ),
        "retraining_or_transfer": FindingSpec(
            Severity.WARNING,
            "{trigger}：按制度安排培训或调整岗位。",
            "{trigger}: retraining or another post, as the policy provides.",
            (p("LCL 40"),),
        ),
        "incompetent_after_retraining": FindingSpec(
            Severity.WARNING,
            "{trigger}，且已经培训或调岗：用人单位可以以不能胜任工作为由解除劳动合同，但须提前三十日书面通知或额外支付一个月工资，并支付经济补偿，不得即时辞退。",
            "{trigger} after retraining or a new post: the employer may end the contract for incompetence, but only with 30 days' written notice or a month's pay in lieu, and with severance; never at once.",
            (p("LCL 40"),),
        ),
        # KPI cards, visit and closing quotas, and consequences of runs of periods
        # (reports/cards.py).
        "kpi_improvement_plan": FindingSpec(
            Severity.WARNING,
            "{card}考核{period}得分{score}，低于{standard}分：按制度制定绩效改进计划。低分本身不是解除劳动合同的理由：不能胜任工作须先经培训或调整岗位。",
            "Card {card} scored {score} for {period}, under {standard}: an improvement plan is due under the policy. A low score alone is no ground for dismissal: incompetence must first be met with training or another post.",
            (p("LCL 40"),),
        ),
        "quota_missed": FindingSpec(
            Severity.WARNING,
            "{quota}：完成{done}/{target}（{completion}%），未达月度目标，{parts}系数{coefficient}。",
            "{quota}: {done} of {target} ({completion}%), short of the monthly target: coefficient {coefficient} on {parts}.",
        ),
        "quota_pay_cut": FindingSpec(
            Severity.WARNING,
            "{part}按指标系数{coefficient}计发：应发{amount}元，实发{paid}元，减发{cut}元（依据：{clause}）。减发后当月工资不得低于当地最低工资标准，须在工资表上核对。",
            "{part} paid at the quotas' coefficient {coefficient}: {amount} due, {paid} paid, {cut} less (under {clause}). After this cut the month's pay may not fall below the local minimum wage; check it on the payroll.",
            (p("MWP 12"),),
        ),
        "promotion_due": FindingSpec(
            Severity.INFO,
            "{trigger}：按制度{consequence}。",
            "{trigger}: {consequence} under the policy.",
        ),
        "demotion_due": FindingSpec(
            Severity.WARNING,
            "{trigger}：按制度{consequence}。降职并降低工资属于变更劳动合同：须与劳动者协商一致并采用书面形式；或劳动者确属不能胜任工作，用人单位可以合理调整其工作岗位，工资仅依劳动合同或依法制定的规章制度随新岗位调整；因查实的违纪降职的，须有经民主程序制定并公示的规章制度为依据。不具备上述依据而单方降薪的，属违法。",
            "{trigger}: {consequence} under the policy. A demotion with lower pay changes the labour contract: it needs the employee's written agreement, or proven incompetence met with a reasonable change of post, the pay following the new post only as the contract or lawfully adopted rules provide; a demotion for established misconduct needs rules adopted through the democratic procedure and made known. A pay cut on none of these grounds is unlawful.",
            (p("LCL 35"), p("LCL 40"), p("LCL 4")),
        ),
        "improvement_plan_due": FindingSpec(
            Severity.WARNING,
            "{trigger}：按制度{consequence}。",
            "{trigger}: {consequence} under the policy.",
        ),
    },
)
