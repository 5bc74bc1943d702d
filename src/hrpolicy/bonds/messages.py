"""Every finding the bond engine can report: code, severity, messages, citations."""

from __future__ import annotations

from typing import Final

from hrpolicy.core.explain import Catalog, FindingSpec, Severity
from hrpolicy.law.provisions import provision as p

__all__ = ["CATALOG"]


CATALOG: Final = Catalog(
    "bonds",
    {
        # --- scope and eligibility (A1) ---------------------------------------------
        "out_of_scope_regime": FindingSpec(
            Severity.WARNING,
            "该劳动关系适用{regime}特别规则，不在本引擎范围内，不计算金额。",
            "The employment falls under the special {regime} regime, outside this engine; no amount is computed.",
            (),
        ),
        "special_benefit_requires_court": FindingSpec(
            Severity.WARNING,
            "以{benefit}待遇约定服务期不属于培训服务期；违约责任由法院综合实际损失、过错和已履行年限确定，不能按违约金计算。",
            "A service period tied to a {benefit} benefit is not a training bond; damages are assessed by a court from actual loss, fault and years served, never computed as a penalty.",
            (p("SPC-II 12"), p("LCL 25")),
        ),
        "bond_on_statutory_training": FindingSpec(
            Severity.VIOLATION,
            "{kind}培训是用人单位依法应当提供的职业培训，属于其法定义务，不能约定服务期；违约金条款无效，应付为0。",
            "{kind} training is vocational training the employer must provide by law, its own statutory duty, and cannot carry a bond; the penalty clause is void and nothing is payable.",
            (p("LCL 22(1)"), p("LL 68")),
        ),
        "bond_on_non_technical_training": FindingSpec(
            Severity.VIOLATION,
            "{kind}培训不属于专业技术培训（新的专业技能、资格证书或设备操作），只有用人单位出资的专业技术培训才能约定服务期；违约金条款无效，应付为0。",
            "{kind} training is not professional-technical training (a new professional skill, certificate or equipment); only employer-funded professional-technical training can carry a bond, so the penalty clause is void and nothing is payable.",
            (p("LCL 22(1)"), p("LCL 25")),
        ),
        "bond_on_safety_training": FindingSpec(
            Severity.VIOLATION,
            "安全生产培训是用人单位的法定义务，不能约定服务期；违约金条款无效，应付为0。",
            "Safety training is the employer's statutory duty and cannot carry a bond; the penalty clause is void and nothing is payable.",
            (p("WSL 28"), p("WSL 47"), p("LCL 22(1)")),
        ),
        "bond_without_training": FindingSpec(
            Severity.VIOLATION,
            "协议约定了服务期，但用人单位没有提供专项培训费用进行专业技术培训（例如以晋升或加薪为对价）；除培训服务期和竞业限制外，不得约定由劳动者承担违约金，违约金条款无效，应付为0。",
            "The agreement sets a service period with no special training funded by the employer behind it (a promotion or a pay rise, say); apart from training bonds and non-competes no penalty may be agreed against the employee, so the penalty clause is void and nothing is payable.",
            (p("LCL 22(1)"), p("LCL 25")),
        ),
        "signed_after_training_started": FindingSpec(
            Severity.WARNING,
            "协议于{signed_on}签订，在培训开始（{training_start}）{days}天后：员工在参加培训前未必知悉并同意服务期和违约金，双方是否协商一致存在争议风险；金额仍按协议计算。",
            "The agreement was signed on {signed_on}, {days} day(s) after the training began on {training_start}: whether the employee knew of and agreed to the service period and penalty before the training is at risk; the figure is still computed.",
            (p("LCL 3(1)"), p("LCL 22(1)")),
        ),
        "signed_after_training_ended": FindingSpec(
            Severity.WARNING,
            "协议于{signed_on}签订，在培训结束（{training_end}）{days}天后：员工参加培训时未必知悉并同意服务期和违约金，双方是否协商一致存在争议风险；金额仍按协议计算。",
            "The agreement was signed on {signed_on}, {days} day(s) after the training ended on {training_end}: whether the employee knew of and agreed to the service period and penalty when training is at risk; the figure is still computed.",
            (p("LCL 3(1)"), p("LCL 22(1)")),
        ),
        "shanghai_special_operation": FindingSpec(
            Severity.INFO,
            "按上海地区实践，特种作业安全资格证培训可以约定服务期（地区选项已开启）。",
            "Under Shanghai practice, special-operation safety-certificate training may carry a bond (regional option on).",
            (p("Practice-Shanghai"),),
        ),
        "training_not_held": FindingSpec(
            Severity.VIOLATION,
            "培训并未实际进行，服务期约定没有对价，违约金条款无效。",
            "The training never took place; the bond has nothing behind it and the penalty clause is void.",
            (p("LCL 22(1)"), p("Regs 16")),
        ),
        "no_recognised_cost": FindingSpec(
            Severity.VIOLATION,
            "用人单位没有可认定的专项培训支出（认定费用为0），不能约定服务期违约金。",
            "The employer has no recognisable special training spend (recognised cost is 0); no bond penalty can be owed.",
            (p("LCL 22(1)"), p("Regs 16")),
        ),
        "in_house_provider": FindingSpec(
            Severity.INFO,
            "培训由内部组织；只有为该员工实际支出且有凭证的直接费用可以计入，讲师或师傅的工时不计入。",
            "The training was run in-house; only vouchered direct spend on this employee counts, never trainer or mentor time.",
            (p("Regs 16"),),
        ),
        # --- cost (A2) ----------------------------------------------------------------
        "costs_excluded": FindingSpec(
            Severity.INFO,
            "{count}项费用未计入培训费用，合计{amount}元（原因见费用明细）。",
            "{count} cost item(s) totalling {amount} yuan are not training cost (reasons in the cost lines).",
            (p("Regs 16"),),
        ),
        "wages_counted_as_cost": FindingSpec(
            Severity.VIOLATION,
            "将工资、津贴或社会保险费计入培训费用不符合规定，已剔除{amount}元。",
            "Wages, allowances or social insurance counted as training cost are not training cost; {amount} yuan excluded.",
            (p("Regs 16"),),
        ),
        "offjob_wages_included_contested": FindingSpec(
            Severity.WARNING,
            "按所选选项，全脱产培训期间的工资{amount}元计入培训费用；此点裁审实践存在争议。",
            "Under the chosen option, {amount} yuan of wages for full-time off-job training is counted as cost; this is contested.",
            (p("Regs 16"),),
        ),
        "living_subsidy_excluded": FindingSpec(
            Severity.INFO,
            "异地培训期间的生活补贴{amount}元具有津贴性质，按默认理解不计入培训费用；可按选项计入（有争议）。",
            "{amount} yuan of living subsidy during off-site training is in the nature of an allowance and, by the default reading, is not training cost; an option counts it (contested).",
            (p("Regs 16"),),
        ),
        "living_subsidy_included_contested": FindingSpec(
            Severity.WARNING,
            "按所选选项，异地培训期间的生活补贴{amount}元计入培训费用；按默认理解其具有津贴性质、不属培训费用，此点存在争议。",
            "Under the chosen option, {amount} yuan of living subsidy during off-site training is counted as training cost; by the default reading it is in the nature of an allowance and not training cost, so this is contested.",
            (p("Regs 16"),),
        ),
        "cost_above_stated_range": FindingSpec(
            Severity.WARNING,
            "认定的培训费用{recognised}元高于协议载明的费用范围（{low}至{high}元）上限{excess}元。本计算以认定费用{recognised}元为准，不按该范围降低（与协议载明的单一费用不同：单一费用低于认定费用时按载明费用计算）；风险：员工签约时知悉的费用不超过{high}元，裁审可能以此为限。",
            "The recognised training cost of {recognised} yuan is {excess} yuan above the top of the range the agreement states ({low} to {high} yuan). The figure here is computed on the recognised cost of {recognised} yuan, not lowered to the range (unlike a single stated cost, which the figure rests on when it is below the recognised cost); the risk: the employee agreed to a cost of at most {high} yuan and a tribunal may hold the employer to it.",
            (p("Regs 16"), p("LCL 22(2)")),
        ),
        "cost_below_stated_range": FindingSpec(
            Severity.VIOLATION,
            "协议载明培训费用为{low}至{high}元，但可认定的费用只有{recognised}元，比范围下限低{shortfall}元：该范围夸大了培训费用；应付金额以认定费用为准。",
            "The agreement states a training cost of {low} to {high} yuan, but only {recognised} yuan is recognisable, {shortfall} yuan below the range's bottom: the range overstated the training; what is owed rests on the recognised cost.",
            (p("Regs 16"), p("LCL 22(2)")),
        ),
        "stated_cost_above_recognised": FindingSpec(
            Severity.VIOLATION,
            "协议载明培训费用{stated}元，但有凭证且可认定的费用只有{recognised}元；超出部分不能作为违约金依据。",
            "The agreement states a training cost of {stated} yuan but only {recognised} yuan is vouchered and recognisable; the excess cannot ground a penalty.",
            (p("Regs 16"), p("LCL 22(2)")),
        ),
        # --- the penalty clause (A3) ----------------------------------------------------
        "no_penalty_clause": FindingSpec(
            Severity.WARNING,
            "协议约定了服务期但没有违约金或返还条款；违约金须按照约定，故不能要求支付。",
            "The agreement sets a service period but no penalty or repayment clause; a penalty is owed only as agreed, so nothing can be claimed.",
            (p("LCL 22(2)"),),
        ),
        "penalty_not_prorated": FindingSpec(
            Severity.VIOLATION,
            "违约金条款（{clause}）不论已服务多久都要求同一金额，不符合法律规定；最多只能按未履行服务期分摊的培训费用主张。",
            "The penalty clause ({clause}) asks the same whatever the time served, which the law does not allow; it is enforceable only up to the cost allocated to the unserved period.",
            (p("LCL 22(2)"),),
        ),
        "penalty_above_cost": FindingSpec(
            Severity.VIOLATION,
            "违约金条款（{clause}）可达{amount}元，超过培训费用{cost}元，超出部分无效。",
            "The penalty clause ({clause}) can reach {amount} yuan, above the training cost of {cost} yuan; the excess is void.",
            (p("LCL 22(2)"),),
        ),
        "penalty_cut_to_cap": FindingSpec(
            Severity.VIOLATION,
            "按协议离职时应付{agreed}元，超过法定上限{cap}元（未履行服务期分摊的培训费用），削减至上限。",
            "The agreement asks {agreed} yuan at this exit, above the statutory cap of {cap} yuan (cost allocated to the unserved period); cut to the cap.",
            (p("LCL 22(2)"),),
        ),
        "length_exceeds_schedule": FindingSpec(
            Severity.WARNING,
            "协议服务期{length}长于公司服务期标准对培训费用{cost}元规定的{years}年。",
            "The agreed service period of {length} is longer than the company schedule's {years} year(s) for a training cost of {cost} yuan.",
            (),
        ),
        "schedule_does_not_cover_cost": FindingSpec(
            Severity.WARNING,
            "公司服务期标准没有覆盖培训费用{cost}元（范围{domain}），无法核对服务期长度。",
            "The company schedule does not cover a training cost of {cost} yuan (it covers {domain}); the agreed length cannot be checked against it.",
            (),
        ),
        # --- probation ------------------------------------------------------------------
        "probation_onboarding_charge": FindingSpec(
            Severity.VIOLATION,
            "向试用期员工收取入职培训费用一律违法。",
            "Charging an employee in probation for onboarding training is always unlawful.",
            (p("LCL 22(1)"), p("LCL 25")),
        ),
        "probation_training_contested": FindingSpec(
            Severity.WARNING,
            "培训发生在试用期内；试用期内能否约定专业技术培训服务期，裁审观点不一。",
            "The training took place during probation; whether professional training in probation can carry a bond is contested.",
            (p("Practice-Probation"),),
        ),
        "contested_probation": FindingSpec(
            Severity.WARNING,
            "员工在试用期内离职，是否支付培训违约金存在争议；按所选选项：{rule}。",
            "The employee left during probation; whether the training penalty is owed is contested. Chosen option: {rule}.",
            (p("Practice-Probation"), p("LCL 37")),
        ),
        # --- other clauses (A7) -----------------------------------------------------------
        "certificate_withholding": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}扣押身份证、学历或资格证书至服务期满或付清，违法，证件应立即退还。",
            "Clause {ref} holds ID, diploma or qualification certificates until the bond is served or paid: unlawful; they must be returned at once.",
            (p("LCL 9"), p("LCL 84(1)")),
        ),
        "deposit_or_guarantee": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}收取培训押金、保证金或要求担保，违法：所收财物应退还，并可按每人500至2000元处以罚款。",
            "Clause {ref} takes a training deposit, cash bond or guarantor: unlawful; what was taken must be returned, and a fine of 500 to 2,000 yuan per employee may be imposed.",
            (p("LCL 9"), p("LCL 84(2)")),
        ),
        "separation_documents_withheld": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}在付清前扣留离职证明、档案或个人物品，违法；离职证明应在解除或终止时出具，档案和社会保险关系应在十五日内转移，造成损害的应予赔偿。",
            "Clause {ref} withholds the separation certificate, personnel file or belongings until paid: unlawful; the certificate is due when employment ends, the file and social-insurance transfer within 15 days, and the employer is liable for harm.",
            (p("LCL 50"), p("LCL 84(3)"), p("LCL 89")),
        ),
        "loss_penalty_void": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}约定赔偿生产损失、招聘成本或“给公司造成的损失”等违约金，无效；只能另行主张经证明的实际损失。",
            "Clause {ref} imposes a penalty for lost production, recruitment cost or 'damage to the company': void; only proven actual loss can be claimed, separately, as damages.",
            (p("LCL 25"), p("LCL 90"), p("LL 102")),
        ),
        "penalty_deducted_from_wages": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}从工资中扣除违约金，违法；工资应足额支付，逾期另加付50%至100%赔偿金。",
            "Clause {ref} deducts the penalty from wages: unlawful; wages must be paid in full, and late payment attracts an extra 50 % to 100 %.",
            (p("WPP 15"), p("WPP 16"), p("LCL 30"), p("LCL 85")),
        ),
        "resignation_restricted": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}禁止服务期内辞职或要求辞职经批准，无效；员工可依法辞职，只承担受上限限制的违约金。",
            "Clause {ref} forbids resignation during the bond or makes it need approval: void; the employee may resign and owes at most the capped penalty.",
            (p("LCL 37"), p("LCL 26(1)")),
        ),
        "penalty_on_exempt_exits": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}要求在用人单位过错、无过失辞退、裁员或违法解除时也支付违约金，无效。",
            "Clause {ref} makes the penalty due even on employer-fault exits, no-fault dismissals, layoffs or unlawful dismissal: void.",
            (p("Regs 26(1)"), p("Regs 26(2)"), p("LCL 26(1)")),
        ),
        "wages_as_cost_clause": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}将工资、津贴或社会保险费计入培训费用，不符合规定。",
            "Clause {ref} counts wages, allowances or social insurance as training cost: not training cost.",
            (p("Regs 16"),),
        ),
        "pay_raise_frozen": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}在服务期内冻结调薪，违法；服务期不影响正常的工资调整。",
            "Clause {ref} freezes pay raises during the bond: unlawful; a service period does not stop normal raises.",
            (p("LCL 22(3)"),),
        ),
        "exam_failure_termination": FindingSpec(
            Severity.VIOLATION,
            "条款{ref}约定考试不合格劳动合同自动终止，无效；不得约定法定情形以外的终止条件。",
            "Clause {ref} ends the contract automatically on a failed exam: void; no termination condition beyond the statutory ones may be agreed.",
            (p("Regs 13"),),
        ),
        # --- the separation (A5, A6) ---------------------------------------------------------
        "contract_extended": FindingSpec(
            Severity.INFO,
            "劳动合同于{contract_end}到期，早于服务期满{service_end}，依法续延至服务期满。",
            "The labour contract ends on {contract_end}, before the service period ends on {service_end}; it is extended to the service period's end.",
            (p("Regs 17"),),
        ),
        "left_before_service_start": FindingSpec(
            Severity.INFO,
            "员工在服务期开始（{start}）前离职；协议只约束服务期，不产生违约金。",
            "The employee left before the service period started ({start}); the bond binds only the service period, so no penalty arises.",
            (p("LCL 22(2)"),),
        ),
        "service_completed": FindingSpec(
            Severity.INFO,
            "服务期已于{end}届满，离职不违反服务期约定。",
            "The service period was completed on {end}; leaving does not breach the bond.",
            (p("LCL 22(2)"),),
        ),
        "exempt_ground": FindingSpec(
            Severity.INFO,
            "离职原因为{ground}：员工不承担服务期违约金。",
            "Exit ground {ground}: the employee owes no bond penalty.",
            (),
        ),
        "mutual_agreement_settles_bond": FindingSpec(
            Severity.INFO,
            "离职协议明确处理了服务期违约金，按法定上限计算。",
            "The separation agreement expressly settles the bond; the amount is computed under the statutory cap.",
            (p("LCL 36"), p("LCL 22(2)")),
        ),
        "damages_claim_separate": FindingSpec(
            Severity.INFO,
            "员工未提前通知擅自离职：用人单位经证明的实际损失只能另行作为赔偿主张，不能作为违约金。",
            "The employee left without notice: the employer's proven actual loss is a separate damages claim, never a penalty.",
            (p("LCL 90"),),
        ),
        "waiver_applied": FindingSpec(
            Severity.INFO,
            "豁免条款{ref}的条件（{condition}）已满足：在法定上限内应付{owed}元，此前的豁免条款适用后剩余{left}元，本条减少{reduction}元。",
            "The condition of waiver clause {ref} ({condition}) is met: of the {owed} yuan owed within the statutory caps, {left} yuan were left after the waivers listed before it, and this one takes off {reduction} yuan.",
            (p("LCL 22(2)"),),
        ),
        "waiver_not_met": FindingSpec(
            Severity.INFO,
            "按所给事实，豁免条款{ref}的条件（{condition}）未满足，不减少应付金额。",
            "On the facts given, the condition of waiver clause {ref} ({condition}) is not met; it takes nothing off what is owed.",
            (),
        ),
        "waiver_listed_for_another_agreement": FindingSpec(
            Severity.WARNING,
            "豁免条件已满足的条目“{entry}”指向协议{owner}的豁免条款{ref}；本次只结算协议{agreement}，该条目不减少本协议的应付金额。如系指本协议的豁免条款，请写作“{ref}”或“{agreement}/{ref}”。",
            "The waivers-met entry '{entry}' names waiver {ref} of agreement {owner}; only agreement {agreement} is settled here, so it takes nothing off this bond. If it means a waiver of this agreement, write '{ref}' or '{agreement}/{ref}'.",
            (),
        ),
        "demand_exceeds_lawful": FindingSpec(
            Severity.VIOLATION,
            "用人单位要求{demanded}元，法律允许的最高为{lawful}元，多要{excess}元。",
            "The employer demanded {demanded} yuan; the law allows at most {lawful} yuan, {excess} yuan too much.",
            (p("LCL 22(2)"),),
        ),
        "refund_due": FindingSpec(
            Severity.VIOLATION,
            "员工已支付{paid}元，超过法律允许的{lawful}元，应退还{refund}元。",
            "The employee already paid {paid} yuan, above the {lawful} yuan the law allows; {refund} yuan must be refunded.",
            (p("LCL 22(2)"),),
        ),
        "collected_from_wages": FindingSpec(
            Severity.VIOLATION,
            "用人单位从工资中扣收了{amount}元违约金，违法；该款作为工资应全额支付，逾期另加付50%至100%赔偿金。",
            "The employer took {amount} yuan of penalty out of wages: unlawful; it is owed as wages, and late payment attracts an extra 50 % to 100 %.",
            (p("WPP 15"), p("WPP 16"), p("LCL 30"), p("LCL 85")),
        ),
        "collected_from_deposit": FindingSpec(
            Severity.VIOLATION,
            "用人单位从押金中扣收了{amount}元；收取押金本身违法，押金应全额退还。",
            "The employer took {amount} yuan out of a deposit; taking the deposit was itself unlawful and it must be returned in full.",
            (p("LCL 9"), p("LCL 84(2)")),
        ),
        "regime_outside_total": FindingSpec(
            Severity.INFO,
            "协议{ids}适用特别法律制度，不计入合计；要求金额、应退款和仍可主张的金额须按该制度另行判断。",
            "Agreement(s) {ids} fall under a special legal regime and are left out of the total; the demand, any refund and what is still owed must be weighed under that regime.",
            (),
        ),
        "assessment_outside_total": FindingSpec(
            Severity.INFO,
            "协议{ids}须由法院评估赔偿，不计入合计；在法院评估前，无法判断要求金额、应退款和仍可主张的金额。",
            "Agreement(s) {ids} need a court's assessment and are left out of the total; the demand, any refund and what is still owed cannot be weighed until a court assesses them.",
            (p("SPC-II 12"),),
        ),
        "provision_not_in_force": FindingSpec(
            Severity.WARNING,
            "所引{citation}自{since}起施行，晚于本事件日期{day}；该结论依据的是后来的规定，请按当时的规定复核。",
            "{citation} applies from {since}, after the event date {day}; this conclusion rests on a later rule, review it under the rules of that time.",
            (),
        ),
    },
)
