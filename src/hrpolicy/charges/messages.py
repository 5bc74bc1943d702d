"""Every finding the charges engine can report: code, severity, messages in zh_CN and en,
and the articles that decide it. A finding's numbers are its parameters; its subject is
the clause ref, incident id, taking id or pay period it is about."""

from __future__ import annotations

from typing import Final

from hrpolicy.core.explain import Catalog, FindingSpec, Severity
from hrpolicy.law.provisions import provision as p

__all__ = ["CATALOG"]

_V: Final = Severity.VIOLATION
_W: Final = Severity.WARNING
_I: Final = Severity.INFO

CATALOG: Final = Catalog(
    "charges",
    {
        # --- the relationship ---------------------------------------------------------
        "student_in_labour_relationship": FindingSpec(
            _W,
            "劳动者是在校学生，但输入的关系是劳动关系；在校生利用业余时间勤工助学不视为就业，未建立劳动关系。按输入的关系计算。",
            "The worker is an enrolled student, yet the relationship given is a labour relationship; a student working in spare time while studying is not employed, and no labour relationship arises. Settled under the relationship given.",
            (p("MOL-309 12"),),
        ),
        "labour_service_unsupported": FindingSpec(
            _W,
            "输入的关系是劳务关系，但未说明劳动者是利用业余时间勤工助学的在校学生，也未说明其已享受养老保险待遇；用人单位自用工之日起即与劳动者建立劳动关系，仲裁或法院可能认定为劳动关系，届时押金、违约金等条款适用劳动合同法。",
            "The relationship given is labour service, but the worker is neither stated to be a student working in spare time while studying nor to draw a pension; a labour relationship arises from the day the employer uses the worker's labour, so a tribunal may find one, and the Labour Contract Law would then govern the deposits and penalties.",
            (p("LCL 7"), p("MOL-309 12"), p("SPC-I 32(1)"), p("LCL 9"), p("LCL 25")),
        ),
        "part_time_pay_interval": FindingSpec(
            _V,
            "非全日制用工的工资结算周期最长不得超过{limit}日，计薪期间{period}为{days}日。",
            "Part-time labour must be paid at least every {limit} days; the pay period {period} runs {days} days.",
            (p("LCL 72(2)"),),
        ),
        "part_time_below_hourly_minimum": FindingSpec(
            _V,
            "计薪周期{period}：工资{wage}元、工作{hours}小时，小时工资{hourly}元低于当地小时最低工资标准{minimum}元；按最低标准本期至少应付{floor}元，少付{shortfall}元。",
            "Pay period {period}: {wage} yuan for {hours} hours is {hourly} yuan an hour, below the local hourly minimum wage of {minimum} yuan; the period pays at least {floor} yuan at the minimum, {shortfall} yuan short.",
            (p("LCL 72(1)"), p("MWP 5")),
        ),
        "part_time_hourly_pay_not_checked": FindingSpec(
            _I,
            "计薪周期{period}：非全日制用工的小时工资不得低于当地小时最低工资标准；本期未提供{missing}，未作检查。",
            "Pay period {period}: part-time hourly pay may not be below the local hourly minimum wage; the period gives no {missing}, so it is not checked.",
            (p("LCL 72(1)"), p("MWP 5")),
        ),
        # --- the clauses ------------------------------------------------------------------
        "deposit_unlawful": FindingSpec(
            _V,
            "条款{ref}：用人单位不得以任何名义向劳动者收取押金（本条{amount}元）；已收取的应全额退还，不得抵扣，劳动行政部门可按每人{fine_low}元以上{fine_high}元以下处以罚款。",
            "Clause {ref}: an employer may not take a deposit from a worker under any name ({amount} yuan here); what was taken is returned in full with nothing offset, and the labour authority may fine {fine_low} to {fine_high} yuan per worker.",
            (p("LCL 9"), p("LCL 84(2)")),
        ),
        "fine_unlawful": FindingSpec(
            _V,
            "条款{ref}：罚款{amount}元没有法律依据（《企业职工奖惩条例》已于2008年废止）；用人单位不得罚款，只能就实际损失主张赔偿。",
            "Clause {ref}: the fine of {amount} yuan has no legal basis (the Enterprise Employee Rewards and Penalties Regulations were repealed in 2008); no fine may be taken, only a proven loss claimed.",
            (p("Decree-516"),),
        ),
        "fine_unlawful_guangdong": FindingSpec(
            _V,
            "条款{ref}：广东省规定用人单位规章制度规定罚款、对劳动者罚款的，由劳动保障行政部门责令改正；罚款{amount}元违法，无论选项如何。",
            "Clause {ref}: in Guangdong rules providing for fines, and fines imposed, are sanctioned by the labour-security authority; the fine of {amount} yuan is unlawful whatever the option.",
            (p("GD-LSS 51"), p("Decree-516")),
        ),
        "fine_contested": FindingSpec(
            _W,
            "条款{ref}：罚款{amount}元载于经民主程序制定并公示的规章制度；按所选选项视为有效（有争议），裁判实践存在分歧。",
            "Clause {ref}: the fine of {amount} yuan is in rules adopted through the democratic procedure and made known; it stands by the option chosen (contested): practice is split.",
            (p("LCL 4"), p("Practice-Fines")),
        ),
        "penalty_void": FindingSpec(
            _V,
            "条款{ref}：除服务期和竞业限制外，用人单位不得与劳动者约定由劳动者承担违约金；违约金{amount}元无效，可主张的只是实际损失。",
            "Clause {ref}: apart from training bonds and non-competes no penalty may be agreed against a worker; the penalty of {amount} yuan is void, and only a proven loss may be claimed.",
            (p("LCL 25"),),
        ),
        "penalty_void_competitor": FindingSpec(
            _V,
            "条款{ref}：在职期间为竞争对手工作的违约金{amount}元无效；该行为可能构成解除劳动合同的理由，或据实际损失主张赔偿，但不能约定违约金。",
            "Clause {ref}: the penalty of {amount} yuan for working for a competitor during the contract is void; the conduct may justify dismissal, or a claim for the proven loss, but not a penalty.",
            (p("LCL 25"), p("LCL 39 item 4"), p("LCL 90")),
        ),
        "penalty_void_competitor_part_time": FindingSpec(
            _V,
            "条款{ref}：非全日制劳动者可以与其他用人单位订立劳动合同；为竞争对手工作的违约金{amount}元无效，可主张的只是实际损失。",
            "Clause {ref}: a part-time worker may work for other employers; the penalty of {amount} yuan for working for a competitor is void, and only a proven loss may be claimed.",
            (p("LCL 25"), p("LCL 69(2)"), p("LCL 90")),
        ),
        "per_item_charge_void": FindingSpec(
            _V,
            "条款{ref}：按件固定收取{amount}元属于预定的违约金，无效；可以主张的是物品的实际损失，并考虑劳动者的过错程度。",
            "Clause {ref}: a fixed charge of {amount} yuan per item is a predetermined penalty and void; what may be claimed is the item's proven loss, weighed by the worker's fault.",
            (p("LCL 25"), p("WPP 16"), p("LL 102"), p("LCL 90")),
        ),
        "loss_compensation_limited": FindingSpec(
            _I,
            "条款{ref}：“赔偿全部损失”本身不无效，但以实际证明的损失为限；从工资中扣除每月不得超过当月工资的20%，扣除后不得低于当地月最低工资标准。",
            'Clause {ref}: "compensate all losses" is not void in itself, but recovery is limited to the proven loss; from wages at most 20 % of a month\'s wage, never leaving less than the local monthly minimum wage.',
            (p("WPP 16"), p("LL 102"), p("LCL 90")),
        ),
        "loss_compensation_limited_part_time": FindingSpec(
            _I,
            "条款{ref}：“赔偿全部损失”本身不无效，但以实际证明的损失为限；从工资中扣除每个计薪周期不得超过本期工资的20%，扣除后不得低于本期工作小时数乘以当地小时最低工资标准。",
            "Clause {ref}: \"compensate all losses\" is not void in itself, but recovery is limited to the proven loss; from wages at most 20 % of a pay period's wage, never leaving less than the period's hours at the local hourly minimum wage.",
            (p("WPP 16"), p("LL 102"), p("LCL 90"), p("LCL 72(1)"), p("MWP 5")),
        ),
        "loss_compensation_civil": FindingSpec(
            _I,
            "条款{ref}：劳务关系中“赔偿全部损失”以实际证明的损失为限，按民事请求主张。",
            'Clause {ref}: under labour service "compensate all losses" is limited to the proven loss, recovered as a civil claim.',
            (p("CC 577"), p("CC 584")),
        ),
        "non_compete_role": FindingSpec(
            _V,
            "条款{ref}：竞业限制的人员限于高级管理人员、高级技术人员和其他负有保密义务的人员；该劳动者不在此列，竞业限制及其违约金无效。",
            "Clause {ref}: a non-compete may bind only senior managers, senior technical staff and others bound to confidentiality; this worker is none of them, so the non-compete and its penalty are void.",
            (p("LCL 24"), p("LCL 23(2)")),
        ),
        "non_compete_too_long": FindingSpec(
            _W,
            "条款{ref}：约定的竞业限制期{months}个月超过法定上限{limit}个月；限制期按{limit}个月计算，条款在此范围内有效。",
            "Clause {ref}: the non-compete of {months} months exceeds the legal limit of {limit} months; the restriction runs {limit} months and the clause stands for them.",
            (p("LCL 24"), p("LCL 23(2)")),
        ),
        "non_compete_compensation_zero": FindingSpec(
            _W,
            "条款{ref}：约定的竞业限制经济补偿为0元，实质上等于未约定补偿；按离职前12个月平均工资的30%且不低于当地最低工资计算，每月{monthly}元。",
            "Clause {ref}: the agreed non-compete compensation of 0 yuan is no compensation in substance; it is 30 % of the average monthly wage of the 12 months before leaving, not below the local minimum wage: {monthly} yuan a month.",
            (p("SPC-I 36(1)"), p("SPC-I 36(2)"), p("LCL 23(2)")),
        ),
        # --- incidents ----------------------------------------------------------------------
        "loss_not_proven": FindingSpec(
            _W,
            "事件{incident}：条款{clause}只能据实际损失主张，但未证明任何损失，可主张的损失为0。",
            "Incident {incident}: clause {clause} can only claim a proven loss, and none is proven; the loss allowed is 0.",
            (),
        ),
        "penalty_excessive": FindingSpec(
            _W,
            "事件{incident}：条款{clauses}约定的违约金合计{penalty}元，超过实际损失{loss}元{excess}元，超过“损失加{share}”的界限{threshold}元，一般认定为过分高于损失，法院可予以适当减少；违约金按约定计算。",
            "Incident {incident}: the penalties of clause(s) {clauses}, {penalty} yuan in all, exceed the proven loss of {loss} yuan by {excess} yuan, above the threshold of the loss plus {share} ({threshold} yuan); they are generally excessive and a court may reduce them. The penalties are counted as agreed.",
            (p("CC 585(2)"), p("SPC-Contract 65(2)")),
        ),
        "non_compete_compensation_unpaid": FindingSpec(
            _V,
            "条款{ref}：竞业限制期内已满{months}个月，按每月{monthly}元应付经济补偿{due}元，已付{paid}元，未付{unpaid}元。",
            "Clause {ref}: {months} month(s) of the non-compete have run; at {monthly} yuan a month {due} yuan of compensation is due, {paid} yuan paid, {unpaid} yuan unpaid.",
            (p("LCL 23(2)"), p("SPC-I 36(1)"), p("SPC-I 36(2)")),
        ),
        "non_compete_may_end": FindingSpec(
            _W,
            "条款{ref}：截至{on}，用人单位已累计三个月未支付竞业限制经济补偿，劳动者可以请求解除竞业限制约定。",
            "Clause {ref}: by {on} three months of non-compete compensation are unpaid; the worker may end the restriction.",
            (p("SPC-I 38"),),
        ),
        "non_compete_not_breached": FindingSpec(
            _I,
            "事件{incident}（{on}）：{reason}，不构成违反竞业限制，不承担违约金。",
            "Incident {incident} ({on}): {reason}; the non-compete is not breached and no penalty is owed.",
            (p("LCL 24"), p("SPC-I 38")),
        ),
        "competition_after_leaving_lawful": FindingSpec(
            _I,
            "事件{incident}（{on}）：离职后为竞争对手工作，而当时没有有效约束劳动者的竞业限制（无有效条款、限制期已满、劳动者可解除或未支付任何补偿），属于合法就业；劳动者只对违反竞业限制造成的损失承担赔偿责任，所称损失{loss}元不能主张。",
            "Incident {incident} ({on}): working for a competitor after leaving, with no non-compete binding the worker at the time (none stands, it had ended or could be ended, or no compensation had been paid), is lawful work; the worker answers only for a loss caused by breaching a non-compete, so the loss of {loss} yuan cannot be claimed.",
            (p("LCL 23(2)"), p("LCL 24"), p("LCL 90")),
        ),
        "non_compete_unpaid_penalty": FindingSpec(
            _V,
            "事件{incident}：至违约之日用人单位未支付任何竞业限制经济补偿，竞业限制只在支付补偿的前提下约束劳动者；条款{clause}的违约金不能主张。",
            "Incident {incident}: no non-compete compensation had been paid by the day of the breach, and the restriction binds only against compensation; clause {clause}'s penalty cannot be claimed.",
            (p("LCL 23(2)"),),
        ),
        # --- takings --------------------------------------------------------------------------
        "deposit_offset": FindingSpec(
            _V,
            "押金扣抵{taking}：从押金中扣除{amount}元；押金本身违法，应全额退还，扣除不算数，也不减少用人单位可以主张的金额。",
            "Taking {taking}: {amount} yuan drawn from a deposit; the deposit is itself unlawful and comes back whole, so the draw does not count, nor does it reduce what the employer may claim.",
            (p("LCL 9"), p("LCL 84(2)")),
        ),
        "unlawful_charge_returned": FindingSpec(
            _V,
            "收款{taking}：依无效或违法的条款{clause}收取{amount}元，应退还{to_return}元。",
            "Taking {taking}: {amount} yuan taken under clause {clause}, which is void or unlawful; {to_return} yuan is owed back.",
            (),
        ),
        "wage_deduction_unlawful": FindingSpec(
            _V,
            "扣款{taking}：依无效或违法的条款{clause}从工资中扣除{amount}元，属于克扣工资，应退还{to_return}元。",
            "Taking {taking}: {amount} yuan deducted from wages under clause {clause}, which is void or unlawful: wages withheld, {to_return} yuan owed back.",
            (p("WPP 15"), p("LCL 30"), p("LCL 85")),
        ),
        "penalty_deducted_from_wages": FindingSpec(
            _V,
            "扣款{taking}：依条款{clause}从工资中扣除违约金或罚款{amount}元；工资中只能扣除劳动者造成的经济损失，扣除违约金或罚款属于克扣工资，应退还{to_return}元（条款本身有效的，可另行主张）。",
            "Taking {taking}: {amount} yuan deducted from wages under clause {clause}, a penalty or a fine; only a loss the worker caused may be deducted from wages, so the deduction is wages withheld and {to_return} yuan is owed back (a penalty that stands may be claimed otherwise).",
            (p("WPP 15"), p("WPP 16"), p("LCL 30"), p("LCL 85")),
        ),
        "deduction_over_cap": FindingSpec(
            _V,
            "计薪期间{period}：从工资中扣除赔偿{deducted}元（其中已退还{returned}元），超过本期上限{cap}元，仍超出的{excess}元应退还。",
            "Pay period {period}: {deducted} yuan deducted from wages for compensation ({returned} yuan of it given back), above the period's cap of {cap} yuan; the excess still held, {excess} yuan, is owed back.",
            (p("WPP 16"), p("LCL 30"), p("LCL 85")),
        ),
        "taken_beyond_claim": FindingSpec(
            _V,
            "款项{taking}：依条款{clause}收取{amount}元，超出可主张的金额，超出的{to_return}元应退还。",
            "Taking {taking}: {amount} yuan taken under clause {clause}, beyond what may be claimed; the excess of {to_return} yuan is owed back.",
            (),
        ),
        "deposit_set_off": FindingSpec(
            _I,
            "已交押金{paid}元（扣除已退还部分），其中{drawn}元已被扣抵费用，{set_off}元与用人单位的合法请求抵销，其余{to_return}元应退还。",
            "Of the deposits of {paid} yuan paid (less what was given back), {drawn} yuan was drawn towards charges and {set_off} yuan is set off against the employer's lawful claims; the remaining {to_return} yuan is owed back.",
            (p("CC 568(1)"),),
        ),
        "deposit_refund_overdue": FindingSpec(
            _W,
            "条款{clause}：押金应于{due_on}前退还，截至结算日仍有{held}元未退还。",
            "Clause {clause}: the deposit was to be refunded by {due_on}, and {held} yuan is still held at the settlement.",
            (p("CC 577"),),
        ),
        # --- recovery -------------------------------------------------------------------------
        "recovery_carried": FindingSpec(
            _I,
            "尚有{amount}元未能在已列出的计薪期间内扣回，结转以后各期，每期仍受扣除上限限制。",
            "{amount} yuan cannot be recovered in the pay periods given; it is carried to later periods, each still under the cap.",
            (p("WPP 16"),),
        ),
        "penalty_not_from_wages": FindingSpec(
            _I,
            "尚未收回的金额中{amount}元是违约金或罚款而非损失，不得从工资中扣除；在职期间结转，离职后作为请求另行主张。",
            "{amount} yuan of what is outstanding is a penalty or a fine, not a loss, and may not be deducted from wages; it is carried while the worker is employed and pursued as a claim once the worker has left.",
            (p("WPP 15"), p("WPP 16")),
        ),
        "claim_after_departure": FindingSpec(
            _I,
            "劳动者最后工作日为{left_on}；离职时应一次付清工资，此后已无工资可扣；其余{amount}元只能作为赔偿请求另行主张。",
            "The worker's last day worked is {left_on}; all wages are paid on leaving, and after that there is no wage to deduct from; the remaining {amount} yuan can only be pursued as a claim.",
            (p("WPP 9"), p("LCL 90"), p("LL 102")),
        ),
        "civil_claim": FindingSpec(
            _I,
            "劳务关系不适用工资扣除规则；{amount}元按民事请求主张。",
            "Under labour service no wage-deduction rule applies; {amount} yuan is pursued as a civil claim.",
            (p("CC 577"), p("CC 584")),
        ),
    },
)
