"""A whole commission case as one object: the plan, the period, the team's deals and each
person's other facts. It is what a case file of the ``commission`` engine holds (its
``case`` section is :func:`~hrpolicy.core.convert.to_dict` of a :class:`CommissionCase`),
and what ``python -m hrpolicy run`` evaluates.

One person is a team of one: the case always gives a
:class:`~hrpolicy.commission.results.TeamStatement`, one statement per person.

>>> from hrpolicy.commission.examples import example_month
>>> plan, period, deals, inputs = example_month()
>>> case = CommissionCase(plan=plan, period=period, deals=deals, inputs=inputs)
>>> team = case.evaluate()
>>> [(s.employee, s.total) for s in team], team.total
([('li', Decimal('3106.67'))], Decimal('3106.67'))
"""

from __future__ import annotations

import attrs

from hrpolicy.commission.engine import evaluate_team
from hrpolicy.commission.model import Deal, PersonInputs
from hrpolicy.commission.plan import Plan
from hrpolicy.commission.results import TeamStatement
from hrpolicy.core.engines import EngineSpec
from hrpolicy.core.fields import checked, require_unique, typed_fields
from hrpolicy.core.period import Period

__all__ = ["ENGINES", "CommissionCase"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CommissionCase:
    """Everything needed to compute a team's commission for one period under one plan.

    Attributes:
        plan: the commission :class:`~hrpolicy.commission.Plan`.
        period: a month (its monthly components), a quarter (its quarterly ones), a
            season the plan names (its seasonal ones) or a year (its year-end components),
            as :func:`~hrpolicy.commission.evaluate` reads it; in a case file, a mapping
            of its fields or, for a month, quarter or year, its text (``"2025-Q2"``).
        deals: every deal of the team in the period, each once however many people it
            credits, with distinct ids (an empty list when only fixed pay is due).
        inputs: each person's other facts (:class:`~hrpolicy.commission.PersonInputs`): at
            most one per employee; a person with deals and no inputs is evaluated with
            empty ones, a person with inputs and no deal still gets fixed pay. Carries
            from the previous period and lines already paid go here too.
    """

    plan: Plan
    period: Period
    deals: tuple[Deal, ...]
    inputs: tuple[PersonInputs, ...] = ()

    def __attrs_post_init__(self) -> None:
        require_unique([d.deal_id for d in self.deals], "CommissionCase.deals", "deal_id")
        require_unique([i.employee for i in self.inputs], "CommissionCase.inputs", "employee")

    def evaluate(self) -> TeamStatement:
        """Every person's statement (see :func:`hrpolicy.commission.evaluate_team`)."""
        return evaluate_team(self.plan, self.period, self.deals, self.inputs)


def _example_case() -> CommissionCase:
    from hrpolicy.commission.examples import example_month  # noqa: PLC0415 - loaded on use

    plan, period, deals, inputs = example_month()
    return CommissionCase(plan=plan, period=period, deals=deals, inputs=inputs)


#: The commission engine as the boundary (case files, the command line, schemas) sees it.
ENGINES = (
    EngineSpec(
        name="commission",
        summary="compute a team's commission statements for a month or a year under a plan",
        case_type=CommissionCase,
        policy_types=(Plan,),
        result_type=TeamStatement,
        run=CommissionCase.evaluate,
        example_case=_example_case,
    ),
)
