"""Statute as data: the legal sources the engines cite, with their effective dates.

A :class:`Source` is a statute, regulation, judicial interpretation, ministerial rule or a
documented line of practice. A :class:`Provision` is a citable part of it (article,
paragraph, items) with a one-line summary in both languages, restated in our own words.

Provisions are looked up by id (``"LCL 22(2)"``) with :func:`provision`; every engine cites
them through these objects so that a citation can be rendered in either language and
checked against the date of the event it is applied to (:meth:`Provision.in_force_on`).

>>> p = provision("LCL 22(2)")
>>> p.cite("en"), p.cite("zh_CN")
('LCL Art. 22(2)', '《劳动合同法》第二十二条第二款')
>>> p.in_force_on(date(2007, 12, 31)), p.in_force_on(date(2012, 12, 7))
(False, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from hrpolicy.core.choice import Choice

__all__ = [
    "PROVISIONS",
    "SOURCES",
    "Provision",
    "Source",
    "SourceKind",
    "chinese_numeral",
    "provision",
]


class SourceKind(Choice):
    """What kind of legal source a :class:`Source` is."""

    STATUTE = "statute"
    REGULATION = "regulation"
    JUDICIAL_INTERPRETATION = "judicial_interpretation"
    MINISTERIAL_RULE = "ministerial_rule"
    PRACTICE = "practice"


@attrs.frozen
class Source:
    """A legal source with the date it took effect and its later amendments."""

    code: str
    title_zh_CN: str
    title_en: str
    kind: SourceKind
    effective_from: date
    amended: tuple[date, ...] = ()
    effective_to: date | None = None

    def in_force_on(self, day: date) -> bool:
        """Whether the source was in force on ``day``."""
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


_CN_DIGITS: Final = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """Write 1–9999 in Chinese numerals as statutes number their articles.

    >>> chinese_numeral(22), chinese_numeral(10), chinese_numeral(96), chinese_numeral(105)
    ('二十二', '十', '九十六', '一百零五')
    """
    if not 0 < number < 10000:
        raise ValueError(f"chinese_numeral: expected 1..9999, got {number}")
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    parts: list[str] = []
    pending_zero = False
    for value, name in units:
        digit = (number // value) % 10
        if digit == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_CN_DIGITS[digit] + name)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


@attrs.frozen
class Provision:
    """A citable part of a :class:`Source`.

    ``article`` is ``None`` for a source cited as a whole (a line of court practice);
    ``items`` lists the numbered items cited (``(2, 3, 4, 5, 6)`` for LCL 39 items 2–6).
    """

    id: str
    source: Source
    article: int | None
    paragraph: int | None
    items: tuple[int, ...]
    summary_zh_CN: str
    summary_en: str
    effective_from: date | None = None

    @property
    def in_force_from(self) -> date:
        """The first day the provision applied (its own date, else its source's)."""
        return self.effective_from or self.source.effective_from

    def in_force_on(self, day: date) -> bool:
        """Whether the provision applied on ``day``."""
        source = self.source
        return (self.effective_from or source.effective_from) <= day and source.in_force_on(day)

    def cite(self, locale: str = "en") -> str:
        """The citation in ``locale`` (``'en'`` or ``'zh_CN'``)."""
        if locale.startswith("zh"):
            return self._cite_zh()
        if self.article is None:
            return self.source.title_en
        text = f"{self.source.code} Art. {self.article}"
        if self.paragraph is not None:
            text += f"({self.paragraph})"
        if self.items:
            text += " item" + ("s " if len(self.items) > 1 else " ") + _item_range(self.items)
        return text

    def _cite_zh(self) -> str:
        title = self.source.title_zh_CN
        if self.article is None:
            # A line of practice is described, not titled; a statute or regulation is.
            return title if self.source.kind is SourceKind.PRACTICE else f"《{title}》"
        text = f"《{title}》第{chinese_numeral(self.article)}条"
        if self.paragraph is not None:
            text += f"第{chinese_numeral(self.paragraph)}款"
        if self.items:
            first, last = self.items[0], self.items[-1]
            if len(self.items) == 1:
                text += f"第（{chinese_numeral(first)}）项"
            else:
                text += f"第（{chinese_numeral(first)}）至（{chinese_numeral(last)}）项"
        return text

    def __str__(self) -> str:
        return self.cite("en")


def _item_range(items: tuple[int, ...]) -> str:
    if len(items) == 1:
        return str(items[0])
    return f"{items[0]}–{items[-1]}"


# --- Sources -------------------------------------------------------------------------

LCL: Final = Source(
    "LCL",
    "劳动合同法",
    "Labour Contract Law of the PRC",
    SourceKind.STATUTE,
    effective_from=date(2008, 1, 1),
    amended=(date(2013, 7, 1),),
)
REGS: Final = Source(
    "Regs",
    "劳动合同法实施条例",
    "Implementing Regulations of the Labour Contract Law",
    SourceKind.REGULATION,
    effective_from=date(2008, 9, 18),
)
LABOUR_LAW: Final = Source(
    "LL",
    "劳动法",
    "Labour Law of the PRC",
    SourceKind.STATUTE,
    effective_from=date(1995, 1, 1),
    amended=(date(2009, 8, 27), date(2018, 12, 29)),
)
WORK_SAFETY_LAW: Final = Source(
    "WSL",
    "安全生产法",
    "Work Safety Law of the PRC",
    SourceKind.STATUTE,
    effective_from=date(2002, 11, 1),
    amended=(date(2009, 8, 27), date(2014, 12, 1), date(2021, 9, 1)),
)
WAGE_PAYMENT: Final = Source(
    "WPP",
    "工资支付暂行规定",
    "Interim Provisions on Wage Payment",
    SourceKind.MINISTERIAL_RULE,
    effective_from=date(1995, 1, 1),
)
WAGE_PAYMENT_SUPPLEMENT: Final = Source(
    "WPP-S",
    "对《工资支付暂行规定》有关问题的补充规定",
    "Supplementary Provisions to the Interim Provisions on Wage Payment (劳部发〔1995〕226号)",
    SourceKind.MINISTERIAL_RULE,
    effective_from=date(1995, 5, 12),
)
MINIMUM_WAGE: Final = Source(
    "MWP",
    "最低工资规定",
    "Provisions on Minimum Wages",
    SourceKind.MINISTERIAL_RULE,
    effective_from=date(2004, 3, 1),
)
SPC_II: Final = Source(
    "SPC-II",
    "最高人民法院关于审理劳动争议案件适用法律问题的解释（二）",
    "SPC Interpretation II on Labour Dispute Cases",
    SourceKind.JUDICIAL_INTERPRETATION,
    effective_from=date(2025, 9, 1),
)
SERVICE_ARITHMETIC: Final = Source(
    "Practice-Service",
    "劳动争议仲裁与审判中的服务期计算实践",
    "Arbitration and court practice on counting service periods",
    SourceKind.PRACTICE,
    effective_from=date(2008, 1, 1),
)
SHANGHAI_PRACTICE: Final = Source(
    "Practice-Shanghai",
    "上海地区劳动争议审判实践（特种作业安全资格培训）",
    "Shanghai labour-dispute practice on special-operation safety-certificate training",
    SourceKind.PRACTICE,
    effective_from=date(2008, 1, 1),
)
PILOT_REGIME: Final = Source(
    "Regime-Pilots",
    "民航飞行员流动管理的专门规则",
    "Special rules on the mobility of civil-aviation pilots",
    SourceKind.PRACTICE,
    effective_from=date(2008, 1, 1),
)
PROBATION_PRACTICE: Final = Source(
    "Practice-Probation",
    "试用期内培训违约金的裁审分歧",
    "Split practice on training penalties for employees in probation",
    SourceKind.PRACTICE,
    effective_from=date(2008, 1, 1),
)
GUANGZHOU_PRACTICE: Final = Source(
    "Practice-Guangzhou",
    "广州地区裁判实践（离职后回款提成）",
    "Guangzhou court practice on commission for money collected after departure",
    SourceKind.PRACTICE,
    effective_from=date(2008, 1, 1),
)
CHENGDU_PRACTICE: Final = Source(
    "Practice-Chengdu",
    "成都市中级人民法院2025年裁判（坏账由销售人员承担）",
    "Chengdu Intermediate People's Court, 2025, on sales staff bearing bad debts",
    SourceKind.PRACTICE,
    effective_from=date(2025, 1, 1),
)

CIVIL_CODE: Final = Source(
    "CC",
    "民法典",
    "Civil Code of the PRC",
    SourceKind.STATUTE,
    effective_from=date(2021, 1, 1),
)
SPC_I: Final = Source(
    "SPC-I",
    "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
    "SPC Interpretation I on Labour Dispute Cases (Fa Shi [2020] No. 26)",
    SourceKind.JUDICIAL_INTERPRETATION,
    effective_from=date(2021, 1, 1),
)
SPC_CONTRACT: Final = Source(
    "SPC-Contract",
    "最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释",
    "SPC Interpretation on the General Part of the Civil Code's Contract Book "
    "(Fa Shi [2023] No. 13)",
    SourceKind.JUDICIAL_INTERPRETATION,
    effective_from=date(2023, 12, 5),
)
MOL_OPINIONS: Final = Source(
    "MOL-309",
    "关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见",
    "Opinions on Implementing the Labour Law (Lao Bu Fa [1995] No. 309)",
    SourceKind.MINISTERIAL_RULE,
    effective_from=date(1995, 8, 4),
)
DECREE_516: Final = Source(
    "Decree-516",
    "国务院关于废止部分行政法规的决定（国务院令第516号）",
    "State Council Decision Repealing Certain Administrative Regulations (Decree No. 516)",
    SourceKind.REGULATION,
    effective_from=date(2008, 1, 15),
)
GUANGDONG_SUPERVISION: Final = Source(
    "GD-LSS",
    "广东省劳动保障监察条例",
    "Guangdong Province Regulations on Labour Security Supervision",
    SourceKind.REGULATION,
    effective_from=date(2013, 5, 1),
    amended=(date(2019, 5, 21),),
)
FINE_PRACTICE: Final = Source(
    "Practice-Fines",
    "民主程序制定的规章制度中罚款条款的裁审分歧",
    "Split practice on fines in work rules adopted through the democratic procedure",
    SourceKind.PRACTICE,
    effective_from=date(2008, 1, 15),
)

SOURCES: Final[Mapping[str, Source]] = MappingProxyType(
    {
        s.code: s
        for s in (
            LCL,
            REGS,
            LABOUR_LAW,
            WORK_SAFETY_LAW,
            WAGE_PAYMENT,
            WAGE_PAYMENT_SUPPLEMENT,
            MINIMUM_WAGE,
            SPC_II,
            SERVICE_ARITHMETIC,
            SHANGHAI_PRACTICE,
            PILOT_REGIME,
            PROBATION_PRACTICE,
            GUANGZHOU_PRACTICE,
            CHENGDU_PRACTICE,
            CIVIL_CODE,
            SPC_I,
            SPC_CONTRACT,
            MOL_OPINIONS,
            DECREE_516,
            GUANGDONG_SUPERVISION,
            FINE_PRACTICE,
        )
    }
)


def _p(
    source: Source,
    article: int | None,
    zh: str,
    en: str,
    *,
    paragraph: int | None = None,
    items: tuple[int, ...] = (),
    effective_from: date | None = None,
) -> Provision:
    ident = source.code if article is None else f"{source.code} {article}"
    if paragraph is not None:
        ident += f"({paragraph})"
    if items:
        ident += " item " + _item_range(items).replace("–", "-")
    return Provision(ident, source, article, paragraph, items, zh, en, effective_from)


_ALL: Final = (
    # Labour Contract Law
    _p(
        LCL,
        3,
        "订立劳动合同，应当遵循合法、公平、平等自愿、协商一致、诚实信用的原则。",
        "A labour contract is concluded lawfully, fairly, freely and equally, by consensus and "
        "in good faith.",
        paragraph=1,
    ),
    _p(
        LCL,
        4,
        "用人单位制定直接涉及劳动者切身利益的规章制度，应当经职工代表大会或者全体职工讨论，与工会或者职工代表平等协商确定，并公示或告知劳动者。",
        "Rules that directly affect workers' interests are adopted after discussion by the "
        "workers' congress or all staff, settled with the union or staff representatives, and "
        "made known to the workers.",
    ),
    _p(
        LCL,
        7,
        "用人单位自用工之日起即与劳动者建立劳动关系。用人单位应当建立职工名册备查。",
        "A labour relationship arises from the day the employer starts using the worker's "
        "labour; the employer keeps a register of its employees.",
    ),
    _p(
        LCL,
        9,
        "用人单位不得扣押劳动者身份证等证件，不得要求劳动者提供担保或以其他名义收取财物。",
        "The employer may not hold the employee's ID or other documents, nor demand a guarantee "
        "or collect property from the employee under any name.",
    ),
    _p(
        LCL,
        22,
        "用人单位为劳动者提供专项培训费用、进行专业技术培训的，可以约定服务期。",
        "An employer that pays for special professional-technical training may agree a service "
        "period with the employee.",
        paragraph=1,
    ),
    _p(
        LCL,
        22,
        "违反服务期约定的，按约定支付违约金；违约金不得超过培训费用，"
        "要求支付的违约金不得超过服务期尚未履行部分所应分摊的培训费用。",
        "On breach the employee pays the agreed penalty, which may not exceed the training cost; "
        "the amount demanded may not exceed the cost allocated to the unperformed part of the "
        "service period.",
        paragraph=2,
    ),
    _p(
        LCL,
        22,
        "约定服务期的，不影响劳动者在服务期期间按照正常的工资调整机制提高劳动报酬。",
        "A service period does not stop the employee's normal pay raises.",
        paragraph=3,
    ),
    _p(
        LCL,
        23,
        "用人单位与劳动者可以在劳动合同中约定保守用人单位的商业秘密和与知识产权相关的保密事项。",
        "Employer and employee may agree that the employee keeps the employer's trade secrets "
        "and confidential matters of intellectual property.",
        paragraph=1,
    ),
    _p(
        LCL,
        23,
        "对负有保密义务的劳动者，可以约定竞业限制条款，并约定在解除或终止劳动合同后，在竞业限制期限内按月给予劳动者经济补偿；劳动者违反竞业限制约定的，应当按照约定支付违约金。",
        "With an employee bound to confidentiality a non-compete may be agreed, with monthly "
        "compensation paid during the restriction after the contract ends; an employee who "
        "breaches it pays the agreed penalty.",
        paragraph=2,
    ),
    _p(
        LCL,
        24,
        "竞业限制的人员限于用人单位的高级管理人员、高级技术人员和其他负有保密义务的人员；解除或终止劳动合同后，竞业限制期限不得超过二年。",
        "A non-compete binds only senior managers, senior technical staff and others bound to "
        "confidentiality, for at most two years after the contract ends.",
    ),
    _p(
        LCL,
        25,
        "除第二十二条和第二十三条规定的情形外，用人单位不得与劳动者约定由劳动者承担违约金。",
        "Apart from training bonds (Art. 22) and non-competition (Art. 23), no penalty may be "
        "agreed against the employee.",
    ),
    _p(
        LCL,
        26,
        "用人单位免除自己的法定责任、排除劳动者权利的条款无效。",
        "A clause by which the employer exempts itself from legal liability or excludes the "
        "employee's rights is void.",
        paragraph=1,
    ),
    _p(
        LCL,
        30,
        "用人单位应当按照约定和国家规定，向劳动者及时足额支付劳动报酬。",
        "The employer must pay wages in full and on time as agreed and as the state provides.",
    ),
    _p(
        LCL,
        35,
        "用人单位与劳动者协商一致，可以变更劳动合同约定的内容。变更劳动合同，应当采用书面形式。",
        "Employer and employee may change the terms of the contract by agreement; the change "
        "is made in writing.",
    ),
    _p(
        LCL,
        36,
        "用人单位与劳动者协商一致，可以解除劳动合同。",
        "Employer and employee may end the contract by mutual agreement.",
    ),
    _p(
        LCL,
        37,
        "劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同；试用期内提前三日通知。",
        "The employee may end the contract on 30 days' written notice (3 days in probation).",
    ),
    _p(
        LCL,
        38,
        "用人单位未及时足额支付劳动报酬、未依法缴纳社会保险费等情形下，劳动者可以解除劳动合同。",
        "The employee may end the contract for the employer's fault: unpaid wages, no social "
        "insurance, unsafe conditions, unlawful rules, fraud or coercion.",
    ),
    _p(
        LCL,
        39,
        "劳动者在试用期间被证明不符合录用条件的，用人单位可以解除劳动合同。",
        "The employer may dismiss an employee shown in probation not to meet the hiring "
        "conditions.",
        items=(1,),
    ),
    _p(
        LCL,
        39,
        "劳动者严重违反规章制度、严重失职、兼职拒不改正、欺诈、被追究刑事责任的，用人单位可以解除劳动合同。",
        "The employer may dismiss for serious breach of rules, serious dereliction, refusing to "
        "end a second job, fraud, or criminal liability.",
        items=(2, 3, 4, 5, 6),
    ),
    _p(
        LCL,
        39,
        "劳动者同时与其他用人单位建立劳动关系，对完成本单位的工作任务造成严重影响，或者经用人单位提出，拒不改正的，用人单位可以解除劳动合同。",
        "The employer may dismiss an employee who also works for another employer, where it "
        "seriously affects their work or they refuse to stop when asked.",
        items=(4,),
    ),
    _p(
        LCL,
        40,
        "劳动者患病或非因工负伤、不能胜任工作、客观情况发生重大变化的，用人单位提前通知后可以解除劳动合同。",
        "The employer may dismiss with notice for illness, incompetence or a major change of "
        "circumstances.",
    ),
    _p(LCL, 41, "用人单位经济性裁员。", "Economic layoffs by the employer."),
    _p(
        LCL,
        44,
        "劳动者开始依法享受基本养老保险待遇、死亡，用人单位被宣告破产、被吊销营业执照或决定提前解散的，劳动合同终止。",
        "The contract ends on retirement, death, the employer's bankruptcy, licence revocation "
        "or closure.",
        items=(2, 3, 4, 5),
    ),
    _p(
        LCL,
        48,
        "用人单位违法解除劳动合同的，劳动者可以要求继续履行或要求赔偿金。",
        "After an unlawful dismissal the employee may ask to continue the contract or for "
        "compensation.",
    ),
    _p(
        LCL,
        50,
        "用人单位应当在解除或终止劳动合同时出具证明，并在十五日内办理档案和社会保险转移手续。",
        "On termination the employer must issue a certificate and transfer the personnel file "
        "and social insurance within 15 days.",
    ),
    _p(
        LCL,
        68,
        "非全日制用工，是指以小时计酬为主，劳动者在同一用人单位一般平均每日工作时间不超过四小时，每周工作时间累计不超过二十四小时的用工形式。",
        "Part-time labour is paid mainly by the hour, with on average at most four hours a day "
        "and at most 24 hours a week at the same employer.",
    ),
    _p(
        LCL,
        69,
        "从事非全日制用工的劳动者可以与一个或者一个以上用人单位订立劳动合同；后订立的劳动合同不得影响先订立的劳动合同的履行。",
        "A part-time worker may contract with more than one employer; a later contract may not "
        "hinder the performance of an earlier one.",
        paragraph=2,
    ),
    _p(
        LCL,
        70,
        "非全日制用工双方当事人不得约定试用期。",
        "No probation may be agreed for part-time labour.",
    ),
    _p(
        LCL,
        71,
        "非全日制用工双方当事人任何一方都可以随时通知对方终止用工；终止用工，用人单位不向劳动者支付经济补偿。",
        "Either party may end part-time labour at any time by notice; no severance is paid.",
    ),
    _p(
        LCL,
        72,
        "非全日制用工小时计酬标准不得低于用人单位所在地人民政府规定的最低小时工资标准。",
        "Part-time hourly pay may not fall below the local hourly minimum wage.",
        paragraph=1,
    ),
    _p(
        LCL,
        72,
        "非全日制用工劳动报酬结算支付周期最长不得超过十五日。",
        "Part-time pay is settled and paid at intervals of at most 15 days.",
        paragraph=2,
    ),
    _p(
        LCL,
        84,
        "扣押劳动者居民身份证等证件的，由劳动行政部门责令限期退还，并依法处罚。",
        "Holding the employee's ID or documents: the labour authority orders their return and "
        "imposes penalties.",
        paragraph=1,
    ),
    _p(
        LCL,
        84,
        "以担保或其他名义向劳动者收取财物的，责令限期退还，并按每人五百元以上二千元以下处以罚款；造成损害的承担赔偿责任。",
        "Collecting property by way of guarantee or otherwise: ordered returned, fine of 500 to "
        "2,000 yuan per employee, plus damages for losses.",
        paragraph=2,
    ),
    _p(
        LCL,
        84,
        "劳动者依法解除或终止劳动合同，用人单位扣押劳动者档案或其他物品的，依照前款规定处罚。",
        "Holding the file or belongings of an employee who left lawfully is punished the same way.",
        paragraph=3,
    ),
    _p(
        LCL,
        85,
        "未及时足额支付劳动报酬的，责令限期支付；逾期不支付的，按应付金额百分之五十以上百分之一百以下加付赔偿金。",
        "Unpaid wages must be paid by a deadline; if not, the employer pays an extra 50 % to "
        "100 % of the amount.",
    ),
    _p(
        LCL,
        87,
        "用人单位违法解除或终止劳动合同的，应当依照经济补偿标准的二倍支付赔偿金。",
        "Unlawful dismissal costs the employer twice the severance standard.",
    ),
    _p(
        LCL,
        89,
        "用人单位不出具解除或终止劳动合同的书面证明，给劳动者造成损害的，应当承担赔偿责任。",
        "An employer that fails to issue the written termination certificate is liable for the "
        "resulting harm.",
    ),
    _p(
        LCL,
        90,
        "劳动者违法解除劳动合同或违反保密、竞业限制义务，给用人单位造成损失的，应当承担赔偿责任。",
        "An employee who quits unlawfully or breaches confidentiality / non-compete pays "
        "damages for proven loss.",
    ),
    _p(
        LCL,
        96,
        "事业单位与实行聘用制的工作人员订立、履行劳动合同，法律、行政法规另有规定的依照其规定。",
        "Appointment contracts in public institutions follow their own laws where those exist.",
    ),
    # Implementing Regulations
    _p(
        REGS,
        13,
        "用人单位与劳动者不得在劳动合同法规定的终止情形之外约定其他的劳动合同终止条件。",
        "The parties may not agree termination conditions beyond those the Labour Contract Law "
        "lists.",
    ),
    _p(
        REGS,
        16,
        "培训费用包括用人单位为劳动者支付的有凭证的培训费用、培训期间的差旅费用以及因培训产生的用于该劳动者的其他直接费用。",
        "Training cost is the vouchered training fees the employer paid for the employee, travel "
        "during training, and other direct costs of that training for that employee.",
    ),
    _p(
        REGS,
        17,
        "劳动合同期满，但服务期尚未到期的，劳动合同应当续延至服务期满。",
        "A labour contract that expires before the service period is extended to the service "
        "period's end.",
    ),
    _p(
        REGS,
        26,
        "用人单位与劳动者约定了服务期，劳动者依照劳动合同法第三十八条的规定解除劳动合同的，不属于违反服务期的约定，用人单位不得要求劳动者支付违约金。",
        "An employee who leaves under LCL 38 (employer fault) does not breach the service "
        "period and owes no penalty.",
        paragraph=1,
    ),
    _p(
        REGS,
        26,
        "劳动者严重违反规章制度、严重失职、兼职、欺诈、被追究刑事责任被解除劳动合同的，劳动者应当按照约定支付违约金。"
        "本款未列试用期不符合录用条件、无过失性辞退、经济性裁员等情形。",
        "An employee dismissed for misconduct (LCL 39 items 2–6) pays the agreed penalty. "
        "The paragraph does not list failed probation, no-fault dismissal or layoffs.",
        paragraph=2,
    ),
    _p(
        REGS,
        27,
        "经济补偿的月工资按照劳动者应得工资计算，包括计时工资或计件工资以及奖金、津贴和补贴等货币性收入。",
        "The monthly wage for severance includes commissions, bonuses and allowances.",
    ),
    # Labour Law
    _p(
        LABOUR_LAW,
        48,
        "国家实行最低工资保障制度。用人单位支付劳动者的工资不得低于当地最低工资标准。",
        "The state guarantees a minimum wage: no employer may pay below the local standard.",
    ),
    _p(
        LABOUR_LAW,
        50,
        "工资应当以货币形式按月支付给劳动者本人。",
        "Wages are paid in money, monthly, to the employee.",
    ),
    _p(
        LABOUR_LAW,
        68,
        "用人单位应当建立职业培训制度，按照国家规定提取和使用职业培训经费。",
        "Employers must run vocational training and fund it as the state provides.",
    ),
    _p(
        LABOUR_LAW,
        102,
        "劳动者违反本法规定的条件解除劳动合同或违反约定的保密事项，给用人单位造成经济损失的，应当依法承担赔偿责任。",
        "An employee who quits in breach of the law or of confidentiality pays damages for the "
        "employer's economic loss.",
    ),
    # Work Safety Law
    _p(
        WORK_SAFETY_LAW,
        28,
        "生产经营单位应当对从业人员进行安全生产教育和培训（2021年修正后的条文序号；"
        "此项义务自2002年施行起即有规定）。",
        "Employers must give employees safety education and training (article number of the "
        "2021 revision; the duty has stood since the law took effect in 2002).",
    ),
    _p(
        WORK_SAFETY_LAW,
        47,
        "生产经营单位应当安排用于配备劳动防护用品、进行安全生产培训的经费（2021年修正后的条文序号）。",
        "Employers must fund protective equipment and safety training (article number of the "
        "2021 revision).",
    ),
    # Wage payment
    _p(
        WAGE_PAYMENT,
        7,
        "工资必须在约定的日期支付，遇节假日或休息日应提前在最近的工作日支付；至少每月支付一次。",
        "Wages are paid on the agreed day, at least monthly; a day falling on a holiday moves to "
        "the previous working day.",
    ),
    _p(
        WAGE_PAYMENT,
        9,
        "劳动关系双方依法解除或终止劳动合同时，用人单位应在解除或终止时一次付清劳动者工资。",
        "On termination the employer pays all wages at once.",
    ),
    _p(
        WAGE_PAYMENT,
        15,
        "用人单位不得克扣劳动者工资，仅可代扣个人所得税、社会保险费、抚养费及法律法规规定的其他费用。",
        "Only tax, the employee's social-insurance share, court-ordered support and items set "
        "by law may be withheld from wages.",
    ),
    _p(
        WAGE_PAYMENT,
        16,
        "因劳动者本人原因给用人单位造成经济损失的，可从工资中扣除赔偿，每月扣除部分不得超过当月工资的20%，扣除后剩余工资不得低于当地月最低工资标准。",
        "Losses the employee caused may be deducted from wages: at most 20 % of the month's "
        "wage, and what remains may not fall below the local minimum wage.",
    ),
    _p(
        WAGE_PAYMENT_SUPPLEMENT,
        3,
        "依法签订的劳动合同或依民主程序制定的规章制度中明确规定的减发工资，不属于克扣。",
        "Reductions written in the labour contract or in rules adopted by the democratic "
        "procedure are not unlawful deductions.",
    ),
    _p(
        MINIMUM_WAGE,
        5,
        "最低工资标准一般采取月最低工资标准和小时最低工资标准的形式；月标准适用于全日制就业劳动者，小时标准适用于非全日制就业劳动者。",
        "Minimum wages are set monthly (for full-time work) and hourly (for part-time work).",
    ),
    _p(
        MINIMUM_WAGE,
        12,
        "最低工资不包括加班工资、特殊工作环境津贴及法定福利待遇。",
        "Overtime pay, special-condition allowances and statutory welfare do not count towards "
        "the minimum wage.",
    ),
    # Civil Code
    _p(
        CIVIL_CODE,
        568,
        "当事人互负债务，该债务的标的物种类、品质相同的，任何一方可以将自己的债务与对方的到期债务抵销。",
        "Where the parties owe each other debts of the same kind, either may set its debt off "
        "against the other's debt that has fallen due.",
        paragraph=1,
    ),
    _p(
        CIVIL_CODE,
        577,
        "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
        "A party that fails to perform, or performs otherwise than agreed, bears liability for "
        "breach: performance, remedy or compensation for loss.",
    ),
    _p(
        CIVIL_CODE,
        584,
        "当事人一方违约造成对方损失的，损失赔偿额应当相当于因违约所造成的损失，包括合同履行后可以获得的利益；但不得超过违约一方订立合同时预见到或者应当预见到的因违约可能造成的损失。",
        "Damages for breach equal the loss the breach caused, including the benefit performance "
        "would have brought, but not beyond what the party in breach foresaw or should have "
        "foreseen when contracting.",
    ),
    _p(
        CIVIL_CODE,
        585,
        "当事人可以约定一方违约时应当根据违约情况向对方支付一定数额的违约金。",
        "The parties may agree that a party in breach pays a stated penalty.",
        paragraph=1,
    ),
    _p(
        CIVIL_CODE,
        585,
        "约定的违约金低于造成的损失的，人民法院或者仲裁机构可以根据当事人的请求予以增加；约定的违约金过分高于造成的损失的，人民法院或者仲裁机构可以根据当事人的请求予以适当减少。",
        "A penalty below the loss may be raised, and one excessively above the loss may be "
        "reduced, by a court or arbitral body on request.",
        paragraph=2,
    ),
    # SPC Interpretation I (labour disputes)
    _p(
        SPC_I,
        32,
        "用人单位与其招用的已经依法享受养老保险待遇或者领取退休金的人员发生用工争议的，按劳务关系处理。",
        "A dispute with a worker already drawing a pension or retirement benefits is treated "
        "as one of labour service.",
        paragraph=1,
    ),
    _p(
        SPC_I,
        36,
        "当事人在劳动合同或者保密协议中约定了竞业限制，但未约定解除或者终止劳动合同后给予劳动者经济补偿，劳动者履行了竞业限制义务，要求用人单位按照劳动者在劳动合同解除或者终止前十二个月平均工资的30%按月支付经济补偿的，人民法院应予支持。",
        "A non-compete with no compensation agreed: a worker who complies is paid monthly 30 % "
        "of the average wage over the 12 months before the contract ended.",
        paragraph=1,
    ),
    _p(
        SPC_I,
        36,
        "前款规定的月平均工资的30%低于劳动合同履行地最低工资标准的，按照劳动合同履行地最低工资标准支付。",
        "Where that 30 % is below the minimum wage of the place where the contract was "
        "performed, the minimum wage is paid.",
        paragraph=2,
    ),
    _p(
        SPC_I,
        38,
        "当事人约定竞业限制和经济补偿，劳动合同解除或终止后，因用人单位的原因导致三个月未支付经济补偿，劳动者请求解除竞业限制约定的，人民法院应予支持。",
        "Compensation unpaid for three months for the employer's reasons lets the worker end "
        "the non-compete.",
    ),
    # SPC Interpretation on the Civil Code's contract book
    _p(
        SPC_CONTRACT,
        65,
        "约定的违约金超过造成损失的百分之三十的，人民法院一般可以认定为过分高于造成的损失。",
        "A penalty more than 30 % above the loss caused is generally excessively higher than it.",
        paragraph=2,
    ),
    # Labour Law opinions (1995)
    _p(
        MOL_OPINIONS,
        12,
        "在校生利用业余时间勤工助学，不视为就业，未建立劳动关系，可以不签订劳动合同。",
        "A student working in spare time while studying is not employed: no labour "
        "relationship arises.",
    ),
    # Fines
    _p(
        DECREE_516,
        None,
        "《企业职工奖惩条例》自2008年1月15日起废止，企业对职工罚款不再有行政法规依据。",
        "The Enterprise Employee Rewards and Penalties Regulations were repealed on 2008-01-15; "
        "fines on workers no longer have a basis in administrative regulation.",
    ),
    _p(
        GUANGDONG_SUPERVISION,
        51,
        "用人单位的规章制度规定了罚款内容的，由人力资源社会保障行政部门责令改正，给予警告；用人单位对劳动者实施罚款的，责令限期改正，逾期未改正的，按照受侵害劳动者每人二千元以上五千元以下的标准处以罚款。",
        "Rules that provide for fines are ordered corrected, with a warning; an employer that "
        "fines workers is ordered to correct it by a deadline, and if it does not, is fined "
        "2,000 to 5,000 yuan per worker harmed.",
    ),
    _p(
        FINE_PRACTICE,
        None,
        "对经民主程序制定并公示的规章制度中的罚款条款，部分法院予以支持，多数裁审观点认为用人单位无罚款权。",
        "Some courts have upheld a fine in rules adopted through the democratic procedure and "
        "made known; most hold that an employer has no power to fine.",
    ),
    # SPC Interpretation II
    _p(
        SPC_II,
        12,
        "用人单位提供住房、车辆、落户等特殊待遇并约定服务期，劳动者违约的，人民法院综合实际损失、过错程度、已履行年限等因素确定赔偿。",
        "Where the employer gave special benefits (housing, car, hukou) for a service period, "
        "a court assesses the employee's damages from actual loss, fault and years served.",
    ),
    # Practice
    _p(
        SERVICE_ARITHMETIC,
        None,
        "裁审实践按月计算服务期，不足一月满半月的按一月计（如九个月二十六天计为十个月）。",
        "Published arithmetic counts service in months, a partial month of at least half a "
        "month as a whole month (9 months 26 days counts as 10).",
    ),
    _p(
        SHANGHAI_PRACTICE,
        None,
        "上海地区实践认可特种作业安全资格证培训可以约定服务期。",
        "Shanghai practice lets special-operation safety-certificate training carry a bond.",
    ),
    _p(
        PILOT_REGIME,
        None,
        "民航飞行员的流动与培训费用赔偿适用民航主管部门会同人社等部门制定的专门规则，不按一般服务期违约金计算。",
        "Civil-aviation pilots' departures and training-cost compensation follow special rules "
        "of the aviation and labour authorities, not the general bond penalty.",
    ),
    _p(
        GUANGZHOU_PRACTICE,
        None,
        "约定员工离职后公司收回的货款不再计发提成的条款被认定无效；已成就的提成应当支付。",
        "A clause forfeiting commission on money collected after the employee leaves was held "
        "void: commission already earned must be paid.",
    ),
    _p(
        CHENGDU_PRACTICE,
        None,
        "以扣发工资的方式由销售人员承担客户坏账损失的规章制度被认定无效。",
        "A rule making sales staff bear customers' bad debts through wage deductions was "
        "struck down.",
    ),
    _p(
        PROBATION_PRACTICE,
        None,
        "试用期内劳动者离职是否支付培训违约金，各地裁审观点不一。",
        "Whether an employee who quits in probation owes the training penalty is contested.",
    ),
)

PROVISIONS: Final[Mapping[str, Provision]] = MappingProxyType({p.id: p for p in _ALL})


def provision(ident: str) -> Provision:
    """Look up a provision by id, e.g. ``"LCL 22(2)"``, ``"LCL 39 item 2-6"``, ``"Regs 26(1)"``.

    >>> provision("Regs 17").cite("zh_CN")
    '《劳动合同法实施条例》第十七条'
    >>> provision("LCL 99")
    Traceback (most recent call last):
    ...
    hrpolicy.core.errors.NotCoveredError: provision: expected one of LCL 3(1), ..., got str 'LCL 99'
    """
    try:
        return PROVISIONS[ident]
    except KeyError:
        # Imported here: hrpolicy.core imports this module, so a top-level import would cycle.
        from hrpolicy.core.errors import NotCoveredError  # noqa: PLC0415

        raise NotCoveredError("provision", f"one of {', '.join(PROVISIONS)}", ident) from None
